#include "detail/csv_reader.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>

#include "copnet/error.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace copnet::detail {

namespace {

std::size_t line_of(std::string_view text, std::size_t offset) noexcept {
    std::size_t line = 1;
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') ++line;
        else if (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n')) ++line;
    }
    return line;
}

// Length of the valid UTF-8 sequence at `s[i]`, or 0 if it is not valid.
std::size_t utf8_length(std::string_view s, std::size_t i) noexcept {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned c = byte(i);
    const auto cont = [&](std::size_t k) {
        return k < s.size() && (byte(k) & 0xC0U) == 0x80U;
    };
    if (c < 0x80U) return 1;
    if (c >= 0xC2U && c <= 0xDFU) return cont(i + 1) ? 2 : 0;
    if (c >= 0xE0U && c <= 0xEFU) {
        if (!cont(i + 1) || !cont(i + 2)) return 0;
        const unsigned c1 = byte(i + 1);
        if (c == 0xE0U && c1 < 0xA0U) return 0;   // overlong
        if (c == 0xEDU && c1 >= 0xA0U) return 0;  // UTF-16 surrogate
        return 3;
    }
    if (c >= 0xF0U && c <= 0xF4U) {
        if (!cont(i + 1) || !cont(i + 2) || !cont(i + 3)) return 0;
        const unsigned c1 = byte(i + 1);
        if (c == 0xF0U && c1 < 0x90U) return 0;   // overlong
        if (c == 0xF4U && c1 >= 0x90U) return 0;  // past U+10FFFF
        return 4;
    }
    return 0;
}

} // namespace

// One pass for both questions: how many LFs, and is there any CR (then lines are counted the
// slow way). With SSE2, 16 bytes a step: each LF adds one to its byte's counter (a compare is
// -1), and the counters are summed every 255 steps, before a byte can overflow.
std::size_t count_lines(std::string_view text) noexcept {
    const char* p = text.data();
    const char* const end = p + text.size();
    std::size_t lf = 0;
    bool cr = false;
#if defined(__SSE2__)
    const __m128i lf16 = _mm_set1_epi8('\n');
    const __m128i cr16 = _mm_set1_epi8('\r');
    __m128i any_cr = _mm_setzero_si128();
    while (end - p >= 16) {
        __m128i counts = _mm_setzero_si128();
        for (int step = 0; step < 255 && end - p >= 16; ++step, p += 16) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
            counts = _mm_sub_epi8(counts, _mm_cmpeq_epi8(v, lf16));
            any_cr = _mm_or_si128(any_cr, _mm_cmpeq_epi8(v, cr16));
        }
        const __m128i sums = _mm_sad_epu8(counts, _mm_setzero_si128());
        lf += static_cast<std::size_t>(_mm_cvtsi128_si32(sums)) +
              static_cast<std::size_t>(_mm_cvtsi128_si32(_mm_srli_si128(sums, 8)));
    }
    cr = _mm_movemask_epi8(any_cr) != 0;
#endif
    for (; p < end; ++p) {
        lf += static_cast<std::size_t>(*p == '\n');
        cr = cr || *p == '\r';
    }
    return cr ? line_of(text, text.size()) - 1 : lf;
}

std::size_t count_records(std::string_view text) noexcept {
    const std::size_t lines = count_lines(text);
    if (lines <= text.size() / 8) return lines;
    std::size_t records = 0;
    char previous = '\n';
    for (const char c : text) {
        records += static_cast<std::size_t>((c == '\n' || c == '\r') && previous != '\n' && previous != '\r');
        previous = c;
    }
    return records;
}

void validate_utf8(std::string_view text, std::string_view file) {
    std::size_t i = 0;
    while (i < text.size()) {
        // Fast path over ASCII, 32 bytes at a time, then eight.
        while (i + 32 <= text.size()) {
            std::array<std::uint64_t, 4> chunk{};
            std::memcpy(chunk.data(), text.data() + i, 32);
            if (((chunk[0] | chunk[1] | chunk[2] | chunk[3]) & 0x8080808080808080ULL) != 0) break;
            i += 32;
        }
        while (i + 8 <= text.size()) {
            std::uint64_t chunk = 0;
            std::memcpy(&chunk, text.data() + i, 8);
            if ((chunk & 0x8080808080808080ULL) != 0) break;
            i += 8;
        }
        if (i >= text.size()) break;
        const std::size_t n = utf8_length(text, i);
        if (n == 0) {
            char hex[8];
            std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(text[i]));
            throw parse_error(std::string(file), line_of(text, i), "",
                              std::string("invalid UTF-8 (byte ") + hex + " at offset " +
                                  std::to_string(i) + "): save the file as UTF-8");
        }
        i += n;
    }
}

char detect_delimiter(std::string_view text) noexcept {
    std::size_t i = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    while (i < text.size() && (text[i] == '\n' || text[i] == '\r')) ++i;
    std::size_t commas = 0, semicolons = 0, tabs = 0;
    bool quoted = false;
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '"') quoted = !quoted;  // a doubled quote toggles twice
        else if (quoted) continue;
        else if (c == '\n' || c == '\r') break;
        else if (c == ',') ++commas;
        else if (c == ';') ++semicolons;
        else if (c == '\t') ++tabs;
    }
    if (semicolons > commas && semicolons >= tabs) return ';';
    if (tabs > commas && tabs > semicolons) return '\t';
    return ',';
}

std::string cp1252_to_utf8(std::string_view text, std::string_view file) {
    // 0x80-0x9F as Windows-1252 defines them (0 = undefined); 0xA0-0xFF are U+00A0-U+00FF.
    static constexpr std::array<char16_t, 32> high{
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
        0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto b = static_cast<unsigned char>(text[i]);
        if (b < 0x80) {
            out += static_cast<char>(b);
            continue;
        }
        const char32_t cp = b < 0xA0 ? high[b - 0x80] : b;
        if (cp == 0) {
            char hex[8];
            std::snprintf(hex, sizeof hex, "0x%02X", b);
            throw parse_error(std::string(file), line_of(text, i), "",
                              std::string("byte ") + hex +
                                  " is neither UTF-8 nor a Windows-1252 character: save the "
                                  "file as UTF-8");
        }
        if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
        } else {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        }
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
    return out;
}

bool looks_single_byte(std::string_view text) noexcept {
    bool high = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (static_cast<unsigned char>(text[i]) < 0x80) continue;
        high = true;
        const std::size_t n = utf8_length(text, i);
        if (n > 1) return false;  // a real multi-byte sequence: UTF-8, perhaps damaged
    }
    return high;
}

RecordReader::RecordReader(std::string& buffer, std::string_view file, char delimiter) noexcept
    : p_(buffer.data()), end_(buffer.data() + buffer.size()), file_(file), delimiter_(delimiter) {
    if (buffer.size() >= 3 && buffer.compare(0, 3, "\xEF\xBB\xBF") == 0) p_ += 3;
}

bool RecordReader::next(std::vector<std::string_view>& fields) {
    fields.clear();
    while (p_ < end_ && (*p_ == '\n' || *p_ == '\r')) {
        if (*p_ == '\r' && p_ + 1 < end_ && p_[1] == '\n') ++p_;
        ++p_;
        ++line_;
    }
    if (p_ >= end_) return false;
    record_line_ = line_;
    for (;;) {
        if (p_ < end_ && *p_ == '"') {
            const std::size_t opened = line_;
            ++p_;
            char* const start = p_;
            char* out = p_;
            for (;;) {
                if (p_ >= end_)
                    throw parse_error(std::string(file_), opened, "",
                                      "field " + std::to_string(fields.size() + 1) +
                                          ": a quoted field is not closed (missing '\"')");
                const char c = *p_;
                if (c == '"') {
                    if (p_ + 1 < end_ && p_[1] == '"') {
                        *out++ = '"';
                        p_ += 2;
                        continue;
                    }
                    ++p_;
                    break;
                }
                if (c == '\n' || (c == '\r' && !(p_ + 1 < end_ && p_[1] == '\n'))) ++line_;
                *out++ = c;
                ++p_;
            }
            fields.emplace_back(start, static_cast<std::size_t>(out - start));
            if (p_ < end_ && *p_ != delimiter_ && *p_ != '\n' && *p_ != '\r')
                throw parse_error(std::string(file_), line_, "",
                                  "field " + std::to_string(fields.size()) +
                                      ": text after a closing quote (expected '" +
                                      (delimiter_ == '\t' ? std::string("\\t")
                                                           : std::string(1, delimiter_)) +
                                      "' or a line end)");
        } else {
            char* const start = p_;
            while (p_ < end_) {
                const char c = *p_;
                if (c == delimiter_ || c == '\n' || c == '\r') break;
                if (c == '"')
                    throw parse_error(std::string(file_), line_, "",
                                      "field " + std::to_string(fields.size() + 1) +
                                          ": a '\"' inside an unquoted field (quote the whole "
                                          "field and double the '\"')");
                ++p_;
            }
            fields.emplace_back(start, static_cast<std::size_t>(p_ - start));
        }
        if (p_ >= end_) return true;
        if (*p_ == delimiter_) {
            ++p_;
            continue;
        }
        if (*p_ == '\r' && p_ + 1 < end_ && p_[1] == '\n') ++p_;
        ++p_;
        ++line_;
        return true;
    }
}

} // namespace copnet::detail
