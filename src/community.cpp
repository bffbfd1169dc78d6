#include "copnet/community.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "copnet/error.hpp"
#include "detail/network_state.hpp"
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

Circle Community::stored(std::size_t slot) const noexcept {
    if (!circles_.empty() || sparse_.empty())
        return slot < circles_.size() ? circles_[slot] : Circle::none;
    const auto it = sparse_.find(static_cast<std::uint32_t>(slot));
    return it == sparse_.end() ? Circle::none : it->second;
}

Circle Community::circle(StakeholderId who) const {
    check(who);
    return stored(who.index());
}

void Community::set_circle(StakeholderId who, Circle circle) {
    check(who);
    const std::size_t i = who.index();
    const Circle old = stored(i);
    if (old == circle) return;
    const bool dense = !circles_.empty();
    // Members by slot once they are more than one in 16 slots (and more than a few): a byte
    // per slot then costs no more than the map would.
    if (!dense && circle != Circle::none &&
        member_count() + 1 > std::max<std::size_t>(64, owner_->alive.size() / 16)) {
        std::vector<Circle> by_slot(owner_->alive.size(), Circle::none);
        for (const auto& [slot, c] : sparse_) by_slot[slot] = c;
        by_slot[i] = circle;
        circles_ = std::move(by_slot);
        sparse_ = {};
    } else if (dense) {
        if (i >= circles_.size()) circles_.resize(owner_->alive.size(), Circle::none);
        circles_[i] = circle;
    } else if (circle == Circle::none) {
        sparse_.erase(static_cast<std::uint32_t>(i));
    } else {
        sparse_[static_cast<std::uint32_t>(i)] = circle;
    }
    if (old != Circle::none) --counts_[static_cast<std::size_t>(old)];
    if (circle != Circle::none) ++counts_[static_cast<std::size_t>(circle)];
}

void Community::forget(StakeholderId who) noexcept {
    const std::size_t i = who.index();
    const Circle old = stored(i);
    if (old == Circle::none) return;
    --counts_[static_cast<std::size_t>(old)];
    if (!circles_.empty()) circles_[i] = Circle::none;
    else sparse_.erase(static_cast<std::uint32_t>(i));
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
    if (circles_.empty() && circle != Circle::none) {
        for (const auto& [slot, c] : sparse_)
            if (c == circle) out.emplace_back(slot);
        std::sort(out.begin(), out.end(),
                  [](StakeholderId a, StakeholderId b) { return a.index() < b.index(); });
        return out;
    }
    for (std::size_t i = 0; i < owner_->alive.size(); ++i)
        if (owner_->alive[i] && stored(i) == circle) out.emplace_back(static_cast<std::uint32_t>(i));
    return out;
}

std::vector<StakeholderId> Community::members_within(Circle circle) const {
    std::vector<StakeholderId> out;
    for (std::size_t i = 0; i < owner_->alive.size(); ++i)
        if (owner_->alive[i] && stored(i) <= circle) out.emplace_back(static_cast<std::uint32_t>(i));
    return out;
}

} // namespace copnet
