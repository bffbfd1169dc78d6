#pragma once
// The property of the research formats' readers (Pajek, GML, GEXF, adjacency matrices), shared
// by their libFuzzer targets: a read either throws a copnet::error and leaves the target network
// as it was, or succeeds, and then what it read writes (or is refused with invalid_value, for
// text the format cannot hold) and reads back to an equal network.

#include <sstream>
#include <string_view>

#include "copnet/error.hpp"
#include "io_property.hpp"

namespace copnet::fuzz {

/// `parse(net, text)` reads; `write(net, out)` writes.
template <class Parse, class Write> bool foreign_property_holds(std::string_view text, Parse parse, Write write) {
    return io_property_holds(
        text, parse,
        [&](const Network& n) {
            std::ostringstream out;
            write(n, out);
            return out.str();
        });
}

} // namespace copnet::fuzz
