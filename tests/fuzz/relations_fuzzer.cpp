// libFuzzer target for the relations.csv reader (clang only: -DCOPNET_BUILD_FUZZERS=ON).
// Property: a read either succeeds, and then what the network declares writes and reads back to
// the same declarations, or throws a copnet::error leaving the network exactly as it was.
// Run: build-fuzz/tests/fuzz/relations_fuzzer tests/fuzz/corpus-relations
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string_view>

#include "copnet/error.hpp"
#include "copnet/io/relations.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
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
