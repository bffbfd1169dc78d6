#pragma once
// Small text helpers shared by the compiled parts (not installed).

#include <array>
#include <charconv>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>

#include "copnet/error.hpp"

namespace copnet::detail {

/// The shortest decimal text that reads back to exactly `x` (std::to_chars). Cost: O(1).
[[nodiscard]] inline std::string shortest(double x) {
    std::array<char, 32> buf{};
    const auto end = std::to_chars(buf.data(), buf.data() + buf.size(), x).ptr;
    return {buf.data(), end};
}

/// What `append_xml_escaped` does with a control character (below U+0020).
enum class XmlControl {
    /// Written as a space (text for people: SVG, DOT labels); tab and line feed kept.
    as_space,
    /// Tab, line feed and carriage return as character references (`&#9;`, so that a reader
    /// gets them back exactly); any other control character throws invalid_value (XML 1.0
    /// cannot hold it).
    as_reference,
};

/// Appends `text` to `out` escaped for XML content and attribute values (`&` `<` `>` `"`), the
/// one escaper of the GraphML, SVG and DOT writers. Cost: O(|text|).
/// Throws: invalid_value (with `XmlControl::as_reference`, naming the text).
inline void append_xml_escaped(std::string& out, std::string_view text, XmlControl control) {
    for (const char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default:
            if (static_cast<unsigned char>(c) >= 0x20) {
                out += c;
            } else if (control == XmlControl::as_space) {
                out += (c == '\t' || c == '\n') ? c : ' ';
            } else if (c == '\t' || c == '\n' || c == '\r') {
                out += c == '\t' ? "&#9;" : c == '\n' ? "&#10;" : "&#13;";
            } else {
                throw invalid_value("text \"" + std::string(text) +
                                    "\" holds a control character that XML cannot hold");
            }
        }
    }
}

[[nodiscard]] constexpr char ascii_lower(char c) noexcept {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

/// `text` with ASCII letters lowered (other bytes kept): the one folding of header names and
/// keywords. Cost: O(|text|).
[[nodiscard]] inline std::string ascii_lowered(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = ascii_lower(c);
    return out;
}

/// ASCII case-insensitive equality.
[[nodiscard]] constexpr bool iequals(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
    return true;
}

/// `text` without leading and trailing spaces and tabs.
/// True when `text` is a relation formula: it holds `&`, `|`, `!` or a parenthesis. O(|text|).
[[nodiscard]] constexpr bool is_formula(std::string_view text) noexcept {
    return text.find_first_of("&|!()") != std::string_view::npos;
}

/// A relation formula's name: the formula without blanks (spaces, tabs). O(|text|).
[[nodiscard]] inline std::string formula_name(std::string_view text) {
    std::string out;
    for (char c : text)
        if (c != ' ' && c != '\t') out.push_back(c);
    return out;
}

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
