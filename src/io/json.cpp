#include "copnet/io/json.hpp"

#include <algorithm>
#include <ostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "copnet/error.hpp"
#include "copnet/io/file.hpp"
#include "io/node_fields.hpp"

namespace copnet {
namespace {

using Json = nlohmann::ordered_json;

class Reader {
public:
    Reader(std::string_view name, const JsonOptions& options) : name_(name), options_(options) {}

    Network read(std::string_view text) {
        Json j;
        try {
            j = Json::parse(text.begin(), text.end());
        } catch (const Json::parse_error& e) {
            const std::size_t at = std::min<std::size_t>(e.byte > 0 ? e.byte - 1 : 0, text.size());
            const std::size_t line =
                1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
            std::string message = e.what();
            if (const auto p = message.find("syntax error"); p != std::string::npos) message = message.substr(p);
            else if (const auto q = message.find("] "); q != std::string::npos) message = message.substr(q + 2);
            throw parse_error(name_, line, "", "not valid JSON: " + message);
        }
        if (!j.is_object()) fail("", "the top level is not a JSON object");
        Network net;
        bool directed = true;
        if (j.contains("directed")) {
            if (!j["directed"].is_boolean()) fail("directed", "not true or false");
            directed = j["directed"].get<bool>();
        }
        // Communities: graph members `domain:NAME` first, then circle fields as met.
        if (j.contains("graph")) {
            const Json& g = j["graph"];
            if (!g.is_object()) fail("graph", "not a JSON object");
            for (const auto& item : g.items()) {
                const std::string& key = item.key();
                const Json& value = item.value();
                if (const std::string c = detail::domain_community(key); !c.empty()) {
                    if (!value.is_string() && !value.is_null()) fail("graph." + key, "not a string");
                    guard("graph." + key, [&] { net.add_community(c, value.is_string() ? value.get<std::string>() : ""); });
                } else if (key == "attribute_names") {
                    if (!value.is_array()) fail("graph.attribute_names", "not a list");
                    for (std::size_t i = 0; i < value.size(); ++i) {
                        const std::string where = "graph.attribute_names[" + std::to_string(i) + "]";
                        if (!value[i].is_string()) fail(where, "not a string");
                        guard(where, [&] { net.add_attribute_name(value[i].get<std::string>()); });
                    }
                }
            }
        }
        if (!j.contains("nodes")) fail("nodes", "missing (node-link data needs \"nodes\" and \"links\")");
        const Json& nodes = j["nodes"];
        if (!nodes.is_array()) fail("nodes", "not a list");
        for (std::size_t i = 0; i < nodes.size(); ++i) read_node(net, nodes[i], "nodes[" + std::to_string(i) + "]");
        const char* links_key = j.contains("links") ? "links" : (j.contains("edges") ? "edges" : nullptr);
        if (links_key) {
            const Json& links = j[links_key];
            if (!links.is_array()) fail(links_key, "not a list");
            for (std::size_t i = 0; i < links.size(); ++i)
                read_link(net, links[i], std::string(links_key) + "[" + std::to_string(i) + "]", directed);
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

    /// A scalar as text: strings as they are, numbers and booleans as JSON text.
    std::optional<std::string> scalar(const Json& v, const std::string& where) const {
        if (v.is_null()) return std::nullopt;
        if (v.is_string()) return v.get<std::string>();
        if (v.is_number() || v.is_boolean()) return v.dump();
        fail(where, "a list or object cannot be a node field (only strings, numbers, booleans)");
    }

    void read_node(Network& net, const Json& node, const std::string& where) {
        if (!node.is_object()) fail(where, "not a JSON object");
        if (!node.contains("id")) fail(where + ".id", "missing");
        const auto id = scalar(node["id"], where + ".id");
        if (!id || id->empty()) fail(where + ".id", "empty");
        detail::NodeDraft draft;
        draft.stakeholder.id = *id;
        for (const auto& item : node.items()) {
            const std::string& key = item.key();
            const Json& value = item.value();
            if (key == "id") continue;
            const std::string field = where + "." + key;
            auto text = scalar(value, field);
            if (!text) continue;
            guard(field, [&] { detail::apply_node_field(draft, key, std::move(*text), options_.community); });
        }
        guard(where + ".id", [&] {
            const StakeholderId who = net.add_stakeholder(std::move(draft.stakeholder));
            for (const auto& [community, circle] : draft.circles) {
                if (!net.find_community(community)) net.add_community(community);
                net.community(community).set_circle(who, circle);
            }
        });
    }

    void read_link(Network& net, const Json& link, const std::string& where, bool directed) {
        if (!link.is_object()) fail(where, "not a JSON object");
        auto end = [&](const char* key) {
            if (!link.contains(key)) fail(where + "." + key, "missing");
            const auto id = scalar(link[key], where + "." + key);
            const auto who = id ? net.find(*id) : std::nullopt;
            if (!who) fail(where + "." + key, "\"" + id.value_or("null") + "\" is not a node");
            return *who;
        };
        const StakeholderId s = end("source");
        const StakeholderId t = end("target");
        TieKind kind = directed ? TieKind::influence : TieKind::collaboration;
        double weight = 1.0;
        if (link.contains("kind") && !link["kind"].is_null()) {
            if (!link["kind"].is_string()) fail(where + ".kind", "not a string");
            guard(where + ".kind", [&] { kind = parse_tie_kind(link["kind"].get<std::string>()); });
        }
        if (link.contains("weight") && !link["weight"].is_null()) {
            const Json& w = link["weight"];
            if (w.is_number()) weight = w.get<double>();
            else if (w.is_string()) guard(where + ".weight", [&] { weight = detail::parse_weight_text(w.get<std::string>()); });
            else fail(where + ".weight", "not a number");
        }
        guard(where + ".weight", [&] { net.add_tie(s, t, kind, weight); });
    }

    std::string name_;
    const JsonOptions& options_;
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
        l["key"] = std::string(to_string(t.kind));
        l["kind"] = std::string(to_string(t.kind));
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
