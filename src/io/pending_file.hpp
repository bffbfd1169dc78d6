#pragma once
// Atomic saves of one file or of several together (not installed). See write_file_atomically.

#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>

namespace copnet::detail {

/// Test seam: makes every following save fail with io_error after writing `bytes` bytes of each
/// temporary file (as a full disk would); std::nullopt turns it off. Process-wide, not
/// thread-safe: for tests only.
void fail_writes_after(std::optional<std::size_t> bytes) noexcept;

/// The new contents of one file, written to a temporary file beside it (`.NAME.tmp.PID.N`, in
/// the folder of the file a symlink points to) until `replace_all` renames it over the file.
/// The temporary file takes the target's permission bits. Destroying an uncommitted
/// PendingFile removes its temporary file.
class PendingFile {
public:
    /// Creates the temporary file for `target`, after removing stale temporaries of copnet's
    /// naming for `target` left by processes that no longer run.
    /// Throws: io_error if `target` is a directory or read-only (no write permission bit), or
    /// the temporary file cannot be created.
    explicit PendingFile(const std::filesystem::path& target);
    PendingFile(const PendingFile&) = delete;
    PendingFile& operator=(const PendingFile&) = delete;
    ~PendingFile();

    /// A stream onto the temporary file (buffered). A failed write sets its badbit; `finish`
    /// then throws the system's reason.
    [[nodiscard]] std::ostream& out() noexcept;
    /// Writes `bytes` to the temporary file. Throws: io_error (disk full, …).
    void write(std::string_view bytes);
    /// Flushes to disk (fsync) and closes. Throws: io_error naming the target.
    void finish();
    /// The file as the caller named it.
    [[nodiscard]] const std::filesystem::path& target() const noexcept { return named_; }

private:
    friend void replace_all(std::span<PendingFile* const> files);
    struct Impl;
    std::filesystem::path named_;
    std::unique_ptr<Impl> impl_;
};

/// Finishes every file, then renames each over its target. If a rename fails, the targets
/// already replaced get their old contents back (kept meanwhile as hard links
/// `.NAME.old.PID.N`), so either every target is new or every target is as it was; only a crash
/// between the renames can leave some targets new and the others old. Throws: io_error.
void replace_all(std::span<PendingFile* const> files);

} // namespace copnet::detail
