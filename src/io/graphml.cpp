#include "copnet/io/graphml.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <climits>
#include <cmath>
#include <cstdint>
#include <exception>
#include <functional>
#include <initializer_list>
#include <map>
#include <memory>
#include <new>
#include <optional>
#include <ostream>
#include <sstream>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <libxml/SAX2.h>
#include <libxml/encoding.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "copnet/error.hpp"
#include "copnet/io/file.hpp"
#include "copnet/io/relations.hpp"
#include "io/node_fields.hpp"
#include "io/xml_guard.hpp"
#include "detail/text.hpp"

namespace copnet {

// ---- weights (shared with the JSON reader) -------------------------------------------------

std::string detail::weight_text(double w) { return detail::shortest(w); }

double detail::parse_weight_text(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\n' || text.front() == '\r'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\n' || text.back() == '\r'))
        text.remove_suffix(1);
    double w = 0;
    const auto r = std::from_chars(text.data(), text.data() + text.size(), w);
    if (text.empty() || r.ec != std::errc() || r.ptr != text.data() + text.size() || !std::isfinite(w))
        throw invalid_value("weight \"" + std::string(text) + "\" is not a number");
    return w;
}

namespace {

using detail::NodeDraft;

// ---- limits ----------------------------------------------------------------------------------

/// Attributes (namespace declarations included) one element may carry. libxml2 2.9 checks
/// duplicate attributes pairwise, O(n²) per element, before any callback can stop it, so the
/// count is checked on the raw text first. GraphML elements carry a handful.
constexpr std::size_t max_attributes_per_element = 1024;
/// Elements nested deeper than this are rejected (GraphML needs about 8, yEd graphics included;
/// libxml2's own limit is 256).
constexpr std::size_t max_depth = 128;
/// What a document may make from key declarations (`<default>` values filled in and attribute
/// names copied into each stakeholder), in bytes: this many times its size, at least
/// `amplification_floor`; each filled value also counts `filled_value_cost`.
constexpr std::size_t amplification = 16;
constexpr std::size_t amplification_floor = std::size_t{4} << 20;
constexpr std::size_t filled_value_cost = 16;

// ---- the raw-text check (before libxml2 parses) --------------------------------------------------

/// The document's code units as libxml2 reads them: bytes for UTF-8 and the 8-bit encodings,
/// 16-bit units for UTF-16; a unit >= 0x80 is never ASCII markup.
class Units {
public:
    Units(std::string_view text, std::size_t width, bool big_endian)
        : p_(reinterpret_cast<const unsigned char*>(text.data())), size_(text.size() / width),
          width_(width), big_(big_endian) {}
    [[nodiscard]] std::size_t size() const noexcept { return size_; }
    [[nodiscard]] unsigned operator[](std::size_t i) const noexcept {
        if (width_ == 1) return p_[i];
        const unsigned a = p_[2 * i], b = p_[2 * i + 1];
        return big_ ? (a << 8) | b : (b << 8) | a;
    }
    [[nodiscard]] bool starts_with(std::size_t i, std::string_view s) const noexcept {
        if (i + s.size() > size_) return false;
        for (std::size_t k = 0; k < s.size(); ++k)
            if ((*this)[i + k] != static_cast<unsigned char>(s[k])) return false;
        return true;
    }

private:
    const unsigned char* p_;
    std::size_t size_;
    std::size_t width_;
    bool big_;
};

/// The `encoding="…"` of an XML declaration starting at unit `i`, lower-cased, or empty.
std::string declared_encoding(const Units& u, std::size_t i) {
    if (!u.starts_with(i, "<?xml")) return {};
    const std::size_t end = std::min(u.size(), i + 512);
    for (std::size_t k = i; k + 8 < end; ++k) {
        if (u[k] == '?' && u[k + 1] == '>') return {};
        if (!u.starts_with(k, "encoding")) continue;
        k += 8;
        while (k < end && (u[k] == ' ' || u[k] == '\t' || u[k] == '\n' || u[k] == '\r' || u[k] == '=')) ++k;
        if (k >= end || (u[k] != '"' && u[k] != '\'')) return {};
        const unsigned quote = u[k];
        std::string name;
        for (++k; k < end && u[k] != quote && u[k] < 0x80 && name.size() < 64; ++k)
            name += static_cast<char>(std::tolower(static_cast<int>(u[k])));
        return name;
    }
    return {};
}

/// True for encodings in which every ASCII byte of XML markup (< > = " ' ! ? - [ ]) stands for
/// itself (UTF-8 and the ASCII-based 8-bit and multi-byte encodings), or, for UTF-16, that keep
/// the document in UTF-16.
bool markup_transparent(std::string_view encoding, bool utf16) {
    std::string name;  // letters and digits only, as iconv compares names: "ISO_8859-1" = "iso88591"
    for (char ch : encoding)
        if (std::isalnum(static_cast<unsigned char>(ch))) name += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (name.empty()) return true;
    if (utf16) return name.starts_with("utf16");
    if (name == "utf16") return true;  // libxml2 rejects it in an 8-bit document itself
    for (std::string_view family : {"utf8", "usascii", "ascii", "iso8859", "latin", "windows", "cp125", "cp437",
                                    "cp850", "cp852", "cp866", "cp932", "cp936", "cp949", "cp950", "koi8",
                                    "shiftjis", "sjis", "euc", "gb", "big5"})
        if (name.starts_with(family)) return true;
    return false;
}

/// True if libxml2 would switch to `encoding` (a well-formed encoding name that it knows);
/// for any other name libxml2 reports the error itself.
bool switches_to(const std::string& encoding) {
    if (encoding.empty() || !std::isalpha(static_cast<unsigned char>(encoding[0]))) return false;
    for (char ch : encoding)
        if (!std::isalnum(static_cast<unsigned char>(ch)) && ch != '.' && ch != '_' && ch != '-') return false;
    xmlCharEncodingHandler* handler = xmlFindCharEncodingHandler(encoding.c_str());
    if (!handler) return false;
    xmlCharEncCloseFunc(handler);
    return true;
}

/// Checks what must be known before libxml2 parses: an encoding whose markup the check below
/// can read, and at most `max_attributes_per_element` attributes on every start tag (counted
/// as `=` outside quotes; comments, CDATA sections, processing instructions and declarations
/// are skipped). Linear in the text. Throws: parse_error through `fail`.
template <class Fail> void check_raw_text(std::string_view text, Fail fail) {
    const auto* b = reinterpret_cast<const unsigned char*>(text.data());
    const auto head = [&](std::initializer_list<unsigned> bytes) {
        if (text.size() < bytes.size()) return false;
        std::size_t k = 0;
        for (unsigned x : bytes)
            if (b[k++] != x) return false;
        return true;
    };
    std::size_t width = 1;
    bool big = false;
    if (head({0, 0, 0, 0x3C}) || head({0x3C, 0, 0, 0}) || head({0, 0, 0x3C, 0}) || head({0, 0x3C, 0, 0}) ||
        head({0x4C, 0x6F, 0xA7, 0x94}) || head({0, 0, 0xFE, 0xFF}) || head({0xFF, 0xFE, 0, 0}))
        fail(1, "", "GraphML in UCS-4 or EBCDIC is not supported (write UTF-8)");
    if (head({0x3C, 0, 0x3F, 0}) || head({0xFF, 0xFE})) width = 2;
    else if (head({0, 0x3C, 0, 0x3F}) || head({0xFE, 0xFF})) width = 2, big = true;
    const Units u(text, width, big);
    std::size_t i = 0;
    if (width == 2 && u.size() > 0 && u[0] == 0xFEFF) i = 1;
    else if (width == 1 && head({0xEF, 0xBB, 0xBF})) i = 3;
    if (const std::string enc = declared_encoding(u, i); !markup_transparent(enc, width == 2) && switches_to(enc))
        fail(1, "", "encoding \"" + enc + "\" is not supported (GraphML is read as UTF-8, UTF-16 or an "
                    "ASCII-based encoding such as ISO-8859-1)");

    std::size_t line = 1;
    const auto skip_past = [&](std::size_t from, std::string_view end) {
        for (std::size_t k = from; k < u.size(); ++k) {
            if (u[k] == '\n') ++line;
            else if (u.starts_with(k, end)) return k + end.size();
        }
        return u.size();
    };
    while (i < u.size()) {
        const unsigned c = u[i];
        if (c == '\n') ++line;
        if (c != '<') {
            ++i;
            continue;
        }
        if (u.starts_with(i, "<!--")) i = skip_past(i + 4, "-->");
        else if (u.starts_with(i, "<![CDATA[")) i = skip_past(i + 9, "]]>");
        else if (u.starts_with(i, "<?")) i = skip_past(i + 2, "?>");
        else {
            // A start tag (count its attributes), an end tag or a declaration (<!DOCTYPE …>).
            const bool start_tag = i + 1 < u.size() && u[i + 1] != '/' && u[i + 1] != '!';
            const std::size_t tag_line = line;
            std::size_t attributes = 0;
            unsigned quote = 0;
            for (++i; i < u.size(); ++i) {
                const unsigned d = u[i];
                if (d == '\n') ++line;
                if (quote) {
                    if (d == quote) quote = 0;
                } else if (d == '"' || d == '\'') {
                    quote = d;
                } else if (d == '=' && start_tag && ++attributes > max_attributes_per_element) {
                    fail(tag_line, "", "an element with more than " + std::to_string(max_attributes_per_element) +
                                           " attributes (GraphML elements need a handful)");
                } else if (d == '>') {
                    ++i;
                    break;
                } else if (d == '<') {
                    break;
                }
            }
        }
    }
}

// ---- what the document holds, recorded by the SAX pass ---------------------------------------

/// A `<data>` element (or, inside a node, a nested `<graph>`, which is an error when read).
struct DataRecord {
    std::optional<std::string> key;
    std::string text;
    std::size_t line = 0;
    bool nested_graph = false;
};

struct KeyRecord {
    std::optional<std::string> id, name, domain;
    std::optional<std::string> default_value;  // the text of the last <default>
    std::size_t line = 0;
};

struct ElementRecord {  // a <node> (id) or an <edge> (source, target, directed)
    std::optional<std::string> id, source, target, directed;
    std::size_t line = 0;
    std::size_t data_begin = 0, data_end = 0;  // its <data> children in Document::data
};

/// Where a misplaced element was met: its line and how many records of its kind came before.
struct Misplaced {
    std::size_t line = 0;
    std::size_t position = 0;
};

/// The parts of a GraphML document that copnet reads, in document order; O(input) in size.
struct Document {
    bool root_seen = false;
    bool root_is_graphml = false;
    std::size_t root_line = 0;
    std::vector<KeyRecord> keys;
    std::optional<Misplaced> second_graph;  // position: keys before it
    bool has_graph = false;
    std::size_t graph_line = 0;
    std::optional<std::string> edgedefault;
    std::vector<DataRecord> graph_data;
    std::vector<ElementRecord> nodes, edges;
    std::vector<DataRecord> data;           // node and edge <data>, each element's contiguous
    std::optional<Misplaced> hyperedge;     // position: nodes before it
};

enum class Role : unsigned char { root, key, key_default, graph, graph_data, node, node_data, edge, edge_data, other };

/// The SAX2 handler's state: builds a `Document`. Every callback catches what it throws,
/// stops the parser and keeps the exception for `read` to rethrow, so no exception crosses
/// libxml2's C frames.
class Recorder {
public:
    explicit Recorder(std::function<void(std::size_t, const std::string&)> fail) : fail_(std::move(fail)) {}

    static xmlSAXHandler handler() {
        xmlSAXHandler h{};
        h.initialized = XML_SAX2_MAGIC;
        h.startElementNs = &Recorder::on_start;
        h.endElementNs = &Recorder::on_end;
        h.characters = &Recorder::on_text;
        h.ignorableWhitespace = &Recorder::on_text;  // as the DOM builder does (blanks kept)
        h.cdataBlock = &Recorder::on_text;
        h.comment = &Recorder::on_comment;  // with a handler libxml2's comment errors quote the text
        h.internalSubset = &Recorder::on_doctype;
        h.serror = &Recorder::on_structured_error;
        return h;
    }

    void attach(xmlParserCtxt* ctxt) noexcept { ctxt_ = ctxt; }
    Document& document() noexcept { return doc_; }
    void rethrow_if_failed() const {
        if (failure_) std::rethrow_exception(failure_);
    }

private:
    static Recorder& self(void* user) noexcept { return *static_cast<Recorder*>(user); }

    template <class F> void guarded(F&& f) noexcept {
        if (failure_) return;
        try {
            f();
        } catch (...) {
            failure_ = std::current_exception();
            xmlStopParser(ctxt_);
        }
    }

    std::size_t line() const noexcept {
        const int l = xmlSAX2GetLineNumber(ctxt_);
        return l > 0 ? static_cast<std::size_t>(l) : 0;
    }

    /// The value of the attribute whose local name is `name` (the first, whatever its
    /// namespace, as the DOM reader took it). libxml2 hands `&` over as `&#38;` when it does not
    /// replace entities; that is decoded here.
    static std::optional<std::string> attribute(int count, const xmlChar** atts, std::string_view name) {
        for (int i = 0; i < count; ++i) {
            const xmlChar* const* a = atts + 5 * i;
            if (a[1] && !a[2]) continue;  // an undeclared prefix: named "prefix:name", as in the DOM
            if (std::string_view(reinterpret_cast<const char*>(a[0])) != name) continue;
            const std::string_view raw(reinterpret_cast<const char*>(a[3]), static_cast<std::size_t>(a[4] - a[3]));
            std::string value;
            value.reserve(raw.size());
            for (std::size_t k = 0; k < raw.size(); ++k) {
                if (raw[k] == '&' && raw.substr(k, 5) == "&#38;") {
                    value += '&';
                    k += 4;
                } else {
                    value += raw[k];
                }
            }
            return value;
        }
        return std::nullopt;
    }

    static void on_start(void* user, const xmlChar* localname, const xmlChar* prefix, const xmlChar* uri, int,
                         const xmlChar**, int nb_attributes, int, const xmlChar** atts) {
        Recorder& r = self(user);
        r.guarded([&] {
            std::string qualified;  // an undeclared prefix stays part of the name, as in the DOM
            if (prefix && !uri)
                qualified = std::string(reinterpret_cast<const char*>(prefix)) + ":" + reinterpret_cast<const char*>(localname);
            r.start(qualified.empty() ? std::string_view(reinterpret_cast<const char*>(localname)) : qualified,
                    nb_attributes, atts);
        });
    }
    static void on_end(void* user, const xmlChar*, const xmlChar*, const xmlChar*) {
        Recorder& r = self(user);
        r.guarded([&] { r.end(); });
    }
    static void on_text(void* user, const xmlChar* text, int length) {
        Recorder& r = self(user);
        r.guarded([&] {
            if (r.text_ && length > 0)
                r.text_->append(reinterpret_cast<const char*>(text), static_cast<std::size_t>(length));
        });
    }
    static void on_doctype(void* user, const xmlChar*, const xmlChar*, const xmlChar*) {
        Recorder& r = self(user);
        r.guarded([&] { r.fail_(1, "a DOCTYPE is not allowed in GraphML (no DTDs, no entities)"); });
    }
    static void on_comment(void*, const xmlChar*) {}
    static void on_structured_error(void*, xmlError*) {}  // kept in the context's last error

    void start(std::string_view tag, int count, const xmlChar** atts) {
        const std::size_t at = line();
        if (stack_.size() >= max_depth)
            fail_(at, "elements nested more than " + std::to_string(max_depth) + " deep");
        const Role parent = stack_.empty() ? Role::other : stack_.back();
        Role role = Role::other;
        if (stack_.empty()) {
            doc_.root_seen = true;
            doc_.root_line = at;
            doc_.root_is_graphml = tag == "graphml";
            role = doc_.root_is_graphml ? Role::root : Role::other;
        } else if (parent == Role::root) {
            if (tag == "key") {
                doc_.keys.push_back({attribute(count, atts, "id"), attribute(count, atts, "attr.name"),
                                     attribute(count, atts, "for"), std::nullopt, at});
                role = Role::key;
            } else if (tag == "graph" && !doc_.has_graph) {
                doc_.has_graph = true;
                doc_.graph_line = at;
                doc_.edgedefault = attribute(count, atts, "edgedefault");
                role = Role::graph;
            } else if (tag == "graph" && !doc_.second_graph) {
                doc_.second_graph = Misplaced{at, doc_.keys.size()};
            }
        } else if (parent == Role::key && tag == "default") {
            doc_.keys.back().default_value.emplace();
            text_ = &*doc_.keys.back().default_value;
            role = Role::key_default;
        } else if (parent == Role::graph) {
            if (tag == "data") {
                doc_.graph_data.push_back({attribute(count, atts, "key"), {}, at, false});
                text_ = &doc_.graph_data.back().text;
                role = Role::graph_data;
            } else if (tag == "node" || tag == "edge") {
                ElementRecord e;
                e.line = at;
                e.data_begin = e.data_end = doc_.data.size();
                if (tag == "node") {
                    e.id = attribute(count, atts, "id");
                    doc_.nodes.push_back(std::move(e));
                    role = Role::node;
                } else {
                    e.source = attribute(count, atts, "source");
                    e.target = attribute(count, atts, "target");
                    e.directed = attribute(count, atts, "directed");
                    doc_.edges.push_back(std::move(e));
                    role = Role::edge;
                }
            } else if (tag == "hyperedge" && !doc_.hyperedge) {
                doc_.hyperedge = Misplaced{at, doc_.nodes.size()};
            }
        } else if ((parent == Role::node || parent == Role::edge) && (tag == "data" || (tag == "graph" && parent == Role::node))) {
            doc_.data.push_back({tag == "data" ? attribute(count, atts, "key") : std::nullopt, {}, at, tag == "graph"});
            (parent == Role::node ? doc_.nodes : doc_.edges).back().data_end = doc_.data.size();
            if (tag == "data") {
                text_ = &doc_.data.back().text;
                role = parent == Role::node ? Role::node_data : Role::edge_data;
            }
        }
        stack_.push_back(role);
        if (role != Role::key_default && role != Role::graph_data && role != Role::node_data && role != Role::edge_data)
            text_ = nullptr;  // only the direct text of those elements is read
    }

    void end() {
        if (stack_.empty()) return;
        const Role role = stack_.back();
        stack_.pop_back();
        // Text after a child element (<data>a<b/>c</data>) belongs to the parent again.
        if (role == Role::other && !stack_.empty() && text_ == nullptr) restore_text();
        else if (role == Role::key_default || role == Role::graph_data || role == Role::node_data ||
                 role == Role::edge_data)
            text_ = nullptr;
    }

    void restore_text() {
        switch (stack_.back()) {
        case Role::key_default: text_ = &*doc_.keys.back().default_value; break;
        case Role::graph_data: text_ = &doc_.graph_data.back().text; break;
        case Role::node_data:
        case Role::edge_data: text_ = &doc_.data.back().text; break;
        default: break;
        }
    }

    std::function<void(std::size_t, const std::string&)> fail_;
    xmlParserCtxt* ctxt_ = nullptr;
    Document doc_;
    std::vector<Role> stack_;
    std::string* text_ = nullptr;
    std::exception_ptr failure_;
};

void quiet(void* /*context*/, const char* /*message*/, ...) {}

/// Silences libxml2's messages on stderr (e.g. "encoding error") while it parses; errors are
/// reported through parse_error instead. libxml2's error handler is per thread.
class QuietLibxml {
public:
    QuietLibxml() : old_(xmlGenericError), old_context_(xmlGenericErrorContext) {
        xmlSetGenericErrorFunc(nullptr, quiet);
    }
    ~QuietLibxml() { xmlSetGenericErrorFunc(old_context_, old_); }
    QuietLibxml(const QuietLibxml&) = delete;
    QuietLibxml& operator=(const QuietLibxml&) = delete;

private:
    xmlGenericErrorFunc old_;
    void* old_context_;
};

struct CtxtFree {
    void operator()(xmlParserCtxt* c) const noexcept { xmlFreeParserCtxt(c); }
};

// ---- from the recorded document to a network -----------------------------------------------------

struct Key {
    std::string name;            // attr.name (empty: ignored, e.g. yEd graphics)
    std::string domain;          // node, edge, graph, all
    std::optional<std::string> default_value;
    std::size_t order = 0;       // position among the keys
    std::size_t node_group = npos;  // the node default group of its name, if any
    bool copies_name = false;    // a node attribute: its name is stored in every stakeholder
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);
};

/// The `<default>`s of node keys sharing one `attr.name`, applied as the keys in declaration
/// order would be: the first value that fails is the error, else the last value wins.
struct NodeDefault {
    std::string name;
    std::string value;
    std::size_t error_order = Key::npos;  // the key whose default fails, if any
    std::string error;
    bool no_op = false;                   // filling it in changes nothing (e.g. "" = no value)
};

/// The same for the edge fields `kind` and `weight`.
template <class T> struct EdgeDefault {
    std::optional<T> value;
    std::size_t error_order = Key::npos;
    std::string error;
};

class Reader {
public:
    Reader(std::string_view name, const GraphmlOptions& options) : name_(name), options_(options) {}

    Network read(std::string_view text) {
        if (text.size() > static_cast<std::size_t>(INT_MAX)) fail(0, "", "file too large for GraphML");
        check_raw_text(text, [this](std::size_t line, const std::string& field, const std::string& message) {
            fail(line, field, message);
        });
        document_size_ = text.size();
        budget_ = std::max(amplification * text.size(), amplification_floor);
        budget_left_ = budget_;
        Document doc = parse(text);
        return build(doc);
    }

private:
    [[noreturn]] void fail(std::size_t line, const std::string& field, const std::string& message) const {
        throw parse_error(name_, line, field, field.empty() ? message : field + ": " + message);
    }

    Document parse(std::string_view text) {
        const QuietLibxml quiet_while_parsing;
        Recorder recorder([this](std::size_t line, const std::string& message) { fail(line, "", message); });
        std::unique_ptr<xmlParserCtxt, CtxtFree> ctxt(xmlNewParserCtxt());
        if (!ctxt || !ctxt->sax) throw std::bad_alloc();
        *ctxt->sax = Recorder::handler();
        ctxt->userData = &recorder;
        recorder.attach(ctxt.get());
        static const char empty[] = "";
        // No XML_PARSE_NOENT, DTDLOAD or XINCLUDE: nothing outside `text` is read, and a DOCTYPE
        // stops the parse before its internal subset.
        xmlCtxtReadMemory(ctxt.get(), text.data() ? text.data() : empty, static_cast<int>(text.size()), nullptr,
                          nullptr, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
        recorder.rethrow_if_failed();
        const xmlError* e = xmlCtxtGetLastError(ctxt.get());
        // libxml2 stops on a failed allocation without clearing wellFormed: never take what it
        // read up to there for the whole document.
        if (ctxt->errNo == XML_ERR_NO_MEMORY || (e && e->code == XML_ERR_NO_MEMORY)) throw std::bad_alloc();
        if (!ctxt->wellFormed) {
            std::string message = e && e->message ? e->message : "not well-formed XML";
            while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
            fail(e && e->line > 0 ? static_cast<std::size_t>(e->line) : 0, "", "not well-formed XML: " + message);
        }
        // A well-formed document has a root; libxml2 returns without one, and without an error,
        // only when it could not allocate its input buffer.
        if (!recorder.document().root_seen) throw std::bad_alloc();
        return std::move(recorder.document());
    }

    Network build(const Document& doc) {
        if (!doc.root_is_graphml) fail(doc.root_line, "", "the root element is not <graphml>");
        for (std::size_t i = 0; i <= doc.keys.size(); ++i) {
            if (doc.second_graph && doc.second_graph->position == i)
                fail(doc.second_graph->line, "", "more than one <graph> (copnet reads one network per file)");
            if (i < doc.keys.size()) read_key(doc.keys[i]);
        }
        if (!doc.has_graph) fail(doc.root_line, "", "no <graph> element");
        return read_graph(doc);
    }

    static bool is_domain(std::string_view d) {
        return d == "node" || d == "edge" || d == "graph" || d == "all" || d == "graphml" || d == "hyperedge" ||
               d == "port" || d == "endpoint";
    }

    void read_key(const KeyRecord& r) {
        if (!r.id || r.id->empty()) fail(r.line, "id", "<key> without an id");
        Key key;
        key.name = r.name.value_or("");
        key.domain = r.domain.value_or("all");
        if (!is_domain(key.domain))
            fail(r.line, "for", "key \"" + *r.id + "\": \"" + key.domain + "\" is not a GraphML domain");
        key.default_value = r.default_value;
        key.order = key_order_.size();
        const auto [it, added] = keys_.emplace(*r.id, std::move(key));
        if (!added) fail(r.line, "id", "key \"" + *r.id + "\" is declared twice");
        key_order_.push_back(&it->second);
    }

    const Key& key_for(const DataRecord& data, std::string_view domain) const {
        if (!data.key) fail(data.line, "key", "<data> without a key");
        const auto it = keys_.find(*data.key);
        if (it == keys_.end()) fail(data.line, "key", "key \"" + *data.key + "\" is not declared");
        if (it->second.domain != "all" && it->second.domain != domain)
            fail(data.line, it->second.name.empty() ? "key" : it->second.name,
                 "key \"" + *data.key + "\" is declared for " + it->second.domain + ", used on a " + std::string(domain));
        return it->second;
    }

    static bool is_builtin(std::string_view name) {
        return name == "name" || name == "sector" || name == "level" || name == "perspective" ||
               name == "organization" || name == "stance" || name == "id";
    }

    static bool for_nodes(const Key& k) { return k.domain == "node" || k.domain == "all"; }
    static bool for_edges(const Key& k) { return k.domain == "edge" || k.domain == "all"; }

    /// Groups the node keys' defaults by name (each value checked once) and the edge keys'
    /// `kind` and `weight` defaults, so that filling them in costs O(1) per value filled.
    void prepare_defaults() {
        std::unordered_map<std::string_view, std::size_t> group_of;
        for (Key* k : key_order_) {
            if (k->name.empty()) continue;
            k->copies_name = for_nodes(*k) && !is_builtin(k->name) &&
                             detail::circle_community(k->name, options_.community).empty() &&
                             !is_reserved_column(k->name);
            if (for_nodes(*k) && k->default_value) {
                auto [it, added] = group_of.emplace(k->name, node_defaults_.size());
                if (added) node_defaults_.push_back({k->name, {}, Key::npos, {}, false});
                NodeDefault& g = node_defaults_[it->second];
                try {
                    NodeDraft probe;
                    detail::apply_node_field(probe, k->name, *k->default_value, options_.community);
                } catch (const error& e) {
                    if (g.error_order == Key::npos) {
                        g.error_order = k->order;
                        g.error = e.what();
                    }
                }
                g.value = *k->default_value;
            }
            if (for_edges(*k) && k->default_value) {
                // The relation's name: declared in the graph's relations, built in, or one the
                // file names (resolved per edge, once per spelling).
                if (k->name == "kind")
                    note_edge_default(kind_default_, *k, [](const std::string& v) {
                        if (detail::trim(v).empty()) throw invalid_value("a relation needs a name");
                        return v;
                    });
                else if (k->name == "weight")
                    note_edge_default(weight_default_, *k, [](const std::string& v) { return detail::parse_weight_text(v); });
            }
        }
        for (Key* k : key_order_)
            if (!k->name.empty() && for_nodes(*k))
                if (const auto it = group_of.find(k->name); it != group_of.end()) k->node_group = it->second;
        for (std::size_t g = 0; g < node_defaults_.size(); ++g) {
            NodeDefault& d = node_defaults_[g];
            if (d.error_order != Key::npos) {
                failing_defaults_.push_back(g);
                continue;
            }
            NodeDraft probe;
            detail::apply_node_field(probe, d.name, d.value, options_.community);
            // An empty attribute is stored as no value, as add_stakeholder does.
            std::erase_if(probe.stakeholder.attributes, [](const auto& kv) { return kv.second.empty(); });
            d.no_op = probe.circles.empty() && probe.stakeholder == Stakeholder{};
            if (!d.no_op) filled_defaults_.push_back(g);
        }
        std::ranges::sort(failing_defaults_, {}, [&](std::size_t g) { return node_defaults_[g].error_order; });
        seen_.assign(node_defaults_.size(), 0);
    }

    template <class T, class Parse> static void note_edge_default(EdgeDefault<T>& d, const Key& k, Parse parse) {
        try {
            d.value = parse(*k.default_value);
        } catch (const error& e) {
            if (d.error_order == Key::npos) {
                d.error_order = k.order;
                d.error = e.what();
            }
        }
    }

    /// Counts `bytes` against what the document may make from key declarations.
    void charge(std::size_t bytes, std::size_t line, const std::string& field, const std::string& node) {
        if (bytes <= budget_left_) {
            budget_left_ -= bytes;
            return;
        }
        fail(line, field, "node \"" + node + "\": filling in <default> values and copying attribute names into " +
                              "every node would make more than " + std::to_string(budget_) + " bytes, the most a " +
                              std::to_string(document_size_) + "-byte document may make (" + std::to_string(amplification) +
                              " times its size, at least " + std::to_string(amplification_floor >> 20) + " MiB)");
    }

    Network read_graph(const Document& doc) {
        Network net;
        const std::string edgedefault = doc.edgedefault.value_or("directed");
        if (edgedefault != "directed" && edgedefault != "undirected")
            fail(doc.graph_line, "edgedefault", "\"" + edgedefault + "\" is neither directed nor undirected");
        const bool directed_default = edgedefault == "directed";
        prepare_defaults();

        // Communities and attribute columns in the order their keys are declared.
        std::vector<std::string> communities;
        std::unordered_set<std::string> community_set, attribute_set;
        auto note_community = [&](std::string c) {
            if (community_set.insert(c).second) communities.push_back(std::move(c));
        };
        for (const Key* k : key_order_) {
            if (k->name.empty()) continue;
            if (k->domain == "graph" || k->domain == "all")
                if (auto c = detail::domain_community(k->name); !c.empty()) note_community(std::move(c));
            if (for_nodes(*k)) {
                if (auto c = detail::circle_community(k->name, options_.community); !c.empty()) note_community(std::move(c));
                else if (!is_builtin(k->name) && k->domain == "node" && attribute_set.insert(k->name).second) {
                    try {
                        net.add_attribute_name(k->name);
                    } catch (const error& e) {
                        fail(0, k->name, e.what());
                    }
                }
            }
        }
        std::unordered_map<std::string, std::string> domains;
        for (const DataRecord& d : doc.graph_data) {
            const Key& k = key_for(d, "graph");
            if (auto c = detail::domain_community(k.name); !c.empty()) domains[c] = d.text;
            if (k.name == "relations") {  // the declarations, as relations.csv text
                try {
                    parse_relations(net, d.text, name_ + ": graph relations");
                } catch (const parse_error& e) {
                    fail(d.line, "relations", e.what());
                }
            }
        }
        for (const std::string& c : communities) {
            const auto d = domains.find(c);
            communities_[c] = &net.add_community(c, d == domains.end() ? std::string() : d->second);
        }

        net.reserve(doc.nodes.size());
        for (std::size_t i = 0; i <= doc.nodes.size(); ++i) {
            if (doc.hyperedge && doc.hyperedge->position == i) fail(doc.hyperedge->line, "", "hyperedges are not supported");
            if (i < doc.nodes.size()) read_node(net, doc, doc.nodes[i]);
        }
        for (const ElementRecord& e : doc.edges) read_edge(net, doc, e, directed_default);
        return net;
    }

    void read_node(Network& net, const Document& doc, const ElementRecord& n) {
        if (!n.id || n.id->empty()) fail(n.line, "id", "<node> without an id");
        const std::string& id = *n.id;
        ++stamp_;
        NodeDraft draft;
        draft.stakeholder.id = id;
        auto apply = [&](const std::string& field, std::string value, std::size_t line) {
            try {
                detail::apply_node_field(draft, field, std::move(value), options_.community);
            } catch (const error& e) {
                fail(line, field, "node \"" + id + "\": " + e.what());
            }
        };
        for (std::size_t i = n.data_begin; i < n.data_end; ++i) {
            const DataRecord& c = doc.data[i];
            if (c.nested_graph) fail(c.line, "", "nested graphs are not supported");
            const Key& k = key_for(c, "node");
            if (k.name.empty()) continue;
            if (k.node_group != Key::npos) seen_[k.node_group] = stamp_;
            if (k.copies_name && !c.text.empty()) charge(k.name.size(), c.line, k.name, id);
            apply(k.name, c.text, c.line);
        }
        for (std::size_t g : failing_defaults_)
            if (seen_[g] != stamp_) fail(n.line, node_defaults_[g].name, "node \"" + id + "\": " + node_defaults_[g].error);
        for (std::size_t g : filled_defaults_) {
            if (seen_[g] == stamp_) continue;
            const NodeDefault& d = node_defaults_[g];
            charge(filled_value_cost + d.name.size() + d.value.size(), n.line, d.name, id);
            apply(d.name, d.value, n.line);
        }
        try {
            const StakeholderId who = net.add_stakeholder(std::move(draft.stakeholder));
            for (const auto& [community, circle] : draft.circles) {
                const auto it = communities_.find(community);
                (it != communities_.end() ? *it->second : net.community(community)).set_circle(who, circle);
            }
        } catch (const error& e) {
            fail(n.line, "id", e.what());
        }
    }

    void read_edge(Network& net, const Document& doc, const ElementRecord& e, bool directed_default) {
        if (!e.source) fail(e.line, "source", "<edge> without a source");
        if (!e.target) fail(e.line, "target", "<edge> without a target");
        const auto s = net.find(*e.source);
        if (!s) fail(e.line, "source", "\"" + *e.source + "\" is not a node of the graph");
        const auto t = net.find(*e.target);
        if (!t) fail(e.line, "target", "\"" + *e.target + "\" is not a node of the graph");
        bool directed = directed_default;
        if (e.directed) directed = *e.directed == "true" || *e.directed == "1";
        std::optional<TieKind> kind;
        double weight = 1.0;
        bool kind_seen = false, weight_seen = false;
        for (std::size_t i = e.data_begin; i < e.data_end; ++i) {
            const DataRecord& c = doc.data[i];
            const Key& k = key_for(c, "edge");
            try {
                if (k.name == "kind") {
                    kind_seen = true;
                    kind = relation_named(net, c.text);
                } else if (k.name == "weight") {
                    weight_seen = true;
                    weight = detail::parse_weight_text(c.text);
                }
            } catch (const error& err) {
                fail(c.line, k.name, err.what());
            }
        }
        // The defaults' errors in key order, then their values.
        const bool kind_fails = !kind_seen && kind_default_.error_order != Key::npos;
        const bool weight_fails = !weight_seen && weight_default_.error_order != Key::npos;
        if (kind_fails && (!weight_fails || kind_default_.error_order < weight_default_.error_order))
            fail(e.line, "kind", kind_default_.error);
        if (weight_fails) fail(e.line, "weight", weight_default_.error);
        if (!kind_seen && kind_default_.value) {
            try {
                kind = relation_named(net, *kind_default_.value);
            } catch (const error& err) {
                fail(e.line, "kind", err.what());
            }
        }
        if (!weight_seen && weight_default_.value) weight = *weight_default_.value;
        const TieKind relation =
            kind.value_or(directed ? TieKind::influence : TieKind::collaboration);
        if (options_.merge == Merge::error && net.find_tie(*s, *t, relation))
            fail(e.line, "kind",
                 "edge " + *e.source + " -> " + *e.target + " repeats an earlier one of relation \"" +
                     net.relation(relation).name + "\" (merge policy error)");
        try {
            net.add_tie(*s, *t, relation, weight, options_.merge);
        } catch (const error& err) {
            fail(e.line, "weight", "edge " + *e.source + " -> " + *e.target + ": " + err.what());
        }
    }

    // The relation named `text`: declared, or added as one the file names (role other). Each
    // spelling is looked up once (`find_relation` compares canonical forms of every relation).
    TieKind relation_named(Network& net, const std::string& text) {
        if (const auto hit = relation_cache_.find(text); hit != relation_cache_.end())
            return hit->second;
        const auto known = net.find_relation(text);
        const TieKind kind = known ? *known : net.add_relation({.name = text});
        relation_cache_.emplace(text, kind);
        return kind;
    }
    std::unordered_map<std::string, TieKind> relation_cache_;

    std::string name_;
    const GraphmlOptions& options_;
    std::unordered_map<std::string, Key> keys_;
    std::vector<Key*> key_order_;
    std::vector<NodeDefault> node_defaults_;
    std::vector<std::size_t> failing_defaults_, filled_defaults_;  // into node_defaults_
    EdgeDefault<std::string> kind_default_;
    EdgeDefault<double> weight_default_;
    std::vector<std::uint64_t> seen_;  // per node default group: the stamp of the last node naming it
    std::uint64_t stamp_ = 0;
    std::unordered_map<std::string, Community*> communities_;
    std::size_t document_size_ = 0, budget_ = 0, budget_left_ = 0;
};

/// XML-escapes `text` for element content and attribute values. Throws invalid_value for a
/// control character XML 1.0 cannot hold.
void put_escaped(std::string& out, std::string_view text) {
    detail::append_xml_escaped(out, text, detail::XmlControl::as_reference);
}

} // namespace

void detail::check_xml_text(std::string_view text,
                            const std::function<void(std::size_t, const std::string&, const std::string&)>& fail) {
    check_raw_text(text, fail);
}

void parse_graphml(Network& into, std::string_view text, const GraphmlOptions& options, std::string_view name) {
    Network net;
    try {
        Reader reader(name, options);
        net = reader.read(text);
    } catch (const error&) {
        throw;
    } catch (const std::bad_alloc&) {
        throw;
    } catch (const std::exception& e) {
        // Nothing else is expected; the contract is that only copnet errors escape.
        throw parse_error(std::string(name), 0, "", std::string("cannot read the document: ") + e.what());
    }
    into = std::move(net);  // nothing above touched `into`: all or nothing
}

void read_graphml(Network& into, const std::filesystem::path& path, const GraphmlOptions& options) {
    const std::string text = read_file_bytes(path);
    parse_graphml(into, text, options, path.string());
}

Network read_graphml(const std::filesystem::path& path, const GraphmlOptions& options) {
    Network net;
    read_graphml(net, path, options);
    return net;
}

void write_graphml(const Network& net, std::ostream& out) {
    std::string s;
    s += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
         "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
    std::map<std::string, std::string> node_key;  // field name -> key id
    std::size_t next = 0;
    auto declare = [&](const std::string& field, const char* domain, const char* type) {
        const std::string id = "d" + std::to_string(next++);
        s += "  <key id=\"" + id + "\" for=\"" + domain + "\" attr.name=\"";
        put_escaped(s, field);
        s += "\" attr.type=\"" + std::string(type) + "\"/>\n";
        return id;
    };
    for (const char* f : {"name", "sector", "level", "perspective", "organization", "stance"})
        node_key[f] = declare(f, "node", "string");
    for (const std::string& a : net.attribute_names()) node_key[a] = declare(a, "node", "string");
    const auto communities = net.communities();
    std::vector<std::string> domain_keys;
    for (const Community* c : communities) {
        node_key["circle:" + c->name()] = declare("circle:" + c->name(), "node", "string");
        domain_keys.push_back(declare("domain:" + c->name(), "graph", "string"));
    }
    const std::string kind_key = declare("kind", "edge", "string");
    const std::string weight_key = declare("weight", "edge", "double");
    // The relations' declarations, as relations.csv text (NetworkX reads it as a string).
    const bool declared = has_declared_relations(net);
    const std::string relations_key = declared ? declare("relations", "graph", "string") : "";
    s += "  <graph id=\"G\" edgedefault=\"directed\">\n";
    if (declared) {
        std::ostringstream text;
        write_relations(net, text);
        s += "    <data key=\"" + relations_key + "\">";
        put_escaped(s, text.str());
        s += "</data>\n";
    }
    for (std::size_t i = 0; i < communities.size(); ++i) {
        s += "    <data key=\"" + domain_keys[i] + "\">";
        put_escaped(s, communities[i]->domain());
        s += "</data>\n";
    }
    for (StakeholderId who : net.stakeholders()) {
        s += "    <node id=\"";
        put_escaped(s, net.stakeholder(who).id);
        s += "\">\n";
        for (const auto& [field, value] : detail::node_fields(net, who)) {
            s += "      <data key=\"" + node_key.at(field) + "\">";
            put_escaped(s, value);
            s += "</data>\n";
        }
        s += "    </node>\n";
        if (s.size() > (1U << 20)) {
            out.write(s.data(), static_cast<std::streamsize>(s.size()));
            s.clear();
        }
    }
    for (const Tie& t : net.all_ties()) {
        s += "    <edge source=\"";
        put_escaped(s, net.stakeholder(t.source).id);
        s += "\" target=\"";
        put_escaped(s, net.stakeholder(t.target).id);
        s += "\">\n      <data key=\"" + kind_key + "\">";
        put_escaped(s, net.relation(t.kind).name);
        s += "</data>\n      <data key=\"" + weight_key + "\">" + detail::weight_text(t.weight) +
             "</data>\n    </edge>\n";
        if (s.size() > (1U << 20)) {
            out.write(s.data(), static_cast<std::streamsize>(s.size()));
            s.clear();
        }
    }
    s += "  </graph>\n</graphml>\n";
    out.write(s.data(), static_cast<std::streamsize>(s.size()));
    if (!out) throw io_error("graphml", "the output stream failed");
}

void write_graphml(const Network& net, const std::filesystem::path& path) {
    std::ostringstream out;
    write_graphml(net, out);
    write_file_atomically(path, out.str());
}

} // namespace copnet
