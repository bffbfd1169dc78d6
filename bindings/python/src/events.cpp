// Interaction over time (copnet/events.hpp, analysis/health.hpp, analysis/temporal_reach.hpp):
// event logs read against a network, the network of a window, `copnet health` and
// `copnet reach --temporal`, as the CLI's --events / --attendance / --window do them.
#include "convert.hpp"
#include "event_log.hpp"

#include <optional>
#include <string>
#include <utility>

#include <copnet/analysis/health.hpp>
#include <copnet/io/health_chart.hpp>
#include <copnet/analysis/temporal_reach.hpp>
#include <copnet/error.hpp>
#include <copnet/events.hpp>

namespace copnet::python {

/// The log's network, or invalid_value when `net` is another one.
const SharedNetwork& network_of(const PyEventLog& events, const SharedNetwork& net) {
    if (events.net != &net)
        throw invalid_value("this event log was read against another network: read it against "
                            "the network you analyse (copnet.read_events(network, path))");
    return net;
}

/// A span from "7d", "1m", "30d" or a whole number.
std::optional<Span> span_from(const py::object& every) {
    if (every.is_none()) return std::nullopt;
    if (py::isinstance<py::int_>(every) && !py::isinstance<py::bool_>(every))
        return parse_span(std::to_string(every.cast<long long>()));
    if (!py::isinstance<py::str>(every))
        throw invalid_value("every is a span: \"7d\", \"30d\", \"1m\" or a whole number");
    return parse_span(every.cast<std::string>());
}

namespace {

/// A time of `log` from Python: an ISO 8601 text or a whole number (as the CLI's --since), or
/// a datetime.date / datetime.datetime (naive: UTC). `what` names the argument in errors.
Time log_time(const EventLog& log, const py::handle& t, const char* what) {
    ParsedTime parsed;
    if (py::isinstance<py::str>(t)) {
        parsed = parse_time(t.cast<std::string>());
    } else if (py::isinstance<py::int_>(t) && !py::isinstance<py::bool_>(t)) {
        parsed = {t.cast<Time>(), TimeKind::number};
    } else if (py::isinstance(t, py::module_::import("datetime").attr("date"))) {
        parsed = parse_time(t.attr("isoformat")().cast<std::string>());
    } else {
        throw invalid_value(std::string(what) + " is a time: an ISO 8601 text, a whole number "
                                                "or a datetime");
    }
    if (!log.empty() && (parsed.kind == TimeKind::number) != (log.kind() == TimeKind::number))
        throw invalid_value(std::string(what) + " " + py::str(t).cast<std::string>() +
                            " is not the kind of time the event log holds (" +
                            std::string(to_string(log.kind())) + ")");
    return parsed.time;
}

std::optional<Time> optional_time(const EventLog& log, const py::object& t, const char* what) {
    if (t.is_none()) return std::nullopt;
    return log_time(log, t, what);
}


/// The community the CLI's --community names: a Community, or a name (one the network lacks
/// gives none, as the CLI), or None.
const Community* cli_community(const Network& net, const py::object& community) {
    if (community.is_none()) return nullptr;
    if (py::isinstance<py::str>(community)) return net.find_community(community.cast<std::string>());
    return community_from(net, community);
}


PyEventLog load(const py::object& network, bool create_missing, const auto& read) {
    auto& net = network.cast<SharedNetwork&>();
    PyEventLog out;
    out.network = network;
    out.net = &net;
    const WriteLock lock(net);
    const EventOptions options{.create_missing_stakeholders = create_missing};
    py::gil_scoped_release release;
    out.log = read(net, options, &out.report);
    return out;
}

py::object event_rows(const PyEventLog& e) {
    const auto& net = *e.net;
    const ReadLock lock(net);
    py::object rows = types().attr("Rows")();
    const py::object record = types().attr("Record");
    for (std::size_t i = 0; i < e.log.size(); ++i) {
        py::object r = record();
        const Time t = e.log.time(i);
        if (e.log.kind() == TimeKind::number) r["time"] = t;
        else r["time"] = format_time(t, e.log.kind());
        r["source"] = id_of(net, e.log.source(i));
        r["target"] = id_of(net, e.log.target(i));
        r["relation"] = net.relation(e.log.relation(i)).name;
        r["value"] = e.log.value(i);
        rows.attr("append")(r);
    }
    return rows;
}

py::object time_py(const EventLog& log, Time t) {
    if (log.kind() == TimeKind::number) return py::int_(t);
    return py::str(format_time(t, log.kind()));
}

} // namespace

void bind_events(py::module_& m) {
    py::class_<PyEventLog>(m, "EventLog", R"doc(
The events of one network (``copnet.read_events`` / ``read_attendance``): timed interactions
source → target of a relation, sorted by time once, held in 16 bytes per event. A log names
its network's stakeholders and relations, so it is used with that network (``log.network``):
``copnet.window(net, log, "2024-03-01..2024-04-01")``, ``copnet.health(net, log)``,
``copnet.temporal_reach(net, log, ids)``. ``len(log)`` counts events; ``log.events()`` lists
them; ``log.to_pandas()`` is a DataFrame of them. Immutable.)doc")
        .def_property_readonly(
            "network", [](const PyEventLog& e) { return e.network; },
            "The Network the log was read against.")
        .def("__len__", [](const PyEventLog& e) { return e.log.size(); })
        .def_property_readonly(
            "kind", [](const PyEventLog& e) { return std::string(to_string(e.log.kind())); },
            "How the times were written: \"date\", \"date_time\" or \"number\".")
        .def_property_readonly(
            "first", [](const PyEventLog& e) -> py::object {
                return e.log.empty() ? py::none() : time_py(e.log, e.log.first_time());
            },
            "The first event's time as given (a str for ISO times, an int), None when empty.")
        .def_property_readonly(
            "last", [](const PyEventLog& e) -> py::object {
                return e.log.empty() ? py::none() : time_py(e.log, e.log.last_time());
            },
            "The last event's time as given, None when empty.")
        .def_property_readonly(
            "created", [](const PyEventLog& e) { return e.report.created; },
            "Stakeholders the read created (``create_missing=True``).")
        .def_property_readonly(
            "new_relations", [](const PyEventLog& e) { return e.report.new_relations; },
            "Relations the read declared on the network, in order.")
        .def_property_readonly(
            "memory_bytes", [](const PyEventLog& e) { return e.log.memory_bytes(); },
            "Bytes held by the events.")
        .def("events", [](const PyEventLog& e) -> Rows { return event_rows(e); },
             "The events in time order as Rows of records {time, source, target, relation, "
             "value} (times as given: str for ISO times, int for plain numbers). Cost O(n).")
        .def(
            "to_pandas",
            [](const PyEventLog& e) -> Typed<"pandas.DataFrame"> {
                return types().attr("frame")(event_rows(e), py::none(), "EventLog.to_pandas()");
            },
            "The events as a pandas.DataFrame with the columns time, source, target, relation, "
            "value, in time order. Raises ImportError without pandas (an optional dependency).")
        .def("__repr__", [](const PyEventLog& e) {
            return "<copnet.EventLog: " + std::to_string(e.log.size()) + " events (" +
                   std::string(to_string(e.log.kind())) + ")>";
        });

    const char* read_doc = R"doc(Reads events.csv (time,source,target[,relation,value];
docs/formats.md) against ``network`` into an ``EventLog``: times ISO 8601 dates or date-times
(UTC when no zone) or plain whole numbers, not mixed; relation default ``interaction`` (role
communication, directed, count), value default 1. Relations the network lacks are declared on
it (role other, directed, count); ids must be its stakeholders unless ``create_missing``. Rows
out of order are sorted (stably). All or nothing: a ParseError naming the file, line and field
(unparseable time, unknown stakeholder, bad value) leaves the network unchanged. As the CLI's
--events. Cost O(file size + n log n).)doc";
    m.def(
        "read_events",
        [](const NetworkArg& network, const PathArg& path, bool create_missing) {
            const std::string p = py::module_::import("os").attr("fspath")(path).cast<std::string>();
            return load(network, create_missing, [&](Network& n, const EventOptions& o, EventReport* r) {
                return read_events(n, p, o, r);
            });
        },
        py::arg("network"), py::arg("path"), py::kw_only(), py::arg("create_missing") = false,
        read_doc);
    m.def(
        "parse_events",
        [](const NetworkArg& network, const std::string& text, bool create_missing,
           const std::string& file_name) {
            return load(network, create_missing, [&](Network& n, const EventOptions& o, EventReport* r) {
                return parse_events(n, text, file_name, o, r);
            });
        },
        py::arg("network"), py::arg("text"), py::kw_only(), py::arg("create_missing") = false,
        py::arg("file_name") = "events.csv",
        "As read_events, from events.csv text (``file_name`` labels it in errors).");
    m.def(
        "read_attendance",
        [](const NetworkArg& network, const PathArg& path, bool create_missing) {
            const std::string p = py::module_::import("os").attr("fspath")(path).cast<std::string>();
            return load(network, create_missing, [&](Network& n, const EventOptions& o, EventReport* r) {
                return read_attendance(n, p, o, r);
            });
        },
        py::arg("network"), py::arg("path"), py::kw_only(), py::arg("create_missing") = false,
        R"doc(Reads a sign-in sheet, attendance.csv (time,meeting,id: who came to which
convening), against ``network`` as co-presence events: each meeting gives one
``co_attendance`` event (role affiliation, mutual, count) per unordered pair of its distinct
attendees, so a window ties each pair by the meetings they shared (the one-mode projection;
Breiger 1974). Rules as read_events; the CLI's --attendance. Cost O(file size + Σ attendees²).)doc");
    m.def(
        "parse_attendance",
        [](const NetworkArg& network, const std::string& text, bool create_missing,
           const std::string& file_name) {
            return load(network, create_missing, [&](Network& n, const EventOptions& o, EventReport* r) {
                return parse_attendance(n, text, file_name, o, r);
            });
        },
        py::arg("network"), py::arg("text"), py::kw_only(), py::arg("create_missing") = false,
        py::arg("file_name") = "attendance.csv",
        "As read_attendance, from attendance.csv text.");

    m.def(
        "window",
        [](const SharedNetwork& net, const PyEventLog& events, const TimeArg& start,
           const TimeArg& end, bool ties) -> Typed<"copnet.Network"> {
            network_of(events, net);
            const ReadLock lock(net);
            TimeRange range;
            if (end.is_none()) {
                if (!py::isinstance<py::str>(start))
                    throw invalid_value("window: give START..END as one text, or start and end");
                range = parse_time_range(start.cast<std::string>());
                if (!events.log.empty() &&
                    (range.kind == TimeKind::number) != (events.log.kind() == TimeKind::number))
                    throw invalid_value("window " + start.cast<std::string>() +
                                        " is not the kind of time the event log holds (" +
                                        std::string(to_string(events.log.kind())) + ")");
            } else {
                range.start = log_time(events.log, start, "start");
                range.end = log_time(events.log, end, "end");
            }
            std::optional<SharedNetwork> w;
            {
                py::gil_scoped_release release;
                w.emplace(window(net, events.log, range.start, range.end));
                if (ties) w->add_ties(net.all_ties());
            }
            py::object out = py::cast(std::move(*w));
            // A network from from_networkx keys its results by the graph's nodes: so does its window.
            types().attr("ByStakeholder").attr("_inherit")(events.network, out);
            return out;
        },
        py::arg("network"), py::arg("events"), py::arg("start"), py::arg("end") = py::none(),
        py::kw_only(), py::arg("ties") = true,
        R"doc(The network of the events in [start, end) — ``window(net, log,
"2024-03-01..2024-04-01")`` or ``window(net, log, start, end)`` (ISO texts, datetimes or plain
numbers, the log's kind): the network's stakeholders, relations and communities, and one tie
per pair and relation with an event in the window, its value the sum of the events' values
(scale count); with ``ties`` (the default, as the CLI's --window) the network's own ties are
added. Every analysis runs on it unchanged. A window with no events has no event ties. Cost
O(V + E + k log k) for k events in the window. Raises InvalidValue when END is not after
START or the times are not the log's kind.)doc");

    m.def(
        "windows",
        [](const PyEventLog& events, const SpanArg& every, const TimeArg& since) {
            const auto span = span_from(every);
            const std::vector<TimeRange> ws =
                windows(events.log, span.value_or(Span{Span::Unit::months, 1}),
                        optional_time(events.log, since, "since"));
            py::list out;
            for (const TimeRange& w : ws)
                out.append(py::make_tuple(time_py(events.log, w.start), time_py(events.log, w.end)));
            return out;
        },
        py::arg("events"), py::arg("every") = "1m", py::kw_only(), py::arg("since") = py::none(),
        R"doc(The consecutive windows of ``every`` ("7d", "30d" days, "1m" calendar months, or
a whole number for plain-number times) covering the log, as [(start, end)] in the log's
spelling: the first starts at ``since`` or at the first event (floored to its day or month);
the last holds the last event. As the CLI's --every. Cost O(windows).)doc");

    m.def(
        "health",
        [](const SharedNetwork& net, const PyEventLog& events, const SpanArg& every,
           const TimeArg& since, const CommunityArg& community, const std::string& elephant_facet,
           bool leaders, double leaders_top, const ProgressArg& progress) {
            network_of(events, net);
            const ReadLock lock(net);
            HealthOptions o;
            o.every = span_from(every);
            o.since = optional_time(events.log, since, "since");
            o.community = cli_community(net, community);
            o.elephant_facet = elephant_facet;
            PyProgress report(progress);
            o.progress = report.get();
            HealthResult r;
            std::vector<LeadershipWindow> l;
            {
                py::gil_scoped_release release;
                r = health(net, events.log, o);
                if (leaders)
                    l = emerging_leaders(net, events.log,
                                         {.every = o.every, .since = o.since,
                                          .community = o.community, .top = leaders_top});
            }
            report.rethrow();
            if (!leaders) return described<"HealthReport">(net, r);
            return described<"HealthReport">(net, r, std::tuple<const std::vector<LeadershipWindow>&, TimeKind>(l, r.kind));
        },
        py::arg("network"), py::arg("events"), py::kw_only(), py::arg("every") = py::none(),
        py::arg("since") = py::none(), py::arg("community") = "community",
        py::arg("elephant_facet") = "organization", py::arg("leaders") = false,
        py::arg("leaders_top") = 0.1, py::arg("progress") = py::none(),
        R"doc(Is the community alive? ``copnet health``: per window of ``every`` (default:
calendar months for ISO times, one window for plain numbers), from ``since`` (default: the
first event), a row of ``windows`` {start, end, events, active, newcomers, retained, departed,
pairs, formed, dissolved, persistence (Jaccard of the pairs with the previous window's),
reciprocity (sna's edgewise grecip), absence_factor (CHAOSS: fewest sources making half the
events), elephant_factor (the same over ``elephant_facet``), by_circle [{circle, active,
members, share}] of ``community`` (a Community or a name; a name the network lacks gives
none, as the CLI)} — fields about the previous window None in the first — and ``members``
[{id, events, active_windows, first, last, burstiness (Goh & Barabási 2008)}]. With
``leaders`` (the CLI's --leaders) also ``leaders`` [{start, end, top [{id, coreness,
in_degree}], rising, quiet_core}], the top ``leaders_top`` share by coreness then in-degree
per window. ``progress(done, total)`` reports the events gone through. A ``HealthReport``;
``to_dict()`` is ``copnet health --format json``. Cost O(V + n
log n) (+ a window network each with ``leaders``). Raises InvalidValue for a span of the wrong
kind, too many windows, ``leaders_top`` outside (0, 1].)doc");

    m.def(
        "health_chart",
        [](const SharedNetwork& net, const PyEventLog& events, const SpanArg& every,
           const TimeArg& since, const CommunityArg& community, const std::string& title,
           double width) {
            network_of(events, net);
            const ReadLock lock(net);
            HealthOptions o;
            o.every = span_from(every);
            o.since = optional_time(events.log, since, "since");
            o.community = cli_community(net, community);
            py::gil_scoped_release release;
            return health_chart_svg(health(net, events.log, o), {.title = title, .width = width});
        },
        py::arg("network"), py::arg("events"), py::kw_only(), py::arg("every") = py::none(),
        py::arg("since") = py::none(), py::arg("community") = "community",
        py::arg("title") = HealthChartOptions{}.title, py::arg("width") = HealthChartOptions{}.width,
        R"doc(The windows of ``health`` (same ``every``, ``since``, ``community``) as an SVG
chart (C++ ``health_chart_svg``; the CLI's ``health --chart FILE``): active members with
newcomers as bars, persistence and reciprocity (0-100 %), one panel each over the same time
axis, a tooltip per point. A ``str``. Raises InvalidValue for ``width`` below 320 and as
``health``. Cost O(V + n log n).)doc");

    m.def(
        "emerging_leaders",
        [](const SharedNetwork& net, const PyEventLog& events, const SpanArg& every,
           const TimeArg& since, const CommunityArg& community, double top) {
            network_of(events, net);
            const ReadLock lock(net);
            LeadershipOptions o{.every = span_from(every),
                                .since = optional_time(events.log, since, "since"),
                                .community = cli_community(net, community),
                                .top = top};
            std::vector<LeadershipWindow> l;
            {
                py::gil_scoped_release release;
                l = emerging_leaders(net, events.log, o);
            }
            return described_field("leaders", net,
                                   std::tuple<const std::vector<LeadershipWindow>&, TimeKind>(l, events.log.kind()));
        },
        py::arg("network"), py::arg("events"), py::kw_only(), py::arg("every") = py::none(),
        py::arg("since") = py::none(), py::arg("community") = "community", py::arg("top") = 0.1,
        R"doc("Are members taking on new leadership roles?": per window (as ``health``), the
``top`` share of the active stakeholders by coreness of the window's network (undirected
k-cores) then in-degree, who ``rising`` into it since the previous window, and which members
of ``community``'s core went quiet (``quiet_core``): Rows [{start, end, top [{id, coreness,
in_degree}], rising, quiet_core}], ``copnet health --leaders``'s ``leaders``. Cost O(windows
(V + E_w)).)doc");

    m.def(
        "temporal_reach",
        [](const SharedNetwork& net, const PyEventLog& events,
           const std::optional<std::vector<std::string>>& sources, const Kinds& kinds,
           Direction direction, const TimeArg& since, const CommunityArg& community,
           const std::optional<std::string>& facet) {
            network_of(events, net);
            const ReadLock lock(net);
            const Community* cop = cli_community(net, community);
            std::vector<StakeholderId> from;
            if (sources) from = handles(net, *sources);
            else if (cop != nullptr) from = cop->members(Circle::core);
            if (from.empty())
                throw invalid_value("no sources: give ids (the default, the community's core "
                                    "group, is empty)");
            const TemporalReachOptions o{.filter = filter_from(net, kinds, direction),
                                         .since = optional_time(events.log, since, "since")};
            TemporalReachResult r;
            ReachBreakdown b;
            {
                py::gil_scoped_release release;
                r = temporal_reach(net, events.log, from, o);
                ReachResult as_reach;  // the breakdown by circle and facet, as the CLI's
                for (const Arrival& a : r.reached) as_reach.reached.push_back({a.who, 0});
                b = break_down(net, as_reach, cop, facet.value_or(""));
            }
            return described<"TemporalReachResult">(net,
                             std::tuple<const TemporalReachResult&, TimeKind>(r, events.log.kind()), b);
        },
        py::arg("network"), py::arg("events"), py::arg("sources") = py::none(), py::kw_only(),
        py::arg("kinds") = py::none(), py::arg("direction") = Direction::out,
        py::arg("since") = py::none(), py::arg("community") = "community",
        py::arg("facet") = py::none(),
        R"doc(Who a message can reach in time order (``copnet reach --temporal``): a
stakeholder holding it at time a passes it along each followed event from them at t ≥ a
(both ways for mutual relations; ``direction`` as for reach); ``sources`` (default: the core
of ``community``) hold it from ``since`` (default: the first event). A
``TemporalReachResult`` {since, count, reached [{id, arrival}] (times as given), by_circle,
by_facet} — the breakdowns by the circles of ``community`` (a name the network lacks gives
none) and by ``facet`` (None: none). Earliest-arrival paths (Holme & Saramäki 2012), one pass
over the events. Cost O(n + V). Raises InvalidValue for no sources, UnknownStakeholder for an
unknown id.)doc");

    m.def(
        "temporal_reach_counts",
        [](const SharedNetwork& net, const PyEventLog& events,
           const std::optional<std::vector<std::string>>& who, const Kinds& kinds,
           Direction direction, const TimeArg& since) {
            network_of(events, net);
            const ReadLock lock(net);
            const TemporalReachOptions o{.filter = filter_from(net, kinds, direction),
                                         .since = optional_time(events.log, since, "since")};
            std::vector<TemporalReachCount> counts;
            if (who) {
                const auto ids = handles(net, *who);
                py::gil_scoped_release release;
                counts = temporal_reach_counts(net, events.log, ids, o);
            } else {
                py::gil_scoped_release release;
                counts = temporal_reach_counts(net, events.log, o);
            }
            py::dict out;
            for (const TemporalReachCount& c : counts) out[py::str(id_of(net, c.who))] = c.reached;
            return by_stakeholder(net, std::move(out), "temporal_reach");
        },
        py::arg("network"), py::arg("events"), py::kw_only(), py::arg("who") = py::none(),
        py::arg("kinds") = py::none(), py::arg("direction") = Direction::out,
        py::arg("since") = py::none(),
        R"doc(Each stakeholder's temporal reach count: how many others a message from them
alone reaches in time order from ``since`` (``copnet reach --temporal --counts``), as {id:
count} for everyone (or the ids in ``who``). Bit-parallel: 64 sources per pass over the
events. Cost O(⌈k/64⌉ (n + V)).)doc");
}

} // namespace copnet::python
