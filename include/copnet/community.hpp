#pragma once
/// \file
/// A Community of Practice: a named overlay on a `Network` giving each stakeholder a circle.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "copnet/stakeholder.hpp"

namespace copnet {

namespace detail {
struct NetworkState;
}

/// A stakeholder's circle in one community, from the centre out (Wenger, McDermott & Snyder
/// 2002; IDEA Partnership): the `core` group manages the CoP, the `inner` circle is its steering
/// committee, the `outer` circle a loose open network, and `none` is a landscape stakeholder who
/// is not a member. The order core < inner < outer < none means "further out".
enum class Circle : std::uint8_t { core, inner, outer, none };

/// CSV spelling of a circle: "core", "inner", "outer", "none". Cost: O(1).
[[nodiscard]] std::string_view to_string(Circle circle) noexcept;
/// Parses a circle, case-insensitively. Throws: invalid_value naming the spelling. O(length).
[[nodiscard]] Circle parse_circle(std::string_view text);

/// A named Community of Practice over the stakeholders of one `Network`.
///
/// Communities are owned by their network (`Network::add_community`), so they cannot go
/// stale: removing a stakeholder from the network removes it from every community, and a
/// handle the network does not hold is rejected. One stakeholder can be in several
/// communities, in a different circle in each. Not copyable (it belongs to its network);
/// copying the `Network` copies its communities.
class Community {
public:
    Community(const Community&) = delete;
    Community& operator=(const Community&) = delete;
    ~Community() = default;

    /// The community's name, unique within its network.
    [[nodiscard]] const std::string& name() const noexcept { return name_; }
    /// Free text describing the shared concern ("employment of youth with disabilities").
    [[nodiscard]] const std::string& domain() const noexcept { return domain_; }
    /// Replaces the domain text. Cost: O(length).
    void set_domain(std::string domain) { domain_ = std::move(domain); }

    /// The circle of `who` (`Circle::none` for non-members). Cost: O(1) (expected, while the
    /// community has few members for the size of its network: then circles are kept sparse).
    /// Throws: unknown_stakeholder if the network does not hold `who`.
    [[nodiscard]] Circle circle(StakeholderId who) const;
    /// Puts `who` in `circle` (`Circle::none` removes the membership). Cost: O(1) amortised.
    /// Throws: unknown_stakeholder if the network does not hold `who`.
    void set_circle(StakeholderId who, Circle circle);
    /// True if `who` is in the core, inner or outer circle. Cost: O(1).
    /// Throws: unknown_stakeholder if the network does not hold `who`.
    [[nodiscard]] bool is_member(StakeholderId who) const { return circle(who) != Circle::none; }

    /// Number of stakeholders in `circle`; for `Circle::none`, the network's stakeholders who
    /// are not members. Cost: O(1).
    [[nodiscard]] std::size_t count(Circle circle) const noexcept;
    /// Number of members (core + inner + outer). Cost: O(1).
    [[nodiscard]] std::size_t member_count() const noexcept;
    /// The stakeholders in exactly `circle`, in slot order. Cost: O(slots), or
    /// O(m log m) for a sparse community of m members and a circle other than `none`.
    [[nodiscard]] std::vector<StakeholderId> members(Circle circle) const;
    /// The stakeholders at or inside `circle`: `members_within(Circle::inner)` is core + inner,
    /// `members_within(Circle::none)` the whole landscape. Slot order. Cost: O(slots).
    [[nodiscard]] std::vector<StakeholderId> members_within(Circle circle) const;

private:
    friend struct detail::NetworkState;
    Community(std::string name, std::string domain, const detail::NetworkState* owner)
        : name_(std::move(name)), domain_(std::move(domain)), owner_(owner) {}
    Community(const Community& other, const detail::NetworkState* owner)
        : name_(other.name_), domain_(other.domain_), circles_(other.circles_),
          sparse_(other.sparse_), counts_(other.counts_), owner_(owner) {}
    void forget(StakeholderId who) noexcept;
    void check(StakeholderId who) const;
    [[nodiscard]] Circle stored(std::size_t slot) const noexcept;

    std::string name_;
    std::string domain_;
    // Circles of members: by slot in `circles_` once the community is dense (slots past the end
    // are Circle::none), else in `sparse_` (slot → circle), so that many small communities on a
    // large network cost memory by members, not by slots.
    std::vector<Circle> circles_;
    std::unordered_map<std::uint32_t, Circle> sparse_;
    std::array<std::size_t, 3> counts_{};    // core, inner, outer
    const detail::NetworkState* owner_;
};

} // namespace copnet
