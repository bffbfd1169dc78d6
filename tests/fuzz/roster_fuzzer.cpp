// libFuzzer target for the name-generator roster reader (clang only: -DCOPNET_BUILD_FUZZERS=ON).
// Run: build-fuzz/tests/fuzz/roster_fuzzer -dict=tests/fuzz/roster.dict CORPUS_COPY tests/fuzz/corpus-roster
// Property: a read that fails leaves a non-empty network as it was (with and without creating
// missing stakeholders); one that succeeds into an empty network holds only the relations it
// reports, at most the ties it staged, no self-tie, and reads the same twice.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "copnet/error.hpp"
#include "copnet/io/roster.hpp"
#include "io_property.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace copnet;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    for (const bool create : {false, true}) {
        RosterOptions o;
        o.create_missing_stakeholders = create;
        o.count_repeats = create;
        Network held = fuzz::non_empty();
        const Network before = held;
        try {
            parse_roster(held, text, o);
        } catch (const error&) {
            if (!(held == before)) std::abort();
        }
    }
    Network net;
    RosterReport report;
    try {
        report = parse_roster(net, text);
    } catch (const error&) {
        return 0;
    }
    if (net.tie_count() > report.ties) std::abort();
    for (const Tie& t : net.all_ties()) {
        if (t.source == t.target) std::abort();
        const std::string& name = net.relation(t.kind).name;
        if (std::ranges::find(report.relations, name) == report.relations.end()) std::abort();
    }
    Network again;
    try {
        parse_roster(again, text);
    } catch (const error&) {
        std::abort();
    }
    if (!(again == net)) std::abort();
    return 0;
}
