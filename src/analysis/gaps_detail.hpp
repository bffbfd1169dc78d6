#pragma once
// Shared between the gaps sources (not installed).

#include <cstdint>
#include <string_view>
#include <vector>

#include "copnet/analysis/gaps.hpp"
#include "detail/categories.hpp"
#include "detail/snapshot.hpp"

namespace copnet::detail {


/// Candidates ranked against a representation already computed.
[[nodiscard]] std::vector<Candidate> rank_candidates(const Network& net,
                                                     const Community& community,
                                                     const Representation& rep,
                                                     const CandidateOptions& options);

/// Hopcroft–Tarjan on an undirected graph in CSR form (every edge listed from both ends),
/// iteratively. Edges back to a vertex's DFS parent are all skipped, so parallel edges count
/// as one (simple-graph semantics, as NetworkX's Graph).
struct CutResult {
    std::vector<std::uint32_t> cut_vertices;  ///< increasing
    /// (p, piece size, size of p's connected piece) for each DFS child of p that p separates.
    struct Piece {
        std::uint32_t at;
        std::uint32_t size;
        std::uint32_t component;
    };
    std::vector<Piece> pieces;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> bridges;  ///< (parent, child)
    std::uint32_t components = 0;
};

/// Cost: O(V + E) time, 5 words per vertex.
[[nodiscard]] CutResult cut_structure(std::uint32_t n, const std::uint32_t* offsets,
                                      const std::uint32_t* targets, bool want_pieces,
                                      bool want_bridges);

} // namespace copnet::detail
