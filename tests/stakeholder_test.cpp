#include <catch2/catch.hpp>

#include "copnet/community.hpp"
#include "copnet/error.hpp"
#include "copnet/stakeholder.hpp"
#include "copnet/tie.hpp"

using namespace copnet;

TEST_CASE("every level parses from and prints to its CSV spelling", "[stakeholder][enum]") {
    for (Level l : {Level::local, Level::state, Level::national}) {
        CHECK(parse_level(to_string(l)) == l);
    }
    CHECK(to_string(Level::local) == "local");
    CHECK(to_string(Level::national) == "national");
    CHECK(parse_level("STATE") == Level::state);
    CHECK(parse_level(" Local ") == Level::local);
    CHECK(Level::local < Level::state);
    CHECK(Level::state < Level::national);
}

TEST_CASE("every perspective, stance, circle and tie kind round-trips", "[stakeholder][enum]") {
    for (Perspective p : {Perspective::decisionmaker, Perspective::practitioner,
                          Perspective::consumer, Perspective::unknown})
        CHECK(parse_perspective(to_string(p)) == p);
    CHECK(to_string(Perspective::decisionmaker) == "decisionmaker");
    for (Stance s : {Stance::ally, Stance::neutral, Stance::skeptic})
        CHECK(parse_stance(to_string(s)) == s);
    CHECK(to_string(Stance::skeptic) == "skeptic");
    for (Circle c : {Circle::core, Circle::inner, Circle::outer, Circle::none})
        CHECK(parse_circle(to_string(c)) == c);
    CHECK(parse_circle("Inner") == Circle::inner);
    for (TieKind k : {TieKind::authority, TieKind::influence, TieKind::collaboration})
        CHECK(parse_tie_kind(to_string(k)) == k);
    CHECK(to_string(TieKind::collaboration) == "collaboration");
    for (Direction d : {Direction::out, Direction::in, Direction::both})
        CHECK(parse_direction(to_string(d)) == d);
}

TEST_CASE("unknown spellings are errors that name the value", "[stakeholder][enum]") {
    CHECK_THROWS_WITH(parse_level("regional"),
                      "unknown level \"regional\" (expected local, state, national)");
    CHECK_THROWS_AS(parse_level(""), invalid_value);
    CHECK_THROWS_WITH(parse_perspective("funder"), Catch::Contains("\"funder\""));
    CHECK_THROWS_WITH(parse_stance("hostile"), Catch::Contains("ally, neutral, skeptic"));
    CHECK_THROWS_WITH(parse_circle("middle"), Catch::Contains("\"middle\""));
    CHECK_THROWS_WITH(parse_tie_kind("friendship"),
                      "unknown tie kind \"friendship\" (expected authority, influence, "
                      "collaboration)");
    CHECK_THROWS_AS(parse_direction("sideways"), invalid_value);
    // invalid_value is a copnet::error, catchable at the root.
    CHECK_THROWS_AS(parse_level("x"), copnet::error);
}

TEST_CASE("a facet reads built-in fields and attributes", "[stakeholder][facet]") {
    Stakeholder s{.id = "fam-1", .name = "Ortiz, Maria", .sector = "families",
                  .level = Level::local, .perspective = Perspective::consumer,
                  .organization = "Parent Center", .stance = Stance::skeptic,
                  .attributes = {{"county", "Hill"}}};
    CHECK(Facet("sector")(s) == "families");
    CHECK(Facet("Level")(s) == "local");
    CHECK(Facet("perspective")(s) == "consumer");
    CHECK(Facet("stance")(s) == "skeptic");
    CHECK(Facet("organization")(s) == "Parent Center");
    CHECK(Facet("county")(s) == "Hill");
    CHECK(Facet("county").is_attribute());
    CHECK_FALSE(Facet("sector").is_attribute());
    CHECK(Facet("missing")(s).empty());
    s.level.reset();
    s.perspective = Perspective::unknown;
    CHECK(Facet("level")(s).empty());
    CHECK(Facet("perspective")(s).empty());
    CHECK_THROWS_AS(Facet(""), invalid_value);
    CHECK_THROWS_AS(Facet("circle"), invalid_value);
}

TEST_CASE("reserved column names are the built-in ones", "[stakeholder]") {
    CHECK(is_reserved_column("ID"));
    CHECK(is_reserved_column("circle"));
    CHECK_FALSE(is_reserved_column("county"));
    CHECK_FALSE(is_reserved_column("circle:other"));
}
