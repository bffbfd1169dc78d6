#include <catch2/catch.hpp>

#include "copnet/community.hpp"
#include "copnet/error.hpp"
#include "copnet/network.hpp"

using namespace copnet;

TEST_CASE("a community gives every stakeholder a circle", "[community]") {
    Network net;
    std::vector<StakeholderId> s;
    for (int i = 0; i < 6; ++i) s.push_back(net.add_stakeholder({.id = "s" + std::to_string(i)}));
    Community& cop = net.add_community("employment", "jobs for youth with disabilities");
    CHECK(cop.name() == "employment");
    CHECK(cop.domain() == "jobs for youth with disabilities");
    CHECK(cop.count(Circle::none) == 6);
    cop.set_circle(s[0], Circle::core);
    cop.set_circle(s[1], Circle::inner);
    cop.set_circle(s[2], Circle::inner);
    cop.set_circle(s[3], Circle::outer);
    CHECK(cop.count(Circle::core) == 1);
    CHECK(cop.count(Circle::inner) == 2);
    CHECK(cop.count(Circle::outer) == 1);
    CHECK(cop.count(Circle::none) == 2);
    CHECK(cop.member_count() == 4);
    CHECK(cop.members(Circle::inner) == std::vector<StakeholderId>{s[1], s[2]});
    CHECK(cop.members_within(Circle::inner) == std::vector<StakeholderId>{s[0], s[1], s[2]});
    CHECK(cop.members_within(Circle::none).size() == 6);
    CHECK(cop.is_member(s[3]));
    CHECK_FALSE(cop.is_member(s[4]));
    cop.set_circle(s[2], Circle::outer);  // moving out
    CHECK(cop.count(Circle::inner) == 1);
    CHECK(cop.count(Circle::outer) == 2);
    cop.set_circle(s[3], Circle::none);   // leaving
    CHECK(cop.member_count() == 3);
    CHECK(cop.circle(s[3]) == Circle::none);
    CHECK_THROWS_AS(cop.set_circle(StakeholderId(77), Circle::core), unknown_stakeholder);
}

TEST_CASE("several communities over one network", "[community]") {
    Network net;
    const auto a = net.add_stakeholder({.id = "a"});
    const auto b = net.add_stakeholder({.id = "b"});
    Community& one = net.add_community("one");
    Community& two = net.add_community("two");
    one.set_circle(a, Circle::core);
    two.set_circle(a, Circle::outer);
    two.set_circle(b, Circle::core);
    CHECK(one.circle(a) == Circle::core);
    CHECK(two.circle(a) == Circle::outer);
    CHECK(net.communities().size() == 2);
    CHECK(&net.community("two") == &two);
    CHECK(net.find_community("three") == nullptr);
    CHECK_THROWS_AS(net.add_community("one"), invalid_value);
    CHECK_THROWS_AS(net.add_community(""), invalid_value);
    CHECK_THROWS_AS(net.community("three"), invalid_value);
    CHECK(net.remove_community("one"));
    CHECK_FALSE(net.remove_community("one"));
    CHECK(net.communities().size() == 1);
    CHECK(two.circle(b) == Circle::core);  // the other community's reference is still good
}

TEST_CASE("removing a stakeholder removes it from every community", "[community][ids]") {
    Network net;
    const auto a = net.add_stakeholder({.id = "a"});
    const auto b = net.add_stakeholder({.id = "b"});
    const auto c = net.add_stakeholder({.id = "c"});
    Community& one = net.add_community("one");
    Community& two = net.add_community("two");
    one.set_circle(a, Circle::core);
    one.set_circle(b, Circle::inner);
    two.set_circle(b, Circle::outer);
    net.remove_stakeholder(b);
    CHECK(one.count(Circle::inner) == 0);
    CHECK(one.member_count() == 1);
    CHECK(one.count(Circle::none) == 1);  // c; b is gone from the landscape
    CHECK(two.member_count() == 0);
    CHECK(one.members_within(Circle::none) == std::vector<StakeholderId>{a, c});
    CHECK_THROWS_AS(one.circle(b), unknown_stakeholder);
    CHECK_THROWS_AS(two.set_circle(b, Circle::core), unknown_stakeholder);
    const auto d = net.add_stakeholder({.id = "b"});  // same id, new stakeholder: not a member
    CHECK(one.circle(d) == Circle::none);
    CHECK(two.circle(d) == Circle::none);
}

TEST_CASE("communities move and copy with their network", "[community]") {
    Network net;
    const auto a = net.add_stakeholder({.id = "a"});
    Community& cop = net.add_community("cop");
    cop.set_circle(a, Circle::inner);
    Network moved = std::move(net);
    CHECK(&moved.community("cop") == &cop);  // the reference followed the move
    net.add_stakeholder({.id = "x"});          // the moved-from network is empty and usable
    CHECK(net.communities().empty());
    moved.remove_stakeholder(a);
    CHECK(cop.count(Circle::inner) == 0);
}
