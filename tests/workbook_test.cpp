// Workbooks (.xlsx, .ods): the fixtures of tests/data/workbooks/ were written by openpyxl and
// odfpy (make_workbooks.py, invented data) beside the same community as CSV files written by
// Python's csv module; a workbook must read to the network those CSV files read to.

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include "copnet/error.hpp"
#include "copnet/events.hpp"
#include "copnet/io/csv.hpp"
#include "copnet/io/file.hpp"
#include "copnet/io/relations.hpp"
#include "copnet/io/tables.hpp"
#include "copnet/io/workbook.hpp"
#include "cli_run.hpp"
#include "io_common.hpp"
#include "io/workbook_cells.hpp"

using namespace copnet;

namespace {

std::filesystem::path fixture(const std::string& name) {
    return std::filesystem::path(COPNET_SOURCE_DIR) / "tests" / "data" / "workbooks" / name;
}

// The community of the fixtures, read from its CSV files; `log` gets its events.
Network csv_community(EventLog* log = nullptr) {
    Network net;
    read_relations(net, fixture("community.relations.csv"));
    read_csv(net, fixture("community.stakeholders.csv"), fixture("community.ties.csv"));
    EventLog events = read_events(net, fixture("community.events.csv"));
    if (log != nullptr) *log = events;
    return net;
}

// The message of the parse_error that reading `name` throws (into a non-empty network, which
// must stay unchanged).
std::string error_of(const std::string& name, const WorkbookOptions& options = {}) {
    Network net = test::tiny_network();
    const Network before = net;
    try {
        read_workbook(net, fixture(name), options);
    } catch (const parse_error& e) {
        CHECK(net == before);
        return e.what();
    }
    FAIL("no error reading " << name);
    return {};
}

std::string error_of_bytes(const std::string& bytes, WorkbookFormat format,
                           const WorkbookOptions& options = {}) {
    Network net = test::tiny_network();
    const Network before = net;
    try {
        parse_workbook(net, bytes, format, options, "book");
    } catch (const parse_error& e) {
        CHECK(net == before);
        return e.what();
    }
    FAIL("no error");
    return {};
}

std::filesystem::path temp_path(const std::string& name) {
    return std::filesystem::temp_directory_path() /
           ("copnet-workbook-" + std::to_string(::getpid()) + "-" + name);
}

} // namespace

TEST_CASE("workbook: the copnet layout in .xlsx, .ods, shared strings, the 1904 date system and formulas reads as its CSV files") {
    EventLog expected_log;
    const Network expected = csv_community(&expected_log);
    REQUIRE(expected.stakeholder_count() == 4);
    for (const char* name : {"community.xlsx", "community.ods", "community-shared-strings.xlsx",
                             "community-1904.xlsx", "formula-results.xlsx"}) {
        INFO(name);
        Network net;
        const WorkbookReport report = read_workbook(net, fixture(name));
        CHECK(report.layout == WorkbookLayout::copnet);
        CHECK(report.relations == 3);
        CHECK(report.csv.stakeholders == 4);
        CHECK(report.csv.ties == 3);
        CHECK(net == expected);
        // The date cells as ISO dates, the numbers in their shortest form.
        const Stakeholder& fam = net.stakeholder(net.at("fam-01"));
        CHECK(fam.attributes.at("joined") == "2023-09-01");
        CHECK(fam.attributes.at("staff") == "12");
        CHECK(net.stakeholder(net.at("emp-03")).attributes.at("staff") == "2.5");
        CHECK(net.stakeholder(net.at("sch-04")).name == "School\ndistrict");
        REQUIRE(report.events.has_value());
        CHECK(*report.events == expected_log);
        CHECK(report.events->kind() == TimeKind::date_time);
        CHECK(format_time(report.events->time(1), TimeKind::date_time) == "2024-03-05T14:30:00Z");
        CHECK(format_time(report.events->time(2), TimeKind::date_time) == "2024-04-01T09:00:15Z");
    }
}

TEST_CASE("workbook: Kumu's Elements and Connections map to stakeholders and relations") {
    Network net;
    const WorkbookReport report = read_workbook(net, fixture("kumu.xlsx"));
    CHECK(report.layout == WorkbookLayout::kumu);
    CHECK(net.stakeholder_count() == 3);
    const Stakeholder& ana = net.stakeholder(net.at("Ana"));
    CHECK(ana.attributes.at("Type") == "Person");
    CHECK(ana.attributes.at("Description") == "coordinator");
    CHECK(ana.attributes.at("Tags") == "core");
    REQUIRE(net.find_relation("advice"));
    CHECK(net.relation(*net.find_relation("advice")).direction == RelationDirection::directed);
    CHECK(net.relation(*net.find_relation("advice")).role == Role::other);
    REQUIRE(net.find_relation("partner"));
    CHECK(net.relation(*net.find_relation("partner")).direction == RelationDirection::mutual);
    REQUIRE(net.find_relation("connection"));  // the empty Type
    CHECK(report.relations == 3);
    CHECK(net.all_ties().size() == 3);
    REQUIRE(report.notes.size() == 1);
    CHECK(report.notes[0] == "Connections: the columns Label, Strength are not kept (copnet's ties "
                             "carry a relation and a value only)");
    CHECK(error_of("kumu-mixed-direction.xlsx") ==
          fixture("kumu-mixed-direction.xlsx").string() +
              ": Connections!D5: connections of type \"advice\" are directed (row 2) and mutual "
              "here; copnet gives a relation one direction (give them two types)");
}

TEST_CASE("workbook: errors name the sheet, the cell and the column; nothing is loaded") {
    const auto at = [](const std::string& name) { return fixture(name).string() + ": "; };
    CHECK(error_of("missing-ties.xlsx") ==
          at("missing-ties.xlsx") + "no sheet named ties (the workbook's sheets: stakeholders, edges)");
    CHECK(error_of("bad-value.xlsx").starts_with(at("bad-value.xlsx") + "ties!D3: "));
    CHECK(error_of("unknown-target.xlsx") ==
          at("unknown-target.xlsx") + "ties!B5: target \"xx-99\" is not in stakeholders");
    CHECK(error_of("merged.xlsx") ==
          at("merged.xlsx") + "stakeholders!C2:C3: merged cells (copnet reads one value per cell: "
                              "unmerge them, and fill in every cell)");
    CHECK(error_of("merged.ods") ==
          at("merged.ods") + "stakeholders!C2:C3: merged cells (copnet reads one value per cell: "
                             "unmerge them, and fill in every cell)");
    CHECK(error_of("formula.xlsx") ==
          at("formula.xlsx") + "ties!D3: the cell holds a formula without a stored result (open "
                               "the workbook in a spreadsheet program and save it, or type the value)");
    CHECK(error_of("error-value.xlsx") == at("error-value.xlsx") + "ties!B2: the cell holds the error value #N/A");
    CHECK(error_of("header-gap.xlsx") ==
          at("header-gap.xlsx") + "stakeholders!B1: the header cell is empty (every column needs a name)");
    CHECK(error_of("beyond-header.xlsx") ==
          at("beyond-header.xlsx") + "stakeholders!C2: a value in column C, which has no header");
    CHECK(error_of("past-last-row.xlsx") ==
          at("past-last-row.xlsx") + "sheet ties: a row number 1048577 out of range (1 to 1048576)");
    // A relationship naming a path outside the zip is looked up inside it, never on disk.
    CHECK(error_of("outside-target.xlsx") ==
          at("outside-target.xlsx") + "not a readable workbook: it lacks the part etc/passwd");
}

TEST_CASE("workbook: a sheet's last row (1,048,576) reads; a sheet of repeated cells stops at the cell limit") {
    Network net;
    read_workbook(net, fixture("last-row.xlsx"));
    CHECK(net.all_ties().size() == 3);
    WorkbookOptions few;
    few.max_cells = 100000;
    CHECK(error_of("repeated.ods", few) ==
          fixture("repeated.ods").string() +
              ": the workbook has more non-empty cells than the limit (WorkbookOptions::max_cells)");
}

TEST_CASE("workbook: damaged zips are refused before anything is unpacked") {
    const std::string good = read_file_bytes(fixture("community.xlsx"));
    // Truncated anywhere: an error, never a crash.
    for (std::size_t cut : {std::size_t{0}, std::size_t{3}, std::size_t{100}, good.size() / 2,
                            good.size() - 30, good.size() - 1}) {
        INFO(cut);
        const std::string message = error_of_bytes(good.substr(0, cut), WorkbookFormat::xlsx);
        CHECK(message.starts_with("book: not a readable workbook: "));
    }
    CHECK(error_of_bytes("not a zip at all", WorkbookFormat::xlsx) ==
          "book: not a readable workbook: not a zip file (an .xlsx or .ods is one)");
    // A declared size beyond the limit (a zip bomb): refused from the directory alone.
    WorkbookOptions small;
    small.max_bytes = 20000;
    CHECK(error_of_bytes(good, WorkbookFormat::xlsx, small) ==
          "book: not a readable workbook: it unpacks to more than 20000 bytes (a zip bomb?; "
          "WorkbookOptions::max_bytes)");
    // A declared size that deflate cannot make from the compressed bytes (liborcus would
    // allocate it): refused from the directory alone.
    {
        std::string lying = good;
        const std::size_t entry = lying.find(std::string("PK\x01\x02", 4));
        REQUIRE(entry != std::string::npos);
        for (int k = 0; k < 4; ++k) lying[entry + 24 + k] = k == 3 ? '\x3f' : '\xff';
        const std::string message = error_of_bytes(lying, WorkbookFormat::xlsx);
        CHECK(message.starts_with("book: not a readable workbook: zip entry "));
        CHECK(message.ends_with(" declares 1073741823 bytes from " +
                                std::to_string(static_cast<unsigned char>(lying[entry + 20]) |
                                               static_cast<unsigned char>(lying[entry + 21]) << 8U) +
                                " compressed ones, more than deflate makes (a damaged file?)"));
    }
    // An .ods named .xlsx, and the reverse.
    CHECK(error_of_bytes(read_file_bytes(fixture("community.ods")), WorkbookFormat::xlsx) ==
          "book: not a readable .xlsx workbook: it is an OpenDocument file (name it .ods)");
    CHECK(error_of_bytes(good, WorkbookFormat::ods) ==
          "book: not a readable .ods workbook: it is an Office Open XML file (name it .xlsx)");
}

TEST_CASE("workbook: write_workbook reads back to an equal network") {
    // (Community domains excepted, as in CSV: the layout has no place for them.)
    Network net = test::tiny_network();
    const auto path = temp_path("tiny.xlsx");
    write_workbook(net, path);
    for (const Community* c : net.communities()) net.community(c->name()).set_domain("");
    Network back;
    read_workbook(back, path);
    CHECK(back == net);
    std::filesystem::remove(path);

    EventLog log;
    const Network community = csv_community(&log);
    write_workbook(community, path);
    Network again;
    const WorkbookReport report = read_workbook(again, path);
    CHECK(again == community);
    CHECK(report.relations == community.relations().size());
    std::filesystem::remove(path);
}

TEST_CASE("workbook: TableSink makes a sheet per table of a description") {
    TableSink sink;
    sink.put("count", 2);
    sink.begin_object("ties");
    sink.put("advice", 3);
    sink.end();
    sink.begin_list("reached");
    for (int i = 0; i < 2; ++i) {
        sink.begin_object({});
        sink.put("id", i == 0 ? "a" : "b");
        sink.put("hops", i);
        sink.begin_list("reasons");
        sink.begin_object({});
        sink.put("code", "x");
        sink.end();
        sink.end();
        sink.end();
    }
    sink.end();
    sink.begin_object("mixing");
    sink.begin_object("g1");
    sink.put("g1", 1);
    sink.put("g2", 2);
    sink.end();
    sink.end();
    const std::vector<Table> tables = sink.tables();
    REQUIRE(tables.size() == 4);
    CHECK(tables[0].name == "summary");
    REQUIRE(tables[0].rows.size() == 2);
    CHECK(std::get<std::string>(tables[0].rows[1][0]) == "ties.advice");
    CHECK(std::get<double>(tables[0].rows[1][1]) == 3);
    CHECK(tables[1].name == "reached");
    CHECK(tables[1].columns == std::vector<std::string>{"id", "hops", "reasons"});
    CHECK(std::get<std::string>(tables[1].rows[1][0]) == "b");
    CHECK(tables[2].name == "reached.reasons");
    CHECK(tables[2].columns == std::vector<std::string>{"id", "code"});
    CHECK(std::get<std::string>(tables[2].rows[1][0]) == "b");
    CHECK(tables[3].name == "mixing");
    CHECK(tables[3].columns == std::vector<std::string>{"", "g1", "g2"});
    const auto path = temp_path("tables.xlsx");
    write_tables(tables, path);
    CHECK(std::filesystem::file_size(path) > 1000);
    std::filesystem::remove(path);
}

TEST_CASE("workbook: the CLI reads --input FILE.xlsx/.ods, converts to .xlsx and writes results as workbooks") {
    const std::string book = fixture("community.xlsx").string();
    // The same summary as from the CSV files.
    const test::Run from_book = test::run("summary --format json --input '" + book + "'");
    REQUIRE(from_book.status == 0);
    const test::Run from_csv = test::run(
        "summary --format json --relations-file '" + fixture("community.relations.csv").string() +
        "' --nodes '" + fixture("community.stakeholders.csv").string() + "' --ties '" +
        fixture("community.ties.csv").string() + "'");
    REQUIRE(from_csv.status == 0);
    // (The workbook's events sheet declares the events' default relation, with no ties.)
    CHECK(from_book.out.find("\"interaction\"") != std::string::npos);
    CHECK(from_book.out.find("\"stakeholders\": 4") != std::string::npos);
    CHECK(from_csv.out.find("\"stakeholders\": 4") != std::string::npos);
    // The events sheet is the log of health.
    const test::Run health = test::run("health --every 1m --format json --input '" +
                                       fixture("community.ods").string() + "'");
    REQUIRE(health.status == 0);
    CHECK(health.out.find("\"start\": \"2024-03-01T00:00:00Z\"") != std::string::npos);
    CHECK(health.out.find("\"start\": \"2024-04-01T00:00:00Z\"") != std::string::npos);
    // Errors name the cell; nothing on stdout.
    const test::Run bad = test::run("summary --input '" + fixture("unknown-target.xlsx").string() + "'");
    CHECK(bad.status == 1);
    CHECK(bad.out.empty());
    CHECK(bad.err == "copnet: " + fixture("unknown-target.xlsx").string() +
                         ": ties!B5: target \"xx-99\" is not in stakeholders\n");
    // convert --to .xlsx reads back to the same network.
    const auto converted = temp_path("converted.xlsx");
    REQUIRE(test::run("convert --input '" + fixture("community.ods").string() + "' --to '" +
                      converted.string() + "'").status == 0);
    Network a, b;
    read_workbook(a, fixture("community.ods"));
    read_workbook(b, converted);
    CHECK(a == b);
    std::filesystem::remove(converted);
    // --format xlsx: the tables of the result, read back here.
    const auto result = temp_path("centrality.xlsx");
    const test::Run xlsx = test::run("centrality --format xlsx --output '" + result.string() + "'");
    REQUIRE(xlsx.status == 0);
    CHECK(xlsx.out.empty());
    const detail::WorkbookCells cells = detail::read_xlsx_cells(
        read_file_bytes(result), "centrality.xlsx", detail::WorkbookLimits{1U << 30U, 1U << 25U});
    std::vector<std::string> names;
    for (const auto& s : cells.sheets) names.push_back(s.name);
    CHECK(names == std::vector<std::string>{"summary", "measures", "stakeholders"});
    CHECK(cells.sheets[2].cells.size() > 61 * 5);
    std::filesystem::remove(result);
    CHECK(test::run("centrality --format xlsx").err ==
          "copnet: --format xlsx writes a workbook: give --output FILE.xlsx\n");
    // An extension of no format: the error lists those copnet reads, workbooks among them.
    const std::string err = test::run("summary --input cop.numbers").err;
    CHECK(err.find("cop.numbers: unknown extension \".numbers\"") != std::string::npos);
    CHECK(err.find(".xlsx, .ods") != std::string::npos);
}
