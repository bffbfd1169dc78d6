// Deterministic mutation fuzzing of the CSV reader, run with the suite (and so under ASan and
// UBSan in CI): thousands of damaged variants of the bundled examples, each checked against the
// property in fuzz/csv_property.hpp. The libFuzzer target explores further (tests/fuzz/).
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

#include "fuzz/csv_property.hpp"

namespace {

std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string mutate(std::string text, std::mt19937& rng) {
    static constexpr std::string_view alphabet = ",\"\r\n\0 ab1.-\xEF\xBB\xBF\xC3\xFF";
    const int edits = 1 + static_cast<int>(rng() % 4);
    for (int i = 0; i < edits && !text.empty(); ++i) {
        const std::size_t at = rng() % text.size();
        const char c = alphabet[rng() % alphabet.size()];
        switch (rng() % 5) {
        case 0: text[at] = c; break;                                   // replace a byte
        case 1: text.insert(text.begin() + static_cast<long>(at), c); break;  // insert
        case 2: text.erase(at, 1 + rng() % 8); break;                 // delete a run
        case 3: text.resize(at); break;                                // truncate
        default: text.insert(at, text.substr(rng() % text.size(), 1 + rng() % 40)); break;
        }
    }
    return text;
}

} // namespace

TEST_CASE("damaged CSV never crashes, never half-loads, and what loads round-trips",
          "[csv][fuzz]") {
    const std::filesystem::path data =
        std::filesystem::path(COPNET_SOURCE_DIR) / "examples" / "data" / "state-employment";
    const std::string nodes = slurp(data / "nodes.csv");
    const std::string ties = slurp(data / "ties.csv");
    REQUIRE(copnet::fuzz::csv_property_holds(nodes, ties, 0));
    std::mt19937 rng(20261122);
    int loaded = 0;
    for (int i = 0; i < 1500; ++i) {
        const bool damage_nodes = (i % 2) == 0;
        const std::string n = damage_nodes ? mutate(nodes, rng) : nodes;
        const std::string t = damage_nodes ? ties : mutate(ties, rng);
        const unsigned flags = static_cast<unsigned>(i % 16);  // every combination of options
        INFO("variant " << i);
        REQUIRE(copnet::fuzz::csv_property_holds(n, t, flags));
        copnet::Network probe;
        try {
            copnet::parse_csv(probe, n, t);
            ++loaded;
        } catch (const copnet::error&) {
        }
    }
    // Both outcomes occur, so the test exercises the error paths and the round trip alike.
    CHECK(loaded > 50);
    CHECK(loaded < 1450);
}
