// Does advice follow reports-to beyond chance? Krackhardt's high-tech managers (real data:
// D. Krackhardt, "Cognitive social structures", Social Networks 9, 1987; 21 managers, who goes
// to whom for advice, who is whose friend, who reports to whom), an MRQAP regression of advice
// on the hierarchy, friendship, a shared department and the age difference (as R sna's
// netlm with Dekker's semi-partialling), then a QAP test of the advice-hierarchy correlation.
//
//   advice_follows_hierarchy [DATA_DIR]   (DATA_DIR: tests/data of the repository)
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include "copnet/analysis/inference.hpp"
#include "copnet/error.hpp"
#include "copnet/io/csv.hpp"
#include "copnet/io/relations.hpp"

int main(int argc, char** argv) try {
    const std::string dir = argc > 1 ? argv[1] : COPNET_EXAMPLE_REAL_DATA;
    copnet::Network net;
    copnet::read_relations(net, dir + "/krackhardt-hightech.relations.csv");
    copnet::read_csv(net, dir + "/krackhardt-hightech.nodes.csv",
                     dir + "/krackhardt-hightech.ties.csv");

    // In this file `influence` is advice (source asks target) and `authority` the hierarchy.
    const std::vector<std::string> x = {"authority", "friendship", "same:department", "diff:age"};
    const copnet::RegressionResult fit =
        copnet::regress(net, "influence", x, {.reps = 2000, .seed = 1});
    std::printf("netlm of advice (%zu ordered pairs), null %s, %zu permutations\n", fit.n,
                std::string(copnet::to_string(fit.null)).c_str(), fit.reps);
    std::printf("%-16s %10s %8s %9s\n", "term", "estimate", "t", "Pr(>=|b|)");
    for (const auto& c : fit.coefficients)
        std::printf("%-16s %10.4f %8.3f %9.4f\n", c.term.c_str(), c.estimate, c.t, c.p_two_sided);
    std::printf("R-squared %.4f\n\n", fit.r_squared);

    const auto advice = *net.find_relation("influence");
    const copnet::TestResult qap = copnet::test_statistic(
        net, copnet::named_statistic(net, "correlation:influence,authority"),
        {.null = copnet::NullModel::qap, .ties = copnet::TieFilter::of({advice}), .reps = 5000,
         .seed = 1});
    std::printf("QAP: correlation of advice and reports-to %.3f, null mean %.3f (sd %.3f), "
                "P(null >= observed) = %.4f\n",
                qap.observed, qap.null_mean, qap.null_sd, qap.p_greater);
    const bool beyond = fit.coefficients[1].p_two_sided < 0.05 && qap.p_greater < 0.05;
    std::printf("Advice follows reports-to beyond chance: %s\n", beyond ? "yes" : "no");
    return 0;
} catch (const std::exception& e) {
    std::fprintf(stderr, "advice_follows_hierarchy: %s\n", e.what());
    return 1;
}
