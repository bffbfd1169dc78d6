// Leverage: choosing conveners who maximise expected spread. CELF (Leskovec et al., KDD 2007)
// over Monte Carlo estimates, and IMM (Tang, Shi & Xiao, SIGMOD 2015) over reverse-reachable
// sets, with Chen's correction (arXiv:1808.09363, 2018): the final sample is drawn afresh,
// independent of the one that estimated the lower bound.

#include <algorithm>
#include <cmath>
#include <limits>
#include <queue>
#include <string>

#include "copnet/error.hpp"
#include "detail/parallel.hpp"
#include "detail/random.hpp"
#include "diffusion_model.hpp"

namespace copnet {
namespace {

using detail::Snapshot;

// ------------------------------------------------------------------------------------------
// CELF

LeverageResult celf(const detail::DiffusionModelData& m, const std::vector<std::uint32_t>& cands,
                    const LeverageOptions& o) {
    const DiffusionOptions& d = o.diffusion;
    struct Entry {
        double gain;
        std::uint32_t rank;   // position among the candidates: ties go to the earlier one
        std::uint32_t round;  // |S| when `gain` was computed
    };
    const auto less = [](const Entry& a, const Entry& b) {
        return a.gain != b.gain ? a.gain < b.gain : a.rank > b.rank;
    };
    std::priority_queue<Entry, std::vector<Entry>, decltype(less)> heap(less);
    LeverageResult r;
    r.method = LeverageMethod::celf;
    std::vector<std::uint32_t> chosen;
    const auto sigma_with = [&](std::uint32_t v) {
        chosen.push_back(v);
        const double s = detail::expected_spread(m, chosen, d.runs, d.seed, d.threads);
        chosen.pop_back();
        ++r.samples;
        return s;
    };
    const std::size_t steps = cands.size() + o.k;
    for (std::uint32_t i = 0; i < cands.size(); ++i) {
        heap.push({sigma_with(cands[i]), i, 0});
        // About a hundred reports over the first pass.
        if (d.progress && ((i + 1) * 100 / cands.size() != i * 100 / cands.size()))
            d.progress(i + 1, steps);
    }
    double current = 0.0;
    while (chosen.size() < o.k) {
        Entry top = heap.top();
        heap.pop();
        if (top.round == chosen.size()) {
            chosen.push_back(cands[top.rank]);
            r.conveners.push_back({m.snap->stakeholder(cands[top.rank]), top.gain});
            current += top.gain;
            if (d.progress) d.progress(cands.size() + chosen.size(), steps);
            continue;
        }
        top.gain = sigma_with(cands[top.rank]) - current;
        top.round = static_cast<std::uint32_t>(chosen.size());
        heap.push(top);
    }
    r.expected = current;
    return r;
}

// ------------------------------------------------------------------------------------------
// IMM

// Reverse-reachable sets, in fixed chunks: set j lives in chunk j / per_chunk, and is drawn
// from its own generator, so the collection does not depend on the threads that drew it.
struct RrSets {
    static constexpr std::size_t per_chunk = 2048;
    struct Chunk {
        std::vector<std::uint32_t> nodes;
        std::vector<std::uint32_t> ends;  // ends[i]: one past set i's last node in `nodes`
    };
    std::vector<Chunk> chunks;
    [[nodiscard]] std::size_t size() const noexcept { return chunks.size() * per_chunk; }
    template <class F>
    void for_each(F&& f) const {  // f(set index, span of nodes)
        std::size_t j = 0;
        for (const Chunk& c : chunks) {
            std::uint32_t begin = 0;
            for (std::uint32_t end : c.ends) {
                f(j++, std::span<const std::uint32_t>(c.nodes.data() + begin, end - begin));
                begin = end;
            }
        }
    }
};

// A row of the reverse snapshot whose ties all succeed with one probability `p` (NaN if they
// differ), with log(1 - p) ready for geometric jumps.
struct RowChance {
    double p = std::numeric_limits<double>::quiet_NaN();
    double log_q = 0.0;
};

// Draws one reverse-reachable set at a time: the stakeholders who would have reached a random
// root in a random live-edge graph (IC: each tie live with its probability; LT: each
// stakeholder keeps at most one in-tie, chosen with probability = its normalised weight).
class RrSampler {
public:
    RrSampler(const Snapshot& reverse, const detail::DiffusionModelData& m,
              const std::vector<RowChance>& row_p)
        : rev_(&reverse), m_(&m), row_p_(&row_p), mark_(reverse.size(), 0) {}

    void sample(detail::Rng& rng, std::vector<std::uint32_t>& out) {
        if (++stamp_ == 0) {
            std::fill(mark_.begin(), mark_.end(), 0);
            stamp_ = 1;
        }
        const std::size_t first = out.size();
        // Modulo bias: below size / 2^64, far under any sampling error.
        const auto root = static_cast<std::uint32_t>(rng() % rev_->size());
        mark_[root] = stamp_;
        out.push_back(root);
        if (m_->model == DiffusionModel::linear_threshold)
            walk(rng, root, out);
        else
            spread(rng, first, out);
    }

private:
    void visit(std::uint32_t w, std::vector<std::uint32_t>& out) {
        if (mark_[w] == stamp_) return;
        mark_[w] = stamp_;
        out.push_back(w);
    }

    void spread(detail::Rng& rng, std::size_t first, std::vector<std::uint32_t>& out) {
        const std::uint32_t* offsets = rev_->offsets.data();
        const std::uint32_t* targets = rev_->targets.data();
        const double* weights = rev_->weights.data();
        for (std::size_t head = first; head < out.size(); ++head) {
            const std::uint32_t u = out[head];
            const std::uint64_t begin = offsets[u];
            const std::uint64_t end = offsets[u + 1];
            const double p = (*row_p_)[u].p;
            if (p >= 1.0) {
                for (std::uint64_t i = begin; i < end; ++i) visit(targets[i], out);
            } else if (p > 0.0) {
                // Equal chances along the row: jump from success to success (SUBSIM, Guo et al.
                // SIGMOD 2020), O(successes) rather than O(row).
                const double log_q = (*row_p_)[u].log_q;
                for (std::uint64_t i = begin + rng.skip(log_q); i < end; i += 1 + rng.skip(log_q))
                    visit(targets[i], out);
            } else if (std::isnan(p)) {
                for (std::uint64_t i = begin; i < end; ++i)
                    if (mark_[targets[i]] != stamp_ && rng.chance(weights[i]))
                        visit(targets[i], out);
            }
        }
    }

    void walk(detail::Rng& rng, std::uint32_t u, std::vector<std::uint32_t>& out) {
        for (;;) {
            const double r = rng.unit();
            double acc = 0.0;
            std::uint32_t next = Snapshot::npos;
            for (std::uint32_t i = rev_->offsets[u], end = rev_->offsets[u + 1]; i < end; ++i) {
                acc += rev_->weights[i] * m_->scale[u];
                if (r < acc) {
                    next = rev_->targets[i];
                    break;
                }
            }
            if (next == Snapshot::npos || mark_[next] == stamp_) return;
            mark_[next] = stamp_;
            out.push_back(next);
            u = next;
        }
    }

    const Snapshot* rev_;
    const detail::DiffusionModelData* m_;
    const std::vector<RowChance>* row_p_;
    std::uint32_t stamp_ = 0;
    std::vector<std::uint32_t> mark_;
};

struct Imm {
    const detail::DiffusionModelData& m;
    const Snapshot& rev;
    std::vector<RowChance> row_p;
    const std::vector<std::uint32_t>& cands;
    std::vector<char> is_cand;
    const LeverageOptions& o;

    // Adds chunks until `sets` is at least `target` sets; chunk c is drawn from streams
    // (salt, c · per_chunk + i).
    void grow(RrSets& sets, std::size_t target, std::uint64_t salt, const Progress& progress) {
        const std::size_t have = sets.chunks.size();
        const std::size_t want = (target + RrSets::per_chunk - 1) / RrSets::per_chunk;
        if (want <= have) return;
        sets.chunks.resize(want);
        const unsigned workers = detail::worker_count(o.diffusion.threads, want - have);
        std::vector<std::unique_ptr<RrSampler>> samplers(workers);
        Progress scaled;
        if (progress)
            scaled = [&](std::size_t done, std::size_t /*chunks*/) {
                progress(std::min(target, (have + done) * RrSets::per_chunk), target);
            };
        detail::parallel_chunks(
            want - have, 1, workers,
            [&](unsigned worker, std::size_t first, std::size_t last) {
                if (!samplers[worker]) samplers[worker] = std::make_unique<RrSampler>(rev, m, row_p);
                for (std::size_t c = have + first; c < have + last; ++c) {
                    RrSets::Chunk& chunk = sets.chunks[c];
                    chunk.ends.reserve(RrSets::per_chunk);
                    for (std::size_t i = 0; i < RrSets::per_chunk; ++i) {
                        detail::Rng rng(o.diffusion.seed ^ salt, c * RrSets::per_chunk + i);
                        samplers[worker]->sample(rng, chunk.nodes);
                        if (chunk.nodes.size() > std::numeric_limits<std::uint32_t>::max())
                            throw invalid_value("IMM: a chunk of reverse-reachable sets is too "
                                                "large; raise epsilon");
                        chunk.ends.push_back(static_cast<std::uint32_t>(chunk.nodes.size()));
                    }
                    chunk.nodes.shrink_to_fit();
                }
            },
            scaled);
    }

    // Greedy maximum coverage of `sets` by k candidates (lazy max-heap on coverage counts,
    // which only fall). Returns the sets covered; fills `out` with conveners and gains.
    std::size_t select(const RrSets& sets, std::vector<Convener>* out) const {
        const std::uint32_t n = rev.size();
        std::vector<std::uint64_t> start(std::size_t{n} + 1, 0);
        sets.for_each([&](std::size_t, std::span<const std::uint32_t> set) {
            for (std::uint32_t v : set) start[v + 1] += is_cand[v] != 0 ? 1U : 0U;
        });
        for (std::uint32_t v = 0; v < n; ++v) start[v + 1] += start[v];
        std::vector<std::uint32_t> index(start[n]);
        {
            std::vector<std::uint64_t> fill(start.begin(), start.end() - 1);
            sets.for_each([&](std::size_t j, std::span<const std::uint32_t> set) {
                for (std::uint32_t v : set)
                    if (is_cand[v] != 0) index[fill[v]++] = static_cast<std::uint32_t>(j);
            });
        }
        std::vector<std::uint64_t> count(n);
        for (std::uint32_t v = 0; v < n; ++v) count[v] = start[v + 1] - start[v];
        struct Entry {
            std::uint64_t count;
            std::uint32_t rank;
        };
        const auto less = [](const Entry& a, const Entry& b) {
            return a.count != b.count ? a.count < b.count : a.rank > b.rank;
        };
        std::priority_queue<Entry, std::vector<Entry>, decltype(less)> heap(less);
        for (std::uint32_t i = 0; i < cands.size(); ++i) heap.push({count[cands[i]], i});
        std::vector<bool> covered(sets.size(), false);
        // Each set's nodes, reached by index: chunk offsets of set j.
        const auto nodes_of = [&](std::size_t j) {
            const RrSets::Chunk& c = sets.chunks[j / RrSets::per_chunk];
            const std::size_t i = j % RrSets::per_chunk;
            const std::uint32_t b = i == 0 ? 0 : c.ends[i - 1];
            return std::span<const std::uint32_t>(c.nodes.data() + b, c.ends[i] - b);
        };
        std::size_t total = 0;
        for (std::size_t picked = 0; picked < o.k && !heap.empty();) {
            const Entry top = heap.top();
            heap.pop();
            const std::uint32_t v = cands[top.rank];
            if (top.count != count[v]) {
                heap.push({count[v], top.rank});
                continue;
            }
            for (std::uint64_t e = start[v]; e < start[v + 1]; ++e) {
                const std::uint32_t j = index[e];
                if (covered[j]) continue;
                covered[j] = true;
                for (std::uint32_t u : nodes_of(j))
                    if (is_cand[u] != 0) --count[u];
            }
            total += top.count;
            if (out != nullptr)
                out->push_back({m.snap->stakeholder(v), static_cast<double>(n) *
                                                            static_cast<double>(top.count) /
                                                            static_cast<double>(sets.size())});
            ++picked;
        }
        return total;
    }

    LeverageResult run() {
        const double n = rev.size();
        const double k = static_cast<double>(o.k);
        const double c = static_cast<double>(cands.size());
        const double log_n = std::log(std::max(n, 2.0));
        const double ell = o.ell * (1.0 + std::log(2.0) / log_n);
        const double log_choose = std::lgamma(c + 1) - std::lgamma(k + 1) - std::lgamma(c - k + 1);
        const double eps = o.epsilon;
        const double eps1 = std::sqrt(2.0) * eps;
        const double lambda1 = (2.0 + 2.0 / 3.0 * eps1) *
                               (log_choose + ell * log_n + std::log(std::max(1.0, std::log2(n)))) *
                               n / (eps1 * eps1);
        const auto checked = [](double sets) {
            if (!(sets < 4.0e9))
                throw invalid_value("IMM would need " + std::to_string(sets) +
                                    " reverse-reachable sets; raise epsilon");
            return static_cast<std::size_t>(std::ceil(sets));
        };
        double lower = 1.0;
        {
            RrSets sets;  // estimates the lower bound, then is dropped (Chen 2018)
            for (int i = 1; i < std::log2(n); ++i) {
                const double x = n / std::pow(2.0, i);
                grow(sets, checked(lambda1 / x), 1, o.diffusion.progress);
                const double covered = static_cast<double>(select(sets, nullptr)) /
                                       static_cast<double>(sets.size());
                if (n * covered >= (1.0 + eps1) * x) {
                    lower = n * covered / (1.0 + eps1);
                    break;
                }
            }
        }
        const double e1 = 1.0 - 1.0 / std::exp(1.0);
        const double alpha = std::sqrt(ell * log_n + std::log(2.0));
        const double beta = std::sqrt(e1 * (log_choose + ell * log_n + std::log(2.0)));
        const double lambda_star = 2.0 * n * std::pow(e1 * alpha + beta, 2.0) / (eps * eps);
        RrSets sets;
        grow(sets, checked(lambda_star / lower), 2, o.diffusion.progress);
        LeverageResult r;
        r.method = LeverageMethod::imm;
        r.samples = sets.size();
        const std::size_t covered = select(sets, &r.conveners);
        r.expected = n * static_cast<double>(covered) / static_cast<double>(sets.size());
        return r;
    }
};

} // namespace

LeverageResult leverage(const Network& net, std::span<const StakeholderId> candidates,
                        const LeverageOptions& o) {
    if (candidates.empty()) throw invalid_value("leverage needs at least one candidate");
    const DiffusionOptions& d = o.diffusion;
    const auto m = detail::DiffusionModelData::prepare(net, d);
    const auto cands = detail::compact_ids(net, *m.snap, candidates);
    if (o.k == 0) throw invalid_value("k must be at least 1");
    if (o.k > cands.size())
        throw invalid_value("k = " + std::to_string(o.k) + " but there are only " +
                            std::to_string(cands.size()) + " candidates");
    if (!(o.epsilon > 0.0 && o.epsilon < 1.0))
        throw invalid_value("epsilon must be in (0,1)");
    if (!(o.ell > 0.0) || !std::isfinite(o.ell)) throw invalid_value("ell must be above 0");
    if (d.runs > std::numeric_limits<std::uint32_t>::max())
        throw invalid_value("runs must be below 2^32");
    const bool given = m.model == DiffusionModel::linear_threshold && m.any_given_threshold;
    LeverageMethod method = o.method;
    if (method == LeverageMethod::automatic) {
        const double work = static_cast<double>(cands.size()) * static_cast<double>(d.runs) *
                            (static_cast<double>(m.snap->size()) +
                             static_cast<double>(m.snap->targets.size()));
        method = given || work <= o.celf_budget ? LeverageMethod::celf : LeverageMethod::imm;
    }
    if (method == LeverageMethod::celf) {
        if (d.runs == 0) throw invalid_value("CELF needs runs ≥ 1");
        return celf(m, cands, o);
    }
    if (given)
        throw invalid_value("IMM needs thresholds drawn at random; the stakeholders have a \"" +
                            d.threshold_attribute + "\" column (use CELF)");
    const auto rev = Snapshot::of(net, detail::reversed(d.filter), true);
    Imm imm{m, *rev, {}, cands, std::vector<char>(rev->size(), 0), o};
    for (std::uint32_t v : cands) imm.is_cand[v] = 1;
    // Per row of the reverse snapshot: the common activation probability, or NaN if mixed.
    imm.row_p.assign(rev->size(), RowChance{});
    for (std::uint32_t v = 0; v < rev->size(); ++v) {
        if (d.probability) {
            imm.row_p[v].p = *d.probability;
        } else {
            const std::uint32_t b = rev->offsets[v];
            const std::uint32_t e = rev->offsets[v + 1];
            if (b == e || std::all_of(rev->weights.begin() + b, rev->weights.begin() + e,
                                      [&](double w) { return w == rev->weights[b]; }))
                imm.row_p[v].p = b == e ? 0.0 : rev->weights[b];
        }
        if (imm.row_p[v].p > 0.0 && imm.row_p[v].p < 1.0)
            imm.row_p[v].log_q = std::log1p(-imm.row_p[v].p);
    }
    LeverageResult r = imm.run();
    if (d.runs > 0) {
        std::vector<std::uint32_t> chosen;
        for (const Convener& c : r.conveners) chosen.push_back(rev->vertex(c.who));
        r.expected = detail::expected_spread(m, chosen, d.runs, d.seed, d.threads);
    }
    return r;
}

std::vector<StakeholderId> convener_pool(const Network& net, const Community* community,
                                         std::optional<Circle> circle) {
    if (!circle || *circle == Circle::none) {
        const auto range = net.stakeholders();
        return {range.begin(), range.end()};
    }
    if (community == nullptr)
        throw invalid_value("conveners at or inside the " + std::string(to_string(*circle)) +
                            " circle need a community");
    std::vector<StakeholderId> pool = community->members_within(*circle);
    if (pool.empty())
        throw invalid_value("the community \"" + community->name() + "\" has no members at or inside the " +
                            std::string(to_string(*circle)) + " circle");
    return pool;
}

LeverageResult leverage(const Network& net, const LeverageOptions& options) {
    const auto range = net.stakeholders();
    const std::vector<StakeholderId> all(range.begin(), range.end());
    return leverage(net, all, options);
}

} // namespace copnet
