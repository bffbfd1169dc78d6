#pragma once
/// \file
/// Whole-file reading and atomic saving, shared by every copnet writer and reader.

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

namespace copnet {

/// The bytes of the file at `path`. Cost: O(size).
/// Throws: io_error (missing, a directory, unreadable).
[[nodiscard]] std::string read_file_bytes(const std::filesystem::path& path);

/// Replaces the file at `path` by `bytes` atomically: writes a temporary file
/// `.NAME.tmp.PID.N` in the same folder, flushes it to disk (fsync), then renames it over
/// `path` and flushes the folder. If anything fails part-way (disk full, a crash before the
/// rename) the old file is left intact; the temporary file is removed at once, or after a crash
/// by the next save of the same file. A symlink is followed: its target is replaced, the link
/// stays. The new file keeps the old one's permission bits (not its owner, nor other hard links
/// to it: those keep the old contents). A read-only target (no write permission bit) is refused.
/// Cost: O(size). Throws: io_error naming the path and the system's reason.
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes);


} // namespace copnet
