#include "copnet/io/file.hpp"

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <unistd.h>

#include <gsl/gsl>

#include "copnet/error.hpp"

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

void write_file_atomically(const std::filesystem::path& path, std::string_view bytes) {
    const std::filesystem::path dir = path.has_parent_path() ? path.parent_path() : ".";
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        throw io_error(path.string(), "is a directory, not a file");
    const std::filesystem::path tmp =
        dir / ("." + path.filename().string() + ".tmp." + std::to_string(::getpid()) + "." +
               std::to_string(g_counter.fetch_add(1)));
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0) throw io_error(path.string(), "cannot create a temporary file beside it: " + reason());
    auto fail = [&](const std::string& why) {
        ::close(fd);
        std::filesystem::remove(tmp, ec);
        throw io_error(path.string(), why);
    };
    std::size_t done = 0;
    while (done < bytes.size()) {
        std::size_t chunk = std::min<std::size_t>(bytes.size() - done, std::size_t{1} << 20);
        if (g_fail_after && done + chunk > *g_fail_after) {
            chunk = *g_fail_after - std::min(done, *g_fail_after);
            if (chunk > 0 && ::write(fd, bytes.data() + done, chunk) < 0) fail("write failed: " + reason());
            fail("write failed: no space left on device (simulated)");
        }
        const ssize_t n = ::write(fd, bytes.data() + done, chunk);
        if (n < 0) {
            if (errno == EINTR) continue;
            fail("write failed: " + reason());
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0) fail("flush to disk failed: " + reason());
    if (::close(fd) != 0) {
        std::filesystem::remove(tmp, ec);
        throw io_error(path.string(), "close failed: " + reason());
    }
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        const std::string why = reason();
        std::filesystem::remove(tmp, ec);
        throw io_error(path.string(), "cannot replace the file: " + why);
    }
}

} // namespace copnet
