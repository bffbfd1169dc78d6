#include <catch2/catch.hpp>

#include "real_data.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "copnet/analysis/components.hpp"
#include "copnet/io/csv.hpp"

using namespace copnet;

namespace {

const std::string data = std::string(COPNET_SOURCE_DIR) + "/tests/data/";

std::vector<std::size_t> sorted_sizes(const Components& c) {
    auto s = c.sizes;
    std::sort(s.rbegin(), s.rend());
    return s;
}

} // namespace

TEST_CASE("components agree with NetworkX on the real data sets", "[components]") {
    // Reference: len(list(networkx.connected_components(H))) and the sorted sizes, H the
    // undirected graph of one tie kind over every node of nodes.csv (NetworkX 2.8.8).
    const Network ckm = copnet::test::load_real(data, "ckm-physicians");
    const Components advice = components(ckm, TieFilter::of({TieKind::influence}));
    CHECK(advice.count() == 35);
    const auto a = sorted_sizes(advice);
    CHECK(std::vector<std::size_t>(a.begin(), a.begin() + 4) ==
          std::vector<std::size_t>{106, 41, 35, 33});
    const Components discussion = components(ckm, TieFilter::of({TieKind::collaboration}));
    CHECK(discussion.count() == 41);
    CHECK(discussion.largest() == 105);
    const Network padgett =
        copnet::test::load_real(data, "padgett-florentine");
    const Components business = components(padgett, TieFilter::of({TieKind::collaboration}));
    CHECK(business.count() == 6);
    CHECK(business.largest() == 11);
    const Network lazega = copnet::test::load_real(data, "lazega-lawfirm");
    CHECK(components(lazega).count() == 1);
}

TEST_CASE("components ignore direction, skip removed stakeholders and number in slot order",
          "[components]") {
    Network net;
    std::vector<StakeholderId> s;
    for (const char* id : {"a", "b", "c", "d", "e"}) s.push_back(net.add_stakeholder({.id = id}));
    net.add_tie(s[1], s[0], TieKind::influence);   // b → a: a and b together
    net.add_tie(s[3], s[4], TieKind::authority);   // d → e
    Components c = components(net);
    CHECK(c.count() == 3);
    CHECK(c.piece == std::vector<std::int64_t>{0, 0, 1, 2, 2});
    CHECK(c.sizes == std::vector<std::size_t>{2, 1, 2});
    // A filter that follows no authority tie leaves d and e apart.
    CHECK(components(net, TieFilter::of({TieKind::influence})).count() == 4);
    net.remove_stakeholder(s[0]);
    c = components(net);
    CHECK(c.piece[0] == -1);
    CHECK(c.count() == 3);
    CHECK(components(Network{}).count() == 0);
    CHECK(components(Network{}).largest() == 0);
}
