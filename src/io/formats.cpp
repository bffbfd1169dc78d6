#include "copnet/io/formats.hpp"

#include <optional>
#include <vector>

#include "copnet/error.hpp"
#include "copnet/io/archive.hpp"
#include "copnet/io/csv.hpp"
#include "copnet/io/dot.hpp"
#include "copnet/io/graphml.hpp"
#include "copnet/io/gexf.hpp"
#include "copnet/io/gml.hpp"
#include "copnet/io/json.hpp"
#include "copnet/io/matrix.hpp"
#include "copnet/io/file.hpp"
#include "copnet/io/pajek.hpp"
#include "copnet/io/relations.hpp"
#include "copnet/io/roster.hpp"
#include "copnet/io/ucinet.hpp"
#include "copnet/io/workbook.hpp"

namespace copnet {

namespace {

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return out;
}

CsvOptions csv_options(const FormatOptions& o) {
    CsvOptions csv = o.csv;
    csv.community = o.community;
    csv.merge = o.merge;
    return csv;
}

// ---- the entries: one reader and one writer per format -----------------------------------------

void read_graphml_entry(Network& into, const std::filesystem::path& p, const FormatOptions& o) {
    read_graphml(into, p, GraphmlOptions{o.community, o.merge});
}
void write_graphml_entry(const Network& net, const std::filesystem::path& p, const FormatOptions&) {
    write_graphml(net, p);
}
void read_json_entry(Network& into, const std::filesystem::path& p, const FormatOptions& o) {
    read_json(into, p, JsonOptions{o.community, o.merge});
}
void write_json_entry(const Network& net, const std::filesystem::path& p, const FormatOptions&) {
    write_json(net, p);
}
void write_dot_entry(const Network& net, const std::filesystem::path& p, const FormatOptions& o) {
    DotOptions dot;
    dot.community = o.community;
    write_dot(net, p, dot);
}
void read_archive_entry(Network& into, const std::filesystem::path& p, const FormatOptions&) {
    read_archive(into, p, archive_kind_for(p));
}
void write_archive_entry(const Network& net, const std::filesystem::path& p, const FormatOptions&) {
    write_archive(net, p, archive_kind_for(p));
}
MatrixOptions matrix_options(const FormatOptions& o, const std::filesystem::path& p) {
    MatrixOptions m;
    m.relation = o.csv.default_relation.empty() ? p.stem().string() : o.csv.default_relation;
    m.merge = o.merge;
    m.scale = o.csv.scale;
    m.delimiter = o.csv.delimiter;
    m.decimal_comma = o.csv.decimal_comma;
    return m;
}
void read_csv_entry(Network& into, const std::filesystem::path& p, const FormatOptions& o) {
    CsvLayout layout = o.layout;
    std::string text;
    if (layout == CsvLayout::automatic) {
        text = read_file_bytes(p);
        layout = looks_like_matrix(text) ? CsvLayout::matrix : CsvLayout::edge_list;
    }
    switch (layout) {
    case CsvLayout::automatic:
    case CsvLayout::edge_list: read_edge_list(into, p, csv_options(o)); return;
    case CsvLayout::matrix:
        if (text.empty()) text = read_file_bytes(p);
        parse_matrix(into, text, matrix_options(o, p), p.string());
        return;
    case CsvLayout::roster: {
        RosterOptions r;
        r.relation = o.csv.default_relation;
        r.create_missing_stakeholders = o.csv.create_missing_stakeholders;
        r.merge = o.merge;
        r.scale = o.csv.scale;
        r.delimiter = o.csv.delimiter;
        (void)read_roster(into, p, r);
        return;
    }
    }
}
void write_csv_entry(const Network& net, const std::filesystem::path& p, const FormatOptions& o) {
    if (o.layout != CsvLayout::matrix)
        throw invalid_value(p.string() + ": a .csv is written as an adjacency matrix (layout matrix, CLI "
                                         "--layout matrix); for the CSV pair give --to-nodes and --to-ties");
    std::optional<TieKind> kind;
    if (!o.csv.default_relation.empty()) {
        kind = net.find_relation(o.csv.default_relation);
        if (!kind) throw invalid_value("the network has no relation \"" + o.csv.default_relation + "\"");
    } else {
        std::string names;
        std::size_t used = 0;
        for (std::size_t k = 0; k < net.relations().size(); ++k) {
            if (net.tie_count(static_cast<TieKind>(k)) == 0) continue;
            names += (names.empty() ? "" : ", ") + net.relations()[k].name;
            kind = static_cast<TieKind>(k);
            ++used;
        }
        if (used != 1)
            throw invalid_value(p.string() + ": a matrix holds one relation: name it (--relation NAME; the network's "
                                             "relations with ties: " + names + ")");
    }
    write_matrix(net, p, *kind);
}
void read_edge_list_entry(Network& into, const std::filesystem::path& p, const FormatOptions& o) {
    read_edge_list(into, p, csv_options(o));
}

void read_pajek_entry(Network& into, const std::filesystem::path& p, const FormatOptions& o) {
    read_pajek(into, p, PajekOptions{o.community, o.merge, o.csv.default_relation, o.csv.scale});
}
void write_pajek_entry(const Network& net, const std::filesystem::path& p, const FormatOptions& o) {
    write_pajek(net, p, PajekWriteOptions{o.fields});
}

void read_workbook_entry(Network& into, const std::filesystem::path& p, const FormatOptions& o) {
    WorkbookOptions w;
    w.csv = o.csv;
    w.csv.community = o.community;
    w.csv.merge = o.merge;
    (void)read_workbook(into, p, w);
}
void write_workbook_entry(const Network& net, const std::filesystem::path& p,
                          const FormatOptions& o) {
    CsvWriteOptions w;
    w.community = o.community;
    write_workbook(net, p, w);
}

void read_gml_entry(Network& into, const std::filesystem::path& p, const FormatOptions& o) {
    read_gml(into, p, GmlOptions{o.community, o.merge, o.csv.default_relation, o.csv.scale});
}
void write_gml_entry(const Network& net, const std::filesystem::path& p, const FormatOptions&) {
    write_gml(net, p);
}

void read_gexf_entry(Network& into, const std::filesystem::path& p, const FormatOptions& o) {
    read_gexf(into, p, GexfOptions{o.community, o.merge, o.csv.default_relation, o.csv.scale});
}
void write_gexf_entry(const Network& net, const std::filesystem::path& p, const FormatOptions& o) {
    write_gexf(net, p, GexfWriteOptions{o.gexf_version});
}

void read_dl_entry(Network& into, const std::filesystem::path& p, const FormatOptions& o) {
    read_dl(into, p, DlOptions{o.merge, o.csv.default_relation, o.csv.scale});
}
void write_dl_entry(const Network& net, const std::filesystem::path& p, const FormatOptions&) {
    write_dl(net, p);
}

const std::vector<FileFormat>& table() {
    // One entry per format: its name, extensions, reader, writer, and whether reading adds.
    static const std::vector<FileFormat> formats{
        {"GraphML", {".graphml"}, &read_graphml_entry, &write_graphml_entry, false},
        {"node-link JSON", {".json"}, &read_json_entry, &write_json_entry, false},
        {"Pajek", {".net", ".pajek"}, &read_pajek_entry, &write_pajek_entry, false},
        {"GEXF", {".gexf"}, &read_gexf_entry, &write_gexf_entry, false},
        {"UCINET DL", {".dl"}, &read_dl_entry, &write_dl_entry, false},
        {"GML", {".gml"}, &read_gml_entry, &write_gml_entry, false},
        {"Excel workbook", {".xlsx"}, &read_workbook_entry, &write_workbook_entry, false},
        {"OpenDocument spreadsheet", {".ods"}, &read_workbook_entry, nullptr, false},
        {"copnet archive", {".txt", ".bin", ".xml"}, &read_archive_entry, &write_archive_entry, false},
        {"Graphviz DOT", {".dot", ".gv"}, nullptr, &write_dot_entry, false},
        {"CSV", {".csv", ".tsv"}, &read_csv_entry, &write_csv_entry, true},
        {"edge list", {".edgelist", ".ncol", ".edges"}, &read_edge_list_entry, nullptr, true},
    };
    return formats;
}

const FileFormat& format_or_throw(const std::filesystem::path& path, bool writing) {
    const FileFormat* f = format_for(path);
    const std::string what = writing ? "write" : "read";
    if (!f || (writing ? f->write == nullptr : f->read == nullptr)) {
        const std::string ext = lower(path.extension().string());
        std::string message = path.string() + ": ";
        if (!f)
            message += ext.empty() ? "no extension to tell the format"
                                   : "unknown extension \"" + ext + "\"";
        else
            message += "copnet does not " + what + " " + std::string(f->name);
        message += " (copnet " + what + "s " + known_extensions(writing) + ")";
        throw invalid_value(message);
    }
    return *f;
}

} // namespace

std::string_view to_string(CsvLayout layout) noexcept {
    switch (layout) {
    case CsvLayout::automatic: return "automatic";
    case CsvLayout::edge_list: return "edge_list";
    case CsvLayout::matrix: return "matrix";
    case CsvLayout::roster: return "roster";
    }
    return "automatic";
}

CsvLayout parse_csv_layout(std::string_view text) {
    const std::string t = lower(text);
    if (t == "automatic" || t == "auto") return CsvLayout::automatic;
    if (t == "edge_list" || t == "edgelist" || t == "edge-list") return CsvLayout::edge_list;
    if (t == "matrix") return CsvLayout::matrix;
    if (t == "roster") return CsvLayout::roster;
    throw invalid_value("layout \"" + std::string(text) +
                        "\" is not automatic, edge_list, matrix or roster");
}

std::span<const FileFormat> file_formats() noexcept { return table(); }

const FileFormat* format_for(const std::filesystem::path& path) noexcept {
    const std::string ext = lower(path.extension().string());
    if (ext.empty()) return nullptr;
    for (const FileFormat& f : table())
        for (std::string_view e : f.extensions)
            if (e == ext) return &f;
    return nullptr;
}

std::string known_extensions(bool writable) {
    std::string out;
    for (const FileFormat& f : table()) {
        if (writable ? f.write == nullptr : f.read == nullptr) continue;
        for (std::string_view e : f.extensions) {
            if (!out.empty()) out += ", ";
            out += e;
        }
    }
    return out;
}

std::string_view read_network(Network& into, const std::filesystem::path& path,
                              const FormatOptions& options) {
    const FileFormat& f = format_or_throw(path, false);
    if (!f.adds && (into.stakeholder_count() != 0 || has_declared_relations(into) ||
                    !into.communities().empty()))
        throw invalid_value(path.string() + ": a " + std::string(f.name) +
                            " file is a whole network; it cannot be added to one that holds "
                            "stakeholders, relations or communities already (give it alone)");
    f.read(into, path, options);
    return f.name;
}

Network read_network(const std::filesystem::path& path, const FormatOptions& options) {
    Network net;
    read_network(net, path, options);
    return net;
}

std::string_view write_network(const Network& net, const std::filesystem::path& path,
                               const FormatOptions& options) {
    const FileFormat& f = format_or_throw(path, true);
    f.write(net, path, options);
    return f.name;
}

} // namespace copnet
