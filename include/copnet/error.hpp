#pragma once
/// \file
/// The exception types copnet throws for anything a caller can get wrong.
///
/// One root, `copnet::error`, so that callers (C++, the CLI, Python) can catch every copnet
/// failure at once or each kind separately. Programming errors inside copnet itself are guarded
/// by GSL's `Expects`/`Ensures`, which terminate instead of throwing.

#include <cstddef>
#include <stdexcept>
#include <string>

namespace copnet {

/// Root of every exception copnet throws on bad input or bad use.
/// `what()` is the whole message; a NUL byte in it (from a file's bytes) reads `\0`, so that a
/// C string shows all of it.
class error : public std::runtime_error {
public:
    explicit error(const std::string& what);
    explicit error(const char* what) : error(std::string(what)) {}
};

/// Malformed input text: names the file, the 1-based line and, where known, the field.
/// `what()` reads `file:line: message` (or `file: message` when no line applies); the message
/// itself names the field, e.g. `ties.csv:17: target "sch-12" is not in nodes.csv`.
class parse_error : public error {
public:
    /// `line` 0 means "the whole file"; `field` empty means "no particular field".
    parse_error(std::string file, std::size_t line, std::string field, const std::string& message);

    /// The input's name as the caller gave it (a path, or a label such as "nodes.csv").
    [[nodiscard]] const std::string& file() const noexcept { return file_; }
    /// 1-based line number of the record in error (0 when not tied to a line).
    [[nodiscard]] std::size_t line() const noexcept { return line_; }
    /// The column name (as written in the header) in error, or empty.
    [[nodiscard]] const std::string& field() const noexcept { return field_; }
    /// The message without the location prefix.
    [[nodiscard]] const std::string& message() const noexcept { return message_; }

private:
    std::string file_;
    std::size_t line_;
    std::string field_;
    std::string message_;
};

/// A stakeholder id or handle that the network does not hold (never added, or removed).
class unknown_stakeholder : public error {
public:
    /// `id` is the user id as given (or a description of the handle).
    explicit unknown_stakeholder(std::string id);
    /// The id that was not found.
    [[nodiscard]] const std::string& id() const noexcept { return id_; }

private:
    std::string id_;
};

/// A value out of its domain: an unknown enum spelling, a weight outside [0,1], a duplicate
/// id, a self-tie, an option out of range.
class invalid_value : public error {
public:
    using error::error;
};

/// A file that cannot be opened, read or written.
class io_error : public error {
public:
    io_error(std::string path, const std::string& message);
    /// The path that failed.
    [[nodiscard]] const std::string& path() const noexcept { return path_; }

private:
    std::string path_;
};

} // namespace copnet
