#include "copnet/error.hpp"

#include <utility>

namespace copnet {
namespace {

// `text` with each NUL byte written as the two characters `\0`.
std::string printable(std::string text) {
    for (std::size_t p = text.find('\0'); p != std::string::npos; p = text.find('\0', p + 2))
        text.replace(p, 1, "\\0");
    return text;
}

std::string locate(const std::string& file, std::size_t line, const std::string& message) {
    std::string out = file;
    if (line > 0) {
        out += ':';
        out += std::to_string(line);
    }
    out += ": ";
    out += message;
    return out;
}

} // namespace

error::error(const std::string& what) : std::runtime_error(printable(what)) {}

parse_error::parse_error(std::string file, std::size_t line, std::string field,
                         const std::string& message)
    : error(locate(file, line, message)), file_(std::move(file)), line_(line),
      field_(std::move(field)), message_(printable(message)) {}

unknown_stakeholder::unknown_stakeholder(std::string id)
    : error("unknown stakeholder \"" + id + "\""), id_(std::move(id)) {}

io_error::io_error(std::string path, const std::string& message)
    : error(path + ": " + message), path_(std::move(path)) {}

} // namespace copnet
