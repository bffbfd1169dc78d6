#include <catch2/catch.hpp>

#include "copnet/summary.hpp"

using namespace copnet;

TEST_CASE("a summary counts stakeholders, ties by kind, circles, levels and stances",
          "[summary]") {
    Network net;
    const auto a = net.add_stakeholder({.id = "a", .level = Level::state});
    const auto b = net.add_stakeholder({.id = "b", .level = Level::local, .stance = Stance::skeptic});
    const auto c = net.add_stakeholder({.id = "c"});
    const auto d = net.add_stakeholder({.id = "d", .level = Level::national});
    net.add_tie(a, b, TieKind::authority);
    net.add_tie(c, b, TieKind::influence);
    net.add_tie(d, b, TieKind::influence);
    net.add_tie(a, d, TieKind::collaboration);
    Community& cop = net.add_community("cop");
    cop.set_circle(a, Circle::core);
    cop.set_circle(b, Circle::outer);
    cop.set_circle(c, Circle::outer);
    net.remove_stakeholder(d);

    const Summary s = summarize(net, &cop);
    CHECK(s.stakeholders == 3);
    CHECK(s.ties == 2);
    CHECK(s.ties_by_kind == std::array<std::size_t, 3>{1, 1, 0});
    CHECK(s.community == "cop");
    CHECK(s.circles == std::array<std::size_t, 4>{1, 0, 2, 0});
    CHECK(s.levels == std::array<std::size_t, 4>{1, 1, 0, 1});
    CHECK(s.stances == std::array<std::size_t, 3>{0, 2, 1});

    const Summary none = summarize(net);
    CHECK(none.community.empty());
    CHECK(none.circles == std::array<std::size_t, 4>{0, 0, 0, 3});
}
