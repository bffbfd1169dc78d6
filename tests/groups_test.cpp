// Detected groups (copnet/analysis/groups.hpp): modularity of given partitions against NetworkX
// 2.8.8 and python-igraph 0.10.2 (the call behind each value is written beside it), Louvain and
// Leiden against igraph's best on Zachary's karate club and the real data sets, NMI and ARI by
// hand and against igraph's compare_communities, and the CLI `copnet groups`.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli_run.hpp"
#include "copnet/analysis/groups.hpp"
#include "copnet/community.hpp"
#include "copnet/error.hpp"
#include "nx_graphs.hpp"
#include "real_data.hpp"

using namespace copnet;
using copnet::test::Edge;
using copnet::test::nx_network;
using copnet::test::Run;
using json = nlohmann::json;

namespace {

const std::filesystem::path data = std::filesystem::path(COPNET_SOURCE_DIR) / "tests" / "data";

// nx.karate_club_graph() of NetworkX 2.8.8 with its "weight" attribute (Zachary's counts).
const std::vector<Edge> karate_edges = {
    {"0", "1", 4}, {"0", "2", 5}, {"0", "3", 3}, {"0", "4", 3}, {"0", "5", 3}, {"0", "6", 3},
    {"0", "7", 2}, {"0", "8", 2}, {"0", "10", 2}, {"0", "11", 3}, {"0", "12", 1}, {"0", "13", 3},
    {"0", "17", 2}, {"0", "19", 2}, {"0", "21", 2}, {"0", "31", 2}, {"1", "2", 6}, {"1", "3", 3},
    {"1", "7", 4}, {"1", "13", 5}, {"1", "17", 1}, {"1", "19", 2}, {"1", "21", 2}, {"1", "30", 2},
    {"2", "3", 3}, {"2", "7", 4}, {"2", "8", 5}, {"2", "9", 1}, {"2", "13", 3}, {"2", "27", 2},
    {"2", "28", 2}, {"2", "32", 2}, {"3", "7", 3}, {"3", "12", 3}, {"3", "13", 3}, {"4", "6", 2},
    {"4", "10", 3}, {"5", "6", 5}, {"5", "10", 3}, {"5", "16", 3}, {"6", "16", 3}, {"8", "30", 3},
    {"8", "32", 3}, {"8", "33", 4}, {"9", "33", 2}, {"13", "33", 3}, {"14", "32", 3},
    {"14", "33", 2}, {"15", "32", 3}, {"15", "33", 4}, {"18", "32", 1}, {"18", "33", 2},
    {"19", "33", 1}, {"20", "32", 3}, {"20", "33", 1}, {"22", "32", 2}, {"22", "33", 3},
    {"23", "25", 5}, {"23", "27", 4}, {"23", "29", 3}, {"23", "32", 5}, {"23", "33", 4},
    {"24", "25", 2}, {"24", "27", 3}, {"24", "31", 2}, {"25", "31", 7}, {"26", "29", 4},
    {"26", "33", 2}, {"27", "33", 4}, {"28", "31", 2}, {"28", "33", 2}, {"29", "32", 4},
    {"29", "33", 2}, {"30", "32", 3}, {"30", "33", 3}, {"31", "32", 4}, {"31", "33", 4},
    {"32", "33", 5}};

std::vector<std::string> karate_nodes() {
    std::vector<std::string> nodes;
    for (int i = 0; i < 34; ++i) nodes.push_back(std::to_string(i));
    return nodes;
}

Network karate() { return nx_network(karate_edges, false, karate_nodes()); }

// The club split: [n for n in G if G.nodes[n]["club"] == "Mr. Hi"] is group 0, the rest 1.
Partition club_split() {
    const std::set<int> hi = {0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 16, 17, 19, 21};
    Partition p;
    p.names = {"Mr. Hi", "Officer"};
    for (int i = 0; i < 34; ++i) p.of.push_back(hi.count(i) != 0 ? 0 : 1);
    return p;
}

// igraph 0.10.2: random.seed(1); ig.set_random_number_generator(random);
// Graph.from_networkx(nx.karate_club_graph()).community_multilevel().membership (Q 0.41880).
Partition igraph_multilevel() {
    Partition p;
    p.names = {"0", "1", "2", "3"};
    p.of = {0, 0, 0, 0, 1, 1, 1, 0, 2, 0, 1, 0, 0, 0, 2, 2, 1,
            0, 2, 0, 2, 0, 2, 3, 3, 3, 2, 3, 3, 2, 2, 3, 2, 2};
    return p;
}

GroupOptions unweighted(GroupMethod method = GroupMethod::louvain, std::uint64_t seed = 1) {
    return {.method = method, .seed = seed, .weighted = false};
}

// True if every group of `r` is connected in the undirected graph of `net`'s ties.
bool connected_groups(const Network& net, const GroupsResult& r) {
    for (const DetectedGroup& g : r.groups) {
        std::set<StakeholderId> in(g.members.begin(), g.members.end()), seen{g.members.front()};
        std::vector<StakeholderId> stack{g.members.front()};
        while (!stack.empty()) {
            const StakeholderId v = stack.back();
            stack.pop_back();
            for (StakeholderId u : net.neighbours(v, TieFilter::all(Direction::both)))
                if (in.count(u) != 0 && seen.insert(u).second) stack.push_back(u);
        }
        if (seen.size() != in.size()) return false;
    }
    return true;
}

} // namespace

TEST_CASE("modularity of the karate club split is NetworkX's", "[groups]") {
    const Network net = karate();
    // networkx.algorithms.community.modularity(G, club, weight=None, resolution=r)
    CHECK(modularity(net, club_split(), unweighted()) == Approx(0.3582347140039448).margin(1e-12));
    GroupOptions o = unweighted();
    o.resolution = 0.5;
    CHECK(modularity(net, club_split(), o) == Approx(0.6086045364891519).margin(1e-12));
    o.resolution = 2.0;
    CHECK(modularity(net, club_split(), o) == Approx(-0.14250493096646943).margin(1e-12));
    // modularity(G, club, weight="weight"): Zachary's counts as weights (the default).
    CHECK(modularity(net, club_split()) == Approx(0.39143756676224206).margin(1e-12));
    // igraph's multilevel partition: its .modularity 0.4188034188034188; NetworkX at resolution 2:
    // modularity(G, groups, weight=None, resolution=2.0) = 0.1068376068376068.
    CHECK(modularity(net, igraph_multilevel(), unweighted()) ==
          Approx(0.4188034188034188).margin(1e-12));
    o.resolution = 2.0;
    CHECK(modularity(net, igraph_multilevel(), o) == Approx(0.1068376068376068).margin(1e-12));
}

TEST_CASE("modularity of declared facets is NetworkX's on the Lazega law firm", "[groups]") {
    const Network net = copnet::test::load_real(data, "lazega-lawfirm");
    // The union of all three relations as one undirected simple graph (71 lawyers, 1008 edges):
    // modularity(nx.Graph(edges), [lawyers of each office], resolution=r), r = 1, 0.5, 2
    // (igraph Graph.modularity(office) agrees: 0.14568816531242132).
    const Partition office = declared_partition(net, "facet:office");
    CHECK(office.size() == 3);
    GroupOptions o;
    CHECK(modularity(net, office, o) == Approx(0.1456881653124212).margin(1e-12));
    o.resolution = 0.5;
    CHECK(modularity(net, office, o) == Approx(0.4399075747197026).margin(1e-12));
    o.resolution = 2.0;
    CHECK(modularity(net, office, o) == Approx(-0.44275065350214166).margin(1e-12));
    CHECK(modularity(net, declared_partition(net, "facet:practice")) ==
          Approx(0.16433954947719823).margin(1e-12));
    CHECK(modularity(net, declared_partition(net, " Facet : status ")) ==
          Approx(0.07255792942176864).margin(1e-12));
}

TEST_CASE("Louvain and Leiden reach igraph's best modularity on the karate club", "[groups]") {
    const Network net = karate();
    // igraph 0.10.2 community_multilevel over seeds 0..49 (random.seed(s) as its RNG): Q from
    // 0.39201 to 0.41979; community_leiden(objective_function="modularity", n_iterations=-1):
    // 0.41511 to 0.41979. The optimum is 0.4197896 (Brandes et al. 2008).
    for (const GroupMethod method : {GroupMethod::louvain, GroupMethod::leiden}) {
        double best = -1.0;
        for (std::uint64_t seed = 1; seed <= 10; ++seed) {
            const GroupsResult r = detect_groups(net, unweighted(method, seed));
            INFO(to_string(method) << " seed " << seed << ": Q " << r.modularity);
            CHECK(r.modularity >= 0.39201183431952663 - 1e-12);
            CHECK(r.modularity == Approx(modularity(net, partition(r), unweighted())).margin(1e-12));
            best = std::max(best, r.modularity);
            CHECK(r.ids.size() == 34);
            std::size_t members = 0;
            for (const DetectedGroup& g : r.groups) members += g.members.size();
            CHECK(members == 34);
            if (method == GroupMethod::leiden) CHECK(connected_groups(net, r));
        }
        INFO(to_string(method));
        CHECK(best >= 0.41978961209730437 - 1e-12);
    }
}

TEST_CASE("Leiden reaches igraph's modularity on the real data sets", "[groups]") {
    // igraph community_multilevel / community_leiden(objective_function="modularity",
    // n_iterations=-1), best of seeds 0..49, on the undirected simple graph of the named ties.
    struct Case {
        const char* name;
        const char* relation;  // "" = every relation
        double igraph_best;
    };
    for (const Case& c : {Case{"lazega-lawfirm", "", 0.2253691697},
                          Case{"lazega-lawfirm", "collaboration", 0.3007355675},
                          Case{"krackhardt-hightech", "", 0.0546457814},
                          Case{"ckm-physicians", "", 0.6949152939},
                          Case{"padgett-florentine", "", 0.3367626886}}) {
        const Network net = copnet::test::load_real(data, c.name);
        GroupOptions o{.method = GroupMethod::leiden};
        if (*c.relation != '\0') o.filter = TieFilter::of({copnet::test::relation_of(net, c.relation)});
        double best = -1.0;
        for (std::uint64_t seed = 1; seed <= 5; ++seed) {
            o.seed = seed;
            const GroupsResult r = detect_groups(net, o);
            CHECK(connected_groups(net, r));
            best = std::max(best, r.modularity);
        }
        INFO(c.name << " " << c.relation << ": copnet " << best << ", igraph " << c.igraph_best);
        CHECK(best >= c.igraph_best - 2e-3);
        o.method = GroupMethod::louvain;
        o.seed = 1;
        CHECK(detect_groups(net, o).modularity >= c.igraph_best - 2e-2);
    }
}

TEST_CASE("the same seed gives the same groups", "[groups]") {
    const Network net = copnet::test::load_real(data, "ckm-physicians");
    for (const GroupMethod method : {GroupMethod::louvain, GroupMethod::leiden}) {
        const GroupsResult a = detect_groups(net, {.method = method, .seed = 42});
        const GroupsResult b = detect_groups(net, {.method = method, .seed = 42});
        CHECK(a.group == b.group);
        CHECK(a.modularity == b.modularity);
        // Groups come largest first.
        for (std::size_t g = 1; g < a.groups.size(); ++g)
            CHECK(a.groups[g - 1].members.size() >= a.groups[g].members.size());
    }
}

TEST_CASE("detection reports progress and finds the same groups with it", "[groups][progress]") {
    const Network net = copnet::test::load_real(data, "ckm-physicians");
    for (const GroupMethod method : {GroupMethod::louvain, GroupMethod::leiden}) {
        std::vector<std::pair<std::size_t, std::size_t>> calls;
        GroupOptions o{.method = method, .seed = 42};
        const GroupsResult without = detect_groups(net, o);
        o.progress = [&](std::size_t done, std::size_t total) { calls.emplace_back(done, total); };
        const GroupsResult with = detect_groups(net, o);
        CHECK(with.group == without.group);
        REQUIRE(calls.size() >= 2);  // after the graph, and at the end
        CHECK(calls.back().first == calls.back().second);
        for (std::size_t i = 1; i < calls.size(); ++i) {
            CHECK(calls[i].first > calls[i - 1].first);
            CHECK(calls[i].second == calls[0].second);
        }
    }
}

TEST_CASE("resolution changes the number of groups", "[groups]") {
    const Network net = karate();
    GroupOptions o = unweighted(GroupMethod::leiden);
    o.resolution = 0.3;
    const std::size_t few = detect_groups(net, o).groups.size();
    o.resolution = 3.0;
    const std::size_t many = detect_groups(net, o).groups.size();
    CHECK(few < many);
    o.resolution = 0.01;  // γ → 0: one group holds everyone (a connected graph)
    CHECK(detect_groups(net, o).groups.size() == 1);
}

TEST_CASE("stakeholders without ties are groups of one; no ties gives NaN modularity", "[groups]") {
    Network net = nx_network({{"a", "b"}, {"b", "c"}, {"a", "c"}, {"d", "e"}}, false, {"lone"});
    const GroupsResult r = detect_groups(net);
    REQUIRE(r.groups.size() == 3);
    CHECK(r.groups[0].members.size() == 3);
    CHECK(r.groups[2].members.size() == 1);
    CHECK(net.stakeholder(r.groups[2].members[0]).id == "lone");
    CHECK_FALSE(r.weighted);
    // Two triangles' worth: Q = Σ L_c/m − (D_c/2m)², m = 4: 3/4 − (6/8)² + 1/4 − (2/8)² = 0.375.
    CHECK(r.modularity == Approx(0.375).margin(1e-12));
    Network empty = nx_network({}, false, {"x", "y"});
    const GroupsResult e = detect_groups(empty, {.method = GroupMethod::leiden});
    CHECK(e.groups.size() == 2);
    CHECK(std::isnan(e.modularity));
}

TEST_CASE("NMI and ARI by hand and against igraph's compare_communities", "[groups]") {
    // X = a a a b b b, Y = 1 1 2 2 3 3. ARI: Σ C(n_ij, 2) = 2, rows Σ C(a_i, 2) = 6, columns 3,
    // expected 6·3/15 = 1.2, maximum 4.5: (2 − 1.2)/(4.5 − 1.2) = 8/33. NMI: I = (2/3) ln 2,
    // H(X) = ln 2, H(Y) = ln 3: 2I/(H(X) + H(Y)) = (4/3) ln 2 / ln 6 (igraph
    // compare_communities([0,0,0,1,1,1], [0,0,1,1,2,2], method="nmi") 0.5158037429793888).
    const Partition x{{"a", "b"}, {0, 0, 0, 1, 1, 1}}, y{{"1", "2", "3"}, {0, 0, 1, 1, 2, 2}};
    const GroupAgreement a = group_agreement(y, x);
    CHECK(a.ari == Approx(8.0 / 33.0).margin(1e-12));
    CHECK(a.nmi == Approx(4.0 / 3.0 * std::log(2.0) / std::log(6.0)).margin(1e-12));
    CHECK(a.nmi == Approx(0.5158037429793888).margin(1e-12));
    REQUIRE(a.rows.size() == 2);
    CHECK(a.rows[0].category == "a");
    CHECK(a.rows[0].size == 3);
    CHECK(a.rows[0].best_share == Approx(2.0 / 3.0));
    CHECK(a.rows[0].groups.front() == std::pair<std::uint32_t, std::size_t>{0, 2});
    // Equal partitions (up to names) agree fully; one group against one group too (as sklearn).
    CHECK(group_agreement(x, Partition{{"p", "q"}, {1, 1, 1, 0, 0, 0}}).ari == Approx(1.0));
    CHECK(group_agreement(x, Partition{{"p", "q"}, {1, 1, 1, 0, 0, 0}}).nmi == Approx(1.0));
    const Partition one{{"all"}, {0, 0, 0}};
    CHECK(group_agreement(one, one).nmi == 1.0);
    CHECK(group_agreement(one, one).ari == 1.0);
    CHECK_THROWS_AS(group_agreement(x, one), invalid_value);
    CHECK_THROWS_WITH(group_agreement(one, Partition{{"a"}, {0, 1, 0}}), Catch::Contains("group 1 of 1"));

    // Karate: the club split against igraph's multilevel partition, compare_communities(hi,
    // membership, method="nmi") 0.489967204819378, method="adjusted_rand" 0.3922385441789079.
    const GroupAgreement k = group_agreement(igraph_multilevel(), club_split());
    CHECK(k.nmi == Approx(0.489967204819378).margin(1e-12));
    CHECK(k.ari == Approx(0.3922385441789079).margin(1e-12));
    // Lazega: office against practice, and office against status (compare_communities as above).
    const Network law = copnet::test::load_real(data, "lazega-lawfirm");
    const Partition office = declared_partition(law, "facet:office");
    const GroupAgreement op = group_agreement(office, declared_partition(law, "facet:practice"));
    CHECK(op.nmi == Approx(0.018415741197589524).margin(1e-12));
    CHECK(op.ari == Approx(0.00633819931627808).margin(1e-12));
    const GroupAgreement os = group_agreement(office, declared_partition(law, "facet:status"));
    CHECK(os.nmi == Approx(0.03832480923261493).margin(1e-12));
    CHECK(os.ari == Approx(0.013978251019483882).margin(1e-12));
}

TEST_CASE("agreement with a facet, circles and communities", "[groups]") {
    Network net = nx_network({{"a", "b"}, {"b", "c"}, {"a", "c"}, {"d", "e"}, {"e", "f"}, {"d", "f"},
                              {"c", "d"}},
                             false, {"a", "b", "c", "d", "e", "f"});
    Community& cop = net.add_community("cop");
    cop.set_circle(net.at("a"), Circle::core);
    cop.set_circle(net.at("b"), Circle::core);
    cop.set_circle(net.at("c"), Circle::inner);
    Community& other = net.add_community("other");
    other.set_circle(net.at("c"), Circle::outer);
    other.set_circle(net.at("d"), Circle::outer);
    const GroupsResult r = detect_groups(net);
    REQUIRE(r.groups.size() == 2);
    const GroupAgreement circles = group_agreement(net, r, "circles:cop");
    CHECK(circles.with == "circles:cop");
    CHECK(circles.declared_groups == 3);  // core, inner, none (in order of first stakeholder)
    CHECK(circles.rows[0].category == "core");
    CHECK(circles.rows[2].category == "none");
    CHECK(circles.rows[2].size == 3);
    CHECK(circles.rows[2].best_share == 1.0);
    const Partition communities = declared_partition(net, "communities");
    CHECK(communities.names == std::vector<std::string>{"cop", "cop+other", "other", "none"});
    CHECK(communities.of == std::vector<std::uint32_t>{0, 0, 1, 2, 3, 3});
    const GroupAgreement same = group_agreement(net, r, "facet:id");
    CHECK(same.declared_groups == 6);
    // Two triangles joined by one edge: Q of the detected split, m = 7, each D_c = 7:
    // 2 · (3/7 − 1/4) = 5/14; the declared partition's Q comes beside it.
    CHECK(r.modularity == Approx(5.0 / 14.0).margin(1e-12));
    CHECK(circles.declared_modularity ==
          Approx(modularity(net, declared_partition(net, "circles:cop"))).margin(1e-12));
}

TEST_CASE("bad group options and partitions fail with clear errors", "[groups]") {
    Network net = karate();
    CHECK_THROWS_WITH(parse_group_method("walktrap"),
                      Catch::Contains("walktrap") && Catch::Contains("louvain, leiden"));
    CHECK(parse_group_method(" Leiden ") == GroupMethod::leiden);
    for (const double gamma : {0.0, -1.0, std::nan("")}) {
        GroupOptions o;
        o.resolution = gamma;
        CHECK_THROWS_WITH(detect_groups(net, o), Catch::Contains("resolution"));
        CHECK_THROWS_WITH(modularity(net, club_split(), o), Catch::Contains("resolution"));
    }
    CHECK_THROWS_AS(detect_groups(net, {.max_iterations = 0}), invalid_value);
    CHECK_THROWS_WITH(declared_partition(net, "facet:sectr"), Catch::Contains("sectr"));
    CHECK_THROWS_WITH(declared_partition(net, "circles:nobody"), Catch::Contains("nobody"));
    CHECK_THROWS_WITH(declared_partition(net, "departments"),
                      Catch::Contains("facet:NAME, circles:COMMUNITY or communities"));
    CHECK_THROWS_WITH(declared_partition(net, "facet:"), Catch::Contains("names no facet"));
    Partition short_one = club_split();
    short_one.of.pop_back();
    CHECK_THROWS_WITH(modularity(net, short_one), Catch::Contains("33") && Catch::Contains("34"));
    CHECK_THROWS_WITH(make_partition(net, {{net.at("0")}, {net.at("0")}}),
                      Catch::Contains("\"0\"") && Catch::Contains("two groups"));
    CHECK_THROWS_WITH(make_partition(net, {{net.at("0")}}), Catch::Contains("in no group"));
    // Negative values cannot be weights; read unweighted they are ties like any other.
    Network negative = nx_network({{"a", "b", -2.0}, {"b", "c", 1.0}}, false);
    CHECK_THROWS_WITH(detect_groups(negative), Catch::Contains("≥ 0") && Catch::Contains("-2"));
    CHECK_NOTHROW(detect_groups(negative, {.weighted = false}));
}

TEST_CASE("groups from the command line: text, JSON, CSV and --compare", "[groups][cli]") {
    using copnet::test::run;
    Run r = run("groups --format json --method leiden --seed 3 --compare facet:sector");
    REQUIRE(r.status == 0);
    const json j = json::parse(r.out);
    for (const char* key : {"method", "resolution", "seed", "weighted", "modularity", "levels",
                            "iterations", "count", "stakeholders", "groups", "compare"})
        CHECK(j.contains(key));
    CHECK(j["method"] == "leiden");
    CHECK(j["compare"]["with"] == "facet:sector");
    for (const char* key : {"nmi", "ari", "declared_modularity", "contingency"})
        CHECK(j["compare"].contains(key));
    const double q = j["modularity"];
    CHECK(q > 0.0);
    // The same seed again: the same output.
    CHECK(run("groups --format json --method leiden --seed 3 --compare facet:sector").out == r.out);
    r = run("groups --format csv");
    REQUIRE(r.status == 0);
    CHECK(r.out.rfind("id,group\n", 0) == 0);
    r = run("groups --compare communities");
    REQUIRE(r.status == 0);
    CHECK_THAT(r.out, Catch::Contains("modularity") && Catch::Contains("NMI"));
    r = run("groups --method walktrap");
    CHECK(r.status != 0);
    CHECK_THAT(r.err, Catch::Contains("walktrap"));
    r = run("groups --resolution 0");
    CHECK(r.status != 0);
    CHECK_THAT(r.err, Catch::Contains("resolution"));
    r = run("groups --compare facet:sectr");
    CHECK(r.status != 0);
    CHECK_THAT(r.err, Catch::Contains("sectr"));
    r = run("groups --compare circles:nobody");
    CHECK(r.status != 0);
    CHECK_THAT(r.err, Catch::Contains("nobody"));
}
