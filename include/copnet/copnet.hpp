#pragma once
/// \file
/// Umbrella header: the whole public API of copnet (Boost.Graph internals excluded: see
/// `copnet/graph.hpp`).

#include "copnet/analysis/boundary.hpp"  // IWYU pragma: export
#include "copnet/analysis/centrality.hpp"  // IWYU pragma: export
#include "copnet/analysis/circles.hpp"  // IWYU pragma: export
#include "copnet/analysis/components.hpp"  // IWYU pragma: export
#include "copnet/analysis/gaps.hpp"   // IWYU pragma: export
#include "copnet/analysis/groups.hpp"  // IWYU pragma: export
#include "copnet/analysis/health.hpp"  // IWYU pragma: export
#include "copnet/analysis/network_measures.hpp"  // IWYU pragma: export
#include "copnet/analysis/reach.hpp"  // IWYU pragma: export
#include "copnet/analysis/relations.hpp"  // IWYU pragma: export
#include "copnet/analysis/temporal_reach.hpp"  // IWYU pragma: export
#include "copnet/community.hpp"    // IWYU pragma: export
#include "copnet/describe.hpp"     // IWYU pragma: export
#include "copnet/error.hpp"        // IWYU pragma: export
#include "copnet/events.hpp"       // IWYU pragma: export
#include "copnet/generate.hpp"     // IWYU pragma: export
#include "copnet/io/archive.hpp"   // IWYU pragma: export
#include "copnet/io/csv.hpp"       // IWYU pragma: export
#include "copnet/io/dot.hpp"       // IWYU pragma: export
#include "copnet/io/file.hpp"      // IWYU pragma: export
#include "copnet/io/graphml.hpp"   // IWYU pragma: export
#include "copnet/io/json.hpp"      // IWYU pragma: export
#include "copnet/io/membership.hpp"  // IWYU pragma: export
#include "copnet/io/relations.hpp"  // IWYU pragma: export
#include "copnet/io/svg.hpp"       // IWYU pragma: export
#include "copnet/io/taxonomy.hpp"  // IWYU pragma: export
#include "copnet/io/health_chart.hpp" // IWYU pragma: export
#include "copnet/network.hpp"      // IWYU pragma: export
#include "copnet/progress.hpp"     // IWYU pragma: export
#include "copnet/relation.hpp"     // IWYU pragma: export
#include "copnet/stakeholder.hpp"  // IWYU pragma: export
#include "copnet/summary.hpp"      // IWYU pragma: export
#include "copnet/tie.hpp"          // IWYU pragma: export
#include "copnet/version.hpp"      // IWYU pragma: export
