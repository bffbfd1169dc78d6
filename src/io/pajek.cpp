#include "copnet/io/pajek.hpp"

#include <algorithm>
#include <charconv>
#include <ostream>
#include <sstream>
#include <unordered_map>
#include <vector>

#include "copnet/error.hpp"
#include "copnet/io/file.hpp"
#include "copnet/io/relations.hpp"
#include "detail/csv_reader.hpp"
#include "detail/text.hpp"
#include "io/foreign.hpp"
#include "io/node_fields.hpp"

namespace copnet {

namespace {

using detail::Failer;
using detail::NodeDraft;
using detail::Staging;

/// The lines of a text (LF, CRLF or CR), numbered from 1.
class Lines {
public:
    explicit Lines(std::string_view text) : text_(text) {}
    bool next(std::string_view& line) {
        if (pos_ >= text_.size()) return false;
        const std::size_t end = text_.find_first_of("\r\n", pos_);
        const std::size_t stop = end == std::string_view::npos ? text_.size() : end;
        line = text_.substr(pos_, stop - pos_);
        pos_ = stop + 1;
        if (stop + 1 < text_.size() && text_[stop] == '\r' && text_[stop + 1] == '\n') ++pos_;
        ++number_;
        return true;
    }
    [[nodiscard]] std::size_t number() const noexcept { return number_; }

private:
    std::string_view text_;
    std::size_t pos_ = 0;
    std::size_t number_ = 0;
};

bool blank(char c) noexcept { return c == ' ' || c == '\t' || c == '\f' || c == '\v'; }

/// Splits a line into tokens: runs of non-blanks, or `"…"` (no escapes: Pajek has none).
void tokenize(std::string_view line, std::vector<std::string_view>& out, const Failer& fail, std::size_t number) {
    out.clear();
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && blank(line[i])) ++i;
        if (i >= line.size()) break;
        if (line[i] == '"') {
            const std::size_t close = line.find('"', i + 1);
            if (close == std::string_view::npos) fail(number, "label", "a quote that is not closed");
            out.push_back(line.substr(i + 1, close - i - 1));
            i = close + 1;
        } else {
            const std::size_t start = i;
            while (i < line.size() && !blank(line[i])) ++i;
            out.push_back(line.substr(start, i - start));
        }
    }
}

bool iequals(std::string_view a, std::string_view b) { return detail::iequals(a, b); }

std::optional<std::uint64_t> to_index(std::string_view t) noexcept {
    std::uint64_t v = 0;
    const auto r = std::from_chars(t.data(), t.data() + t.size(), v);
    if (t.empty() || r.ec != std::errc() || r.ptr != t.data() + t.size()) return std::nullopt;
    return v;
}

/// Pajek's vertex shapes and its drawing keys (each followed by one value), skipped.
bool is_shape(std::string_view t) {
    for (std::string_view s : {"ellipse", "box", "diamond", "triangle", "cross", "empty"})
        if (iequals(t, s)) return true;
    return false;
}
bool is_vertex_drawing_key(std::string_view t) {
    for (std::string_view s : {"x_fact", "s_size", "y_fact", "phi", "r", "q", "ic", "bc", "bw", "lc", "la",
                               "lr", "lphi", "fos", "font", "x", "y", "z", "shape", "id"})
        if (iequals(t, s)) return true;
    return false;
}
enum class Section { none, vertices, arcs, edges, arcslist, edgeslist, matrix };

class PajekReader {
public:
    PajekReader(Network& net, std::string_view name, const PajekOptions& options)
        : fail_(name), staging_(net, Failer(name), options.merge), options_(options) {}

    void read(std::string_view text) {
        detail::validate_utf8(text, fail_.file());  // text is UTF-8 (names, values, relations)
        limit_ = std::max<std::size_t>(4096, 4 * text.size());
        Lines lines(text);
        std::string_view line;
        std::vector<std::string_view> tokens;
        std::string relations_text;
        std::size_t relations_line = 0;
        bool in_relations = false;
        while (lines.next(line)) {
            const std::size_t at = lines.number();
            if (at == 1 && line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);
            std::size_t first = 0;
            while (first < line.size() && blank(line[first])) ++first;
            line.remove_prefix(first);
            if (line.empty()) continue;
            if (line.front() == '%') {
                std::string_view body = line.substr(1);
                if (in_relations) {
                    if (!body.empty() && body.front() == ' ') body.remove_prefix(1);
                    relations_text.append(body);
                    relations_text += '\n';
                } else if (body.find("copnet relations:") != std::string_view::npos && section_ == Section::none &&
                           relations_line == 0) {
                    in_relations = true;
                    relations_line = at;
                } else if (const auto p = body.find("copnet relation:"); p != std::string_view::npos) {
                    // The relation of the next, unnumbered block (as write_pajek names a lone one).
                    tokenize(body.substr(p + 16), tokens, fail_, at);
                    if (!tokens.empty()) pending_name_ = std::string(tokens[0]);
                }
                continue;
            }
            if (in_relations) {
                in_relations = false;
                declare_relations(relations_text, relations_line);
            }
            tokenize(line, tokens, fail_, at);
            if (tokens.empty()) continue;
            if (line.front() == '*') {
                header(tokens, at);
                continue;
            }
            switch (section_) {
            case Section::none: fail_(at, "", "a line before *Vertices");
            case Section::vertices: vertex(tokens, at); break;
            case Section::arcs:
            case Section::edges: tie_line(tokens, at); break;
            case Section::arcslist:
            case Section::edgeslist: list_line(tokens, at); break;
            case Section::matrix: matrix_line(tokens, at); break;
            }
        }
        if (in_relations) declare_relations(relations_text, relations_line);
        if (!vertices_seen_) fail_(lines.number(), "vertices", "no *Vertices line: not a Pajek network");
        if (section_ == Section::matrix && matrix_row_ != n_)
            fail_(lines.number(), "matrix", "*Matrix has " + std::to_string(matrix_row_) + " rows, *Vertices " +
                                                std::to_string(n_));
        make_vertices();
        staging_.finish(options_.scale);
    }

private:
    void declare_relations(const std::string& text, std::size_t line) {
        detail::declare_relations(staging_.network(), text, line, fail_);
    }

    void header(const std::vector<std::string_view>& t, std::size_t at) {
        const std::string_view k = t[0];
        if (section_ == Section::matrix && matrix_row_ != n_)
            fail_(at, "matrix", "*Matrix has " + std::to_string(matrix_row_) + " rows, *Vertices " + std::to_string(n_));
        if (iequals(k, "*network")) return;
        if (iequals(k, "*vertices")) {
            if (vertices_seen_) fail_(at, "vertices", "a second *Vertices line (one network per file)");
            if (t.size() < 2) fail_(at, "vertices", "*Vertices without a count");
            const auto n = to_index(t[1]);
            if (!n) fail_(at, "vertices", "\"" + std::string(t[1]) + "\" is not a vertex count");
            if (*n > limit_)
                fail_(at, "vertices", "*Vertices " + std::string(t[1]) + " is more than " + std::to_string(limit_) +
                                          ", the most a file of this size may declare (4 times its size)");
            if (t.size() >= 3 && !to_index(t[2]))
                fail_(at, "vertices", "\"" + std::string(t[2]) + "\" is not a count of the first mode");
            n_ = static_cast<std::size_t>(*n);
            drafts_.resize(n_);
            lines_.assign(n_, 0);
            vertices_seen_ = true;
            section_ = Section::vertices;
            return;
        }
        Section s;
        bool mutual;
        if (iequals(k, "*arcs")) s = Section::arcs, mutual = false;
        else if (iequals(k, "*edges")) s = Section::edges, mutual = true;
        else if (iequals(k, "*arcslist")) s = Section::arcslist, mutual = false;
        else if (iequals(k, "*edgeslist")) s = Section::edgeslist, mutual = true;
        else if (iequals(k, "*matrix")) s = Section::matrix, mutual = false;
        else fail_(at, "", "\"" + std::string(k) + "\" is not a section of a Pajek network (*Vertices, *Arcs, *Edges, "
                                                "*Arcslist, *Edgeslist, *Matrix)");
        if (!vertices_seen_) fail_(at, "", std::string(k) + " before *Vertices");
        make_vertices();
        section_ = s;
        mutual_ = mutual;
        matrix_row_ = 0;
        // `:k "name"`, `:k name` or `:k`: the block's relation number and name.
        std::string name;
        if (t.size() >= 2) {
            std::string_view num = t[1];
            if (!num.starts_with(':')) fail_(at, "relation", "expected :NUMBER after " + std::string(k));
            num.remove_prefix(1);
            std::string_view label = t.size() >= 3 ? t[2] : std::string_view();
            if (num.empty() && t.size() >= 3) num = t[2], label = t.size() >= 4 ? t[3] : std::string_view();
            if (!to_index(num)) fail_(at, "relation", "\"" + std::string(num) + "\" is not a relation number");
            name = label.empty() ? std::string(num) : std::string(label);
            numbered_[std::string(num)] = name;
        }
        if (name.empty()) name = std::move(pending_name_);
        pending_name_.clear();
        block_relation_ = relation(name, at);
    }

    std::uint32_t relation(const std::string& name, std::size_t at) {
        if (!name.empty()) return staging_.relation(name, mutual_, Role::other, at);
        if (!options_.relation.empty()) return staging_.relation(options_.relation, mutual_, Role::other, at);
        return mutual_ ? staging_.relation("edge", true, Role::collaboration, at)
                       : staging_.relation("arc", false, Role::other, at);
    }

    void vertex(const std::vector<std::string_view>& t, std::size_t at) {
        const auto i = to_index(t[0]);
        if (!i || *i == 0 || *i > n_)
            fail_(at, "vertex", "\"" + std::string(t[0]) + "\" is not a vertex number from 1 to " + std::to_string(n_));
        const std::size_t v = static_cast<std::size_t>(*i - 1);
        if (lines_[v] != 0)
            fail_(at, "vertex", "vertex " + std::string(t[0]) + " is given twice (also on line " +
                                    std::to_string(lines_[v]) + ")");
        lines_[v] = at;
        NodeDraft& d = drafts_[v];
        d.stakeholder.id = t.size() >= 2 ? std::string(t[1]) : std::string(t[0]);
        if (d.stakeholder.id.empty()) fail_(at, "label", "vertex " + std::string(t[0]) + " has an empty label");
        std::size_t k = 2;
        for (int c = 0; c < 3 && k < t.size() && detail::to_number(t[k]); ++c) ++k;  // coordinates
        if (k < t.size() && is_shape(t[k])) ++k;
        for (; k < t.size(); k += 2) {
            if (k + 1 >= t.size())
                fail_(at, t[k], "vertex " + std::string(t[0]) + ": \"" + std::string(t[k]) + "\" without a value");
            if (is_vertex_drawing_key(t[k])) continue;
            staging_.field(d, t[k], std::string(t[k + 1]), options_.community, at, false);
            if (d.stakeholder.attributes.count(t[k]) != 0) {
                // Columns in the order of the vertices' numbers, then of their lines' pairs.
                const auto place = std::make_pair(v, k);
                auto [it, fresh] = columns_.try_emplace(std::string(t[k]), place);
                if (!fresh && place < it->second) it->second = place;
            }
        }
    }

    /// Turns the vertex drafts into stakeholders, in number order (once).
    void make_vertices() {
        if (made_) return;
        made_ = true;
        std::vector<std::pair<std::pair<std::size_t, std::size_t>, std::string>> columns;
        for (auto& [name, place] : columns_) columns.emplace_back(place, name);
        std::sort(columns.begin(), columns.end());
        for (const auto& c : columns) staging_.network().add_attribute_name(c.second);
        columns_.clear();
        staging_.network().reserve(n_);
        slots_.resize(n_);
        for (std::size_t v = 0; v < n_; ++v) {
            NodeDraft& d = drafts_[v];
            if (d.stakeholder.id.empty()) d.stakeholder.id = std::to_string(v + 1);
            labels_.emplace(d.stakeholder.id, static_cast<std::uint32_t>(v));
            slots_[v] = staging_.add(std::move(d), lines_[v], lines_[v] ? "label" : "vertices");
        }
        drafts_.clear();
        drafts_.shrink_to_fit();
    }

    std::uint32_t endpoint(std::string_view t, std::size_t at, std::string_view field) {
        if (const auto i = to_index(t)) {
            if (*i == 0 || *i > n_)
                fail_(at, field, "vertex " + std::string(t) + " is beyond *Vertices " + std::to_string(n_));
            return slots_[static_cast<std::size_t>(*i - 1)];
        }
        if (const auto hit = labels_.find(std::string(t)); hit != labels_.end()) return slots_[hit->second];
        fail_(at, field, "\"" + std::string(t) + "\" is neither a vertex number nor a label");
    }

    /// A leading `k:` token: the line's relation number; returns the tokens' start.
    std::size_t line_relation(const std::vector<std::string_view>& t, std::size_t at, std::uint32_t& rel) {
        rel = block_relation_;
        if (t[0].size() < 2 || t[0].back() != ':') return 0;
        const std::string num(t[0].substr(0, t[0].size() - 1));
        if (!to_index(num)) fail_(at, "relation", "\"" + std::string(t[0]) + "\" is not a relation number");
        const auto named = numbered_.find(num);
        rel = relation(named == numbered_.end() ? num : named->second, at);
        return 1;
    }

    void tie_line(const std::vector<std::string_view>& t, std::size_t at) {
        std::uint32_t rel = 0;
        const std::size_t b = line_relation(t, at, rel);
        if (t.size() < b + 2) fail_(at, "target", "a line with one vertex (expected: source target [value])");
        const std::uint32_t s = endpoint(t[b], at, "source");
        const std::uint32_t g = endpoint(t[b + 1], at, "target");
        double value = 1.0;
        std::size_t k = b + 2;
        if (k < t.size()) {
            if (const auto v = detail::to_number(t[k])) value = *v, ++k;
            else if (t.size() - k == 1)
                fail_(at, "value", "\"" + std::string(t[k]) + "\" is not a number");
        }
        for (; k < t.size(); k += 2) {
            if (k + 1 >= t.size()) fail_(at, t[k], "\"" + std::string(t[k]) + "\" without a value");
            if (iequals(t[k], "relation") || iequals(t[k], "kind")) {
                rel = relation(std::string(t[k + 1]), at);
            } else if (iequals(t[k], "weight") || iequals(t[k], "value")) {
                const auto v = detail::to_number(t[k + 1]);
                if (!v) fail_(at, "value", "\"" + std::string(t[k + 1]) + "\" is not a number");
                value = *v;
            }  // drawing keys and other edge attributes: copnet's ties have no place for them
        }
        staging_.tie(s, g, rel, value, at);
    }

    void list_line(const std::vector<std::string_view>& t, std::size_t at) {
        std::uint32_t rel = 0;
        const std::size_t b = line_relation(t, at, rel);
        if (t.size() <= b) return;
        const std::uint32_t s = endpoint(t[b], at, "source");
        for (std::size_t k = b + 1; k < t.size(); ++k) staging_.tie(s, endpoint(t[k], at, "target"), rel, 1.0, at);
    }

    void matrix_line(const std::vector<std::string_view>& t, std::size_t at) {
        if (matrix_row_ >= n_) fail_(at, "matrix", "*Matrix has more rows than *Vertices " + std::to_string(n_));
        if (t.size() != n_)
            fail_(at, "matrix", "row " + std::to_string(matrix_row_ + 1) + " has " + std::to_string(t.size()) +
                                    " values, *Vertices " + std::to_string(n_));
        for (std::size_t j = 0; j < n_; ++j) {
            const auto v = detail::to_number(t[j]);
            if (!v) fail_(at, "value", "\"" + std::string(t[j]) + "\" is not a number");
            if (*v != 0) staging_.tie(slots_[matrix_row_], slots_[j], block_relation_, *v, at);
        }
        ++matrix_row_;
    }

    Failer fail_;
    Staging staging_;
    const PajekOptions& options_;
    std::size_t limit_ = 0;
    Section section_ = Section::none;
    bool vertices_seen_ = false;
    bool made_ = false;
    bool mutual_ = false;
    std::size_t n_ = 0;
    std::size_t matrix_row_ = 0;
    std::uint32_t block_relation_ = 0;
    std::vector<NodeDraft> drafts_;
    std::vector<std::size_t> lines_;
    std::vector<std::uint32_t> slots_;
    std::unordered_map<std::string, std::uint32_t> labels_;
    std::unordered_map<std::string, std::string> numbered_;
    std::string pending_name_;
    std::unordered_map<std::string, std::pair<std::size_t, std::size_t>> columns_;
};

/// `text` as a Pajek token: quoted; throws invalid_value for what Pajek cannot hold.
void put_quoted(std::string& out, std::string_view text, std::string_view what) {
    if (text.find_first_of("\"\r\n") != std::string_view::npos)
        throw invalid_value(std::string(what) + " \"" + std::string(text) +
                            "\" holds a quote or a line break, which Pajek cannot hold");
    out += '"';
    out += text;
    out += '"';
}

/// `text` as a Pajek token, quoted only when it must be (NetworkX's reader splits as shlex does).
void put_token(std::string& out, std::string_view text, std::string_view what) {
    if (!text.empty() && text.find_first_of(" \t\f\v\"'\\\r\n") == std::string_view::npos && text.front() != '*' &&
        text.front() != '%')
        out += text;
    else
        put_quoted(out, text, what);
}

} // namespace

void parse_pajek(Network& into, std::string_view text, const PajekOptions& options, std::string_view name) {
    detail::read_whole(into, [&](Network& net) {
        PajekReader reader(net, name, options);
        reader.read(text);
    });
}

void read_pajek(Network& into, const std::filesystem::path& path, const PajekOptions& options) {
    const std::string text = read_file_bytes(path);
    parse_pajek(into, text, options, path.string());
}

Network read_pajek(const std::filesystem::path& path, const PajekOptions& options) {
    Network net;
    read_pajek(net, path, options);
    return net;
}

void write_pajek(const Network& net, std::ostream& out, const PajekWriteOptions& options) {
    std::string s;
    s += "% Written by copnet\n";
    if (has_declared_relations(net)) {
        std::ostringstream rel;
        write_relations(net, rel);
        s += "% copnet relations:\n";
        std::istringstream lines(rel.str());
        for (std::string line; std::getline(lines, line);) {
            if (line.find_first_of("\r") != std::string::npos)
                throw invalid_value("a relation name holds a line break, which Pajek cannot hold");
            s += "% " + line + "\n";
        }
    }
    std::vector<std::uint32_t> number(net.slot_count(), 0);
    std::uint32_t n = 0;
    for (StakeholderId who : net.stakeholders()) number[who.index()] = ++n;
    s += "*Vertices " + std::to_string(n) + "\n";
    for (StakeholderId who : net.stakeholders()) {
        s += std::to_string(number[who.index()]) + ' ';
        put_quoted(s, net.stakeholder(who).id, "id");
        const auto fields = options.fields ? detail::node_fields(net, who)
                                           : std::vector<std::pair<std::string, std::string>>{};
        if (!fields.empty()) s += " 0.0 0.0 ellipse";
        for (const auto& [field, value] : fields) {
            s += ' ';
            put_token(s, field, "field name");
            s += ' ';
            put_quoted(s, value, "value");
        }
        s += '\n';
        if (s.size() > (1U << 20)) {
            out.write(s.data(), static_cast<std::streamsize>(s.size()));
            s.clear();
        }
    }
    // One block per relation that holds ties; a lone relation's block is unnumbered, so that
    // readers without multi-relational blocks (igraph) read it.
    const std::vector<Tie> ties = net.all_ties();
    std::vector<std::vector<const Tie*>> by_relation(net.relations().size());
    for (const Tie& t : ties) by_relation[static_cast<std::size_t>(t.kind)].push_back(&t);
    const auto used = static_cast<std::size_t>(
        std::count_if(by_relation.begin(), by_relation.end(), [](const auto& v) { return !v.empty(); }));
    std::size_t k = 0;
    for (std::size_t r = 0; r < by_relation.size(); ++r) {
        if (by_relation[r].empty()) continue;
        const Relation& rel = net.relation(static_cast<TieKind>(r));
        if (used == 1) {  // named in a comment, the block plain
            s += "% copnet relation: ";
            put_quoted(s, rel.name, "relation");
            s += rel.mutual() ? "\n*Edges\n" : "\n*Arcs\n";
        } else {
            s += rel.mutual() ? "*Edges :" : "*Arcs :";
            s += std::to_string(++k) + ' ';
            put_quoted(s, rel.name, "relation");
            s += '\n';
        }
        for (const Tie* t : by_relation[r]) {
            s += std::to_string(number[t->source.index()]) + ' ' + std::to_string(number[t->target.index()]) + ' ' +
                 detail::shortest(t->weight) + '\n';
            if (s.size() > (1U << 20)) {
                out.write(s.data(), static_cast<std::streamsize>(s.size()));
                s.clear();
            }
        }
    }
    out.write(s.data(), static_cast<std::streamsize>(s.size()));
    if (!out) throw io_error("pajek", "the output stream failed");
}

void write_pajek(const Network& net, const std::filesystem::path& path, const PajekWriteOptions& options) {
    std::ostringstream out;
    write_pajek(net, out, options);
    write_file_atomically(path, out.str());
}

} // namespace copnet
