#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "copnet/error.hpp"
#include "copnet/io/ucinet.hpp"
#include "io_common.hpp"
#include "peer_files.hpp"

using namespace copnet;
using copnet::test::existing_network;

namespace {

Network dl(const std::string& name) { return read_dl(copnet::test::formats_dir() / "ucinet" / name); }

bool tied(const Network& net, const std::string& a, const std::string& b, const std::string& relation) {
    return net.find_tie(net.at(a), net.at(b), *net.find_relation(relation)).has_value();
}

} // namespace

TEST_CASE("DL in the layouts of UCINET's documentation", "[io][ucinet]") {
    SECTION("a full matrix without labels: ids 1..N; symmetric, so one mutual relation") {
        const Network net = dl("fullmatrix.dl");
        CHECK(net.stakeholder_count() == 5);
        const TieKind e = *net.find_relation("edge");
        CHECK(net.relation(e).mutual());
        CHECK(net.tie_count(e) == 6);  // the upper triangle's ones
        CHECK(tied(net, "3", "5", "edge"));
    }
    SECTION("labels, labels embedded") {
        const Network a = dl("fullmatrix-labels.dl");
        CHECK(tied(a, "barry", "david", "edge"));
        CHECK(a.tie_count() == 6);
        const Network b = dl("fullmatrix-embedded.dl");
        const TieKind e = *b.find_relation("edge");  // symmetric: mutual
        CHECK(b.relation(e).mutual());
        CHECK(b.tie_count(e) == 4);
        CHECK(tied(b, "Jim", "Bill", "edge"));
        CHECK_FALSE(tied(b, "Zoe", "Sue", "edge"));
    }
    SECTION("edgelist1: numbers with labels, labels embedded, values") {
        const Network a = dl("edgelist1.dl");
        CHECK(tied(a, "george", "sally", "arc"));
        CHECK(tied(a, "billy", "jim", "arc"));
        CHECK(a.tie_count() == 5);
        const Network b = dl("edgelist1-embedded.dl");
        CHECK(b.stakeholder_count() == 5);
        CHECK(tied(b, "jane", "jim", "arc"));
        const Network c = dl("edgelist1-values.dl");
        const TieKind arc = *c.find_relation("arc");
        CHECK(c.relation(arc).scale == Scale::count);
        CHECK(c.find_tie(c.at("3"), c.at("1"), arc)->weight == 0.676190476190476);
    }
    SECTION("nodelist1 and several matrices named by MATRIX LABELS") {
        const Network a = dl("nodelist1.dl");
        CHECK(a.tie_count() == 6);
        CHECK(tied(a, "dee", "cy", "arc"));
        const Network b = dl("multiple-matrices.dl");
        const TieKind advice = *b.find_relation("advice");
        CHECK(b.find_tie(b.at("cy"), b.at("ana"), advice)->weight == 2);
        CHECK(b.tie_count(advice) == 3);
        const TieKind friendship = *b.find_relation("friendship");
        CHECK(b.relation(friendship).mutual());
        CHECK(b.tie_count(friendship) == 2);
    }
}

TEST_CASE("DL half matrices and an absent diagonal (UCINET guide §3.9, §3.10)", "[io][ucinet]") {
    // §3.10's LOWERHALF example (as the UCINET 6 User's Guide and Stata's nwimport help give
    // it): row i holds columns 1..i; the diagonal's 2s are self-ties, skipped. The other ones:
    // Sanders–Skvoretz, Sanders–S.Smith, Skvoretz–S.Smith, Skvoretz–T.Smith.
    const std::string labels = "labels:\nSanders,Skvoretz\nS.Smith,T.Smith\ndata:\n";
    const auto check = [](const Network& net) {
        const TieKind e = *net.find_relation("edge");
        CHECK(net.relation(e).mutual());
        CHECK(net.stakeholder_count() == 4);
        CHECK(net.tie_count(e) == 4);
        CHECK(tied(net, "Sanders", "Skvoretz", "edge"));
        CHECK(tied(net, "S.Smith", "Sanders", "edge"));
        CHECK(tied(net, "Skvoretz", "S.Smith", "edge"));
        CHECK(tied(net, "T.Smith", "Skvoretz", "edge"));
        CHECK_FALSE(tied(net, "Sanders", "T.Smith", "edge"));
        CHECK_FALSE(tied(net, "S.Smith", "T.Smith", "edge"));
    };
    SECTION("lowerhalf, diagonal present") {
        Network net;
        parse_dl(net, "dl n = 4\nformat = lowerhalf\n" + labels + "2\n1 2\n1 1 2\n0 1 0 2\n", {}, "lh.dl");
        check(net);
    }
    SECTION("upperhalf: the same matrix, row i holding columns i..n") {
        Network net;
        parse_dl(net, "dl n = 4 format = upperhalf\n" + labels + "2 1 1 0\n2 1 1\n2 0\n2\n", {}, "uh.dl");
        check(net);
    }
    SECTION("lowerhalf and upperhalf with DIAGONAL = ABSENT") {
        Network a, b;
        parse_dl(a, "dl n = 4 format = lowerhalf diagonal = absent\n" + labels + "1\n1 1\n0 1 0\n", {}, "lh.dl");
        check(a);
        parse_dl(b, "DL N=4 FORMAT=UH DIAGONAL=ABSENT\n" + labels + "1 1 0\n1 1\n0\n", {}, "uh.dl");
        check(b);
    }
    SECTION("fullmatrix with DIAGONAL = ABSENT: rows of N - 1 values (as R's snafun reads it)") {
        Network net;
        parse_dl(net, "dl n = 3 format = fullmatrix diagonal = absent\nlabels:\nA, B, C\ndata:\n1 0\n1 1\n0 1\n", {}, "fm.dl");
        const TieKind e = *net.find_relation("edge");
        CHECK(net.tie_count(e) == 2);
        CHECK(tied(net, "A", "B", "edge"));
        CHECK(tied(net, "B", "C", "edge"));
        CHECK_FALSE(tied(net, "A", "C", "edge"));
        Network directed;  // not symmetric: a directed relation
        parse_dl(directed, "dl n = 3 diagonal = absent\ndata:\n1 0\n0 0\n0 5\n", {}, "fm.dl");
        const TieKind arc = *directed.find_relation("arc");
        CHECK_FALSE(directed.relation(arc).mutual());
        CHECK(directed.tie_count(arc) == 2);
        CHECK(tied(directed, "1", "2", "arc"));
        CHECK(directed.find_tie(directed.at("3"), directed.at("2"), arc)->weight == 5);
    }
    SECTION("labels embedded with an absent diagonal") {
        Network net;
        parse_dl(net, "dl n=3 labels embedded diagonal=absent\ndata:\nA B C\nA 1 0\nB 1 1\nC 0 1\n", {}, "fm.dl");
        CHECK(net.tie_count() == 2);
        CHECK(tied(net, "C", "B", "edge"));
    }
}

TEST_CASE("DL round trip keeps stakeholders, relations and values", "[io][ucinet]") {
    const Network original = dl("multiple-matrices.dl");
    std::ostringstream out;
    write_dl(original, out);
    Network back;
    parse_dl(back, out.str(), {}, "again.dl");
    CHECK(back == original);
}

TEST_CASE("malformed DL: an error naming file, line and field; nothing loaded", "[io][ucinet]") {
    struct Case {
        std::string text;
        std::string expected;
    };
    const std::vector<Case> cases = {
        {"N=3\n", "t.dl:1: the file does not start with DL"},
        {"DL N=x\n", "t.dl:1: n: \"x\" is not a count"},
        {"DL N=3\ndata:\n0 1 0\n0 0 1\n", "t.dl:4: value: the file ends here (truncated?)"},
        {"DL N=2\ndata:\n0 1\n0 0 1\n", "t.dl:4: data: more values than NM × N × N"},
        {"DL N=2\ndata:\n0 x\n0 0\n", "t.dl:3: value: \"x\" is not a number"},
        {"DL NR=2 NC=3\n", "t.dl:1: nr: a two-mode"},
        {"DL N=2 format=edgearray\n", "t.dl:1: format: \"edgearray\" is not fullmatrix"},
        {"DL N=2 format=edgelist1\ndata:\n1 3\n", "t.dl:3: data: vertex 3 is beyond N = 2"},
        {"DL N=2 format=edgelist1\ndata:\n1 2 3 4\n", "t.dl:3: data: an EDGELIST1 line holds i j [value]"},
        {"DL N=2 format=edgelist1\ndata:\n1 2\n!\n2 1\n", "t.dl:4: data: more matrices than NM = 1"},
        {"DL N=3\nlabels:\na b\ndata:\n", "t.dl:4: labels: 2 labels where 3 are expected"},
        {"DL N=2\nlabels:\na a\ndata:\n0 1\n0 0\n", "labels: label \"a\" is given twice"},
        {"DL N=2\nlabels:\n\"a b\ndata:\n", "t.dl:3: labels: a quote that is not closed"},
        {"DL N=99999999\n", "n: N = 99999999 is more than 4096"},
        // a fuzz finding: labels counted against the first N, then a second N read past them
        {"DL N=2\nlabels:\na b\nN=3\ndata:\n", "t.dl:4: n: a second N (N = 2 is given already)"},
        {"DL N=2 NM=1 NM=2\n", "t.dl:1: nm: a second NM (NM = 1 is given already)"},
        {"DL N=2 wibble\n", "t.dl:1: \"wibble\" is not a DL keyword"},
        {"DL N=2 format=edgelist1 labels embedded\ndata:\na b\nc a\nd a\n", "t.dl:4: data: \"c\" is one label more than N = 2"},
        {"DL N=2 N=3\n", "t.dl:1: n: a second N (N = 2 is given already)"},
        {"DL N=2 NM=1\nNM=2\n", "t.dl:2: nm: a second NM"},
        {"DL N=2 diagonal=maybe\n", "t.dl:1: diagonal: \"maybe\" is not PRESENT or ABSENT"},
        {"DL N=2 format=lowerhalf labels embedded\ndata:\n", "labels: LABELS EMBEDDED with a half matrix"},
        {"DL N=3 format=lowerhalf\ndata:\n0\n1 0\n1 1\n", "t.dl:5: value: the file ends here (truncated?)"},
        {"DL N=2 format=upperhalf diagonal=absent\ndata:\n1\n1\n", "t.dl:4: data: more values than NM matrices of N hold"},
        {"DL N=2 format=blockmatrix\n", "t.dl:1: format: \"blockmatrix\" is not fullmatrix, lowerhalf"},
    };
    for (const Case& c : cases) {
        INFO(c.text);
        Network net = existing_network();
        const Network before = net;
        try {
            parse_dl(net, c.text, {}, "t.dl");
            FAIL("no error");
        } catch (const parse_error& e) {
            CHECK_THAT(e.what(), Catch::Contains(c.expected));
        }
        CHECK(net == before);
    }
}
