#pragma once
// Shared by the io_*_test files: the bundled examples, a small invented network with every
// field set, and a non-empty target network so "unchanged on error" is a real check.

#include <filesystem>
#include <sstream>
#include <string>
#include <unistd.h>

#include "copnet/io/archive.hpp"
#include "copnet/io/csv.hpp"
#include "copnet/network.hpp"

namespace copnet::test {

/// `net` as the bytes of an archive of `kind`.
inline std::string archive_of(const Network& net, ArchiveKind kind) {
    std::ostringstream out(std::ios::binary);
    write_archive(net, out, kind);
    return out.str();
}

inline std::filesystem::path example_dir(const std::string& name) {
    return std::filesystem::path(COPNET_SOURCE_DIR) / "examples" / "data" / name;
}

/// A bundled example (invented data, see examples/data/README.md), with a community domain
/// and an attribute column nobody fills, so round trips check those too.
inline Network load_example(const std::string& name) {
    Network net = read_csv(example_dir(name) / "nodes.csv", example_dir(name) / "ties.csv");
    net.community("community").set_domain("employment of youth with disabilities & <markup>");
    net.add_attribute_name("unfilled column");
    return net;
}

/// A small invented network with every field, two communities, all tie kinds, odd text.
inline Network tiny_network() {
    Network net;
    const auto a = net.add_stakeholder({.id = "a-1",
                                        .name = "Ana \"Q\" <Lopes> & co",
                                        .sector = "schools",
                                        .level = Level::local,
                                        .perspective = Perspective::practitioner,
                                        .organization = "North High",
                                        .stance = Stance::ally,
                                        .attributes = {{"role", "teacher"}, {"team", "line1\nline2"}}});
    const auto b = net.add_stakeholder({.id = "b 2",
                                        .name = "Bea Ünal",
                                        .sector = "state agencies",
                                        .level = Level::state,
                                        .perspective = Perspective::decisionmaker,
                                        .organization = "",
                                        .stance = Stance::skeptic,
                                        .attributes = {{"role", "director"}}});
    const auto c = net.add_stakeholder({.id = "c", .sector = "families"});
    net.add_attribute_name("empty column");
    net.add_tie(b, a, TieKind::authority, 0.1);
    net.add_tie(a, b, TieKind::influence, 1.0 / 3.0);
    net.add_tie(a, c, TieKind::collaboration, 1.0);
    net.add_tie(b, a, TieKind::influence, 0.75);
    Community& cop = net.add_community("transition", "school-to-work transition");
    cop.set_circle(a, Circle::core);
    cop.set_circle(b, Circle::inner);
    Community& other = net.add_community("families", "");
    other.set_circle(c, Circle::outer);
    net.add_community("empty one", "nobody yet");
    return net;
}

/// A network that already holds something.
inline Network existing_network() {
    Network net;
    const auto x = net.add_stakeholder({.id = "existing", .sector = "youth"});
    const auto y = net.add_stakeholder({.id = "other"});
    net.add_tie(x, y, TieKind::collaboration, 0.5);
    net.add_community("community").set_circle(x, Circle::inner);
    return net;
}

/// A fresh temporary folder for this process and call.
inline std::filesystem::path temp_dir(const std::string& what) {
    static int calls = 0;
    auto dir = std::filesystem::temp_directory_path() /
               ("copnet_io_test." + std::to_string(getpid()) + "." + std::to_string(++calls) + "." + what);
    std::filesystem::create_directories(dir);
    return dir;
}

} // namespace copnet::test
