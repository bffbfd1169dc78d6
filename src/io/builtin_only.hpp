#pragma once
// Formats that cannot carry relation declarations yet (archives) refuse a network that has
// them, rather than writing ties whose meaning would be lost.

#include <string>
#include <string_view>

#include "copnet/error.hpp"
#include "copnet/io/relations.hpp"
#include "copnet/network.hpp"

namespace copnet::detail {

/// Throws invalid_value naming `format` and the network's relations when `net` has relations
/// beyond the built-in three (`has_declared_relations`). Cost: O(relations).
inline void require_builtin_relations(const Network& net, std::string_view format) {
    if (!has_declared_relations(net)) return;
    std::string names;
    for (const Relation& r : net.relations()) names += (names.empty() ? "" : ", ") + r.name;
    throw invalid_value(std::string(format) + " cannot hold this network's relations yet (" +
                        names + "): write CSV with a relations file (copnet convert --to-nodes "
                        "FILE --to-ties FILE --to-relations FILE), GraphML or node-link JSON");
}

} // namespace copnet::detail
