#pragma once
// RFC 4180 record splitting over a mutable buffer (not installed).

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace copnet::detail {

/// Number of line ends (LF, CRLF and lone CR each count once) in `text`. Cost: O(size).
[[nodiscard]] std::size_t count_lines(std::string_view text) noexcept;

/// About the number of records in `text`, for reserving: its line ends, or for a text of mostly
/// blank lines (an average line under 8 bytes) its non-blank lines, so that blank lines cost no
/// memory. Cost: O(size).
[[nodiscard]] std::size_t count_records(std::string_view text) noexcept;

/// Throws parse_error naming the line of the first byte that is not valid UTF-8 (overlongs,
/// surrogates and code points past U+10FFFF included). Cost: O(size).
void validate_utf8(std::string_view text, std::string_view file);

/// Splits RFC 4180 records: fields separated by commas, records by LF, CRLF or CR; a field in
/// double quotes may hold commas, line breaks and doubled quotes, which are unescaped in place
/// (the buffer is rewritten, never grown). A UTF-8 BOM at the start is skipped, blank lines are
/// skipped. Fields are views into the buffer: no allocation per field.
class RecordReader {
public:
    /// `delimiter` separates fields (',' by RFC 4180; ';' or a tab where spreadsheets use them).
    RecordReader(std::string& buffer, std::string_view file, char delimiter = ',') noexcept;
    /// Reads [begin, end) of a buffer whose first byte is on line `first_line` (no BOM check).
    RecordReader(char* begin, char* end, std::string_view file, std::size_t first_line,
                 char delimiter = ',') noexcept
        : p_(begin), end_(end), file_(file), line_(first_line), delimiter_(delimiter) {}

    /// Reads the next record into `fields`; false at the end of the input.
    /// Throws parse_error for an unclosed quote, or text between a closing quote and the next
    /// comma or line end, or a quote inside an unquoted field.
    bool next(std::vector<std::string_view>& fields);
    /// 1-based line on which the last record read starts.
    [[nodiscard]] std::size_t line() const noexcept { return record_line_; }
    /// Where the next record starts.
    [[nodiscard]] char* position() const noexcept { return p_; }
    /// The line on which the next record starts (before blank lines are skipped).
    [[nodiscard]] std::size_t next_line() const noexcept { return line_; }
    /// The end of the text read, and the field delimiter.
    [[nodiscard]] char* end() const noexcept { return end_; }
    [[nodiscard]] char delimiter() const noexcept { return delimiter_; }

private:
    char* p_;
    char* end_;
    std::string_view file_;
    std::size_t line_ = 1;
    std::size_t record_line_ = 0;
    char delimiter_ = ',';
};

/// The field delimiter of a CSV text, judged by its first non-blank line (after a UTF-8 BOM):
/// of ',', ';' and tab, the one that occurs most often outside double quotes; ',' when none
/// does. Cost: O(first line).
[[nodiscard]] char detect_delimiter(std::string_view text) noexcept;

/// Text in Windows-1252 ("ANSI", what Excel's "CSV (Comma delimited)" writes on Western
/// systems) as UTF-8. Throws parse_error naming the line of a byte that code page leaves
/// undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D). Cost: O(size).
[[nodiscard]] std::string cp1252_to_utf8(std::string_view text, std::string_view file);

/// True if `text` holds a byte ≥ 0x80 and none of them starts a valid multi-byte UTF-8
/// sequence: text in a single-byte code page, not damaged UTF-8. Cost: O(size).
[[nodiscard]] bool looks_single_byte(std::string_view text) noexcept;

} // namespace copnet::detail
