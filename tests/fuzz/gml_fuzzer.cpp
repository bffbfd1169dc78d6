// libFuzzer target for the gml reader (clang only: -DCOPNET_BUILD_FUZZERS=ON).
// Run: build-fuzz/tests/fuzz/gml_fuzzer -dict=tests/fuzz/gml.dict CORPUS_COPY tests/fuzz/corpus-gml
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "copnet/io/gml.hpp"
#include "foreign_property.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const bool holds = copnet::fuzz::foreign_property_holds(
        text, [](copnet::Network& n, std::string_view t) { copnet::parse_gml(n, t); },
        [](const copnet::Network& n, std::ostream& out) { copnet::write_gml(n, out); });
    if (!holds) std::abort();
    return 0;
}
