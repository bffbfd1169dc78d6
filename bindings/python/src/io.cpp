// GraphML, JSON node-link and Boost.Serialization archives (copnet/io/).
#include "convert.hpp"

#include <filesystem>

#include <copnet/error.hpp>
#include <copnet/generate.hpp>
#include <copnet/io/archive.hpp>
#include <copnet/io/dot.hpp>
#include <copnet/io/svg.hpp>
#include <copnet/io/graphml.hpp>
#include <copnet/io/formats.hpp>
#include <copnet/io/gexf.hpp>
#include <copnet/io/gml.hpp>
#include <copnet/io/json.hpp>
#include <copnet/io/matrix.hpp>
#include <copnet/io/pajek.hpp>
#include <copnet/io/relations.hpp>
#include <copnet/io/roster.hpp>
#include <copnet/io/ucinet.hpp>
#include <copnet/io/workbook.hpp>

#include <map>

namespace copnet::python {

namespace {

std::string path_of(const py::object& path) {
    return py::module_::import("os").attr("fspath")(path).cast<std::string>();
}

ArchiveKind archive_kind(const std::string& path, const std::optional<std::string>& kind) {
    if (!kind) return archive_kind_for(path);
    if (*kind == "text") return ArchiveKind::text;
    if (*kind == "binary") return ArchiveKind::binary;
    if (*kind == "xml") return ArchiveKind::xml;
    throw invalid_value("archive kind \"" + *kind + "\" is not text, binary or xml");
}

CircleMapOptions map_options(const Network& net, const std::string& community,
                             const std::string& facet, const std::string& title,
                             const std::string& caption,
                             const std::optional<std::vector<std::string>>& highlight,
                             const std::string& highlight_label, bool labels, double font_size,
                             std::size_t max_stakeholders) {
    CircleMapOptions o;
    o.community = community;
    o.facet = facet;
    o.title = title;
    o.caption = caption;
    if (highlight) o.highlight = handles(net, *highlight);
    o.highlight_label = highlight_label;
    o.labels = labels;
    o.font_size = font_size;
    o.max_stakeholders = max_stakeholders;
    return o;
}

#define COPNET_MAP_ARGS                                                                          \
    py::kw_only(), py::arg("community") = "community", py::arg("facet") = "sector",            \
        py::arg("title") = "", py::arg("caption") = "", py::arg("highlight") = py::none(),      \
        py::arg("highlight_label") = "highlighted", py::arg("labels") = true,                   \
        py::arg("font_size") = 9.0,                                                             \
        py::arg("max_stakeholders") = CircleMapOptions{}.max_stakeholders

/// The paths of `path`: one path, or a list of them.
std::vector<std::string> paths_of(const py::object& path) {
    std::vector<std::string> out;
    if (py::isinstance<py::list>(path) || py::isinstance<py::tuple>(path)) {
        for (const py::handle& p : path) out.push_back(path_of(py::reinterpret_borrow<py::object>(p)));
    } else {
        out.push_back(path_of(path));
    }
    return out;
}

} // namespace

static void bind_formats(py::module_& m) {
    m.def(
        "read",
        [](const Typed<"Union[str, os.PathLike, Sequence[Union[str, os.PathLike]]]">& path,
           const std::string& community, const std::string& merge, const std::string& layout, const std::string& relation, const std::string& scale,
           const std::optional<std::string>& relations, const std::optional<std::string>& delimiter,
           bool decimal_comma) {
            FormatOptions o;
            o.community = community;
            o.merge = parse_merge(merge);
            o.layout = parse_csv_layout(layout);
            o.csv.default_relation = relation;
            o.csv.scale = parse_scale(scale);
            o.csv.decimal_comma = decimal_comma;
            if (delimiter) {
                if (delimiter->size() != 1 && *delimiter != "tab")
                    throw invalid_value("delimiter \"" + *delimiter + "\" is not one character or \"tab\"");
                o.csv.delimiter = *delimiter == "tab" ? '\t' : (*delimiter)[0];
            }
            const std::vector<std::string> paths = paths_of(path);
            py::gil_scoped_release release;
            SharedNetwork net;
            if (relations) read_relations(net, *relations);
            for (const std::string& p : paths) read_network(net, p, o);
            return net;
        },
        py::arg("path"), py::kw_only(), py::arg("community") = "community", py::arg("merge") = "scale",
        py::arg("layout") = "automatic", py::arg("relation") = "", py::arg("scale") = "unit",
        py::arg("relations") = py::none(), py::arg("delimiter") = py::none(), py::arg("decimal_comma") = false,
        R"doc(Reads a network file in the format its extension names (``copnet.formats()`` lists
them): GraphML, node-link JSON, Pajek ``.net``, GEXF, GML, archives, a ``.csv`` edge list or
adjacency matrix (``layout``: automatic, edge_list, matrix), ``.edgelist``. ``path`` may be a
list of CSV files (matrices or edge lists, one per relation) that add up to one network.
``relation`` names the relation of a file that carries one without naming it; ``relations`` a
relations.csv read first. Raises ParseError (file, line, field), InvalidValue for an unknown
extension (listing the known ones), FileError.)doc");
    m.def(
        "write",
        [](const SharedNetwork& net, const PathArg& path, const std::string& community,
           const std::string& layout, const std::string& relation, bool fields, const std::string& gexf_version) {
            const ReadLock lock(net);
            FormatOptions o;
            o.community = community;
            o.layout = parse_csv_layout(layout);
            o.csv.default_relation = relation;
            o.fields = fields;
            o.gexf_version = gexf_version;
            const std::string p = path_of(path);
            py::gil_scoped_release release;
            return std::string(write_network(net, std::filesystem::path(p), o));
        },
        py::arg("network"), py::arg("path"), py::kw_only(), py::arg("community") = "community",
        py::arg("layout") = "automatic", py::arg("relation") = "", py::arg("fields") = true,
        py::arg("gexf_version") = "1.3",
        R"doc(Saves the network in the format its path's extension names, atomically; returns the
format's name. ``layout="matrix"`` writes a ``.csv`` adjacency matrix of ``relation``;
``fields=False`` writes Pajek without key-value pairs (for igraph); ``gexf_version="1.2draft"``
writes GEXF that NetworkX 2.8 reads. Raises InvalidValue for an unknown extension.)doc");
    m.def(
        "formats",
        [] {
            py::list out;
            for (const FileFormat& f : file_formats()) {
                py::dict d;
                d["name"] = std::string(f.name);
                py::list exts;
                for (std::string_view e : f.extensions) exts.append(std::string(e));
                d["extensions"] = exts;
                d["reads"] = f.read != nullptr;
                d["writes"] = f.write != nullptr;
                out.append(d);
            }
            return out;
        },
        "The formats copnet reads and writes by extension: dicts with name, extensions, reads, writes.");
    // Each reader and writer by name.
    m.def(
        "read_pajek",
        [](const PathArg& path, const std::string& community, const std::string& merge,
           const std::string& relation, const std::string& scale) {
            const std::string p = path_of(path);
            const PajekOptions o{community, parse_merge(merge), relation, parse_scale(scale)};
            py::gil_scoped_release release;
            return SharedNetwork(read_pajek(p, o));
        },
        py::arg("path"), py::kw_only(), py::arg("community") = "community", py::arg("merge") = "scale",
        py::arg("relation") = "", py::arg("scale") = "unit",
        "Reads a Pajek .net network (*Vertices, *Arcs, *Edges, multi-relational *Arcs :k \"name\" "
        "blocks, *Arcslist, *Matrix) into a new Network. Raises ParseError, FileError.");
    m.def(
        "write_pajek",
        [](const SharedNetwork& net, const PathArg& path, bool fields) {
            const ReadLock lock(net);
            const std::string p = path_of(path);
            py::gil_scoped_release release;
            write_pajek(net, std::filesystem::path(p), PajekWriteOptions{fields});
        },
        py::arg("network"), py::arg("path"), py::kw_only(), py::arg("fields") = true,
        "Saves Pajek that networkx.read_pajek reads (fields=False, one relation: igraph too).");
    m.def(
        "read_gml",
        [](const PathArg& path, const std::string& community, const std::string& merge,
           const std::string& relation, const std::string& scale) {
            const std::string p = path_of(path);
            const GmlOptions o{community, parse_merge(merge), relation, parse_scale(scale)};
            py::gil_scoped_release release;
            return SharedNetwork(read_gml(p, o));
        },
        py::arg("path"), py::kw_only(), py::arg("community") = "community", py::arg("merge") = "scale",
        py::arg("relation") = "", py::arg("scale") = "unit",
        "Reads GML (as NetworkX and igraph write it) into a new Network. Raises ParseError, FileError.");
    m.def(
        "write_gml",
        [](const SharedNetwork& net, const PathArg& path) {
            const ReadLock lock(net);
            const std::string p = path_of(path);
            py::gil_scoped_release release;
            write_gml(net, std::filesystem::path(p));
        },
        py::arg("network"), py::arg("path"), "Saves GML that networkx.read_gml and igraph's Read_GML read.");
    m.def(
        "read_gexf",
        [](const PathArg& path, const std::string& community, const std::string& merge,
           const std::string& relation, const std::string& scale) {
            const std::string p = path_of(path);
            const GexfOptions o{community, parse_merge(merge), relation, parse_scale(scale)};
            py::gil_scoped_release release;
            return SharedNetwork(read_gexf(p, o));
        },
        py::arg("path"), py::kw_only(), py::arg("community") = "community", py::arg("merge") = "scale",
        py::arg("relation") = "", py::arg("scale") = "unit",
        "Reads GEXF (1.3; 1.1 and 1.2draft too) into a new Network. Raises ParseError, FileError.");
    m.def(
        "write_gexf",
        [](const SharedNetwork& net, const PathArg& path, const std::string& version) {
            const ReadLock lock(net);
            const std::string p = path_of(path);
            py::gil_scoped_release release;
            write_gexf(net, std::filesystem::path(p), GexfWriteOptions{version});
        },
        py::arg("network"), py::arg("path"), py::kw_only(), py::arg("version") = "1.3",
        "Saves GEXF for Gephi (version 1.3, or 1.2draft, which networkx.read_gexf reads).");
    m.def(
        "read_dl",
        [](const PathArg& path, const std::string& merge, const std::string& relation, const std::string& scale) {
            const std::string p = path_of(path);
            const DlOptions o{parse_merge(merge), relation, parse_scale(scale)};
            py::gil_scoped_release release;
            return SharedNetwork(read_dl(p, o));
        },
        py::arg("path"), py::kw_only(), py::arg("merge") = "scale", py::arg("relation") = "",
        py::arg("scale") = "unit",
        "Reads a UCINET DL file (FULLMATRIX, EDGELIST1, NODELIST1; labels, labels embedded, MATRIX "
        "LABELS as relations) into a new Network. Raises ParseError, FileError.");
    m.def(
        "write_dl",
        [](const SharedNetwork& net, const PathArg& path) {
            const ReadLock lock(net);
            const std::string p = path_of(path);
            py::gil_scoped_release release;
            write_dl(net, std::filesystem::path(p));
        },
        py::arg("network"), py::arg("path"), "Saves UCINET DL (EDGELIST1, a matrix per relation).");
    m.def(
        "read_matrix",
        [](SharedNetwork& net, const PathArg& path, const std::string& relation, const std::string& merge,
           const std::string& scale, bool decimal_comma) {
            MatrixOptions o;
            o.relation = relation;
            o.merge = parse_merge(merge);
            o.scale = parse_scale(scale);
            o.decimal_comma = decimal_comma;
            const std::string p = path_of(path);
            const WriteLock lock(net);
            py::gil_scoped_release release;
            return read_matrix(net, std::filesystem::path(p), o);
        },
        py::arg("network"), py::arg("path"), py::kw_only(), py::arg("relation") = "", py::arg("merge") = "scale",
        py::arg("scale") = "unit", py::arg("decimal_comma") = false,
        "Adds the ties of a CSV adjacency matrix (one relation: ``relation``, default the file's "
        "stem) to ``network``; returns how many it read. Raises ParseError, FileError.");
    m.def(
        "write_matrix",
        [](const SharedNetwork& net, const PathArg& path, const std::string& relation) {
            const ReadLock lock(net);
            const auto kind = net.find_relation(relation);
            if (!kind) throw invalid_value("the network has no relation \"" + relation + "\"");
            const std::string p = path_of(path);
            py::gil_scoped_release release;
            write_matrix(net, std::filesystem::path(p), *kind);
        },
        py::arg("network"), py::arg("path"), py::arg("relation"),
        "Saves the ties of ``relation`` as a CSV adjacency matrix (pandas: read_csv(index_col=0)).");
    m.def(
        "read_roster",
        [](SharedNetwork& net, const PathArg& path, const std::string& relation, bool create_missing,
           bool count_repeats, const std::string& merge, const std::string& scale, const std::string& sheet) {
            RosterOptions o;
            o.sheet = sheet;
            o.relation = relation;
            o.create_missing_stakeholders = create_missing;
            o.count_repeats = count_repeats;
            o.merge = parse_merge(merge);
            o.scale = parse_scale(scale);
            const std::string p = path_of(path);
            const WriteLock lock(net);
            py::gil_scoped_release release;
            return read_roster(net, std::filesystem::path(p), o).ties;
        },
        py::arg("network"), py::arg("path"), py::kw_only(), py::arg("relation") = "",
        py::arg("create_missing") = false, py::arg("count_repeats") = false, py::arg("merge") = "scale",
        py::arg("scale") = "unit", py::arg("sheet") = "",
        "Adds the ties of a name-generator roster (a row per respondent, columns ``advice_1``, "
        "``advice_2``, ... naming alters by id or name; each stem a relation; a .csv, or ``sheet`` "
        "of an .xlsx/.ods workbook) to ``network``; returns how many ties it read. Raises ParseError, FileError.");
}

void bind_io(py::module_& m) {
    bind_formats(m);
    m.def(
        "generate",
        [](std::size_t stakeholders, std::size_t ties, std::uint64_t seed, double boundary_share,
           double authority_share, double influence_share, double degree_exponent,
           double organization_size, double tie_strength, const std::string& community,
           double core_share, double inner_share, double outer_share) {
            LandscapeOptions o;
            o.stakeholders = stakeholders;
            o.ties = ties;
            o.seed = seed;
            o.boundary_share = boundary_share;
            o.authority_share = authority_share;
            o.influence_share = influence_share;
            o.degree_exponent = degree_exponent;
            o.organization_size = organization_size;
            o.tie_strength = tie_strength;
            o.community = community;
            o.core_share = core_share;
            o.inner_share = inner_share;
            o.outer_share = outer_share;
            py::gil_scoped_release release;
            return SharedNetwork(generate(o));
        },
        py::arg("stakeholders") = 10'000, py::arg("ties") = 100'000, py::kw_only(),
        py::arg("seed") = 1, py::arg("boundary_share") = 0.25, py::arg("authority_share") = 0.1,
        py::arg("influence_share") = 0.5, py::arg("degree_exponent") = 2.5,
        py::arg("organization_size") = 20.0, py::arg("tie_strength") = 1.0,
        py::arg("community") = "community",
        py::arg("core_share") = 0.001, py::arg("inner_share") = 0.005,
        py::arg("outer_share") = 0.05,
        R"doc(A synthetic CoP landscape (invented data, seeded: the same arguments give the same
network on any platform): heavy-tailed degrees (Chung & Lu), the framework's sectors, levels,
perspectives and stances with skewed sizes, homophily with a ``boundary_share`` of crossing
ties, authority hierarchies within organizations, tie weights of a weighted cascade
(``tie_strength / degree(target)``), and a community whose circles are nested around the hubs. As ``copnet generate``. Cost O(V + E). Raises InvalidValue for an option out
of range.)doc");
    m.def(
        "circle_map_svg",
        [](const SharedNetwork& net, const std::string& community, const std::string& facet,
           const std::string& title, const std::string& caption,
           const std::optional<std::vector<std::string>>& highlight,
           const std::string& highlight_label, bool labels, double font_size,
           std::size_t max_stakeholders) {
            const ReadLock lock(net);
            const auto o = map_options(net, community, facet, title, caption, highlight,
                                       highlight_label, labels, font_size, max_stakeholders);
            py::gil_scoped_release release;
            return circle_map_svg(net, o);
        },
        py::arg("network"), COPNET_MAP_ARGS,
        R"doc(The circle map as an SVG document (a str): concentric rings (core at the centre,
then inner, outer, non-members), stakeholders grouped into wedges and coloured by ``facet``
with a legend, tie kinds as line styles, labels that do not overlap; ``highlight`` marks ids
(a reached set, candidates, brokers). Above ``max_stakeholders`` (default 2000; 0: everyone)
only that many are drawn, the circles' members first and then the best connected, and the
legend says so. Cost O(V log V + E).)doc");
    m.def(
        "write_circle_map",
        [](const SharedNetwork& net, const PathArg& path, const std::string& community,
           const std::string& facet, const std::string& title, const std::string& caption,
           const std::optional<std::vector<std::string>>& highlight,
           const std::string& highlight_label, bool labels, double font_size,
           std::size_t max_stakeholders) {
            const ReadLock lock(net);
            const auto o = map_options(net, community, facet, title, caption, highlight,
                                       highlight_label, labels, font_size, max_stakeholders);
            const std::string p = path_of(path);
            py::gil_scoped_release release;
            write_circle_map(net, std::filesystem::path(p), o);
        },
        py::arg("network"), py::arg("path"), COPNET_MAP_ARGS,
        "Saves the circle map (see circle_map_svg) as an SVG file, atomically.");
    m.def(
        "write_dot",
        [](const SharedNetwork& net, const PathArg& path, const std::string& community,
           const std::string& facet) {
            const ReadLock lock(net);
            DotOptions o;
            o.community = community;
            o.facet = facet;
            const std::string p = path_of(path);
            py::gil_scoped_release release;
            write_dot(net, std::filesystem::path(p), o);
        },
        py::arg("network"), py::arg("path"), py::kw_only(), py::arg("community") = "community",
        py::arg("facet") = "sector",
        "Saves a Graphviz digraph: circles as nested clusters, tie kinds as edge styles, the "
        "facet as colour (render with dot -Tsvg).");
    m.def(
        "read_graphml",
        [](const PathArg& path, const std::string& community, const std::string& merge) {
            GraphmlOptions o;
            o.community = community;
            o.merge = parse_merge(merge);
            const std::string p = path_of(path);
            py::gil_scoped_release release;
            return SharedNetwork(read_graphml(p, o));
        },
        py::arg("path"), py::kw_only(), py::arg("community") = "community",
        py::arg("merge") = "scale",
        "Reads GraphML (as NetworkX, igraph and Gephi write it; libxml2) into a new Network: "
        "facets, circles (``circle`` fills ``community``; ``circle:NAME`` others), tie kind and "
        "weight; ``merge`` as read_csv's. Raises ParseError (file, line, field), FileError.");
    m.def(
        "write_graphml",
        [](const SharedNetwork& net, const PathArg& path) {
            const ReadLock lock(net);
            const std::string p = path_of(path);
            py::gil_scoped_release release;
            write_graphml(net, std::filesystem::path(p));
        },
        py::arg("network"), py::arg("path"),
        "Saves GraphML that networkx.read_graphml and igraph read with every field (atomic).");
    m.def(
        "read_json",
        [](const PathArg& path, const std::string& community, const std::string& merge) {
            JsonOptions o;
            o.community = community;
            o.merge = parse_merge(merge);
            const std::string p = path_of(path);
            py::gil_scoped_release release;
            return SharedNetwork(read_json(p, o));
        },
        py::arg("path"), py::kw_only(), py::arg("community") = "community",
        py::arg("merge") = "scale",
        "Reads JSON node-link data (networkx.node_link_data's layout) into a new Network; "
        "``merge`` as read_csv's.");
    m.def(
        "write_json",
        [](const SharedNetwork& net, const PathArg& path) {
            const ReadLock lock(net);
            const std::string p = path_of(path);
            py::gil_scoped_release release;
            write_json(net, std::filesystem::path(p));
        },
        py::arg("network"), py::arg("path"),
        "Saves JSON node-link data that networkx.node_link_graph reads (atomic).");
    m.def(
        "read_workbook",
        [](const PathArg& path, const std::string& community, bool create_missing,
           const std::map<std::string, std::string>& columns, const std::string& default_relation,
           const std::string& scale, const std::string& merge) {
            WorkbookOptions o;
            o.csv.community = community;
            o.csv.create_missing_stakeholders = create_missing;
            for (const auto& [from, to] : columns) o.csv.columns.emplace_back(from, to);
            o.csv.default_relation = default_relation;
            o.csv.scale = parse_scale(scale);
            o.csv.merge = parse_merge(merge);
            const std::string p = path_of(path);
            py::gil_scoped_release release;
            SharedNetwork net;
            (void)read_workbook(net, std::filesystem::path(p), o);
            return net;
        },
        py::arg("path"), py::kw_only(), py::arg("community") = "community",
        py::arg("create_missing") = false,
        py::arg("columns") = std::map<std::string, std::string>{}, py::arg("default_relation") = "",
        py::arg("scale") = "unit", py::arg("merge") = "scale",
        R"doc(Reads an .xlsx or .ods workbook (docs/formats.md) into a new Network: sheets
``stakeholders`` (or ``nodes``), ``ties`` and optionally ``relations`` in the CSV files'
columns, or Kumu's ``Elements`` and ``Connections`` (Type as the relation, Direction directed
or mutual). Dates in cells read as ISO 8601, numbers in their shortest form; the options as
read_csv's. (An ``events`` sheet is checked; the Python module has no event log yet.) Raises
ParseError naming the sheet and cell (``ties!B7: target "x" is not in stakeholders``),
FileError; InvalidValue for an extension other than .xlsx/.ods.)doc");
    m.def(
        "write_workbook",
        [](const SharedNetwork& net, const PathArg& path, const std::string& community) {
            const ReadLock lock(net);
            CsvWriteOptions o;
            o.community = community;
            const std::string p = path_of(path);
            py::gil_scoped_release release;
            write_workbook(net, std::filesystem::path(p), o);
        },
        py::arg("network"), py::arg("path"), py::kw_only(), py::arg("community") = "community",
        "Saves an .xlsx workbook (sheets stakeholders, ties and, when the network declares "
        "relations of its own, relations) that read_workbook reads back to an equal network "
        "(atomic).");
    m.def(
        "read_archive",
        [](const PathArg& path, const std::optional<std::string>& kind) {
            const std::string p = path_of(path);
            const ArchiveKind k = archive_kind(p, kind);
            py::gil_scoped_release release;
            return SharedNetwork(read_archive(p, k));
        },
        py::arg("path"), py::kw_only(), py::arg("kind") = py::none(),
        "Loads a Boost.Serialization archive (``kind`` text, binary or xml; None: from the "
        "extension .txt, .bin, .xml). Untrusted input is safe: bad archives raise ParseError.");
    m.def(
        "write_archive",
        [](const SharedNetwork& net, const PathArg& path,
           const std::optional<std::string>& kind) {
            const ReadLock lock(net);
            const std::string p = path_of(path);
            const ArchiveKind k = archive_kind(p, kind);
            py::gil_scoped_release release;
            write_archive(net, std::filesystem::path(p), k);
        },
        py::arg("network"), py::arg("path"), py::kw_only(), py::arg("kind") = py::none(),
        "Saves the network with its communities as a Boost.Serialization archive, atomically.");
}

} // namespace copnet::python
