#pragma once
/// \file
/// A stakeholder of the landscape, its facets, and the stable handle `StakeholderId`.

#include <compare>
#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace copnet {

/// Where a stakeholder works: ordered local < state < national (the framework's levels).
enum class Level : std::uint8_t { local, state, national };

/// The stakeholder's perspective in the framework: who decides, who practises, who is served.
enum class Perspective : std::uint8_t { decisionmaker, practitioner, consumer, unknown };

/// The stakeholder's stance towards the community's shared issue.
enum class Stance : std::uint8_t { ally, neutral, skeptic };

/// CSV spelling of a level: "local", "state", "national". Cost: O(1).
[[nodiscard]] std::string_view to_string(Level level) noexcept;
/// CSV spelling of a perspective: "decisionmaker", "practitioner", "consumer", "unknown". O(1).
[[nodiscard]] std::string_view to_string(Perspective perspective) noexcept;
/// CSV spelling of a stance: "ally", "neutral", "skeptic". Cost: O(1).
[[nodiscard]] std::string_view to_string(Stance stance) noexcept;

/// Parses a level, case-insensitively ("Local" → Level::local). Cost: O(length).
/// Throws: invalid_value naming the spelling and the accepted ones (empty text included).
[[nodiscard]] Level parse_level(std::string_view text);
/// Parses a perspective, case-insensitively; "unknown" is accepted. Cost: O(length).
/// Throws: invalid_value naming the spelling and the accepted ones.
[[nodiscard]] Perspective parse_perspective(std::string_view text);
/// Parses a stance, case-insensitively. Cost: O(length).
/// Throws: invalid_value naming the spelling and the accepted ones.
[[nodiscard]] Stance parse_stance(std::string_view text);

/// A handle to a stakeholder of one `Network`.
///
/// It stays valid while that stakeholder is in the network, whatever else is added or removed;
/// slots are never reused, so a handle to a removed stakeholder is reported as unknown instead
/// of silently naming somebody else. `index()` is dense enough to index per-stakeholder arrays
/// of size `Network::slot_count()`.
class StakeholderId {
public:
    /// The invalid handle (names no stakeholder).
    constexpr StakeholderId() noexcept = default;
    /// The handle of slot `index`; only `Network` hands out valid ones.
    constexpr explicit StakeholderId(std::uint32_t index) noexcept : index_(index) {}

    /// The slot number, in [0, Network::slot_count()).
    [[nodiscard]] constexpr std::uint32_t index() const noexcept { return index_; }
    /// False for the default-constructed handle.
    [[nodiscard]] constexpr bool valid() const noexcept { return index_ != invalid; }

    friend constexpr auto operator<=>(StakeholderId, StakeholderId) noexcept = default;

private:
    static constexpr std::uint32_t invalid = std::numeric_limits<std::uint32_t>::max();
    std::uint32_t index_ = invalid;
};

/// A person or organisation in the landscape, with its facets.
///
/// `id` is the user's unique key (as written in nodes.csv). Facets group stakeholders in the
/// analyses: `sector` (free text, e.g. "state agencies and councils"), `level` (empty when
/// unknown), `perspective`, `organization`, `stance`, and any free string `attributes`
/// (nodes.csv's other columns; an empty value is stored as no value).
struct Stakeholder {
    std::string id{};
    std::string name{};
    std::string sector{};
    std::optional<Level> level{};
    Perspective perspective = Perspective::unknown;
    std::string organization{};
    Stance stance = Stance::neutral;
    std::map<std::string, std::string, std::less<>> attributes{};

    friend bool operator==(const Stakeholder&, const Stakeholder&) = default;
};

/// True for the column names with a built-in meaning, case-insensitively: id, name, sector,
/// level, perspective, organization, circle, stance. Such names cannot be attributes. O(1).
[[nodiscard]] bool is_reserved_column(std::string_view name) noexcept;

/// The canonical form by which copnet compares two category texts (facet values): Unicode NFC,
/// case-folded (Unicode default case folding), leading and trailing white space removed and
/// inner runs of white space collapsed to one space — so "State agencies ", "state  agencies"
/// and "STATE AGENCIES" are one category, displayed in the first spelling met. Text that is not
/// valid UTF-8 is folded byte by byte (ASCII letters only). Uses utf8proc. Cost: O(length).
[[nodiscard]] std::string category_key(std::string_view text);

/// A facet by name, resolved once so that grouping many stakeholders costs no string compares.
///
/// Built-in facets: "id", "name", "sector", "level", "perspective", "organization", "stance"
/// (case-insensitive); any other name is an attribute (exact spelling).
class Facet {
public:
    /// Resolves `name`. Throws: invalid_value for an empty name or "circle" (circles belong to
    /// a `Community`, not to a stakeholder).
    explicit Facet(std::string_view name);

    /// The facet's name as given.
    [[nodiscard]] const std::string& name() const noexcept { return name_; }
    /// True when values group by `category_key` (every facet but "id", whose values are
    /// compared exactly).
    [[nodiscard]] bool folds() const noexcept { return field_ != Field::id; }
    /// True when the facet is an attribute column rather than a built-in one.
    [[nodiscard]] bool is_attribute() const noexcept { return field_ == Field::attribute; }

    /// The category of `s` under this facet: the field's text, the enum's CSV spelling, or ""
    /// when unknown (level, perspective) or absent (attribute). The view lives as long as `s`.
    /// Cost: O(1) for built-ins, O(log a) for an attribute among a.
    [[nodiscard]] std::string_view operator()(const Stakeholder& s) const;

private:
    enum class Field : std::uint8_t {
        id, name, sector, level, perspective, organization, stance, attribute
    };
    std::string name_;
    Field field_;
};

} // namespace copnet

/// Hashes a handle by its slot, so `StakeholderId` keys unordered containers.
template <>
struct std::hash<copnet::StakeholderId> {
    std::size_t operator()(copnet::StakeholderId id) const noexcept {
        return std::hash<std::uint32_t>{}(id.index());
    }
};
