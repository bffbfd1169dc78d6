#pragma once
// Runs the `copnet` program as a user runs it, from a test: exit code, stdout, stderr.

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

namespace copnet::test {

/// What a run of `copnet` left: its exit code (-1 if it did not exit), stdout and stderr.
struct Run {
    int status = -1;
    std::string out;
    std::string err;
};

/// A path in the temporary directory unique to this process and call: ctest runs the test
/// cases in parallel processes. `what` ends the name ("stderr", "nodes.csv").
inline std::filesystem::path unique_temp_path(const std::string& what) {
    static int calls = 0;
    return std::filesystem::temp_directory_path() /
           ("copnet_cli_test." + std::to_string(getpid()) + "." + std::to_string(++calls) + "." +
            what);
}

/// Runs `copnet args` through the shell (quote paths in `args`), stderr to a temporary file
/// so that it is no terminal.
inline Run run(const std::string& args) {
    const std::filesystem::path err_file = unique_temp_path("stderr");
    const std::string cmd = std::string("'") + COPNET_CLI + "' " + args + " 2>'" +
                            err_file.string() + "'";
    Run r;
    FILE* pipe = popen(cmd.c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::array<char, 4096> buf{};
    std::size_t n = 0;
    while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) r.out.append(buf.data(), n);
    const int status = pclose(pipe);
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::ifstream e(err_file);
    std::stringstream ss;
    ss << e.rdbuf();
    r.err = ss.str();
    e.close();
    std::filesystem::remove(err_file);
    return r;
}

} // namespace copnet::test
