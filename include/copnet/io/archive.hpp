#pragma once
/// \file
/// Boost.Serialization archives of a `Network` with its communities: text, binary and XML.
///
/// For tools that embed copnet and save their state. An archive holds every stakeholder (all
/// facets and attributes), the declared attribute names, every tie (kind, weight) and every
/// community (name, domain, circles), then (since version 2) a checksum of all of it.
/// Layout and versioning: docs/formats.md.

#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <string>
#include <string_view>

#include "copnet/network.hpp"

namespace copnet {

/// The three archive kinds of Boost.Serialization. `binary` is the smallest and fastest but is
/// tied to the machine's byte order and type sizes; `text` and `xml` are portable.
enum class ArchiveKind : std::uint8_t { text, binary, xml };

/// The archive layout version copnet writes (Boost's class version of the network record).
/// Readers accept every version from 1 up to this one; an archive from a newer copnet is
/// rejected with a parse_error naming both versions.
///  - 1 (copnet 0.1): attribute names, stakeholders, ties, communities.
///  - 2: the same fields, then a 64-bit checksum of them (FNV-1a over every field's value in
///    archive order; docs/formats.md), so that a damaged archive is rejected instead of loading
///    as a different network. Version-1 archives still load, unchecked.
///  - 3: the relations a network declares beyond the built-in three (name, role, direction,
///    polarity, scale; between the stakeholders and the ties), so ties of any relation keep
///    their meaning. Versions 1 and 2 hold the built-in relations only.
inline constexpr unsigned archive_version = 3;

/// The kind for a file name's extension: `.txt` text, `.bin` binary, `.xml` XML (case-
/// insensitive). Throws: invalid_value naming the extension. Cost: O(length).
[[nodiscard]] ArchiveKind archive_kind_for(const std::filesystem::path& path);
/// "text", "binary" or "xml". Cost: O(1).
[[nodiscard]] std::string_view to_string(ArchiveKind kind) noexcept;

/// Writes `net` as an archive of `kind` (layout `archive_version`, with its checksum) to `out`.
/// Cost: O(V + E + M log M + text) for M community memberships.
/// Throws: io_error if the stream fails.
void write_archive(const Network& net, std::ostream& out, ArchiveKind kind);
/// Saves `net` to `path` atomically (a temporary file beside it, flushed, then renamed: a
/// failure part-way leaves the old file intact). Throws: io_error.
void write_archive(const Network& net, const std::filesystem::path& path, ArchiveKind kind);

/// Replaces the contents of `into` by the network in the archive `bytes`; `name` labels the
/// input in errors. Archives are untrusted input: a truncated, corrupted or hostile archive
/// raises parse_error (never a crash or a hang), every count and length is checked against the
/// bytes that remain before anything is allocated, so memory stays O(input size). A version-2
/// archive whose checksum does not match its contents is rejected as corrupted.
/// All or nothing: on error `into` is unchanged. Cost: O(size + V + E) expected.
/// Throws: parse_error naming `name`, the line (text and XML archives; 0 for binary) and the
/// field, e.g. `net.xml:12: stakeholders[3].level: 7 is not a level`, or
/// `net.bin: checksum: the archive is corrupted: …`; only copnet errors escape, except
/// std::bad_alloc when even the error message cannot be made (`into` is then unchanged too).
void parse_archive(Network& into, std::string_view bytes, ArchiveKind kind,
                   std::string_view name = "archive");
/// Reads the archive at `path` into `into`, as `parse_archive`. Throws: io_error, parse_error.
void read_archive(Network& into, const std::filesystem::path& path, ArchiveKind kind);
/// Reads the archive at `path` into a new network, as `parse_archive`.
[[nodiscard]] Network read_archive(const std::filesystem::path& path, ArchiveKind kind);

} // namespace copnet
