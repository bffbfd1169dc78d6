// libFuzzer target for the workbook readers (.xlsx, .ods; clang only: -DCOPNET_BUILD_FUZZERS=ON).
// Input: a mode byte, then — mode 0/1 — the bytes of an .xlsx / .ods file as they are (the zip
// checks), or — mode 2 — XML parts of an .xlsx separated by "\n--\n" (the sheets stakeholders
// and ties, sharedStrings.xml, styles.xml), or — mode 3 — an .ods content.xml; modes 2 and 3 are
// packed into a stored zip here, so that mutations reach the XML readers rather than inflate.
// Property: a read either succeeds, and then the network writes as CSV (with relations.csv) and
// reads back to an equal network, or throws a copnet::error leaving the network exactly as it was.
// Run: build-fuzz/tests/fuzz/workbook_fuzzer -dict=tests/fuzz/workbook.dict CORPUS_COPY
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "copnet/error.hpp"
#include "copnet/io/csv.hpp"
#include "copnet/io/relations.hpp"
#include "copnet/io/workbook.hpp"
#include "io_property.hpp"

namespace {

void put16(std::string& out, std::uint32_t v) {
    out += static_cast<char>(v & 0xFFU);
    out += static_cast<char>((v >> 8U) & 0xFFU);
}
void put32(std::string& out, std::uint32_t v) {
    put16(out, v & 0xFFFFU);
    put16(out, v >> 16U);
}

// A zip of `parts`, stored (not compressed); CRCs left 0 (not checked by the readers).
std::string stored_zip(const std::vector<std::pair<std::string, std::string_view>>& parts) {
    std::string out, directory;
    for (const auto& [name, data] : parts) {
        const auto offset = static_cast<std::uint32_t>(out.size());
        const auto size = static_cast<std::uint32_t>(data.size());
        out += "PK\x03\x04";
        put16(out, 20); put16(out, 0); put16(out, 0); put16(out, 0); put16(out, 0);
        put32(out, 0); put32(out, size); put32(out, size);
        put16(out, static_cast<std::uint32_t>(name.size())); put16(out, 0);
        out += name;
        out += data;
        directory += "PK\x01\x02";
        put16(directory, 20); put16(directory, 20); put16(directory, 0); put16(directory, 0);
        put16(directory, 0); put16(directory, 0);
        put32(directory, 0); put32(directory, size); put32(directory, size);
        put16(directory, static_cast<std::uint32_t>(name.size())); put16(directory, 0); put16(directory, 0);
        put16(directory, 0); put16(directory, 0); put32(directory, 0); put32(directory, offset);
        directory += name;
    }
    const auto at = static_cast<std::uint32_t>(out.size());
    out += directory;
    out += "PK\x05\x06";
    put16(out, 0); put16(out, 0);
    put16(out, static_cast<std::uint32_t>(parts.size())); put16(out, static_cast<std::uint32_t>(parts.size()));
    put32(out, static_cast<std::uint32_t>(directory.size())); put32(out, at); put16(out, 0);
    return out;
}

constexpr std::string_view workbook_xml =
    R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
    R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr/>)"
    R"(<sheets><sheet name="stakeholders" sheetId="1" r:id="rId1"/><sheet name="ties" sheetId="2" r:id="rId2"/>)"
    R"(</sheets></workbook>)";
constexpr std::string_view workbook_rels =
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>)"
    R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/>)"
    R"(<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>)"
    R"(<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>)"
    R"(</Relationships>)";

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const unsigned mode = data[0] % 4U;
    const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
    std::string bytes;
    copnet::WorkbookFormat format = copnet::WorkbookFormat::xlsx;
    if (mode == 0 || mode == 1) {
        bytes = std::string(rest);
        if (mode == 1) format = copnet::WorkbookFormat::ods;
    } else if (mode == 2) {
        std::vector<std::string_view> parts;
        std::string_view r = rest;
        for (int k = 0; k < 3; ++k) {
            const auto cut = r.find("\n--\n");
            if (cut == std::string_view::npos) break;
            parts.push_back(r.substr(0, cut));
            r.remove_prefix(cut + 4);
        }
        parts.push_back(r);
        parts.resize(4);
        bytes = stored_zip({{"xl/workbook.xml", workbook_xml},
                            {"xl/_rels/workbook.xml.rels", workbook_rels},
                            {"xl/worksheets/sheet1.xml", parts[0]},
                            {"xl/worksheets/sheet2.xml", parts[1]},
                            {"xl/sharedStrings.xml", parts[2]},
                            {"xl/styles.xml", parts[3]}});
    } else {
        format = copnet::WorkbookFormat::ods;
        bytes = stored_zip({{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"},
                            {"content.xml", rest}});
    }
    copnet::WorkbookOptions options;
    options.max_cells = 1U << 16U;  // a fuzz input repeats cells cheaply; keep each run short
    options.max_bytes = 1U << 24U;
    copnet::Network net = copnet::fuzz::non_empty();
    const copnet::Network before = net;
    try {
        (void)copnet::parse_workbook(net, bytes, format, options, "fuzz");
    } catch (const copnet::parse_error& e) {
        if (!(net == before) || e.file().empty()) std::abort();
        return 0;
    } catch (const copnet::error&) {
        if (!(net == before)) std::abort();
        return 0;
    }
    std::ostringstream nodes, ties, relations;
    copnet::write_csv(net, nodes, ties);
    copnet::write_relations(net, relations);
    copnet::Network back;
    try {
        copnet::parse_relations(back, relations.str());
        copnet::parse_csv(back, nodes.str(), ties.str());
    } catch (const copnet::error&) {
        std::abort();  // what copnet writes, copnet must read
    }
    // (Community domains aside, which neither layout holds.)
    copnet::Network expected = net;
    for (const copnet::Community* c : expected.communities()) expected.community(c->name()).set_domain("");
    if (!(back == expected)) std::abort();
    return 0;
}
