#include "copnet/io/graphml.hpp"

#include <charconv>
#include <climits>
#include <cmath>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <sstream>
#include <unordered_map>
#include <vector>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "copnet/error.hpp"
#include "copnet/io/file.hpp"
#include "io/node_fields.hpp"

namespace copnet {

// ---- weights (shared with the JSON reader) -------------------------------------------------

std::string detail::weight_text(double w) {
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, w);
    return std::string(buf, r.ptr);
}

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

std::string_view local_name(const xmlNode* n) {
    return n->name ? std::string_view(reinterpret_cast<const char*>(n->name)) : std::string_view{};
}

std::optional<std::string> attribute(const xmlNode* n, const char* name) {
    for (const xmlAttr* a = n->properties; a; a = a->next) {
        if (std::string_view(reinterpret_cast<const char*>(a->name)) != name) continue;
        std::string value;
        for (const xmlNode* c = a->children; c; c = c->next)
            if (c->content) value += reinterpret_cast<const char*>(c->content);
        return value;
    }
    return std::nullopt;
}

/// The text directly inside `n` (text and CDATA children; elements such as yEd graphics are
/// skipped).
std::string text_of(const xmlNode* n) {
    std::string out;
    for (const xmlNode* c = n->children; c; c = c->next)
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
            out += reinterpret_cast<const char*>(c->content);
    return out;
}

std::size_t line_of(const xmlNode* n) {
    const long line = xmlGetLineNo(n);
    return line > 0 ? static_cast<std::size_t>(line) : 0;
}

struct Key {
    std::string name;            // attr.name (empty: ignored, e.g. yEd graphics)
    std::string domain;          // node, edge, graph, all
    std::optional<std::string> default_value;
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

struct DocFree {
    void operator()(xmlDoc* d) const noexcept { xmlFreeDoc(d); }
};
struct CtxtFree {
    void operator()(xmlParserCtxt* c) const noexcept { xmlFreeParserCtxt(c); }
};

class Reader {
public:
    Reader(std::string_view name, const GraphmlOptions& options) : name_(name), options_(options) {}

    Network read(std::string_view text) {
        if (text.size() > static_cast<std::size_t>(INT_MAX)) fail(0, "", "file too large for GraphML");
        const QuietLibxml quiet_while_parsing;
        std::unique_ptr<xmlParserCtxt, CtxtFree> ctxt(xmlNewParserCtxt());
        if (!ctxt) throw std::bad_alloc();
        std::unique_ptr<xmlDoc, DocFree> doc(xmlCtxtReadMemory(
            ctxt.get(), text.data(), static_cast<int>(text.size()), nullptr, nullptr,
            XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
        if (!doc) {
            const xmlError* e = xmlCtxtGetLastError(ctxt.get());
            std::string message = e && e->message ? e->message : "not well-formed XML";
            while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
            fail(e && e->line > 0 ? static_cast<std::size_t>(e->line) : 0, "",
                 "not well-formed XML: " + message);
        }
        if (doc->intSubset || doc->extSubset)
            fail(1, "", "a DOCTYPE is not allowed in GraphML (no DTDs, no entities)");
        const xmlNode* root = xmlDocGetRootElement(doc.get());
        if (!root || local_name(root) != "graphml")
            fail(root ? line_of(root) : 0, "", "the root element is not <graphml>");
        const xmlNode* graph = nullptr;
        for (const xmlNode* n = root->children; n; n = n->next) {
            if (n->type != XML_ELEMENT_NODE) continue;
            if (local_name(n) == "key") read_key(n);
            else if (local_name(n) == "graph") {
                if (graph) fail(line_of(n), "", "more than one <graph> (copnet reads one network per file)");
                graph = n;
            }
        }
        if (!graph) fail(line_of(root), "", "no <graph> element");
        return read_graph(graph);
    }

private:
    [[noreturn]] void fail(std::size_t line, const std::string& field, const std::string& message) const {
        throw parse_error(name_, line, field, field.empty() ? message : field + ": " + message);
    }

    void read_key(const xmlNode* n) {
        const auto id = attribute(n, "id");
        if (!id || id->empty()) fail(line_of(n), "id", "<key> without an id");
        Key key;
        key.name = attribute(n, "attr.name").value_or("");
        key.domain = attribute(n, "for").value_or("all");
        if (key.domain != "node" && key.domain != "edge" && key.domain != "graph" && key.domain != "all" &&
            key.domain != "graphml" && key.domain != "hyperedge" && key.domain != "port" && key.domain != "endpoint")
            fail(line_of(n), "for", "key \"" + *id + "\": \"" + key.domain + "\" is not a GraphML domain");
        for (const xmlNode* c = n->children; c; c = c->next)
            if (c->type == XML_ELEMENT_NODE && local_name(c) == "default") key.default_value = text_of(c);
        if (!keys_.emplace(*id, key).second) fail(line_of(n), "id", "key \"" + *id + "\" is declared twice");
        key_order_.push_back(*id);
    }

    const Key& key_for(const xmlNode* data, std::string_view domain) const {
        const auto id = attribute(data, "key");
        if (!id) fail(line_of(data), "key", "<data> without a key");
        const auto it = keys_.find(*id);
        if (it == keys_.end()) fail(line_of(data), "key", "key \"" + *id + "\" is not declared");
        if (it->second.domain != "all" && it->second.domain != domain)
            fail(line_of(data), it->second.name.empty() ? "key" : it->second.name,
                 "key \"" + *id + "\" is declared for " + it->second.domain + ", used on a " + std::string(domain));
        return it->second;
    }

    Network read_graph(const xmlNode* graph) {
        Network net;
        const std::string edgedefault = attribute(graph, "edgedefault").value_or("directed");
        if (edgedefault != "directed" && edgedefault != "undirected")
            fail(line_of(graph), "edgedefault", "\"" + edgedefault + "\" is neither directed nor undirected");
        const bool directed_default = edgedefault == "directed";

        // Communities and attribute columns in the order their keys are declared.
        std::vector<std::string> communities;
        auto note_community = [&](const std::string& c) {
            if (std::find(communities.begin(), communities.end(), c) == communities.end()) communities.push_back(c);
        };
        for (const std::string& id : key_order_) {
            const Key& k = keys_.at(id);
            if (k.name.empty()) continue;
            if (k.domain == "graph" || k.domain == "all")
                if (auto c = detail::domain_community(k.name); !c.empty()) note_community(c);
            if (k.domain == "node" || k.domain == "all") {
                if (auto c = detail::circle_community(k.name, options_.community); !c.empty()) note_community(c);
                else if (!is_builtin(k.name) && k.domain == "node") {
                    try {
                        net.add_attribute_name(k.name);
                    } catch (const error& e) {
                        fail(0, k.name, e.what());
                    }
                }
            }
        }
        std::map<std::string, std::string> domains;
        for (const xmlNode* n = graph->children; n; n = n->next) {
            if (n->type != XML_ELEMENT_NODE || local_name(n) != "data") continue;
            const Key& k = key_for(n, "graph");
            if (auto c = detail::domain_community(k.name); !c.empty()) domains[c] = text_of(n);
        }
        for (const std::string& c : communities) {
            const auto d = domains.find(c);
            net.add_community(c, d == domains.end() ? std::string() : d->second);
        }

        std::vector<const xmlNode*> edges;
        for (const xmlNode* n = graph->children; n; n = n->next) {
            if (n->type != XML_ELEMENT_NODE) continue;
            const std::string_view tag = local_name(n);
            if (tag == "node") read_node(net, n);
            else if (tag == "edge") edges.push_back(n);
            else if (tag == "hyperedge") fail(line_of(n), "", "hyperedges are not supported");
        }
        for (const xmlNode* e : edges) read_edge(net, e, directed_default);
        return net;
    }

    static bool is_builtin(std::string_view name) {
        return name == "name" || name == "sector" || name == "level" || name == "perspective" ||
               name == "organization" || name == "stance" || name == "id";
    }

    void read_node(Network& net, const xmlNode* n) {
        const auto id = attribute(n, "id");
        if (!id || id->empty()) fail(line_of(n), "id", "<node> without an id");
        NodeDraft draft;
        draft.stakeholder.id = *id;
        std::map<std::string, bool> seen;
        auto apply = [&](const Key& k, std::string value, std::size_t line) {
            try {
                detail::apply_node_field(draft, k.name, std::move(value), options_.community);
            } catch (const error& e) {
                fail(line, k.name, "node \"" + *id + "\": " + e.what());
            }
        };
        for (const xmlNode* c = n->children; c; c = c->next) {
            if (c->type != XML_ELEMENT_NODE) continue;
            if (local_name(c) == "graph") fail(line_of(c), "", "nested graphs are not supported");
            if (local_name(c) != "data") continue;
            const Key& k = key_for(c, "node");
            if (k.name.empty()) continue;
            seen[k.name] = true;
            apply(k, text_of(c), line_of(c));
        }
        for (const std::string& kid : key_order_) {
            const Key& k = keys_.at(kid);
            if (k.default_value && !k.name.empty() && (k.domain == "node" || k.domain == "all") && !seen.count(k.name))
                apply(k, *k.default_value, line_of(n));
        }
        try {
            const StakeholderId who = net.add_stakeholder(std::move(draft.stakeholder));
            for (const auto& [community, circle] : draft.circles) net.community(community).set_circle(who, circle);
        } catch (const error& e) {
            fail(line_of(n), "id", e.what());
        }
    }

    void read_edge(Network& net, const xmlNode* e, bool directed_default) {
        const auto source = attribute(e, "source");
        const auto target = attribute(e, "target");
        if (!source) fail(line_of(e), "source", "<edge> without a source");
        if (!target) fail(line_of(e), "target", "<edge> without a target");
        const auto s = net.find(*source);
        if (!s) fail(line_of(e), "source", "\"" + *source + "\" is not a node of the graph");
        const auto t = net.find(*target);
        if (!t) fail(line_of(e), "target", "\"" + *target + "\" is not a node of the graph");
        bool directed = directed_default;
        if (const auto d = attribute(e, "directed")) directed = *d == "true" || *d == "1";
        std::optional<TieKind> kind;
        double weight = 1.0;
        auto apply = [&](const Key& k, const std::string& value, std::size_t line) {
            try {
                if (k.name == "kind") kind = parse_tie_kind(value);
                else if (k.name == "weight") weight = detail::parse_weight_text(value);
            } catch (const error& err) {
                fail(line, k.name, err.what());
            }
        };
        std::map<std::string, bool> seen;
        for (const xmlNode* c = e->children; c; c = c->next) {
            if (c->type != XML_ELEMENT_NODE || local_name(c) != "data") continue;
            const Key& k = key_for(c, "edge");
            seen[k.name] = true;
            apply(k, text_of(c), line_of(c));
        }
        for (const std::string& kid : key_order_) {
            const Key& k = keys_.at(kid);
            if (k.default_value && (k.domain == "edge" || k.domain == "all") && !seen.count(k.name))
                apply(k, *k.default_value, line_of(e));
        }
        try {
            net.add_tie(*s, *t, kind.value_or(directed ? TieKind::influence : TieKind::collaboration), weight);
        } catch (const error& err) {
            fail(line_of(e), "weight", "edge " + *source + " -> " + *target + ": " + err.what());
        }
    }

    std::string name_;
    const GraphmlOptions& options_;
    std::unordered_map<std::string, Key> keys_;
    std::vector<std::string> key_order_;
};

/// XML-escapes `text` for element content and attribute values. Throws invalid_value for a
/// control character XML 1.0 cannot hold.
void put_escaped(std::string& out, std::string_view text) {
    for (char ch : text) {
        switch (ch) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\r': out += "&#13;"; break;
        case '\n': out += "&#10;"; break;
        case '\t': out += "&#9;"; break;
        default:
            if (static_cast<unsigned char>(ch) < 0x20)
                throw invalid_value("text \"" + std::string(text) +
                                    "\" holds a control character that XML cannot hold");
            out += ch;
        }
    }
}

} // namespace

void parse_graphml(Network& into, std::string_view text, const GraphmlOptions& options, std::string_view name) {
    Reader reader(name, options);
    Network net = reader.read(text);
    into = std::move(net);
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
    s += "  <graph id=\"G\" edgedefault=\"directed\">\n";
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
        s += "\">\n      <data key=\"" + kind_key + "\">" + std::string(to_string(t.kind)) +
             "</data>\n      <data key=\"" + weight_key + "\">" + detail::weight_text(t.weight) +
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
