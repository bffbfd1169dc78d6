#pragma once
/// \file
/// Umbrella header: the whole public API of copnet (Boost.Graph internals excluded: see
/// `copnet/graph.hpp`).

#include "copnet/analysis/boundary.hpp"  // IWYU pragma: export
#include "copnet/analysis/reach.hpp"  // IWYU pragma: export
#include "copnet/community.hpp"    // IWYU pragma: export
#include "copnet/error.hpp"        // IWYU pragma: export
#include "copnet/io/csv.hpp"       // IWYU pragma: export
#include "copnet/network.hpp"      // IWYU pragma: export
#include "copnet/stakeholder.hpp"  // IWYU pragma: export
#include "copnet/summary.hpp"      // IWYU pragma: export
#include "copnet/tie.hpp"          // IWYU pragma: export
