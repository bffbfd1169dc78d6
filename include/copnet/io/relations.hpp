#pragma once
/// \file
/// `relations.csv`: a network's relation declarations (docs/formats.md), read before the ties so
/// that their names, roles, directions, polarities and scales are known:
///
/// ```
/// name,role,direction,polarity,scale
/// reports_to,authority,directed,positive,binary
/// advice,influence,directed,positive,binary
/// messages,communication,directed,positive,count
/// ```
/// `name` and `role` are required; `direction` (directed), `polarity` (positive) and `scale`
/// (unit) default when the column or the cell is empty. Spellings are case-insensitive.

#include <filesystem>
#include <ostream>
#include <string_view>

#include "copnet/network.hpp"

namespace copnet {

/// Declares the relations of `file` in `net` (`Network::add_relation`), in file order; returns
/// how many rows it read. All or nothing: on error `net` is unchanged. RFC 4180, UTF-8 with an
/// optional BOM. Cost: O(size + rows · relations).
/// Throws: io_error if the file cannot be read; parse_error naming file, line and column for a
/// missing or repeated column, an unknown role, direction, polarity or scale, an empty name, a
/// name declared twice, or a built-in redeclared while it has ties.
std::size_t read_relations(Network& net, const std::filesystem::path& file);

/// As `read_relations`, from text in memory; `file_name` labels the input in error messages.
std::size_t parse_relations(Network& net, std::string_view text,
                            std::string_view file_name = "relations.csv");

/// Writes every relation of `net` as `relations.csv`, in `TieKind` order, which
/// `read_relations` reads back to the same declarations. Cost: O(relations).
/// Throws: io_error if the stream fails.
void write_relations(const Network& net, std::ostream& out);
/// Saves `relations.csv` at `path` atomically. Throws: io_error.
void write_relations(const Network& net, const std::filesystem::path& path);

/// True when `net` has relations beyond the built-in three, or a built-in one declared
/// otherwise than by default — when a relations file is needed beside nodes.csv and ties.csv
/// to keep what the network means. Cost: O(relations).
[[nodiscard]] bool has_declared_relations(const Network& net) noexcept;

} // namespace copnet
