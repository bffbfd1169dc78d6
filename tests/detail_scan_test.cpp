// The scanning helpers every loader leans on: detail::count_lines / count_records (one SSE2
// pass) against a byte-by-byte count, detail::hash_id's spread over ids as files hold them, and
// detail::radix_sort against std::sort.

#include <algorithm>
#include <cstdint>
#include <string>
#include <unordered_set>
#include <vector>

#include <catch2/catch.hpp>

#include "detail/csv_reader.hpp"
#include "detail/hash_id.hpp"
#include "detail/radix_sort.hpp"
#include "detail/random.hpp"

namespace {

// Lines as the readers count them: LF, CRLF and a lone CR each end one.
std::size_t lines_by_bytes(const std::string& s) {
    std::size_t lines = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\n') ++lines;
        else if (s[i] == '\r' && (i + 1 >= s.size() || s[i + 1] != '\n')) ++lines;
    }
    return lines;
}

} // namespace

TEST_CASE("count_lines agrees with a byte-by-byte count across block boundaries", "[csv][scan]") {
    copnet::detail::Rng rng(11, 3);
    // Lengths around the 16-byte steps and the 255-step flush (4,080 bytes), LF-only texts
    // (the fast path) and texts with CRs (the careful one).
    for (const std::size_t length : {0U, 1U, 15U, 16U, 17U, 31U, 4079U, 4080U, 4081U, 8161U, 70000U}) {
        for (const bool with_cr : {false, true}) {
            std::string text(length, 'x');
            for (char& c : text) {
                const std::uint64_t r = rng() % 10;
                if (r < 3) c = '\n';
                else if (with_cr && r == 3) c = '\r';
                else if (r == 4) c = ',';
            }
            INFO("length " << length << (with_cr ? " with CRs" : ""));
            CHECK(copnet::detail::count_lines(text) == lines_by_bytes(text));
        }
    }
    // Every byte a line end: 4,096 LFs fill each byte counter to 255 and past a flush.
    const std::string all(70'000, '\n');
    CHECK(copnet::detail::count_lines(all) == 70'000);
    CHECK(copnet::detail::count_lines(std::string(5000, '\n') + "\r") == 5001);
    CHECK(copnet::detail::count_lines("a\r\nb\r\nc") == 2);
}

TEST_CASE("hash_id spreads ids of one shape over a table's low bits and its tags' high bits",
          "[scan]") {
    // Ids as generated landscapes and exports write them: a prefix and a zero-padded number.
    constexpr std::size_t n = 1 << 16;
    std::unordered_set<std::uint64_t> full;
    std::vector<std::uint32_t> low(n, 0), high(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
        std::string id = std::to_string(i);
        id = "g" + std::string(7 - id.size(), '0') + id;
        const std::uint64_t h = copnet::detail::hash_id(id);
        full.insert(h);
        ++low[h & (n - 1)];
        ++high[h >> 48U];
    }
    CHECK(full.size() == n);  // no two ids share a hash
    // n keys in n buckets: the fullest holds a handful (Poisson(1) tail), not dozens.
    std::uint32_t most_low = 0, most_high = 0;
    for (std::size_t b = 0; b < n; ++b) {
        most_low = std::max(most_low, low[b]);
        most_high = std::max(most_high, high[b]);
    }
    CHECK(most_low <= 10);
    CHECK(most_high <= 10);
    // Length matters: "a" and "a\0" differ; so do ids differing only past their eighth byte.
    CHECK(copnet::detail::hash_id(std::string_view("a", 1)) != copnet::detail::hash_id(std::string_view("a\0", 2)));
    CHECK(copnet::detail::hash_id("stakeholder-0001") != copnet::detail::hash_id("stakeholder-0002"));
}

TEST_CASE("radix_sort orders 64-bit keys as std::sort does", "[scan][sort]") {
    copnet::detail::Rng rng(7, 1);
    std::vector<std::uint64_t> scratch;
    // Sizes around the std::sort cut-off; keys of 1 to 8 significant bytes, with repeats, with
    // bytes that are the same in every key (skipped scatters) and with a top byte in use.
    for (const std::size_t n : {0U, 1U, 2U, 255U, 256U, 257U, 1000U, 65537U}) {
        for (const unsigned bits : {1U, 8U, 9U, 20U, 40U, 63U, 64U}) {
            std::vector<std::uint64_t> keys(n);
            const std::uint64_t mask = bits == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << bits) - 1;
            for (std::uint64_t& k : keys) k = (rng() & mask) | (bits > 16 ? 0xF00 : 0);
            if (n > 10) keys[n / 2] = keys[n / 3];  // a repeat
            std::vector<std::uint64_t> expected = keys;
            std::sort(expected.begin(), expected.end());
            copnet::detail::radix_sort(keys, scratch);
            INFO("n = " << n << ", bits = " << bits);
            CHECK(keys == expected);
        }
    }
    // Already sorted, reversed, and every key equal.
    for (const int shape : {0, 1, 2}) {
        std::vector<std::uint64_t> keys(5000);
        for (std::size_t i = 0; i < keys.size(); ++i)
            keys[i] = shape == 0 ? i << 20U : shape == 1 ? (keys.size() - i) << 20U : 42;
        std::vector<std::uint64_t> expected = keys;
        std::sort(expected.begin(), expected.end());
        copnet::detail::radix_sort(keys, scratch);
        CHECK(keys == expected);
    }
}
