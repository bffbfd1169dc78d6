#include <catch2/catch.hpp>

#include "copnet/error.hpp"
#include "copnet/tie.hpp"

using namespace copnet;

TEST_CASE("a tie filter follows its kinds in its direction", "[tie][filter]") {
    const TieFilter all{};
    CHECK(all.follows(TieKind::authority));
    CHECK(all.forward(TieKind::influence));
    CHECK_FALSE(all.backward(TieKind::influence));
    CHECK(all.backward(TieKind::collaboration));  // mutual: both ways whatever the direction

    const TieFilter in = TieFilter::of({TieKind::authority}, Direction::in);
    CHECK(in.follows(TieKind::authority));
    CHECK_FALSE(in.follows(TieKind::influence));
    CHECK_FALSE(in.forward(TieKind::authority));
    CHECK(in.backward(TieKind::authority));
    CHECK_FALSE(in.backward(TieKind::collaboration));  // not among its kinds

    const TieFilter both = TieFilter::of({TieKind::influence}, Direction::both);
    CHECK(both.forward(TieKind::influence));
    CHECK(both.backward(TieKind::influence));
    CHECK(TieFilter::of({}).chosen.none());
    CHECK_FALSE(TieFilter::of({}).follows(TieKind::authority));
}

TEST_CASE("tie filters parse from the CLI's spelling", "[tie][filter]") {
    CHECK(parse_tie_filter("", "out") == TieFilter{});
    CHECK(parse_tie_filter("all", "both") == TieFilter::all(Direction::both));
    CHECK(parse_tie_filter("authority,influence", "in") ==
          TieFilter::of({TieKind::authority, TieKind::influence}, Direction::in));
    CHECK(parse_tie_filter("Collaboration", "out") == TieFilter::of({TieKind::collaboration}));
    CHECK_THROWS_WITH(parse_tie_filter("authority,trust", "out"), Catch::Contains("\"trust\""));
    CHECK_THROWS_AS(parse_tie_filter("authority,", "out"), invalid_value);
    CHECK_THROWS_AS(parse_tie_filter("authority", "up"), invalid_value);
}
