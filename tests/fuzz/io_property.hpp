#pragma once
// The property every GraphML, node-link JSON and archive input must satisfy, shared by the
// libFuzzer targets: a read either succeeds, and then what it read writes and reads back to an
// equal network, or throws a copnet::error and leaves the target network exactly as it was.

#include <sstream>
#include <string_view>

#include "copnet/error.hpp"
#include "copnet/io/archive.hpp"
#include "copnet/io/graphml.hpp"
#include "copnet/io/json.hpp"

namespace copnet::fuzz {

inline Network non_empty() {
    Network net;
    const auto a = net.add_stakeholder({.id = "a"});
    net.add_stakeholder({.id = "b"});
    net.add_tie(a, net.at("b"), TieKind::influence, 0.5);
    net.add_community("community").set_circle(a, Circle::core);
    return net;
}

/// `read(net, text)` reads into `net`; `write(net)` returns the text of `net`.
template <class Read, class Write>
bool io_property_holds(std::string_view text, Read read, Write write) {
    Network net = non_empty();
    const Network before = net;
    try {
        read(net, text);
    } catch (const parse_error& e) {
        return net == before && !e.file().empty();
    } catch (const error&) {
        return net == before;
    }
    std::string again;
    try {
        again = write(net);
    } catch (const invalid_value&) {
        return true;  // text the format cannot hold (reported, not crashed)
    }
    Network back;
    try {
        read(back, again);
    } catch (const error&) {
        return false;  // what copnet writes, copnet must read
    }
    return back == net;
}

inline bool graphml_property_holds(std::string_view text) {
    return io_property_holds(
        text, [](Network& n, std::string_view t) { parse_graphml(n, t); },
        [](const Network& n) {
            std::ostringstream out;
            write_graphml(n, out);
            return out.str();
        });
}

inline bool json_property_holds(std::string_view text) {
    return io_property_holds(
        text, [](Network& n, std::string_view t) { parse_json(n, t); },
        [](const Network& n) {
            std::ostringstream out;
            write_json(n, out);
            return out.str();
        });
}

inline bool archive_property_holds(std::string_view text, ArchiveKind kind) {
    return io_property_holds(
        text, [kind](Network& n, std::string_view t) { parse_archive(n, t, kind); },
        [kind](const Network& n) {
            std::ostringstream out(std::ios::binary);
            write_archive(n, out, kind);
            return out.str();
        });
}

} // namespace copnet::fuzz
