#pragma once
/// \file
/// The taxonomy CSV file: the categories a community is expected to have, in a user's own
/// words (`Taxonomy` and the framework's preset are in `copnet/analysis/gaps.hpp`).
///
///     facet,category,aliases
///     sector,families,family;parents
///     region,north,
///
///     const copnet::Taxonomy t = copnet::read_taxonomy("taxonomy.csv", &net);
///     const auto report = copnet::representation(net, community, {.taxonomy = t});

#include <filesystem>
#include <string_view>

#include "copnet/analysis/gaps.hpp"

namespace copnet {

/// Parses a taxonomy in CSV: header `facet,category,aliases` (aliases optional; several are
/// separated by `;`), one category per record, RFC 4180 quoting. `name` labels errors.
/// With `net`, a facet that is neither built-in nor one of `net`'s attribute columns is
/// rejected. Cost: O(size + attribute names of `net`) expected (hash sets of the spellings).
/// Throws: parse_error naming `name`, the line and the field for a missing header column, an
/// empty facet or category, an unknown facet, a category or alias that repeats one already
/// given for the facet (ignoring case), an unclosed quote or invalid UTF-8.
[[nodiscard]] Taxonomy parse_taxonomy(std::string_view text, std::string_view name = "taxonomy.csv",
                                      const Network* net = nullptr);

/// Reads a taxonomy CSV file (as `parse_taxonomy`). Throws: io_error if it cannot be read;
/// parse_error as `parse_taxonomy`, naming the path.
[[nodiscard]] Taxonomy read_taxonomy(const std::filesystem::path& path,
                                     const Network* net = nullptr);

} // namespace copnet
