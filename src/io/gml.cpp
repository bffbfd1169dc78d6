#include "copnet/io/gml.hpp"

#include <cctype>
#include <charconv>
#include <cstdint>
#include <optional>
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

constexpr std::size_t max_depth = 128;

enum class Kind : std::uint8_t { key, number, string, open, close, end };

struct Token {
    Kind kind = Kind::end;
    std::string_view text;  // raw (a string without its quotes, undecoded)
    std::size_t line = 0;
};

/// Appends code point `cp` as UTF-8.
void put_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) out += static_cast<char>(cp);
    else if (cp < 0x800) out += static_cast<char>(0xC0 | (cp >> 6)), out += static_cast<char>(0x80 | (cp & 0x3F));
    else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

class Lexer {
public:
    Lexer(std::string_view text, const Failer& fail) : t_(text), fail_(fail) {
        if (t_.starts_with("\xEF\xBB\xBF")) i_ = 3;
    }

    Token next() {
        for (;;) {
            while (i_ < t_.size() && is_space(t_[i_])) {
                if (t_[i_] == '\n') ++line_;
                ++i_;
            }
            if (i_ < t_.size() && t_[i_] == '#') {
                while (i_ < t_.size() && t_[i_] != '\n') ++i_;
                continue;
            }
            break;
        }
        Token tok;
        tok.line = line_;
        if (i_ >= t_.size()) return tok;
        const char c = t_[i_];
        if (c == '[' || c == ']') {
            ++i_;
            tok.kind = c == '[' ? Kind::open : Kind::close;
            return tok;
        }
        if (c == '"') {
            const std::size_t close = t_.find('"', i_ + 1);
            if (close == std::string_view::npos) fail_(line_, "", "a string that is not closed (the file is truncated?)");
            tok.kind = Kind::string;
            tok.text = t_.substr(i_ + 1, close - i_ - 1);
            for (char ch : tok.text)
                if (ch == '\n') ++line_;
            i_ = close + 1;
            return tok;
        }
        const std::size_t start = i_;
        while (i_ < t_.size() && !is_space(t_[i_]) && t_[i_] != '[' && t_[i_] != ']' && t_[i_] != '"') ++i_;
        tok.text = t_.substr(start, i_ - start);
        const char f = tok.text.front();
        tok.kind = (std::isalpha(static_cast<unsigned char>(f)) || f == '_') && !is_special_number(tok.text)
                       ? Kind::key
                       : Kind::number;
        if (tok.kind == Kind::number && !detail::to_number(tok.text) && !is_special_number(tok.text))
            fail_(line_, "", "\"" + std::string(tok.text) + "\" is neither a key, a number nor a string");
        return tok;
    }

private:
    static bool is_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
    static bool is_special_number(std::string_view t) noexcept {
        return detail::iequals(t, "nan") || detail::iequals(t, "inf") || detail::iequals(t, "-inf") ||
               detail::iequals(t, "+inf") || detail::iequals(t, "-nan");
    }

    std::string_view t_;
    const Failer& fail_;
    std::size_t i_ = 0;
    std::size_t line_ = 1;
};

/// A string's text with GML's (HTML) character references decoded.
std::string decode(std::string_view raw, const Failer& fail, std::size_t line, std::string_view key) {
    std::string out;
    out.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] != '&') {
            out += raw[i];
            continue;
        }
        const std::size_t semi = raw.find(';', i);
        if (semi == std::string_view::npos || semi - i > 12) {
            out += '&';  // a lone ampersand, as NetworkX keeps it
            continue;
        }
        const std::string_view ref = raw.substr(i + 1, semi - i - 1);
        if (ref == "quot") out += '"';
        else if (ref == "amp") out += '&';
        else if (ref == "lt") out += '<';
        else if (ref == "gt") out += '>';
        else if (ref == "apos") out += '\'';
        else if (ref.size() >= 2 && ref[0] == '#') {
            const bool hex = ref[1] == 'x' || ref[1] == 'X';
            const std::string_view digits = ref.substr(hex ? 2 : 1);
            std::uint32_t cp = 0;
            const auto r = std::from_chars(digits.data(), digits.data() + digits.size(), cp, hex ? 16 : 10);
            if (digits.empty() || r.ec != std::errc() || r.ptr != digits.data() + digits.size() || cp == 0 ||
                cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
                fail(line, key, "\"&" + std::string(ref) + ";\" is not a character");
            put_utf8(out, cp);
        } else {
            out += '&';
            continue;
        }
        i = semi;
    }
    return out;
}

/// A scalar value of a node's or edge's key, or a `copnet_field` pair.
struct Entry {
    std::string key;
    std::string value;
    bool number = false;
    std::size_t line = 0;
    bool field = false;  // from a copnet_field: never the node's id, label or name
};

class GmlReader {
public:
    GmlReader(Network& net, std::string_view name, const GmlOptions& options)
        : fail_(name), staging_(net, Failer(name), options.merge), options_(options) {}

    void read(std::string_view text) {
        detail::validate_utf8(text, fail_.file());  // text is UTF-8 (names, values, relations)
        Lexer lex(text, fail_);
        bool found = false;
        for (Token k = lex.next(); k.kind != Kind::end; k = lex.next()) {
            if (k.kind != Kind::key) fail_(k.line, "", "expected a key, not \"" + std::string(k.text) + "\"");
            Token v = lex.next();
            if (v.kind == Kind::end || v.kind == Kind::close) fail_(k.line, k.text, "a key without a value (the file is truncated?)");
            if (v.kind == Kind::open && k.text == "graph" && !found) {
                found = true;
                graph(lex);
            } else if (v.kind == Kind::open) {
                skip(lex, 1, v.line);
            }
        }
        if (!found) fail_(0, "graph", "no graph [ … ] in the file: not GML");
    }

private:
    /// Skips the rest of a list just opened at nesting depth `depth`.
    void skip(Lexer& lex, std::size_t depth, std::size_t line) {
        std::size_t d = 1;
        while (d > 0) {
            const Token t = lex.next();
            if (t.kind == Kind::end) fail_(line, "", "a list [ that is not closed (the file is truncated?)");
            if (t.kind == Kind::open && depth + ++d > max_depth) fail_(t.line, "", "lists nested more than 128 deep");
            if (t.kind == Kind::close) --d;
        }
    }

    /// The entries of a node or edge list (opened already), scalars only; `copnet_field`s
    /// become entries of their own; other lists are skipped.
    std::vector<Entry> entries(Lexer& lex, std::size_t open_line, std::size_t depth = 2) {
        if (depth > max_depth) fail_(open_line, "", "lists nested more than 128 deep");
        std::vector<Entry> out;
        for (;;) {
            const Token k = lex.next();
            if (k.kind == Kind::close) return out;
            if (k.kind == Kind::end) fail_(open_line, "", "a list [ that is not closed (the file is truncated?)");
            if (k.kind != Kind::key) fail_(k.line, "", "expected a key, not \"" + std::string(k.text) + "\"");
            const Token v = lex.next();
            if (v.kind == Kind::end || v.kind == Kind::close) fail_(k.line, k.text, "a key without a value");
            if (v.kind == Kind::open) {
                if (k.text == "copnet_field") out.push_back(copnet_field(lex, k.line, depth + 1));
                else skip(lex, depth + 1, v.line);
                continue;
            }
            Entry e{std::string(k.text), {}, v.kind == Kind::number, k.line};
            e.value = v.kind == Kind::string ? decode(v.text, fail_, v.line, k.text) : std::string(v.text);
            out.push_back(std::move(e));
        }
    }

    Entry copnet_field(Lexer& lex, std::size_t line, std::size_t depth) {
        std::optional<std::string> name, value;
        for (const Entry& e : entries(lex, line, depth)) {
            if (e.key == "name") name = e.value;
            else if (e.key == "value") value = e.value;
        }
        if (!name || !value) fail_(line, "copnet_field", "copnet_field [ ] needs a name and a value");
        return {*name, *value, false, line, true};
    }

    struct PendingEdge {
        std::string source, target;
        std::optional<std::string> relation;
        double value = 1;
        std::size_t line = 0;
    };

    void graph(Lexer& lex) {
        bool directed = false;
        std::vector<PendingEdge> edges;
        std::unordered_map<std::string, std::uint32_t> ids;
        for (;;) {
            const Token k = lex.next();
            if (k.kind == Kind::close) break;
            if (k.kind == Kind::end) fail_(k.line, "graph", "graph [ is not closed (the file is truncated?)");
            if (k.kind != Kind::key) fail_(k.line, "", "expected a key, not \"" + std::string(k.text) + "\"");
            const Token v = lex.next();
            if (v.kind == Kind::end || v.kind == Kind::close) fail_(k.line, k.text, "a key without a value");
            if (v.kind == Kind::open && k.text == "node") {
                node(entries(lex, v.line), k.line, ids);
            } else if (v.kind == Kind::open && k.text == "edge") {
                edges.push_back(edge(entries(lex, v.line), k.line));
            } else if (v.kind == Kind::open) {
                skip(lex, 1, v.line);
            } else if (k.text == "directed") {
                if (v.text != "0" && v.text != "1") fail_(k.line, "directed", "\"" + std::string(v.text) + "\" is not 0 or 1");
                directed = v.text == "1";
            } else if (k.text == "relations" && v.kind == Kind::string) {
                detail::declare_relations(staging_.network(), decode(v.text, fail_, v.line, k.text), k.line, fail_);
            }
        }
        staging_.reserve_ties(edges.size());
        for (const PendingEdge& e : edges) {
            const auto s = ids.find(e.source);
            if (s == ids.end()) fail_(e.line, "source", "edge source " + e.source + " is not the id of a node");
            const auto t = ids.find(e.target);
            if (t == ids.end()) fail_(e.line, "target", "edge target " + e.target + " is not the id of a node");
            std::uint32_t rel;
            if (e.relation) rel = staging_.relation(*e.relation, !directed, Role::other, e.line);
            else if (!options_.relation.empty()) rel = staging_.relation(options_.relation, !directed, Role::other, e.line);
            else rel = directed ? staging_.relation("arc", false, Role::other, e.line)
                                : staging_.relation("edge", true, Role::collaboration, e.line);
            staging_.tie(s->second, t->second, rel, e.value, e.line);
        }
        staging_.finish(options_.scale);
    }

    void node(const std::vector<Entry>& es, std::size_t line, std::unordered_map<std::string, std::uint32_t>& ids) {
        const Entry *id = nullptr, *label = nullptr, *name = nullptr;
        for (const Entry& e : es) {  // the first of each, not from a copnet_field
            if (e.field) continue;
            if (e.key == "id" && !id) id = &e;
            else if (e.key == "label" && !label) label = &e;
            else if (e.key == "name" && !name) name = &e;
        }
        if (!id) fail_(line, "id", "a node without an id");
        NodeDraft d;
        d.stakeholder.id = label ? label->value : name ? name->value : id->value;
        if (d.stakeholder.id.empty()) fail_(line, label ? "label" : name ? "name" : "id", "a node with an empty id");
        for (const Entry& e : es) {
            if (&e == id || &e == label || (&e == name && !label)) continue;
            if (!e.field && (e.key == "id" || e.key == "graphics" || e.key == "LabelGraphics")) continue;
            staging_.field(d, e.key, e.value, options_.community, e.line);
        }
        const std::uint32_t slot = staging_.add(std::move(d), line, "label");
        if (!ids.emplace(id->value, slot).second) fail_(id->line, "id", "node id " + id->value + " is given twice");
    }

    PendingEdge edge(const std::vector<Entry>& es, std::size_t line) {
        PendingEdge p;
        p.line = line;
        bool source = false, target = false, weighted = false;
        std::optional<std::string> key_relation;
        for (const Entry& e : es) {
            if (e.key == "source") p.source = e.value, source = true;
            else if (e.key == "target") p.target = e.value, target = true;
            else if (e.key == "relation" || e.key == "kind") p.relation = e.value;
            else if (e.key == "key" && !e.number) key_relation = e.value;
            else if (e.key == "weight" || (e.key == "value" && !weighted)) {
                const auto v = detail::to_number(e.value);
                if (!v) fail_(e.line, e.key, "\"" + e.value + "\" is not a number");
                p.value = *v;
                weighted = weighted || e.key == "weight";
            }
        }
        if (!source) fail_(line, "source", "an edge without a source");
        if (!target) fail_(line, "target", "an edge without a target");
        if (!p.relation) p.relation = key_relation;
        return p;
    }

    Failer fail_;
    Staging staging_;
    const GmlOptions& options_;
};

bool valid_key(std::string_view k) {
    if (k.empty() || !(std::isalpha(static_cast<unsigned char>(k[0])))) return false;
    for (char c : k)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
    return k != "id" && k != "label" && k != "graphics" && k != "copnet_field" && k != "source" && k != "target";
}

/// `text` as a GML string: ASCII, `"` `&` and non-ASCII or control characters as references.
void put_string(std::string& out, std::string_view text) {
    out += '"';
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c < 0x7F && c != '"' && c != '&') {
            out += static_cast<char>(c);
            ++i;
            continue;
        }
        std::uint32_t cp = c;
        std::size_t len = 1;
        if (c >= 0x80) {
            len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
            if (len == 0 || i + len > text.size() || c > 0xF4)
                throw invalid_value("text \"" + std::string(text) + "\" is not UTF-8");
            cp = c & (0x7F >> len);
            for (std::size_t k = 1; k < len; ++k) {
                const auto d = static_cast<unsigned char>(text[i + k]);
                if ((d & 0xC0) != 0x80) throw invalid_value("text \"" + std::string(text) + "\" is not UTF-8");
                cp = (cp << 6) | (d & 0x3F);
            }
        }
        if (cp == 0) throw invalid_value("text holds a NUL character, which GML cannot hold");
        out += "&#" + std::to_string(cp) + ';';
        i += len;
    }
    out += '"';
}

} // namespace

void parse_gml(Network& into, std::string_view text, const GmlOptions& options, std::string_view name) {
    detail::read_whole(into, [&](Network& net) {
        GmlReader reader(net, name, options);
        reader.read(text);
    });
}

void read_gml(Network& into, const std::filesystem::path& path, const GmlOptions& options) {
    const std::string text = read_file_bytes(path);
    parse_gml(into, text, options, path.string());
}

Network read_gml(const std::filesystem::path& path, const GmlOptions& options) {
    Network net;
    read_gml(net, path, options);
    return net;
}

void write_gml(const Network& net, std::ostream& out) {
    std::string s = "Creator \"copnet\"\ngraph [\n";
    bool directed = false;
    for (const Relation& r : net.relations()) directed = directed || !r.mutual();
    s += directed ? "  directed 1\n" : "  directed 0\n";
    s += "  multigraph 1\n";
    if (has_declared_relations(net)) {
        std::ostringstream rel;
        write_relations(net, rel);
        s += "  relations ";
        put_string(s, rel.str());
        s += '\n';
    }
    std::vector<std::uint32_t> number(net.slot_count(), 0);
    std::uint32_t n = 0;
    for (StakeholderId who : net.stakeholders()) {
        number[who.index()] = n;
        s += "  node [\n    id " + std::to_string(n++) + "\n    label ";
        put_string(s, net.stakeholder(who).id);
        s += '\n';
        for (const auto& [field, value] : detail::node_fields(net, who)) {
            if (valid_key(field)) {
                s += "    " + field + ' ';
            } else {
                s += "    copnet_field [ name ";
                put_string(s, field);
                s += " value ";
                put_string(s, value);
                s += " ]\n";
                continue;
            }
            put_string(s, value);
            s += '\n';
        }
        s += "  ]\n";
        if (s.size() > (1U << 20)) {
            out.write(s.data(), static_cast<std::streamsize>(s.size()));
            s.clear();
        }
    }
    for (const Tie& t : net.all_ties()) {
        s += "  edge [\n    source " + std::to_string(number[t.source.index()]) + "\n    target " +
             std::to_string(number[t.target.index()]) + "\n    relation ";
        put_string(s, net.relation(t.kind).name);
        s += "\n    weight " + detail::shortest(t.weight) + "\n  ]\n";
        if (s.size() > (1U << 20)) {
            out.write(s.data(), static_cast<std::streamsize>(s.size()));
            s.clear();
        }
    }
    s += "]\n";
    out.write(s.data(), static_cast<std::streamsize>(s.size()));
    if (!out) throw io_error("gml", "the output stream failed");
}

void write_gml(const Network& net, const std::filesystem::path& path) {
    std::ostringstream out;
    write_gml(net, out);
    write_file_atomically(path, out.str());
}

} // namespace copnet
