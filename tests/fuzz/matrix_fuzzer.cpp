// libFuzzer target for the adjacency-matrix reader (clang only: -DCOPNET_BUILD_FUZZERS=ON).
// Run: build-fuzz/tests/fuzz/matrix_fuzzer -dict=tests/fuzz/matrix.dict CORPUS_COPY tests/fuzz/corpus-matrix
// Property: a read that fails leaves a non-empty network as it was; one that succeeds into an
// empty network writes (the relation it read) and reads back to an equal network.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string_view>

#include "copnet/error.hpp"
#include "copnet/io/matrix.hpp"
#include "io_property.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace copnet;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    MatrixOptions o;
    o.relation = "m";
    Network held = fuzz::non_empty();
    const Network before = held;
    try {
        parse_matrix(held, text, o);
    } catch (const error&) {
        if (!(held == before)) std::abort();
    }
    Network net;
    try {
        parse_matrix(net, text, o);
    } catch (const error&) {
        return 0;
    }
    std::ostringstream out;
    const auto kind = net.find_relation("m");
    if (!kind) std::abort();
    try {
        write_matrix(net, out, *kind);
    } catch (const invalid_value&) {
        return 0;  // too many stakeholders for a matrix
    }
    Network back;
    try {
        parse_matrix(back, out.str(), o);
    } catch (const error&) {
        std::abort();
    }
    if (!(back == net)) std::abort();
    return 0;
}
