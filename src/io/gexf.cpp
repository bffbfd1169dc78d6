#include "copnet/io/gexf.hpp"

#include <algorithm>
#include <climits>
#include <tuple>
#include <exception>
#include <map>
#include <memory>
#include <new>
#include <optional>
#include <ostream>
#include <sstream>
#include <unordered_map>
#include <vector>

#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "copnet/error.hpp"
#include "copnet/io/file.hpp"
#include "copnet/io/relations.hpp"
#include "detail/text.hpp"
#include "io/foreign.hpp"
#include "io/node_fields.hpp"
#include "io/xml_guard.hpp"

namespace copnet {

namespace {

using detail::Failer;
using detail::NodeDraft;
using detail::Staging;

constexpr std::size_t max_depth = 128;
constexpr std::size_t amplification = 16;
constexpr std::size_t amplification_floor = std::size_t{4} << 20;

void quiet(void*, const char*, ...) {}

class QuietLibxml {
public:
    QuietLibxml() : old_(xmlGenericError), old_context_(xmlGenericErrorContext) { xmlSetGenericErrorFunc(nullptr, quiet); }
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

enum class El : std::uint8_t {
    root, meta, description, graph, attributes, attribute, attribute_default, nodes, node, node_attvalues,
    edges, edge, edge_attvalues, edge_spells, other
};

struct Attribute {
    std::string title;
    std::optional<std::string> default_value;
};

struct PendingEvent {
    std::uint32_t source, target, relation;
    double value;
    ParsedTime time;
};

class GexfReader {
public:
    GexfReader(Network& net, std::string_view name, const GexfOptions& options)
        : fail_(name), staging_(net, Failer(name), options.merge), options_(options) {}

    static xmlSAXHandler handler() {
        xmlSAXHandler h{};
        h.initialized = XML_SAX2_MAGIC;
        h.startElementNs = &GexfReader::on_start;
        h.endElementNs = &GexfReader::on_end;
        h.characters = &GexfReader::on_text;
        h.cdataBlock = &GexfReader::on_text;
        h.internalSubset = &GexfReader::on_doctype;
        h.serror = &GexfReader::on_error;
        return h;
    }

    void read(std::string_view text, EventLog* events) {
        if (text.size() > static_cast<std::size_t>(INT_MAX)) fail_(0, "", "file too large for GEXF");
        detail::check_xml_text(text, [this](std::size_t line, const std::string& field, const std::string& m) {
            fail_(line, field, m);
        });
        budget_ = std::max(amplification * text.size(), amplification_floor);
        const QuietLibxml quiet_while_parsing;
        std::unique_ptr<xmlParserCtxt, CtxtFree> ctxt(xmlNewParserCtxt());
        if (!ctxt || !ctxt->sax) throw std::bad_alloc();
        *ctxt->sax = handler();
        ctxt->userData = this;
        ctxt_ = ctxt.get();
        static const char empty[] = "";
        xmlCtxtReadMemory(ctxt.get(), text.data() ? text.data() : empty, static_cast<int>(text.size()), nullptr,
                          nullptr, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
        if (failure_) std::rethrow_exception(failure_);
        const xmlError* e = xmlCtxtGetLastError(ctxt.get());
        if (ctxt->errNo == XML_ERR_NO_MEMORY || (e && e->code == XML_ERR_NO_MEMORY)) throw std::bad_alloc();
        if (!ctxt->wellFormed) {
            std::string message = e && e->message ? e->message : "not well-formed XML";
            while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
            fail_(e && e->line > 0 ? static_cast<std::size_t>(e->line) : 0, "", "not well-formed XML: " + message);
        }
        if (!root_seen_) throw std::bad_alloc();
        if (!graph_seen_) fail_(0, "", "no <graph> element: not GEXF");
        staging_.finish(options_.scale);
        if (events) {
            std::vector<Event> out;
            out.reserve(events_.size());
            bool iso = false, number = false, datetime = false;
            for (const PendingEvent& p : events_) {
                (p.time.kind == TimeKind::number ? number : iso) = true;
                datetime = datetime || p.time.kind == TimeKind::date_time;
                out.push_back({p.time.time, StakeholderId(p.source), StakeholderId(p.target), staging_.kind(p.relation), p.value});
            }
            if (iso && number) fail_(0, "start", "spells mix ISO 8601 times and plain numbers");
            const TimeKind kind = number ? TimeKind::number : datetime ? TimeKind::date_time : TimeKind::date;
            try {
                *events = EventLog(out, out.empty() ? TimeKind::date : kind);
            } catch (const error& err) {
                fail_(0, "start", err.what());
            }
        }
    }

private:
    static GexfReader& self(void* user) noexcept { return *static_cast<GexfReader*>(user); }
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
    static std::optional<std::string> attr(int count, const xmlChar** atts, std::string_view name) {
        for (int i = 0; i < count; ++i) {
            const xmlChar* const* a = atts + 5 * i;
            if (a[1] && !a[2]) continue;
            if (std::string_view(reinterpret_cast<const char*>(a[0])) != name) continue;
            const std::string_view raw(reinterpret_cast<const char*>(a[3]), static_cast<std::size_t>(a[4] - a[3]));
            std::string value;
            value.reserve(raw.size());
            for (std::size_t k = 0; k < raw.size(); ++k) {
                if (raw[k] == '&' && raw.substr(k, 5) == "&#38;") value += '&', k += 4;
                else value += raw[k];
            }
            return value;
        }
        return std::nullopt;
    }
    static void on_start(void* user, const xmlChar* local, const xmlChar*, const xmlChar*, int, const xmlChar**,
                         int n, int, const xmlChar** atts) {
        GexfReader& r = self(user);
        r.guarded([&] { r.start(reinterpret_cast<const char*>(local), n, atts); });
    }
    static void on_end(void* user, const xmlChar*, const xmlChar*, const xmlChar*) {
        GexfReader& r = self(user);
        r.guarded([&] { r.end(); });
    }
    static void on_text(void* user, const xmlChar* text, int length) {
        GexfReader& r = self(user);
        r.guarded([&] {
            if (r.text_ && length > 0) r.text_->append(reinterpret_cast<const char*>(text), static_cast<std::size_t>(length));
        });
    }
    static void on_doctype(void* user, const xmlChar*, const xmlChar*, const xmlChar*) {
        GexfReader& r = self(user);
        r.guarded([&] { r.fail_(1, "", "a DOCTYPE is not allowed in GEXF (no DTDs, no entities)"); });
    }
    static void on_error(void*, xmlError*) {}

    void start(std::string_view tag, int n, const xmlChar** atts) {
        const std::size_t at = line();
        if (stack_.size() >= max_depth) fail_(at, "", "elements nested more than 128 deep");
        const El parent = stack_.empty() ? El::other : stack_.back();
        El el = El::other;
        text_ = nullptr;
        if (stack_.empty()) {
            root_seen_ = true;
            if (tag != "gexf") fail_(at, "", "the root element is <" + std::string(tag) + ">, not <gexf>");
            el = El::root;
        } else if (parent == El::root && tag == "meta") {
            el = El::meta;
        } else if (parent == El::meta && tag == "description") {
            el = El::description;
            description_.clear();
            text_ = &description_;
        } else if (parent == El::root && tag == "graph") {
            if (graph_seen_) fail_(at, "", "more than one <graph> (copnet reads one network per file)");
            graph_seen_ = true;
            const std::string d = attr(n, atts, "defaultedgetype").value_or("undirected");
            if (d != "directed" && d != "undirected" && d != "mutual")
                fail_(at, "defaultedgetype", "\"" + d + "\" is not directed, undirected or mutual");
            directed_default_ = d == "directed";
            el = El::graph;
        } else if (parent == El::graph && tag == "attributes") {
            const std::string c = attr(n, atts, "class").value_or("node");
            attributes_class_ = c == "node" ? 0 : c == "edge" ? 1 : 2;
            el = El::attributes;
        } else if (parent == El::attributes && tag == "attribute") {
            const auto id = attr(n, atts, "id");
            if (!id) fail_(at, "id", "an <attribute> without an id");
            auto& table = attributes_class_ == 0 ? node_attributes_ : edge_attributes_;
            current_attribute_ = attributes_class_ < 2 ? &table[*id] : &scratch_;
            *current_attribute_ = Attribute{attr(n, atts, "title").value_or(*id), std::nullopt};
            el = El::attribute;
        } else if (parent == El::attribute && tag == "default") {
            current_attribute_->default_value.emplace();
            text_ = &*current_attribute_->default_value;
            el = El::attribute_default;
        } else if (parent == El::graph && tag == "nodes") {
            el = El::nodes;
        } else if (parent == El::nodes && tag == "node") {
            const auto id = attr(n, atts, "id");
            if (!id || id->empty()) fail_(at, "id", "a <node> without an id");
            node_ = NodeDraft{};
            node_.stakeholder.id = *id;
            if (const auto label = attr(n, atts, "label"); label && *label != *id) node_.stakeholder.name = *label;
            node_line_ = at;
            node_set_.clear();
            el = El::node;
        } else if (parent == El::node && tag == "nodes") {
            fail_(at, "", "nested nodes (a hierarchy) are not supported");
        } else if (parent == El::node && tag == "attvalues") {
            el = El::node_attvalues;
        } else if (parent == El::node_attvalues && tag == "attvalue") {
            const auto key = attr(n, atts, "for") ? attr(n, atts, "for") : attr(n, atts, "id");
            if (!key) fail_(at, "for", "an <attvalue> without for");
            const auto a = node_attributes_.find(*key);
            if (a == node_attributes_.end()) fail_(at, "for", "attribute \"" + *key + "\" is not declared for nodes");
            node_set_.push_back(*key);
            staging_.field(node_, a->second.title, attr(n, atts, "value").value_or(""), options_.community, at);
        } else if (parent == El::graph && tag == "edges") {
            el = El::edges;
        } else if (parent == El::edges && tag == "edge") {
            edge_start(n, atts, at);
            el = El::edge;
        } else if (parent == El::edge && tag == "attvalues") {
            el = El::edge_attvalues;
        } else if (parent == El::edge_attvalues && tag == "attvalue") {
            const auto key = attr(n, atts, "for") ? attr(n, atts, "for") : attr(n, atts, "id");
            const auto a = key ? edge_attributes_.find(*key) : edge_attributes_.end();
            if (a != edge_attributes_.end() && (a->second.title == "relation" || a->second.title == "kind"))
                edge_relation_ = attr(n, atts, "value");
            else if (a != edge_attributes_.end() && a->second.title == "networkx_key" && !key_relation_)
                key_relation_ = attr(n, atts, "value");
        } else if (parent == El::edge && tag == "spells") {
            el = El::edge_spells;
        } else if (parent == El::edge_spells && tag == "spell") {
            if (const auto s = attr(n, atts, "start")) spell(*s, at);
        }
        stack_.push_back(el);
    }

    void end() {
        if (stack_.empty()) return;
        const El el = stack_.back();
        stack_.pop_back();
        text_ = nullptr;
        if (el == El::description && description_.starts_with("copnet relations:"))
            detail::declare_relations(staging_.network(), description_.substr(17 + (description_.size() > 17 && description_[17] == '\n')),
                                      line(), fail_);
        else if (el == El::node) node_end();
        else if (el == El::edge) edge_end();
    }

    void node_end() {
        for (const auto& [id, a] : node_attributes_) {
            if (!a.default_value || a.default_value->empty()) continue;
            if (std::find(node_set_.begin(), node_set_.end(), id) != node_set_.end()) continue;
            const std::size_t cost = 16 + a.title.size() + a.default_value->size();
            if (cost > budget_)
                fail_(node_line_, a.title, "filling in <default> values would make more than " +
                                               std::to_string(amplification) + " times the document's size");
            budget_ -= cost;
            staging_.field(node_, a.title, *a.default_value, options_.community, node_line_);
        }
        const std::string id = node_.stakeholder.id;
        ids_.emplace(id, staging_.add(std::move(node_), node_line_, "id"));
    }

    void edge_start(int n, const xmlChar** atts, std::size_t at) {
        edge_line_ = at;
        const auto s = attr(n, atts, "source");
        const auto t = attr(n, atts, "target");
        if (!s) fail_(at, "source", "an <edge> without a source");
        if (!t) fail_(at, "target", "an <edge> without a target");
        const auto si = ids_.find(*s);
        if (si == ids_.end()) fail_(at, "source", "\"" + *s + "\" is not a node (nodes come before edges)");
        const auto ti = ids_.find(*t);
        if (ti == ids_.end()) fail_(at, "target", "\"" + *t + "\" is not a node (nodes come before edges)");
        edge_source_ = si->second;
        edge_target_ = ti->second;
        const std::string type = attr(n, atts, "type").value_or(directed_default_ ? "directed" : "undirected");
        if (type != "directed" && type != "undirected" && type != "mutual")
            fail_(at, "type", "\"" + type + "\" is not directed, undirected or mutual");
        edge_mutual_ = type != "directed";
        edge_value_ = 1;
        if (const auto w = attr(n, atts, "weight")) {
            const auto v = detail::to_number(*w);
            if (!v) fail_(at, "weight", "\"" + *w + "\" is not a number");
            edge_value_ = *v;
        }
        edge_relation_ = attr(n, atts, "kind");
        key_relation_.reset();
        spells_.clear();
        if (const auto st = attr(n, atts, "start")) spell(*st, at);
    }

    void spell(const std::string& start, std::size_t at) {
        try {
            spells_.push_back(parse_time(start));
        } catch (const error& e) {
            fail_(at, "start", e.what());
        }
    }

    void edge_end() {
        if (!edge_relation_ && key_relation_ && !detail::to_number(*key_relation_)) edge_relation_ = key_relation_;
        std::uint32_t rel;
        if (edge_relation_ && !edge_relation_->empty()) rel = staging_.relation(*edge_relation_, edge_mutual_, Role::other, edge_line_);
        else if (!options_.relation.empty()) rel = staging_.relation(options_.relation, edge_mutual_, Role::other, edge_line_);
        else rel = edge_mutual_ ? staging_.relation("edge", true, Role::collaboration, edge_line_)
                                : staging_.relation("arc", false, Role::other, edge_line_);
        staging_.tie(edge_source_, edge_target_, rel, edge_value_, edge_line_);
        for (const ParsedTime& t : spells_) events_.push_back({edge_source_, edge_target_, rel, edge_value_, t});
    }

    Failer fail_;
    Staging staging_;
    const GexfOptions& options_;
    xmlParserCtxt* ctxt_ = nullptr;
    std::exception_ptr failure_;
    std::vector<El> stack_;
    std::string* text_ = nullptr;
    bool root_seen_ = false, graph_seen_ = false, directed_default_ = false;
    std::string description_;
    int attributes_class_ = 0;
    std::map<std::string, Attribute> node_attributes_, edge_attributes_;
    Attribute scratch_;
    Attribute* current_attribute_ = nullptr;
    NodeDraft node_;
    std::size_t node_line_ = 0;
    std::vector<std::string> node_set_;
    std::unordered_map<std::string, std::uint32_t> ids_;
    std::size_t edge_line_ = 0;
    std::uint32_t edge_source_ = 0, edge_target_ = 0;
    bool edge_mutual_ = false;
    double edge_value_ = 1;
    std::optional<std::string> edge_relation_, key_relation_;
    std::vector<ParsedTime> spells_;
    std::vector<PendingEvent> events_;
    std::size_t budget_ = 0;
};

void put(std::string& out, std::string_view text) { detail::append_xml_escaped(out, text, detail::XmlControl::as_reference); }

} // namespace

void parse_gexf(Network& into, std::string_view text, const GexfOptions& options, std::string_view name,
                EventLog* events) {
    EventLog log;
    detail::read_whole(into, [&](Network& net) {
        GexfReader reader(net, name, options);
        reader.read(text, events ? &log : nullptr);
    });
    if (events) *events = std::move(log);
}

void read_gexf(Network& into, const std::filesystem::path& path, const GexfOptions& options, EventLog* events) {
    const std::string text = read_file_bytes(path);
    parse_gexf(into, text, options, path.string(), events);
}

Network read_gexf(const std::filesystem::path& path, const GexfOptions& options) {
    Network net;
    read_gexf(net, path, options);
    return net;
}

void write_gexf(const Network& net, std::ostream& out, const GexfWriteOptions& options, const EventLog* events) {
    const bool v13 = options.version == "1.3";
    if (!v13 && options.version != "1.2draft")
        throw invalid_value("GEXF version \"" + options.version + "\" is not 1.3 or 1.2draft");
    // Spells by tie: (source slot, target slot, relation) -> times.
    std::map<std::tuple<std::uint32_t, std::uint32_t, TieKind>, std::vector<Time>> spells;
    if (events)
        for (std::size_t i = 0; i < events->size(); ++i) {
            const Event e = (*events)[i];
            std::uint32_t s = e.source.index(), t = e.target.index();
            if (!net.contains(e.source) || !net.contains(e.target) ||
                static_cast<std::size_t>(e.relation) >= net.relations().size())
                throw invalid_value("an event that is not of this network");
            const auto tie = net.find_tie(e.source, e.target, e.relation);
            if (!tie)
                throw invalid_value("the event " + net.stakeholder(e.source).id + " -> " + net.stakeholder(e.target).id +
                                    " has no tie of its relation to be a spell of (write the window's network)");
            s = tie->source.index(), t = tie->target.index();
            spells[{s, t, e.relation}].push_back(e.time);
        }
    std::string s = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    s += v13 ? "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n"
             : "<gexf xmlns=\"http://www.gexf.net/1.2draft\" version=\"1.2\">\n";
    s += "  <meta>\n    <creator>copnet</creator>\n";
    if (has_declared_relations(net)) {
        std::ostringstream rel;
        write_relations(net, rel);
        s += "    <description>copnet relations:\n";
        put(s, rel.str());
        s += "</description>\n";
    }
    s += "  </meta>\n";
    bool directed = false;
    for (const Relation& r : net.relations()) directed = directed || !r.mutual();
    s += std::string("  <graph defaultedgetype=\"") + (directed ? "directed" : "undirected") + "\"";
    if (events && !events->empty()) {
        s += " mode=\"dynamic\" timeformat=\"";
        s += events->kind() == TimeKind::number ? "integer" : events->kind() == TimeKind::date ? "date" : "dateTime";
        s += "\"";
    }
    s += ">\n    <attributes class=\"node\" mode=\"static\">\n";
    std::map<std::string, std::size_t> ids;
    auto declare = [&](const std::string& title) {
        const std::size_t id = ids.size();
        ids.emplace(title, id);
        s += "      <attribute id=\"" + std::to_string(id) + "\" title=\"";
        put(s, title);
        s += "\" type=\"string\"/>\n";
    };
    for (const char* f : {"sector", "level", "perspective", "organization", "stance"}) declare(f);
    for (const std::string& a : net.attribute_names()) declare(a);
    for (const Community* c : net.communities()) declare("circle:" + c->name());
    s += "    </attributes>\n";
    if (!v13) s += "    <attributes class=\"edge\" mode=\"static\">\n      <attribute id=\"relation\" title=\"relation\" type=\"string\"/>\n    </attributes>\n";
    s += "    <nodes>\n";
    const auto flush = [&] {
        if (s.size() > (1U << 20)) {
            out.write(s.data(), static_cast<std::streamsize>(s.size()));
            s.clear();
        }
    };
    for (StakeholderId who : net.stakeholders()) {
        const Stakeholder& st = net.stakeholder(who);
        s += "      <node id=\"";
        put(s, st.id);
        s += "\" label=\"";
        put(s, st.name.empty() ? st.id : st.name);
        s += "\">";
        bool any = false;
        for (const auto& [field, value] : detail::node_fields(net, who)) {
            if (field == "name") continue;
            if (!any) s += "\n        <attvalues>\n";
            any = true;
            s += "          <attvalue for=\"" + std::to_string(ids.at(field)) + "\" value=\"";
            put(s, value);
            s += "\"/>\n";
        }
        if (any) s += "        </attvalues>\n      ";
        s += "</node>\n";
        flush();
    }
    s += "    </nodes>\n    <edges>\n";
    std::size_t id = 0;
    for (const Tie& t : net.all_ties()) {
        const Relation& rel = net.relation(t.kind);
        s += "      <edge id=\"" + std::to_string(id++) + "\" source=\"";
        put(s, net.stakeholder(t.source).id);
        s += "\" target=\"";
        put(s, net.stakeholder(t.target).id);
        s += "\"";
        // 1.3: each edge's type; 1.2draft: the graph's (NetworkX refuses mixed types), the
        // relations' declarations keeping which are mutual.
        if (v13) s += std::string(" type=\"") + (rel.mutual() ? "undirected" : "directed") + "\"";
        s += " weight=\"" + detail::shortest(t.weight) + "\"";
        if (v13) {
            s += " kind=\"";
            put(s, rel.name);
            s += "\"";
        }
        s += ">";
        if (!v13) {
            s += "<attvalues><attvalue for=\"relation\" value=\"";
            put(s, rel.name);
            s += "\"/></attvalues>";
        }
        if (const auto sp = spells.find({t.source.index(), t.target.index(), t.kind}); sp != spells.end()) {
            s += "<spells>";
            for (Time time : sp->second) {
                const std::string text = format_time(time, events->kind());
                s += "<spell start=\"" + text + "\" end=\"" + text + "\"/>";
            }
            s += "</spells>";
        }
        s += "</edge>\n";
        flush();
    }
    s += "    </edges>\n  </graph>\n</gexf>\n";
    out.write(s.data(), static_cast<std::streamsize>(s.size()));
    if (!out) throw io_error("gexf", "the output stream failed");
}

void write_gexf(const Network& net, const std::filesystem::path& path, const GexfWriteOptions& options,
                const EventLog* events) {
    std::ostringstream out;
    write_gexf(net, out, options, events);
    write_file_atomically(path, out.str());
}

} // namespace copnet
