// libFuzzer target for the archive readers (clang only: -DCOPNET_BUILD_FUZZERS=ON).
// Input: one byte choosing the kind (value % 3: text, binary, XML), then the archive.
// Run: build-fuzz/tests/fuzz/archive_fuzzer tests/fuzz/corpus-archive
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "io_property.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const auto kind = static_cast<copnet::ArchiveKind>(data[0] % 3);
    const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    if (!copnet::fuzz::archive_property_holds(text, kind)) std::abort();
    return 0;
}
