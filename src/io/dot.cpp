#include "copnet/io/dot.hpp"

#include <algorithm>
#include <ostream>
#include <sstream>

#include "copnet/error.hpp"
#include "copnet/io/file.hpp"
#include "io/palette.hpp"
#include "detail/text.hpp"
#include "detail/categories.hpp"

namespace copnet {
namespace {

/// A DOT double-quoted string.
std::string quoted(std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        if (c == '\r') continue;
        out += c;
    }
    return out + "\"";
}

/// Escapes text for an HTML-like label.
std::string html(std::string_view s) {
    std::string out;
    detail::append_xml_escaped(out, s, detail::XmlControl::as_space);
    return out;
}

} // namespace

void write_dot(const Network& net, std::ostream& out, const DotOptions& options) {
    const Facet facet = detail::checked_facet(net, options.facet);
    const detail::PaletteCategories grouped = detail::categories(net, facet);
    const std::vector<std::string>& cats = grouped.names;
    const Community* cop = net.find_community(options.community);
    std::ostringstream s;
    s << "digraph copnet {\n"
      << "  graph [fontname=\"Helvetica\", label=" << quoted(cop ? "Community: " + cop->name() : "Landscape")
      << ", labelloc=t, compound=true];\n"
      << "  node [shape=ellipse, style=filled, fontname=\"Helvetica\", fontsize=10, color=\"#444444\"];\n"
      << "  edge [arrowsize=0.6];\n";
    auto node_line = [&](StakeholderId who, const std::string& indent) {
        const Stakeholder& st = net.stakeholder(who);
        const std::size_t i = grouped.of[who.index()];
        const std::string_view cat = cats[i];
        s << indent << quoted(st.id) << " [label=" << quoted(st.name.empty() ? st.id : st.name)
          << ", fillcolor=" << quoted(detail::colour_of(cats, i))
          << ", tooltip=" << quoted(options.facet + ": " + (cat.empty() ? std::string("(none)") : std::string(cat)))
          << "];\n";
    };
    if (cop) {
        const std::array<Circle, 3> rings{Circle::outer, Circle::inner, Circle::core};
        const std::array<std::string_view, 3> fills{"#F4F4F4", "#E6E6E6", "#D4D4D4"};
        std::string indent = "  ";
        for (std::size_t r = 0; r < rings.size(); ++r) {
            s << indent << "subgraph cluster_" << to_string(rings[r]) << " {\n"
              << indent << "  label=" << quoted(std::string(to_string(rings[r])) + " circle")
              << "; style=\"rounded,filled\"; fillcolor=" << quoted(fills[r]) << "; color=\"#999999\";\n";
            for (StakeholderId who : cop->members(rings[r])) node_line(who, indent + "  ");
            indent += "  ";
        }
        for (std::size_t r = rings.size(); r-- > 0;) {
            indent.resize(indent.size() - 2);
            s << indent << "}\n";
        }
        for (StakeholderId who : cop->members(Circle::none)) node_line(who, "  ");
    } else {
        for (StakeholderId who : net.stakeholders()) node_line(who, "  ");
    }
    for (const Tie& t : net.all_ties()) {
        s << "  " << quoted(net.stakeholder(t.source).id) << " -> " << quoted(net.stakeholder(t.target).id) << " [";
        const Relation& r = net.relation(t.kind);
        switch (r.role) {
        case Role::authority: s << "style=solid, color=\"#222222\""; break;
        case Role::influence: s << "style=dashed, color=\"#1F5FAD\""; break;
        case Role::collaboration: s << "style=solid, color=\"#AAAAAA\""; break;
        default: s << "style=dotted, color=\"#888888\""; break;
        }
        if (r.mutual()) s << ", dir=none";
        s << ", penwidth=" << 0.5 + 1.5 * std::clamp(t.weight, 0.0, 1.0) << ", tooltip=" << quoted(r.name)
          << "];\n";
    }
    // Legend: the facet's colours and the tie styles.
    s << "  legend [shape=plaintext, style=\"\", label=<<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\">"
      << "<TR><TD COLSPAN=\"2\"><B>" << html(options.facet) << "</B></TD></TR>";
    for (std::size_t i = 0; i < cats.size(); ++i)
        s << "<TR><TD BGCOLOR=\"" << detail::colour_of(cats, i) << "\">  </TD><TD ALIGN=\"LEFT\">"
          << html(cats[i].empty() ? "(none)" : cats[i]) << "</TD></TR>";
    s << "<TR><TD COLSPAN=\"2\">authority: solid; influence: dashed; collaboration: light</TD></TR>"
      << "</TABLE>>];\n}\n";
    const std::string text = s.str();
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    if (!out) throw io_error("dot", "the output stream failed");
}

void write_dot(const Network& net, const std::filesystem::path& path, const DotOptions& options) {
    std::ostringstream out;
    write_dot(net, out, options);
    write_file_atomically(path, out.str());
}

} // namespace copnet
