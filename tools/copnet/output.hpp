#pragma once
// What commands share in printing: CSV fields, numbers, and a progress bar for long analyses.

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "copnet/analysis/reach.hpp"
#include "copnet/describe.hpp"

namespace copnet::cli {

/// `text` as one CSV field (RFC 4180): quoted, with quotes doubled, if it holds a comma, a quote
/// or a line break; unchanged otherwise. Cost: O(length).
[[nodiscard]] std::string csv_field(std::string_view text);

/// The shortest decimal text that reads back as `value` (std::to_chars). Cost: O(1).
[[nodiscard]] std::string shortest(double value);

/// The CLI's `--format json`: a description (copnet/describe.hpp) as one JSON object, keys in
/// the order described, NaN and infinities as null.
class JsonSink final : public FieldSink {
public:
    JsonSink();
    void value(std::string_view key, const FieldValue& value) override;
    void begin_object(std::string_view key) override;
    void begin_list(std::string_view key) override;
    void end() override;
    /// The object, indented by two, ending with a newline.
    [[nodiscard]] std::string text() const;

private:
    nlohmann::ordered_json& place(std::string_view key);  // the slot for the next value
    nlohmann::ordered_json root_;
    std::vector<nlohmann::ordered_json*> open_;
};

/// The CLI's `--format csv` of a result whose rows are one list of its description: the list
/// `list` of the top-level object as CSV (RFC 4180), one row per element, the columns its scalar
/// fields in the order first met (a nested object's scalars as `outer.inner`; nested lists left
/// out, as they are tables of their own), null and non-finite numbers as empty fields, numbers
/// as `shortest`. The JSON and the CSV thus come from one description. `columns`, when given,
/// are the first columns (so that an empty list still has its header row).
class CsvSink final : public FieldSink {
public:
    explicit CsvSink(std::string list, std::vector<std::string> columns = {});
    void value(std::string_view key, const FieldValue& value) override;
    void begin_object(std::string_view key) override;
    void begin_list(std::string_view key) override;
    void end() override;
    /// The header row and the rows, each ending with a newline.
    [[nodiscard]] std::string text() const;

private:
    enum class Frame : unsigned char { ignored, table, row };
    struct Open {
        Frame frame;
        std::string prefix;  // a row's (or nested object's) column prefix
    };
    std::string list_;
    std::vector<Open> open_;
    std::vector<std::string> columns_;
    std::vector<std::vector<std::pair<std::size_t, std::string>>> rows_;
};

/// Describes `parts` (each a result `describe` takes with `net`) into one JSON object: the
/// CLI's `--format json` of a command.
template <class... Parts>
std::string as_json(const Network& net, const Parts&... parts) {
    JsonSink sink;
    (describe(sink, net, parts), ...);
    return sink.text();
}

/// `json` (a command's `--format json` output: one object) as a workbook at `path`, one sheet
/// per table (copnet::TableSink). Throws: io_error, invalid_value (copnet/io/tables.hpp).
void write_json_as_workbook(std::string_view json, const std::string& path);

/// A progress bar on stderr, drawn only when stderr is a terminal (never into a pipe or a file):
/// one line overwritten in place with '\r', ended with a newline when the work is done or the
/// bar is destroyed. Not thread-safe; the library calls a `Progress` from one thread at a time.
class ProgressBar {
public:
    /// A bar labelled `label` ("spread", "leverage"); inactive unless stderr is a terminal.
    explicit ProgressBar(std::string label);
    ProgressBar(const ProgressBar&) = delete;
    ProgressBar& operator=(const ProgressBar&) = delete;
    /// Ends a line left open, e.g. when the analysis threw.
    ~ProgressBar();

    /// The callback for `DiffusionOptions::progress`; empty when the bar is inactive. It refers
    /// to this bar, which must outlive the analysis.
    [[nodiscard]] Progress callback();
    /// Ends the line drawn so far (if any), so that later output starts on a line of its own.
    void end_line() noexcept;

private:
    void draw(std::size_t done, std::size_t total) noexcept;

    std::string label_;
    bool active_ = false;
    bool open_ = false;  // a line drawn and not yet ended
};

} // namespace copnet::cli
