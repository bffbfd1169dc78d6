// Analyses are const and may run concurrently on one shared Network (DESIGN §2): four threads
// run them at once and must each get exactly the single-threaded answer. Built on its own so that
// scripts/test.sh also runs it under ThreadSanitizer (a data race there is a finding).
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "copnet/analysis/boundary.hpp"
#include "copnet/analysis/centrality.hpp"
#include "copnet/analysis/circles.hpp"
#include "copnet/analysis/components.hpp"
#include "copnet/analysis/network_measures.hpp"
#include "copnet/analysis/reach.hpp"
#include "copnet/generate.hpp"

using namespace copnet;

namespace {

// Everything one thread computes, compared as a whole.
struct Answers {
    std::size_t reached = 0, reached_2 = 0, pieces = 0, core_sum = 0;
    double spread = 0.0, betweenness_sum = 0.0, ei = 0.0, p_greater = 0.0;
    std::vector<double> closeness, pagerank;
    std::size_t strong = 0, strong_cutpoints = 0;
    double average_distance = 0.0;
    friend bool operator==(const Answers&, const Answers&) = default;
};

Answers compute(const Network& net, const std::vector<StakeholderId>& sources, unsigned threads) {
    Answers a;
    a.reached = reach(net, sources).count();
    a.reached_2 = reach(net, sources, {.max_hops = 2}).count();
    a.pieces = components(net).count();
    for (const Coreness& c : coreness(net)) a.core_sum += c.k;
    a.spread = spread(net, sources, {.runs = 300, .seed = 7, .threads = threads}).expected;
    for (const Betweenness& b : betweenness(net, {.samples = 40, .seed = 3, .threads = threads}))
        a.betweenness_sum += b.value;
    const EIResult ei = ei_index(net, "sector", {.permutations = 200, .seed = 5, .threads = threads});
    a.ei = ei.ei_index;
    a.p_greater = ei.p_greater;
    const CentralityTable t = centrality(
        net, {.measures = {Measure::closeness, Measure::pagerank}, .weighted = true, .threads = threads});
    a.closeness = t.column(Measure::closeness);
    a.pagerank = t.column(Measure::pagerank);
    const NetworkMeasures m = network_measures(net, NetworkMeasuresOptions{.threads = threads});
    a.strong = m.strong_components;
    a.strong_cutpoints = m.strong_cutpoints;
    a.average_distance = m.average_distance;
    return a;
}

} // namespace

TEST_CASE("four threads analysing one network get the single-threaded answers", "[threads]") {
    const Network net = generate({.stakeholders = 1500, .ties = 6000, .seed = 11});
    std::vector<StakeholderId> sources;
    for (StakeholderId who : net.stakeholders()) {
        sources.push_back(who);
        if (sources.size() == 3) break;
    }
    const Answers expected = compute(net, sources, 1);
    REQUIRE(expected.reached > 3);
    std::vector<Answers> got(4);
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < got.size(); ++t)
        pool.emplace_back([&, t] { got[t] = compute(net, sources, 1 + t % 2); });
    for (auto& t : pool) t.join();
    for (const Answers& a : got) CHECK(a == expected);
}
