#pragma once
// Small text helpers shared by the compiled parts (not installed).

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

#include "copnet/error.hpp"

namespace copnet::detail {

[[nodiscard]] constexpr char ascii_lower(char c) noexcept {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

/// ASCII case-insensitive equality.
[[nodiscard]] constexpr bool iequals(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
    return true;
}

/// `text` without leading and trailing spaces and tabs.
[[nodiscard]] constexpr std::string_view trim(std::string_view text) noexcept {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

/// "a, b, c" from a list of spellings.
[[nodiscard]] inline std::string join(std::span<const std::string_view> names) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) out += ", ";
        out += names[i];
    }
    return out;
}

/// The enumerator whose spelling equals `text` (case-insensitive, surrounding blanks ignored).
/// Throws invalid_value: `unknown <what> "text" (expected a, b, c)`.
template <class Enum>
[[nodiscard]] Enum parse_enum(std::string_view text, std::span<const std::string_view> names,
                              std::string_view what) {
    const std::string_view t = trim(text);
    for (std::size_t i = 0; i < names.size(); ++i)
        if (iequals(t, names[i])) return static_cast<Enum>(i);
    throw invalid_value("unknown " + std::string(what) + " \"" + std::string(text) +
                        "\" (expected " + join(names) + ")");
}

} // namespace copnet::detail
