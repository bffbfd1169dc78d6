#include "copnet/io/file.hpp"

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <signal.h>
#include <streambuf>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>
#include <algorithm>

#include <gsl/gsl>

#include "copnet/error.hpp"
#include "io/pending_file.hpp"

namespace copnet {
namespace {

std::optional<std::size_t> g_fail_after;  // test seam, see detail::fail_writes_after
std::atomic<unsigned> g_counter{0};

std::string reason() { return std::strerror(errno); }

} // namespace

void detail::fail_writes_after(std::optional<std::size_t> bytes) noexcept { g_fail_after = bytes; }

std::string read_file_bytes(const std::filesystem::path& path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        throw io_error(path.string(), "is a directory, not a file");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw io_error(path.string(), "cannot open: " + reason());
    in.seekg(0, std::ios::end);
    const std::streamoff size = in.tellg();
    if (size < 0) throw io_error(path.string(), "cannot determine the file size");
    in.seekg(0, std::ios::beg);
    std::string text(gsl::narrow<std::size_t>(size), '\0');
    if (size > 0 && !in.read(text.data(), size)) throw io_error(path.string(), "read failed");
    return text;
}

// ---- atomic saves ---------------------------------------------------------------------------

namespace detail {
namespace {

namespace fs = std::filesystem;

// The file `path` names once symlinks are followed (a dangling link names its target).
fs::path resolve_links(fs::path path) {
    std::error_code ec;
    for (int hops = 0; fs::is_symlink(fs::symlink_status(path, ec)); ++hops) {
        if (hops == 40) throw io_error(path.string(), "too many levels of symbolic links");
        fs::path next = fs::read_symlink(path, ec);
        if (ec) throw io_error(path.string(), "cannot read the symbolic link: " + ec.message());
        path = next.is_absolute() ? next : path.parent_path() / next;
    }
    return path;
}

// True if `pid` names no running process.
bool gone(long pid) { return pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH; }

// Removes `.NAME.tmp.PID.N` and `.NAME.old.PID.N` beside `file` whose PID no longer runs.
void remove_stale(const fs::path& file) noexcept {
    const fs::path dir = file.has_parent_path() ? file.parent_path() : ".";
    const std::string prefix = "." + file.filename().string() + ".";
    std::error_code ec;
    fs::directory_iterator it(dir, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.size() <= prefix.size() + 4 || name.compare(0, prefix.size(), prefix) != 0) continue;
        const std::string_view rest = std::string_view(name).substr(prefix.size());
        if (rest.substr(0, 4) != "tmp." && rest.substr(0, 4) != "old.") continue;
        const std::string_view numbers = rest.substr(4);
        const auto dot = numbers.find('.');
        if (dot == std::string_view::npos || dot == 0 || dot + 1 == numbers.size()) continue;
        const std::string_view pid = numbers.substr(0, dot), counter = numbers.substr(dot + 1);
        const auto digits = [](std::string_view t) {
            return t.size() < 19 && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
        };
        if (!digits(pid) || !digits(counter)) continue;
        if (gone(std::stol(std::string(pid)))) {
            std::error_code ignored;
            fs::remove(it->path(), ignored);
        }
    }
}

fs::path sibling(const fs::path& file, std::string_view kind) {
    const fs::path dir = file.has_parent_path() ? file.parent_path() : fs::path(".");
    return dir / ("." + file.filename().string() + "." + std::string(kind) + "." +
                  std::to_string(::getpid()) + "." + std::to_string(g_counter.fetch_add(1)));
}

// Writes all of [data, data + size) to `fd` (the test seam counts bytes in `written`).
// Returns an empty string, or the reason it failed.
std::string write_all(int fd, const char* data, std::size_t size, std::size_t& written) {
    while (size > 0) {
        std::size_t chunk = std::min<std::size_t>(size, std::size_t{1} << 20);
        if (g_fail_after && written + chunk > *g_fail_after) {
            chunk = *g_fail_after - std::min(written, *g_fail_after);
            if (chunk > 0) (void)!::write(fd, data, chunk);
            return "no space left on device (simulated)";
        }
        const ssize_t n = ::write(fd, data, chunk);
        if (n < 0) {
            if (errno == EINTR) continue;
            return reason();
        }
        data += n;
        size -= static_cast<std::size_t>(n);
        written += static_cast<std::size_t>(n);
    }
    return {};
}

// A write buffer onto a file descriptor.
class FdBuf final : public std::streambuf {
public:
    explicit FdBuf(int fd) : fd_(fd), buffer_(std::size_t{1} << 16) {
        setp(buffer_.data(), buffer_.data() + buffer_.size());
    }
    [[nodiscard]] const std::string& failure() const noexcept { return failure_; }
    bool drain() {
        if (!failure_.empty()) return false;
        failure_ = write_all(fd_, pbase(), static_cast<std::size_t>(pptr() - pbase()), written_);
        setp(buffer_.data(), buffer_.data() + buffer_.size());
        return failure_.empty();
    }

protected:
    int_type overflow(int_type c) override {
        if (!drain()) return traits_type::eof();
        if (!traits_type::eq_int_type(c, traits_type::eof())) {
            *pptr() = traits_type::to_char_type(c);
            pbump(1);
        }
        return traits_type::not_eof(c);
    }
    std::streamsize xsputn(const char* s, std::streamsize n) override {
        if (n >= static_cast<std::streamsize>(buffer_.size())) {
            if (!drain()) return 0;
            failure_ = write_all(fd_, s, static_cast<std::size_t>(n), written_);
            return failure_.empty() ? n : 0;
        }
        return std::streambuf::xsputn(s, n);
    }
    int sync() override { return drain() ? 0 : -1; }

private:
    int fd_;
    std::vector<char> buffer_;
    std::string failure_;
    std::size_t written_ = 0;
};

} // namespace

struct PendingFile::Impl {
    fs::path target;  // symlinks followed
    fs::path temporary;
    fs::path backup;  // a hard link to the old target while replace_all runs
    int fd = -1;
    bool existed = false;
    bool committed = false;
    FdBuf buf;
    std::ostream stream;
    Impl(fs::path t, fs::path tmp, int f, bool e)
        : target(std::move(t)), temporary(std::move(tmp)), fd(f), existed(e), buf(f), stream(&buf) {}
};

PendingFile::PendingFile(const fs::path& target) : named_(target) {
    fs::path real = resolve_links(target);
    struct stat old {};
    const bool existed = ::stat(real.c_str(), &old) == 0;
    if (existed && S_ISDIR(old.st_mode)) throw io_error(target.string(), "is a directory, not a file");
    if (existed && (old.st_mode & 0222) == 0)
        throw io_error(target.string(), "is read-only (no write permission): not replaced");
    remove_stale(real);
    fs::path tmp = sibling(real, "tmp");
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0) throw io_error(target.string(), "cannot create a temporary file beside it: " + reason());
    try {
        if (existed && ::fchmod(fd, old.st_mode & 07777) != 0)
            throw io_error(target.string(), "cannot give the new file the old one's permissions: " + reason());
        impl_ = std::make_unique<Impl>(std::move(real), tmp, fd, existed);
    } catch (...) {
        ::close(fd);
        std::error_code ec;
        fs::remove(tmp, ec);
        throw;
    }
}

PendingFile::~PendingFile() {
    if (!impl_) return;
    if (impl_->fd >= 0) ::close(impl_->fd);
    std::error_code ec;
    if (!impl_->committed) fs::remove(impl_->temporary, ec);
    if (!impl_->backup.empty()) fs::remove(impl_->backup, ec);
}

std::ostream& PendingFile::out() noexcept { return impl_->stream; }

void PendingFile::write(std::string_view bytes) {
    impl_->stream.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!impl_->stream)
        throw io_error(named_.string(), "write failed: " + impl_->buf.failure());
}

void PendingFile::finish() {
    if (impl_->fd < 0) return;
    impl_->stream.flush();
    if (!impl_->stream || !impl_->buf.failure().empty())
        throw io_error(named_.string(), "write failed: " + impl_->buf.failure());
    if (::fsync(impl_->fd) != 0) throw io_error(named_.string(), "flush to disk failed: " + reason());
    const int fd = std::exchange(impl_->fd, -1);
    if (::close(fd) != 0) throw io_error(named_.string(), "close failed: " + reason());
}

void replace_all(std::span<PendingFile* const> files) {
    for (std::size_t i = 0; i < files.size(); ++i)
        for (std::size_t j = 0; j < i; ++j) {
            std::error_code ec;
            if (fs::weakly_canonical(files[i]->impl_->target, ec) ==
                fs::weakly_canonical(files[j]->impl_->target, ec))
                throw io_error(files[i]->target().string(),
                               "is the same file as " + files[j]->target().string());
        }
    for (PendingFile* f : files) f->finish();
    // Keep each old target as a hard link while renaming, to undo a partial replacement.
    if (files.size() > 1)
        for (PendingFile* f : files) {
            auto& p = *f->impl_;
            if (!p.existed) continue;
            fs::path backup = sibling(p.target, "old");
            if (::link(p.target.c_str(), backup.c_str()) == 0) p.backup = std::move(backup);
        }
    std::size_t done = 0;
    for (; done < files.size(); ++done) {
        auto& p = *files[done]->impl_;
        if (::rename(p.temporary.c_str(), p.target.c_str()) != 0) break;
        p.committed = true;
    }
    if (done < files.size()) {
        const std::string why = reason();
        for (std::size_t i = 0; i < done; ++i) {  // undo: the old contents back
            auto& p = *files[i]->impl_;
            std::error_code ec;
            if (!p.backup.empty() && ::rename(p.backup.c_str(), p.target.c_str()) == 0) p.backup.clear();
            else if (!p.existed) fs::remove(p.target, ec);
        }
        throw io_error(files[done]->target().string(), "cannot replace the file: " + why);
    }
    // Make the renames durable: flush each folder's entries.
    for (PendingFile* f : files) {
        const fs::path& t = f->impl_->target;
        const fs::path dir = t.has_parent_path() ? t.parent_path() : fs::path(".");
        const int d = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (d >= 0) {
            (void)::fsync(d);
            ::close(d);
        }
    }
}

} // namespace detail

void write_file_atomically(const std::filesystem::path& path, std::string_view bytes) {
    detail::PendingFile file(path);
    file.write(bytes);
    detail::PendingFile* const files[] = {&file};
    detail::replace_all(files);
}

} // namespace copnet
