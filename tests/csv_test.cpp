#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include <catch2/catch.hpp>

#include "copnet/error.hpp"
#include "copnet/generate.hpp"
#include "copnet/io/csv.hpp"

using namespace copnet;
namespace fs = std::filesystem;

namespace {

const std::string two_nodes = "id\na\nb\n";
const std::string one_tie = "source,target,kind,weight\na,b,influence,0.5\n";

// A network that already holds something, so "unchanged" is a real check.
Network existing() {
    Network net;
    const auto x = net.add_stakeholder({.id = "existing", .sector = "youth"});
    const auto y = net.add_stakeholder({.id = "other"});
    net.add_tie(x, y, TieKind::collaboration, 0.5);
    net.add_community("community").set_circle(x, Circle::inner);
    return net;
}

struct Malformed {
    const char* what;
    std::string nodes;
    std::string ties;
    std::string file;
    std::size_t line;
    std::string field;
    std::string message;  // expected to appear in what()
};

fs::path temp_dir(const std::string& name) {
    const fs::path dir =
        fs::temp_directory_path() / ("copnet_test_" + name + "." + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

void write_text(const fs::path& p, const std::string& text) {
    std::ofstream(p, std::ios::binary) << text;
}

} // namespace

TEST_CASE("malformed CSV is rejected with its exact location, leaving the network unchanged",
          "[csv][errors]") {
    std::string sixteen = "source,target,kind\n";
    for (int i = 0; i < 15; ++i) sixteen += "a,b,influence\n";
    sixteen += "a,sch-12,influence\n";  // line 17

    const std::vector<Malformed> cases{
        {"empty nodes file", "", one_tie, "nodes.csv", 0, "", "nodes.csv: the file is empty"},
        {"only blank lines", "\n\r\n\n", one_tie, "nodes.csv", 0, "", "the file is empty"},
        {"no id column", "name,sector\nAnn,youth\n", one_tie, "nodes.csv", 1, "id",
         "nodes.csv:1: the header has no id column"},
        {"BOM then no id column", "\xEF\xBB\xBFname\nAnn\n", one_tie, "nodes.csv", 1, "id",
         "no id column"},
        {"duplicate column", "id,name,Name\na,A,A\n", one_tie, "nodes.csv", 1, "Name",
         "column \"Name\" appears twice in the header"},
        {"unnamed column", "id,,name\n", one_tie, "nodes.csv", 1, "",
         "column 2 has no name in the header"},
        {"two columns for one community", "id,circle,circle:community\n", one_tie, "nodes.csv", 1,
         "circle:community", "both give circles of community \"community\""},
        {"row too short", "id,name,level\na,A,local\nb,B\n", one_tie, "nodes.csv", 3, "",
         "nodes.csv:3: the row has 2 fields, the header has 3"},
        {"row too long", "id,name\na,A\nb,B,x\n", one_tie, "nodes.csv", 3, "",
         "the row has 3 fields, the header has 2"},
        {"empty id", "id,name\n,A\n", one_tie, "nodes.csv", 2, "id", "nodes.csv:2: id is empty"},
        {"duplicate id", "id\na\nb\na\n", one_tie, "nodes.csv", 4, "id",
         "nodes.csv:4: id \"a\" already appears on line 2"},
        {"id already in the network", "id\na\nexisting\n", one_tie, "nodes.csv", 3, "id",
         "id \"existing\" is already in the network"},
        {"unknown level", "id,level\na,local\nb,regional\n", one_tie, "nodes.csv", 3, "level",
         "nodes.csv:3: unknown level \"regional\" (expected local, state, national)"},
        {"unknown perspective", "id,perspective\na,funder\n", one_tie, "nodes.csv", 2,
         "perspective", "unknown perspective \"funder\""},
        {"unknown stance", "id,stance\na,hostile\n", one_tie, "nodes.csv", 2, "stance",
         "unknown stance \"hostile\""},
        {"unknown circle", "id,circle\na,middle\n", one_tie, "nodes.csv", 2, "circle",
         "unknown circle \"middle\""},
        {"unknown circle in a named community", "id,Circle:steering\na,top\n", one_tie,
         "nodes.csv", 2, "Circle:steering", "unknown circle \"top\""},
        {"unclosed quote", "id,name\na,\"Ann\nb,B\n", one_tie, "nodes.csv", 2, "",
         "nodes.csv:2: field 2: a quoted field is not closed"},
        {"text after a closing quote", "id,name\na,\"Ann\"x\n", one_tie, "nodes.csv", 2, "",
         "field 2: text after a closing quote"},
        {"quote inside an unquoted field", "id,name\na,An\"n\n", one_tie, "nodes.csv", 2, "",
         "a '\"' inside an unquoted field"},
        // Not UTF-8, and 0x81 is no Windows-1252 character either (0xFF would read as "ÿ").
        {"invalid UTF-8", "id,name\na,A\x81\n", one_tie, "nodes.csv", 2, "",
         "byte 0x81 is neither UTF-8 nor a Windows-1252 character"},
        {"damaged UTF-8", "id,name\na,Ü\xff\n", one_tie, "nodes.csv", 2, "", "invalid UTF-8"},
        {"line numbers count line breaks inside quotes",
         "id,name\na,\"two\nlines\"\nb,\"x\"\"y\",extra\n", one_tie, "nodes.csv", 4, "",
         "nodes.csv:4: the row has 3 fields"},
        {"CRLF line ends", "id,level\r\na,local\r\nb,bogus\r\n", one_tie, "nodes.csv", 3,
         "level", "unknown level \"bogus\""},
        {"empty ties file", two_nodes, "", "ties.csv", 0, "", "ties.csv: the file is empty"},
        // `relation` is the column's name since relations (DESIGN §3.4); `kind` is accepted too.
        {"no target column", two_nodes, "source,relation\na,influence\n", "ties.csv", 1, "target",
         "ties.csv:1: the header has no target column"},
        {"no source column", two_nodes, "target,kind\nb,influence\n", "ties.csv", 1, "source",
         "no source column"},
        {"unknown ties column", two_nodes, "source,target,kind,note\n", "ties.csv", 1, "note",
         "column \"note\" is not a ties column"},
        {"duplicate ties column", two_nodes, "source,target,kind,Weight,weight\n", "ties.csv", 1,
         "weight", "appears twice"},
        {"unknown target (the design's example)", two_nodes, sixteen, "ties.csv", 17, "target",
         "ties.csv:17: target \"sch-12\" is not in nodes.csv"},
        {"unknown source", two_nodes, "source,target,kind\nzz,b,influence\n", "ties.csv", 2,
         "source", "source \"zz\" is not in nodes.csv"},
        {"empty source", two_nodes, "source,target,kind\n,b,influence\n", "ties.csv", 2,
         "source", "ties.csv:2: source is empty"},
        // An undeclared relation is accepted (role other); an empty one is not.
        {"empty relation", two_nodes, "source,target,kind\na,b, \n", "ties.csv", 2, "kind",
         "the relation is empty"},
        {"weight off an undeclared relation's unit scale", two_nodes,
         "source,target,relation,value\na,b,friendship,4\n", "ties.csv", 2, "value",
         "weight 4 is outside [0,1] (relation \"friendship\" has scale unit"},
        {"weight not a number", two_nodes, "source,target,kind,weight\na,b,influence,abc\n",
         "ties.csv", 2, "weight", "ties.csv:2: weight \"abc\" is not a number"},
        {"weight with trailing text", two_nodes, "source,target,kind,weight\na,b,influence,0.5x\n",
         "ties.csv", 2, "weight", "is not a number"},
        {"weight NaN", two_nodes, "source,target,kind,weight\na,b,influence,nan\n", "ties.csv", 2,
         "weight", "is not a number"},
        {"weight above 1", two_nodes, "source,target,kind,weight\na,b,influence,1.5\n",
         "ties.csv", 2, "weight", "weight 1.5 is outside [0,1]"},
        {"weight below 0", two_nodes, "source,target,kind,weight\na,b,influence,-0.25\n",
         "ties.csv", 2, "weight", "weight -0.25 is outside [0,1]"},
        {"self-tie", two_nodes, "source,target,kind\na,b,influence\nb,b,authority\n", "ties.csv",
         3, "target", "source and target are both \"b\": self-ties are not allowed"},
        {"the first error in the file wins", two_nodes,
         "source,target,kind,weight\na,zz,influence,1\na,b,influence,9\n", "ties.csv", 2,
         "target", "ties.csv:2: target \"zz\" is not in nodes.csv"},
        {"ragged tie row", two_nodes, "source,target,kind,weight\na,b,influence\n", "ties.csv", 2,
         "", "the row has 3 fields, the header has 4"},
        {"invalid UTF-8 in ties", two_nodes, "source,target,kind\na,b,influ\xC3\xABnce\n\xC0\xAF,b,x\n",
         "ties.csv", 3, "", "invalid UTF-8 (byte 0xC0"},
    };
    REQUIRE(cases.size() >= 25);
    for (const Malformed& c : cases) {
        INFO(c.what);
        Network net = existing();
        const Network before = net;
        try {
            parse_csv(net, c.nodes, c.ties);
            FAIL("no error for: " << c.what);
        } catch (const parse_error& e) {
            CHECK(e.file() == c.file);
            CHECK(e.line() == c.line);
            CHECK(e.field() == c.field);
            CHECK_THAT(e.what(), Catch::Contains(c.message));
        }
        CHECK(net == before);
        CHECK(net.slot_count() == before.slot_count());
    }
}

TEST_CASE("CSV reads quoting, CRLF, BOM, any header case and extra columns", "[csv]") {
    const std::string nodes =
        "\xEF\xBB\xBFID,Name,Sector,LEVEL,perspective,organization,circle,stance,county,"
        "circle:steering\r\n"
        "sa-01,\"Ortiz, Maria\",state agencies and councils,State,decisionmaker,DOE,core,ally,"
        "Hill,inner\r\n"
        "fam-01,\"Sam \"\"Coach\"\" Lee\",families,local,consumer,,outer,skeptic,,\r\n"
        "\r\n"
        "yo-01,\"two\nlines\",youth,,,,,,Vale,core\r\n";
    const std::string ties =
        "Source,TARGET,Kind,Weight\r\n"
        "sa-01,fam-01,authority,\r\n"
        "fam-01,sa-01,influence,+0.5\r\n"
        "yo-01,fam-01,collaboration,0.25\r\n"
        "fam-01,yo-01,collaboration,0.75\r\n";  // the same mutual tie: merged
    Network net;
    const CsvReport r = parse_csv(net, nodes, ties);
    CHECK(r.stakeholders == 3);
    CHECK(r.ties == 4);
    CHECK(r.merged_ties == 1);
    CHECK(net.tie_count() == 3);

    const Stakeholder& maria = net.stakeholder(net.at("sa-01"));
    CHECK(maria.name == "Ortiz, Maria");
    CHECK(maria.sector == "state agencies and councils");
    CHECK(maria.level == Level::state);
    CHECK(maria.perspective == Perspective::decisionmaker);
    CHECK(maria.organization == "DOE");
    CHECK(maria.attributes.at("county") == "Hill");
    const Stakeholder& sam = net.stakeholder(net.at("fam-01"));
    CHECK(sam.name == "Sam \"Coach\" Lee");
    CHECK(sam.stance == Stance::skeptic);
    CHECK(sam.attributes.empty());  // an empty cell is no value
    const Stakeholder& yo = net.stakeholder(net.at("yo-01"));
    CHECK(yo.name == "two\nlines");
    CHECK_FALSE(yo.level.has_value());
    CHECK(yo.perspective == Perspective::unknown);
    CHECK(yo.stance == Stance::neutral);

    CHECK(net.attribute_names().size() == 1);
    CHECK(net.attribute_names()[0] == "county");
    const Community& cop = net.community("community");
    CHECK(cop.circle(net.at("sa-01")) == Circle::core);
    CHECK(cop.circle(net.at("fam-01")) == Circle::outer);
    CHECK(cop.circle(net.at("yo-01")) == Circle::none);
    const Community& steering = net.community("steering");
    CHECK(steering.circle(net.at("yo-01")) == Circle::core);
    CHECK(steering.count(Circle::inner) == 1);

    CHECK(net.find_tie(net.at("sa-01"), net.at("fam-01"), TieKind::authority)->weight == 1.0);
    CHECK(net.find_tie(net.at("fam-01"), net.at("sa-01"), TieKind::influence)->weight == 0.5);
    CHECK(net.find_tie(net.at("fam-01"), net.at("yo-01"), TieKind::collaboration)->weight ==
          0.75);
}

TEST_CASE("CSV without a circle column makes no community; ties may create stakeholders",
          "[csv]") {
    Network net;
    CsvOptions options;
    options.create_missing_stakeholders = true;
    const CsvReport r =
        parse_csv(net, "id\na\n", "source,target,kind\na,new,influence\nnew,z,authority\n",
                  options);
    CHECK(r.stakeholders == 3);
    CHECK(r.created == 2);
    CHECK(net.communities().empty());
    CHECK(net.contains(net.at("z")));
    CHECK(net.stakeholder(net.at("new")).name.empty());
}

TEST_CASE("CSV loads add to a network that already holds stakeholders", "[csv]") {
    Network net = existing();
    Community& cop = net.community("community");  // a reference taken before the load
    parse_csv(net, "id,circle\nn1,core\n", "source,target,kind\nn1,existing,influence\n");
    CHECK(net.stakeholder_count() == 3);
    CHECK(cop.count(Circle::core) == 1);   // filled into the existing community
    CHECK(cop.count(Circle::inner) == 1);  // what it held is kept
    CHECK(net.find_tie(net.at("n1"), net.at("existing"), TieKind::influence));
}

TEST_CASE("write then read gives an equal network", "[csv][roundtrip]") {
    Network net;
    const auto a = net.add_stakeholder({.id = "a,1", .name = "Quote \"q\" and, comma",
                                        .sector = "colleges and universities",
                                        .level = Level::national,
                                        .perspective = Perspective::practitioner,
                                        .organization = "Line\nbreak U", .stance = Stance::skeptic,
                                        .attributes = {{"note", " padded "}}});
    const auto b = net.add_stakeholder({.id = "b\xC3\xA9", .name = "Zo\xC3\xAB"});  // UTF-8
    const auto c = net.add_stakeholder({.id = "c"});
    net.add_attribute_name("unused column");
    net.add_tie(a, b, TieKind::influence, 0.1);
    net.add_tie(b, a, TieKind::authority, 1.0 / 3.0);  // needs every digit to read back
    net.add_tie(c, a, TieKind::collaboration, 0.0);
    net.add_community("community").set_circle(a, Circle::inner);
    net.add_community("second").set_circle(c, Circle::core);

    for (bool crlf : {false, true}) {
        std::ostringstream nodes, ties;
        CsvWriteOptions w;
        w.crlf = crlf;
        write_csv(net, nodes, ties, w);
        Network back;
        parse_csv(back, nodes.str(), ties.str());
        CHECK(back == net);
        CHECK(back.find_tie(back.at("b\xC3\xA9"), back.at("a,1"), TieKind::authority)->weight ==
              1.0 / 3.0);
        // And a second round is byte-identical.
        std::ostringstream nodes2, ties2;
        write_csv(back, nodes2, ties2, w);
        CHECK(nodes2.str() == nodes.str());
        CHECK(ties2.str() == ties.str());
    }
}

TEST_CASE("files: missing, directories, and a round trip through disk", "[csv][files]") {
    const fs::path dir = temp_dir("files");
    Network net = existing();
    const Network before = net;
    CHECK_THROWS_AS(read_csv(net, dir / "nope.csv", dir / "ties.csv"), io_error);
    CHECK_THROWS_WITH(read_csv(net, dir / "nope.csv", dir / "ties.csv"),
                      Catch::Contains("nope.csv") && Catch::Contains("cannot open"));
    CHECK_THROWS_WITH(read_csv(net, dir, dir), Catch::Contains("is a directory"));
    CHECK(net == before);

    write_text(dir / "nodes.csv", "id,name\nx,X\n");
    write_text(dir / "ties.csv", "source,target,kind\nx,ghost,influence\n");
    try {
        read_csv(net, dir / "nodes.csv", dir / "ties.csv");
        FAIL("expected a parse error");
    } catch (const parse_error& e) {
        CHECK(e.file() == (dir / "ties.csv").string());  // the path as the caller gave it
        CHECK(e.line() == 2);
    }
    CHECK(net == before);

    write_csv(before, dir / "out-nodes.csv", dir / "out-ties.csv");
    CHECK(read_csv(dir / "out-nodes.csv", dir / "out-ties.csv") == before);
    CHECK_THROWS_AS(write_csv(before, dir / "no/such/dir/n.csv", dir / "t.csv"), io_error);
    fs::remove_all(dir);
}

TEST_CASE("a million-line ties.csv loads", "[csv][large]") {
    std::string nodes = "id\n";
    for (int i = 0; i < 2000; ++i) nodes += "n" + std::to_string(i) + "\n";
    std::string ties = "source,target,kind,weight\n";
    ties.reserve(30'000'000);
    static constexpr const char* kinds[] = {"authority", "influence", "collaboration"};
    std::uint64_t x = 7;
    for (int e = 0; e < 1'000'000; ++e) {
        x = x * 6364136223846793005ULL + 1442695040888963407ULL;
        const auto s = (x >> 20) % 2000;
        auto t = (x >> 40) % 2000;
        if (t == s) t = (s + 1) % 2000;
        ties += "n" + std::to_string(s) + ",n" + std::to_string(t) + "," + kinds[e % 3] + ",0." +
                std::to_string(x % 10) + "\n";
    }
    Network net;
    const CsvReport r = parse_csv(net, nodes, ties);
    CHECK(r.ties == 1'000'000);
    CHECK(net.tie_count() + r.merged_ties == 1'000'000);
    CHECK(net.stakeholder_count() == 2000);
}

TEST_CASE("both bundled examples round-trip through CSV", "[csv][roundtrip][examples]") {
    const fs::path data = fs::path(COPNET_SOURCE_DIR) / "examples" / "data";
    const fs::path dir = temp_dir("examples");
    for (const char* name : {"state-employment", "school-behavioral-health"}) {
        INFO(name);
        const Network net = read_csv(data / name / "nodes.csv", data / name / "ties.csv");
        CHECK(net.stakeholder_count() > 50);
        CHECK(net.find_community("community") != nullptr);
        write_csv(net, dir / "nodes.csv", dir / "ties.csv");
        const Network back = read_csv(dir / "nodes.csv", dir / "ties.csv");
        CHECK(back == net);
        CHECK(back.attribute_names().size() == net.attribute_names().size());
        // A change the comparison must see:
        Network changed = back;
        changed.update_stakeholder(changed.at(changed.stakeholder(StakeholderId(0)).id),
                                   Stakeholder{.id = "renamed"});
        CHECK_FALSE(changed == net);
    }
    fs::remove_all(dir);
}

TEST_CASE("a large ties.csv whose lines end in lone carriage returns reads the same in halves",
          "[csv]") {
    // The two halves are staged into regions sized by their line ends: lone CRs must count as
    // line ends there, or the rows of a half would not fit its region (and must still come out
    // in file order).
    const Network net = generate({.stakeholders = 6'000, .ties = 60'000, .seed = 5});
    std::ostringstream nodes, ties;
    write_csv(net, nodes, ties);
    const std::string text = ties.str();
    REQUIRE(text.size() > (1U << 20U));
    Network plain;
    parse_csv(plain, nodes.str(), text);
    REQUIRE(plain.tie_count() == net.tie_count());
    for (const bool in_first : {true, false}) {
        CAPTURE(in_first);
        std::string mixed = text;
        // Every other line end in the first (or the second) third becomes a lone CR.
        const std::size_t from = in_first ? 0 : 2 * mixed.size() / 3;
        const std::size_t to = in_first ? mixed.size() / 3 : mixed.size();
        bool flip = false;
        for (std::size_t i = from; i < to; ++i)
            if (mixed[i] == '\n' && (flip = !flip)) mixed[i] = '\r';
        for (unsigned threads : {1U, 2U}) {
            CAPTURE(threads);
            CsvOptions o;
            o.threads = threads;
            Network back;
            const CsvReport report = parse_csv(back, nodes.str(), mixed, o);
            CHECK(report.ties == net.tie_count());
            CHECK(back == plain);
            CHECK(back.all_ties() == plain.all_ties());  // the same order, slot by slot
        }
    }
}

TEST_CASE("a load reports its progress: nodes.csv's rows, ties.csv's rows, the ties added",
          "[csv][progress]") {
    // Large enough (a ties.csv body above 1 MiB) that two threads read it in halves.
    const Network net = generate({.stakeholders = 6'000, .ties = 60'000, .seed = 3});
    std::ostringstream nodes, ties;
    write_csv(net, nodes, ties);
    REQUIRE(ties.str().size() > (1U << 20U));
    const std::size_t v = net.stakeholder_count() + 1;  // rows with the header
    const std::size_t e = net.tie_count() + 1;
    for (unsigned threads : {1U, 2U}) {
        CAPTURE(threads);
        std::vector<std::pair<std::size_t, std::size_t>> calls;
        CsvOptions o;
        o.threads = threads;
        o.progress = [&](std::size_t done, std::size_t total) { calls.emplace_back(done, total); };
        Network back;
        parse_csv(back, nodes.str(), ties.str(), o);
        Network plain;
        parse_csv(plain, nodes.str(), ties.str());
        CHECK(back == plain);
        CHECK(back.tie_count() == net.tie_count());
        const std::size_t total = v + 2 * e;
        REQUIRE(calls.size() >= 30);
        CHECK(calls.size() <= 110);
        CHECK(calls.back() == std::pair<std::size_t, std::size_t>{total, total});
        for (std::size_t i = 0; i < calls.size(); ++i) {
            CHECK(calls[i].second == total);
            if (i > 0) CHECK(calls[i].first > calls[i - 1].first);
        }
        // Calls fall in each of the three parts.
        const auto within = [&](std::size_t from, std::size_t to) {
            return std::any_of(calls.begin(), calls.end(), [&](const auto& c) {
                return c.first > from && c.first < to;
            });
        };
        CHECK(within(0, v));
        CHECK(within(v, v + e));
        CHECK(within(v + e, total));
    }
    // A failed load still leaves the network unchanged, progress or not.
    CsvOptions o;
    std::size_t heard = 0;
    o.progress = [&](std::size_t, std::size_t) { ++heard; };
    Network back;
    CHECK_THROWS_AS(parse_csv(back, nodes.str(), ties.str() + "nobody,s1,influence,0.5\n", o),
                    parse_error);
    CHECK(back.stakeholder_count() == 0);
    CHECK(heard > 0);
}
