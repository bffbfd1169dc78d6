#pragma once
// What the readers of the research formats (Pajek, GML, GEXF, UCINET DL, adjacency matrices)
// share: a parse_error naming file, line and field; the stakeholders and ties a file names,
// staged before anything touches the network; relations by name, their scale inferred from the
// values when the file does not declare them; the whole thing added at the end, all or nothing.

#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "copnet/error.hpp"
#include "copnet/network.hpp"
#include "copnet/io/relations.hpp"
#include "copnet/relation.hpp"
#include "io/node_fields.hpp"

namespace copnet::detail {

/// Throws parse_error for the input `file`.
class Failer {
public:
    explicit Failer(std::string_view file) : file_(file) {}
    /// The message reads `field: message` (as the other readers' do).
    [[noreturn]] void operator()(std::size_t line, std::string_view field, const std::string& message) const {
        throw parse_error(file_, line, std::string(field),
                          field.empty() ? message : std::string(field) + ": " + message);
    }
    [[nodiscard]] const std::string& file() const noexcept { return file_; }

private:
    std::string file_;
};

/// Declares the relations of relations.csv text embedded in a file at `line` (a comment block,
/// a graph key); an error names that line and the row of the declarations.
inline void declare_relations(Network& net, const std::string& text, std::size_t line, const Failer& fail) {
    try {
        parse_relations(net, text, "relations");
    } catch (const parse_error& e) {
        fail(line, "relations", "row " + std::to_string(e.line()) + " of the declarations: " + e.message());
    } catch (const error& e) {
        fail(line, "relations", e.what());
    }
}

/// A finite decimal number (an optional leading '+' allowed), or nothing.
[[nodiscard]] inline std::optional<double> to_number(std::string_view text) noexcept {
    if (!text.empty() && text.front() == '+') text.remove_prefix(1);
    double v = 0;
    const auto r = std::from_chars(text.data(), text.data() + text.size(), v);
    if (text.empty() || r.ec != std::errc() || r.ptr != text.data() + text.size() || !std::isfinite(v))
        return std::nullopt;
    return v;
}

/// A tie read from a file, by staged stakeholder and staged relation.
struct StagedTie {
    std::uint32_t source;
    std::uint32_t target;
    std::uint32_t relation;
    double value;
    std::size_t line;
};

/// A relation named by a file: declared in the network already (`kind`), or to be added with
/// the file's direction and a scale inferred from its values.
struct StagedRelation {
    std::string name;
    bool mutual = false;
    Role role = Role::other;
    std::optional<TieKind> kind;  // declared
    double min = 0, max = 0;      // of its values
    bool any = false;
    bool keep = false;            // declared even without a tie (a matrix of zeros)
};

/// The network a reader builds: stakeholders by id (interned once), relations by name, ties
/// staged; `finish` turns it into `into`'s contents.
class Staging {
public:
    Staging(Network& net, Failer fail, Merge merge) : net_(net), fail_(std::move(fail)), merge_(merge) {}

    /// The handle of the stakeholder `id`, made (id only) if new. Cost: O(|id|) expected.
    std::uint32_t stakeholder(std::string_view id, std::size_t line, std::string_view field) {
        if (id.empty()) fail_(line, field, "an empty id");
        if (const auto hit = net_.find(id)) return hit->index();
        try {
            return net_.add_stakeholder({.id = std::string(id)}).index();
        } catch (const error& e) {
            fail_(line, field, e.what());
        }
    }
    /// Adds the stakeholder of `draft`; throws parse_error (an id given twice).
    std::uint32_t add(NodeDraft&& draft, std::size_t line, std::string_view field) {
        if (draft.stakeholder.id.empty()) fail_(line, field, "an empty id");
        if (net_.find(draft.stakeholder.id))
            fail_(line, field, "id \"" + draft.stakeholder.id + "\" is given twice");
        try {
            const StakeholderId who = net_.add_stakeholder(std::move(draft.stakeholder));
            for (const auto& [community, circle] : draft.circles) {
                Community* c = net_.find_community(community);
                if (!c) c = &net_.add_community(community);
                c->set_circle(who, circle);
            }
            return who.index();
        } catch (const error& e) {
            fail_(line, field, e.what());
        }
    }
    /// Applies a node field (`name`, `sector`, … `circle:NAME`, else an attribute).
    /// `declare`: declare a new attribute column at once (else the caller declares the columns,
    /// in the order of the stakeholders' slots, as a writer writes them back).
    void field(NodeDraft& draft, std::string_view name, std::string value, std::string_view community,
               std::size_t line, bool declare = true) {
        if (value.empty()) return;  // no value: nothing stored, no column declared
        try {
            apply_node_field(draft, name, std::move(value), community);
            // Attribute columns in the order the file first names them.
            if (declare && draft.stakeholder.attributes.count(name) != 0 && !net_.has_attribute_name(name))
                net_.add_attribute_name(name);
        } catch (const error& e) {
            fail_(line, name, "\"" + draft.stakeholder.id + "\": " + e.what());
        }
    }

    /// The staged relation named `name` (declared in the network, or new: `mutual`, `role`).
    std::uint32_t relation(std::string_view name, bool mutual, Role role, std::size_t line) {
        if (name.empty()) fail_(line, "relation", "an empty relation name");
        if (const auto hit = by_name_.find(std::string(name)); hit != by_name_.end()) return hit->second;
        StagedRelation r;
        r.name = std::string(name);
        r.mutual = mutual;
        r.role = role;
        r.kind = net_.find_relation(name);
        if (r.kind) r.mutual = net_.relation(*r.kind).mutual();
        relations_.push_back(std::move(r));
        const auto index = static_cast<std::uint32_t>(relations_.size() - 1);
        by_name_.emplace(std::string(name), index);
        return index;
    }
    [[nodiscard]] const StagedRelation& staged_relation(std::uint32_t r) const { return relations_[r]; }
    /// Declares staged relation `r` even if it gets no tie.
    void keep(std::uint32_t r) { relations_[r].keep = true; }

    /// Stages a tie; a self-tie is an error naming `line`.
    void tie(std::uint32_t source, std::uint32_t target, std::uint32_t relation, double value, std::size_t line) {
        if (source == target)
            fail_(line, "target", "a tie from \"" + net_.stakeholder(StakeholderId(source)).id + "\" to itself");
        StagedRelation& r = relations_[relation];
        if (!r.any) r.min = r.max = value, r.any = true;
        r.min = std::min(r.min, value);
        r.max = std::max(r.max, value);
        ties_.push_back({source, target, relation, value, line});
    }
    [[nodiscard]] std::size_t tie_count() const noexcept { return ties_.size(); }
    void reserve_ties(std::size_t n) { ties_.reserve(n); }

    /// Declares the new relations (scale from their values: unit when all are in [0,1], count
    /// when none is negative, else real; `scale` when it is not unit) and adds the ties
    /// (`merge`). Throws parse_error naming the line of the first tie off its relation's scale or,
    /// with Merge::error, of the first repeat.
    void finish(Scale scale) {
        std::vector<TieKind>& kinds = kinds_;
        kinds.assign(relations_.size(), TieKind::collaboration);
        for (std::size_t i = 0; i < relations_.size(); ++i) {
            StagedRelation& r = relations_[i];
            if (r.kind) {
                kinds[i] = *r.kind;
                continue;
            }
            if (!r.any && !r.keep) continue;  // named by a block that holds no tie
            Relation rel{.name = r.name, .role = r.role,
                         .direction = r.mutual ? RelationDirection::mutual : RelationDirection::directed};
            rel.scale = scale != Scale::unit  ? scale
                        : !r.any || (r.min >= 0 && r.max <= 1) ? Scale::unit
                        : r.min >= 0          ? Scale::count
                                              : Scale::real;
            try {
                kinds[i] = net_.add_relation(rel);
            } catch (const error& e) {
                fail_(0, "relation", e.what());
            }
        }
        std::vector<Tie> ties;
        ties.reserve(ties_.size());
        for (const StagedTie& t : ties_) {
            const TieKind k = kinds[t.relation];
            if (!on_scale(net_.relation(k).scale, t.value))
                fail_(t.line, "value",
                      "value " + shortest_text(t.value) + " is off the " +
                          std::string(to_string(net_.relation(k).scale)) + " scale of relation \"" +
                          net_.relation(k).name + "\"");
            ties.push_back({StakeholderId(t.source), StakeholderId(t.target), k, t.value});
        }
        if (merge_ == Merge::error)
            if (const auto repeat = net_.first_repeated_tie(ties))
                fail_(ties_[*repeat].line, "target",
                      "the tie " + net_.stakeholder(ties[*repeat].source).id + " -> " +
                          net_.stakeholder(ties[*repeat].target).id + " of relation \"" +
                          net_.relation(ties[*repeat].kind).name + "\" is given twice (merge policy error)");
        try {
            net_.add_ties(ties, merge_);
        } catch (const error& e) {
            fail_(0, "", e.what());
        }
    }

    /// After `finish`: the kind of staged relation `r` (one that holds ties or was declared).
    [[nodiscard]] TieKind kind(std::uint32_t r) const { return kinds_[r]; }
    [[nodiscard]] Network& network() noexcept { return net_; }
    [[nodiscard]] const Failer& fail() const noexcept { return fail_; }

private:
    static std::string shortest_text(double v) {
        char buf[32];
        const auto end = std::to_chars(buf, buf + sizeof buf, v).ptr;
        return {buf, end};
    }

    Network& net_;
    Failer fail_;
    Merge merge_;
    std::vector<StagedRelation> relations_;
    std::unordered_map<std::string, std::uint32_t> by_name_;
    std::vector<StagedTie> ties_;
    std::vector<TieKind> kinds_;
};

/// Reads `text` into a new network with `read(staging)` and moves it into `into` only if all of
/// it read: all or nothing. The relations of `into` (e.g. a relations file read first) are kept:
/// the new network starts as a copy of `into`'s declarations.
template <class Read> void read_whole(Network& into, Read read) {
    Network net;
    for (const Relation& r : into.relations()) net.add_relation(r);
    read(net);
    into = std::move(net);
}

} // namespace copnet::detail
