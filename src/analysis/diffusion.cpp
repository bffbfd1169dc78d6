// Diffusion by Monte Carlo: independent cascade and linear threshold (Kempe, Kleinberg &
// Tardos 2003), spread with adoption probabilities, breakdown by circle and facet, coalition
// synergy.

#include <algorithm>
#include <iterator>
#include <charconv>
#include <cmath>
#include <string>
#include <unordered_map>

#include "copnet/error.hpp"
#include "detail/categories.hpp"
#include "detail/parallel.hpp"
#include "detail/relations.hpp"
#include "detail/text.hpp"
#include "diffusion_model.hpp"

namespace copnet {

namespace {
constexpr std::string_view model_names[] = {"ic", "lt"};
constexpr std::string_view long_model_names[] = {"independent_cascade", "linear_threshold"};
constexpr std::string_view method_names[] = {"automatic", "celf", "imm"};

// Runs per chunk handed to a thread: small enough to balance, large enough to amortise.
constexpr std::size_t runs_per_chunk = 16;
} // namespace

std::string_view to_string(DiffusionModel model) noexcept {
    return model_names[static_cast<std::size_t>(model)];
}

DiffusionModel parse_diffusion_model(std::string_view text) {
    const std::string_view t = detail::trim(text);
    for (std::size_t i = 0; i < std::size(long_model_names); ++i)
        if (detail::iequals(t, long_model_names[i])) return static_cast<DiffusionModel>(i);
    return detail::parse_enum<DiffusionModel>(text, model_names, "diffusion model");
}

std::string_view to_string(LeverageMethod method) noexcept {
    return method_names[static_cast<std::size_t>(method)];
}

LeverageMethod parse_leverage_method(std::string_view text) {
    if (detail::iequals(detail::trim(text), "auto")) return LeverageMethod::automatic;
    return detail::parse_enum<LeverageMethod>(text, method_names, "leverage method");
}

namespace detail {

DiffusionModelData DiffusionModelData::prepare(const Network& net,
                                               const DiffusionOptions& options) {
    if (options.probability && !(*options.probability >= 0.0 && *options.probability <= 1.0))
        throw invalid_value("probability " + std::to_string(*options.probability) +
                            " is outside [0,1]");
    if (options.probability && options.model == DiffusionModel::linear_threshold)
        throw invalid_value("a uniform probability applies to independent cascade only (linear "
                            "threshold reads the tie weights)");
    // Chances in [0,1] (DESIGN §3.4): a relation of another scale needs a uniform probability,
    // and a negative relation carries no message.
    const auto followed = detail::followed(options.filter, net);
    for (std::size_t k = 0; k < net.relations().size(); ++k) {
        if (!followed[k]) continue;
        const Relation& r = net.relations()[k];
        if (r.polarity == Polarity::negative)
            throw invalid_value("relation \"" + r.name + "\" is negative: a diffusion does not "
                                "travel along it");
        if (!options.probability && (r.scale == Scale::count || r.scale == Scale::real))
            throw invalid_value("relation \"" + r.name + "\" has scale " +
                                std::string(to_string(r.scale)) +
                                ": a diffusion needs chances in [0,1]; give a uniform probability "
                                "(independent cascade, --probability P) or follow other relations");
    }
    DiffusionModelData m;
    m.model = options.model;
    m.probability = options.probability;
    m.snap = Snapshot::of(net, options.filter, true);
    if (m.model != DiffusionModel::linear_threshold) return m;
    const Snapshot& s = *m.snap;
    std::vector<double> into(s.size(), 0.0);
    for (std::size_t i = 0; i < s.targets.size(); ++i) into[s.targets[i]] += s.weights[i];
    m.scale.resize(s.size());
    for (std::uint32_t v = 0; v < s.size(); ++v) m.scale[v] = 1.0 / std::max(1.0, into[v]);
    m.threshold.assign(s.size(), std::numeric_limits<double>::quiet_NaN());
    const Facet column(options.threshold_attribute);
    for (std::uint32_t v = 0; v < s.size(); ++v) {
        const Stakeholder& who = net.stakeholder(s.stakeholder(v));
        const std::string_view text = trim(column(who));
        if (text.empty()) continue;
        double value = 0.0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (ec != std::errc() || end != text.data() + text.size() || !(value >= 0.0) ||
            value > 1.0)
            throw invalid_value("stakeholder \"" + who.id + "\": " + options.threshold_attribute +
                                " \"" + std::string(text) + "\" is not a number in [0,1]");
        m.threshold[v] = value;
        m.any_given_threshold = true;
    }
    return m;
}

std::vector<std::uint32_t> compact_ids(const Network& net, const Snapshot& s,
                                       std::span<const StakeholderId> ids) {
    std::vector<std::uint32_t> out;
    out.reserve(ids.size());
    std::vector<bool> seen(s.size(), false);
    for (StakeholderId who : ids) {
        const std::uint32_t v = s.vertex(who);
        if (v == Snapshot::npos) (void)net.stakeholder(who);  // throws unknown_stakeholder
        if (seen[v]) continue;
        seen[v] = true;
        out.push_back(v);
    }
    return out;
}

void Cascade::next_stamp() {
    if (++stamp_ == 0) {  // wrapped after 2^32 runs: clear and start again
        std::fill(mark_.begin(), mark_.end(), 0);
        std::fill(touched_.begin(), touched_.end(), 0);
        stamp_ = 1;
    }
}

std::span<const std::uint32_t> Cascade::run(std::span<const std::uint32_t> sources,
                                            std::uint64_t key) {
    next_stamp();
    order_.clear();
    for (std::uint32_t v : sources)
        if (mark_[v] != stamp_) {
            mark_[v] = stamp_;
            order_.push_back(v);
        }
    if (m_->model == DiffusionModel::independent_cascade)
        run_ic(key);
    else
        run_lt(key);
    return order_;
}

void Cascade::run_ic(std::uint64_t key) {
    const Snapshot& s = *m_->snap;
    const std::uint32_t* offsets = s.offsets.data();
    const std::uint32_t* targets = s.targets.data();
    const double* weights = s.weights.data();
    const double uniform = m_->probability.value_or(-1.0);
    if (uniform == 0.0) return;
    for (std::size_t head = 0; head < order_.size(); ++head) {
        const std::uint32_t u = order_[head];
        for (std::uint32_t i = offsets[u], end = offsets[u + 1]; i < end; ++i) {
            const std::uint32_t w = targets[i];
            if (mark_[w] == stamp_) continue;
            // The tie's coin in this run: a function of (run, tie) only, so the same ties are
            // live in a run whichever stakeholders start it (common random numbers).
            const double p = uniform >= 0.0 ? uniform : weights[i];
            if (!(tie_draw(key, i) < p)) continue;
            mark_[w] = stamp_;
            order_.push_back(w);
        }
    }
}

void Cascade::run_lt(std::uint64_t key) {
    const Snapshot& s = *m_->snap;
    const std::uint32_t* offsets = s.offsets.data();
    const std::uint32_t* targets = s.targets.data();
    const double* weights = s.weights.data();
    for (std::size_t head = 0; head < order_.size(); ++head) {
        const std::uint32_t u = order_[head];
        for (std::uint32_t i = offsets[u], end = offsets[u + 1]; i < end; ++i) {
            const std::uint32_t w = targets[i];
            if (mark_[w] == stamp_) continue;
            if (touched_[w] != stamp_) {
                touched_[w] = stamp_;
                acc_[w] = 0.0;
                // A drawn threshold is a function of (run, stakeholder) only, like IC's coins.
                const double given = m_->threshold[w];
                theta_[w] = std::isnan(given) ? vertex_draw(key, w) : given;
            }
            acc_[w] += weights[i] * m_->scale[w];
            if (acc_[w] >= theta_[w]) {
                mark_[w] = stamp_;
                order_.push_back(w);
            }
        }
    }
}

namespace {

// Adopters per run (sizes[r]) and, if `counts` is non-null, how often each vertex adopted.
void simulate(const DiffusionModelData& m, std::span<const std::uint32_t> sources,
              std::size_t runs, std::uint64_t seed, unsigned threads,
              std::vector<std::uint32_t>& sizes, std::vector<std::uint64_t>* counts,
              const Progress& progress) {
    sizes.assign(runs, 0);
    const std::uint32_t n = m.snap->size();
    const unsigned workers = worker_count(threads, (runs + runs_per_chunk - 1) / runs_per_chunk);
    std::vector<std::vector<std::uint32_t>> per_worker(counts != nullptr ? workers : 0);
    std::vector<std::unique_ptr<Cascade>> cascades(workers);
    parallel_chunks(
        runs, runs_per_chunk, workers,
        [&](unsigned worker, std::size_t first, std::size_t last) {
            if (!cascades[worker]) {
                cascades[worker] = std::make_unique<Cascade>(m);
                if (counts != nullptr) per_worker[worker].assign(n, 0);
            }
            Cascade& c = *cascades[worker];
            for (std::size_t r = first; r < last; ++r) {
                const auto adopted = c.run(sources, run_key(seed, r));
                sizes[r] = static_cast<std::uint32_t>(adopted.size());
                if (counts != nullptr)
                    for (std::uint32_t v : adopted) ++per_worker[worker][v];
            }
        },
        progress);
    if (counts == nullptr) return;
    counts->assign(n, 0);
    for (const auto& local : per_worker)
        if (!local.empty())
            for (std::uint32_t v = 0; v < n; ++v) (*counts)[v] += local[v];
}

void check_runs(std::size_t runs) {
    if (runs == 0) throw invalid_value("runs must be at least 1");
    if (runs > std::numeric_limits<std::uint32_t>::max())
        throw invalid_value("runs must be below 2^32");
}

} // namespace

double expected_spread(const DiffusionModelData& m, std::span<const std::uint32_t> sources,
                       std::size_t runs, std::uint64_t seed, unsigned threads) {
    std::vector<std::uint32_t> sizes;
    simulate(m, sources, runs, seed, threads, sizes, nullptr, {});
    std::uint64_t total = 0;
    for (std::uint32_t x : sizes) total += x;
    return static_cast<double>(total) / static_cast<double>(runs);
}

} // namespace detail

SpreadResult spread(const Network& net, std::span<const StakeholderId> sources,
                    const DiffusionOptions& options) {
    if (sources.empty()) throw invalid_value("spread needs at least one source");
    detail::check_runs(options.runs);
    const auto m = detail::DiffusionModelData::prepare(net, options);
    const auto start = detail::compact_ids(net, *m.snap, sources);
    std::vector<std::uint32_t> sizes;
    std::vector<std::uint64_t> counts;
    detail::simulate(m, start, options.runs, options.seed, options.threads, sizes, &counts,
                     options.progress);
    SpreadResult r;
    r.runs = options.runs;
    std::uint64_t total = 0;
    for (std::uint32_t x : sizes) total += x;
    const double runs = static_cast<double>(options.runs);
    r.expected = static_cast<double>(total) / runs;
    if (options.runs > 1) {
        double squares = 0.0;  // in run order: the same sum whatever the threads
        for (std::uint32_t x : sizes) squares += (x - r.expected) * (x - r.expected);
        r.stddev = std::sqrt(squares / (runs - 1.0));
    }
    const double half = 1.96 * r.stddev / std::sqrt(runs);
    r.ci_low = r.expected - half;
    r.ci_high = r.expected + half;
    const detail::Snapshot& s = *m.snap;
    r.adoption.reserve(s.size());
    for (std::uint32_t v = 0; v < s.size(); ++v)
        r.adoption.push_back({s.stakeholder(v), static_cast<double>(counts[v]) / runs});
    return r;
}

SpreadBreakdown break_down(const Network& net, const SpreadResult& result,
                           const Community* community, std::string_view facet) {
    SpreadBreakdown out;
    std::vector<double> p(net.slot_count(), 0.0);
    for (const Adoption& a : result.adoption) p.at(a.who.index()) = a.probability;
    if (community != nullptr) {
        for (Circle c : {Circle::core, Circle::inner, Circle::outer, Circle::none})
            out.by_circle.push_back({std::string(to_string(c)), 0, 0.0, 0.0});
        for (StakeholderId who : net.stakeholders()) {
            auto& row = out.by_circle[static_cast<std::size_t>(community->circle(who))];
            ++row.total;
            row.expected += p[who.index()];
        }
    }
    if (!facet.empty()) {
        const Facet f = detail::checked_facet(net, facet);
        detail::CategoryTable rows(f);  // spellings of one category merge
        for (StakeholderId who : net.stakeholders()) {
            const std::string_view category = f(net.stakeholder(who));
            const std::uint32_t i = rows.add(category);
            if (i == out.by_facet.size()) out.by_facet.push_back({std::string(category), 0, 0.0, 0.0});
            auto& row = out.by_facet[i];
            ++row.total;
            row.expected += p[who.index()];
        }
    }
    for (auto* rows : {&out.by_circle, &out.by_facet})
        for (auto& row : *rows)
            row.share = row.total == 0 ? 0.0 : row.expected / static_cast<double>(row.total);
    return out;
}

Synergy coalition_synergy(const Network& net, std::span<const StakeholderId> coalition,
                          const DiffusionOptions& options) {
    if (coalition.empty()) throw invalid_value("a coalition needs at least one stakeholder");
    detail::check_runs(options.runs);
    const auto m = detail::DiffusionModelData::prepare(net, options);
    const auto members = detail::compact_ids(net, *m.snap, coalition);
    Synergy out;
    const std::size_t steps = members.size() + 1;
    out.together = detail::expected_spread(m, members, options.runs, options.seed, options.threads);
    if (options.progress) options.progress(1, steps);
    for (std::size_t i = 0; i < members.size(); ++i) {
        const std::uint32_t one[] = {members[i]};
        const double alone =
            detail::expected_spread(m, one, options.runs, options.seed, options.threads);
        const StakeholderId who = m.snap->stakeholder(members[i]);
        out.alone.push_back({who, alone});
        out.sum_alone += alone;
        if (i == 0 || alone > out.best_single) {
            out.best_single = alone;
            out.best = who;
        }
        if (options.progress) options.progress(i + 2, steps);
    }
    return out;
}

std::vector<Adoption> likely_adopters(const SpreadResult& r) {
    std::vector<Adoption> out;
    std::copy_if(r.adoption.begin(), r.adoption.end(), std::back_inserter(out),
                 [](const Adoption& a) { return a.probability > 0.0; });
    std::stable_sort(out.begin(), out.end(), [](const Adoption& a, const Adoption& b) {
        return a.probability > b.probability;
    });
    return out;
}

} // namespace copnet
