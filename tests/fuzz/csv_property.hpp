#pragma once
// The property every CSV input must satisfy, shared by the libFuzzer target and the mutation
// test: a load either succeeds, and then what it loaded writes and reads back to an equal
// network, or throws a copnet::error and leaves the target network exactly as it was.

#include <sstream>
#include <string_view>

#include "copnet/error.hpp"
#include "copnet/io/csv.hpp"
#include "copnet/io/relations.hpp"

namespace copnet::fuzz {

/// Checks the property on one pair of texts; returns false (never crashes) if it fails.
/// `flags` turn on reading options: 1 create_missing_stakeholders, 2 decimal_comma, 4 scale
/// count for undeclared relations, 8 strict UTF-8.
inline bool csv_property_holds(std::string_view nodes, std::string_view ties, unsigned flags) {
    Network net;
    const auto a = net.add_stakeholder({.id = "a"});  // a non-empty target, so "unchanged" bites
    net.add_stakeholder({.id = "b"});
    net.add_tie(a, net.at("b"), TieKind::influence, 0.5);
    const Network before = net;
    CsvOptions options;
    options.create_missing_stakeholders = (flags & 1U) != 0;
    options.decimal_comma = (flags & 2U) != 0;
    if ((flags & 4U) != 0) options.scale = Scale::count;
    if ((flags & 8U) != 0) options.encoding = Encoding::utf8;
    options.threads = 1;
    try {
        parse_csv(net, nodes, ties, options);
    } catch (const parse_error& e) {
        return net == before && net.slot_count() == before.slot_count() && !e.file().empty();
    } catch (const error&) {
        return net == before && net.slot_count() == before.slot_count();
    }
    std::ostringstream n, t, r;
    write_csv(net, n, t);
    write_relations(net, r);  // the relations the file brought (an edge list's `edge` …)
    Network back;
    try {
        parse_relations(back, r.str());
        parse_csv(back, n.str(), t.str());
    } catch (const error&) {
        return false;  // what copnet writes, copnet must read
    }
    return back == net;
}

} // namespace copnet::fuzz
