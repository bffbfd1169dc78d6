#pragma once
/// \file
/// Membership snapshots: a community's circles at one moment, kept as a CSV file `id,circle`,
/// so that two moments can be compared (`trajectories` in copnet/analysis/circles.hpp).

#include <filesystem>
#include <string>
#include <string_view>

#include "copnet/community.hpp"
#include "copnet/network.hpp"

namespace copnet {

/// How to read a membership snapshot.
struct MembershipOptions {
    /// The column holding the circles (case-insensitive), e.g. "circle" or "circle_2024".
    std::string column = "circle";
};

/// Reads a membership snapshot into a new community `name` of `net` and returns it.
///
/// The file: a header row with an `id` column and the circle column (other columns ignored),
/// one row per stakeholder; circles `core`, `inner`, `outer`, `none` (case-insensitive; empty =
/// `none`); stakeholders the file does not list are not members. Read as nodes.csv is: RFC 4180
/// quoting, UTF-8 with optional BOM, header names trimmed and compared ignoring ASCII case (a
/// name given twice is an error), ids verbatim (`" a"` is not `"a"`). All or nothing: on any
/// error, allocation failure included, `net` is unchanged (no community is added).
/// Cost: O(file size) expected.
/// Throws: io_error (cannot read the file); parse_error naming the file, the 1-based line and
/// the field for a missing or repeated column, an empty id, an id the network lacks, an id
/// listed twice, an unknown circle or a ragged row; invalid_value if the community name is
/// empty or taken; std::bad_alloc.
Community& read_membership(Network& net, const std::filesystem::path& file, std::string name,
                           const MembershipOptions& options = {});

/// As `read_membership`, from text in memory; `file_name` labels the input in error messages.
Community& parse_membership(Network& net, std::string_view text, std::string name,
                            std::string_view file_name = "membership.csv",
                            const MembershipOptions& options = {});

} // namespace copnet
