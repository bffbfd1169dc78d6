// libFuzzer target for the CSV reader (clang only: -DCOPNET_BUILD_FUZZERS=ON).
// Input: nodes.csv text, a NUL byte, ties.csv text; the first byte's low bit turns on
// create_missing_stakeholders. Run: build-fuzz/tests/fuzz/csv_fuzzer tests/fuzz/corpus
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "csv_property.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const bool create = (data[0] & 1U) != 0;
    const std::string_view all(reinterpret_cast<const char*>(data + 1), size - 1);
    const auto cut = all.find('\0');
    const std::string_view nodes = all.substr(0, cut);
    const std::string_view ties = cut == std::string_view::npos ? std::string_view{}
                                                                : all.substr(cut + 1);
    if (!copnet::fuzz::csv_property_holds(nodes, ties, create)) std::abort();
    return 0;
}
