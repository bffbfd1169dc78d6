#include "copnet/analysis/health.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <bitset>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "copnet/analysis/circles.hpp"
#include "copnet/error.hpp"
#include "copnet/relation.hpp"
#include "detail/radix_sort.hpp"

namespace copnet {
namespace {

constexpr std::uint32_t none = std::numeric_limits<std::uint32_t>::max();
constexpr std::uint32_t unset = none - 1;
constexpr std::size_t lookahead = 16;  // events between a prefetch and its use

// Ordered pairs of slots packed in as few bits as the slots need (two 20-bit slots for a
// million stakeholders), so that the radix sort of a window's pairs has few bytes to sort.
struct PairKeys {
    explicit PairKeys(std::size_t slots) noexcept
        : bits(std::max(1U, static_cast<unsigned>(std::bit_width(slots)))),
          mask((std::uint64_t{1} << bits) - 1) {}
    [[nodiscard]] std::uint64_t operator()(std::uint32_t a, std::uint32_t b) const noexcept {
        return (std::uint64_t{a} << bits) | b;
    }
    [[nodiscard]] std::uint64_t reversed(std::uint64_t k) const noexcept {
        return ((k & mask) << bits) | (k >> bits);
    }
    unsigned bits;
    std::uint64_t mask;
};

// The fewest of `counts` (any order) whose sum reaches half of `total`: sorted largest first.
std::size_t fewest_for_half(std::vector<std::size_t>& counts, std::size_t total) {
    std::sort(counts.begin(), counts.end(), std::greater<>());
    std::size_t sum = 0;
    std::size_t k = 0;
    while (k < counts.size() && 2 * sum < total) sum += counts[k++];
    return k;
}

// A stakeholder's events so far: count, first and last time, and Welford's running mean and
// sum of squared deviations of the gaps between them.
struct Activity {
    std::size_t events = 0;
    std::size_t windows = 0;
    Time first = 0;
    Time last = 0;
    double mean = 0.0;
    double m2 = 0.0;

    void add(Time t) noexcept {
        if (events == 0) {
            first = t;
        } else {
            const double gap = static_cast<double>(t - last);
            const double n = static_cast<double>(events);  // gaps so far, this one included
            const double delta = gap - mean;
            mean += delta / n;
            m2 += delta * (gap - mean);
        }
        last = t;
        ++events;
    }
    [[nodiscard]] std::optional<double> burstiness() const noexcept {
        if (events < 3) return std::nullopt;
        const double sigma = std::sqrt(std::max(0.0, m2 / static_cast<double>(events - 1)));
        if (sigma + mean <= 0.0) return std::nullopt;  // every event at one instant
        return (sigma - mean) / (sigma + mean);
    }
};

// The categories of `facet` of the stakeholders met, numbered in the order first met (folded
// as category_key unless the facet compares exactly). Texts met before cost no folding.
class Groups {
public:
    Groups(const Network& net, std::string_view facet) : net_(net), facet_(facet) {}
    // The category number of slot `s`, or `none` when it has no value.
    std::uint32_t of(std::uint32_t s) {
        const std::string_view text = facet_(net_.stakeholder(StakeholderId(s)));
        if (text.empty()) return none;
        if (const auto it = by_text_.find(text); it != by_text_.end()) return it->second;
        std::string key = facet_.folds() ? category_key(text) : std::string(text);
        const auto it = index_.emplace(std::move(key), static_cast<std::uint32_t>(index_.size())).first;
        by_text_.emplace(text, it->second);
        return it->second;
    }
    [[nodiscard]] std::size_t size() const noexcept { return index_.size(); }

private:
    const Network& net_;
    Facet facet_;
    std::unordered_map<std::string, std::uint32_t> index_;
    std::unordered_map<std::string_view, std::uint32_t> by_text_;  // views into `net_`
};

// What health keeps per slot, together so that an event touches one cache line per end.
struct SlotState {
    std::uint32_t active_in = 0;  // 1 + the last window active in
    std::uint32_t first_window = none;
    std::uint32_t sent = 0;       // events as source, this window
    std::uint32_t group = unset;  // the elephant facet's category (none: no value)
    Activity activity;
};

// Number of keys in both of two sorted vectors of distinct keys. Cost: O(|a| + |b|).
std::size_t common(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b) noexcept {
    std::size_t both = 0;
    for (auto i = a.begin(), j = b.begin(); i != a.end() && j != b.end();) {
        if (*i < *j) ++i;
        else if (*j < *i) ++j;
        else { ++both; ++i; ++j; }
    }
    return both;
}

void check_windows(std::span<const TimeRange> ws) {
    for (std::size_t w = 0; w < ws.size(); ++w) {
        if (ws[w].end <= ws[w].start)
            throw invalid_value("window " + std::to_string(w + 1) + " ends before it starts");
        if (w > 0 && ws[w].start < ws[w - 1].end)
            throw invalid_value("window " + std::to_string(w + 1) +
                                " starts before the previous one ends (windows must be in time "
                                "order and not overlap)");
    }
}

void check_event(const Network& net, const EventLog& log, std::size_t i) {
    if (!net.contains(log.source(i)) || !net.contains(log.target(i)))
        throw invalid_value("the event log names a stakeholder slot the network does not hold");
    if (static_cast<std::size_t>(log.relation(i)) >= net.relations().size())
        throw invalid_value("the event log names a relation the network lacks");
}

// What the previous window leaves for the next one to compare with.
struct Previous {
    std::vector<std::uint32_t> active;
    std::vector<std::uint32_t> newcomers;
    std::vector<std::uint64_t> pairs;  // sorted
};

} // namespace

HealthResult health(const Network& net, const EventLog& log, std::span<const TimeRange> ws,
                    const HealthOptions& options) {
    check_windows(ws);
    Groups groups(net, options.elephant_facet);  // throws for an empty facet name
    const std::size_t slots = net.slot_count();
    std::bitset<256> mutual;
    for (std::size_t k = 0; k < net.relations().size(); ++k) mutual.set(k, net.relations()[k].mutual());

    std::vector<SlotState> state(slots);
    std::vector<std::size_t> group_events;
    HealthResult result;
    result.kind = log.kind();
    Previous prev;
    std::vector<std::uint32_t> active, newcomers, sources;
    std::vector<std::uint64_t> pairs, arcs, reversed, scratch;
    const PairKeys pair_key(slots);
    std::vector<std::size_t> counts;
    detail::Stages stages(options.progress, {log.size(), slots / 4});

    for (std::size_t w = 0; w < ws.size(); ++w) {
        const auto stamp = static_cast<std::uint32_t>(w + 1);
        const std::size_t lo = log.lower_bound(ws[w].start);
        const std::size_t hi = log.lower_bound(ws[w].end);
        WindowHealth h;
        h.start = ws[w].start;
        h.end = ws[w].end;
        h.events = hi - lo;
        active.clear();
        newcomers.clear();
        sources.clear();
        pairs.clear();
        arcs.clear();
        const auto activate = [&](std::uint32_t x, Time t) {
            SlotState& st = state[x];
            st.activity.add(t);
            if (st.active_in == stamp) return;
            st.active_in = stamp;
            ++st.activity.windows;
            active.push_back(x);
            if (st.first_window == none) {
                st.first_window = static_cast<std::uint32_t>(w);
                newcomers.push_back(x);
            }
        };
        for (std::size_t i = lo; i < hi; ++i) {
            // Events name stakeholders at random: fetch the state of a later event's ends now.
            if (i + lookahead < hi)
                for (const std::uint32_t x : {log.source(i + lookahead).index(), log.target(i + lookahead).index()})
                    if (x < slots) __builtin_prefetch(&state[x]);
            check_event(net, log, i);
            const std::uint32_t s = log.source(i).index();
            const std::uint32_t d = log.target(i).index();
            const Time t = log.time(i);
            activate(s, t);
            activate(d, t);
            pairs.push_back(pair_key(std::min(s, d), std::max(s, d)));
            arcs.push_back(pair_key(s, d));
            if (mutual.test(static_cast<std::size_t>(log.relation(i)))) arcs.push_back(pair_key(d, s));
            if (state[s].sent++ == 0) sources.push_back(s);
        }
        h.active = active.size();
        h.newcomers = newcomers.size();
        detail::radix_sort(pairs, scratch);
        pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
        h.pairs = pairs.size();
        if (w > 0) {
            h.retained = static_cast<std::size_t>(std::count_if(
                prev.newcomers.begin(), prev.newcomers.end(),
                [&](std::uint32_t x) { return state[x].active_in == stamp; }));
            h.departed = static_cast<std::size_t>(std::count_if(
                prev.active.begin(), prev.active.end(),
                [&](std::uint32_t x) { return state[x].active_in != stamp; }));
            const std::size_t both = common(pairs, prev.pairs);
            h.formed = pairs.size() - both;
            h.dissolved = prev.pairs.size() - both;
            const std::size_t either = pairs.size() + prev.pairs.size() - both;
            if (either > 0) h.persistence = static_cast<double>(both) / static_cast<double>(either);
        }
        detail::radix_sort(arcs, scratch);
        arcs.erase(std::unique(arcs.begin(), arcs.end()), arcs.end());
        if (!arcs.empty()) {
            reversed.clear();
            for (const std::uint64_t a : arcs) reversed.push_back(pair_key.reversed(a));
            detail::radix_sort(reversed, scratch);
            h.reciprocity = static_cast<double>(common(arcs, reversed)) / static_cast<double>(arcs.size());
        }
        counts.clear();
        for (const std::uint32_t s : sources) counts.push_back(state[s].sent);
        h.absence_factor = fewest_for_half(counts, h.events);
        std::size_t affiliated = 0;
        std::vector<std::uint32_t> touched;
        for (const std::uint32_t s : sources) {
            if (state[s].group == unset) state[s].group = groups.of(s);
            const std::uint32_t g = state[s].group;
            if (g == none) continue;
            if (g >= group_events.size()) group_events.resize(groups.size(), 0);
            if (group_events[g] == 0) touched.push_back(g);
            group_events[g] += state[s].sent;
            affiliated += state[s].sent;
        }
        if (affiliated > 0) {
            counts.clear();
            for (const std::uint32_t g : touched) counts.push_back(group_events[g]);
            h.elephant_factor = fewest_for_half(counts, affiliated);
        }
        for (const std::uint32_t g : touched) group_events[g] = 0;
        for (const std::uint32_t s : sources) state[s].sent = 0;
        if (const Community* c = options.community) {
            std::array<std::size_t, 4> on{};
            for (const std::uint32_t x : active) ++on[static_cast<std::size_t>(c->circle(StakeholderId(x)))];
            for (const Circle circle : {Circle::core, Circle::inner, Circle::outer, Circle::none}) {
                CircleActivity row{.circle = circle,
                                   .active = on[static_cast<std::size_t>(circle)],
                                   .members = c->count(circle)};
                if (row.members > 0)
                    row.share = static_cast<double>(row.active) / static_cast<double>(row.members);
                h.by_circle.push_back(row);
            }
        }
        result.windows.push_back(std::move(h));
        prev.active.swap(active);
        prev.newcomers.swap(newcomers);
        prev.pairs.swap(pairs);
        stages.at(hi, log.size());
    }
    stages.next();
    for (std::uint32_t x = 0; x < slots; ++x) {
        const Activity& a = state[x].activity;
        if (a.events == 0) continue;
        result.members.push_back({.who = StakeholderId(x),
                                  .events = a.events,
                                  .active_windows = a.windows,
                                  .first = a.first,
                                  .last = a.last,
                                  .burstiness = a.burstiness()});
    }
    stages.finish();
    return result;
}

namespace {

// The windows of `health` and `emerging_leaders`: `every` from `since`, else calendar months
// (ISO times) or one window holding the whole log (plain numbers).
std::vector<TimeRange> default_windows(const EventLog& log, const std::optional<Span>& every,
                                       std::optional<Time> since) {
    std::vector<TimeRange> ws;
    if (every) {
        ws = windows(log, *every, since);
    } else if (log.kind() != TimeKind::number) {
        ws = windows(log, Span{.unit = Span::Unit::months, .count = 1}, since);
    } else if (!log.empty()) {
        const Time start = since.value_or(log.first_time());
        if (start <= log.last_time()) ws.push_back({start, log.last_time() + 1, log.kind()});
    }
    return ws;
}

} // namespace

HealthResult health(const Network& net, const EventLog& log, const HealthOptions& options) {
    return health(net, log, default_windows(log, options.every, options.since), options);
}

std::vector<LeadershipWindow> emerging_leaders(const Network& net, const EventLog& log,
                                               const LeadershipOptions& options) {
    if (!(options.top > 0.0 && options.top <= 1.0))
        throw invalid_value("the top share must be in (0, 1], not " + std::to_string(options.top));
    const std::vector<TimeRange> ws = default_windows(log, options.every, options.since);
    std::bitset<256> mutual;
    for (std::size_t k = 0; k < net.relations().size(); ++k) mutual.set(k, net.relations()[k].mutual());
    std::vector<LeadershipWindow> out;
    std::vector<char> was_top(net.slot_count(), 0), is_top(net.slot_count(), 0);
    std::vector<std::uint32_t> active_in(net.slot_count(), 0);
    std::vector<std::uint64_t> arcs;  // target << 32 | source, distinct
    for (std::size_t w = 0; w < ws.size(); ++w) {
        const auto stamp = static_cast<std::uint32_t>(w + 1);
        const Network wn = window(net, log, ws[w].start, ws[w].end);
        const std::vector<Coreness> cores = coreness(wn, {.filter = TieFilter::all(Direction::both)});
        std::vector<std::uint32_t> core_of(net.slot_count(), 0);
        for (const Coreness& c : cores) core_of[c.who.index()] = c.k;
        arcs.clear();
        std::vector<std::uint32_t> active;
        for (std::size_t i = log.lower_bound(ws[w].start), hi = log.lower_bound(ws[w].end); i < hi; ++i) {
            const std::uint32_t s = log.source(i).index(), d = log.target(i).index();
            arcs.push_back((std::uint64_t{d} << 32U) | s);
            if (mutual.test(static_cast<std::size_t>(log.relation(i)))) arcs.push_back((std::uint64_t{s} << 32U) | d);
            for (const std::uint32_t x : {s, d})
                if (active_in[x] != stamp) {
                    active_in[x] = stamp;
                    active.push_back(x);
                }
        }
        std::sort(arcs.begin(), arcs.end());
        arcs.erase(std::unique(arcs.begin(), arcs.end()), arcs.end());
        std::vector<std::size_t> in_degree(net.slot_count(), 0);
        for (const std::uint64_t a : arcs) ++in_degree[a >> 32U];
        std::vector<LeaderRank> ranks;
        for (const std::uint32_t x : active) ranks.push_back({StakeholderId(x), core_of[x], in_degree[x]});
        std::sort(ranks.begin(), ranks.end(), [](const LeaderRank& a, const LeaderRank& b) {
            if (a.coreness != b.coreness) return a.coreness > b.coreness;
            if (a.in_degree != b.in_degree) return a.in_degree > b.in_degree;
            return a.who < b.who;
        });
        const auto keep = static_cast<std::size_t>(std::ceil(options.top * static_cast<double>(ranks.size())));
        ranks.resize(std::min(ranks.size(), std::max<std::size_t>(keep, ranks.empty() ? 0 : 1)));
        LeadershipWindow lw{.start = ws[w].start, .end = ws[w].end, .top = ranks, .rising = {}, .quiet_core = {}};
        for (const LeaderRank& r : ranks) {
            is_top[r.who.index()] = 1;
            if (w > 0 && was_top[r.who.index()] == 0) lw.rising.push_back(r.who);
        }
        if (const Community* c = options.community)
            for (const StakeholderId who : c->members(Circle::core))
                if (active_in[who.index()] != stamp) lw.quiet_core.push_back(who);
        std::swap(was_top, is_top);
        std::fill(is_top.begin(), is_top.end(), 0);
        out.push_back(std::move(lw));
    }
    return out;
}

} // namespace copnet
