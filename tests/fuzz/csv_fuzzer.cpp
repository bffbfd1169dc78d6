// libFuzzer target for the CSV reader (clang only: -DCOPNET_BUILD_FUZZERS=ON).
// Input: a byte of option flags (csv_property_holds: create missing stakeholders, decimal
// comma, scale count, strict UTF-8), nodes.csv text, a NUL byte, ties.csv text. Run: build-fuzz/tests/fuzz/csv_fuzzer tests/fuzz/corpus
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "csv_property.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const unsigned flags = data[0] & 0x0FU;
    const std::string_view all(reinterpret_cast<const char*>(data + 1), size - 1);
    const auto cut = all.find('\0');
    const std::string_view nodes = all.substr(0, cut);
    const std::string_view ties = cut == std::string_view::npos ? std::string_view{}
                                                                : all.substr(cut + 1);
    if (!copnet::fuzz::csv_property_holds(nodes, ties, flags)) std::abort();
    return 0;
}
