#pragma once
// The real data sets of tests/data (copied whole from ../shared/data by make_fixtures.py): each
// loaded with its relations file, and the relations of its reference values found by name.
#include <filesystem>
#include <string>

#include "copnet/error.hpp"
#include "copnet/io/csv.hpp"
#include "copnet/io/relations.hpp"

namespace copnet::test {

/// tests/data/NAME.{relations,nodes,ties}.csv.
inline Network load_real(const std::filesystem::path& dir, const std::string& name) {
    Network net;
    if (std::filesystem::exists(dir / (name + ".relations.csv")))
        read_relations(net, dir / (name + ".relations.csv"));
    read_csv(net, dir / (name + ".nodes.csv"), dir / (name + ".ties.csv"));
    return net;
}

/// The relation `name` of `net` (a reference file's kind). Throws invalid_value if undeclared.
inline TieKind relation_of(const Network& net, const std::string& name) {
    if (const auto kind = net.find_relation(name)) return *kind;
    throw invalid_value("no relation \"" + name + "\"");
}

} // namespace copnet::test
