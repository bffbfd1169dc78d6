// libFuzzer target for the archive readers (clang only: -DCOPNET_BUILD_FUZZERS=ON).
// Input: one byte choosing the kind (value % 3: text, binary, XML), then the archive.
// Run: build-fuzz/tests/fuzz/archive_fuzzer -dict=tests/fuzz/archive.dict tests/fuzz/corpus-archive
// Seeds: tiny-{txt,bin,xml} are version-2 archives, whose checksum makes almost every mutation
// an error at the end of the record (the parsing before it is still exercised); the version-1
// seeds tiny-*-v1 have no checksum, so their mutations also reach the load-write-reload check.
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
