// libFuzzer target for the relations.csv reader and relation formulas (clang only:
// -DCOPNET_BUILD_FUZZERS=ON). Input: relations.csv text, then (after a NUL byte) a formula.
// Property: a read either succeeds, and then what the network declares writes and reads back to
// the same declarations, or throws a copnet::error leaving the network exactly as it was; a
// formula either derives a relation whose ties are all pairs its relations tie, or throws
// invalid_value leaving the network unchanged.
// Run: build-fuzz/tests/fuzz/relations_fuzzer tests/fuzz/corpus-relations
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string_view>

#include "copnet/analysis/relations.hpp"
#include "copnet/error.hpp"
#include "copnet/io/csv.hpp"
#include "copnet/io/relations.hpp"

namespace {

void check_formula(std::string_view formula) {
    copnet::Network net;
    copnet::parse_relations(net, "name,role,direction\nadvice,influence,directed\n"
                                 "cowork,collaboration,mutual\nx y,other,\n");
    copnet::parse_csv(net, "id\na\nb\nc\n",
                      "source,target,relation\na,b,advice\nb,c,cowork\nc,a,x y\na,c,authority\n");
    const copnet::Network before = net;
    copnet::TieKind kind{};
    try {
        kind = copnet::derive_relation(net, formula);
    } catch (const copnet::invalid_value&) {
        if (!(net == before)) std::abort();
        return;
    }
    // Every derived tie joins a pair some relation ties.
    for (const copnet::Tie& t : net.all_ties(copnet::TieFilter::of({kind}))) {
        bool tied = false;
        for (const copnet::Tie& u : before.all_ties())
            tied = tied || (before.stakeholder(u.source).id == net.stakeholder(t.source).id &&
                            before.stakeholder(u.target).id == net.stakeholder(t.target).id) ||
                   (before.stakeholder(u.source).id == net.stakeholder(t.target).id &&
                    before.stakeholder(u.target).id == net.stakeholder(t.source).id);
        if (!tied) std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view all(reinterpret_cast<const char*>(data), size);
    const auto cut = all.find('\0');
    const std::string_view text = all.substr(0, cut);
    if (cut != std::string_view::npos) check_formula(all.substr(cut + 1));
    copnet::Network net;
    copnet::parse_relations(net, "name,role\nkept,affect\n");  // a non-empty target
    const copnet::Network before = net;
    try {
        copnet::parse_relations(net, text);
    } catch (const copnet::error&) {
        if (!(net == before)) std::abort();
        return 0;
    }
    std::ostringstream out;
    copnet::write_relations(net, out);
    copnet::Network back;
    try {
        copnet::parse_relations(back, out.str());
    } catch (const copnet::error&) {
        std::abort();  // what copnet writes, copnet must read
    }
    if (back.relations().size() != net.relations().size()) std::abort();
    for (std::size_t k = 0; k < net.relations().size(); ++k)
        if (!(back.relations()[k] == net.relations()[k])) std::abort();
    return 0;
}
