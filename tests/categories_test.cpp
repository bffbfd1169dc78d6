// Category texts compare by one canonical form (category_key): trimmed, case-folded, inner
// white space collapsed, Unicode NFC — so a coordinator's spreadsheet with "Employers" and
// "employers ", or "École" typed two ways, has one sector each, shown in the first spelling met.
// The reproducer is tests/data/messy-sectors.*.csv (invented; make_messy_fixture.py): 11 sectors
// in 24 spellings, saved with a BOM and CRLF as Excel does.
#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "copnet/analysis/boundary.hpp"
#include "copnet/analysis/circles.hpp"
#include "copnet/analysis/gaps.hpp"
#include "copnet/analysis/reach.hpp"
#include "copnet/io/csv.hpp"
#include "copnet/io/dot.hpp"
#include "copnet/io/svg.hpp"
#include "copnet/summary.hpp"

using namespace copnet;
namespace fs = std::filesystem;

namespace {

const fs::path data = fs::path(COPNET_SOURCE_DIR) / "tests" / "data";

Network messy() {
    return read_csv(data / "messy-sectors.nodes.csv", data / "messy-sectors.ties.csv");
}

// The same landscape with every sector rewritten in one spelling per category: what a careful
// coordinator would have typed. Every analysis must count the messy sheet as this one.
Network cleaned(const Network& net) {
    Network clean = net;
    for (StakeholderId who : clean.stakeholders()) {
        Stakeholder s = clean.stakeholder(who);
        s.sector = category_key(s.sector);
        clean.update_stakeholder(who, s);
    }
    return clean;
}

} // namespace

TEST_CASE("category_key folds case, white space and Unicode normal form", "[categories]") {
    CHECK(category_key("  State   Agencies ") == "state agencies");
    CHECK(category_key("local\u00a0schools") == "local schools");  // a no-break space
    CHECK(category_key("\tFamilies\r\n") == "families");
    CHECK(category_key("E\u0301cole") == category_key("\u00c9cole"));  // NFD and NFC
    CHECK(category_key("\u00c9COLE") == "\u00e9cole");
    CHECK(category_key("Stra\u00dfe") == "strasse");  // full case folding
    CHECK(category_key("") == "");
    CHECK(category_key("   ") == "");
    CHECK(category_key("a\xff b") == "a\xff b");  // not UTF-8: ASCII folded, bytes kept
    CHECK(category_key("schools") != category_key("school"));  // no fuzzy matching
}

TEST_CASE("a messy spreadsheet has as many categories as it means", "[categories]") {
    const Network net = messy();
    const Network clean = cleaned(net);
    REQUIRE(net.stakeholder_count() == 60);
    std::set<std::string> spellings;
    for (StakeholderId who : net.stakeholders()) spellings.insert(net.stakeholder(who).sector);
    REQUIRE(spellings.size() > 11);  // the reproducer is messy
    const Community& cop = net.community("community");

    SECTION("boundaries: 11 sectors, the E-I and mixing of the cleaned sheet") {
        const MixingMatrix m = mixing_matrix(net, "sector");
        CHECK(m.categories.size() == 11);
        CHECK(m.categories[0] == "State agencies and councils");  // the first spelling met
        const MixingMatrix mc = mixing_matrix(clean, "sector");
        CHECK(m.ties == mc.ties);
        CHECK(m.crossing == mc.crossing);
        EIOptions no_test;
        no_test.permutations = 0;
        const EIResult e = ei_index(net, "sector", no_test);
        CHECK(e.ei_index == ei_index(clean, "sector", no_test).ei_index);
        CHECK(e.groups.size() == 11);
        CHECK(attribute_assortativity(net, "sector") == attribute_assortativity(clean, "sector"));
        const BrokerageResult b = brokerage(net, "sector"), bc = brokerage(clean, "sector");
        REQUIRE(b.stakeholders.size() == bc.stakeholders.size());
        for (std::size_t i = 0; i < b.stakeholders.size(); ++i)
            CHECK(b.stakeholders[i].raw.total == bc.stakeholders[i].raw.total);
    }
    SECTION("gaps: nothing present is reported missing, and counts merge") {
        RepresentationOptions plain;
        plain.facets = {"sector"};
        plain.taxonomy = {};
        const Representation r = representation(net, cop, plain);
        CHECK(r.rows.size() == 11);
        const Representation rc = representation(clean, cop, plain);
        REQUIRE(rc.rows.size() == 11);
        for (std::size_t i = 0; i < r.rows.size(); ++i) {
            CHECK(r.rows[i].landscape.count == rc.rows[i].landscape.count);
            CHECK(r.rows[i].leading.count == rc.rows[i].leading.count);
        }
        CHECK(r.missing.size() == rc.missing.size());
        // With the framework's taxonomy, "families " and "Families" are its "families".
        RepresentationOptions framework;
        framework.facets = {"sector"};
        const Representation rf = representation(net, cop, framework);
        std::size_t families = 0;
        for (const RepresentationRow& row : rf.rows)
            if (category_key(row.category) == "families") families += 1;
        CHECK(families == 1);
        for (const MissingCategory& m : rf.missing) CHECK(m.landscape == 0);  // present ≠ missing
    }
    SECTION("reach, circles and the map group the same way") {
        const auto core = cop.members(Circle::core);
        const ReachResult r = reach(net, core);
        const ReachBreakdown b = break_down(net, r, nullptr, "sector");
        CHECK(b.by_facet.size() == 11);
        const Trajectories t = trajectories(net, cop, cop, "sector");
        CHECK(t.by_facet.size() == 11);
        CircleMapOptions options;
        options.facet = "sector";
        const CircleMapLayout map = layout_circle_map(net, options);
        CHECK(map.categories.size() == 11);
        std::ostringstream dot;
        DotOptions dot_options;
        dot_options.facet = "sector";
        write_dot(net, dot, dot_options);
        CHECK(dot.str().find("employers") == std::string::npos);  // shown as "Employers"
    }
    SECTION("summary names the merged spellings") {
        const Summary s = summarize(net, &cop);
        CHECK(s.merged_spellings.size() == merged_spellings(net, "sector").size());
        bool employers = false;
        for (const MergedSpellings& m : s.merged_spellings) {
            CHECK(m.facet == "sector");
            CHECK(m.spellings.size() >= 2);
            if (m.spellings[0] == "Employers")
                employers = m.spellings == std::vector<std::string>{"Employers", "employers"};
        }
        CHECK(employers);
        CHECK(summarize(clean, &cop).merged_spellings.empty());
    }
    SECTION("ids are compared exactly") {
        Network two;
        Stakeholder a;
        a.id = "A";
        two.add_stakeholder(a);
        a.id = "a";
        two.add_stakeholder(a);
        CHECK(mixing_matrix(two, "id").categories.size() == 2);
    }
}
