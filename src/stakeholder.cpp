#include "copnet/stakeholder.hpp"

#include <array>
#include <cstdlib>
#include <memory>
#include <string>

#include <utf8proc.h>

#include "copnet/error.hpp"
#include "detail/text.hpp"

namespace copnet {
namespace {

constexpr std::array<std::string_view, 3> level_names{"local", "state", "national"};
constexpr std::array<std::string_view, 4> perspective_names{"decisionmaker", "practitioner",
                                                            "consumer", "unknown"};
constexpr std::array<std::string_view, 3> stance_names{"ally", "neutral", "skeptic"};

} // namespace

std::string_view to_string(Level level) noexcept {
    return level_names.at(static_cast<std::size_t>(level));
}
std::string_view to_string(Perspective perspective) noexcept {
    return perspective_names.at(static_cast<std::size_t>(perspective));
}
std::string_view to_string(Stance stance) noexcept {
    return stance_names.at(static_cast<std::size_t>(stance));
}

Level parse_level(std::string_view text) {
    return detail::parse_enum<Level>(text, level_names, "level");
}
Perspective parse_perspective(std::string_view text) {
    return detail::parse_enum<Perspective>(text, perspective_names, "perspective");
}
Stance parse_stance(std::string_view text) {
    return detail::parse_enum<Stance>(text, stance_names, "stance");
}

bool is_reserved_column(std::string_view name) noexcept {
    static constexpr std::array<std::string_view, 8> reserved{
        "id", "name", "sector", "level", "perspective", "organization", "circle", "stance"};
    for (auto r : reserved)
        if (detail::iequals(name, r)) return true;
    return false;
}

namespace {

bool is_space(unsigned char c) noexcept {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// `text` with white space trimmed and inner runs collapsed to one space (ASCII white space, and
// the no-break space U+00A0 that spreadsheets leave behind).
std::string collapse(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool gap = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        const bool nbsp = c == 0xC2 && i + 1 < text.size() &&
                          static_cast<unsigned char>(text[i + 1]) == 0xA0;
        if (is_space(c) || nbsp) {
            gap = !out.empty();
            if (nbsp) ++i;
            continue;
        }
        if (gap) out.push_back(' ');
        gap = false;
        out.push_back(static_cast<char>(c));
    }
    return out;
}

} // namespace

std::string category_key(std::string_view text) {
    std::string t = collapse(text);
    bool ascii = true;
    for (char c : t) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    if (ascii) {
        for (char& c : t) c = detail::ascii_lower(c);
        return t;
    }
    utf8proc_uint8_t* folded = nullptr;
    const utf8proc_ssize_t n = utf8proc_map(
        reinterpret_cast<const utf8proc_uint8_t*>(t.data()), static_cast<utf8proc_ssize_t>(t.size()),
        &folded, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD));
    if (n < 0) {  // not UTF-8: fold what can be folded
        for (char& c : t) c = detail::ascii_lower(c);
        return t;
    }
    const std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owned(folded, &std::free);
    // Folding can make new white space (rare: compatibility forms are not applied), so collapse
    // once more.
    return collapse(std::string_view(reinterpret_cast<const char*>(folded), static_cast<std::size_t>(n)));
}

Facet::Facet(std::string_view name) : name_(name), field_(Field::attribute) {
    if (name.empty()) throw invalid_value("facet name is empty");
    static constexpr std::array<std::pair<std::string_view, Field>, 7> builtins{{
        {"id", Field::id},
        {"name", Field::name},
        {"sector", Field::sector},
        {"level", Field::level},
        {"perspective", Field::perspective},
        {"organization", Field::organization},
        {"stance", Field::stance},
    }};
    if (detail::iequals(name, "circle"))
        throw invalid_value("\"circle\" is not a facet of a stakeholder: circles belong to a "
                            "community");
    for (const auto& [n, f] : builtins)
        if (detail::iequals(name, n)) field_ = f;
}

std::string_view Facet::operator()(const Stakeholder& s) const {
    switch (field_) {
    case Field::id: return s.id;
    case Field::name: return s.name;
    case Field::sector: return s.sector;
    case Field::level: return s.level ? to_string(*s.level) : std::string_view{};
    case Field::perspective:
        return s.perspective == Perspective::unknown ? std::string_view{}
                                                     : to_string(s.perspective);
    case Field::organization: return s.organization;
    case Field::stance: return to_string(s.stance);
    case Field::attribute: break;
    }
    auto it = s.attributes.find(name_);
    return it == s.attributes.end() ? std::string_view{} : std::string_view{it->second};
}

} // namespace copnet
