#include "copnet/io/ucinet.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <map>
#include <optional>
#include <ostream>
#include <sstream>
#include <unordered_map>
#include <vector>

#include "copnet/error.hpp"
#include "copnet/io/file.hpp"
#include "detail/csv_reader.hpp"
#include "detail/text.hpp"
#include "io/foreign.hpp"

namespace copnet {

namespace {

using detail::Failer;
using detail::Staging;

struct Tok {
    std::string_view text;  // a view into the file's text (quotes removed)
    std::uint32_t line;
    bool quoted;
};

/// Tokens of DL text: separated by blanks, line ends, commas and `=`; `"…"` quoted. Views into
/// `t`, no allocation per token. Cost: O(size).
std::vector<Tok> tokenize(std::string_view t, const Failer& fail) {
    std::vector<Tok> out;
    out.reserve(t.size() / 4 + 16);
    // 1 marks a separator (blank, comma, '='), 2 a line end, 3 a quote, 4 ends a bare token too.
    static constexpr auto kind = [] {
        std::array<std::uint8_t, 256> k{};
        for (unsigned char c : std::string_view(" \t,=\f\v")) k[c] = 1;
        k['\n'] = 2;
        k['\r'] = 2;
        k['"'] = 4;
        k['\''] = 3;
        return k;
    }();
    std::uint32_t line = 1;
    const std::size_t n = t.size();
    for (std::size_t i = 0; i < n;) {
        const auto c = static_cast<unsigned char>(t[i]);
        switch (kind[c]) {
        case 1: ++i; continue;
        case 2:
            if (c == '\n' || i + 1 >= n || t[i + 1] != '\n') ++line;
            ++i;
            continue;
        case 3:
        case 4: {
            const std::size_t close = t.find(static_cast<char>(c), i + 1);
            if (close == std::string_view::npos) fail(line, "labels", "a quote that is not closed");
            const std::string_view text = t.substr(i + 1, close - i - 1);
            if (text.find_first_of("\r\n") != std::string_view::npos) fail(line, "labels", "a quoted label holds a line break");
            out.push_back({text, line, true});
            i = close + 1;
            continue;
        }
        default: break;
        }
        const std::size_t b = i;
        while (i < n && (kind[static_cast<unsigned char>(t[i])] == 0 || kind[static_cast<unsigned char>(t[i])] == 3)) ++i;
        out.push_back({t.substr(b, i - b), line, false});
    }
    return out;
}

std::string quote(std::string_view t) { return "\"" + std::string(t) + "\""; }

bool keyword(const Tok& t, std::string_view k) { return !t.quoted && detail::iequals(t.text, k); }

std::optional<std::uint64_t> to_count(std::string_view t) {
    std::uint64_t v = 0;
    const auto r = std::from_chars(t.data(), t.data() + t.size(), v);
    if (t.empty() || r.ec != std::errc() || r.ptr != t.data() + t.size()) return std::nullopt;
    return v;
}

enum class Format { fullmatrix, lowerhalf, upperhalf, edgelist1, nodelist1 };

class DlReader {
public:
    DlReader(Network& net, std::string_view name, const DlOptions& o)
        : fail_(name), staging_(net, Failer(name), o.merge), options_(o) {}

    void read(std::string_view text) {
        detail::validate_utf8(text, fail_.file());
        if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
        toks_ = tokenize(text, fail_);
        limit_ = std::max<std::size_t>(4096, 4 * text.size());
        header();
        make_stakeholders();
        data();
        finish();
    }

private:
    const Tok& at(std::size_t i, std::string_view field) const {
        if (i >= toks_.size())
            fail_(toks_.empty() ? 1 : toks_.back().line, field, "the file ends here (truncated?)");
        return toks_[i];
    }
    std::size_t count_after(std::size_t& i, std::string_view field) {
        const Tok& t = at(++i, field);
        const auto v = to_count(t.text);
        if (!v) fail_(t.line, field, quote(t.text) + " is not a count");
        ++i;
        return static_cast<std::size_t>(*v);
    }

    /// Reads `count` labels from position `i`, ending with a `:`-keyword check done by the caller.
    std::vector<std::string> labels(std::size_t& i, std::size_t count, std::string_view field) {
        std::vector<std::string> out;
        out.reserve(count);
        for (std::size_t k = 0; k < count; ++k) {
            const Tok& t = at(i, field);
            if (!t.quoted && t.text.ends_with(':'))
                fail_(t.line, field, std::to_string(k) + " labels where " + std::to_string(count) + " are expected");
            out.emplace_back(t.text);
            ++i;
        }
        return out;
    }

    void header() {
        std::size_t i = 0;
        if (toks_.empty() || !keyword(toks_[0], "dl")) fail_(1, "", "the file does not start with DL: not a UCINET DL file");
        ++i;
        bool n_seen = false, nm_seen = false;
        for (;;) {
            const Tok& t = at(i, "data");
            const std::string k = lower(t.text);
            if (t.quoted) fail_(t.line, "", quote(t.text) + " where a DL keyword is expected");
            if (k == "n") {
                if (n_seen) fail_(t.line, "n", "a second N (N = " + std::to_string(n_) + " is given already)");
                n_ = count_after(i, "n");
                n_seen = true;
                if (n_ > limit_)
                    fail_(t.line, "n", "N = " + std::to_string(n_) + " is more than " + std::to_string(limit_) +
                                           ", the most a file of this size may declare");
            } else if (k == "nr" || k == "nc") {
                fail_(t.line, k, "a two-mode (rectangular) matrix: copnet reads one-mode networks (N = …)");
            } else if (k == "nm") {
                if (nm_seen) fail_(t.line, "nm", "a second NM (NM = " + std::to_string(nm_) + " is given already)");
                nm_ = count_after(i, "nm");
                nm_seen = true;
                if (nm_ == 0 || nm_ > max_relations) fail_(t.line, "nm", "NM must be 1 to " + std::to_string(max_relations));
            } else if (k == "format") {
                const Tok& f = at(++i, "format");
                const std::string v = lower(f.text);
                if (v == "fullmatrix" || v == "fm") format_ = Format::fullmatrix;
                else if (v == "lowerhalf" || v == "lh") format_ = Format::lowerhalf;
                else if (v == "upperhalf" || v == "uh") format_ = Format::upperhalf;
                else if (v == "edgelist1" || v == "el1") format_ = Format::edgelist1;
                else if (v == "nodelist1" || v == "nl1") format_ = Format::nodelist1;
                else fail_(f.line, "format", quote(f.text) + " is not fullmatrix, lowerhalf, upperhalf, edgelist1 or "
                                                             "nodelist1 (what copnet reads)");
                ++i;
            } else if (k == "diagonal" || k == "diagonal:") {
                const Tok& d = at(++i, "diagonal");
                const std::string v = lower(d.text);
                if (v == "absent") diagonal_ = false;
                else if (v == "present") diagonal_ = true;
                else fail_(d.line, "diagonal", quote(d.text) + " is not PRESENT or ABSENT");
                ++i;
            } else if (k == "labels:" || k == "labels" || k == "row" || k == "column" || k == "col") {
                const bool row = k == "row", column = k == "column" || k == "col";
                if (row || column) {
                    const Tok& l = at(++i, "labels");
                    if (!keyword(l, "labels:") && !keyword(l, "labels"))
                        fail_(l.line, "labels", "expected LABELS: after " + std::string(t.text));
                }
                // "LABELS EMBEDDED"
                if (i + 1 < toks_.size() && (keyword(toks_[i + 1], "embedded") || keyword(toks_[i + 1], "embedded:"))) {
                    embedded_ = true;
                    i += 2;
                    continue;
                }
                if (!n_seen) fail_(t.line, "labels", "LABELS before N (N must come first)");
                ++i;
                auto l = labels(i, n_, "labels");
                if (column && !labels_.empty() && l != labels_)
                    fail_(t.line, "labels", "column labels differ from the row labels (a two-mode matrix?)");
                labels_ = std::move(l);
            } else if (k == "matrix") {
                const Tok& l = at(++i, "matrix labels");
                if (!keyword(l, "labels:") && !keyword(l, "labels")) fail_(l.line, "matrix labels", "expected LABELS: after MATRIX");
                ++i;
                matrix_labels_ = labels(i, nm_, "matrix labels");
            } else if (k == "data:" || k == "data") {
                ++i;
                break;
            } else {
                fail_(t.line, "", quote(t.text) + " is not a DL keyword copnet reads (N, NM, FORMAT, DIAGONAL, LABELS, "
                                                  "LABELS EMBEDDED, MATRIX LABELS, DATA)");
            }
        }
        if (!n_seen) fail_(at(0, "").line, "n", "no N = …");
        if (embedded_ && (format_ == Format::lowerhalf || format_ == Format::upperhalf))
            fail_(at(0, "").line, "labels", "LABELS EMBEDDED with a half matrix: give the labels in LABELS:");
        pos_ = i;
    }

    static std::string lower(std::string_view s) { return detail::ascii_lowered(s); }

    void make_stakeholders() {
        if (embedded_ && format_ != Format::fullmatrix) return;  // named by the data lines
        if (embedded_) {  // the first matrix's header row of labels
            labels_.clear();
            std::size_t i = pos_;
            labels_ = labels(i, n_, "labels");
        }
        slots_.reserve(n_);
        by_label_.reserve(n_);
        for (std::size_t v = 0; v < n_; ++v) {
            const std::string id = labels_.empty() ? std::to_string(v + 1) : labels_[v];
            if (staging_.network().find(id)) fail_(toks_[pos_ ? pos_ - 1 : 0].line, "labels", "label " + quote(id) + " is given twice");
            slots_.push_back(staging_.stakeholder(id, 0, "labels"));
            if (embedded_) by_label_.emplace(id, slots_.back());
        }
    }

    std::uint32_t vertex(const Tok& t) {
        if (embedded_) {
            if (const auto hit = by_label_.find(t.text); hit != by_label_.end()) return hit->second;
            if (by_label_.size() >= std::max<std::size_t>(n_, 1) && n_ != 0)
                fail_(t.line, "data", quote(t.text) + " is one label more than N = " + std::to_string(n_));
            const std::uint32_t s = staging_.stakeholder(t.text, t.line, "data");
            by_label_.emplace(std::string(t.text), s);
            return s;
        }
        const auto v = to_count(t.text);
        if (!v || *v == 0) fail_(t.line, "data", quote(t.text) + " is not a vertex number (1 to N)");
        if (*v > n_) fail_(t.line, "data", "vertex " + std::string(t.text) + " is beyond N = " + std::to_string(n_));
        return slots_[static_cast<std::size_t>(*v - 1)];
    }

    struct Cell {
        std::uint32_t s, t;
        double v;
        std::size_t line;
    };

    /// The columns [first, last) of row `r` in the matrix layout.
    [[nodiscard]] std::pair<std::size_t, std::size_t> row_span(std::size_t r) const {
        switch (format_) {
        case Format::lowerhalf: return {0, diagonal_ ? r + 1 : r};
        case Format::upperhalf: return {diagonal_ ? r : r + 1, n_};
        default: return {0, n_};
        }
    }

    void matrices(std::size_t i) {
        const bool half = format_ == Format::lowerhalf || format_ == Format::upperhalf;
        for (std::size_t m = 0; m < nm_; ++m) {
            if (embedded_) {
                auto header = labels(i, n_, "labels");
                if (header != labels_) fail_(at(i - 1, "").line, "labels", "matrix " + std::to_string(m + 1) + "'s labels differ from the first's");
            }
            for (std::size_t r = 0; r < n_; ++r) {
                if (embedded_) {
                    const Tok& l = at(i++, "labels");
                    if (l.text != labels_[r])
                        fail_(l.line, "labels", "row " + std::to_string(r + 1) + " is labelled " + quote(l.text) + ", the columns' " +
                                                    quote(labels_[r]));
                }
                const auto [first, last] = row_span(r);
                for (std::size_t c = first; c < last; ++c) {
                    if (c == r && !diagonal_) continue;
                    const Tok& t = at(i++, "value");
                    const auto v = detail::to_number(t.text);
                    if (!v) fail_(t.line, "value", quote(t.text) + " is not a number");
                    if (*v == 0 || r == c) continue;
                    cells_[m].push_back({slots_[r], slots_[c], *v, t.line});
                    if (half) cells_[m].push_back({slots_[c], slots_[r], *v, t.line});
                }
            }
        }
        if (i < toks_.size())
            fail_(toks_[i].line, "data", format_ == Format::fullmatrix && diagonal_ ? "more values than NM × N × N"
                                                                                    : "more values than NM matrices of N hold");
    }

    void data() {
        cells_.resize(nm_);
        std::size_t i = pos_;
        if (format_ == Format::fullmatrix || format_ == Format::lowerhalf || format_ == Format::upperhalf)
            return matrices(i);
        std::size_t m = 0;
        while (i < toks_.size()) {
            const std::size_t line = toks_[i].line;
            std::size_t end = i;
            while (end < toks_.size() && toks_[end].line == line) ++end;
            if (end - i == 1 && toks_[i].text == "!" && !toks_[i].quoted) {
                if (++m >= nm_) fail_(line, "data", "more matrices than NM = " + std::to_string(nm_));
                i = end;
                continue;
            }
            const std::uint32_t s = vertex(toks_[i]);
            if (format_ == Format::edgelist1) {
                if (end - i < 2 || end - i > 3) fail_(line, "data", "an EDGELIST1 line holds i j [value], not " + std::to_string(end - i) + " items");
                const std::uint32_t t = vertex(toks_[i + 1]);
                double v = 1;
                if (end - i == 3) {
                    const auto x = detail::to_number(toks_[i + 2].text);
                    if (!x) fail_(line, "value", quote(toks_[i + 2].text) + " is not a number");
                    v = *x;
                }
                if (v != 0 && s != t) cells_[m].push_back({s, t, v, line});
            } else {
                for (std::size_t k = i + 1; k < end; ++k) {
                    const std::uint32_t t = vertex(toks_[k]);
                    if (s != t) cells_[m].push_back({s, t, 1, line});
                }
            }
            i = end;
        }
    }

    /// True when the cells are not empty and every one has its mirror of the same value (the
    /// last value given for a pair counts, as a repeated line overrides an earlier one). One
    /// open-addressing table of the pairs: O(cells), one allocation.
    static bool is_symmetric(const std::vector<Cell>& cells) {
        if (cells.empty()) return false;
        std::size_t capacity = 16;
        while (capacity < 2 * cells.size()) capacity *= 2;
        const unsigned shift = static_cast<unsigned>(64 - std::countr_zero(capacity));
        std::vector<std::uint64_t> keys(capacity, 0);  // key + 1; 0: empty
        std::vector<double> values(capacity);
        const auto slot = [&](std::uint64_t key) {
            std::size_t i = static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> shift);
            while (keys[i] != 0 && keys[i] != key + 1) i = (i + 1) & (capacity - 1);
            return i;
        };
        for (const Cell& c : cells) {
            const std::uint64_t key = (std::uint64_t{c.s} << 32) | c.t;
            const std::size_t i = slot(key);
            keys[i] = key + 1;
            values[i] = c.v;
        }
        for (std::size_t i = 0; i < capacity; ++i) {
            if (keys[i] == 0) continue;
            const std::uint64_t key = keys[i] - 1;
            const std::size_t j = slot((key << 32) | (key >> 32));
            if (keys[j] == 0 || values[j] != values[i]) return false;
        }
        return true;
    }

    void finish() {
        std::size_t total = 0;
        for (const auto& c : cells_) total += c.size();
        staging_.reserve_ties(total);
        for (std::size_t m = 0; m < nm_; ++m) {
            const bool symmetric = is_symmetric(cells_[m]);
            std::string name = m < matrix_labels_.size() ? matrix_labels_[m]
                               : nm_ == 1 && !options_.relation.empty() ? options_.relation
                               : nm_ == 1 ? (symmetric ? "edge" : "arc")
                                          : "matrix " + std::to_string(m + 1);
            const Role role = name == "edge" ? Role::collaboration : Role::other;
            const std::uint32_t rel = staging_.relation(name, symmetric, role, cells_[m].empty() ? 0 : cells_[m][0].line);
            if (m < matrix_labels_.size()) staging_.keep(rel);  // a named matrix of zeros too
            const bool mutual = staging_.staged_relation(rel).mutual;
            for (const Cell& c : cells_[m])
                if (!(mutual && symmetric && c.s > c.t)) staging_.tie(c.s, c.t, rel, c.v, c.line);
            std::vector<Cell>().swap(cells_[m]);
        }
        staging_.finish(options_.scale);
    }

    /// Hashes labels by view, so that data lines look them up without a copy.
    struct LabelHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
    };

    Failer fail_;
    Staging staging_;
    const DlOptions& options_;
    std::vector<Tok> toks_;
    std::size_t limit_ = 0, n_ = 0, nm_ = 1, pos_ = 0;
    Format format_ = Format::fullmatrix;
    bool embedded_ = false;
    bool diagonal_ = true;
    std::vector<std::string> labels_, matrix_labels_;
    std::vector<std::uint32_t> slots_;
    std::unordered_map<std::string, std::uint32_t, LabelHash, std::equal_to<>> by_label_;
    std::vector<std::vector<Cell>> cells_;
};

void put_label(std::string& out, std::string_view text, std::string_view what) {
    if (text.find_first_of("\"\r\n") != std::string_view::npos)
        throw invalid_value(std::string(what) + " \"" + std::string(text) + "\" holds a quote or a line break, which DL cannot hold");
    out += '"';
    out += text;
    out += '"';
}

} // namespace

void parse_dl(Network& into, std::string_view text, const DlOptions& options, std::string_view name) {
    detail::read_whole(into, [&](Network& net) {
        DlReader reader(net, name, options);
        reader.read(text);
    });
}

void read_dl(Network& into, const std::filesystem::path& path, const DlOptions& options) {
    const std::string text = read_file_bytes(path);
    parse_dl(into, text, options, path.string());
}

Network read_dl(const std::filesystem::path& path, const DlOptions& options) {
    Network net;
    read_dl(net, path, options);
    return net;
}

void write_dl(const Network& net, std::ostream& out) {
    std::vector<std::uint32_t> number(net.slot_count(), 0);
    std::uint32_t n = 0;
    for (StakeholderId who : net.stakeholders()) number[who.index()] = ++n;
    std::vector<std::vector<Tie>> by_relation(net.relations().size());
    for (const Tie& t : net.all_ties()) by_relation[static_cast<std::size_t>(t.kind)].push_back(t);
    std::vector<std::size_t> used;
    for (std::size_t r = 0; r < by_relation.size(); ++r)
        if (!by_relation[r].empty() || r >= tie_kind_count) used.push_back(r);
    std::string s = "DL N=" + std::to_string(n) + " NM=" + std::to_string(std::max<std::size_t>(used.size(), 1)) +
                    "\nFORMAT = EDGELIST1\n";
    if (n > 0) {
        s += "LABELS:\n";
        std::size_t k = 0;
        for (StakeholderId who : net.stakeholders()) {
            put_label(s, net.stakeholder(who).id, "id");
            s += ++k % 10 == 0 ? "\n" : " ";
        }
        s += '\n';
    }
    if (!used.empty()) {
        s += "MATRIX LABELS:\n";
        for (std::size_t r : used) {
            put_label(s, net.relations()[r].name, "relation");
            s += '\n';
        }
    }
    s += "DATA:\n";
    for (std::size_t k = 0; k < used.size(); ++k) {
        if (k > 0) s += "!\n";
        const bool mutual = net.relations()[used[k]].mutual();
        for (const Tie& t : by_relation[used[k]]) {
            const std::string v = detail::shortest(t.weight);
            s += std::to_string(number[t.source.index()]) + ' ' + std::to_string(number[t.target.index()]) + ' ' + v + '\n';
            if (mutual)
                s += std::to_string(number[t.target.index()]) + ' ' + std::to_string(number[t.source.index()]) + ' ' + v + '\n';
            if (s.size() > (1U << 20)) {
                out.write(s.data(), static_cast<std::streamsize>(s.size()));
                s.clear();
            }
        }
    }
    out.write(s.data(), static_cast<std::streamsize>(s.size()));
    if (!out) throw io_error("dl", "the output stream failed");
}

void write_dl(const Network& net, const std::filesystem::path& path) {
    std::ostringstream out;
    write_dl(net, out);
    write_file_atomically(path, out.str());
}

} // namespace copnet
