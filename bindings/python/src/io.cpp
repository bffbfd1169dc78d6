// GraphML, JSON node-link and Boost.Serialization archives (copnet/io/).
#include "convert.hpp"

#include <filesystem>

#include <copnet/error.hpp>
#include <copnet/io/archive.hpp>
#include <copnet/io/graphml.hpp>
#include <copnet/io/json.hpp>

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

} // namespace

void bind_io(py::module_& m) {
    m.def(
        "read_graphml",
        [](const py::object& path, const std::string& community) {
            GraphmlOptions o;
            o.community = community;
            const std::string p = path_of(path);
            py::gil_scoped_release release;
            return read_graphml(p, o);
        },
        py::arg("path"), py::kw_only(), py::arg("community") = "community",
        "Reads GraphML (as NetworkX, igraph and Gephi write it; libxml2) into a new Network: "
        "facets, circles (``circle`` fills ``community``; ``circle:NAME`` others), tie kind and "
        "weight. Raises ParseError (file, line, field), FileError.");
    m.def(
        "write_graphml",
        [](const Network& net, const py::object& path) {
            const std::string p = path_of(path);
            py::gil_scoped_release release;
            write_graphml(net, std::filesystem::path(p));
        },
        py::arg("network"), py::arg("path"),
        "Saves GraphML that networkx.read_graphml and igraph read with every field (atomic).");
    m.def(
        "read_json",
        [](const py::object& path, const std::string& community) {
            JsonOptions o;
            o.community = community;
            const std::string p = path_of(path);
            py::gil_scoped_release release;
            return read_json(p, o);
        },
        py::arg("path"), py::kw_only(), py::arg("community") = "community",
        "Reads JSON node-link data (networkx.node_link_data's layout) into a new Network.");
    m.def(
        "write_json",
        [](const Network& net, const py::object& path) {
            const std::string p = path_of(path);
            py::gil_scoped_release release;
            write_json(net, std::filesystem::path(p));
        },
        py::arg("network"), py::arg("path"),
        "Saves JSON node-link data that networkx.node_link_graph reads (atomic).");
    m.def(
        "read_archive",
        [](const py::object& path, const std::optional<std::string>& kind) {
            const std::string p = path_of(path);
            const ArchiveKind k = archive_kind(p, kind);
            py::gil_scoped_release release;
            return read_archive(p, k);
        },
        py::arg("path"), py::kw_only(), py::arg("kind") = py::none(),
        "Loads a Boost.Serialization archive (``kind`` text, binary or xml; None: from the "
        "extension .txt, .bin, .xml). Untrusted input is safe: bad archives raise ParseError.");
    m.def(
        "write_archive",
        [](const Network& net, const py::object& path, const std::optional<std::string>& kind) {
            const std::string p = path_of(path);
            const ArchiveKind k = archive_kind(p, kind);
            py::gil_scoped_release release;
            write_archive(net, std::filesystem::path(p), k);
        },
        py::arg("network"), py::arg("path"), py::kw_only(), py::arg("kind") = py::none(),
        "Saves the network with its communities as a Boost.Serialization archive, atomically.");
}

} // namespace copnet::python
