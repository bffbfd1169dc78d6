// A synthetic, seeded CoP landscape (see copnet/generate.hpp).
#include "copnet/generate.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <string>
#include <vector>

#include <gsl/gsl>

#include "copnet/community.hpp"
#include "copnet/error.hpp"

namespace copnet {
namespace {

/// xoshiro256** (Blackman & Vigna 2018), seeded through splitmix64: the same numbers on every
/// platform, unlike the standard library's distributions.
class Random {
public:
    explicit Random(std::uint64_t seed) noexcept {
        for (auto& s : state_) {
            seed += 0x9E3779B97F4A7C15ULL;
            std::uint64_t z = seed;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
            s = z ^ (z >> 31);
        }
    }
    std::uint64_t next() noexcept {
        const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
        const std::uint64_t t = state_[1] << 17;
        state_[2] ^= state_[0];
        state_[3] ^= state_[1];
        state_[1] ^= state_[2];
        state_[0] ^= state_[3];
        state_[2] ^= t;
        state_[3] = rotl(state_[3], 45);
        return result;
    }
    /// Uniform in [0, 1).
    double uniform() noexcept { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    /// Uniform in [0, n), n < 2^32 (53 random bits scaled: the bias is below 2^-21).
    std::size_t below(std::size_t n) noexcept {
        const auto k = static_cast<std::size_t>(uniform() * static_cast<double>(n));
        return k < n ? k : n - 1;
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) noexcept {
        return (x << k) | (x >> (64 - k));
    }
    std::array<std::uint64_t, 4> state_{};
};

/// Walker's alias method (Vose's construction): O(n) to build, O(1) per draw. Each slot holds
/// its threshold and both outcomes, so a draw touches one cache line.
class Alias {
public:
    Alias() = default;
    /// Over `items` with weights `weight[item]`.
    Alias(const std::vector<std::uint32_t>& items, const std::vector<double>& weight)
        : slots_(items.size()) {
        const std::size_t n = items.size();
        if (n == 0) return;
        double total = 0.0;
        for (std::uint32_t i : items) total += weight[i];
        std::vector<double> scaled(n);
        std::vector<std::uint32_t> small, large;
        for (std::size_t j = 0; j < n; ++j) {
            scaled[j] = weight[items[j]] * static_cast<double>(n) / total;
            (scaled[j] < 1.0 ? small : large).push_back(static_cast<std::uint32_t>(j));
            slots_[j] = {1.0F, items[j], items[j]};
        }
        while (!small.empty() && !large.empty()) {
            const std::uint32_t s = small.back(), l = large.back();
            small.pop_back();
            slots_[s].keep = static_cast<float>(scaled[s]);
            slots_[s].other = items[l];
            scaled[l] = (scaled[l] + scaled[s]) - 1.0;
            if (scaled[l] < 1.0) {
                large.pop_back();
                small.push_back(l);
            }
        }
        // What is left (large, or small from rounding) keeps its own item: keep = 1.
    }
    [[nodiscard]] std::size_t size() const noexcept { return slots_.size(); }
    std::uint32_t draw(Random& rng) const noexcept {
        const Slot& s = slots_[rng.below(slots_.size())];
        return rng.uniform() < static_cast<double>(s.keep) ? s.item : s.other;
    }

private:
    struct Slot {
        float keep;          // probability of keeping `item`
        std::uint32_t item;  // this slot's item
        std::uint32_t other; // the alias
    };
    std::vector<Slot> slots_;
};

/// The ties drawn so far, as (source, target, kind) keys in an open-addressing table, so that a
/// repeat is drawn again instead of merged. Sized once: O(ties) memory.
class TieSet {
public:
    explicit TieSet(std::size_t ties) {
        std::size_t size = 16;
        while (size < 2 * ties + 16) size *= 2;
        slots_.assign(size, empty);
    }
    /// Adds the tie; false if it was there. Collaboration is keyed by the unordered pair.
    bool insert(std::uint32_t u, std::uint32_t v, TieKind kind) {
        const std::uint64_t key = make_key(u, v, kind);
        std::size_t at = slot(key);
        while (slots_[at] != empty) {
            if (slots_[at] == key) return false;
            at = (at + 1) & (slots_.size() - 1);
        }
        slots_[at] = key;
        return true;
    }

    /// Asks the memory for the tie's slot ahead of `insert` (the table is far bigger than the
    /// caches: a miss per tie is what costs).
    void prefetch(std::uint32_t u, std::uint32_t v, TieKind kind) const noexcept {
        __builtin_prefetch(&slots_[slot(make_key(u, v, kind))]);
    }

private:
    static constexpr std::uint64_t empty = ~std::uint64_t{0};  // u < 2^31: never a key
    static std::uint64_t make_key(std::uint32_t u, std::uint32_t v, TieKind kind) noexcept {
        if (kind == TieKind::collaboration && v < u) std::swap(u, v);
        return (std::uint64_t{u} << 33) | (std::uint64_t{v} << 2) |
               static_cast<std::uint64_t>(kind);
    }
    [[nodiscard]] std::size_t slot(std::uint64_t key) const noexcept {
        return (key * 0x9E3779B97F4A7C15ULL) >> shift();
    }
    [[nodiscard]] int shift() const noexcept {
        return 64 - std::countr_zero(slots_.size());
    }
    std::vector<std::uint64_t> slots_;
};

/// Draws index i with probability share[i] (the shares sum to 1).
template <std::size_t N>
std::size_t pick(Random& rng, const std::array<double, N>& share) noexcept {
    double u = rng.uniform();
    for (std::size_t i = 0; i + 1 < N; ++i) {
        if (u < share[i]) return i;
        u -= share[i];
    }
    return N - 1;
}

// The framework's sectors (IDEA Partnership), largest first, with skewed sizes.
constexpr std::array<const char*, 7> sectors{
    "local schools and agency services", "state agencies and councils", "families",
    "state non-profit organizations", "state professional organizations",
    "colleges and universities", "youth"};
constexpr std::array<double, 7> sector_share{0.32, 0.18, 0.15, 0.12, 0.10, 0.08, 0.05};
constexpr std::array<double, 3> level_share{0.60, 0.30, 0.10};  // local, state, national
constexpr std::array<double, 3> perspective_share{0.20, 0.50, 0.30};  // decider, practitioner, consumer
constexpr std::array<double, 3> stance_share{0.30, 0.60, 0.10};       // ally, neutral, skeptic
constexpr std::size_t levels = 3;
constexpr std::size_t groups = sectors.size() * levels;

void check(const LandscapeOptions& o) {
    auto fail = [](const std::string& what) { throw invalid_value("generate: " + what); };
    auto in01 = [](double x) { return x >= 0.0 && x <= 1.0; };
    if (o.stakeholders < 2) fail("stakeholders must be at least 2");
    if (o.stakeholders >= (std::size_t{1} << 31)) fail("stakeholders must be below 2^31");
    const double most = static_cast<double>(o.stakeholders) * static_cast<double>(o.stakeholders - 1);
    if (static_cast<double>(o.ties) > most)
        fail("ties (" + std::to_string(o.ties) + ") exceed stakeholders × (stakeholders − 1)");
    if (!in01(o.boundary_share)) fail("boundary_share must be in [0,1]");
    if (!in01(o.influence_share)) fail("influence_share must be in [0,1]");
    if (!in01(o.authority_share)) fail("authority_share must be in [0,1]");
    if (!(o.degree_exponent > 2.0 && o.degree_exponent <= 10.0))
        fail("degree_exponent must be in (2, 10]");
    if (!(o.organization_size >= 1.0 && o.organization_size <= 1e9))
        fail("organization_size must be at least 1");
    if (!(o.tie_strength > 0.0 && o.tie_strength <= 1e9)) fail("tie_strength must be positive");
    if (!in01(o.core_share) || !in01(o.inner_share) || !in01(o.outer_share) ||
        o.core_share + o.inner_share + o.outer_share > 1.0)
        fail("core_share, inner_share and outer_share must be in [0,1] and sum to at most 1");
    if (o.community.empty()) fail("community must have a name");
}

std::size_t circle_size(double share, std::size_t n, std::size_t minimum) {
    const auto s = static_cast<std::size_t>(std::llround(share * static_cast<double>(n)));
    return share > 0.0 ? std::max(s, std::min(minimum, n / 10)) : 0;
}

// Every stakeholder's facets as category indices, and its group (sector × level).
struct Facets {
    std::vector<std::uint8_t> sector, level, perspective, stance, group;
};

// The groups' members, by group, each in stakeholder order.
using Members = std::array<std::vector<std::uint32_t>, groups>;

// Organizations: their members (head first), each stakeholder's one, each group's ones.
struct Organizations {
    std::vector<std::uint32_t> of;                         // org index by stakeholder
    std::vector<std::vector<std::uint32_t>> members;       // members, head first
    std::array<std::vector<std::uint32_t>, groups> heads;  // org index by group
};

// Draws each stakeholder's facets in turn (sector, level, perspective, stance) and its group.
Facets draw_facets(Random& rng, std::size_t n) {
    Facets f;
    f.sector.resize(n);
    f.level.resize(n);
    f.perspective.resize(n);
    f.stance.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        f.sector[i] = static_cast<std::uint8_t>(pick(rng, sector_share));
        f.level[i] = static_cast<std::uint8_t>(pick(rng, level_share));
        f.perspective[i] = static_cast<std::uint8_t>(pick(rng, perspective_share));
        f.stance[i] = static_cast<std::uint8_t>(pick(rng, stance_share));
    }
    f.group.resize(n);
    for (std::size_t i = 0; i < n; ++i)
        f.group[i] = static_cast<std::uint8_t>(std::size_t{f.sector[i]} * levels + f.level[i]);
    return f;
}

// Chung–Lu degree weights over a random order of ranks, so hubs fall in every group.
std::vector<double> draw_weights(Random& rng, std::size_t n, double degree_exponent) {
    std::vector<std::uint32_t> rank(n);
    std::iota(rank.begin(), rank.end(), 0U);
    for (std::size_t i = n - 1; i > 0; --i) std::swap(rank[i], rank[rng.below(i + 1)]);
    std::vector<double> weight(n);
    const double power = -1.0 / (degree_exponent - 1.0);
    for (std::size_t i = 0; i < n; ++i) weight[i] = std::pow(rank[i] + 1.0, power);
    return weight;
}

// Sorts the stakeholders into their groups.
Members group_members(const std::vector<std::uint8_t>& group) {
    Members members;
    for (std::size_t i = 0; i < group.size(); ++i)
        members[group[i]].push_back(static_cast<std::uint32_t>(i));
    return members;
}

// Organizations: consecutive runs of each group's members, sizes 1 + geometric; the heaviest
// member heads each.
Organizations draw_organizations(Random& rng, const Members& members,
                                 const std::vector<double>& weight, double organization_size) {
    Organizations orgs;
    orgs.of.resize(weight.size());
    const double stop = 1.0 / organization_size;
    for (std::size_t g = 0; g < groups; ++g) {
        std::size_t at = 0;
        const auto& m = members[g];
        while (at < m.size()) {
            std::size_t size = 1;
            while (at + size < m.size() && rng.uniform() >= stop) ++size;
            std::vector<std::uint32_t> org(m.begin() + static_cast<std::ptrdiff_t>(at),
                                           m.begin() + static_cast<std::ptrdiff_t>(at + size));
            const auto head = std::max_element(org.begin(), org.end(), [&](auto a, auto b) {
                return weight[a] < weight[b];
            });
            std::iter_swap(org.begin(), head);
            for (std::uint32_t s : org)
                orgs.of[s] = gsl::narrow<std::uint32_t>(orgs.members.size());
            orgs.heads[g].push_back(gsl::narrow<std::uint32_t>(orgs.members.size()));
            orgs.members.push_back(std::move(org));
            at += size;
        }
    }
    return orgs;
}

// The stakeholder in slot i.
StakeholderId id(std::uint32_t i) { return StakeholderId(i); }

// Authority: a random recursive tree in each organization, heads reporting one level up;
// organizations in random order until the authority budget is spent.
void draw_authority(Random& rng, const LandscapeOptions& o, const Organizations& orgs,
                    const Facets& facets, std::vector<Tie>& ties) {
    const auto budget = static_cast<std::size_t>(o.authority_share * static_cast<double>(o.ties));
    std::vector<std::uint32_t> order(orgs.members.size());
    std::iota(order.begin(), order.end(), 0U);
    for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng.below(i)]);
    for (std::uint32_t k : order) {
        const auto& org = orgs.members[k];
        const std::uint32_t head = org.front();
        const std::size_t lv = facets.level[head];
        const std::size_t g = facets.group[head];
        const bool reports = lv + 1 < levels && !orgs.heads[g + 1].empty();
        if (ties.size() + org.size() - 1 + (reports ? 1 : 0) > budget) continue;
        for (std::size_t p = 1; p < org.size(); ++p)
            ties.push_back({id(org[rng.below(p)]), id(org[p]), TieKind::authority, 1.0});
        if (reports) {
            const auto& up = orgs.heads[g + 1];
            ties.push_back({id(orgs.members[up[rng.below(up.size())]].front()), id(head),
                            TieKind::authority, 1.0});
        }
    }
}

// The endpoint samplers by Chung–Lu weight: over everyone, and over each group's members.
struct Samplers {
    Alias everyone;
    std::array<Alias, groups> within;
};

// Builds the endpoint samplers.
Samplers make_samplers(const std::vector<double>& weight, const Members& members) {
    Samplers s;
    std::vector<std::uint32_t> all(weight.size());
    std::iota(all.begin(), all.end(), 0U);
    s.everyone = Alias(all, weight);
    all = {};
    for (std::size_t g = 0; g < groups; ++g) s.within[g] = Alias(members[g], weight);
    return s;
}

// An influence or collaboration tie drawn and waiting in the queue to be checked for a repeat.
struct Candidate {
    std::uint32_t u = 0, v = 0;
    TieKind kind = TieKind::influence;
    bool cross = false;
    std::uint8_t redraws = 0;
};

// Draws a candidate's ends: u by weight, v by weight in u's group unless the tie crosses a
// boundary (then in another group), never u; and prefetches the tie's slot in `drawn`.
void draw_ends(Candidate& c, Random& rng, const Samplers& samplers,
               const std::vector<std::uint8_t>& group, const TieSet& drawn) {
    const std::size_t n = group.size();
    c.u = samplers.everyone.draw(rng);
    const Alias& from = (!c.cross && samplers.within[group[c.u]].size() > 1)
                            ? samplers.within[group[c.u]]
                            : samplers.everyone;
    c.v = c.u;
    for (int tries = 0; tries < 64; ++tries) {
        c.v = from.draw(rng);
        if (c.v != c.u && (!c.cross || group[c.v] != group[c.u])) break;
    }
    while (c.v == c.u) c.v = static_cast<std::uint32_t>(rng.below(n));
    drawn.prefetch(c.u, c.v, c.kind);
}

// Influence and collaboration: Chung–Lu endpoints, homophilous but for boundary_share, until
// `ties` holds o.ties. Candidates wait in a short queue between drawing and checking, so that
// the table's memory is fetched for several at once. A repeat is drawn again (up to 15 times;
// then it is kept, and merged by add_ties).
void draw_influence_and_collaboration(Random& rng, const LandscapeOptions& o,
                                      const Samplers& samplers,
                                      const std::vector<std::uint8_t>& group,
                                      std::vector<Tie>& ties) {
    TieSet drawn(o.ties);
    for (const Tie& t : ties) drawn.insert(t.source.index(), t.target.index(), t.kind);
    constexpr std::size_t depth = 32;
    std::array<Candidate, depth> queue{};
    std::size_t head = 0, queued = 0;
    std::size_t to_draw = o.ties - std::min(o.ties, ties.size());
    while (ties.size() < o.ties) {
        while (queued < depth && to_draw > 0) {
            Candidate& c = queue[(head + queued) % depth];
            c = Candidate{};
            c.kind = rng.uniform() < o.influence_share ? TieKind::influence
                                                       : TieKind::collaboration;
            c.cross = rng.uniform() < o.boundary_share;
            draw_ends(c, rng, samplers, group, drawn);
            ++queued;
            --to_draw;
        }
        Candidate c = queue[head];
        head = (head + 1) % depth;
        --queued;
        if (!drawn.insert(c.u, c.v, c.kind) && c.redraws < 15) {
            ++c.redraws;
            draw_ends(c, rng, samplers, group, drawn);
            queue[(head + queued) % depth] = c;
            ++queued;
            continue;
        }
        ties.push_back({id(c.u), id(c.v), c.kind, 1.0});
    }
}

// Tie strengths of a weighted cascade (Kempe, Kleinberg & Tardos 2003): a tie into v weighs
// about tie_strength / degree(v), perturbed by a factor in [0.5, 1.5) and rounded to 0.001 (at
// least 0.001, at most 1); a mutual tie uses the geometric mean of its two ends' degrees. A
// message then reaches a few per cent of a large landscape from one stakeholder, as in the
// field, instead of nearly everyone (fixed weights on a landscape of mean degree 20).
void draw_strengths(Random& rng, const LandscapeOptions& o, std::size_t n,
                    std::vector<Tie>& ties) {
    std::vector<std::uint32_t> degree(n, 0);
    for (const Tie& t : ties) {
        ++degree[t.target.index()];
        if (t.kind == TieKind::collaboration) ++degree[t.source.index()];
    }
    for (Tie& t : ties) {
        double d = degree[t.target.index()];
        if (t.kind == TieKind::collaboration) d = std::sqrt(d * degree[t.source.index()]);
        const double w = o.tie_strength * (0.5 + rng.uniform()) / d;
        t.weight = std::clamp(std::round(w * 1000.0) / 1000.0, 0.001, 1.0);
    }
}

// How many stakeholders each circle gets, and all of them together (at most n).
struct CircleSizes {
    std::size_t core = 0, inner = 0, outer = 0, members = 0;
};

// The circles' sizes from the options' shares.
CircleSizes circle_sizes(const LandscapeOptions& o, std::size_t n) {
    CircleSizes s;
    s.core = circle_size(o.core_share, n, 3);
    s.inner = circle_size(o.inner_share, n, 8);
    s.outer = circle_size(o.outer_share, n, 20);
    s.members = std::min(n, s.core + s.inner + s.outer);
    return s;
}

// Ranks the stakeholders by randomly perturbed weight: the first `members` are the heaviest, in
// descending order (the circles' members, core first).
std::vector<std::pair<double, std::uint32_t>> rank_for_circles(Random& rng,
                                                               const std::vector<double>& weight,
                                                               std::size_t members) {
    const std::size_t n = weight.size();
    std::vector<std::pair<double, std::uint32_t>> score(n);
    for (std::size_t i = 0; i < n; ++i)
        score[i] = {weight[i] * (0.5 + rng.uniform()), static_cast<std::uint32_t>(i)};
    std::partial_sort(score.begin(), score.begin() + static_cast<std::ptrdiff_t>(members),
                      score.end(), std::greater<>());
    return score;
}

// Adds the stakeholders, with invented ids, their facets and their organizations.
void add_stakeholders(Network& net, const Facets& facets, const std::vector<std::uint32_t>& org) {
    const std::size_t n = facets.sector.size();
    net.reserve(n);
    char buffer[32];
    for (std::size_t i = 0; i < n; ++i) {
        Stakeholder s;
        std::snprintf(buffer, sizeof buffer, "g%07zu", i);
        s.id = buffer;
        s.sector = sectors[facets.sector[i]];
        s.level = static_cast<Level>(facets.level[i]);
        s.perspective = static_cast<Perspective>(facets.perspective[i]);
        s.stance = static_cast<Stance>(facets.stance[i]);
        std::snprintf(buffer, sizeof buffer, "org%06u", org[i]);
        s.organization = buffer;
        [[maybe_unused]] const StakeholderId added = net.add_stakeholder(std::move(s));
        Ensures(added.index() == i);
    }
}

// Adds the community and fills its circles, nested: the ranking's first are the core, and so on.
void add_circles(Network& net, const std::string& community, const CircleSizes& sizes,
                 const std::vector<std::pair<double, std::uint32_t>>& ranking) {
    Community& cop = net.add_community(community, "a generated community (invented data)");
    for (std::size_t j = 0; j < sizes.members; ++j) {
        const Circle c = j < sizes.core                 ? Circle::core
                         : j < sizes.core + sizes.inner ? Circle::inner
                                                        : Circle::outer;
        cop.set_circle(StakeholderId(ranking[j].second), c);
    }
}

} // namespace

// The steps draw from one generator in this order; reordering them changes every landscape.
Network generate(const LandscapeOptions& o) {
    check(o);
    const std::size_t n = o.stakeholders;
    Random rng(o.seed);

    const Facets facets = draw_facets(rng, n);
    const std::vector<double> weight = draw_weights(rng, n, o.degree_exponent);
    const Members members = group_members(facets.group);
    const Organizations orgs = draw_organizations(rng, members, weight, o.organization_size);

    std::vector<Tie> ties;
    ties.reserve(o.ties);
    draw_authority(rng, o, orgs, facets, ties);
    draw_influence_and_collaboration(rng, o, make_samplers(weight, members), facets.group, ties);
    draw_strengths(rng, o, n, ties);

    // Circles, nested around the hubs: the largest perturbed weights are the core, and so on.
    const CircleSizes sizes = circle_sizes(o, n);
    const auto ranking = rank_for_circles(rng, weight, sizes.members);

    Network net;
    add_stakeholders(net, facets, orgs.of);
    net.add_ties(ties);
    add_circles(net, o.community, sizes, ranking);
    return net;
}

} // namespace copnet
