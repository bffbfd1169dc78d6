// Whom to convene: on the bundled (invented) state employment CoP, how far a message from the
// core group spreads under independent cascade, who in the core group should carry it, and
// what two stakeholders reach together that neither reaches alone.
//
// Usage: convene [NODES.csv TIES.csv]   (default: examples/data/state-employment)
#include <cstdio>
#include <exception>
#include <string>

#include <copnet/copnet.hpp>

int main(int argc, char** argv) try {
    using namespace copnet;
    const std::string folder = std::string(COPNET_EXAMPLE_DATA) + "/state-employment/";
    const Network net = argc == 3 ? read_csv(argv[1], argv[2])
                                  : read_csv(folder + "nodes.csv", folder + "ties.csv");
    const Community& cop = net.community("community");
    const auto core = cop.members(Circle::core);

    // How far does a message from the core group travel, circle by circle?
    // Every tie passes the message on with chance 0.15 (the "uniform IC" of the literature);
    // with the example's own weights nearly everyone hears it and the choice is easy.
    const DiffusionOptions ic{.runs = 5000, .seed = 2026, .probability = 0.15};
    const SpreadResult s = spread(net, core, ic);
    std::printf("From the %zu core members: %.1f of %zu adopt on average (95 %% CI %.1f-%.1f)\n",
                core.size(), s.expected, net.stakeholder_count(), s.ci_low, s.ci_high);
    for (const CategorySpread& row : break_down(net, s, &cop).by_circle)
        std::printf("  %-6s %5.1f of %zu\n", row.category.c_str(), row.expected, row.total);

    // Who among the core group should carry it? Two conveners, greedy (CELF).
    const LeverageResult l = leverage(net, core, {.diffusion = ic, .k = 2});
    std::printf("Convene (%s):", std::string(to_string(l.method)).c_str());
    for (const Convener& c : l.conveners)
        std::printf(" %s (+%.1f)", net.stakeholder(c.who).id.c_str(), c.gain);
    std::printf("; together %.1f\n", l.expected);

    // Together against alone, under the tipping-point model.
    const StakeholderId pair[] = {l.conveners[0].who, l.conveners[1].who};
    const Synergy y = coalition_synergy(
        net, pair, {.model = DiffusionModel::linear_threshold, .runs = 5000, .seed = 2026});
    std::printf("Linear threshold: together %.1f, best alone %.1f, sum alone %.1f\n", y.together,
                y.best_single, y.sum_alone);
    return 0;
} catch (const std::exception& e) {
    std::fprintf(stderr, "convene: %s\n", e.what());
    return 1;
}
