// Every reader under allocation failure: the k-th allocation (k = 1, 2, …) fails with
// std::bad_alloc, and the load must then leave the network as it was, letting only bad_alloc or a
// copnet error escape. A program of its own: it replaces the global operator new.
#include <cstdlib>
#include <new>
#include <string>

#include <catch2/catch.hpp>

#include "copnet/error.hpp"
#include "copnet/io/csv.hpp"
#include "copnet/io/graphml.hpp"
#include "copnet/io/json.hpp"
#include "copnet/io/membership.hpp"
#include "io_common.hpp"

namespace {

thread_local long g_countdown = -1;  // allocations left before one fails; -1: never
thread_local long g_allocations = 0;  // allocations made (counted always)

void* allocate(std::size_t size) {
    ++g_allocations;
    if (g_countdown == 0) {
        g_countdown = -1;
        throw std::bad_alloc();
    }
    if (g_countdown > 0) --g_countdown;
    if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
    throw std::bad_alloc();
}

} // namespace

void* operator new(std::size_t size) { return allocate(size); }
void* operator new[](std::size_t size) { return allocate(size); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }

using namespace copnet;

namespace {

// Runs `load(net)` with the k-th allocation failing, for k = 1, 2, … until a load succeeds; after
// each failure `net` must equal `before`. Returns the number of failures injected.
template <class Load>
std::size_t fail_each_allocation(const Network& before, Load load) {
    {  // without a failure, the load succeeds: count its allocations
        Network net = before;
        const long start = g_allocations;
        load(net);
        REQUIRE(g_allocations - start > 0);
    }
    std::size_t failures = 0;
    for (long k = 0; k < 200000; ++k) {
        Network net = before;
        const std::size_t communities = net.communities().size();
        bool failed = false;
        try {
            g_countdown = k;
            load(net);
            g_countdown = -1;
        } catch (const std::bad_alloc&) {
            g_countdown = -1;
            failed = true;
        } catch (const error& e) {  // a copnet error is allowed (e.g. "out of memory" from libxml2)
            g_countdown = -1;
            failed = true;
        }
        if (!failed) return failures;
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
