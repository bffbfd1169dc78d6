// Interaction over time (DESIGN §3.5, issue 21): an event log of 10 n events over a generated
// landscape of n stakeholders (`copnet::generate`, seed 1, n ties), at n = 100k, and with
// COPNET_BENCH_LARGE=1 at n = 1M (10M events, the case). Invented data, seeded: sources
// and targets drawn by the landscape's Chung–Lu weights ((i + 1)^(−2/3), a few very active
// members), times a Poisson stream over 2024–2025 at second resolution written
// `2024-03-05T14:30:00Z`, relations messages 70 %, reviews 20 %, meetings 10 %, value 1 (the
// log needs no values array: 16 bytes an event). `benchmarks/events_log.py` writes the same
// shape of log to a file for the CLI. Cases, named BM_<Operation>/<stakeholders>[/<form>]:
//   BM_EventsLoad        parse_events from one buffer in memory; form 0: rows in time order,
//                        1: the same rows shuffled (the load sorts them), 2: plain-number times
//                        (seconds) in time order
//   BM_EventsHealth      health --every 30d over the whole log (25 windows)
//   BM_TemporalReach     earliest-arrival temporal reach from one set of 100 sources
//   BM_TemporalReachCounts  temporal reach counts of 100 sources, each its own source
// Counters: events/s (events handled per second), bytes/event (the log's memory_bytes / size).
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "large.hpp"

#include "copnet/analysis/health.hpp"
#include "copnet/analysis/temporal_reach.hpp"
#include "copnet/events.hpp"
#include "copnet/generate.hpp"
#include "copnet/network.hpp"
#include "detail/random.hpp"

namespace {

constexpr std::size_t events_per_stakeholder = 10;
constexpr std::size_t sources_per_run = 100;
constexpr std::int64_t first_second = 1'704'067'200;   // 2024-01-01T00:00:00Z
constexpr std::int64_t seconds = 2 * 365 * 86'400;     // two years

struct Row {
    std::int64_t second;
    std::uint32_t source, target;
    std::uint8_t relation;
};

struct Landscape {
    copnet::Network net;
    std::vector<Row> rows;  // in time order
};

/// A stakeholder index drawn by Chung–Lu weights (i + 1)^(−a), a = 2/3 (γ = 2.5), by the
/// inverse of the continuous distribution function.
std::uint32_t draw(copnet::detail::Rng& rng, std::size_t n) {
    constexpr double e = 1.0 / 3.0;  // 1 − a
    const double top = std::pow(static_cast<double>(n) + 1.0, e) - 1.0;
    const double x = std::pow(1.0 + rng.unit() * top, 1.0 / e);
    return static_cast<std::uint32_t>(std::min<double>(std::floor(x) - 1.0, static_cast<double>(n - 1)));
}

Landscape& landscape(std::size_t n) {
    static std::unique_ptr<Landscape> current;
    static std::size_t current_n = 0;
    if (current && current_n == n) return *current;
    current.reset();
    auto l = std::make_unique<Landscape>();
    l->net = copnet::generate({.stakeholders = n, .ties = n, .seed = 1});
    for (const char* name : {"messages", "reviews", "meetings"})
        l->net.add_relation({.name = name, .role = copnet::Role::communication, .scale = copnet::Scale::count});
    const std::size_t count = events_per_stakeholder * n;
    copnet::detail::Rng rng(1, 21);
    l->rows.reserve(count);
    const double gap = static_cast<double>(seconds) / static_cast<double>(count);
    double t = 0.0;
    for (std::size_t i = 0; i < count; ++i) {
        t += -std::log(1.0 - rng.unit()) * gap;
        Row r{first_second + static_cast<std::int64_t>(t), draw(rng, n), 0, 0};
        do r.target = draw(rng, n);
        while (r.target == r.source);
        const double u = rng.unit();
        r.relation = u < 0.7 ? 0 : u < 0.9 ? 1 : 2;
        l->rows.push_back(r);
    }
    current = std::move(l);
    current_n = n;
    return *current;
}

void append_2(std::string& out, std::int64_t v) {
    out += static_cast<char>('0' + v / 10);
    out += static_cast<char>('0' + v % 10);
}

// Days since 1970-01-01 to the civil date (Hinnant's civil_from_days).
void append_iso(std::string& out, std::int64_t s) {
    const std::int64_t z = s / 86'400 + 719'468;
    const std::int64_t era = z / 146'097;
    const std::int64_t doe = z - era * 146'097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36'524 - doe / 146'096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
    const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    const std::int64_t in_day = s % 86'400;
    append_2(out, y / 100);
    append_2(out, y % 100);
    out += '-';
    append_2(out, m);
    out += '-';
    append_2(out, d);
    out += 'T';
    append_2(out, in_day / 3600);
    out += ':';
    append_2(out, in_day / 60 % 60);
    out += ':';
    append_2(out, in_day % 60);
    out += 'Z';
}

/// events.csv text of the landscape's log: form 0 in time order, 1 shuffled, 2 plain numbers.
const std::string& events_text(std::size_t n, int form) {
    static std::string text;
    static std::size_t text_n = 0;
    static int text_form = -1;
    if (text_n == n && text_form == form) return text;
    Landscape& l = landscape(n);
    std::vector<std::size_t> order(l.rows.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    if (form == 1) {
        copnet::detail::Rng rng(2, 21);
        for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
    }
    static constexpr const char* relations[] = {"messages", "reviews", "meetings"};
    text.clear();
    text.reserve(l.rows.size() * 48 + 64);
    text += "time,source,target,relation,value\n";
    for (const std::size_t i : order) {
        const Row& r = l.rows[i];
        if (form == 2) text += std::to_string(r.second);
        else append_iso(text, r.second);
        text += ',';
        text += l.net.stakeholder(copnet::StakeholderId(r.source)).id;
        text += ',';
        text += l.net.stakeholder(copnet::StakeholderId(r.target)).id;
        text += ',';
        text += relations[r.relation];
        text += ",1\n";
    }
    text_n = n;
    text_form = form;
    return text;
}

struct Loaded {
    copnet::Network net;
    copnet::EventLog log;
    std::vector<copnet::StakeholderId> sources;
};

/// The log read once (form 0), with 100 sources among the most active stakeholders' range.
Loaded& loaded(std::size_t n) {
    static std::unique_ptr<Loaded> current;
    static std::size_t current_n = 0;
    if (current && current_n == n) return *current;
    current.reset();
    auto l = std::make_unique<Loaded>();
    l->net = landscape(n).net;
    l->log = copnet::parse_events(l->net, events_text(n, 0));
    copnet::detail::Rng rng(3, 21);
    while (l->sources.size() < sources_per_run) {
        const copnet::StakeholderId s(static_cast<std::uint32_t>(rng() % n));
        if (std::find(l->sources.begin(), l->sources.end(), s) == l->sources.end())
            l->sources.push_back(s);
    }
    current = std::move(l);
    current_n = n;
    return *current;
}

void BM_EventsLoad(benchmark::State& state) {
    const auto n = static_cast<std::size_t>(state.range(0));
    const int form = static_cast<int>(state.range(1));
    const std::string& text = events_text(n, form);
    copnet::Network& net = landscape(n).net;  // declares the relations already: unchanged
    std::size_t events = 0;
    double bytes = 0.0;
    for (auto _ : state) {
        copnet::EventLog log = copnet::parse_events(net, text);
        events = log.size();
        bytes = static_cast<double>(log.memory_bytes()) / static_cast<double>(log.size());
        benchmark::DoNotOptimize(log);
        state.PauseTiming();
        log = copnet::EventLog{};
        state.ResumeTiming();
    }
    state.counters["events/s"] = benchmark::Counter(static_cast<double>(events) * static_cast<double>(state.iterations()),
                                                    benchmark::Counter::kIsRate);
    state.counters["bytes/event"] = bytes;
}

void BM_EventsHealth(benchmark::State& state) {
    Loaded& l = loaded(static_cast<std::size_t>(state.range(0)));
    const copnet::HealthOptions options{.every = copnet::Span{copnet::Span::Unit::days, 30},
                                        .community = l.net.communities().empty() ? nullptr
                                                                                 : l.net.communities().front()};
    for (auto _ : state) benchmark::DoNotOptimize(copnet::health(l.net, l.log, options));
    state.counters["events/s"] = benchmark::Counter(static_cast<double>(l.log.size()) * static_cast<double>(state.iterations()),
                                                    benchmark::Counter::kIsRate);
}

void BM_TemporalReach(benchmark::State& state) {
    Loaded& l = loaded(static_cast<std::size_t>(state.range(0)));
    std::size_t reached = 0;
    for (auto _ : state) {
        const copnet::TemporalReachResult r = copnet::temporal_reach(l.net, l.log, l.sources);
        reached = r.count();
        benchmark::DoNotOptimize(r);
    }
    state.counters["reached"] = static_cast<double>(reached);
    state.counters["events/s"] = benchmark::Counter(static_cast<double>(l.log.size()) * static_cast<double>(state.iterations()),
                                                    benchmark::Counter::kIsRate);
}

void BM_TemporalReachCounts(benchmark::State& state) {
    Loaded& l = loaded(static_cast<std::size_t>(state.range(0)));
    double mean = 0.0;
    for (auto _ : state) {
        const auto counts = copnet::temporal_reach_counts(l.net, l.log, l.sources);
        mean = 0.0;
        for (const copnet::TemporalReachCount& c : counts) mean += static_cast<double>(c.reached);
        mean /= static_cast<double>(counts.size());
        benchmark::DoNotOptimize(counts);
    }
    state.counters["mean_reached"] = mean;
}

void sizes(benchmark::internal::Benchmark* b, bool forms) {
    std::vector<std::int64_t> ns{100'000};
    if (copnet_bench::large()) ns.push_back(1'000'000);
    for (const std::int64_t n : ns) {
        if (forms) {
            for (const std::int64_t form : {0, 1, 2}) b->Args({n, form});
        } else {
            b->Arg(n);
        }
    }
    b->Unit(benchmark::kMillisecond)->UseRealTime()->MeasureProcessCPUTime();
}

BENCHMARK(BM_EventsLoad)->Apply([](benchmark::internal::Benchmark* b) { sizes(b, true); });
BENCHMARK(BM_EventsHealth)->Apply([](benchmark::internal::Benchmark* b) { sizes(b, false); });
BENCHMARK(BM_TemporalReach)->Apply([](benchmark::internal::Benchmark* b) { sizes(b, false); });
BENCHMARK(BM_TemporalReachCounts)->Apply([](benchmark::internal::Benchmark* b) { sizes(b, false); });

} // namespace
