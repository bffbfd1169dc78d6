#include "copnet/community.hpp"

#include <array>
#include <string>

#include "copnet/error.hpp"
#include "copnet/graph.hpp"
#include "detail/text.hpp"

namespace copnet {
namespace {
constexpr std::array<std::string_view, 4> circle_names{"core", "inner", "outer", "none"};
} // namespace

std::string_view to_string(Circle circle) noexcept {
    return circle_names.at(static_cast<std::size_t>(circle));
}
Circle parse_circle(std::string_view text) {
    return detail::parse_enum<Circle>(text, circle_names, "circle");
}

void Community::check(StakeholderId who) const {
    if (!owner_->holds(who))
        throw unknown_stakeholder(who.valid() ? "#" + std::to_string(who.index())
                                              : std::string("(invalid handle)"));
}

Circle Community::circle(StakeholderId who) const {
    check(who);
    return who.index() < circles_.size() ? circles_[who.index()] : Circle::none;
}

void Community::set_circle(StakeholderId who, Circle circle) {
    check(who);
    const std::size_t i = who.index();
    if (i >= circles_.size()) {
        if (circle == Circle::none) return;
        circles_.resize(owner_->alive.size(), Circle::none);
    }
    const Circle old = circles_[i];
    if (old != Circle::none) --counts_[static_cast<std::size_t>(old)];
    if (circle != Circle::none) ++counts_[static_cast<std::size_t>(circle)];
    circles_[i] = circle;
}

void Community::forget(StakeholderId who) noexcept {
    const std::size_t i = who.index();
    if (i >= circles_.size() || circles_[i] == Circle::none) return;
    --counts_[static_cast<std::size_t>(circles_[i])];
    circles_[i] = Circle::none;
}

std::size_t Community::count(Circle circle) const noexcept {
    if (circle == Circle::none) return owner_->live - member_count();
    return counts_[static_cast<std::size_t>(circle)];
}

std::size_t Community::member_count() const noexcept {
    return counts_[0] + counts_[1] + counts_[2];
}

std::vector<StakeholderId> Community::members(Circle circle) const {
    std::vector<StakeholderId> out;
    out.reserve(count(circle));
    for (std::size_t i = 0; i < owner_->alive.size(); ++i) {
        if (!owner_->alive[i]) continue;
        const Circle c = i < circles_.size() ? circles_[i] : Circle::none;
        if (c == circle) out.emplace_back(static_cast<std::uint32_t>(i));
    }
    return out;
}

std::vector<StakeholderId> Community::members_within(Circle circle) const {
    std::vector<StakeholderId> out;
    for (std::size_t i = 0; i < owner_->alive.size(); ++i) {
        if (!owner_->alive[i]) continue;
        const Circle c = i < circles_.size() ? circles_[i] : Circle::none;
        if (c <= circle) out.emplace_back(static_cast<std::uint32_t>(i));
    }
    return out;
}

} // namespace copnet
