#include "copnet/io/json.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>
#include <ostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "copnet/error.hpp"
#include "copnet/io/file.hpp"
#include "copnet/io/relations.hpp"
#include "io/node_fields.hpp"

namespace copnet {
namespace {

using Json = nlohmann::ordered_json;

// Node-link JSON is read by SAX events into the few things copnet reads (graph members,
// nodes' scalar fields, links' source/target/kind/weight); any other value is skipped without
// being built. So memory is linear in the input and nesting cannot exhaust the stack.
constexpr std::size_t max_depth = 256;

// A scalar read from the file: its text as `scalar` gives it (strings as they are, numbers and
// booleans as JSON text), and for numbers the value.
struct Scalar {
    enum class Type : std::uint8_t { null, string, number, boolean } type = Type::null;
    std::string text;
    double number = 0.0;
};

struct LinkDraft {
    std::optional<Scalar> source, target, kind, weight;
};

struct NodeRecord {
    std::optional<Scalar> id;
    std::vector<std::pair<std::string, Scalar>> fields;  // in order, `id` excluded
};

// What the SAX events are inside of.
enum class Frame : std::uint8_t { top, graph, attribute_names, nodes, node, links, link, skip };

class Handler {
public:
    using number_integer_t = Json::number_integer_t;
    using number_unsigned_t = Json::number_unsigned_t;
    using number_float_t = Json::number_float_t;
    using string_t = Json::string_t;
    using binary_t = Json::binary_t;

    Handler(std::string_view name, std::string_view text) : name_(name), text_(text) {}

    // ---- what was read ----
    std::optional<bool> directed;
    std::vector<std::pair<std::string, std::string>> domains;  // community, domain (in order)
    std::vector<std::string> attribute_names;
    std::optional<std::string> relations;  // graph.relations: relations.csv text
    bool has_nodes = false;
    std::vector<NodeRecord> nodes;
    bool has_links = false, has_edges = false;
    std::string links_error, edges_error;  // "not a list" when the member is no list
    std::vector<LinkDraft> links, edges;

    // ---- SAX events ----
    bool null() { return value(Scalar{}); }
    bool boolean(bool b) { return value(Scalar{Scalar::Type::boolean, b ? "true" : "false", 0.0}); }
    bool number_integer(number_integer_t n) {
        return value(Scalar{Scalar::Type::number, std::to_string(n), static_cast<double>(n)});
    }
    bool number_unsigned(number_unsigned_t n) {
        return value(Scalar{Scalar::Type::number, std::to_string(n), static_cast<double>(n)});
    }
    bool number_float(number_float_t x, const string_t& /*raw*/) {
        if (skipping()) return value(Scalar{});
        return value(Scalar{Scalar::Type::number, Json(x).dump(), x});
    }
    bool string(string_t& s) { return value(Scalar{Scalar::Type::string, std::move(s), 0.0}); }
    bool binary(binary_t& /*b*/) { return value(Scalar{}); }

    bool start_object(std::size_t /*size*/) { return open(true); }
    bool start_array(std::size_t /*size*/) { return open(false); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }
    bool key(string_t& k) {
        if (stack_.back().frame != Frame::skip) key_ = std::move(k);
        return true;
    }

    bool parse_error(std::size_t position, const std::string& /*token*/,
                     const nlohmann::detail::exception& e) {
        const std::size_t at = std::min<std::size_t>(position > 0 ? position - 1 : 0, text_.size());
        const std::size_t line = 1 + static_cast<std::size_t>(std::count(
                                         text_.begin(), text_.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
        std::string message = e.what();
        if (e.id == 406) {  // out_of_range: a number beyond a double
            const auto q = message.find('\'');
            message = "a number is too large for a double: " +
                      (q == std::string::npos ? message : message.substr(q));
        } else if (const auto p = message.find("syntax error"); p != std::string::npos) {
            message = message.substr(p);
        } else if (const auto r = message.find("] "); r != std::string::npos) {
            message = message.substr(r + 2);
        }
        throw copnet::parse_error(std::string(name_), line, "", "not valid JSON: " + message);
    }

private:
    struct Level {
        Frame frame;
        std::size_t count = 0;  // elements of an array so far
        std::string where;      // the path, for errors (nodes[3], links[2])
    };

    [[noreturn]] void fail(const std::string& field, const std::string& message) const {
        throw copnet::parse_error(std::string(name_), 0, field, field.empty() ? message : field + ": " + message);
    }
    [[nodiscard]] bool skipping() const noexcept { return !stack_.empty() && stack_.back().frame == Frame::skip; }

    // The path of the value about to be read in the current frame.
    std::string here() const {
        const Level& l = stack_.back();
        switch (l.frame) {
        case Frame::top: return key_;
        case Frame::graph: return "graph." + key_;
        case Frame::node:
        case Frame::link: return l.where + "." + key_;
        case Frame::attribute_names:
        case Frame::nodes:
        case Frame::links: return l.where + "[" + std::to_string(l.count) + "]";
        case Frame::skip: return {};
        }
        return {};
    }

    void push(Frame f, std::string where = {}) {
        if (stack_.size() >= max_depth)
            fail("", "nested deeper than " + std::to_string(max_depth) + " levels");
        stack_.push_back(Level{f, 0, std::move(where)});
    }

    bool open(bool object) {
        if (stack_.empty()) {
            if (!object) fail("", "the top level is not a JSON object");
            push(Frame::top);
            return true;
        }
        Level& l = stack_.back();
        const std::string where = here();
        switch (l.frame) {
        case Frame::top:
            if (key_ == "graph") {
                if (!object) fail("graph", "not a JSON object");
                push(Frame::graph);
            } else if (key_ == "nodes") {
                if (object) fail("nodes", "not a list");
                has_nodes = true;
                nodes.clear();
                push(Frame::nodes, "nodes");
            } else if (key_ == "links" || key_ == "edges") {
                const bool is_links = key_ == "links";
                (is_links ? has_links : has_edges) = true;
                (is_links ? links : edges).clear();
                (is_links ? links_error : edges_error) = object ? "not a list" : "";
                if (object) push(Frame::skip);
                else push(Frame::links, key_);
            } else if (key_ == "directed") {
                fail("directed", "not true or false");
            } else {
                push(Frame::skip);
            }
            return true;
        case Frame::graph:
            if (!detail::domain_community(key_).empty()) fail(where, "not a string");
            if (key_ == "attribute_names") {
                if (object) fail("graph.attribute_names", "not a list");
                attribute_names.clear();
                push(Frame::attribute_names, "graph.attribute_names");
            } else {
                push(Frame::skip);
            }
            return true;
        case Frame::attribute_names: fail(where, "not a string");
        case Frame::nodes:
            if (!object) fail(where, "not a JSON object");
            ++l.count;
            nodes.emplace_back();
            push(Frame::node, where);
            return true;
        case Frame::node:
            fail(where, "a list or object cannot be a node field (only strings, numbers, booleans)");
        case Frame::links:
            if (!object) fail(where, "not a JSON object");
            ++l.count;
            (l.where == "links" ? links : edges).emplace_back();
            push(Frame::link, where);
            return true;
        case Frame::link:
            if (key_ == "source" || key_ == "target")
                fail(where, "a list or object cannot be a node field (only strings, numbers, booleans)");
            if (key_ == "kind") fail(where, "not a string");
            if (key_ == "weight") fail(where, "not a number");
            push(Frame::skip);
            return true;
        case Frame::skip:
            push(Frame::skip);
            return true;
        }
        return true;
    }

    bool close() {
        stack_.pop_back();
        if (!stack_.empty()) {
            Level& l = stack_.back();
            if (l.frame == Frame::top || l.frame == Frame::graph || l.frame == Frame::node ||
                l.frame == Frame::link)
                key_.clear();
        }
        return true;
    }

    bool value(Scalar v) {
        if (stack_.empty()) fail("", "the top level is not a JSON object");
        Level& l = stack_.back();
        switch (l.frame) {
        case Frame::skip: return true;
        case Frame::top:
            if (key_ == "directed") {
                if (v.type != Scalar::Type::boolean) fail("directed", "not true or false");
                directed = v.text == "true";
            } else if (key_ == "graph") {
                fail("graph", "not a JSON object");
            } else if (key_ == "nodes") {
                fail("nodes", "not a list");
            } else if (key_ == "links" || key_ == "edges") {
                const bool is_links = key_ == "links";
                (is_links ? has_links : has_edges) = true;
                (is_links ? links : edges).clear();
                (is_links ? links_error : edges_error) = "not a list";
            }
            return true;
        case Frame::graph:
            if (std::string c = detail::domain_community(key_); !c.empty()) {
                if (v.type != Scalar::Type::string && v.type != Scalar::Type::null)
                    fail("graph." + key_, "not a string");
                domains.emplace_back(std::move(c), v.type == Scalar::Type::string ? std::move(v.text) : std::string());
            } else if (key_ == "attribute_names") {
                fail("graph.attribute_names", "not a list");
            } else if (key_ == "relations") {
                if (v.type != Scalar::Type::string) fail("graph.relations", "not a string");
                relations = std::move(v.text);
            }
            return true;
        case Frame::attribute_names:
            if (v.type != Scalar::Type::string) fail(here(), "not a string");
            ++l.count;
            attribute_names.push_back(std::move(v.text));
            return true;
        case Frame::nodes: fail(here(), "not a JSON object");
        case Frame::node: {
            NodeRecord& n = nodes.back();
            if (key_ == "id") n.id = std::move(v);
            else n.fields.emplace_back(key_, std::move(v));
            return true;
        }
        case Frame::links: fail(here(), "not a JSON object");
        case Frame::link: {
            LinkDraft& d = (stack_[stack_.size() - 2].where == "links" ? links : edges).back();
            if (key_ == "source") d.source = std::move(v);
            else if (key_ == "target") d.target = std::move(v);
            else if (key_ == "kind") d.kind = std::move(v);
            else if (key_ == "weight") d.weight = std::move(v);
            return true;
        }
        }
        return true;
    }

    std::string_view name_;
    std::string_view text_;
    std::vector<Level> stack_;
    std::string key_;
};

class Reader {
public:
    Reader(std::string_view name, const JsonOptions& options) : name_(name), options_(options) {}

    Network read(std::string_view text) {
        Handler h(name_, text);
        try {
            Json::sax_parse(text.begin(), text.end(), &h);
        } catch (const Json::exception& e) {  // not expected: the handler reports errors itself
            throw parse_error(name_, 0, "", std::string("not valid JSON: ") + e.what());
        }
        Network net;
        for (auto& d : h.domains) {
            guard("graph.domain:" + d.first, [&] {
                if (Community* c = net.find_community(d.first)) c->set_domain(d.second);
                else net.add_community(d.first, d.second);
            });
        }
        for (std::size_t i = 0; i < h.attribute_names.size(); ++i)
            guard("graph.attribute_names[" + std::to_string(i) + "]",
                  [&] { net.add_attribute_name(h.attribute_names[i]); });
        if (h.relations) {  // the declarations, as relations.csv text
            try {
                parse_relations(net, *h.relations, name_ + ": graph.relations");
            } catch (const parse_error& e) {
                fail("graph.relations", e.what());
            }
        }
        if (!h.has_nodes) fail("nodes", "missing (node-link data needs \"nodes\" and \"links\")");
        for (std::size_t i = 0; i < h.nodes.size(); ++i)
            read_node(net, h.nodes[i], "nodes[" + std::to_string(i) + "]");
        const bool use_links = h.has_links;
        if (use_links || h.has_edges) {
            const char* key = use_links ? "links" : "edges";
            if (const std::string& e = use_links ? h.links_error : h.edges_error; !e.empty()) fail(key, e);
            const auto& links = use_links ? h.links : h.edges;
            const bool directed = h.directed.value_or(true);
            for (std::size_t i = 0; i < links.size(); ++i)
                read_link(net, links[i], std::string(key) + "[" + std::to_string(i) + "]", directed);
        }
        return net;
    }

private:
    [[noreturn]] void fail(const std::string& field, const std::string& message) const {
        throw parse_error(name_, 0, field, field.empty() ? message : field + ": " + message);
    }
    template <class F>
    void guard(const std::string& field, F f) const {
        try {
            f();
        } catch (const parse_error&) {
            throw;
        } catch (const error& e) {
            fail(field, e.what());
        }
    }

    static std::optional<std::string> text_of(const Scalar& v) {
        if (v.type == Scalar::Type::null) return std::nullopt;
        return v.text;
    }

    void read_node(Network& net, NodeRecord& node, const std::string& where) {
        if (!node.id) fail(where + ".id", "missing");
        const auto id = text_of(*node.id);
        if (!id || id->empty()) fail(where + ".id", "empty");
        detail::NodeDraft draft;
        draft.stakeholder.id = *id;
        for (auto& field : node.fields) {
            if (field.second.type == Scalar::Type::null) continue;
            guard(where + "." + field.first, [&] {
                detail::apply_node_field(draft, field.first, std::move(field.second.text), options_.community);
            });
        }
        guard(where + ".id", [&] {
            const StakeholderId who = net.add_stakeholder(std::move(draft.stakeholder));
            for (const auto& [community, circle] : draft.circles) {
                Community* c = net.find_community(community);
                if (c == nullptr) c = &net.add_community(community);
                c->set_circle(who, circle);
            }
        });
    }

    void read_link(Network& net, const LinkDraft& link, const std::string& where, bool directed) {
        auto end = [&](const char* key, const std::optional<Scalar>& value) {
            if (!value) fail(where + "." + key, "missing");
            const auto id = text_of(*value);
            const auto who = id ? net.find(*id) : std::nullopt;
            if (!who) fail(where + "." + key, "\"" + id.value_or("null") + "\" is not a node");
            return *who;
        };
        const StakeholderId s = end("source", link.source);
        const StakeholderId t = end("target", link.target);
        TieKind kind = directed ? TieKind::influence : TieKind::collaboration;
        double weight = 1.0;
        if (link.kind && link.kind->type != Scalar::Type::null) {
            if (link.kind->type != Scalar::Type::string) fail(where + ".kind", "not a string");
            guard(where + ".kind", [&] {
                // A declared relation, or one the file names first (role other, as in ties.csv);
                // each spelling looked up once.
                const std::string& text = link.kind->text;
                if (const auto hit = relation_cache_.find(text); hit != relation_cache_.end()) {
                    kind = hit->second;
                    return;
                }
                const auto known = net.find_relation(text);
                kind = known ? *known : net.add_relation({.name = text});
                relation_cache_.emplace(text, kind);
            });
        }
        if (link.weight && link.weight->type != Scalar::Type::null) {
            const Scalar& w = *link.weight;
            if (w.type == Scalar::Type::number) weight = w.number;
            else if (w.type == Scalar::Type::string)
                guard(where + ".weight", [&] { weight = detail::parse_weight_text(w.text); });
            else fail(where + ".weight", "not a number");
        }
        if (options_.merge == Merge::error && net.find_tie(s, t, kind))
            fail(where + ".kind", "repeats an earlier link of relation \"" +
                                      net.relation(kind).name + "\" (merge policy error)");
        guard(where + ".weight", [&] { net.add_tie(s, t, kind, weight, options_.merge); });
    }

    std::string name_;
    const JsonOptions& options_;
    std::unordered_map<std::string, TieKind> relation_cache_;
};

} // namespace

void parse_json(Network& into, std::string_view text, const JsonOptions& options, std::string_view name) {
    Reader reader(name, options);
    Network net = reader.read(text);
    into = std::move(net);
}

void read_json(Network& into, const std::filesystem::path& path, const JsonOptions& options) {
    const std::string text = read_file_bytes(path);
    parse_json(into, text, options, path.string());
}

Network read_json(const std::filesystem::path& path, const JsonOptions& options) {
    Network net;
    read_json(net, path, options);
    return net;
}

void write_json(const Network& net, std::ostream& out) {
    Json j;
    j["directed"] = true;
    j["multigraph"] = true;
    Json graph = Json::object();
    for (const Community* c : net.communities()) graph["domain:" + c->name()] = c->domain();
    if (has_declared_relations(net)) {  // the declarations, as relations.csv text
        std::ostringstream declared;
        write_relations(net, declared);
        graph["relations"] = declared.str();
    }
    graph["attribute_names"] = Json::array();
    for (const std::string& a : net.attribute_names()) graph["attribute_names"].push_back(a);
    j["graph"] = std::move(graph);
    Json nodes = Json::array();
    for (StakeholderId who : net.stakeholders()) {
        Json n;
        n["id"] = net.stakeholder(who).id;
        for (auto& [field, value] : detail::node_fields(net, who)) n[field] = std::move(value);
        nodes.push_back(std::move(n));
    }
    j["nodes"] = std::move(nodes);
    Json links = Json::array();
    for (const Tie& t : net.all_ties()) {
        Json l;
        l["source"] = net.stakeholder(t.source).id;
        l["target"] = net.stakeholder(t.target).id;
        l["key"] = net.relation(t.kind).name;
        l["kind"] = net.relation(t.kind).name;
        l["weight"] = t.weight;
        links.push_back(std::move(l));
    }
    j["links"] = std::move(links);
    std::string text;
    try {
        text = j.dump(1);
    } catch (const Json::type_error& e) {
        throw invalid_value(std::string("cannot write JSON: ") + e.what());
    }
    text += '\n';
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    if (!out) throw io_error("json", "the output stream failed");
}

void write_json(const Network& net, const std::filesystem::path& path) {
    std::ostringstream out;
    write_json(net, out);
    write_file_atomically(path, out.str());
}

} // namespace copnet
