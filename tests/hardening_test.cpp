// Regression tests of the hostile-input audit (issue 16): each reproducer is generated here, small.
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "cli_run.hpp"
#include "copnet/analysis/boundary.hpp"
#include "copnet/error.hpp"
#include "copnet/io/csv.hpp"
#include "copnet/io/file.hpp"
#include "io/pending_file.hpp"
#include "copnet/io/json.hpp"
#include "io_common.hpp"

using namespace copnet;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void spit(const fs::path& p, const std::string& text) {
    std::ofstream(p, std::ios::binary) << text;
}

// A fresh folder per test case, removed at the end.
struct Folder {
    fs::path path;
    explicit Folder(const std::string& name)
        : path(fs::temp_directory_path() / ("copnet_hardening." + std::to_string(::getpid()) + "." + name)) {
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~Folder() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    [[nodiscard]] std::size_t entries() const {
        return static_cast<std::size_t>(std::distance(fs::directory_iterator(path), fs::directory_iterator()));
    }
};

unsigned mode_of(const fs::path& p) {
    struct stat st {};
    REQUIRE(::stat(p.c_str(), &st) == 0);
    return st.st_mode & 07777U;
}

} // namespace

TEST_CASE("node-link JSON nested 150,000 deep is a parse error, not a stack overflow", "[hardening][json]") {
    const std::string deep = "{\"x\": " + std::string(150000, '[') + std::string(150000, ']') +
                             ", \"nodes\": [], \"links\": []}";
    Network net = test::tiny_network();
    const Network before = net;
    try {
        parse_json(net, deep, {}, "deep.json");
        FAIL("a 150,000-deep value was accepted");
    } catch (const parse_error& e) {
        CHECK_THAT(e.what(), Catch::Contains("deep.json") && Catch::Contains("nested deeper than 256"));
    }
    CHECK(net == before);
    // 200 levels in a member copnet does not read are skipped, not refused.
    const std::string ok = "{\"x\": " + std::string(200, '[') + std::string(200, ']') +
                           ", \"nodes\": [{\"id\": \"a\"}], \"links\": []}";
    parse_json(net, ok);
    CHECK(net.stakeholder_count() == 1);
}

TEST_CASE("a JSON number beyond a double is a parse error naming the line", "[hardening][json]") {
    for (const std::string& bad : {std::string("{\"nodes\": [{\"id\": \"a\",\n \"w\": 1e400}]}"),
                                  "{\"nodes\": [{\"id\":\n " + std::string(400, '9') + "}]}"}) {
        Network net = test::tiny_network();
        const Network before = net;
        try {
            parse_json(net, bad, {}, "big.json");
            FAIL("accepted: " << bad.substr(0, 40));
        } catch (const parse_error& e) {
            CHECK(e.line() == 2);
            CHECK_THAT(e.what(), Catch::Contains("too large for a double"));
        }
        CHECK(net == before);
    }
}

TEST_CASE("one community per node: JSON reads them all, sparsely", "[hardening][json][community]") {
    std::string text = "{\"nodes\": [";
    const int n = 3000;
    for (int i = 0; i < n; ++i)
        text += (i ? "," : "") + std::string("{\"id\": \"s") + std::to_string(i) + "\", \"circle:c" +
                std::to_string(i) + "\": \"core\"}";
    text += "], \"links\": []}";
    Network net;
    parse_json(net, text);
    REQUIRE(net.communities().size() == static_cast<std::size_t>(n));
    const Community& c = net.community("c1234");
    CHECK(c.count(Circle::core) == 1);
    CHECK(c.circle(net.at("s1234")) == Circle::core);
    CHECK(c.circle(net.at("s1235")) == Circle::none);
    CHECK(c.count(Circle::none) == static_cast<std::size_t>(n - 1));
    REQUIRE(c.members(Circle::core).size() == 1);
    CHECK(c.members(Circle::core)[0] == net.at("s1234"));
}

TEST_CASE("a community turns from sparse to dense storage without changing an answer", "[hardening][community]") {
    Network net;
    for (int i = 0; i < 2000; ++i) net.add_stakeholder({.id = "s" + std::to_string(i)});
    Community& c = net.add_community("c");
    std::vector<Circle> expect(2000, Circle::none);
    for (int i = 0; i < 2000; i += 7) {  // 286 members: past the sparse limit (max(64, 2000/16))
        const Circle circle = static_cast<Circle>(i % 3);
        c.set_circle(net.at("s" + std::to_string(i)), circle);
        expect[static_cast<std::size_t>(i)] = circle;
        if (i == 7 * 60) {  // still sparse here: removals there too
            c.set_circle(net.at("s0"), Circle::none);
            expect[0] = Circle::none;
        }
    }
    net.remove_stakeholder(net.at("s14"));
    expect[14] = Circle::none;
    std::size_t core = 0;
    for (int i = 0; i < 2000; ++i) {
        if (i == 14) continue;
        CHECK(c.circle(net.at("s" + std::to_string(i))) == expect[static_cast<std::size_t>(i)]);
        core += expect[static_cast<std::size_t>(i)] == Circle::core ? 1U : 0U;
    }
    CHECK(c.count(Circle::core) == core);
    CHECK(c.members(Circle::core).size() == core);
    const Network copy = net;
    CHECK(copy == net);
}

TEST_CASE("a CSV header of 20,000 columns loads, each column an attribute", "[hardening][csv]") {
    std::string nodes = "id";
    std::string row = "a";
    for (int i = 0; i < 20000; ++i) {
        nodes += ",c" + std::to_string(i);
        row += "," + std::to_string(i);
    }
    nodes += "\n" + row + "\n";
    Network net;
    parse_csv(net, nodes, "source,target,kind\n");
    REQUIRE(net.attribute_names().size() == 20000);
    CHECK(net.attribute_names()[19999] == "c19999");
    CHECK(net.has_attribute_name("c12345"));
    CHECK_FALSE(net.has_attribute_name("c20000"));
    CHECK(net.stakeholder(net.at("a")).attributes.at("c777") == "777");
    // Duplicates are still found, whatever the case.
    CHECK_THROWS_WITH(parse_csv(net, "id,Role,x,ROLE\n", "source,target,kind\n"),
                      Catch::Contains("column \"ROLE\" appears twice"));
}

TEST_CASE("200,000 blank lines in ties.csv are skipped (their memory: benchmarks/reader_scaling)", "[hardening][csv]") {
    const std::string ties = "source,target,kind\n" + std::string(200000, '\n') + "a,b,influence\n";
    Network net;
    const CsvReport r = parse_csv(net, "id\na\nb\n", ties);
    CHECK(r.ties == 1);
    CHECK(net.tie_count() == 1);
}

TEST_CASE("a NUL byte in an id shows in the message instead of cutting it", "[hardening][csv]") {
    Network net;
    const std::string ties = std::string("source,target,kind\nx\0y,a,influence\n", 35);
    REQUIRE(ties.find('\0') != std::string::npos);
    try {
        parse_csv(net, "id\na\n", ties, {}, "nodes.csv", "ties.csv");
        FAIL("accepted");
    } catch (const parse_error& e) {
        // Cut at the NUL, what() would end after `source "x`.
        CHECK_THAT(e.what(), Catch::Contains("ties.csv:2") && Catch::Contains("source \"x\\0y\"") &&
                                 Catch::EndsWith("is not in nodes.csv"));
    }
    const error e(std::string("id \"x\0y\" is bad", 15));
    CHECK(std::string(e.what()) == "id \"x\\0y\" is bad");
}

TEST_CASE("a weight of -0 is kept and written as 0", "[hardening][csv]") {
    Network net;
    const auto a = net.add_stakeholder({.id = "a"});
    const auto b = net.add_stakeholder({.id = "b"});
    net.add_tie(a, b, TieKind::influence, -0.0);
    std::ostringstream nodes, ties;
    write_csv(net, nodes, ties);
    CHECK(ties.str() == "source,target,kind,weight\na,b,influence,0\n");
    CHECK_FALSE(std::signbit(net.find_tie(a, b, TieKind::influence)->weight));
}

TEST_CASE("write_csv replaces both files or neither", "[hardening][save]") {
    Folder dir("pair");
    const fs::path nodes = dir.path / "nodes.csv", ties = dir.path / "ties.csv";
    spit(nodes, "old nodes");
    spit(ties, "old ties");
    // More ties than stakeholders, so ties.csv is the larger file (invented).
    Network net;
    for (int i = 0; i < 40; ++i) net.add_stakeholder({.id = "s" + std::to_string(i)});
    for (int i = 0; i < 40; ++i)
        for (int j = 0; j < 40; ++j)
            if (i != j) net.add_tie(net.at("s" + std::to_string(i)), net.at("s" + std::to_string(j)), TieKind::influence, 0.25);

    SECTION("a write failing in the second file leaves both old files") {
        std::ostringstream n, t;
        write_csv(net, n, t);
        REQUIRE(n.str().size() < t.str().size());
        detail::fail_writes_after(n.str().size() + 10);  // nodes fits, ties does not
        CHECK_THROWS_AS(write_csv(net, nodes, ties), io_error);
        detail::fail_writes_after(std::nullopt);
        CHECK(slurp(nodes) == "old nodes");
        CHECK(slurp(ties) == "old ties");
        CHECK(dir.entries() == 2);  // no temporary left
    }
    SECTION("the same path twice is refused before anything is replaced") {
        CHECK_THROWS_WITH(write_csv(net, nodes, dir.path / "." / "nodes.csv"),
                          Catch::Contains("is the same file as"));
        CHECK(slurp(nodes) == "old nodes");
        CHECK(dir.entries() == 2);
    }
    SECTION("a successful save reads back") {
        write_csv(net, nodes, ties);
        CHECK(read_csv(nodes, ties) == net);
        CHECK(dir.entries() == 2);
    }
}

TEST_CASE("saves follow symlinks, keep permissions, refuse read-only files, clean stale temporaries",
          "[hardening][save]") {
    Folder dir("links");
    const fs::path real = dir.path / "real.json", link = dir.path / "link.json";
    spit(real, "old");
    fs::create_symlink("real.json", link);
    ::chmod(real.c_str(), 0640);
    write_file_atomically(link, "new");
    CHECK(fs::is_symlink(link));
    CHECK(slurp(real) == "new");
    CHECK(mode_of(real) == 0640U);

    ::chmod(real.c_str(), 0444);
    CHECK_THROWS_WITH(write_file_atomically(real, "newer"), Catch::Contains("read-only"));
    CHECK(slurp(real) == "new");
    ::chmod(real.c_str(), 0644);

    // A temporary of copnet's naming from a process that no longer runs (no pid is that large),
    // one of a running process (this one), and a file that only looks alike.
    const fs::path stale = dir.path / ".real.json.tmp.999999999.3";
    const fs::path live = dir.path / (".real.json.tmp." + std::to_string(::getpid()) + ".77");
    const fs::path other = dir.path / ".real.json.tmp.backup";
    for (const auto& p : {stale, live, other}) spit(p, "x");
    write_file_atomically(real, "newest");
    CHECK_FALSE(fs::exists(stale));
    CHECK(fs::exists(live));
    CHECK(fs::exists(other));
    CHECK(slurp(real) == "newest");
}

TEST_CASE("CLI options that would silently mean something else are refused", "[hardening][cli]") {
    using copnet::test::run;
    const auto empty_from = run("reach --from \"\"");
    CHECK(empty_from.status != 0);
    CHECK_THAT(empty_from.err, Catch::Contains("--from") && Catch::Contains("empty"));
    CHECK(empty_from.out.empty());
    const auto big_seed = run("spread --seed 18446744073709551616");
    CHECK(big_seed.status != 0);
    CHECK_THAT(big_seed.err, Catch::Contains("larger than 18446744073709551615"));
    CHECK(run("spread --runs 10 --seed 18446744073709551615 --format json").status == 0);
}

TEST_CASE("the E-I permutation test streams its counts and reports progress", "[hardening][boundary]") {
    const Network net = test::load_example("state-employment");
    std::size_t calls = 0, last_done = 0, last_total = 0;
    const EIResult r = ei_index(net, "sector",
                                {.permutations = 5000, .seed = 3, .threads = 1,
                                 .progress = [&](std::size_t done, std::size_t total) {
                                     ++calls;
                                     last_done = done;
                                     last_total = total;
                                 }});
    CHECK(calls >= 50);  // one thread: every hundredth (chunks of 64 of 5000)
    CHECK(calls <= 101);
    CHECK(last_done == 5000);
    CHECK(last_total == 5000);
    // Same seed, same answer, whatever the threads.
    const EIResult one = ei_index(net, "sector", {.permutations = 5000, .seed = 3, .threads = 2});
    CHECK(one.p_greater == r.p_greater);
    CHECK(one.p_less == r.p_less);
    CHECK(r.p_greater + r.p_less >= 1.0);
}
