#include "copnet/stakeholder.hpp"

#include <array>
#include <string>

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
