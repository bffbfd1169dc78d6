#pragma once
// copnet.EventLog as other binding files see it (the report takes one).
#include "convert.hpp"

#include <optional>

#include <copnet/events.hpp>

namespace copnet::python {

/// copnet.EventLog: a log and the Python Network it was read against (kept alive: the log
/// names that network's stakeholders and relations by slot).
struct PyEventLog {
    EventLog log;
    py::object network;  // the copnet.Network
    const SharedNetwork* net = nullptr;
    EventReport report;
};

/// The log's network, or invalid_value when `net` is another one.
const SharedNetwork& network_of(const PyEventLog& events, const SharedNetwork& net);

/// A span from Python: a whole number or a text as the CLI's --every ("7d", "1m"); None: none.
std::optional<Span> span_from(const py::object& every);

} // namespace copnet::python
