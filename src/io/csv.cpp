#include "copnet/io/csv.hpp"

#include <cerrno>
#include <charconv>
#include <cmath>
#include <algorithm>
#include <cstring>
#include <exception>
#include <system_error>
#include <thread>
#include <fstream>
#include <optional>
#include <ostream>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include <gsl/gsl>

#include "copnet/error.hpp"
#include "copnet/io/file.hpp"
#include "detail/csv_reader.hpp"
#include "detail/id_table.hpp"
#include "detail/text.hpp"
#include "io/pending_file.hpp"

namespace copnet {
namespace {

using detail::iequals;
using detail::RecordReader;

std::string dq(std::string_view s) { return "\"" + std::string(s) + "\""; }

// `CsvOptions::columns`: the file's column names renamed before the headers are read, with a
// note of the pairs used (a pair neither header uses is an error once both are read).
class ColumnMap {
public:
    explicit ColumnMap(const CsvOptions& options)
        : pairs_(options.columns), used_(options.columns.size(), false) {}
    // The name copnet reads column `name` as.
    std::string_view operator()(std::string_view name) {
        for (std::size_t i = 0; i < pairs_.size(); ++i)
            if (iequals(detail::trim(pairs_[i].first), name)) {
                used_[i] = true;
                return detail::trim(pairs_[i].second);
            }
        return name;
    }
    // Throws parse_error for the first pair no header had.
    void check_used(std::string_view nodes_name, std::string_view ties_name) const {
        for (std::size_t i = 0; i < pairs_.size(); ++i)
            if (!used_[i])
                throw parse_error(std::string(nodes_name), 1, pairs_[i].first,
                                  "the column map renames " + dq(pairs_[i].first) + " to " +
                                      dq(pairs_[i].second) + ", but neither " +
                                      std::string(nodes_name) + " nor " +
                                      std::string(ties_name) +
                                      " has that column (CsvOptions::columns, CLI --columns)");
    }

private:
    const std::vector<std::pair<std::string, std::string>>& pairs_;
    std::vector<bool> used_;
};

// ---- nodes.csv ------------------------------------------------------------------------------

enum class NodeColumn : std::uint8_t {
    id, name, sector, level, perspective, organization, circle, stance, attribute, community
};

struct NodeHeader {
    std::vector<NodeColumn> roles;
    std::vector<std::string> names;        // as written (trimmed)
    std::vector<std::string> communities;  // for NodeColumn::circle / community columns
    std::size_t id_column = 0;
};

NodeHeader parse_node_header(const std::vector<std::string_view>& fields, std::string_view file,
                             const CsvOptions& options, ColumnMap& map) {
    static constexpr std::array<std::pair<std::string_view, NodeColumn>, 8> builtins{{
        {"id", NodeColumn::id},
        {"name", NodeColumn::name},
        {"sector", NodeColumn::sector},
        {"level", NodeColumn::level},
        {"perspective", NodeColumn::perspective},
        {"organization", NodeColumn::organization},
        {"circle", NodeColumn::circle},
        {"stance", NodeColumn::stance},
    }};
    NodeHeader h;
    bool has_id = false;
    std::unordered_map<std::string, std::size_t> seen;  // lower-cased name → column
    std::unordered_map<std::string_view, std::size_t> by_community;  // community → column
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const std::string_view name = map(detail::trim(fields[i]));
        if (name.empty())
            throw parse_error(std::string(file), 1, "",
                              "column " + std::to_string(i + 1) + " has no name in the header");
        if (!seen.emplace(detail::ascii_lowered(name), i).second)
            throw parse_error(std::string(file), 1, std::string(name),
                              "column " + dq(name) + " appears twice in the header");
        NodeColumn role = NodeColumn::attribute;
        std::string community;
        for (const auto& [n, r] : builtins)
            if (iequals(name, n)) role = r;
        if (role == NodeColumn::circle) {
            community = options.community;
        } else if (name.size() > 7 && iequals(name.substr(0, 7), "circle:")) {
            role = NodeColumn::community;
            community = std::string(name.substr(7));
        }
        if (role == NodeColumn::id) {
            has_id = true;
            h.id_column = i;
        }
        h.roles.push_back(role);
        h.names.emplace_back(name);
        h.communities.push_back(std::move(community));
    }
    for (std::size_t i = 0; i < h.roles.size(); ++i) {
        if (h.communities[i].empty()) continue;
        const auto [at, fresh] = by_community.emplace(h.communities[i], i);
        if (!fresh)
            throw parse_error(std::string(file), 1, h.names[i],
                              "columns " + dq(h.names[at->second]) + " and " + dq(h.names[i]) +
                                  " both give circles of community " + dq(h.communities[i]));
    }
    if (!has_id)
        throw parse_error(std::string(file), 1, "id", "the header has no id column");
    return h;
}

struct StagedStakeholder {
    Stakeholder stakeholder;
    std::vector<Circle> circles;  // by community column order
    std::size_t line = 0;
};

// Parses a field into an enum, turning invalid_value into a parse_error at the field.
template <class F>
auto parse_field(F parse, std::string_view text, std::string_view file, std::size_t line,
                 const std::string& field) {
    try {
        return parse(text);
    } catch (const invalid_value& e) {
        throw parse_error(std::string(file), line, field, e.what());
    }
}

// ---- ties.csv -------------------------------------------------------------------------------

struct TieHeader {
    std::size_t source = 0, target = 0;
    std::optional<std::size_t> kind;  // none: an edge list, every row `default_relation`
    std::optional<std::size_t> weight;
    std::size_t columns = 0;
    std::vector<std::string> names;
    std::string default_relation;
    bool headerless = false;     // the first line is a row already
    bool decimal_comma = false;  // values written "0,5"

    std::string relation_name = "relation";  // the relation column's (for an edge list: none)

    // The name of the relation column, for errors.
    [[nodiscard]] const std::string& relation_field() const noexcept { return relation_name; }
};

// The relation of an edge list's rows unless CsvOptions::default_relation names another.
constexpr std::string_view edge_relation = "edge";

bool is_ties_column(std::string_view name) {
    for (const char* n : {"source", "target", "relation", "kind", "value", "weight"})
        if (iequals(name, n)) return true;
    return false;
}

TieHeader parse_tie_header(const std::vector<std::string_view>& fields, std::string_view file,
                           const CsvOptions& options, ColumnMap& map) {
    TieHeader h;
    h.columns = fields.size();
    h.default_relation =
        options.default_relation.empty() ? std::string(edge_relation) : options.default_relation;
    h.decimal_comma = options.decimal_comma;
    // A first line naming no ties column at all is an edge list's first row: source, target
    // and, if there is a third column, the value.
    if (fields.size() >= 2 && fields.size() <= 3 &&
        std::ranges::none_of(fields, [&](std::string_view f) {
            return is_ties_column(map(detail::trim(f)));
        })) {
        h.headerless = true;
        h.source = 0;
        h.target = 1;
        h.names = {"source", "target"};
        if (fields.size() == 3) {
            h.weight = 2;
            h.names.emplace_back("value");
        }
        return h;
    }
    std::array<bool, 4> seen{};
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const std::string_view name = map(detail::trim(fields[i]));
        h.names.emplace_back(name);
        std::size_t* slot = nullptr;
        std::size_t which = 0;
        if (iequals(name, "source")) {
            slot = &h.source;
            which = 0;
        } else if (iequals(name, "target")) {
            slot = &h.target;
            which = 1;
        } else if (iequals(name, "relation") || iequals(name, "kind")) {  // kind: the old name
            h.kind = i;
            h.relation_name = std::string(name);
            which = 2;
        } else if (iequals(name, "value") || iequals(name, "weight")) {  // weight: the old name
            which = 3;
        } else {
            throw parse_error(std::string(file), 1, std::string(name),
                              "column " + dq(name) +
                                  " is not a ties column (expected source, target, relation "
                                  "(or kind), value (or weight); --columns renames a column)");
        }
        if (seen[which])
            throw parse_error(std::string(file), 1, std::string(name),
                              "column " + dq(name) + " appears twice in the header");
        seen[which] = true;
        if (slot != nullptr) *slot = i;
        else if (which == 3) h.weight = i;
    }
    // No relation column: an edge list, every row of `default_relation`.
    static constexpr std::array<std::string_view, 2> required{"source", "target"};
    for (std::size_t i = 0; i < required.size(); ++i)
        if (!seen[i])
            throw parse_error(std::string(file), 1, std::string(required[i]),
                              "the header has no " + std::string(required[i]) + " column");
    return h;
}

// The relations a ties.csv names, for one parsing thread: the network's (by exact spelling,
// then by category_key) and, in the order first met, the names it does not declare — those
// become relations of role other, directed, positive, unit (DESIGN §3.4), numbered after the
// network's. A thread's own numbering is remapped when two halves are joined (`join`).
class RelationNames {
public:
    RelationNames(const Network& net, Scale new_scale)
        : declared_(net.relations().size()), new_scale_(new_scale) {
        for (std::size_t k = 0; k < declared_; ++k) {
            const Relation& r = net.relations()[k];
            scales_.push_back(r.scale);
            by_key_.emplace(category_key(r.name), static_cast<TieKind>(k));
        }
    }
    // The kind of `text` (a new relation when undeclared). Throws invalid_value for an empty
    // name or one relation too many.
    TieKind kind(std::string_view text) {
        if (const auto it = exact_.find(text); it != exact_.end()) return it->second;
        const TieKind k = intern(text);
        exact_.emplace(text, k);
        return k;
    }
    [[nodiscard]] Scale scale(TieKind k) const noexcept { return scales_[static_cast<std::size_t>(k)]; }
    // The undeclared names met, in order.
    [[nodiscard]] const std::vector<std::string>& added() const noexcept { return added_; }
    // Adds `other`'s new names (met after this thread's) to this numbering; returns, for each
    // of `other`'s kinds, this numbering's. Throws invalid_value for one relation too many.
    std::vector<TieKind> join(const RelationNames& other) {
        std::vector<TieKind> map(other.scales_.size());
        for (std::size_t k = 0; k < declared_; ++k) map[k] = static_cast<TieKind>(k);
        for (std::size_t i = 0; i < other.added_.size(); ++i)
            map[declared_ + i] = intern(other.added_[i]);
        return map;
    }

private:
    TieKind intern(std::string_view text) {
        const std::string_view name = detail::trim(text);
        if (name.empty()) throw invalid_value("the relation is empty");
        auto [it, fresh] = by_key_.emplace(category_key(name), static_cast<TieKind>(scales_.size()));
        if (fresh) {
            if (scales_.size() >= max_relations) {
                by_key_.erase(it);
                throw invalid_value("relation " + dq(name) + " is one too many: a network holds at most " +
                                    std::to_string(max_relations) + " relations");
            }
            added_.emplace_back(name);
            scales_.push_back(new_scale_);
        }
        return it->second;
    }

    std::size_t declared_;
    Scale new_scale_;            // of the names not declared
    std::vector<Scale> scales_;  // by kind
    std::vector<std::string> added_;
    std::unordered_map<std::string, TieKind> by_key_;
    std::unordered_map<std::string_view, TieKind> exact_;  // views into the file's buffer
};

// A tie's value on `scale` (empty: 1). Throws parse_error naming the line and field for text
// that is no number or a value off the scale.
double parse_value(std::string_view raw, Scale scale, std::string_view relation,
                   std::string_view file, std::size_t line, const std::string& field,
                   bool decimal_comma = false) {
    std::string_view text = detail::trim(raw);
    if (text.empty()) return 1.0;
    std::array<char, 64> dotted{};  // "0,5" as "0.5" (longer texts are no numbers anyway)
    if (decimal_comma && text.find(',') != std::string_view::npos && text.size() < dotted.size()) {
        std::replace_copy(text.begin(), text.end(), dotted.begin(), ',', '.');
        text = std::string_view(dotted.data(), text.size());
    }
    double w = 0.0;
    const char* first = text.data();
    if (*first == '+') ++first;  // from_chars rejects a leading '+', spreadsheets write it
    const auto [ptr, ec] = std::from_chars(first, text.data() + text.size(), w);
    if (ec != std::errc() || ptr != text.data() + text.size() || !std::isfinite(w))
        throw parse_error(std::string(file), line, field,
                          "weight " + dq(raw) + " is not a number");
    if (!on_scale(scale, w)) {
        if (scale == Scale::unit)
            throw parse_error(std::string(file), line, field,
                              "weight " + std::string(text) + " is outside [0,1] (relation " +
                                  dq(detail::trim(relation)) +
                                  " has scale unit; declare it with scale count or real in a "
                                  "relations file, or read undeclared relations with --scale "
                                  "count, for other values)");
        throw parse_error(std::string(file), line, field,
                          "value " + std::string(text) + " is off the scale " +
                              std::string(to_string(scale)) + " of relation " +
                              dq(detail::trim(relation)));
    }
    return w;
}

std::string ragged(std::size_t got, std::size_t want) {
    return "the row has " + std::to_string(got) + " field" + (got == 1 ? "" : "s") +
           ", the header has " + std::to_string(want);
}

// ---- loading --------------------------------------------------------------------------------

// The stakeholders and ties read and checked so far, not yet in the network.
struct Staging {
    std::uint32_t base = 0;                       // the slot of the first staged stakeholder
    std::vector<StagedStakeholder> stakeholders;  // nodes.csv's rows, then created endpoints
    detail::IdTable index;                        // id → staged position
    std::vector<std::size_t> community_columns;   // the header columns that give circles
    std::size_t from_nodes = 0;                   // stakeholders from nodes.csv (first in line)
    std::size_t created = 0;                      // stakeholders created for a tie endpoint
    std::vector<Tie> ties;
    std::vector<std::size_t> tie_lines;      // each staged tie's line (only for Merge::error)
    std::vector<std::string> new_relations;  // undeclared names met, in kind order
};

// A load's progress as one count (CsvOptions::progress): nodes.csv's rows, ties.csv's rows
// parsed, then the ties added. Reported from the calling thread only; inactive without a
// callback.
class LoadProgress {
public:
    LoadProgress(const Progress& progress, std::string_view nodes, std::string_view ties)
        : nodes_(progress ? detail::count_records(nodes) : 0),
          ties_(progress ? detail::count_records(ties) : 0),
          stages_(progress, {nodes_, ties_, ties_}) {}
    [[nodiscard]] bool active() const noexcept { return stages_.active(); }
    // `rows` of nodes.csv read.
    void nodes(std::size_t rows) { stages_.at(rows, nodes_); }
    // `rows` of ties.csv read.
    void ties(std::size_t rows) {
        stages_.to(1);
        stages_.at(rows, ties_);
    }
    // `added` of the ties added.
    void added(std::size_t added) {
        stages_.to(2);
        stages_.at(added, ties_);
    }
    void finish() { stages_.finish(); }

private:
    std::size_t nodes_, ties_;  // the records of each file
    detail::Stages stages_;
};

// A file's text as UTF-8, by `encoding` (a note when it was read as Windows-1252).
void decode(std::string& buffer, Encoding encoding, std::string_view name,
            std::vector<std::string>& notes) {
    if (encoding == Encoding::automatic) {
        // UTF-8 costs one validating pass (eight ASCII bytes at a time); only a file that is
        // not UTF-8 is looked at again.
        try {
            detail::validate_utf8(buffer, name);
            return;
        } catch (const parse_error&) {
            if (!detail::looks_single_byte(buffer)) throw;  // damaged UTF-8, not a code page
        }
        notes.push_back(std::string(name) +
                        " is not UTF-8: read as Windows-1252 (Excel's \"CSV (Comma "
                        "delimited)\"); --encoding utf8 refuses it instead");
    }
    if (encoding == Encoding::utf8) {
        detail::validate_utf8(buffer, name);
        return;
    }
    buffer = detail::cp1252_to_utf8(buffer, name);
}

// The delimiter of a file: the option's, else detected from its header (a note unless ',').
char delimiter_of(std::string_view buffer, const CsvOptions& options, std::string_view name,
                  std::vector<std::string>& notes) {
    if (options.delimiter != 0) return options.delimiter;
    const char d = detail::detect_delimiter(buffer);
    if (d != ',')
        notes.push_back(std::string(name) + ": fields separated by " +
                        (d == ';' ? "';'" : "tabs") + " (detected; --delimiter sets it)");
    return d;
}

// Rejects an empty community name or a bad delimiter, then decodes the texts (nodes.csv
// first).
void check_inputs(const CsvOptions& options, std::string& nodes_buffer, std::string& ties_buffer,
                  std::string_view nodes_name, std::string_view ties_name,
                  std::vector<std::string>& notes) {
    if (options.community.empty()) throw invalid_value("CsvOptions::community is empty");
    if (options.delimiter == '"' || options.delimiter == '\n' || options.delimiter == '\r')
        throw invalid_value("CsvOptions::delimiter cannot be a quote or a line end");
    if (options.decimal_comma && options.delimiter == ',')
        throw invalid_value("a decimal comma needs another delimiter (';' or a tab) or quoted "
                            "values");
    decode(nodes_buffer, options.encoding, nodes_name, notes);
    decode(ties_buffer, options.encoding, ties_name, notes);
}

// Starts staging on top of `into`: the first staged slot, and index room for nodes.csv's rows.
Staging begin_staging(const Network& into, std::string_view nodes_buffer) {
    Staging staging;
    staging.base = gsl::narrow<std::uint32_t>(into.slot_count());
    staging.index.reserve(detail::count_records(nodes_buffer) + 1);
    return staging;
}

// Reads nodes.csv's header row, which the file must have.
NodeHeader read_node_header(RecordReader& nodes, std::string_view nodes_name,
                            const CsvOptions& options, ColumnMap& map) {
    std::vector<std::string_view> fields;
    if (!nodes.next(fields))
        throw parse_error(std::string(nodes_name), 0, "",
                          "the file is empty (expected a header row with an id column)");
    return parse_node_header(fields, nodes_name, options, map);
}

// The columns of the header that give circles, in column order.
std::vector<std::size_t> circle_columns(const NodeHeader& header) {
    std::vector<std::size_t> community_columns;
    for (std::size_t i = 0; i < header.roles.size(); ++i)
        if (!header.communities[i].empty()) community_columns.push_back(i);
    return community_columns;
}

// Parses one nodes.csv row (its width, then every field) into a stakeholder and its circles.
StagedStakeholder parse_stakeholder_row(const std::vector<std::string_view>& fields,
                                        std::size_t line, const NodeHeader& header,
                                        std::string_view nodes_name) {
    if (fields.size() != header.roles.size())
        throw parse_error(std::string(nodes_name), line, "",
                          ragged(fields.size(), header.roles.size()));
    StagedStakeholder st;
    st.line = line;
    Stakeholder& s = st.stakeholder;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const std::string_view f = fields[i];
        const std::string& column = header.names[i];
        switch (header.roles[i]) {
        case NodeColumn::id: s.id.assign(f); break;
        case NodeColumn::name: s.name.assign(f); break;
        case NodeColumn::sector: s.sector.assign(f); break;
        case NodeColumn::organization: s.organization.assign(f); break;
        case NodeColumn::level:
            if (!detail::trim(f).empty())
                s.level = parse_field(parse_level, f, nodes_name, line, column);
            break;
        case NodeColumn::perspective:
            if (!detail::trim(f).empty())
                s.perspective = parse_field(parse_perspective, f, nodes_name, line, column);
            break;
        case NodeColumn::stance:
            if (!detail::trim(f).empty())
                s.stance = parse_field(parse_stance, f, nodes_name, line, column);
            break;
        case NodeColumn::circle:
        case NodeColumn::community:
            st.circles.push_back(detail::trim(f).empty()
                                     ? Circle::none
                                     : parse_field(parse_circle, f, nodes_name, line, column));
            break;
        case NodeColumn::attribute:
            if (!f.empty()) s.attributes.emplace(column, std::string(f));
            break;
        }
    }
    return st;
}

// Checks a parsed row's id (not empty, not in `into`, not on an earlier line) and stages the row;
// `id` views the nodes buffer, which the index keeps viewing.
void stage_stakeholder(Staging& staging, StagedStakeholder st, std::string_view id,
                       const Network& into, const NodeHeader& header,
                       std::string_view nodes_name) {
    const std::size_t line = st.line;
    if (id.empty())
        throw parse_error(std::string(nodes_name), line, header.names[header.id_column],
                          "id is empty");
    if (into.find(id))
        throw parse_error(std::string(nodes_name), line, header.names[header.id_column],
                          "id " + dq(id) + " is already in the network");
    const auto [pos, fresh] = staging.index.insert(id);
    if (!fresh)
        throw parse_error(std::string(nodes_name), line, header.names[header.id_column],
                          "id " + dq(id) + " already appears on line " +
                              std::to_string(staging.stakeholders[pos].line));
    staging.stakeholders.push_back(std::move(st));
}

// Parses and stages every row of nodes.csv after its header.
void stage_stakeholders(Staging& staging, RecordReader& nodes, const NodeHeader& header,
                        const Network& into, std::string_view nodes_name,
                        LoadProgress& progress) {
    std::vector<std::string_view> fields;
    while (nodes.next(fields)) {
        if (progress.active() && (staging.stakeholders.size() & 0x3FFU) == 0)
            progress.nodes(staging.stakeholders.size());
        StagedStakeholder st = parse_stakeholder_row(fields, nodes.line(), header, nodes_name);
        stage_stakeholder(staging, std::move(st), fields[header.id_column], into, header,
                          nodes_name);
    }
    staging.from_nodes = staging.stakeholders.size();
}

// Reads ties.csv's header row, which the file must have.
TieHeader read_tie_header(RecordReader& ties, std::string_view ties_name,
                          const CsvOptions& options, ColumnMap& map) {
    char* const start = ties.position();
    const std::size_t first_line = ties.next_line();
    std::vector<std::string_view> fields;
    if (!ties.next(fields))
        throw parse_error(std::string(ties_name), 0, "",
                          "the file is empty (expected the header source,target,relation,value)");
    TieHeader h = parse_tie_header(fields, ties_name, options, map);
    if (h.headerless) {
        // The first line is a row: read again from it (unquoted, so the buffer is as it was).
        if (std::find(start, ties.position(), '"') != ties.position())
            throw parse_error(std::string(ties_name), ties.line(), "",
                              "the first line names no ties column: give the file the header "
                              "source,target[,value] (or relation,value)");
        ties = RecordReader(start, ties.end(), ties_name, first_line, ties.delimiter());
    }
    return h;
}

// What resolving the ties' endpoints needs: the staging, the network, the options, the names.
struct TieContext {
    Staging& staging;
    const Network& into;
    const CsvOptions& options;
    std::string_view nodes_name;
    std::string_view ties_name;
    bool check_into;  // whether `into` has slots to look ids up in
    LoadProgress& progress;
};

// The slot of an id of nodes.csv or of the network, or npos.
std::uint32_t lookup_endpoint(const TieContext& c, std::string_view id, std::uint64_t h) {
    if (const std::uint32_t pos = c.staging.index.find(id, h); pos != detail::IdTable::npos)
        return c.staging.base + pos;
    if (c.check_into)
        if (auto who = c.into.find(id)) return who->index();
    return detail::IdTable::npos;
}

// The error for a tie endpoint that is empty or in neither nodes.csv nor the network.
parse_error missing_endpoint(const TieContext& c, std::string_view id, std::size_t line,
                             const std::string& column) {
    if (id.empty())
        return parse_error(std::string(c.ties_name), line, column, column + " is empty");
    return parse_error(std::string(c.ties_name), line, column,
                       column + " " + dq(id) + " is not in " + std::string(c.nodes_name));
}

// Creates a stakeholder for a missing endpoint (single-threaded path only).
std::uint32_t create_endpoint(TieContext& c, std::string_view id, std::size_t line,
                              const std::string& column) {
    if (id.empty() || !c.options.create_missing_stakeholders)
        throw missing_endpoint(c, id, line, column);
    StagedStakeholder st;
    st.stakeholder.id.assign(id);
    st.circles.assign(c.staging.community_columns.size(), Circle::none);
    st.line = line;
    const auto pos = c.staging.index.insert(id).first;
    c.staging.stakeholders.push_back(std::move(st));
    ++c.staging.created;
    return c.staging.base + pos;
}

// A ties.csv row whose kind and weight are parsed, waiting for its endpoints' slots.
struct PendingTie {
    std::string_view source, target;
    std::uint64_t source_hash, target_hash;
    std::size_t line;
    TieKind kind;
    double weight;
};

// Checks one ties.csv row's width, then parses its relation and value (its ids are resolved
// later).
PendingTie parse_tie_row(const std::vector<std::string_view>& row, std::size_t line,
                         const TieHeader& th, std::string_view ties_name, RelationNames& names,
                         bool decimal_comma) {
    // A headerless edge list's value is optional row by row (igraph's NCOL).
    const bool no_value = th.headerless && th.weight && row.size() + 1 == th.columns;
    if (row.size() != th.columns && !no_value)
        throw parse_error(std::string(ties_name), line, "", ragged(row.size(), th.columns));
    const std::string_view relation = th.kind ? row[*th.kind] : th.default_relation;
    const TieKind kind = parse_field([&](std::string_view t) { return names.kind(t); }, relation,
                                     ties_name, line, th.relation_field());
    const double w = th.weight && !no_value
                         ? parse_value(row[*th.weight], names.scale(kind), relation, ties_name,
                                       line, th.names[*th.weight], decimal_comma)
                         : 1.0;
    return PendingTie{row[th.source], row[th.target], detail::IdTable::hash(row[th.source]),
                      detail::IdTable::hash(row[th.target]), line, kind, w};
}

// Where one half of ties.csv's rows go when both halves are read at once: a region of the
// staged ties sized beforehand by the half's line count (LF, CRLF and lone CR ends alike), so
// that the two halves need no second array to be joined from (12 bytes a tie at the load's
// peak). Without quotes a half has no more rows than line ends; `more` only guards that.
struct TieRegion {
    Tie* at;
    Tie* end;
    std::vector<Tie> more{};
    std::size_t written = 0;
    void push_back(const Tie& t) {
        if (at != end) *at++ = t;
        else more.push_back(t);
        ++written;
    }
};

// Parses the rows `reader` yields into `out` (a vector or a `TieRegion`); `resolve(id, hash,
// line, column)` gives a
// slot. Id lookups miss the cache at random, so rows wait in a small ring while the slots
// of their ids are prefetched; an error in a later row waits until the earlier rows are
// resolved, so the first error in the file is the one reported.
// `progress` (null on a worker thread) hears of the rows read, each counted `stride` times
// (2 when the other half is read at the same pace on another thread).
template <class Out, class Resolve>
void parse_tie_rows(RecordReader& reader, const TieHeader& th, std::string_view ties_name,
                    const detail::IdTable& index, Out& out, RelationNames& names,
                    std::vector<std::size_t>* lines, Resolve&& resolve,
                    LoadProgress* progress = nullptr, std::size_t stride = 1) {
    if (progress != nullptr && !progress->active()) progress = nullptr;
    constexpr std::size_t ring_size = 16;
    std::array<PendingTie, ring_size> ring{};
    std::size_t head = 0;  // rows pushed
    std::size_t tail = 0;  // rows resolved
    const auto settle = [&](const PendingTie& p) {
        const std::uint32_t s = resolve(p.source, p.source_hash, p.line, th.names[th.source]);
        const std::uint32_t t = resolve(p.target, p.target_hash, p.line, th.names[th.target]);
        if (s == t)
            throw parse_error(std::string(ties_name), p.line, th.names[th.target],
                              "source and target are both " + dq(p.source) +
                                  ": self-ties are not allowed");
        out.push_back({StakeholderId(s), StakeholderId(t), p.kind, p.weight});
        if (lines != nullptr) lines->push_back(p.line);
    };
    const auto drain = [&] {
        while (tail < head) settle(ring[tail++ % ring_size]);
    };
    std::vector<std::string_view> row;
    try {
        while (reader.next(row)) {
            const PendingTie parsed =
                parse_tie_row(row, reader.line(), th, ties_name, names, th.decimal_comma);
            if (head - tail == ring_size) settle(ring[tail++ % ring_size]);
            if (progress != nullptr && (head & 0x3FFU) == 0) progress->ties(head * stride);
            PendingTie& p = ring[head++ % ring_size];
            p = parsed;
            index.prefetch(p.source_hash);
            index.prefetch(p.target_hash);
        }
    } catch (const parse_error&) {
        drain();  // an earlier row's error comes first
        throw;
    }
    drain();
}

// Parses ties.csv's body as two halves on two threads, [body, split) and [split, body_end)
// (split just after a line end); ids are only looked up there (creating them needs one thread).
void parse_ties_in_halves(TieContext& c, const RecordReader& ties, const TieHeader& th,
                          char* body, char* split, char* body_end) {
    const std::size_t first_lines = detail::count_lines({body, static_cast<std::size_t>(split - body)});
    const std::size_t split_line = ties.next_line() + first_lines;
    const std::size_t second_lines_count =
        detail::count_lines({split, static_cast<std::size_t>(body_end - split)}) + 1;
    std::vector<Tie>& staged_ties = c.staging.ties;
    staged_ties.resize(first_lines + second_lines_count);
    TieRegion first_half{staged_ties.data(), staged_ties.data() + first_lines};
    TieRegion second_half{first_half.end, staged_ties.data() + staged_ties.size()};
    std::vector<std::size_t> second_lines;
    const bool keep_lines = c.options.merge == Merge::error;
    std::exception_ptr second_error;
    RelationNames first_names(c.into, c.options.scale), second_names(c.into, c.options.scale);
    const auto resolve = [&](std::string_view id, std::uint64_t h, std::size_t line,
                             const std::string& column) -> std::uint32_t {
        const std::uint32_t slot = lookup_endpoint(c, id, h);
        if (slot == detail::IdTable::npos) throw missing_endpoint(c, id, line, column);
        return slot;
    };
    const auto second = [&] {
        try {
            RecordReader reader(split, body_end, c.ties_name, split_line, ties.delimiter());
            parse_tie_rows(reader, th, c.ties_name, c.staging.index, second_half, second_names,
                           keep_lines ? &second_lines : nullptr, resolve);
        } catch (...) {
            second_error = std::current_exception();
        }
    };
    std::optional<std::thread> worker;
    try {
        worker.emplace(second);
    } catch (const std::system_error&) {
        // No thread to be had (a process limit): the second half after the first.
    }
    try {
        RecordReader reader(body, split, c.ties_name, ties.next_line(), ties.delimiter());
        parse_tie_rows(reader, th, c.ties_name, c.staging.index, first_half, first_names,
                       keep_lines ? &c.staging.tie_lines : nullptr, resolve, &c.progress, 2);
    } catch (...) {
        if (worker) worker->join();  // the first half's error comes first
        throw;
    }
    if (worker) worker->join();
    else second();
    if (second_error) std::rethrow_exception(second_error);
    // The second half's new relations are numbered after the first half's.
    std::vector<TieKind> map;
    try {
        map = first_names.join(second_names);
    } catch (const invalid_value& e) {
        throw parse_error(std::string(c.ties_name), 0, th.relation_field(), e.what());
    }
    // The two regions close up: the first half's rows, then the second's.
    const std::size_t in_second = second_half.written - second_half.more.size();
    if (first_half.more.empty()) {
        std::copy_n(first_half.end, in_second, staged_ties.data() + first_half.written);
        staged_ties.resize(first_half.written + in_second);
    } else {  // lone carriage returns made the first half longer than its lines
        std::vector<Tie> joined(staged_ties.data(), first_half.at);
        joined.insert(joined.end(), first_half.more.begin(), first_half.more.end());
        joined.insert(joined.end(), first_half.end, first_half.end + in_second);
        staged_ties.swap(joined);
    }
    staged_ties.insert(staged_ties.end(), second_half.more.begin(), second_half.more.end());
    if (!second_names.added().empty())
        for (std::size_t i = first_half.written; i < staged_ties.size(); ++i)
            staged_ties[i].kind = map[static_cast<std::size_t>(staged_ties[i].kind)];
    c.staging.tie_lines.insert(c.staging.tie_lines.end(), second_lines.begin(),
                               second_lines.end());
    c.staging.new_relations = first_names.added();
}

// Parses ties.csv's body on this thread, creating missing endpoints if the options ask for it.
void parse_ties_serially(TieContext& c, RecordReader& ties, const TieHeader& th,
                         std::size_t rows_hint) {
    c.staging.ties.reserve(rows_hint);
    RelationNames names(c.into, c.options.scale);
    parse_tie_rows(ties, th, c.ties_name, c.staging.index, c.staging.ties, names,
                   c.options.merge == Merge::error ? &c.staging.tie_lines : nullptr, [&](std::string_view id, std::uint64_t h, std::size_t line,
                       const std::string& column) {
                       const std::uint32_t slot = lookup_endpoint(c, id, h);
                       return slot != detail::IdTable::npos ? slot
                                                            : create_endpoint(c, id, line, column);
                   },
                   &c.progress);
    c.staging.new_relations = names.added();
}

// Parses and stages every row of ties.csv after its header: in two halves at once when the body
// is large, has no quotes and no endpoint may be created, else on this thread.
void stage_ties(TieContext& c, RecordReader& ties, std::string& ties_buffer,
                const TieHeader& th) {
    char* const body = ties.position();
    char* const body_end = ties_buffer.data() + ties_buffer.size();
    const std::size_t body_size = static_cast<std::size_t>(body_end - body);
    const unsigned threads = c.options.threads != 0
                                 ? c.options.threads
                                 : std::max(1U, std::thread::hardware_concurrency());
    // Without quotes every line end ends a record, so the rows split at any line end.
    char* split = body + body_size / 2;
    while (split < body_end && *split != '\n') ++split;
    if (threads > 1 && body_size >= (1U << 20U) && !c.options.create_missing_stakeholders &&
        std::memchr(body, '"', body_size) == nullptr && split < body_end) {
        ++split;
        parse_ties_in_halves(c, ties, th, body, split, body_end);
    } else {
        parse_ties_serially(c, ties, th, detail::count_records({body, body_size}) + 1);
    }
}

// The communities that the circle columns fill, added to `into` where it lacks them.
std::vector<Community*> circle_communities(Network& into, const NodeHeader& header,
                                           const std::vector<std::size_t>& community_columns) {
    std::vector<Community*> communities;
    for (std::size_t c : community_columns) {
        Community* found = into.find_community(header.communities[c]);
        communities.push_back(found != nullptr ? found
                                               : &into.add_community(header.communities[c]));
    }
    return communities;
}

// With `--merge error`: the first staged tie that repeats a tie (of `into` or an earlier row) is
// an error naming its line.
void refuse_repeats(const Network& into, const Staging& staging, const TieHeader& th,
                    std::string_view ties_name) {
    const std::optional<std::size_t> j = into.first_repeated_tie(staging.ties);
    if (!j) return;
    const Tie& t = staging.ties[*j];
    const auto id = [&](StakeholderId who) -> std::string {
        return who.index() < staging.base
                   ? into.stakeholder(who).id
                   : staging.stakeholders[who.index() - staging.base].stakeholder.id;
    };
    const auto k = static_cast<std::size_t>(t.kind);
    const std::size_t declared = into.relations().size();
    const std::string& relation =
        k < declared ? into.relations()[k].name : staging.new_relations.at(k - declared);
    throw parse_error(std::string(ties_name), staging.tie_lines.at(*j), th.relation_field(),
                      th.relation_field() + " " + dq(relation) + ": the tie " + dq(id(t.source)) +
                          " -> " + dq(id(t.target)) +
                          " repeats an earlier one of its relation (merge policy error)");
}

// Phase 2: adds everything staged to `into`. Everything was validated; only allocation can fail
// here, and then `into` gets back what it held (a copy made first; none for an empty network).
CsvReport commit(Network& into, const NodeHeader& header, Staging& staging, Merge merge,
                 Scale scale, bool edge_list, LoadProgress& progress) {
    CsvReport report;
    report.stakeholders = staging.stakeholders.size();
    report.created = staging.created;
    report.ties = staging.ties.size();
    const bool empty = into.slot_count() == 0 && into.communities().empty() &&
                       into.attribute_names().empty() &&
                       std::ranges::equal(into.relations(), Network().relations());
    Network saved = empty ? Network() : into;
    try {
        for (const std::string& name : staging.new_relations) {
            Relation r{.name = name, .scale = scale};
            if (edge_list && name == edge_relation) {  // undirected, as NetworkX reads them
                r.role = Role::collaboration;
                r.direction = RelationDirection::mutual;
            }
            into.add_relation(r);
        }
        into.reserve(into.slot_count() + staging.stakeholders.size());
        for (std::size_t i = 0; i < header.roles.size(); ++i)
            if (header.roles[i] == NodeColumn::attribute) into.add_attribute_name(header.names[i]);
        const std::vector<Community*> communities =
            circle_communities(into, header, staging.community_columns);
        for (std::size_t i = 0; i < staging.stakeholders.size(); ++i) {
            StagedStakeholder& st = staging.stakeholders[i];
            const StakeholderId who = into.add_stakeholder(std::move(st.stakeholder));
            Ensures(who.index() == staging.base + i);
            if (i < staging.from_nodes)
                for (std::size_t c = 0; c < communities.size(); ++c)
                    if (st.circles[c] != Circle::none)
                        communities[c]->set_circle(who, st.circles[c]);
        }
        // The staged stakeholders (emptied shells now) are done with: give their memory back
        // before the ties are added (about 24 bytes a tie at 10 ties a stakeholder).
        std::vector<StagedStakeholder>().swap(staging.stakeholders);
        Progress added;
        if (progress.active())
            added = [&progress](std::size_t done, std::size_t) { progress.added(done); };
        report.merged_ties = into.add_ties(staging.ties, merge, added);
    } catch (...) {
        detail::roll_back(into, std::move(saved));
        throw;
    }
    return report;
}

// The loader. Takes the texts as buffers it owns: quoted fields are unescaped in place.
CsvReport load(Network& into, std::string nodes_buffer, std::string ties_buffer,
               const CsvOptions& options, std::string_view nodes_name,
               std::string_view ties_name) {
    // Phase 1: parse and validate everything against `into` without touching it.
    std::vector<std::string> notes;
    check_inputs(options, nodes_buffer, ties_buffer, nodes_name, ties_name, notes);
    ColumnMap map(options);
    LoadProgress progress(options.progress, nodes_buffer, ties_buffer);
    Staging staging = begin_staging(into, nodes_buffer);
    RecordReader nodes(nodes_buffer, nodes_name,
                       delimiter_of(nodes_buffer, options, nodes_name, notes));
    const NodeHeader header = read_node_header(nodes, nodes_name, options, map);
    // The ties' header too before the rows, so that a column map naming no column of either
    // file is the first error; the header's own errors come after nodes.csv's.
    RecordReader ties(ties_buffer, ties_name, delimiter_of(ties_buffer, options, ties_name, notes));
    std::optional<TieHeader> tie_header;
    std::exception_ptr tie_header_error;
    try {
        tie_header = read_tie_header(ties, ties_name, options, map);
    } catch (const parse_error&) {
        tie_header_error = std::current_exception();
    }
    map.check_used(nodes_name, ties_name);
    staging.community_columns = circle_columns(header);
    stage_stakeholders(staging, nodes, header, into, nodes_name, progress);

    if (tie_header_error) std::rethrow_exception(tie_header_error);
    const TieHeader& th = *tie_header;
    if (!th.kind)
        notes.push_back(std::string(ties_name) + " has no relation column" +
                        (th.headerless ? " (nor a header)" : "") +
                        ": every row is a tie of relation " + dq(th.default_relation) +
                        " (--default-relation sets it)");
    TieContext context{staging, into, options, nodes_name, ties_name, into.slot_count() > 0,
                       progress};
    stage_ties(context, ties, ties_buffer, th);
    if (options.merge == Merge::error) refuse_repeats(into, staging, th, ties_name);
    // Every staged field but the id index is a copy or a slot, none a view into the texts: the
    // buffers (the whole of both files) are given back before phase 2 builds the network
    // beside the staged ties, so the load's peak does not hold the files' text too.
    // The id index views nodes.csv's text: it goes with it.
    staging.index = detail::IdTable();
    std::string().swap(nodes_buffer);
    std::string().swap(ties_buffer);

    // Phase 2: apply.
    CsvReport report = commit(into, header, staging, options.merge, options.scale,
                              !th.kind && options.default_relation.empty(), progress);
    progress.finish();
    report.notes = std::move(notes);
    return report;
}

} // namespace

CsvReport parse_csv(Network& into, std::string_view nodes_text, std::string_view ties_text,
                    const CsvOptions& options, std::string_view nodes_name,
                    std::string_view ties_name) {
    return load(into, std::string(nodes_text), std::string(ties_text), options, nodes_name,
                ties_name);
}

namespace {

// A whitespace-separated edge list as CSV, line for line: fields split at runs of spaces and
// tabs, `#` starting a comment (NetworkX's read_edgelist, igraph's NCOL); a field holding a comma
// or a quote is quoted.
std::string whitespace_to_csv(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 16);
    bool field_open = false, line_has_field = false;
    std::size_t field_start = 0;
    const auto close_field = [&](std::size_t end) {
        const std::string_view f = text.substr(field_start, end - field_start);
        if (line_has_field) out += ',';
        if (f.find_first_of(",\"") != std::string_view::npos) {
            out += '"';
            for (char c : f) {
                if (c == '"') out += '"';
                out += c;
            }
            out += '"';
        } else {
            out += f;
        }
        line_has_field = true;
        field_open = false;
    };
    bool comment = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\n' || c == '\r') {
            if (field_open) close_field(i);
            out += c;
            line_has_field = comment = false;
            continue;
        }
        if (comment) continue;
        if (c == '#') {
            if (field_open) close_field(i);
            comment = true;
        } else if (c == ' ' || c == '\t') {
            if (field_open) close_field(i);
        } else if (!field_open) {
            field_open = true;
            field_start = i;
        }
    }
    if (field_open) close_field(text.size());
    return out;
}

bool is_whitespace_edge_list(const std::filesystem::path& path) {
    const std::string ext = path.extension().string();
    return iequals(ext, ".edgelist") || iequals(ext, ".ncol") || iequals(ext, ".edges");
}

} // namespace

CsvReport read_csv(Network& into, const std::filesystem::path& nodes,
                   const std::filesystem::path& ties, const CsvOptions& options) {
    std::string nodes_text = read_file_bytes(nodes);  // nodes first: its errors are reported first
    std::string ties_text = read_file_bytes(ties);
    if (is_whitespace_edge_list(ties)) ties_text = whitespace_to_csv(ties_text);
    return load(into, std::move(nodes_text), std::move(ties_text), options, nodes.string(),
                ties.string());
}

CsvReport read_edge_list(Network& into, const std::filesystem::path& ties,
                         const CsvOptions& options) {
    std::string text = read_file_bytes(ties);
    if (is_whitespace_edge_list(ties)) text = whitespace_to_csv(text);
    CsvOptions o = options;
    o.create_missing_stakeholders = true;
    return load(into, "id\n", std::move(text), o, "(no nodes.csv)", ties.string());
}

CsvReport parse_edge_list(Network& into, std::string_view ties_text, const CsvOptions& options,
                          std::string_view ties_name) {
    CsvOptions o = options;
    o.create_missing_stakeholders = true;
    return load(into, "id\n", std::string(ties_text), o, "(no nodes.csv)", ties_name);
}

std::string_view to_string(Encoding encoding) noexcept {
    switch (encoding) {
    case Encoding::automatic: return "automatic";
    case Encoding::utf8: return "utf8";
    case Encoding::cp1252: return "cp1252";
    }
    return "automatic";
}

Encoding parse_encoding(std::string_view text) {
    const std::string_view t = detail::trim(text);
    if (iequals(t, "automatic") || iequals(t, "auto")) return Encoding::automatic;
    if (iequals(t, "utf8") || iequals(t, "utf-8")) return Encoding::utf8;
    if (iequals(t, "cp1252") || iequals(t, "windows-1252")) return Encoding::cp1252;
    throw invalid_value("unknown encoding " + dq(text) + " (expected automatic, utf8, cp1252)");
}

Network read_csv(const std::filesystem::path& nodes, const std::filesystem::path& ties,
                 const CsvOptions& options) {
    Network net;
    read_csv(net, nodes, ties, options);
    return net;
}

// ---- writing --------------------------------------------------------------------------------

namespace {

void put_field(std::string& out, std::string_view field) {
    if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
        out += field;
        return;
    }
    out += '"';
    for (char c : field) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

void put_weight(std::string& out, double w) { out += detail::shortest(w); }

void flush(std::ostream& os, std::string& buffer) {
    os.write(buffer.data(), gsl::narrow<std::streamsize>(buffer.size()));
    buffer.clear();
}

} // namespace

void write_csv(const Network& net, std::ostream& nodes, std::ostream& ties,
               const CsvWriteOptions& options) {
    const std::string_view eol = options.crlf ? "\r\n" : "\n";
    const Community* primary = net.find_community(options.community);
    std::vector<const Community*> others;
    for (const Community* c : net.communities())
        if (c != primary) others.push_back(c);

    std::string out;
    out += "id,name,sector,level,perspective,organization,";
    if (primary != nullptr) out += "circle,";
    out += "stance";
    for (const std::string& a : net.attribute_names()) {
        out += ',';
        put_field(out, a);
    }
    for (const Community* c : others) {
        out += ',';
        put_field(out, "circle:" + c->name());
    }
    out += eol;
    for (StakeholderId who : net.stakeholders()) {
        const Stakeholder& s = net.stakeholder(who);
        put_field(out, s.id);
        out += ',';
        put_field(out, s.name);
        out += ',';
        put_field(out, s.sector);
        out += ',';
        if (s.level) out += to_string(*s.level);
        out += ',';
        if (s.perspective != Perspective::unknown) out += to_string(s.perspective);
        out += ',';
        put_field(out, s.organization);
        out += ',';
        if (primary != nullptr) {
            out += to_string(primary->circle(who));
            out += ',';
        }
        out += to_string(s.stance);
        for (const std::string& a : net.attribute_names()) {
            out += ',';
            if (auto it = s.attributes.find(a); it != s.attributes.end()) put_field(out, it->second);
        }
        for (const Community* c : others) {
            out += ',';
            out += to_string(c->circle(who));
        }
        out += eol;
        if (out.size() > (1U << 20U)) flush(nodes, out);
    }
    flush(nodes, out);

    // The names of before relations while the network has only the built-in three.
    const bool builtin = std::ranges::equal(net.relations(), Network().relations());
    out += builtin ? "source,target,kind,weight" : "source,target,relation,value";
    out += eol;
    for (const Tie& t : net.all_ties()) {
        put_field(out, net.stakeholder(t.source).id);
        out += ',';
        put_field(out, net.stakeholder(t.target).id);
        out += ',';
        put_field(out, net.relation(t.kind).name);
        out += ',';
        put_weight(out, t.weight);
        out += eol;
        if (out.size() > (1U << 20U)) flush(ties, out);
    }
    flush(ties, out);
}

void write_csv(const Network& net, const std::filesystem::path& nodes,
               const std::filesystem::path& ties, const CsvWriteOptions& options) {
    detail::PendingFile n(nodes);
    detail::PendingFile t(ties);
    write_csv(net, n.out(), t.out(), options);
    detail::PendingFile* const both[] = {&n, &t};
    detail::replace_all(both);  // throws the system's reason if a write failed
}

} // namespace copnet
