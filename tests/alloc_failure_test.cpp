// Every reader under allocation failure: the k-th allocation (k = 1, 2, …) fails with
// std::bad_alloc, and the load must then leave the network as it was, letting only bad_alloc or a
// copnet error escape. A program of its own: alloc_failure.cpp replaces the global operator new.
#include <new>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "alloc_failure.hpp"
#include "copnet/error.hpp"
#include "copnet/io/archive.hpp"
#include "copnet/io/csv.hpp"
#include "copnet/io/graphml.hpp"
#include "copnet/io/json.hpp"
#include "copnet/io/membership.hpp"
#include "io_common.hpp"


using namespace copnet;

namespace {

// Runs `load(net)` with the k-th allocation failing, for k = 1, 2, … until a load succeeds; after
// each failure `net` must equal `before`. Returns the number of failures injected.
template <class Load>
std::size_t fail_each_allocation(const Network& before, Load load) {
    {  // without a failure, the load succeeds
        Network net = before;
        load(net);
    }
    std::size_t failures = 0;
    for (long k = 0; k < 200000; ++k) {
        Network net = before;
        const std::size_t communities = net.communities().size();
        bool failed = false;
        test::fail_nth_allocation(k);
        try {
            load(net);
        } catch (const std::bad_alloc&) {
            failed = true;
        } catch (const error&) {  // a copnet error is allowed (e.g. "out of memory" from libxml2)
            failed = true;
        }
        test::fail_nth_allocation(-1);
        const bool injected = test::injected_allocation_failure();
        if (!failed && !injected) return failures;
        if (!failed) continue;  // a failure absorbed inside the load: the next k
        REQUIRE(injected);
        ++failures;
        INFO("allocation " << k + 1 << " failed");
        REQUIRE(net.communities().size() == communities);
        REQUIRE(net == before);
    }
    FAIL("no load succeeded");
    return failures;
}

} // namespace

TEST_CASE("CSV: a failed allocation anywhere leaves the network unchanged", "[alloc][csv]") {
    const std::string nodes = "id,sector,circle,circle:other,role\np,x,core,inner,r\nq,y,outer,,\nr,x,,core,q\n";
    const std::string ties = "source,target,kind,weight\np,q,influence,0.5\nq,r,authority,1\nr,p,collaboration,0.2\n";
    // Into an empty network, and into one holding stakeholders, ties, attributes and communities.
    CHECK(fail_each_allocation(Network(), [&](Network& n) { parse_csv(n, nodes, ties); }) > 10);
    CHECK(fail_each_allocation(test::tiny_network(), [&](Network& n) { parse_csv(n, nodes, ties); }) > 10);
    // Merged ties (the larger weight) are rolled back too.
    Network with_ties;
    parse_csv(with_ties, "id\nz\n", "source,target,kind\n");
    CHECK(fail_each_allocation(with_ties, [&](Network& n) {
              parse_csv(n, "id\np\nq\n", "source,target,kind,weight\np,q,influence,0.1\np,q,influence,0.9\nz,p,influence,1\n");
          }) > 10);
}

TEST_CASE("JSON: a failed allocation anywhere leaves the network unchanged", "[alloc][json]") {
    const std::string text = R"({"directed": true, "graph": {"domain:c": "d", "attribute_names": ["role"]},
        "nodes": [{"id": "p", "sector": "x", "circle:c": "core", "role": "r"}, {"id": 2, "w": 1.5}],
        "links": [{"source": "p", "target": 2, "kind": "authority", "weight": 0.5}], "x": [[1, {"y": 2}]]})";
    CHECK(fail_each_allocation(test::tiny_network(), [&](Network& n) { parse_json(n, text); }) > 10);
}

TEST_CASE("GraphML: a failed allocation anywhere leaves the network unchanged", "[alloc][graphml]") {
    const std::string text = R"(<?xml version="1.0"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="sector" attr.type="string"/>
  <key id="d1" for="node" attr.name="role" attr.type="string"><default>none</default></key>
  <key id="d2" for="edge" attr.name="weight" attr.type="double"/>
  <graph edgedefault="directed">
    <node id="p"><data key="d0">x</data></node>
    <node id="q"><data key="d1">lead</data></node>
    <edge source="p" target="q"><data key="d2">0.5</data></edge>
  </graph>
</graphml>)";
    CHECK(fail_each_allocation(test::tiny_network(), [&](Network& n) { parse_graphml(n, text); }) > 10);
}

TEST_CASE("membership snapshots: a failed allocation anywhere leaves the network unchanged",
          "[alloc][membership]") {
    Network net = test::tiny_network();
    std::string text = "id,circle\n";
    for (StakeholderId who : net.stakeholders()) text += net.stakeholder(who).id + ",inner\n";
    CHECK(fail_each_allocation(net, [&](Network& n) { (void)parse_membership(n, text, "snapshot"); }) > 3);
}

// ---- archives and membership snapshots -------------------------------------------------------

namespace {

using copnet::test::existing_network;
using copnet::test::archive_of;
using copnet::test::tiny_network;

} // namespace

TEST_CASE("an allocation failing anywhere in an archive load leaves the network unchanged",
          "[io][archive][alloc]") {
    // Only copnet errors escape, or std::bad_alloc itself, and `into` is then as it was.
    const Network wanted = tiny_network();
    for (ArchiveKind kind : {ArchiveKind::text, ArchiveKind::binary, ArchiveKind::xml}) {
        INFO(to_string(kind));
        const std::string bytes = archive_of(wanted, kind);
        const Network before = existing_network();
        std::size_t failures = 0;
        bool loaded = false;
        for (long k = 0; k < 100000 && !loaded; ++k) {
            Network net = existing_network();
            copnet::test::fail_nth_allocation(k);
            try {
                parse_archive(net, bytes, kind, "state");
                loaded = true;
            } catch (const parse_error& e) {
                copnet::test::fail_nth_allocation(-1);
                CHECK_THAT(e.what(), Catch::Contains("out of memory"));
            } catch (const std::bad_alloc&) {
            }
            copnet::test::fail_nth_allocation(-1);
            const bool injected = copnet::test::injected_allocation_failure();
            INFO("allocation " << k << (injected ? " failed" : " not reached"));
            if (loaded) {
                CHECK(net == wanted);
                loaded = !injected;  // a failure absorbed inside: go on with the next k
            } else {
                REQUIRE(injected);
                ++failures;
                CHECK(net == before);
            }
        }
        CHECK(loaded);
        CHECK(failures > 50);
    }
}

TEST_CASE("a membership snapshot that fails, allocation failure included, changes nothing",
          "[circles][membership][alloc]") {
    // Regression (issue 16): parse_membership left an empty community behind when it failed.
    Network net;
    for (int i = 0; i < 200; ++i) net.add_stakeholder({.id = "s" + std::to_string(i)});
    net.add_community("existing").set_circle(net.at("s1"), Circle::inner);
    const Network before = net;
    std::string text = "id,circle\n";
    for (int i = 0; i < 120; ++i) text += "s" + std::to_string(i) + "," + (i % 3 == 0 ? "core" : "outer") + "\n";
    std::size_t failures = 0;
    for (long k = 0; k < 100000; ++k) {
        bool loaded = false;
        copnet::test::fail_nth_allocation(k);
        try {
            (void)parse_membership(net, text, "snap", "snap.csv");
            loaded = true;
        } catch (const parse_error&) {  // an out-of-memory may be reported as such
        } catch (const std::bad_alloc&) {
        }
        copnet::test::fail_nth_allocation(-1);
        const bool injected = copnet::test::injected_allocation_failure();
        if (loaded) {
            REQUIRE(net.find_community("snap") != nullptr);
            CHECK(net.community("snap").member_count() == 120);
            CHECK(net.community("snap").count(Circle::core) == 40);
            REQUIRE(net.remove_community("snap"));
            CHECK(net == before);
            if (!injected) break;
            continue;
        }
        REQUIRE(injected);
        ++failures;
        INFO("allocation " << k << " failed");
        CHECK(net.find_community("snap") == nullptr);
        CHECK(net.communities().size() == 1);
        CHECK(net == before);
    }
    CHECK(failures > 100);  // set_circle's own allocations (the sparse map and then the dense vector) among them
}
