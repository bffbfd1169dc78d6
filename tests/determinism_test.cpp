// Deterministic parallelism (issue 25, item 4): every analysis that takes a `threads` option
// gives bit-identical results at 1, 2 and 8 threads for a seed, on a seeded generated landscape
// and on a real fixture (Lazega's law firm; the perceval-git event log). Results are compared
// as fingerprints: every number of a result struct, doubles by their bits (so a NaN equals the
// same NaN and -0.0 differs from 0.0), ids by slot, texts by their characters. Each case also
// checks something the threads cannot make equal by themselves — another seed gives another
// sample, an estimate moves with its sources — so an analysis that ignored its seed would fail.
#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <catch2/catch.hpp>

#include "copnet/analysis/boundary.hpp"
#include "copnet/analysis/centrality.hpp"
#include "copnet/analysis/gaps.hpp"
#include "copnet/analysis/inference.hpp"
#include "copnet/analysis/network_measures.hpp"
#include "copnet/analysis/reach.hpp"
#include "copnet/events.hpp"
#include "copnet/generate.hpp"
#include "copnet/io/csv.hpp"
#include "real_data.hpp"

using namespace copnet;
namespace fs = std::filesystem;

namespace {

const fs::path data = fs::path(COPNET_SOURCE_DIR) / "tests" / "data";
constexpr unsigned thread_counts[] = {2, 8};  // each against 1

// Every number of a result, in order, as 64-bit words.
struct Bits {
    std::vector<std::uint64_t> words;

    Bits& operator<<(double x) {
        words.push_back(std::bit_cast<std::uint64_t>(x));
        return *this;
    }
    template <class I>
        requires std::is_integral_v<I>
    Bits& operator<<(I x) {
        words.push_back(static_cast<std::uint64_t>(x));
        return *this;
    }
    template <class E>
        requires std::is_enum_v<E>
    Bits& operator<<(E x) {
        return *this << static_cast<std::underlying_type_t<E>>(x);
    }
    Bits& operator<<(StakeholderId who) { return *this << who.index(); }
    Bits& operator<<(std::string_view s) {
        *this << s.size();
        for (char c : s) *this << static_cast<unsigned char>(c);
        return *this;
    }
    Bits& operator<<(const std::string& s) { return *this << std::string_view(s); }
    template <class T>
    Bits& operator<<(const std::vector<T>& xs) {
        *this << xs.size();
        for (const T& x : xs) *this << x;
        return *this;
    }
    template <class T>
    Bits& operator<<(const std::optional<T>& x) {
        *this << x.has_value();
        if (x) *this << *x;
        return *this;
    }
    friend bool operator==(const Bits&, const Bits&) = default;
};

} // namespace

// A failed comparison prints sizes and hashes, not thousands of words.
template <>
struct Catch::StringMaker<Bits> {
    static std::string convert(const Bits& b) {
        std::uint64_t h = 1469598103934665603ULL;  // FNV-1a over the words
        for (std::uint64_t w : b.words) h = (h ^ w) * 1099511628211ULL;
        std::ostringstream out;
        out << b.words.size() << " words, hash " << std::hex << h;
        return out.str();
    }
};

namespace {

// ---- fingerprints of the result structs --------------------------------------------------

Bits& operator<<(Bits& b, const Betweenness& x) { return b << x.who << x.value; }
Bits& operator<<(Bits& b, const ReachCount& x) { return b << x.who << x.reached; }
Bits& operator<<(Bits& b, const BrokerageRoles& r) {
    return b << r.coordinator << r.itinerant << r.representative << r.gatekeeper << r.liaison
             << r.total;
}
Bits& operator<<(Bits& b, const Brokerage& x) { return b << x.who << x.raw << x.expected << x.z; }
Bits& operator<<(Bits& b, const BrokerageResult& r) {
    return b << r.categories << r.stakeholders << r.density;
}
Bits& operator<<(Bits& b, const GroupEI& g) {
    return b << g.group << g.size << g.internal << g.external << g.ei_index;
}
Bits& operator<<(Bits& b, const StakeholderEI& s) {
    return b << s.who << s.internal << s.external << s.ei_index;
}
Bits& operator<<(Bits& b, const EIResult& r) {
    return b << r.internal << r.external << r.ei_index << r.expected << r.p_greater << r.p_less
             << r.permutations << r.groups << r.stakeholders;
}
Bits& operator<<(Bits& b, const Spanner& s) {
    return b << s.who << s.categories << s.betweenness << s.cross_group_betweenness
             << s.cross_group_share << s.brokerage;
}
Bits& operator<<(Bits& b, const StructuralHoles& h) {
    return b << h.who << h.effective_size << h.efficiency << h.constraint;
}
Bits& operator<<(Bits& b, const LevelCrossing& l) {
    b << l.kind << l.unknown;
    for (const auto& row : l.ties)
        for (std::size_t x : row) b << x;
    return b;
}
Bits& operator<<(Bits& b, const MixingMatrix& m) {
    return b << m.facet << m.categories << m.ties << m.weights << m.total << m.crossing
             << m.crossing_share;
}
Bits& operator<<(Bits& b, const BoundaryReport& r) {
    return b << r.facet << r.mixing << r.ei << r.brokerage << r.holes << r.spanners
             << r.betweenness_sources << r.levels << r.assortativity;
}
Bits& operator<<(Bits& b, const CentralityTable& t) {
    return b << t.undirected << t.normalized << t.measures << t.ids << t.values;
}
Bits& operator<<(Bits& b, const NetworkMeasures& m) {
    b << m.undirected << m.stakeholders << m.ties << m.density << m.reciprocity.edgewise
      << m.dyad_census.mutual << m.dyad_census.asymmetric << m.dyad_census.null;
    for (std::uint64_t x : m.triad_census) b << x;
    return b << m.transitivity << m.weak_components << m.strong_components
             << m.largest_component << m.diameter << m.average_distance
             << m.degree_assortativity << m.weak_cutpoints << m.strong_cutpoints;
}
Bits& operator<<(Bits& b, const Adoption& a) { return b << a.who << a.probability; }
Bits& operator<<(Bits& b, const SpreadResult& r) {
    return b << r.runs << r.expected << r.stddev << r.ci_low << r.ci_high << r.adoption;
}
Bits& operator<<(Bits& b, const MemberSpread& m) { return b << m.who << m.expected; }
Bits& operator<<(Bits& b, const Synergy& s) {
    return b << s.together << s.alone << s.best << s.best_single << s.sum_alone;
}
Bits& operator<<(Bits& b, const Convener& c) { return b << c.who << c.gain; }
Bits& operator<<(Bits& b, const LeverageResult& r) {
    return b << r.conveners << r.expected << r.method << r.samples;
}
Bits& operator<<(Bits& b, const TestResult& r) {
    return b << r.statistic << r.null << r.reps << r.observed << r.defined << r.null_mean
             << r.null_sd << r.p_greater << r.p_less << r.sample;
}
Bits& operator<<(Bits& b, const Coefficient& c) {
    return b << c.term << c.estimate << c.t << c.p_greater << c.p_less << c.p_two_sided;
}
Bits& operator<<(Bits& b, const RegressionResult& r) {
    return b << r.model << r.null << r.reps << r.n << r.mutual << r.coefficients
             << r.df_residual << r.r_squared << r.adj_r_squared << r.residual_se << r.deviance
             << r.null_deviance << r.aic << r.bic << r.iterations << r.residuals;
}
Bits& operator<<(Bits& b, const ResamplingError& e) {
    return b << e.observed << e.jackknife_se << e.bootstrap_se << e.bootstrap_reps;
}
Bits& operator<<(Bits& b, const Reason& r) { return b << r.code << r.text; }
Bits& operator<<(Bits& b, const Candidate& c) {
    return b << c.who << c.score << c.parts.ties << c.parts.categories << c.parts.stance
             << c.parts.reach << c.ties_to_members << c.reach_added << c.reasons;
}
Bits& operator<<(Bits& b, const Tie& t) { return b << t.source << t.target << t.kind << t.weight; }
Bits& operator<<(Bits& b, const Network& net) {
    for (StakeholderId who : net.stakeholders()) b << who << net.stakeholder(who).id;
    return b << net.all_ties();
}

template <class T>
Bits bits(const T& x) {
    Bits b;
    b << x;
    return b;
}

// The fingerprint of `run(threads)` at 1 thread, after checking that 2 and 8 give it too.
template <class Run>
Bits same_at_any_thread_count(Run&& run) {
    const Bits one = bits(run(1U));
    REQUIRE(one.words.size() > 1);
    for (unsigned threads : thread_counts) {
        CAPTURE(threads);
        CHECK(bits(run(threads)) == one);
    }
    return one;
}

// ---- the landscapes ------------------------------------------------------------------------

// 1,500 stakeholders and 6,000 ties: large enough that every analysis splits into many chunks
// (and betweenness fills its 8 lanes), small enough that the whole file runs in seconds.
const Network& landscape() {
    static const Network net = generate({.stakeholders = 1500, .ties = 6000, .seed = 11});
    return net;
}
// A smaller one for the analyses that copy the network per replicate.
const Network& small_landscape() {
    static const Network net = generate({.stakeholders = 300, .ties = 1200, .seed = 12});
    return net;
}
// Lazega's law firm: 71 lawyers, influence (advice), collaboration (cowork) and friendship.
const Network& lazega() {
    static const Network net = copnet::test::load_real(data, "lazega-lawfirm");
    return net;
}

std::vector<StakeholderId> first(const Network& net, std::size_t k, std::size_t step = 1) {
    std::vector<StakeholderId> out;
    std::size_t i = 0;
    for (StakeholderId who : net.stakeholders()) {
        if (i++ % step == 0) out.push_back(who);
        if (out.size() == k) break;
    }
    return out;
}

} // namespace

// ---- paths ---------------------------------------------------------------------------------

TEST_CASE("betweenness, exact, sampled and weighted, is bit-identical at 1, 2 and 8 threads",
          "[determinism][betweenness]") {
    for (const Network* net : {&landscape(), &lazega()}) {
        CAPTURE(net->stakeholder_count());
        const Bits exact = same_at_any_thread_count(
            [&](unsigned t) { return betweenness(*net, {.threads = t}); });
        const Bits sampled = same_at_any_thread_count([&](unsigned t) {
            return betweenness(*net, {.samples = 40, .seed = 3, .threads = t});
        });
        (void)same_at_any_thread_count([&](unsigned t) {
            return betweenness(*net, {.undirected = true, .normalized = true, .endpoints = true,
                                      .weighted = true, .samples = 50, .seed = 3, .threads = t});
        });
        // The sample is the seed's: another seed draws other sources.
        CHECK(sampled != exact);
        CHECK(bits(betweenness(*net, {.samples = 40, .seed = 4, .threads = 2})) != sampled);
    }
}

TEST_CASE("closeness, harmonic and betweenness columns are bit-identical at 1, 2 and 8 threads",
          "[determinism][centrality]") {
    for (const Network* net : {&landscape(), &lazega()}) {
        for (const bool weighted : {false, true}) {
            CAPTURE(net->stakeholder_count(), weighted);
            const std::vector<Measure> measures = {Measure::closeness, Measure::harmonic,
                                                   Measure::betweenness};
            CentralityTable last;
            (void)same_at_any_thread_count([&](unsigned t) {
                return last = centrality(*net, {.measures = measures, .weighted = weighted,
                                                .samples = 60, .seed = 9, .threads = t});
            });
            // The sampled betweenness is the seed's.
            const CentralityTable other = centrality(
                *net, {.measures = {Measure::betweenness}, .weighted = weighted, .samples = 60,
                       .seed = 10, .threads = 2});
            CHECK(bits(other.values[0]) != bits(last.column(Measure::betweenness)));
        }
    }
}

TEST_CASE("network measures' distances are bit-identical at 1, 2 and 8 threads",
          "[determinism][measures]") {
    for (const Network* net : {&landscape(), &lazega()}) {
        CAPTURE(net->stakeholder_count());
        (void)same_at_any_thread_count([&](unsigned t) {
            return network_measures(*net, NetworkMeasuresOptions{.threads = t});
        });
        const NetworkMeasures m = network_measures(*net, NetworkMeasuresOptions{.threads = 8});
        REQUIRE(m.diameter);
        CHECK(*m.diameter >= 2);
        CHECK(m.average_distance > 1.0);
    }
}

TEST_CASE("reach counts are identical at 1, 2 and 8 threads", "[determinism][reach]") {
    const Network& net = landscape();
    const Bits all = same_at_any_thread_count(
        [&](unsigned t) { return reach_counts(net, {.max_hops = 2}, t); });
    const auto some = first(net, 300, 5);
    (void)same_at_any_thread_count(
        [&](unsigned t) { return reach_counts(net, some, {.max_hops = 3}, t); });
    // Not all alike: the hubs reach more.
    const auto counts = reach_counts(net, {.max_hops = 2}, 8);
    const auto [low, high] = std::minmax_element(
        counts.begin(), counts.end(),
        [](const ReachCount& a, const ReachCount& b) { return a.reached < b.reached; });
    CHECK(low->reached < high->reached);
    CHECK(all != bits(reach_counts(net, {.max_hops = 3}, 8)));
}

// ---- boundaries ----------------------------------------------------------------------------

TEST_CASE("brokerage, E-I permutations, spanners and the boundary report are bit-identical at "
          "1, 2 and 8 threads", "[determinism][boundary]") {
    struct Case {
        const Network* net;
        const char* facet;
    };
    // perspective: the generator's ties ignore it, so its E-I p values are not 0 or 1.
    for (const Case c : {Case{&landscape(), "perspective"}, Case{&lazega(), "office"}}) {
        CAPTURE(c.facet);
        (void)same_at_any_thread_count(
            [&](unsigned t) { return brokerage(*c.net, c.facet, {.threads = t}); });
        const Bits ei = same_at_any_thread_count([&](unsigned t) {
            return ei_index(*c.net, c.facet, {.permutations = 500, .seed = 5, .threads = t});
        });
        (void)same_at_any_thread_count([&](unsigned t) {
            return boundary_spanners(*c.net, c.facet, {.samples = 50, .seed = 6, .threads = t});
        });
        (void)same_at_any_thread_count([&](unsigned t) {
            return boundaries(*c.net, {.facet = c.facet, .permutations = 200, .samples = 50,
                                       .seed = 7, .threads = t});
        });
        if (c.net == &landscape()) {
            const EIResult r = ei_index(*c.net, c.facet, {.permutations = 500, .seed = 5});
            CHECK(r.p_greater > 0.0);
            CHECK(r.p_greater < 1.0);
            CHECK(bits(ei_index(*c.net, c.facet, {.permutations = 500, .seed = 50})) != ei);
        }
    }
}

// ---- diffusion -----------------------------------------------------------------------------

TEST_CASE("spread and coalition synergy are bit-identical at 1, 2 and 8 threads",
          "[determinism][diffusion]") {
    const Network& net = landscape();
    const auto sources = first(net, 3);
    for (const DiffusionModel model :
         {DiffusionModel::independent_cascade, DiffusionModel::linear_threshold}) {
        CAPTURE(to_string(model));
        const Bits s = same_at_any_thread_count([&](unsigned t) {
            return spread(net, sources, {.model = model, .runs = 1000, .seed = 7, .threads = t});
        });
        CHECK(bits(spread(net, sources, {.model = model, .runs = 1000, .seed = 8})) != s);
        (void)same_at_any_thread_count([&](unsigned t) {
            return coalition_synergy(net, sources,
                                     {.model = model, .runs = 300, .seed = 7, .threads = t});
        });
    }
    const auto few = first(lazega(), 2);
    (void)same_at_any_thread_count([&](unsigned t) {
        return spread(lazega(), few, {.runs = 2000, .seed = 7, .threads = t, .probability = 0.1});
    });
}

TEST_CASE("leverage by CELF and by IMM is bit-identical at 1, 2 and 8 threads",
          "[determinism][leverage]") {
    const Network& net = landscape();
    const auto pool = first(net, 30, 7);
    const Bits celf = same_at_any_thread_count([&](unsigned t) {
        return leverage(net, pool, {.diffusion = {.runs = 100, .seed = 3, .threads = t},
                                    .k = 3, .method = LeverageMethod::celf});
    });
    const Bits imm = same_at_any_thread_count([&](unsigned t) {
        return leverage(net, {.diffusion = {.runs = 0, .seed = 3, .threads = t}, .k = 5,
                              .method = LeverageMethod::imm, .epsilon = 0.3});
    });
    (void)same_at_any_thread_count([&](unsigned t) {
        return leverage(lazega(), {.diffusion = {.runs = 200, .seed = 3, .threads = t,
                                                 .probability = 0.05},
                                   .k = 3, .method = LeverageMethod::imm, .epsilon = 0.3});
    });
    const LeverageResult r = leverage(net, {.diffusion = {.runs = 0, .seed = 3}, .k = 5,
                                            .method = LeverageMethod::imm, .epsilon = 0.3});
    CHECK(r.samples > 2048);  // more than one chunk of reverse-reachable sets
    CHECK(bits(leverage(net, {.diffusion = {.runs = 0, .seed = 4}, .k = 5,
                              .method = LeverageMethod::imm, .epsilon = 0.3})) != imm);
    CHECK(celf != imm);
}

// ---- inference -----------------------------------------------------------------------------

TEST_CASE("test under every null is bit-identical at 1, 2 and 8 threads",
          "[determinism][inference]") {
    const Network& small = small_landscape();
    const NetworkStatistic transitivity = named_statistic(small, "transitivity");
    const NetworkStatistic ei = named_statistic(small, "ei", {}, "perspective");
    // Ties with both ends in the community: moves when its circles are shuffled.
    const NetworkStatistic inside = [](const Network& g) {
        const Community& c = g.community("community");
        double n = 0;
        for (const Tie& t : g.all_ties())
            n += c.circle(t.source) != Circle::none && c.circle(t.target) != Circle::none ? 1 : 0;
        return n;
    };
    struct Case {
        const Network* net;
        NullModel null;
        std::string facet, community;
        const NetworkStatistic* statistic;
    };
    const NetworkStatistic reciprocity = named_statistic(lazega(), "reciprocity");
    const NetworkStatistic office_ei = named_statistic(lazega(), "ei", {}, "office");
    const std::vector<Case> cases = {
        {&small, NullModel::qap, "", "", &ei},
        {&small, NullModel::labels, "perspective", "", &ei},
        {&small, NullModel::labels, "", "community", &inside},
        {&small, NullModel::cug_edges, "", "", &transitivity},
        {&small, NullModel::cug_dyads, "", "", &transitivity},
        {&small, NullModel::rewire, "", "", &transitivity},
        // cug_size ties half of all pairs: on the real fixture (71 lawyers), not on 300.
        {&lazega(), NullModel::cug_size, "", "", &reciprocity},
        {&lazega(), NullModel::qap, "", "", &reciprocity},
        {&lazega(), NullModel::rewire, "", "", &reciprocity},
        {&lazega(), NullModel::labels, "office", "", &office_ei},
    };
    for (const Case& c : cases) {
        CAPTURE(c.net->stakeholder_count(), to_string(c.null), c.facet, c.community);
        // On the law firm the null redraws the advice ties only (one permutation of every
        // relation would leave reciprocity as it is).
        const TieFilter tested = c.net == &lazega() ? TieFilter::of({TieKind::influence}) : TieFilter{};
        const auto run = [&](unsigned t, std::uint64_t seed) {
            return test_statistic(*c.net, *c.statistic,
                                  {.null = c.null, .ties = tested, .facet = c.facet,
                                   .community = c.community,
                                   .reps = 24, .seed = seed, .threads = t, .swaps_per_tie = 2.0,
                                   .keep_sample = true});
        };
        const Bits b = same_at_any_thread_count([&](unsigned t) { return run(t, 1); });
        const TestResult other = run(2, 2);
        CHECK(other.sample != run(1, 1).sample);  // another seed, another null sample
        CHECK(bits(other) != b);
    }
}

TEST_CASE("the event-time permutation test is bit-identical at 1, 2 and 8 threads",
          "[determinism][inference][events]") {
    Network net;
    (void)parse_csv(net, [] {
        std::ifstream in(data / "perceval-git" / "nodes.csv");
        std::ostringstream text;
        text << in.rdbuf();
        return text.str();
    }(), "source,target\n");
    const EventLog log = read_events(net, data / "perceval-git" / "events.csv");
    REQUIRE(log.size() == 607);
    // Replies: events a → b at t preceded by an event b → a at most 30 days before.
    const EventStatistic replies = [](const Network&, const EventLog& g) {
        const double window = 30.0 * 86400.0;
        std::size_t n = 0;
        for (std::size_t i = 0; i < g.size(); ++i)
            for (std::size_t j = 0; j < g.size(); ++j)
                if (g.source(j) == g.target(i) && g.target(j) == g.source(i) &&
                    g.time(j) <= g.time(i) &&
                    static_cast<double>(g.time(i) - g.time(j)) <= window) {
                    ++n;
                    break;
                }
        return static_cast<double>(n);
    };
    const auto run = [&](unsigned t, std::uint64_t seed) {
        return test_event_statistic(net, log, replies,
                                    {.reps = 16, .seed = seed, .threads = t, .keep_sample = true});
    };
    const Bits b = same_at_any_thread_count([&](unsigned t) { return run(t, 1); });
    CHECK(bits(run(2, 2)) != b);
}

TEST_CASE("MRQAP regression under every permutation null is bit-identical at 1, 2 and 8 threads",
          "[determinism][inference][mrqap]") {
    const Network& net = lazega();
    // law_school matters little (p about 0.2), so another seed moves its p values.
    const std::vector<std::string> terms = {"collaboration", "same:office", "diff:age",
                                            "same:law_school"};
    for (const RegressionModel model : {RegressionModel::lm, RegressionModel::logit}) {
        for (const RegressionNull null : {RegressionNull::qapspp, RegressionNull::qapy,
                                          RegressionNull::qapx, RegressionNull::qapallx}) {
            if (model == RegressionModel::logit && null != RegressionNull::qapspp) continue;
            CAPTURE(to_string(model), to_string(null));
            const std::size_t reps = model == RegressionModel::lm ? 60 : 20;
            const Bits b = same_at_any_thread_count([&](unsigned t) {
                return regress(net, "friendship", terms,
                               {.model = model, .null = null, .reps = reps, .seed = 4,
                                .threads = t});
            });
            CHECK(bits(regress(net, "friendship", terms,
                               {.model = model, .null = null, .reps = reps, .seed = 5,
                                .threads = 2})) != b);
        }
    }
}

TEST_CASE("jackknife and bootstrap errors are bit-identical at 1, 2 and 8 threads",
          "[determinism][inference]") {
    for (const Network* net : {&small_landscape(), &lazega()}) {
        CAPTURE(net->stakeholder_count());
        const NetworkStatistic transitivity = named_statistic(*net, "transitivity");
        const auto run = [&](unsigned t, bool jackknife, std::uint64_t seed) {
            return resampling_error(*net, transitivity, {.jackknife = jackknife,
                                                         .bootstrap_reps = 24, .seed = seed,
                                                         .threads = t});
        };
        ResamplingError last;
        (void)same_at_any_thread_count([&](unsigned t) { return last = run(t, true, 1); });
        CHECK(last.jackknife_se > 0.0);
        const ResamplingError one = run(2, false, 1);
        const ResamplingError two = run(2, false, 2);
        CHECK(std::isfinite(one.bootstrap_se));
        CHECK(two.bootstrap_se != one.bootstrap_se);  // another seed, other resamples
    }
}

// ---- gaps and loading ----------------------------------------------------------------------

TEST_CASE("invitation candidates and the gaps report are identical at 1, 2 and 8 threads",
          "[determinism][gaps]") {
    const Network& net = landscape();
    const Community& community = net.community("community");
    const Bits c = same_at_any_thread_count([&](unsigned t) {
        return candidates(net, community, {.limit = 0, .threads = t});
    });
    (void)same_at_any_thread_count([&](unsigned t) {
        GapsOptions o;
        o.candidates.threads = t;
        return gaps(net, community, o).candidates;
    });
    // The reach part counts: without it the ranking changes.
    CHECK(bits(candidates(net, community, {.reach = 0.0, .limit = 0})) != c);
}

TEST_CASE("a large ties.csv read on 1, 2 and 8 threads gives the same network, tie for tie",
          "[determinism][csv]") {
    const Network net = generate({.stakeholders = 5000, .ties = 60000, .seed = 13});
    std::ostringstream nodes, ties;
    write_csv(net, nodes, ties);
    REQUIRE(ties.str().size() > (std::size_t{1} << 20U));  // split in halves on 2 threads
    const auto read = [&](unsigned t) {
        Network out;
        CsvOptions o;
        o.threads = t;
        (void)parse_csv(out, nodes.str(), ties.str(), o);
        return out;
    };
    (void)same_at_any_thread_count(read);
    // The ties as generated, in order and value for value (a CSV pair has no community domain,
    // so the networks themselves differ there).
    CHECK(read(2).all_ties() == net.all_ties());
}
