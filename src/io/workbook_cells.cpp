// The cells of .xlsx and .ods workbooks (see workbook_cells.hpp).
//
// Both formats are zip containers; the zip is checked first (check_zip) and then opened with
// liborcus's zip reader; the XML parts are read with libxml2's SAX2 parser. (liborcus 0.17's
// own import filters lose data silently: its xlsx filter drops inline strings — openpyxl's
// `t="inlineStr"` cells — and every sheet of a workbook whose relationships name absolute
// targets, `/xl/worksheets/sheet1.xml` as openpyxl writes them, and ignores `date1904`; its ods
// filter keeps only the last paragraph of a cell and reports no merged ranges.)

#include "io/workbook_cells.hpp"

#include <algorithm>
#include <charconv>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <exception>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include <orcus/zip_archive.hpp>
#include <orcus/zip_archive_stream.hpp>

#include "copnet/error.hpp"
#include "detail/text.hpp"

namespace copnet::detail {

std::string column_letters(std::uint32_t column) {
    std::string out;
    std::uint64_t n = static_cast<std::uint64_t>(column) + 1;
    while (n > 0) {
        const auto digit = static_cast<char>('A' + (n - 1) % 26);
        out.insert(out.begin(), digit);
        n = (n - 1) / 26;
    }
    return out;
}

namespace {

[[noreturn]] void fail(const std::string& file, const std::string& message) {
    throw parse_error(file, 0, "", message);
}

std::uint32_t le16(std::string_view b, std::size_t at) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(b[at])) |
           static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 1])) << 8U;
}
std::uint32_t le32(std::string_view b, std::size_t at) {
    return le16(b, at) | le16(b, at + 2) << 16U;
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2 ? 1 : 0;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

} // namespace

// ---- the zip container ----------------------------------------------------------------------

namespace {

struct ZipEntry {
    std::string name;
    std::size_t size = 0;  // uncompressed
};

// The entries of a zip checked by `check_zip`.
std::vector<ZipEntry> zip_entries(std::string_view b, const std::string& file,
                                  const WorkbookLimits& limits) {
    const auto bad = [&](const std::string& why) -> void {
        fail(file, "not a readable workbook: " + why);
    };
    if (b.size() < 22 || b.substr(0, 2) != "PK") bad("not a zip file (an .xlsx or .ods is one)");
    // The last end-of-central-directory signature, as liborcus looks for it.
    static constexpr std::string_view eocd_magic("PK\x05\x06", 4);
    const std::size_t eocd = b.rfind(eocd_magic);
    if (eocd == std::string_view::npos || eocd + 22 > b.size())
        bad("the zip has no central directory (a truncated file?)");
    const std::uint32_t total = le16(b, eocd + 10);
    const std::uint32_t cd_size = le32(b, eocd + 12);
    const std::uint32_t cd_offset = le32(b, eocd + 16);
    if (cd_offset == 0xFFFFFFFFU || total == 0xFFFFU) bad("zip64 archives are not supported");
    if (static_cast<std::uint64_t>(cd_offset) + cd_size > eocd)
        bad("the zip's central directory lies outside the file (a truncated file?)");
    std::vector<ZipEntry> entries;
    std::uint64_t sum = 0;
    std::size_t p = cd_offset;
    static constexpr std::string_view cd_magic("PK\x01\x02", 4);
    static constexpr std::string_view local_magic("PK\x03\x04", 4);
    while (p + 46 <= eocd && b.substr(p, 4) == cd_magic) {
        const std::uint32_t method = le16(b, p + 10);
        const std::uint32_t csize = le32(b, p + 20);
        const std::uint32_t usize = le32(b, p + 24);
        const std::uint32_t nlen = le16(b, p + 28);
        const std::uint32_t xlen = le16(b, p + 30);
        const std::uint32_t clen = le16(b, p + 32);
        const std::uint32_t local = le32(b, p + 42);
        if (p + 46 + nlen > eocd) bad("a damaged zip directory entry");
        std::string name(b.substr(p + 46, nlen));
        if (csize == 0xFFFFFFFFU || usize == 0xFFFFFFFFU || local == 0xFFFFFFFFU)
            bad("zip64 archives are not supported");
        if (method != 0 && method != 8)
            bad("zip entry " + name + " uses a compression other than deflate");
        if (method == 0 && csize != usize) bad("zip entry " + name + " has inconsistent sizes");
        if (static_cast<std::uint64_t>(local) + 30 > b.size() || b.substr(local, 4) != local_magic)
            bad("zip entry " + name + " lies outside the file (a truncated file?)");
        const std::uint64_t data =
            static_cast<std::uint64_t>(local) + 30 + le16(b, local + 26) + le16(b, local + 28);
        if (data + csize > b.size())
            bad("zip entry " + name + " is cut off (a truncated file?)");
        // Deflate turns a byte into at most 1032: a larger declared size is a lie that liborcus
        // would allocate.
        if (static_cast<std::uint64_t>(usize) > static_cast<std::uint64_t>(csize) * 1032 + 1024)
            bad("zip entry " + name + " declares " + std::to_string(usize) + " bytes from " +
                std::to_string(csize) + " compressed ones, more than deflate makes (a damaged file?)");
        if (usize > limits.max_bytes || (sum += usize) > limits.max_bytes)
            bad("it unpacks to more than " + std::to_string(limits.max_bytes) +
                " bytes (a zip bomb?; WorkbookOptions::max_bytes)");
        if (entries.size() >= 100000) bad("more than 100000 zip entries");
        entries.push_back({std::move(name), usize});
        p += 46 + static_cast<std::size_t>(nlen) + xlen + clen;
    }
    if (entries.size() < total) bad("the zip's central directory is damaged (a truncated file?)");
    return entries;
}

// An unpacked part (liborcus's buffer, which may hold a terminating NUL beyond `size`).
struct Part {
    std::vector<unsigned char> bytes;
    std::size_t size = 0;
    [[nodiscard]] std::string_view text() const noexcept {
        return {reinterpret_cast<const char*>(bytes.data()), size};
    }
};

// A zip opened after `check_zip`: its parts by name.
class Zip {
public:
    Zip(std::string_view bytes, const std::string& file, const WorkbookLimits& limits)
        : file_(file),
          stream_(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()),
          archive_(&stream_) {
        for (ZipEntry& e : zip_entries(bytes, file, limits)) sizes_.emplace(std::move(e.name), e.size);
        try {
            archive_.load();
        } catch (const std::exception& e) {
            fail(file_, std::string("not a readable workbook: ") + e.what());
        }
    }
    [[nodiscard]] bool has(const std::string& name) const { return sizes_.contains(name); }
    // The part `name`, or nullopt when the zip lacks it.
    [[nodiscard]] std::optional<Part> part(const std::string& name) const {
        const auto it = sizes_.find(name);
        if (it == sizes_.end()) return std::nullopt;
        Part out;
        bool found = false;
        try {
            found = archive_.read_file_entry(name, out.bytes);
        } catch (const std::bad_alloc&) {
            throw;
        } catch (const std::exception& e) {
            fail(file_, "not a readable workbook: zip entry " + name + ": " + e.what());
        }
        if (!found) fail(file_, "not a readable workbook: zip entry " + name + " cannot be read");
        out.size = std::min(out.bytes.size(), it->second);
        return out;
    }

private:
    std::string file_;
    std::unordered_map<std::string, std::size_t> sizes_;
    orcus::zip_archive_stream_blob stream_;
    orcus::zip_archive archive_;
};

} // namespace

void check_zip(std::string_view bytes, const std::string& file, const WorkbookLimits& limits) {
    (void)zip_entries(bytes, file, limits);
}

// ---- XML through libxml2's SAX2 -----------------------------------------------------------------

namespace {

// The attributes of one element (libxml2's array of localname/prefix/URI/value/end).
class Attributes {
public:
    Attributes(const xmlChar** a, int n) : a_(a), n_(n) {}
    // The value of the attribute `local` (any namespace), `&#38;` decoded; nullopt if absent.
    [[nodiscard]] std::optional<std::string> get(std::string_view local) const {
        for (int i = 0; i < n_; ++i) {
            const xmlChar* const* at = a_ + static_cast<std::ptrdiff_t>(i) * 5;
            if (local != reinterpret_cast<const char*>(at[0])) continue;
            const std::string_view raw(reinterpret_cast<const char*>(at[3]),
                                       static_cast<std::size_t>(at[4] - at[3]));
            std::string out;
            out.reserve(raw.size());
            for (std::size_t k = 0; k < raw.size(); ++k) {
                if (raw[k] == '&' && raw.substr(k, 5) == "&#38;") {
                    out += '&';
                    k += 4;
                } else {
                    out += raw[k];
                }
            }
            return out;
        }
        return std::nullopt;
    }

private:
    const xmlChar** a_;
    int n_;
};

class XmlHandler {
public:
    virtual ~XmlHandler() = default;
    virtual void start(std::string_view local, const Attributes& attributes) = 0;
    virtual void end(std::string_view local) = 0;
    virtual void text(std::string_view chars) = 0;
};

struct SaxState {
    XmlHandler* handler;
    std::exception_ptr failure;
    xmlParserCtxt* ctxt;
};

void quiet_errors(void* /*context*/, const char* /*message*/, ...) {}

class QuietLibxml {
public:
    QuietLibxml() : old_(xmlGenericError), old_context_(xmlGenericErrorContext) {
        xmlSetGenericErrorFunc(nullptr, quiet_errors);
    }
    ~QuietLibxml() { xmlSetGenericErrorFunc(old_context_, old_); }
    QuietLibxml(const QuietLibxml&) = delete;
    QuietLibxml& operator=(const QuietLibxml&) = delete;

private:
    xmlGenericErrorFunc old_;
    void* old_context_;
};

template <class F>
void guarded(void* ctx, F f) {
    auto* parser = static_cast<xmlParserCtxt*>(ctx);
    auto* state = static_cast<SaxState*>(parser->_private);
    if (state->failure) return;
    try {
        f(*state->handler);
    } catch (...) {
        state->failure = std::current_exception();
        xmlStopParser(parser);
    }
}

void on_start(void* ctx, const xmlChar* local, const xmlChar* /*prefix*/, const xmlChar* /*uri*/,
              int /*nb_namespaces*/, const xmlChar** /*namespaces*/, int nb_attributes,
              int /*nb_defaulted*/, const xmlChar** attributes) {
    guarded(ctx, [&](XmlHandler& h) {
        h.start(reinterpret_cast<const char*>(local), Attributes(attributes, nb_attributes));
    });
}
void on_end(void* ctx, const xmlChar* local, const xmlChar* /*prefix*/, const xmlChar* /*uri*/) {
    guarded(ctx, [&](XmlHandler& h) { h.end(reinterpret_cast<const char*>(local)); });
}
void on_text(void* ctx, const xmlChar* chars, int n) {
    guarded(ctx, [&](XmlHandler& h) {
        h.text(std::string_view(reinterpret_cast<const char*>(chars), static_cast<std::size_t>(n)));
    });
}
// A DOCTYPE (which no workbook part has) stops the parse: no entity declarations are read.
void on_internal_subset(void* ctx, const xmlChar* /*name*/, const xmlChar* /*external*/,
                        const xmlChar* /*system*/) {
    guarded(ctx, [](XmlHandler&) { throw invalid_value("a DOCTYPE declaration"); });
}

struct CtxtFree {
    void operator()(xmlParserCtxt* c) const noexcept { xmlFreeParserCtxt(c); }
};

// Parses the XML part `part` of `file` into `handler`. Throws parse_error (not well-formed) or
// what the handler threw.
void parse_xml(std::string_view text, XmlHandler& handler, const std::string& file,
               const std::string& part) {
    if (text.size() > static_cast<std::size_t>(INT_MAX))
        fail(file, "the part " + part + " is too large");
    const QuietLibxml quiet;
    std::unique_ptr<xmlParserCtxt, CtxtFree> ctxt(xmlNewParserCtxt());
    if (!ctxt || !ctxt->sax) throw std::bad_alloc();
    xmlSAXHandler sax{};
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElementNs = on_start;
    sax.endElementNs = on_end;
    sax.characters = on_text;
    sax.cdataBlock = on_text;
    sax.internalSubset = on_internal_subset;
    *ctxt->sax = sax;
    SaxState state{&handler, nullptr, ctxt.get()};
    ctxt->_private = &state;
    static const char empty[] = "";
    // No XML_PARSE_NOENT, DTDLOAD or XINCLUDE: nothing outside the part is read.
    xmlCtxtReadMemory(ctxt.get(), text.empty() ? empty : text.data(), static_cast<int>(text.size()),
                      nullptr, nullptr, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (state.failure) {
        try {
            std::rethrow_exception(state.failure);
        } catch (const invalid_value& e) {
            fail(file, "the part " + part + " holds " + e.what());
        }
    }
    const xmlError* e = xmlCtxtGetLastError(ctxt.get());
    if (ctxt->errNo == XML_ERR_NO_MEMORY || (e != nullptr && e->code == XML_ERR_NO_MEMORY))
        throw std::bad_alloc();
    if (ctxt->wellFormed == 0) {
        std::string message = e != nullptr && e->message != nullptr ? e->message : "not well-formed";
        while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
        fail(file, "the part " + part + " is not well-formed XML (line " +
                       std::to_string(e != nullptr ? e->line : 0) + "): " + message);
    }
}

// ---- xlsx -----------------------------------------------------------------------------------

// `target` of a relationship in the part `base` (e.g. "xl/workbook.xml"), as a zip entry name.
std::string resolve_target(std::string_view base, std::string_view target) {
    std::string path;
    if (!target.empty() && target.front() == '/') {
        path = std::string(target.substr(1));
    } else {
        const auto slash = base.rfind('/');
        path = slash == std::string_view::npos ? std::string() : std::string(base.substr(0, slash + 1));
        path += target;
    }
    // Resolve "." and ".." segments.
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= path.size()) {
        const auto slash = path.find('/', start);
        const std::string seg = path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
        if (seg == "..") {
            if (!parts.empty()) parts.pop_back();
        } else if (!seg.empty() && seg != ".") {
            parts.push_back(seg);
        }
        if (slash == std::string::npos) break;
        start = slash + 1;
    }
    std::string out;
    for (const std::string& s : parts) {
        if (!out.empty()) out += '/';
        out += s;
    }
    return out;
}

// The `.rels` part of `part`: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels".
std::string rels_of(std::string_view part) {
    const auto slash = part.rfind('/');
    if (slash == std::string_view::npos) return "_rels/" + std::string(part) + ".rels";
    return std::string(part.substr(0, slash + 1)) + "_rels/" + std::string(part.substr(slash + 1)) + ".rels";
}

struct Relationship {
    std::string id, type, target;
    bool external = false;
};

class RelsHandler final : public XmlHandler {
public:
    std::vector<Relationship> rels;
    void start(std::string_view local, const Attributes& a) override {
        if (local != "Relationship") return;
        Relationship r;
        r.id = a.get("Id").value_or("");
        r.type = a.get("Type").value_or("");
        r.target = a.get("Target").value_or("");
        const std::string mode = a.get("TargetMode").value_or("");
        r.external = iequals(mode, "External");
        rels.push_back(std::move(r));
    }
    void end(std::string_view) override {}
    void text(std::string_view) override {}
};

bool ends_with(std::string_view s, std::string_view tail) {
    return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

struct SheetRef {
    std::string name, rid;
};

class WorkbookHandler final : public XmlHandler {
public:
    std::vector<SheetRef> sheets;
    bool date1904 = false;
    void start(std::string_view local, const Attributes& a) override {
        if (local == "workbookPr") {
            const std::string v = a.get("date1904").value_or("");
            date1904 = v == "1" || iequals(v, "true");
        } else if (local == "sheet") {
            sheets.push_back({a.get("name").value_or(""), a.get("id").value_or("")});
        }
    }
    void end(std::string_view) override {}
    void text(std::string_view) override {}
};

// sharedStrings.xml: <si> with <t>, or runs <r><t>; phonetic runs <rPh> left out.
class SharedStringsHandler final : public XmlHandler {
public:
    explicit SharedStringsHandler(std::vector<std::string>& texts) : texts_(texts) {}
    void start(std::string_view local, const Attributes&) override {
        if (local == "si") {
            in_si_ = true;
            current_.clear();
        } else if (local == "rPh") {
            ++in_phonetic_;
        } else if (local == "t") {
            in_t_ = true;
        }
    }
    void end(std::string_view local) override {
        if (local == "si") {
            texts_.push_back(std::move(current_));
            current_.clear();
            in_si_ = false;
        } else if (local == "rPh") {
            --in_phonetic_;
        } else if (local == "t") {
            in_t_ = false;
        }
    }
    void text(std::string_view chars) override {
        if (in_si_ && in_t_ && in_phonetic_ == 0) current_ += chars;
    }

private:
    std::vector<std::string>& texts_;
    std::string current_;
    bool in_si_ = false, in_t_ = false;
    int in_phonetic_ = 0;
};

// Is the number format `code` one of dates or times? Letters d, m, y, h, s outside quoted text,
// brackets ([Red], [$-409]) and escaped characters.
bool is_date_code(std::string_view code) {
    bool quoted = false;
    int bracket = 0;
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        if (quoted) {
            if (c == '"') quoted = false;
            continue;
        }
        if (c == '"') quoted = true;
        else if (c == '\\' || c == '_' || c == '*') ++i;
        else if (c == '[') ++bracket;
        else if (c == ']') bracket = std::max(0, bracket - 1);
        else if (bracket == 0) {
            const char l = ascii_lower(c);
            if (l == 'd' || l == 'm' || l == 'y' || l == 'h' || l == 's') return true;
            if (l == 'g' && iequals(code.substr(i, 7), "general")) i += 6;
            if (l == 'e') return false;  // 0.00E+00
        }
    }
    return false;
}

bool is_builtin_date_format(std::uint32_t id) {
    return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
           (id >= 50 && id <= 58);
}

class StylesHandler final : public XmlHandler {
public:
    std::vector<bool> xf_is_date;  // by cellXfs index
    void start(std::string_view local, const Attributes& a) override {
        if (local == "numFmt") {
            const std::uint32_t id = number(a.get("numFmtId").value_or(""));
            if (is_date_code(a.get("formatCode").value_or(""))) custom_dates_.push_back(id);
        } else if (local == "cellXfs") {
            in_cell_xfs_ = true;
        } else if (local == "xf" && in_cell_xfs_) {
            const std::uint32_t id = number(a.get("numFmtId").value_or("0"));
            xf_is_date.push_back(is_builtin_date_format(id) ||
                                 std::ranges::find(custom_dates_, id) != custom_dates_.end());
        }
    }
    void end(std::string_view local) override {
        if (local == "cellXfs") in_cell_xfs_ = false;
    }
    void text(std::string_view) override {}

private:
    static std::uint32_t number(std::string_view s) {
        std::uint32_t v = 0;
        std::from_chars(s.data(), s.data() + s.size(), v);
        return v;
    }
    std::vector<std::uint32_t> custom_dates_;
    bool in_cell_xfs_ = false;
};

// A cell reference "BC12" as 0-based (row, column); nullopt if malformed.
std::optional<std::pair<std::uint32_t, std::uint32_t>> parse_reference(std::string_view ref) {
    std::size_t i = 0;
    std::uint64_t col = 0;
    while (i < ref.size() && ((ref[i] >= 'A' && ref[i] <= 'Z') || (ref[i] >= 'a' && ref[i] <= 'z'))) {
        col = col * 26 + static_cast<std::uint64_t>(ascii_lower(ref[i]) - 'a' + 1);
        if (col > 16384) return std::nullopt;
        ++i;
    }
    std::uint64_t row = 0;
    const std::size_t digits = i;
    while (i < ref.size() && ref[i] >= '0' && ref[i] <= '9') {
        row = row * 10 + static_cast<std::uint64_t>(ref[i] - '0');
        if (row > 1048576) return std::nullopt;
        ++i;
    }
    if (i != ref.size() || col == 0 || row == 0 || i == digits) return std::nullopt;
    return std::pair{static_cast<std::uint32_t>(row - 1), static_cast<std::uint32_t>(col - 1)};
}

class SheetHandler final : public XmlHandler {
public:
    SheetHandler(WorkbookSheet& sheet, WorkbookCells& book, const std::vector<bool>& xf_is_date,
                 bool date1904, const std::vector<std::string>& shared, std::size_t& cells_left,
                 const std::string& file)
        : sheet_(sheet), book_(book), xf_is_date_(xf_is_date), date1904_(date1904),
          shared_(shared), cells_left_(cells_left), file_(file) {}

    void start(std::string_view local, const Attributes& a) override {
        if (local == "row") {
            const std::optional<std::string> r = a.get("r");
            if (r) {
                std::uint32_t n = 0;
                const auto [p, ec] = std::from_chars(r->data(), r->data() + r->size(), n);
                if (ec != std::errc() || p != r->data() + r->size() || n == 0 || n > 1048576)
                    bad("a row number " + *r + " out of range (1 to 1048576)");
                row_ = n - 1;
            } else {
                row_ = next_row_;
            }
            next_row_ = row_ + 1;
            next_column_ = 0;
        } else if (local == "c") {
            in_cell_ = true;
            value_.clear();
            inline_.clear();
            has_value_ = has_formula_ = has_inline_ = false;
            const std::optional<std::string> r = a.get("r");
            if (r) {
                const auto at = parse_reference(*r);
                if (!at) bad("a malformed cell reference " + *r);
                cell_row_ = at->first;
                cell_column_ = at->second;
            } else {
                cell_row_ = row_;
                cell_column_ = next_column_;
            }
            next_column_ = cell_column_ + 1;
            type_ = a.get("t").value_or("n");
            style_ = 0;
            if (const std::optional<std::string> s = a.get("s"))
                std::from_chars(s->data(), s->data() + s->size(), style_);
        } else if (in_cell_ && local == "v") {
            in_v_ = true;
            has_value_ = true;
        } else if (in_cell_ && local == "f") {
            has_formula_ = true;
        } else if (in_cell_ && local == "is") {
            has_inline_ = true;
        } else if (has_inline_ && local == "rPh") {
            ++phonetic_;
        } else if (has_inline_ && local == "t") {
            in_t_ = true;
        } else if (local == "mergeCell") {
            const std::string ref = a.get("ref").value_or("");
            const auto colon = ref.find(':');
            const auto first = parse_reference(std::string_view(ref).substr(0, colon));
            const auto last = colon == std::string::npos
                                  ? first
                                  : parse_reference(std::string_view(ref).substr(colon + 1));
            if (!first || !last) bad("a malformed merged range " + ref);
            sheet_.merged.push_back({first->first, first->second, last->first, last->second});
        }
    }

    void end(std::string_view local) override {
        if (local == "v") in_v_ = false;
        else if (local == "t") in_t_ = false;
        else if (local == "rPh") --phonetic_;
        else if (local == "c" && in_cell_) {
            in_cell_ = false;
            finish_cell();
        }
    }

    void text(std::string_view chars) override {
        if (in_v_) value_ += chars;
        else if (in_t_ && phonetic_ == 0) inline_ += chars;
    }

private:
    [[noreturn]] void bad(const std::string& why) const {
        fail(file_, "sheet " + sheet_.name + ": " + why);
    }

    void add(WorkbookCell cell) {
        if (cells_left_ == 0)
            fail(file_, "the workbook has more non-empty cells than the limit (WorkbookOptions::max_cells)");
        --cells_left_;
        sheet_.cells.push_back(cell);
    }

    void add_text(std::string text) {
        if (text.empty()) return;
        if (book_.texts.size() >= UINT32_MAX) throw std::bad_alloc();
        book_.texts.push_back(std::move(text));
        add({cell_row_, cell_column_, WorkbookCell::Type::text, 0,
             static_cast<std::uint32_t>(book_.texts.size() - 1)});
    }

    void problem(const std::string& what) {
        if (sheet_.has_problem) return;
        sheet_.has_problem = true;
        sheet_.problem_row = cell_row_;
        sheet_.problem_column = cell_column_;
        sheet_.problem = what;
    }

    void finish_cell() {
        if (type_ == "inlineStr") {
            add_text(std::move(inline_));
            return;
        }
        if (!has_value_ || value_.empty()) {
            // A formula whose result was never stored (openpyxl writes these): nothing to read.
            if (has_formula_) problem("a formula without a stored result (open the workbook in a "
                                      "spreadsheet program and save it, or type the value)");
            return;
        }
        if (type_ == "s") {
            std::uint32_t k = 0;
            const auto [p, ec] = std::from_chars(value_.data(), value_.data() + value_.size(), k);
            if (ec != std::errc() || p != value_.data() + value_.size() || k >= shared_.size())
                bad("cell " + column_letters(cell_column_) + std::to_string(cell_row_ + 1) +
                    " names shared string " + value_ + ", which the workbook lacks");
            add_text(shared_[k]);
        } else if (type_ == "str" || type_ == "d") {  // a formula's text; an ISO 8601 date
            add_text(std::move(value_));
        } else if (type_ == "b") {
            add({cell_row_, cell_column_, WorkbookCell::Type::boolean, value_ == "1" ? 1.0 : 0.0, 0});
        } else if (type_ == "e") {
            problem("the error value " + value_);
        } else {
            double x = 0;
            const auto [p, ec] = std::from_chars(value_.data(), value_.data() + value_.size(), x);
            if (ec != std::errc() || p != value_.data() + value_.size() || !std::isfinite(x))
                bad("cell " + column_letters(cell_column_) + std::to_string(cell_row_ + 1) +
                    " holds the malformed number " + value_);
            if (style_ < xf_is_date_.size() && xf_is_date_[style_]) {
                // Serial days since 1899-12-30 (1900 system: serials below 61 shifted by Excel's
                // 1900-02-29) or since 1904-01-01; stored as days since 1970-01-01.
                double days = date1904_ ? x - 24107.0 : x - 25569.0;
                if (!date1904_ && x < 61) days += 1;
                add({cell_row_, cell_column_, WorkbookCell::Type::date, days, 0});
            } else {
                add({cell_row_, cell_column_, WorkbookCell::Type::number, x, 0});
            }
        }
    }

    WorkbookSheet& sheet_;
    WorkbookCells& book_;
    const std::vector<bool>& xf_is_date_;
    bool date1904_;
    const std::vector<std::string>& shared_;
    std::size_t& cells_left_;
    const std::string& file_;
    std::uint32_t row_ = 0, next_row_ = 0, next_column_ = 0;
    std::uint32_t cell_row_ = 0, cell_column_ = 0;
    std::string type_;
    std::uint32_t style_ = 0;
    std::string value_, inline_;
    bool in_cell_ = false, in_v_ = false, in_t_ = false;
    bool has_value_ = false, has_formula_ = false, has_inline_ = false;
    int phonetic_ = 0;
};

Part must_part(const Zip& zip, const std::string& name, const std::string& file) {
    std::optional<Part> p = zip.part(name);
    if (!p) fail(file, "not a readable workbook: it lacks the part " + name);
    return std::move(*p);
}

} // namespace

WorkbookCells read_xlsx_cells(std::string_view bytes, const std::string& file,
                              const WorkbookLimits& limits) {
    const Zip zip(bytes, file, limits);
    // The workbook part, from the package relationships.
    std::string workbook = "xl/workbook.xml";
    if (std::optional<Part> root = zip.part("_rels/.rels")) {
        RelsHandler rels;
        parse_xml(root->text(), rels, file, "_rels/.rels");
        for (const Relationship& r : rels.rels)
            if (!r.external && ends_with(r.type, "/officeDocument")) workbook = resolve_target("", r.target);
    }
    if (!zip.has(workbook)) {
        if (zip.has("content.xml"))
            fail(file, "not a readable .xlsx workbook: it is an OpenDocument file (name it .ods)");
        fail(file, "not a readable .xlsx workbook: it lacks the part " + workbook);
    }
    WorkbookHandler wb;
    parse_xml(must_part(zip, workbook, file).text(), wb, file, workbook);
    RelsHandler rels;
    if (std::optional<Part> r = zip.part(rels_of(workbook)))
        parse_xml(r->text(), rels, file, rels_of(workbook));
    // Only parts inside the zip are read: an external target (a linked workbook) never is.
    std::vector<std::string> shared;
    std::vector<bool> xf_is_date;
    for (const Relationship& r : rels.rels) {
        if (r.external) continue;
        const std::string target = resolve_target(workbook, r.target);
        if (ends_with(r.type, "/sharedStrings")) {
            if (std::optional<Part> p = zip.part(target)) {
                SharedStringsHandler h(shared);
                parse_xml(p->text(), h, file, target);
            }
        } else if (ends_with(r.type, "/styles")) {
            if (std::optional<Part> p = zip.part(target)) {
                StylesHandler h;
                parse_xml(p->text(), h, file, target);
                xf_is_date = std::move(h.xf_is_date);
            }
        }
    }
    WorkbookCells book;
    std::size_t cells_left = limits.max_cells;
    for (const SheetRef& ref : wb.sheets) {
        const auto it = std::ranges::find_if(rels.rels, [&](const Relationship& r) { return r.id == ref.rid; });
        if (it == rels.rels.end() || it->external || !ends_with(it->type, "/worksheet"))
            continue;  // a chart sheet, a dialog sheet: no cells
        const std::string target = resolve_target(workbook, it->target);
        WorkbookSheet& sheet = book.sheets.emplace_back();
        sheet.name = ref.name;
        SheetHandler h(sheet, book, xf_is_date, wb.date1904, shared, cells_left, file);
        parse_xml(must_part(zip, target, file).text(), h, file, target);
    }
    return book;
}

// ---- ods ------------------------------------------------------------------------------------

namespace {

// An ODF date-value ("2024-03-05", "2024-03-05T14:30:15.5") as days since 1970-01-01.
std::optional<double> ods_date(std::string_view v) {
    const auto num = [&](std::size_t at, std::size_t n) -> std::optional<int> {
        if (at + n > v.size()) return std::nullopt;
        int x = 0;
        for (std::size_t i = at; i < at + n; ++i) {
            if (v[i] < '0' || v[i] > '9') return std::nullopt;
            x = x * 10 + (v[i] - '0');
        }
        return x;
    };
    const auto y = num(0, 4), m = num(5, 2), d = num(8, 2);
    if (!y || !m || !d || v.size() < 10 || v[4] != '-' || v[7] != '-' || *m < 1 || *m > 12 || *d < 1 || *d > 31)
        return std::nullopt;
    double days = static_cast<double>(days_from_civil(*y, static_cast<unsigned>(*m), static_cast<unsigned>(*d)));
    if (v.size() == 10) return days;
    const auto h = num(11, 2), mi = num(14, 2), sec = num(17, 2);
    if (v[10] != 'T' || !h || !mi || !sec || v[13] != ':' || v[16] != ':') return std::nullopt;
    double seconds = *h * 3600.0 + *mi * 60.0 + *sec;
    std::size_t k = 19;
    if (k < v.size() && v[k] == '.') {
        double scale = 0.1;
        for (++k; k < v.size() && v[k] >= '0' && v[k] <= '9'; ++k, scale /= 10) seconds += (v[k] - '0') * scale;
    }
    if (k < v.size() && v.substr(k) != "Z") return std::nullopt;
    return days + seconds / 86400.0;
}

// content.xml of an OpenDocument spreadsheet.
class OdsHandler final : public XmlHandler {
public:
    OdsHandler(WorkbookCells& book, std::size_t& cells_left, const std::string& file)
        : book_(book), cells_left_(cells_left), file_(file) {}

    void start(std::string_view local, const Attributes& a) override {
        if (annotation_ > 0) {
            if (local == "annotation") ++annotation_;
            return;
        }
        if (local == "table" && cell_depth_ == 0) {
            if (sheet_ != nullptr) {  // a table inside a table: not one of copnet's
                ++nested_;
                return;
            }
            book_.sheets.emplace_back();
            sheet_ = &book_.sheets.back();
            sheet_->name = a.get("name").value_or("");
            row_ = 0;
        } else if (sheet_ == nullptr || nested_ > 0) {
            return;
        } else if (local == "table-row" && cell_depth_ == 0) {
            rows_repeated_ = repeat(a.get("number-rows-repeated"));
            column_ = 0;
            pending_.clear();
        } else if ((local == "table-cell" || local == "covered-table-cell") && cell_depth_ == 0) {
            ++cell_depth_;
            columns_repeated_ = repeat(a.get("number-columns-repeated"));
            covered_ = local == "covered-table-cell";
            type_ = a.get("value-type").value_or("");
            value_ = a.get("value");
            date_ = a.get("date-value");
            boolean_ = a.get("boolean-value");
            string_ = a.get("string-value");
            formula_ = a.get("formula").has_value();
            text_.clear();
            paragraphs_ = 0;
            const std::uint32_t cs = repeat(a.get("number-columns-spanned"));
            const std::uint32_t rs = repeat(a.get("number-rows-spanned"));
            if (cs > 1 || rs > 1)
                sheet_->merged.push_back({row_, column_, row_ + rs - 1, column_ + cs - 1});
        } else if (cell_depth_ > 0) {
            if (local == "annotation") {
                ++annotation_;
            } else if (local == "p" || local == "h") {
                if (paragraphs_++ > 0) text_ += '\n';
                in_p_ = true;
            } else if (local == "s") {
                const std::uint32_t n = repeat(a.get("c"));
                if (in_p_) text_.append(std::min<std::uint32_t>(n, 1000), ' ');
            } else if (local == "tab") {
                if (in_p_) text_ += '\t';
            } else if (local == "line-break") {
                if (in_p_) text_ += '\n';
            } else if (local == "table-cell") {
                ++cell_depth_;
            }
        }
    }

    void end(std::string_view local) override {
        if (annotation_ > 0) {
            if (local == "annotation") --annotation_;
            return;
        }
        if (local == "table" && cell_depth_ == 0) {
            if (nested_ > 0) --nested_;
            else sheet_ = nullptr;
            return;
        }
        if (sheet_ == nullptr || nested_ > 0) return;
        if (local == "p" || local == "h") {
            in_p_ = false;
        } else if ((local == "table-cell" || local == "covered-table-cell") && cell_depth_ > 0) {
            if (--cell_depth_ == 0) finish_cell();
        } else if (local == "table-row" && cell_depth_ == 0) {
            finish_row();
        }
    }

    void text(std::string_view chars) override {
        if (annotation_ == 0 && in_p_ && cell_depth_ == 1) text_ += chars;
    }

private:
    static std::uint32_t repeat(const std::optional<std::string>& v) {
        if (!v) return 1;
        std::uint64_t n = 0;
        const auto [p, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
        if (ec != std::errc() || n == 0) return 1;
        return static_cast<std::uint32_t>(std::min<std::uint64_t>(n, 1U << 24U));
    }
    [[noreturn]] void bad(const std::string& why) const { fail(file_, "sheet " + sheet_->name + ": " + why); }

    void finish_cell() {
        const std::uint32_t first = column_;
        column_ = static_cast<std::uint32_t>(std::min<std::uint64_t>(std::uint64_t{column_} + columns_repeated_, 1U << 30U));
        if (covered_) return;
        WorkbookCell cell{row_, first, WorkbookCell::Type::text, 0, 0};
        std::string problem;
        if (type_ == "float" || type_ == "percentage" || type_ == "currency") {
            double x = 0;
            const std::string v = value_.value_or("");
            const auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), x);
            if (ec != std::errc() || p != v.data() + v.size() || !std::isfinite(x))
                bad("cell " + column_letters(first) + std::to_string(row_ + 1) + " holds the malformed number " + v);
            cell.type = WorkbookCell::Type::number;
            cell.number = x;
        } else if (type_ == "date") {
            const std::optional<double> d = ods_date(date_.value_or(""));
            if (!d) bad("cell " + column_letters(first) + std::to_string(row_ + 1) + " holds the malformed date " + date_.value_or(""));
            cell.type = WorkbookCell::Type::date;
            cell.number = *d;
        } else if (type_ == "boolean") {
            cell.type = WorkbookCell::Type::boolean;
            cell.number = boolean_.value_or("") == "true" ? 1 : 0;
        } else if (!type_.empty() || !text_.empty()) {  // string, time (as displayed), no type
            std::string t = string_ ? *string_ : text_;
            if (t.empty()) return;
            if (book_.texts.size() >= UINT32_MAX) throw std::bad_alloc();
            book_.texts.push_back(std::move(t));
            cell.text = static_cast<std::uint32_t>(book_.texts.size() - 1);
        } else {
            if (formula_ && !sheet_->has_problem) {
                sheet_->has_problem = true;
                sheet_->problem_row = row_;
                sheet_->problem_column = first;
                sheet_->problem = "a formula without a stored result (open the workbook in a "
                                  "spreadsheet program and save it, or type the value)";
            }
            return;
        }
        if (std::uint64_t{first} + columns_repeated_ > 16384)
            bad("a value beyond the 16384 columns a sheet holds");
        for (std::uint32_t k = 0; k < columns_repeated_; ++k) {
            cell.column = first + k;
            pending_.push_back(cell);
            if (pending_.size() > cells_left_) over_limit();
        }
    }

    void finish_row() {
        if (!pending_.empty()) {
            if (std::uint64_t{row_} + rows_repeated_ > 1048576) bad("a value beyond the 1048576 rows a sheet holds");
            if (static_cast<std::uint64_t>(pending_.size()) * rows_repeated_ > cells_left_) over_limit();
            cells_left_ -= pending_.size() * rows_repeated_;
            for (std::uint32_t r = 0; r < rows_repeated_; ++r)
                for (WorkbookCell c : pending_) {
                    c.row = row_ + r;
                    sheet_->cells.push_back(c);
                }
        }
        pending_.clear();
        row_ = static_cast<std::uint32_t>(std::min<std::uint64_t>(std::uint64_t{row_} + rows_repeated_, 1U << 30U));
    }

    [[noreturn]] void over_limit() const {
        fail(file_, "the workbook has more non-empty cells than the limit (WorkbookOptions::max_cells)");
    }

    WorkbookCells& book_;
    std::size_t& cells_left_;
    const std::string& file_;
    WorkbookSheet* sheet_ = nullptr;
    int nested_ = 0, annotation_ = 0, cell_depth_ = 0;
    std::uint32_t row_ = 0, column_ = 0, rows_repeated_ = 1, columns_repeated_ = 1, paragraphs_ = 0;
    bool covered_ = false, formula_ = false, in_p_ = false;
    std::string type_, text_;
    std::optional<std::string> value_, date_, boolean_, string_;
    std::vector<WorkbookCell> pending_;
};

} // namespace

WorkbookCells read_ods_cells(std::string_view bytes, const std::string& file,
                             const WorkbookLimits& limits) {
    const Zip zip(bytes, file, limits);
    if (!zip.has("content.xml")) {
        if (zip.has("xl/workbook.xml"))
            fail(file, "not a readable .ods workbook: it is an Office Open XML file (name it .xlsx)");
        fail(file, "not a readable .ods workbook: it lacks the part content.xml");
    }
    WorkbookCells book;
    std::size_t cells_left = limits.max_cells;
    OdsHandler handler(book, cells_left, file);
    parse_xml(must_part(zip, "content.xml", file).text(), handler, file, "content.xml");
    return book;
}

} // namespace copnet::detail
