// The HTML report (copnet/io/report.hpp).
#include "convert.hpp"
#include "event_log.hpp"

#include <filesystem>

#include <copnet/error.hpp>
#include <copnet/io/report.hpp>

namespace copnet::python {

void bind_report(py::module_& m) {
    m.def(
        "report",
        [](const SharedNetwork& net, const Typed<"Union[str, os.PathLike, None]">& path,
           const PyEventLog* events, const SpanArg& every, const std::string& community,
           const std::string& facet, const std::string& title, const std::string& caption,
           const Kinds& kinds, Direction direction, std::size_t map_stakeholders,
           std::size_t map_ties, std::size_t conveners,
           std::uint64_t seed, const ProgressArg& progress) -> Typed<"Optional[str]"> {
            if (events != nullptr) network_of(*events, net);
            const ReadLock lock(net);
            ReportOptions o;
            o.events = events != nullptr ? &events->log : nullptr;
            o.every = span_from(every);
            if (o.every && events == nullptr)
                throw invalid_value("every needs events: the health windows' length");
            o.community = community;
            o.facet = facet;
            o.title = title;
            o.caption = caption;
            o.filter = filter_from(net, kinds, direction);
            o.map_stakeholders = map_stakeholders;
            o.map_ties = map_ties;
            o.conveners = conveners;
            o.seed = seed;
            PyProgress report(progress);
            o.progress = report.get();
            if (path.is_none()) {
                std::string html;
                {
                    py::gil_scoped_release release;
                    html = report_html(net, o);
                }
                report.rethrow();
                return py::str(html);
            }
            const std::string p = py::module_::import("os").attr("fspath")(path).cast<std::string>();
            {
                py::gil_scoped_release release;
                write_report(net, std::filesystem::path(p), o);
            }
            report.rethrow();
            return py::none();
        },
        py::arg("network"), py::arg("path") = py::none(), py::kw_only(),
        py::arg("events") = py::none(), py::arg("every") = py::none(),
        py::arg("community") = "community", py::arg("facet") = "sector", py::arg("title") = "",
        py::arg("caption") = "", py::arg("kinds") = py::none(), py::arg("direction") = Direction::out,
        py::arg("map_stakeholders") = ReportOptions{}.map_stakeholders,
        py::arg("map_ties") = ReportOptions{}.map_ties, py::arg("conveners") = ReportOptions{}.conveners,
        py::arg("seed") = ReportOptions{}.seed, py::arg("progress") = py::none(),
        R"doc(The report as ``copnet report`` writes it: one self-contained, interactive HTML page
(no network needed) answering who is here, who isn't, how far the core's message reaches, where
ties cross boundaries and whether the circles fit the ties, around an interactive circle map.
With ``path`` it is saved there (atomically) and None is returned; without, the page is
returned as a str. With ``events`` (a `copnet.EventLog` read against this network) it adds
"How are we doing over time": the health windows of ``every`` (as ``copnet health``). The map shows at most ``map_stakeholders`` (the members and the best
connected first) and ``map_ties`` ties (the strongest first). Cost: that of the analyses
(gaps, boundaries, circles, reach, leverage) plus O(V log V + E). ``progress(done, total)``
follows its nine parts (1000 units each). Raises InvalidValue for a
bad facet or option.)doc");
}

} // namespace copnet::python
