// The CLI's --format json and --format csv outputs, pinned on the bundled examples (invented
// data): tests/data/cli/commands.txt lists the commands, NAME.json / NAME.csv hold what they
// printed. They keep the output byte for byte while the writers are rebuilt from the library's
// result descriptions (issue 18); an intended change of output regenerates them with
// `copnet_tests "[.generate-cli-golden]"` and is listed in CHANGELOG.md.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "cli_run.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path golden = fs::path(COPNET_SOURCE_DIR) / "tests" / "data" / "cli";

// (name, arguments) per line of commands.txt, paths made absolute.
std::vector<std::pair<std::string, std::string>> commands() {
    std::vector<std::pair<std::string, std::string>> out;
    std::ifstream in(golden / "commands.txt");
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        const auto bar = line.find('|');
        REQUIRE(bar != std::string::npos);
        // Each word that is a path of the repository (examples/…, tests/data/…) made absolute.
        std::istringstream words(line.substr(bar + 1));
        std::string args, word;
        while (words >> word) {
            if (word.rfind("examples/", 0) == 0 || word.rfind("tests/data/", 0) == 0)
                word = std::string(COPNET_SOURCE_DIR) + "/" + word;
            args += (args.empty() ? "" : " ") + word;
        }
        out.emplace_back(line.substr(0, bar), args);
    }
    REQUIRE(out.size() >= 10);
    return out;
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

} // namespace

TEST_CASE("the CLI's JSON and CSV outputs stay as pinned", "[cli][golden]") {
    std::size_t compared = 0;
    for (const auto& [name, args] : commands()) {
        for (const char* format : {"json", "csv"}) {
            const fs::path file = golden / (name + "." + format);
            if (!fs::exists(file)) continue;  // the command has no such form
            INFO("copnet " << args << " --format " << format);
            const auto r = copnet::test::run(args + " --format " + format);
            REQUIRE(r.status == 0);
            CHECK(r.out == slurp(file));
            ++compared;
        }
    }
    CHECK(compared >= 20);
}

TEST_CASE("write the pinned CLI outputs", "[.generate-cli-golden]") {
    for (const auto& [name, args] : commands())
        for (const char* format : {"json", "csv"}) {
            const auto r = copnet::test::run(args + " --format " + format);
            if (r.status != 0) continue;
            std::ofstream(golden / (name + "." + format), std::ios::binary) << r.out;
        }
}
