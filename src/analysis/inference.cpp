// One Monte Carlo test over any statistic: QAP, labels, CUG, rewiring nulls; event-time
// permutation; vertex jackknife and bootstrap (copnet/analysis/inference.hpp).
#include "copnet/analysis/inference.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <limits>
#include <numeric>
#include <utility>

#include "copnet/analysis/boundary.hpp"
#include "copnet/analysis/network_measures.hpp"
#include "copnet/community.hpp"
#include "copnet/error.hpp"
#include "detail/flat_set.hpp"
#include "detail/network_state.hpp"
#include "detail/parallel.hpp"
#include "detail/random.hpp"
#include "detail/relations.hpp"

namespace copnet {
namespace {

__extension__ using Wide = unsigned __int128;  // for Lemire's bounded draw

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

using Pair = std::pair<std::uint32_t, std::uint32_t>;

// A uniform integer in [0, bound) (bound ≥ 1): Lemire's multiply-shift, without the rejection
// step (bias below 2^-32 for the sizes here) — except where the E-I test's `rng() % i` must be
// reproduced.
std::uint64_t below(detail::Rng& rng, std::uint64_t bound) noexcept {
    return static_cast<std::uint64_t>((static_cast<Wide>(rng()) * bound) >> 64U);
}

// The permutation the E-I test draws: Fisher-Yates from the end with rng() % i.
void shuffle_as_ei(std::vector<std::uint32_t>& v, detail::Rng& rng) {
    for (std::size_t i = v.size(); i > 1; --i) {
        const auto j = static_cast<std::size_t>(rng() % i);
        std::swap(v[i - 1], v[j]);
    }
}

// Mean, sd and p values of `sample` against `observed`.
void summarise(TestResult& r, const std::vector<double>& sample) {
    double sum = 0.0;
    std::size_t defined = 0, greater = 0, less = 0;
    for (double x : sample) {
        if (std::isnan(x)) continue;
        ++defined;
        sum += x;
        greater += x >= r.observed ? 1U : 0U;
        less += x <= r.observed ? 1U : 0U;
    }
    r.defined = defined;
    if (defined == 0) {
        r.null_mean = r.null_sd = r.p_greater = r.p_less = nan;
        return;
    }
    r.null_mean = sum / static_cast<double>(defined);
    double ss = 0.0;
    for (double x : sample)
        if (!std::isnan(x)) ss += (x - r.null_mean) * (x - r.null_mean);
    r.null_sd = defined > 1 ? std::sqrt(ss / static_cast<double>(defined - 1)) : nan;
    const bool known = !std::isnan(r.observed);
    r.p_greater = known ? static_cast<double>(greater) / static_cast<double>(defined) : nan;
    r.p_less = known ? static_cast<double>(less) / static_cast<double>(defined) : nan;
}

// A tested relation: its kind, whether mutual, its ties as compact pairs and values.
struct TestedRelation {
    TieKind kind;
    bool mutual = false;
    std::vector<Pair> pairs;
    std::vector<double> values;
};

// Sets the facet `name` of `s` to `value` (the text `Facet` reads).
void set_facet(Stakeholder& s, std::string_view name, std::string_view value) {
    const std::string key = category_key(name);
    if (key == "sector") s.sector = std::string(value);
    else if (key == "name") s.name = std::string(value);
    else if (key == "organization") s.organization = std::string(value);
    else if (key == "level") {
        if (value.empty()) s.level.reset();
        else s.level = parse_level(value);
    } else if (key == "perspective") s.perspective = parse_perspective(value);
    else if (key == "stance") s.stance = parse_stance(value);
    else if (value.empty()) s.attributes.erase(std::string(name));
    else s.attributes.insert_or_assign(std::string(name), std::string(value));
}

// Samples k distinct integers of [0, total) in random order (k ≤ total).
std::vector<std::uint64_t> distinct(std::uint64_t total, std::uint64_t k, detail::Rng& rng) {
    std::vector<std::uint64_t> out;
    out.reserve(k);
    if (k * 2 <= total) {
        detail::FlatSet64 seen;
        seen.reserve(k);
        while (out.size() < k) {
            const std::uint64_t x = below(rng, total);
            if (seen.insert(x)) out.push_back(x);
        }
        return out;
    }
    std::vector<std::uint64_t> all(total);
    std::iota(all.begin(), all.end(), std::uint64_t{0});
    for (std::uint64_t i = 0; i < k; ++i) std::swap(all[i], all[i + below(rng, total - i)]);
    all.resize(k);
    return all;
}

// The ordered pair of index x of [0, n(n−1)) (no diagonal), or the unordered pair of index x of
// [0, n(n−1)/2) (i < j).
Pair ordered_pair(std::uint64_t x, std::uint64_t n) {
    const auto i = static_cast<std::uint32_t>(x / (n - 1));
    auto j = static_cast<std::uint32_t>(x % (n - 1));
    if (j >= i) ++j;
    return {i, j};
}
Pair unordered_pair(std::uint64_t x, std::uint64_t n) {
    // Row i holds n − 1 − i pairs (i, j > i); find the row by a square root, then correct.
    const double nn = static_cast<double>(n);
    auto i = static_cast<std::uint64_t>(
        std::floor(((2 * nn - 1) - std::sqrt((2 * nn - 1) * (2 * nn - 1) - 8.0 * static_cast<double>(x))) / 2));
    const auto start = [n](std::uint64_t r) { return r * (2 * n - r - 1) / 2; };
    while (i > 0 && start(i) > x) --i;
    while (start(i + 1) <= x) ++i;
    return {static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i + 1 + (x - start(i)))};
}

// Redraws `rel` under a CUG null on n stakeholders.
void draw_cug(NullModel null, const TestedRelation& rel, std::uint32_t n, detail::Rng& rng,
              std::vector<Pair>& pairs, std::vector<double>& values) {
    pairs.clear();
    values.clear();
    const std::uint64_t nn = n;
    const std::uint64_t total = rel.mutual ? nn * (nn - 1) / 2 : nn * (nn - 1);
    if (null == NullModel::cug_size) {
        for (std::uint64_t x = 0; x < total; x += 64) {
            std::uint64_t bits = rng();
            for (std::uint64_t y = x; y < std::min(total, x + 64); ++y, bits >>= 1U)
                if (bits & 1U) pairs.push_back(rel.mutual ? unordered_pair(y, nn) : ordered_pair(y, nn));
        }
        values.assign(pairs.size(), 1.0);
        return;
    }
    std::vector<double> vals = rel.values;
    for (std::size_t i = vals.size(); i > 1; --i) std::swap(vals[i - 1], vals[below(rng, i)]);
    if (null == NullModel::cug_edges || rel.mutual) {
        for (std::uint64_t x : distinct(total, rel.pairs.size(), rng))
            pairs.push_back(rel.mutual ? unordered_pair(x, nn) : ordered_pair(x, nn));
        values = std::move(vals);
        return;
    }
    // Dyad census: M mutual and A asymmetric unordered dyads, placed at random.
    detail::FlatSet64 arcs;
    arcs.reserve(rel.pairs.size());
    for (const auto& [u, w] : rel.pairs) arcs.insert((std::uint64_t{u} << 32U) | w);
    std::uint64_t mutual = 0;
    for (const auto& [u, w] : rel.pairs)
        if (arcs.contains((std::uint64_t{w} << 32U) | u)) ++mutual;
    mutual /= 2;
    const std::uint64_t asym = rel.pairs.size() - 2 * mutual;
    const auto dyads = distinct(nn * (nn - 1) / 2, mutual + asym, rng);
    for (std::uint64_t k = 0; k < dyads.size(); ++k) {
        const auto [i, j] = unordered_pair(dyads[k], nn);
        if (k < mutual) {
            pairs.emplace_back(i, j);
            pairs.emplace_back(j, i);
        } else if (rng() & 1U) {
            pairs.emplace_back(i, j);
        } else {
            pairs.emplace_back(j, i);
        }
    }
    values = std::move(vals);
}

// The tie set of `rewire_pairs`: open addressing of 64-bit keys (a << 32 | b), linear probing,
// backward-shift deletion, at most half full (2^k ≥ 2m slots for m keys: short probe runs, so
// that deletion's shift and the failed lookups of a swap stay within a cache line or two).
// Fixed size: a swap erases two keys and inserts two. Keys must not be ~0 (pair (2^32−1, 2^32−1)).
class PairTable {
public:
    explicit PairTable(std::size_t keys)
        : slots_(std::bit_ceil(std::max<std::size_t>(2 * keys, 16)), empty),
          mask_(slots_.size() - 1),
          shift_(static_cast<unsigned>(64 - std::countr_zero(slots_.size()))) {}

    void prefetch(std::uint64_t key) const noexcept { __builtin_prefetch(&slots_[home(key)]); }

    [[nodiscard]] bool contains(std::uint64_t key) const noexcept {
        for (std::size_t i = home(key);; i = (i + 1) & mask_) {
            if (slots_[i] == key) return true;
            if (slots_[i] == empty) return false;
        }
    }

    /// Inserts `key`; false if it was there already.
    bool insert(std::uint64_t key) noexcept {
        for (std::size_t i = home(key);; i = (i + 1) & mask_) {
            if (slots_[i] == key) return false;
            if (slots_[i] == empty) {
                slots_[i] = key;
                return true;
            }
        }
    }

    /// Removes `key` if present.
    void erase(std::uint64_t key) noexcept {
        std::size_t i = home(key);
        while (slots_[i] != key) {
            if (slots_[i] == empty) return;
            i = (i + 1) & mask_;
        }
        // Backward shift: move a later member of the probe run into the hole unless its home
        // lies cyclically in (hole, its slot].
        for (std::size_t j = (i + 1) & mask_; slots_[j] != empty; j = (j + 1) & mask_) {
            if (((j - home(slots_[j])) & mask_) >= ((j - i) & mask_)) {
                slots_[i] = slots_[j];
                i = j;
            }
        }
        slots_[i] = empty;
    }

private:
    static constexpr std::uint64_t empty = ~std::uint64_t{0};
    [[nodiscard]] std::size_t home(std::uint64_t key) const noexcept {
        return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> shift_);
    }
    std::vector<std::uint64_t> slots_;
    std::size_t mask_;
    unsigned shift_;
};

} // namespace

std::string_view to_string(NullModel null) noexcept {
    switch (null) {
    case NullModel::qap: return "qap";
    case NullModel::labels: return "labels";
    case NullModel::cug_size: return "cug-size";
    case NullModel::cug_edges: return "cug-edges";
    case NullModel::cug_dyads: return "cug-dyads";
    case NullModel::rewire: return "rewire";
    }
    return "qap";
}

NullModel parse_null_model(std::string_view text) {
    for (NullModel m : {NullModel::qap, NullModel::labels, NullModel::cug_size,
                        NullModel::cug_edges, NullModel::cug_dyads, NullModel::rewire})
        if (category_key(text) == to_string(m)) return m;
    throw invalid_value("unknown null model \"" + std::string(text) +
                        "\" (expected qap, labels, cug-size, cug-edges, cug-dyads or rewire)");
}

std::size_t rewire_pairs(std::vector<Pair>& pairs, bool directed, std::size_t swaps,
                         std::size_t max_attempts, std::uint64_t seed, std::uint64_t stream) {
    const std::size_t m = pairs.size();
    if (m < 2 || swaps == 0) return 0;
    const auto key = [directed](std::uint32_t a, std::uint32_t b) {
        if (!directed && a > b) std::swap(a, b);
        return (std::uint64_t{a} << 32U) | b;
    };
    PairTable held(m);
    {
        constexpr std::size_t lead = 16;
        for (std::size_t t = 0; t < m; ++t) {
            if (t + lead < m) held.prefetch(key(pairs[t + lead].first, pairs[t + lead].second));
            held.insert(key(pairs[t].first, pairs[t].second));
        }
    }
    detail::Rng rng(seed, stream);
    // The draws of attempt k (documented in the header): x = rng(), y = rng(); the ties
    // i = ⌊x·m / 2^64⌋ and j = ⌊y·m / 2^64⌋ (Lemire's multiply-shift, no rejection step: bias
    // below m / 2^64); undirected, tie i is read reversed when bit 63 of x·m mod 2^64 is set,
    // tie j when that of y·m is. Attempts are drawn `ahead` in advance (same order, so the
    // swaps do not change): their ties are prefetched when drawn and the four hash slots they
    // touch (the two ties, the two candidates) half-way, so the loads overlap.
    struct Draw {
        std::size_t i, j;
        bool flip_p, flip_q;
    };
    constexpr std::size_t ahead = 16;  // a power of 2
    std::array<Draw, ahead> ring{};
    const auto draw = [&] {
        const Wide x = static_cast<Wide>(rng()) * m;
        const Wide y = static_cast<Wide>(rng()) * m;
        const Draw d{static_cast<std::size_t>(x >> 64U), static_cast<std::size_t>(y >> 64U),
                     !directed && (static_cast<std::uint64_t>(x) >> 63U) != 0,
                     !directed && (static_cast<std::uint64_t>(y) >> 63U) != 0};
        __builtin_prefetch(&pairs[d.i]);
        __builtin_prefetch(&pairs[d.j]);
        return d;
    };
    const auto ends = [&pairs](const Draw& d) {
        Pair p = pairs[d.i], q = pairs[d.j];
        if (d.flip_p) std::swap(p.first, p.second);
        if (d.flip_q) std::swap(q.first, q.second);
        return std::pair{p, q};
    };
    for (auto& d : ring) d = draw();
    std::size_t done = 0;
    for (std::size_t attempt = 0; attempt < max_attempts && done < swaps; ++attempt) {
        const Draw x = ring[attempt % ahead];
        ring[attempt % ahead] = draw();
        {   // warm the hash slots of the attempt `ahead / 2` later (its ties are cached by now)
            const auto [p, q] = ends(ring[(attempt + ahead / 2) % ahead]);
            held.prefetch(key(p.first, q.second));
            held.prefetch(key(q.first, p.second));
            held.prefetch(key(p.first, p.second));
            held.prefetch(key(q.first, q.second));
        }
        if (x.i == x.j) continue;
        const auto [p, q] = ends(x);
        const auto [a, b] = p;
        const auto [c, d] = q;
        // a→b, c→d become a→d, c→b.
        if (a == d || c == b || a == c || b == d) continue;
        const std::uint64_t ad = key(a, d), cb = key(c, b);
        if (held.contains(ad) || held.contains(cb)) continue;
        held.erase(key(a, b));
        held.erase(key(c, d));
        held.insert(ad);
        held.insert(cb);
        pairs[x.i] = {a, d};
        pairs[x.j] = {c, b};
        ++done;
    }
    return done;
}

TestResult test_statistic(const Network& net, const NetworkStatistic& statistic, const TestOptions& options) {
    if (options.reps == 0) throw invalid_value("test: reps must be at least 1");
    if (!statistic) throw invalid_value("test: no statistic");
    const auto& st = net.state();
    // Compact vertices: live stakeholders in slot order.
    std::vector<StakeholderId> slot_of;
    std::vector<std::uint32_t> compact(net.slot_count(), 0);
    for (StakeholderId who : net.stakeholders()) {
        compact[who.index()] = static_cast<std::uint32_t>(slot_of.size());
        slot_of.push_back(who);
    }
    const auto n = static_cast<std::uint32_t>(slot_of.size());

    TestResult result;
    result.statistic = options.statistic;
    result.null = std::string(to_string(options.null));
    result.reps = options.reps;
    result.observed = statistic(net);

    std::vector<TestedRelation> tested;
    Network base;
    const Community* circles = nullptr;
    std::vector<Circle> observed_circles;
    std::vector<std::string> observed_labels;
    if (options.null == NullModel::labels) {
        if (!options.community.empty()) {
            circles = &net.community(options.community);
            for (StakeholderId who : slot_of) observed_circles.push_back(circles->circle(who));
        } else if (!options.facet.empty()) {
            const Facet facet(options.facet);
            if (facet.is_attribute() && !net.has_attribute_name(options.facet))
                throw invalid_value("test: no facet \"" + options.facet + "\"");
            if (category_key(options.facet) == "id")
                throw invalid_value("test: the id facet cannot be permuted");
            for (StakeholderId who : slot_of)
                observed_labels.emplace_back(facet(net.stakeholder(who)));
        } else {
            throw invalid_value("test: the labels null needs a facet or a community");
        }
    } else {
        const detail::Follow follow = detail::resolve(options.ties, net);
        for (std::size_t k = 0; k < st.relations.size(); ++k) {
            const auto kind = static_cast<TieKind>(k);
            if (!follow.follows(kind) || st.tie_counts[k] == 0) continue;
            tested.push_back({.kind = kind, .mutual = st.is_mutual(kind), .pairs = {}, .values = {}});
        }
        if (tested.empty()) throw invalid_value("test: the null has no ties to redraw");
        std::vector<std::size_t> row(st.relations.size(), tested.size());
        for (std::size_t t = 0; t < tested.size(); ++t) row[static_cast<std::size_t>(tested[t].kind)] = t;
        for (std::uint32_t id = 0; id < st.graph.edge_count(); ++id) {
            const TieRecord& r = st.graph.tie(id);
            const std::size_t t = row[static_cast<std::size_t>(st.graph.kind(id))];
            if (t == tested.size()) continue;
            tested[t].pairs.emplace_back(compact[r.source], compact[r.target]);
            tested[t].values.push_back(r.weight);
        }
        base = net;
        for (const auto& rel : tested)
            for (const auto& [u, w] : rel.pairs) base.remove_tie(slot_of[u], slot_of[w], rel.kind);
        if (n < 2 && options.null != NullModel::qap)
            throw invalid_value("test: a null graph needs two stakeholders");
    }

    std::vector<double> sample(options.reps, nan);
    detail::parallel_chunks(
        options.reps, 4, options.threads,
        [&](unsigned, std::size_t first, std::size_t last) {
            std::vector<std::uint32_t> perm;
            std::vector<Pair> pairs;
            std::vector<double> values;
            std::vector<Tie> ties;
            for (std::size_t r = first; r < last; ++r) {
                detail::Rng rng(options.seed, r);
                if (options.null == NullModel::labels) {
                    perm.resize(n);
                    std::iota(perm.begin(), perm.end(), 0U);
                    shuffle_as_ei(perm, rng);
                    Network rep = net;
                    if (circles) {
                        Community& c = rep.community(options.community);
                        for (std::uint32_t v = 0; v < n; ++v)
                            c.set_circle(slot_of[v], observed_circles[perm[v]]);
                    } else {
                        for (std::uint32_t v = 0; v < n; ++v) {
                            Stakeholder s = rep.stakeholder(slot_of[v]);
                            set_facet(s, options.facet, observed_labels[perm[v]]);
                            rep.update_stakeholder(slot_of[v], std::move(s));
                        }
                    }
                    sample[r] = statistic(rep);
                    continue;
                }
                ties.clear();
                if (options.null == NullModel::qap) {
                    perm.resize(n);
                    std::iota(perm.begin(), perm.end(), 0U);
                    shuffle_as_ei(perm, rng);
                }
                for (std::size_t t = 0; t < tested.size(); ++t) {
                    const auto& rel = tested[t];
                    switch (options.null) {
                    case NullModel::qap:
                        pairs.clear();
                        for (const auto& [u, w] : rel.pairs) pairs.emplace_back(perm[u], perm[w]);
                        values = rel.values;
                        break;
                    case NullModel::rewire: {
                        pairs = rel.pairs;
                        values = rel.values;
                        const auto m = static_cast<double>(pairs.size());
                        rewire_pairs(pairs, !rel.mutual,
                                     static_cast<std::size_t>(options.swaps_per_tie * m),
                                     static_cast<std::size_t>(10.0 * options.swaps_per_tie * m),
                                     options.seed, r * tested.size() + t + (std::uint64_t{1} << 62U));
                        break;
                    }
                    default:
                        draw_cug(options.null, rel, n, rng, pairs, values);
                        break;
                    }
                    for (std::size_t e = 0; e < pairs.size(); ++e)
                        ties.push_back({slot_of[pairs[e].first], slot_of[pairs[e].second], rel.kind,
                                        values[e]});
                }
                Network rep = base;
                rep.add_ties(ties, Merge::first);
                sample[r] = statistic(rep);
            }
        },
        options.progress);
    summarise(result, sample);
    if (options.keep_sample) result.sample = std::move(sample);
    return result;
}

TestResult test_event_statistic(const Network& net, const EventLog& log, const EventStatistic& statistic,
                       const EventTestOptions& options) {
    if (options.reps == 0) throw invalid_value("test: reps must be at least 1");
    if (!statistic) throw invalid_value("test: no statistic");
    TestResult result;
    result.statistic = options.statistic;
    result.null = "event-times";
    result.reps = options.reps;
    result.observed = statistic(net, log);
    // Each source's events, by position in the log.
    std::vector<std::vector<std::size_t>> by_source(net.slot_count());
    for (std::size_t i = 0; i < log.size(); ++i) by_source[log.source(i).index()].push_back(i);
    std::vector<double> sample(options.reps, nan);
    detail::parallel_chunks(
        options.reps, 2, options.threads,
        [&](unsigned, std::size_t first, std::size_t last) {
            std::vector<Event> events(log.size());
            std::vector<Time> times;
            for (std::size_t r = first; r < last; ++r) {
                detail::Rng rng(options.seed, r);
                for (std::size_t i = 0; i < log.size(); ++i) events[i] = log[i];
                for (const auto& mine : by_source) {
                    times.clear();
                    for (std::size_t i : mine) times.push_back(log.time(i));
                    for (std::size_t i = times.size(); i > 1; --i)
                        std::swap(times[i - 1], times[below(rng, i)]);
                    for (std::size_t k = 0; k < mine.size(); ++k) events[mine[k]].time = times[k];
                }
                const EventLog permuted(events, log.kind());
                sample[r] = statistic(net, permuted);
            }
        },
        options.progress);
    summarise(result, sample);
    if (options.keep_sample) result.sample = std::move(sample);
    return result;
}

namespace {
constexpr std::array<std::string_view, 8> names = {
    "density", "reciprocity", "transitivity", "degree_assortativity", "ei", "assortativity",
    "numeric_assortativity", "correlation"};

// sna's gcor of the 0/1 matrices of two relations over the ordered pairs of distinct stakeholders.
double relation_correlation(const Network& net, TieKind a, TieKind b) {
    const auto& st = net.state();
    detail::FlatSet64 in_a, in_b;
    const bool ma = st.is_mutual(a), mb = st.is_mutual(b);
    const auto key = [](std::uint32_t u, std::uint32_t w) { return (std::uint64_t{u} << 32U) | w; };
    double sa = 0, sb = 0, sab = 0;
    for (std::uint32_t id = 0; id < st.graph.edge_count(); ++id) {
        const TieRecord& r = st.graph.tie(id);
        const TieKind kind = st.graph.kind(id);
        for (int pass = 0; pass < 2; ++pass) {
            const std::uint32_t u = pass == 0 ? r.source : r.target;
            const std::uint32_t w = pass == 0 ? r.target : r.source;
            if (kind == a && (pass == 0 || ma) && in_a.insert(key(u, w))) sa += 1;
            if (kind == b && (pass == 0 || mb) && in_b.insert(key(u, w))) sb += 1;
        }
    }
    for (std::uint32_t id = 0; id < st.graph.edge_count(); ++id) {
        if (st.graph.kind(id) != a) continue;
        const TieRecord& r = st.graph.tie(id);
        sab += in_b.contains(key(r.source, r.target)) ? 1 : 0;
        if (ma) sab += in_b.contains(key(r.target, r.source)) ? 1 : 0;
    }
    const double n = static_cast<double>(net.stakeholder_count());
    const double m = n * (n - 1);
    const double cov = sab - sa * sb / m;
    const double va = sa - sa * sa / m, vb = sb - sb * sb / m;
    return cov / std::sqrt(va * vb);
}
} // namespace

std::span<const std::string_view> statistic_names() noexcept { return names; }

NetworkStatistic named_statistic(const Network& net, std::string_view name,
                                 const TieFilter& filter, std::string_view facet) {
    const auto measure = [filter](double (*pick)(const NetworkMeasures&)) -> NetworkStatistic {
        return [filter, pick](const Network& g) {
            NetworkMeasuresOptions o;
            o.filter = filter;
            o.distances = false;
            o.threads = 1;
            return pick(network_measures(g, o));
        };
    };
    if (name == "density") return measure([](const NetworkMeasures& m) { return m.density; });
    if (name == "reciprocity")
        return measure([](const NetworkMeasures& m) { return m.reciprocity.edgewise; });
    if (name == "transitivity")
        return measure([](const NetworkMeasures& m) { return m.transitivity; });
    if (name == "degree_assortativity")
        return measure([](const NetworkMeasures& m) { return m.degree_assortativity; });
    if (name == "ei" || name == "assortativity") {
        if (facet.empty()) throw invalid_value("statistic " + std::string(name) + " needs a facet");
        (void)Facet(facet);
        if (Facet(facet).is_attribute() && !net.has_attribute_name(facet))
            throw invalid_value("statistic " + std::string(name) + ": no facet \"" +
                                std::string(facet) + "\"");
        std::string f(facet);
        if (name == "ei")
            return [filter, f](const Network& g) {
                return ei_index(g, f, {.filter = filter, .permutations = 0}).ei_index;
            };
        return [filter, f](const Network& g) { return attribute_assortativity(g, f, filter); };
    }
    if (name == "numeric_assortativity") {
        if (facet.empty()) throw invalid_value("statistic numeric_assortativity needs an attribute (the facet)");
        std::string f(facet);
        (void)numeric_assortativity(net, f, filter);  // a bad attribute or value fails here, once
        return [filter, f](const Network& g) { return numeric_assortativity(g, f, filter); };
    }
    if (name.rfind("correlation:", 0) == 0) {
        const std::string_view rest = name.substr(12);
        const auto comma = rest.find(',');
        if (comma == std::string_view::npos)
            throw invalid_value("statistic correlation:A,B names two relations");
        const auto find = [&](std::string_view r) {
            const auto k = net.find_relation(r);
            if (!k) throw invalid_value("statistic correlation: no relation \"" + std::string(r) + "\"");
            return *k;
        };
        const TieKind a = find(rest.substr(0, comma)), b = find(rest.substr(comma + 1));
        return [a, b](const Network& g) { return relation_correlation(g, a, b); };
    }
    std::string known;
    for (std::string_view n : names) known += (known.empty() ? "" : ", ") + std::string(n);
    throw invalid_value("unknown statistic \"" + std::string(name) + "\" (expected " + known +
                        ":A,B)");
}

ResamplingError resampling_error(const Network& net, const NetworkStatistic& statistic,
                                 const ResamplingOptions& options) {
    if (!statistic) throw invalid_value("resampling_error: no statistic");
    const std::size_t n = net.stakeholder_count();
    if (n < 2) throw invalid_value("resampling_error: needs two stakeholders");
    std::vector<StakeholderId> who;
    for (StakeholderId s : net.stakeholders()) who.push_back(s);
    ResamplingError out;
    out.observed = statistic(net);
    out.jackknife_se = out.bootstrap_se = nan;
    const auto sd_of = [](const std::vector<double>& xs, bool jackknife) {
        double sum = 0.0;
        std::size_t k = 0;
        for (double x : xs)
            if (!std::isnan(x)) {
                sum += x;
                ++k;
            }
        if (k < 2) return nan;
        const double mean = sum / static_cast<double>(k);
        double ss = 0.0;
        for (double x : xs)
            if (!std::isnan(x)) ss += (x - mean) * (x - mean);
        const double kk = static_cast<double>(k);
        return jackknife ? std::sqrt((kk - 1.0) / kk * ss) : std::sqrt(ss / (kk - 1.0));
    };
    if (options.jackknife) {
        std::vector<double> theta(n, nan);
        detail::parallel_chunks(n, 4, options.threads, [&](unsigned, std::size_t first, std::size_t last) {
            for (std::size_t i = first; i < last; ++i) {
                Network rep = net;
                rep.remove_stakeholder(who[i]);
                theta[i] = statistic(rep);
            }
        });
        out.jackknife_se = sd_of(theta, true);
    }
    if (options.bootstrap_reps > 0) {
        const auto& st = net.state();
        std::vector<double> theta(options.bootstrap_reps, nan);
        detail::parallel_chunks(
            options.bootstrap_reps, 2, options.threads,
            [&](unsigned, std::size_t first, std::size_t last) {
                for (std::size_t r = first; r < last; ++r) {
                    detail::Rng rng(options.seed, r);
                    Network rep;
                    for (const Relation& rel : net.relations()) rep.add_relation(rel);
                    for (const std::string& a : net.attribute_names()) rep.add_attribute_name(a);
                    std::vector<std::vector<StakeholderId>> copies(net.slot_count());
                    for (std::size_t k = 0; k < n; ++k) {
                        const StakeholderId original = who[below(rng, n)];
                        Stakeholder s = net.stakeholder(original);
                        s.id += "#" + std::to_string(k);
                        copies[original.index()].push_back(rep.add_stakeholder(std::move(s)));
                    }
                    for (const Community* c : net.communities()) {
                        Community& mine = rep.add_community(c->name(), c->domain());
                        for (StakeholderId s : who)
                            for (StakeholderId copy : copies[s.index()])
                                mine.set_circle(copy, c->circle(s));
                    }
                    std::vector<Tie> ties;
                    for (std::uint32_t id = 0; id < st.graph.edge_count(); ++id) {
                        const TieRecord& t = st.graph.tie(id);
                        for (StakeholderId a : copies[t.source])
                            for (StakeholderId b : copies[t.target])
                                ties.push_back({a, b, st.graph.kind(id), t.weight});
                    }
                    rep.add_ties(ties, Merge::first);
                    theta[r] = statistic(rep);
                }
            },
            options.progress);
        out.bootstrap_reps = options.bootstrap_reps;
        out.bootstrap_se = sd_of(theta, false);
    }
    return out;
}

} // namespace copnet
