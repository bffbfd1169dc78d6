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
                             const CsvOptions& options) {
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
        const std::string_view name = detail::trim(fields[i]);
        if (name.empty())
            throw parse_error(std::string(file), 1, "",
                              "column " + std::to_string(i + 1) + " has no name in the header");
        std::string folded(name);
        for (char& c : folded) c = detail::ascii_lower(c);
        if (!seen.emplace(std::move(folded), i).second)
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
    std::size_t source = 0, target = 0, kind = 0;
    std::optional<std::size_t> weight;
    std::size_t columns = 0;
    std::vector<std::string> names;
};

TieHeader parse_tie_header(const std::vector<std::string_view>& fields, std::string_view file) {
    TieHeader h;
    h.columns = fields.size();
    std::array<bool, 4> seen{};
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const std::string_view name = detail::trim(fields[i]);
        h.names.emplace_back(name);
        std::size_t* slot = nullptr;
        std::size_t which = 0;
        if (iequals(name, "source")) {
            slot = &h.source;
            which = 0;
        } else if (iequals(name, "target")) {
            slot = &h.target;
            which = 1;
        } else if (iequals(name, "kind")) {
            slot = &h.kind;
            which = 2;
        } else if (iequals(name, "weight")) {
            which = 3;
        } else {
            throw parse_error(std::string(file), 1, std::string(name),
                              "column " + dq(name) +
                                  " is not a ties column (expected source, target, kind, weight)");
        }
        if (seen[which])
            throw parse_error(std::string(file), 1, std::string(name),
                              "column " + dq(name) + " appears twice in the header");
        seen[which] = true;
        if (slot != nullptr) *slot = i;
        else h.weight = i;
    }
    static constexpr std::array<std::string_view, 3> required{"source", "target", "kind"};
    for (std::size_t i = 0; i < required.size(); ++i)
        if (!seen[i])
            throw parse_error(std::string(file), 1, std::string(required[i]),
                              "the header has no " + std::string(required[i]) + " column");
    return h;
}

std::optional<TieKind> fast_kind(std::string_view text) noexcept {
    if (iequals(text, "influence")) return TieKind::influence;
    if (iequals(text, "collaboration")) return TieKind::collaboration;
    if (iequals(text, "authority")) return TieKind::authority;
    return std::nullopt;
}

double parse_weight(std::string_view raw, std::string_view file, std::size_t line,
                    const std::string& field) {
    const std::string_view text = detail::trim(raw);
    if (text.empty()) return 1.0;
    double w = 0.0;
    const char* first = text.data();
    if (*first == '+') ++first;  // from_chars rejects a leading '+', spreadsheets write it
    const auto [ptr, ec] = std::from_chars(first, text.data() + text.size(), w);
    if (ec != std::errc() || ptr != text.data() + text.size() || !std::isfinite(w))
        throw parse_error(std::string(file), line, field,
                          "weight " + dq(raw) + " is not a number");
    if (w < 0.0 || w > 1.0)
        throw parse_error(std::string(file), line, field,
                          "weight " + std::string(text) + " is outside [0,1]");
    return w;
}

std::string ragged(std::size_t got, std::size_t want) {
    return "the row has " + std::to_string(got) + " field" + (got == 1 ? "" : "s") +
           ", the header has " + std::to_string(want);
}

// The loader. Takes the texts as buffers it owns: quoted fields are unescaped in place.
CsvReport load(Network& into, std::string nodes_buffer, std::string ties_buffer,
               const CsvOptions& options, std::string_view nodes_name,
               std::string_view ties_name) {
    if (options.community.empty()) throw invalid_value("CsvOptions::community is empty");
    // Phase 1: parse and validate everything against `into` without touching it.
    detail::validate_utf8(nodes_buffer, nodes_name);
    detail::validate_utf8(ties_buffer, ties_name);

    const auto base = gsl::narrow<std::uint32_t>(into.slot_count());
    std::vector<StagedStakeholder> staged;
    detail::IdTable staged_index;  // id → staged position
    staged_index.reserve(detail::count_records(nodes_buffer) + 1);

    RecordReader nodes(nodes_buffer, nodes_name);
    std::vector<std::string_view> fields;
    if (!nodes.next(fields))
        throw parse_error(std::string(nodes_name), 0, "",
                          "the file is empty (expected a header row with an id column)");
    const NodeHeader header = parse_node_header(fields, nodes_name, options);
    std::vector<std::size_t> community_columns;
    for (std::size_t i = 0; i < header.roles.size(); ++i)
        if (!header.communities[i].empty()) community_columns.push_back(i);

    while (nodes.next(fields)) {
        const std::size_t line = nodes.line();
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
        const std::string_view id = fields[header.id_column];
        if (id.empty())
            throw parse_error(std::string(nodes_name), line, header.names[header.id_column],
                              "id is empty");
        if (into.find(id))
            throw parse_error(std::string(nodes_name), line, header.names[header.id_column],
                              "id " + dq(id) + " is already in the network");
        const auto [pos, fresh] = staged_index.insert(id);
        if (!fresh)
            throw parse_error(std::string(nodes_name), line, header.names[header.id_column],
                              "id " + dq(id) + " already appears on line " +
                                  std::to_string(staged[pos].line));
        staged.push_back(std::move(st));
    }
    const std::size_t from_nodes = staged.size();

    RecordReader ties(ties_buffer, ties_name);
    if (!ties.next(fields))
        throw parse_error(std::string(ties_name), 0, "",
                          "the file is empty (expected the header source,target,kind,weight)");
    const TieHeader th = parse_tie_header(fields, ties_name);
    std::size_t created = 0;
    const bool check_into = into.slot_count() > 0;
    // An id of nodes.csv or of the network, or npos.
    const auto lookup = [&](std::string_view id, std::uint64_t h) -> std::uint32_t {
        if (const std::uint32_t pos = staged_index.find(id, h); pos != detail::IdTable::npos)
            return base + pos;
        if (check_into)
            if (auto who = into.find(id)) return who->index();
        return detail::IdTable::npos;
    };
    const auto missing = [&](std::string_view id, std::size_t line, const std::string& column) {
        if (id.empty())
            return parse_error(std::string(ties_name), line, column, column + " is empty");
        return parse_error(std::string(ties_name), line, column,
                           column + " " + dq(id) + " is not in " + std::string(nodes_name));
    };
    // Creates a stakeholder for a missing endpoint (single-threaded path only).
    const auto create = [&](std::string_view id, std::size_t line,
                            const std::string& column) -> std::uint32_t {
        if (id.empty() || !options.create_missing_stakeholders) throw missing(id, line, column);
        StagedStakeholder st;
        st.stakeholder.id.assign(id);
        st.circles.assign(community_columns.size(), Circle::none);
        st.line = line;
        const auto pos = staged_index.insert(id).first;
        staged.push_back(std::move(st));
        ++created;
        return base + pos;
    };
    // Parses the rows `reader` yields into `out`; `resolve(id, hash, line, column)` gives a
    // slot. Id lookups miss the cache at random, so rows wait in a small ring while the slots
    // of their ids are prefetched; an error in a later row waits until the earlier rows are
    // resolved, so the first error in the file is the one reported.
    struct Pending {
        std::string_view source, target;
        std::uint64_t source_hash, target_hash;
        std::size_t line;
        TieKind kind;
        double weight;
    };
    const auto parse_rows = [&](RecordReader& reader, std::vector<Tie>& out, auto&& resolve) {
        constexpr std::size_t ring_size = 16;
        std::array<Pending, ring_size> ring{};
        std::size_t head = 0;  // rows pushed
        std::size_t tail = 0;  // rows resolved
        const auto settle = [&](const Pending& p) {
            const std::uint32_t s = resolve(p.source, p.source_hash, p.line, th.names[th.source]);
            const std::uint32_t t = resolve(p.target, p.target_hash, p.line, th.names[th.target]);
            if (s == t)
                throw parse_error(std::string(ties_name), p.line, th.names[th.target],
                                  "source and target are both " + dq(p.source) +
                                      ": self-ties are not allowed");
            out.push_back({StakeholderId(s), StakeholderId(t), p.kind, p.weight});
        };
        const auto drain = [&] {
            while (tail < head) settle(ring[tail++ % ring_size]);
        };
        std::vector<std::string_view> row;
        try {
            while (reader.next(row)) {
                const std::size_t line = reader.line();
                if (row.size() != th.columns)
                    throw parse_error(std::string(ties_name), line, "",
                                      ragged(row.size(), th.columns));
                auto kind = fast_kind(row[th.kind]);
                if (!kind)
                    kind = parse_field(parse_tie_kind, row[th.kind], ties_name, line,
                                       th.names[th.kind]);
                const double w =
                    th.weight
                        ? parse_weight(row[*th.weight], ties_name, line, th.names[*th.weight])
                        : 1.0;
                if (head - tail == ring_size) settle(ring[tail++ % ring_size]);
                Pending& p = ring[head++ % ring_size];
                p = Pending{row[th.source], row[th.target],
                            detail::IdTable::hash(row[th.source]),
                            detail::IdTable::hash(row[th.target]), line, *kind, w};
                staged_index.prefetch(p.source_hash);
                staged_index.prefetch(p.target_hash);
            }
        } catch (const parse_error&) {
            drain();  // an earlier row's error comes first
            throw;
        }
        drain();
    };

    char* const body = ties.position();
    char* const body_end = ties_buffer.data() + ties_buffer.size();
    const std::size_t body_size = static_cast<std::size_t>(body_end - body);
    const std::size_t rows_hint = detail::count_records({body, body_size}) + 1;
    std::vector<Tie> staged_ties;
    const unsigned threads = options.threads != 0 ? options.threads
                                                  : std::max(1U, std::thread::hardware_concurrency());
    // Without quotes every line end ends a record, so the rows split at any line end: the halves
    // parse on two threads. Ids are only looked up there (creating them needs one thread).
    char* split = body + body_size / 2;
    while (split < body_end && *split != '\n') ++split;
    if (threads > 1 && body_size >= (1U << 20U) && !options.create_missing_stakeholders &&
        std::memchr(body, '"', body_size) == nullptr && split < body_end) {
        ++split;
        const std::size_t split_line =
            ties.next_line() + detail::count_lines({body, static_cast<std::size_t>(split - body)});
        std::vector<Tie> second_half;
        std::exception_ptr second_error;
        const auto resolve = [&](std::string_view id, std::uint64_t h, std::size_t line,
                                 const std::string& column) -> std::uint32_t {
            const std::uint32_t slot = lookup(id, h);
            if (slot == detail::IdTable::npos) throw missing(id, line, column);
            return slot;
        };
        const auto second = [&] {
            try {
                RecordReader reader(split, body_end, ties_name, split_line);
                second_half.reserve(rows_hint / 2 + 1);
                parse_rows(reader, second_half, resolve);
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
            RecordReader reader(body, split, ties_name, ties.next_line());
            staged_ties.reserve(rows_hint);
            parse_rows(reader, staged_ties, resolve);
        } catch (...) {
            if (worker) worker->join();  // the first half's error comes first
            throw;
        }
        if (worker) worker->join();
        else second();
        if (second_error) std::rethrow_exception(second_error);
        staged_ties.insert(staged_ties.end(), second_half.begin(), second_half.end());
    } else {
        staged_ties.reserve(rows_hint);
        parse_rows(ties, staged_ties,
                   [&](std::string_view id, std::uint64_t h, std::size_t line,
                       const std::string& column) {
                       const std::uint32_t slot = lookup(id, h);
                       return slot != detail::IdTable::npos ? slot : create(id, line, column);
                   });
    }

    // Phase 2: apply. Everything was validated; only allocation can fail from here on, and then
    // `into` gets back what it held (a copy made first; nothing to copy for an empty network).
    CsvReport report;
    report.stakeholders = staged.size();
    report.created = created;
    report.ties = staged_ties.size();
    const bool empty = into.slot_count() == 0 && into.communities().empty() &&
                       into.attribute_names().empty();
    Network saved = empty ? Network() : into;
    try {
        into.reserve(into.slot_count() + staged.size());
        for (std::size_t i = 0; i < header.roles.size(); ++i)
            if (header.roles[i] == NodeColumn::attribute) into.add_attribute_name(header.names[i]);
        std::vector<Community*> communities;
        for (std::size_t c : community_columns) {
            Community* found = into.find_community(header.communities[c]);
            communities.push_back(found != nullptr ? found
                                                   : &into.add_community(header.communities[c]));
        }
        for (std::size_t i = 0; i < staged.size(); ++i) {
            const StakeholderId who = into.add_stakeholder(std::move(staged[i].stakeholder));
            Ensures(who.index() == base + i);
            if (i < from_nodes)
                for (std::size_t c = 0; c < communities.size(); ++c)
                    if (staged[i].circles[c] != Circle::none)
                        communities[c]->set_circle(who, staged[i].circles[c]);
        }
        report.merged_ties = into.add_ties(staged_ties);
    } catch (...) {
        detail::roll_back(into, std::move(saved));
        throw;
    }
    return report;
}

} // namespace

CsvReport parse_csv(Network& into, std::string_view nodes_text, std::string_view ties_text,
                    const CsvOptions& options, std::string_view nodes_name,
                    std::string_view ties_name) {
    return load(into, std::string(nodes_text), std::string(ties_text), options, nodes_name,
                ties_name);
}

CsvReport read_csv(Network& into, const std::filesystem::path& nodes,
                   const std::filesystem::path& ties, const CsvOptions& options) {
    std::string nodes_text = read_file_bytes(nodes);  // nodes first: its errors are reported first
    std::string ties_text = read_file_bytes(ties);
    return load(into, std::move(nodes_text), std::move(ties_text), options, nodes.string(),
                ties.string());
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

    out += "source,target,kind,weight";
    out += eol;
    for (const Tie& t : net.all_ties()) {
        put_field(out, net.stakeholder(t.source).id);
        out += ',';
        put_field(out, net.stakeholder(t.target).id);
        out += ',';
        out += to_string(t.kind);
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
