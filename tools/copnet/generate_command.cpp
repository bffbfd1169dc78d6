#include <chrono>
#include <filesystem>
#include <memory>
#include <sstream>

#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "copnet/error.hpp"
#include "copnet/generate.hpp"
#include "copnet/io/csv.hpp"
#include "copnet/io/graphml.hpp"
#include "input.hpp"

namespace copnet::cli {

namespace {

struct GenerateCliOptions {
    LandscapeOptions landscape;
    std::string out;
    bool graphml = false;
    std::string format_name = "text";
};

} // namespace

void add_generate_command(CLI::App& app, Runner& run) {
    auto o = std::make_shared<GenerateCliOptions>();
    CLI::App* cmd = app.add_subcommand(
        "generate",
        "Writes a synthetic CoP landscape (invented data, seeded): heavy-tailed degrees, skewed\n"
        "sectors and levels, homophily with a share of boundary-crossing ties, authority\n"
        "hierarchies, and a community whose circles are nested around the hubs.\n"
        "Writes DIR/nodes.csv and DIR/ties.csv (and DIR/landscape.graphml with --graphml).");
    LandscapeOptions& l = o->landscape;
    cmd->add_option("--out", o->out, "Folder to write nodes.csv and ties.csv into (created)")
        ->required();
    cmd->add_option("--stakeholders", l.stakeholders, "Stakeholders (>= 2)")
        ->capture_default_str()->check(non_negative());
    cmd->add_option("--ties", l.ties, "Ties (repeats are drawn again)")
        ->capture_default_str()->check(non_negative());
    cmd->add_option("--seed", l.seed, "Seed: the same options give the same files")
        ->capture_default_str()->check(non_negative());
    cmd->add_option("--boundary-share", l.boundary_share,
                    "Share of influence/collaboration ties joining different sectors or levels")
        ->capture_default_str();
    cmd->add_option("--influence-share", l.influence_share,
                    "Share of the non-authority ties that are influence (the rest collaboration)")
        ->capture_default_str();
    cmd->add_option("--authority-share", l.authority_share,
                    "At most this share of the ties are authority (hierarchies)")
        ->capture_default_str();
    cmd->add_option("--degree-exponent", l.degree_exponent,
                    "Power-law exponent of the expected degrees, in (2, 10]")
        ->capture_default_str();
    cmd->add_option("--organization-size", l.organization_size,
                    "Mean stakeholders per organization")
        ->capture_default_str();
    cmd->add_option("--tie-strength", l.tie_strength,
                    "Expected weight of the ties into a stakeholder (weighted cascade: a tie "
                    "into v weighs about this / degree(v)); around 1, a message from one "
                    "stakeholder reaches a few per cent")
        ->capture_default_str();
    cmd->add_option("--community", l.community, "Name of the generated community")
        ->capture_default_str();
    cmd->add_flag("--graphml", o->graphml,
                  "Also write DIR/landscape.graphml (the same landscape, for NetworkX, igraph, Gephi)");
    cmd->add_option("--format", o->format_name, "Output: text or json")
        ->check(CLI::IsMember({"text", "json"}))->capture_default_str();
    cmd->callback([o, &run] {
        run = [o] {
            const auto start = std::chrono::steady_clock::now();
            const Network net = generate(o->landscape);
            const double seconds =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            const std::filesystem::path dir(o->out);
            std::error_code ec;
            std::filesystem::create_directories(dir, ec);
            if (ec) throw io_error(o->out, "cannot create the folder: " + ec.message());
            CsvWriteOptions w;
            w.community = o->landscape.community;
            write_csv(net, dir / "nodes.csv", dir / "ties.csv", w);
            const std::filesystem::path graphml = dir / "landscape.graphml";
            if (o->graphml) write_graphml(net, graphml);
            if (o->format_name == "json") {
                nlohmann::ordered_json j;
                j["stakeholders"] = net.stakeholder_count();
                j["ties"] = net.tie_count();
                j["seed"] = o->landscape.seed;
                j["nodes"] = (dir / "nodes.csv").string();
                j["ties_file"] = (dir / "ties.csv").string();
                if (o->graphml) j["graphml"] = graphml.string();
                j["seconds"] = seconds;
                return j.dump(2) + "\n";
            }
            std::ostringstream out;
            out << "Generated " << net.stakeholder_count() << " stakeholders and "
                << net.tie_count() << " ties (seed " << o->landscape.seed << ") in " << seconds
                << " s: " << (dir / "nodes.csv").string() << ", "
                << (dir / "ties.csv").string();
            if (o->graphml) out << ", " << graphml.string();
            out << " (invented data)\n";
            return out.str();
        };
    });
}

} // namespace copnet::cli
