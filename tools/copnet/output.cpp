#include "output.hpp"

#include "copnet/io/tables.hpp"

#include <array>
#include <cmath>
#include <type_traits>
#include <variant>
#include <charconv>
#include <cstdio>
#include <utility>

#include <unistd.h>

namespace copnet::cli {

std::string csv_field(std::string_view text) {
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::string shortest(double value) {
    std::array<char, 32> buf{};
    const auto end = std::to_chars(buf.data(), buf.data() + buf.size(), value).ptr;
    return {buf.data(), end};
}

namespace {

// Replays a JSON value into a sink, as the description that made it.
void replay(FieldSink& sink, std::string_view key, const nlohmann::ordered_json& j) {
    if (j.is_object()) {
        sink.begin_object(key);
        for (const auto& [k, v] : j.items()) replay(sink, k, v);
        sink.end();
    } else if (j.is_array()) {
        sink.begin_list(key);
        for (const auto& v : j) replay(sink, {}, v);
        sink.end();
    } else if (j.is_boolean()) {
        sink.value(key, FieldValue(j.get<bool>()));
    } else if (j.is_number_unsigned()) {
        sink.value(key, FieldValue(j.get<std::uint64_t>()));
    } else if (j.is_number_integer()) {
        sink.value(key, FieldValue(j.get<std::int64_t>()));
    } else if (j.is_number()) {
        sink.value(key, FieldValue(j.get<double>()));
    } else if (j.is_string()) {
        sink.value(key, FieldValue(std::string_view(j.get_ref<const std::string&>())));
    } else {
        sink.value(key, FieldValue(nullptr));
    }
}

} // namespace

void write_json_as_workbook(std::string_view json, const std::string& path) {
    const auto root = nlohmann::ordered_json::parse(json);
    TableSink sink;
    for (const auto& [k, v] : root.items()) replay(sink, k, v);
    write_tables(sink.tables(), path);
}

JsonSink::JsonSink() : root_(nlohmann::ordered_json::object()) { open_.push_back(&root_); }

nlohmann::ordered_json& JsonSink::place(std::string_view key) {
    nlohmann::ordered_json& top = *open_.back();
    if (top.is_array()) {
        top.push_back(nullptr);
        return top.back();
    }
    return top[std::string(key)];
}

void JsonSink::value(std::string_view key, const FieldValue& value) {
    nlohmann::ordered_json& slot = place(key);
    std::visit(
        [&](const auto& x) {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, std::string_view>) slot = std::string(x);
            else if constexpr (std::is_same_v<T, double>) slot = std::isfinite(x) ? nlohmann::ordered_json(x) : nlohmann::ordered_json(nullptr);
            else slot = x;
        },
        value);
}

void JsonSink::begin_object(std::string_view key) {
    nlohmann::ordered_json& slot = place(key);
    slot = nlohmann::ordered_json::object();
    open_.push_back(&slot);
}

void JsonSink::begin_list(std::string_view key) {
    nlohmann::ordered_json& slot = place(key);
    slot = nlohmann::ordered_json::array();
    open_.push_back(&slot);
}

void JsonSink::end() {
    if (open_.size() > 1) open_.pop_back();
}

std::string JsonSink::text() const { return root_.dump(2) + "\n"; }

CsvSink::CsvSink(std::string list, std::vector<std::string> columns)
    : list_(std::move(list)), columns_(std::move(columns)) {
    open_.push_back({Frame::ignored, {}});
}

void CsvSink::value(std::string_view key, const FieldValue& value) {
    const Open& top = open_.back();
    if (top.frame == Frame::ignored) return;
    std::string column = top.frame == Frame::table ? std::string("value") : top.prefix + std::string(key);
    if (top.frame == Frame::table) rows_.emplace_back();  // a list of scalars: a row each
    std::size_t at = 0;
    while (at < columns_.size() && columns_[at] != column) ++at;
    if (at == columns_.size()) columns_.push_back(std::move(column));
    std::string cell = std::visit(
        [](const auto& x) -> std::string {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, std::nullptr_t>) return {};
            else if constexpr (std::is_same_v<T, bool>) return x ? "true" : "false";
            else if constexpr (std::is_same_v<T, std::string_view>) return csv_field(x);
            else if constexpr (std::is_same_v<T, double>) return std::isfinite(x) ? shortest(x) : std::string();
            else return std::to_string(x);
        },
        value);
    rows_.back().emplace_back(at, std::move(cell));
}

void CsvSink::begin_object(std::string_view key) {
    const Open& top = open_.back();
    if (top.frame == Frame::table) {
        rows_.emplace_back();
        open_.push_back({Frame::row, {}});
    } else if (top.frame == Frame::row) {
        open_.push_back({Frame::row, top.prefix + std::string(key) + "."});
    } else {
        open_.push_back({Frame::ignored, {}});
    }
}

void CsvSink::begin_list(std::string_view key) {
    // The table is the top-level object's list `list_`; every other list is left out.
    const bool table = open_.size() == 1 && key == list_ && rows_.empty();
    open_.push_back({table ? Frame::table : Frame::ignored, {}});
}

void CsvSink::end() {
    if (open_.size() > 1) open_.pop_back();
}

std::string CsvSink::text() const {
    std::string out;
    for (std::size_t c = 0; c < columns_.size(); ++c) out += (c ? "," : "") + csv_field(columns_[c]);
    out += '\n';
    for (const auto& row : rows_) {
        std::vector<const std::string*> cells(columns_.size(), nullptr);
        for (const auto& [c, text] : row) cells[c] = &text;
        for (std::size_t c = 0; c < cells.size(); ++c) {
            if (c) out += ',';
            if (cells[c]) out += *cells[c];
        }
        out += '\n';
    }
    return out;
}

ProgressBar::ProgressBar(std::string label)
    : label_(std::move(label)), active_(isatty(fileno(stderr)) == 1) {}

ProgressBar::~ProgressBar() { end_line(); }

Progress ProgressBar::callback() {
    if (!active_) return {};
    return [this](std::size_t done, std::size_t total) { draw(done, total); };
}

void ProgressBar::draw(std::size_t done, std::size_t total) noexcept {
    constexpr int width = 30;
    const double part = total == 0 ? 1.0 : static_cast<double>(done) / static_cast<double>(total);
    const int filled = static_cast<int>(part * width);
    std::array<char, width + 1> bar{};
    for (int i = 0; i < width; ++i) bar[static_cast<std::size_t>(i)] = i < filled ? '#' : '.';
    std::fprintf(stderr, "\r%s [%s] %3d %% (%zu/%zu)", label_.c_str(), bar.data(),
                 static_cast<int>(100.0 * part), done, total);
    std::fflush(stderr);
    open_ = true;
    if (done >= total) end_line();
}

void ProgressBar::end_line() noexcept {
    if (!open_) return;
    std::fputc('\n', stderr);
    std::fflush(stderr);
    open_ = false;
}

} // namespace copnet::cli
