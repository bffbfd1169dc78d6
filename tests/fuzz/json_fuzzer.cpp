// libFuzzer target for the json reader (clang only: -DCOPNET_BUILD_FUZZERS=ON).
// Run: build-fuzz/tests/fuzz/json_fuzzer tests/fuzz/corpus-json
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "io_property.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    if (!copnet::fuzz::json_property_holds(text)) std::abort();
    return 0;
}
