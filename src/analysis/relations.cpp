#include "copnet/analysis/relations.hpp"

#include "copnet/error.hpp"
#include "detail/flat_set.hpp"
#include "detail/text.hpp"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <vector>

namespace copnet {
namespace {

std::uint64_t pair_key(std::uint32_t a, std::uint32_t b) noexcept {
    if (b < a) std::swap(a, b);
    return (std::uint64_t{a} << 32U) | b;
}

std::uint64_t ordered_key(std::uint32_t a, std::uint32_t b) noexcept {
    return (std::uint64_t{a} << 32U) | b;
}

double ratio(std::size_t a, std::size_t b) {
    return b == 0 ? 0.0 : static_cast<double>(a) / static_cast<double>(b);
}

} // namespace

RelationsReport relations_report(const Network& net) { return relations_report(net, Progress{}); }

RelationsReport relations_report(const Network& net, const Progress& progress) {
    const auto rels = net.relations();
    const std::size_t R = rels.size();
    std::size_t alignments = 0;
    for (const auto& a : rels)
        if (a.role == Role::authority)
            for (const auto& i : rels) alignments += i.role == Role::influence;
    // Stages by their rough cost in ties: gathering, sorting, overlaps, multiplexity, alignments.
    const std::size_t e = std::max<std::size_t>(net.tie_count(), 1);
    detail::Stages stages(progress, {e, 2 * e, e, 3 * e, 3 * e * alignments});
    // The unordered pairs of each relation, sorted and unique.
    std::vector<std::vector<std::uint64_t>> pairs(R);
    const std::vector<Tie> ties = net.all_ties();
    for (const Tie& t : ties)
        pairs[static_cast<std::size_t>(t.kind)].push_back(pair_key(t.source.index(), t.target.index()));
    stages.next();
    for (std::size_t k = 0; k < R; ++k) {
        auto& p = pairs[k];
        std::sort(p.begin(), p.end());
        p.erase(std::unique(p.begin(), p.end()), p.end());
        stages.at(k + 1, R);
    }
    stages.next();
    RelationsReport r;
    const double n = static_cast<double>(net.stakeholder_count());
    for (std::size_t k = 0; k < R; ++k) {
        RelationCount c{static_cast<TieKind>(k), net.tie_count(static_cast<TieKind>(k)), 0.0};
        const double possible = rels[k].mutual() ? n * (n - 1) / 2 : n * (n - 1);
        c.density = possible > 0 ? static_cast<double>(c.ties) / possible : 0.0;
        r.relations.push_back(c);
    }
    for (std::size_t a = 0; a < R; ++a)
        for (std::size_t b = a + 1; b < R; ++b) {
            std::vector<std::uint64_t> common;
            std::set_intersection(pairs[a].begin(), pairs[a].end(), pairs[b].begin(),
                                  pairs[b].end(), std::back_inserter(common));
            RelationOverlap o{static_cast<TieKind>(a), static_cast<TieKind>(b), common.size()};
            o.jaccard = ratio(common.size(), pairs[a].size() + pairs[b].size() - common.size());
            o.a_in_b = ratio(common.size(), pairs[a].size());
            o.b_in_a = ratio(common.size(), pairs[b].size());
            r.overlap.push_back(o);
        }
    stages.next();
    // Multiplexity: how many relations tie each pair.
    std::vector<std::uint64_t> all;
    for (const auto& p : pairs) all.insert(all.end(), p.begin(), p.end());
    std::sort(all.begin(), all.end());
    r.multiplexity.assign(R + 1, 0);
    for (std::size_t i = 0; i < all.size();) {
        std::size_t j = i;
        while (j < all.size() && all[j] == all[i]) ++j;
        ++r.multiplexity[j - i];
        i = j;
    }
    while (r.multiplexity.size() > 1 && r.multiplexity.back() == 0) r.multiplexity.pop_back();
    stages.next();
    // Alignment of every authority-role relation with every influence-role relation.
    for (std::size_t a = 0; a < R; ++a) {
        if (rels[a].role != Role::authority) continue;
        for (std::size_t i = 0; i < R; ++i) {
            if (rels[i].role != Role::influence) continue;
            detail::FlatSet64 influence;
            influence.reserve(net.tie_count(static_cast<TieKind>(i)) * (rels[i].mutual() ? 2 : 1));
            for (const Tie& t : ties)
                if (static_cast<std::size_t>(t.kind) == i) {
                    influence.insert(ordered_key(t.source.index(), t.target.index()));
                    if (rels[i].mutual()) influence.insert(ordered_key(t.target.index(), t.source.index()));
                }
            Alignment al{static_cast<TieKind>(a), static_cast<TieKind>(i)};
            for (const Tie& t : ties) {
                if (static_cast<std::size_t>(t.kind) != a) continue;
                ++al.authority_ties;
                const bool forward = influence.contains(ordered_key(t.source.index(), t.target.index()));
                const bool backward = rels[a].mutual() &&
                                      influence.contains(ordered_key(t.target.index(), t.source.index()));
                if (forward || backward) ++al.aligned;
            }
            al.share = ratio(al.aligned, al.authority_ties);
            r.alignment.push_back(al);
            stages.at(r.alignment.size(), alignments);
        }
    }
    stages.finish();
    return r;
}

namespace {

// A formula's syntax tree: a relation, or an operator over one or two subtrees.
struct Node {
    enum Kind : std::uint8_t { relation, negation, conjunction, disjunction } kind = relation;
    TieKind rel = TieKind::authority;
    int left = -1, right = -1;
};

class FormulaParser {
public:
    FormulaParser(const Network& net, std::string_view text) : net_(net), text_(text) {}
    // formula := term ('|' term)* ; term := factor ('&' factor)* ; factor := '!' factor |
    // '(' formula ')' | name
    int parse() {
        const int root = disjunction();
        skip();
        if (at_ < text_.size()) fail("unexpected \"" + std::string(1, text_[at_]) + "\"");
        return root;
    }
    std::vector<Node> nodes;
    std::vector<TieKind> named;  // in order met

private:
    [[noreturn]] void fail(const std::string& why) const {
        throw invalid_value("relation formula \"" + std::string(text_) + "\": " + why + " at " +
                            std::to_string(at_ + 1));
    }
    void skip() {
        while (at_ < text_.size() && (text_[at_] == ' ' || text_[at_] == '\t')) ++at_;
    }
    int add(Node n) {
        nodes.push_back(n);
        return static_cast<int>(nodes.size() - 1);
    }
    int disjunction() {
        int left = conjunction();
        for (skip(); at_ < text_.size() && text_[at_] == '|'; skip()) {
            ++at_;
            left = add({Node::disjunction, TieKind::authority, left, conjunction()});
        }
        return left;
    }
    int conjunction() {
        int left = factor();
        for (skip(); at_ < text_.size() && text_[at_] == '&'; skip()) {
            ++at_;
            left = add({Node::conjunction, TieKind::authority, left, factor()});
        }
        return left;
    }
    int factor() {
        skip();
        if (at_ >= text_.size()) fail("a relation name is missing");
        if (text_[at_] == '!') {
            ++at_;
            return add({Node::negation, TieKind::authority, factor(), -1});
        }
        if (text_[at_] == '(') {
            ++at_;
            const int inner = disjunction();
            skip();
            if (at_ >= text_.size() || text_[at_] != ')') fail("\")\" is missing");
            ++at_;
            return inner;
        }
        const std::size_t start = at_;
        while (at_ < text_.size() && std::string_view("&|!()").find(text_[at_]) == std::string_view::npos) ++at_;
        std::string_view word = text_.substr(start, at_ - start);
        while (!word.empty() && (word.back() == ' ' || word.back() == '\t')) word.remove_suffix(1);
        if (word.empty()) fail("a relation name is missing");
        const auto kind = net_.find_relation(word);
        if (!kind) fail("unknown relation \"" + std::string(word) + "\"");
        named.push_back(*kind);
        return add({Node::relation, *kind, -1, -1});
    }

    const Network& net_;
    std::string_view text_;
    std::size_t at_ = 0;
};

bool holds(const std::vector<Node>& nodes, int at, const std::vector<bool>& truth,
           const std::vector<int>& slot_of_kind) {
    const Node& n = nodes[static_cast<std::size_t>(at)];
    switch (n.kind) {
    case Node::relation: return truth[static_cast<std::size_t>(slot_of_kind[static_cast<std::size_t>(n.rel)])];
    case Node::negation: return !holds(nodes, n.left, truth, slot_of_kind);
    case Node::conjunction:
        return holds(nodes, n.left, truth, slot_of_kind) && holds(nodes, n.right, truth, slot_of_kind);
    case Node::disjunction:
        return holds(nodes, n.left, truth, slot_of_kind) || holds(nodes, n.right, truth, slot_of_kind);
    }
    return false;
}

} // namespace

bool is_relation_formula(std::string_view text) noexcept {
    return detail::is_formula(text);
}

TieKind derive_relation(Network& net, std::string_view formula, std::string name) {
    if (name.empty()) name = detail::formula_name(formula);
    if (const auto known = net.find_relation(name)) return *known;
    FormulaParser parser(net, formula);
    const int root = parser.parse();
    // The relations named, each at a slot of the truth vector.
    std::vector<int> slot_of_kind(256, -1);
    std::vector<TieKind> operands;
    for (TieKind k : parser.named)
        if (slot_of_kind[static_cast<std::size_t>(k)] < 0) {
            slot_of_kind[static_cast<std::size_t>(k)] = static_cast<int>(operands.size());
            operands.push_back(k);
        }
    std::vector<bool> truth(operands.size(), false);
    if (holds(parser.nodes, root, truth, slot_of_kind))
        throw invalid_value("relation formula \"" + std::string(formula) +
                            "\" holds for pairs tied by none of its relations: name a relation "
                            "outside every \"!\"");
    // Every ordered pair some operand ties (both orders for a mutual one), with its truths.
    bool all_mutual = true;
    std::vector<std::pair<std::uint64_t, std::size_t>> entries;  // (ordered pair, operand)
    for (const Tie& t : net.all_ties()) {
        const int slot = slot_of_kind[static_cast<std::size_t>(t.kind)];
        if (slot < 0) continue;
        const auto s = static_cast<std::size_t>(slot);
        entries.emplace_back(ordered_key(t.source.index(), t.target.index()), s);
        if (net.relation(t.kind).mutual())
            entries.emplace_back(ordered_key(t.target.index(), t.source.index()), s);
    }
    for (TieKind k : operands) all_mutual = all_mutual && net.relation(k).mutual();
    std::sort(entries.begin(), entries.end());
    std::vector<Tie> ties;
    for (std::size_t i = 0; i < entries.size();) {
        std::fill(truth.begin(), truth.end(), false);
        std::size_t j = i;
        for (; j < entries.size() && entries[j].first == entries[i].first; ++j) truth[entries[j].second] = true;
        const auto u = static_cast<std::uint32_t>(entries[i].first >> 32U);
        const auto v = static_cast<std::uint32_t>(entries[i].first & 0xFFFFFFFFU);
        if ((!all_mutual || u < v) && holds(parser.nodes, root, truth, slot_of_kind))
            ties.push_back({StakeholderId(u), StakeholderId(v), TieKind::authority, 1.0});
        i = j;
    }
    Relation derived;
    derived.name = std::move(name);
    derived.role = net.relation(parser.named.front()).role;
    derived.direction = all_mutual ? RelationDirection::mutual : RelationDirection::directed;
    derived.scale = Scale::binary;
    Network saved = net;  // all or nothing
    try {
        const TieKind kind = net.add_relation(std::move(derived));
        for (Tie& t : ties) t.kind = kind;
        net.add_ties(ties);
        return kind;
    } catch (...) {
        detail::roll_back(net, std::move(saved));
        throw;
    }
}

void derive_formulas(Network& net, std::string_view relations) {
    for (;;) {
        const auto comma = relations.find(',');
        const std::string_view item = relations.substr(0, comma);
        if (is_relation_formula(item)) (void)derive_relation(net, item);
        if (comma == std::string_view::npos) break;
        relations.remove_prefix(comma + 1);
    }
}

} // namespace copnet
