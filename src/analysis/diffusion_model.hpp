#pragma once
// The diffusion models prepared for simulation: the followed ties as a weighted snapshot, the
// linear-threshold scale and thresholds, and a per-thread simulator of one run. Shared by
// spread, coalition synergy and CELF (src/analysis/leverage.cpp).

#include <cstdint>
#include <limits>
#include <memory>
#include <span>
#include <vector>

#include "copnet/analysis/reach.hpp"
#include "detail/snapshot.hpp"
#include "detail/random.hpp"

namespace copnet::detail {

/// A network and DiffusionOptions, checked and prepared once.
struct DiffusionModelData {
    std::shared_ptr<const Snapshot> snap;  ///< followed ties, with weights
    DiffusionModel model = DiffusionModel::independent_cascade;
    std::optional<double> probability;     ///< IC: uniform probability instead of weights
    /// LT: 1 / max(1, summed weight into the vertex): divides each tie's weight.
    std::vector<double> scale;
    /// LT: the given threshold, or NaN (drawn per run).
    std::vector<double> threshold;
    bool any_given_threshold = false;

    /// Checks `options` (probability, thresholds) and prepares. Throws invalid_value.
    /// Cost: O(V + E).
    static DiffusionModelData prepare(const Network& net, const DiffusionOptions& options);
};

/// Compact vertices of `ids`, duplicates dropped (first kept). Throws unknown_stakeholder.
std::vector<std::uint32_t> compact_ids(const Network& net, const Snapshot& s,
                                       std::span<const StakeholderId> ids);

/// The key of Monte Carlo run `run` under `seed`.
[[nodiscard]] inline std::uint64_t run_key(std::uint64_t seed, std::uint64_t run) noexcept {
    return Rng(seed, run)();
}
/// Uniform [0,1) draw for tie entry `i` in the run with `key` (SplitMix64 at position i).
[[nodiscard]] inline double tie_draw(std::uint64_t key, std::uint64_t i) noexcept {
    return static_cast<double>(mix64(key + (i + 1) * 0x9E3779B97F4A7C15ULL) >> 11U) * 0x1.0p-53;
}
/// Uniform [0,1) draw for vertex `v` in the run with `key`, independent of the tie draws.
[[nodiscard]] inline double vertex_draw(std::uint64_t key, std::uint64_t v) noexcept {
    return tie_draw(mix64(key ^ 0x5851F42D4C957F2DULL), v);
}

/// One diffusion run at a time over a prepared model; buffers are kept between runs and
/// stamped, so a run costs only what it touches. One per thread.
class Cascade {
public:
    explicit Cascade(const DiffusionModelData& m)
        : m_(&m), mark_(m.snap->size(), 0), touched_(m.model == DiffusionModel::linear_threshold
                                                        ? m.snap->size()
                                                        : 0,
                                                    0),
          acc_(touched_.size()), theta_(touched_.size()) {}

    /// Runs one diffusion from `sources`; `key` (see run_key) fixes every random choice of the
    /// run: tie i succeeds iff tie_draw(key, i) < its probability, stakeholder v's drawn
    /// threshold is vertex_draw(key, v). Returns the adopters (sources first, then in order of
    /// adoption); the view is valid until the next run.
    std::span<const std::uint32_t> run(std::span<const std::uint32_t> sources, std::uint64_t key);

private:
    void next_stamp();
    void run_ic(std::uint64_t key);
    void run_lt(std::uint64_t key);

    const DiffusionModelData* m_;
    std::uint32_t stamp_ = 0;
    std::vector<std::uint32_t> mark_;     // == stamp_: adopted in this run
    std::vector<std::uint32_t> touched_;  // LT: == stamp_: acc_/theta_ valid in this run
    std::vector<double> acc_;
    std::vector<double> theta_;
    std::vector<std::uint32_t> order_;
};

/// Monte Carlo estimate of σ(sources) with runs 0..runs-1 of `seed` (the same streams as
/// `spread`, so estimates of different sets share their random numbers). Deterministic
/// whatever `threads`. Cost: O(runs · reached).
double expected_spread(const DiffusionModelData& m, std::span<const std::uint32_t> sources,
                       std::size_t runs, std::uint64_t seed, unsigned threads);

} // namespace copnet::detail
