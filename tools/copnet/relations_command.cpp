// copnet relations: the multiplex view — each relation's ties and density, how relations
// overlap, how many relations tie each pair, and whether influence follows authority.

#include <iomanip>
#include <memory>
#include <sstream>

#include "commands.hpp"
#include "copnet/analysis/relations.hpp"
#include "input.hpp"
#include "output.hpp"

namespace copnet::cli {
namespace {

std::string as_csv(const Network& net, const RelationsReport& r) {
    std::ostringstream out;
    out << "name,role,direction,polarity,scale,ties,density\n";
    for (const RelationCount& c : r.relations) {
        const Relation& rel = net.relation(c.kind);
        out << csv_field(rel.name) << ',' << to_string(rel.role) << ',' << to_string(rel.direction)
            << ',' << to_string(rel.polarity) << ',' << to_string(rel.scale) << ',' << c.ties << ','
            << shortest(c.density) << '\n';
    }
    return out.str();
}

std::string as_text(const Network& net, const RelationsReport& r, const std::string& label) {
    std::ostringstream out;
    out << "Landscape: " << label << '\n' << "Relations (" << r.relations.size() << "):\n";
    for (const RelationCount& c : r.relations) {
        const Relation& rel = net.relation(c.kind);
        out << "  " << std::left << std::setw(16) << rel.name << std::setw(14) << to_string(rel.role)
            << std::setw(9) << to_string(rel.direction) << std::setw(9) << to_string(rel.polarity)
            << std::setw(7) << to_string(rel.scale) << std::right << std::setw(7) << c.ties
            << " ties, density " << std::fixed << std::setprecision(3) << c.density << '\n';
    }
    bool any = false;
    for (const RelationOverlap& o : r.overlap) {
        if (o.both == 0) continue;
        if (!any) out << "Overlap (pairs tied by both):\n";
        any = true;
        out << "  " << net.relation(o.a).name << " & " << net.relation(o.b).name << ": " << o.both
            << " pairs, Jaccard " << std::setprecision(2) << o.jaccard << " ("
            << std::setprecision(0) << 100 * o.a_in_b << " % of " << net.relation(o.a).name
            << ", " << 100 * o.b_in_a << " % of " << net.relation(o.b).name << ")\n";
    }
    out << "Pairs tied by 1, 2, … relations:";
    for (std::size_t k = 1; k < r.multiplexity.size(); ++k) out << ' ' << r.multiplexity[k];
    out << '\n';
    for (const Alignment& a : r.alignment) {
        if (a.authority_ties == 0) continue;
        out << "Do people listen to those who can direct them? Of " << a.authority_ties << ' '
            << net.relation(a.authority).name << " ties, " << a.aligned << " ("
            << std::setprecision(0) << 100 * a.share << " %) are " << net.relation(a.influence).name
            << " ties too.\n";
    }
    return out.str();
}

} // namespace

void add_relations_command(CLI::App& app, Runner& run) {
    auto input = std::make_shared<InputOptions>();
    CLI::App* cmd = app.add_subcommand(
        "relations", "The relations of a landscape: ties and density of each, their overlap,\n"
                     "how many relations tie each pair, and whether influence follows authority.");
    add_input_options(*cmd, *input);
    cmd->callback([input, &run] {
        run = [input] {
            std::string label;
            const Network net = load_input(*input, label);
            ProgressBar bar("relations");
            const RelationsReport r = relations_report(net, bar.callback());
            bar.end_line();
            switch (input->format()) {
            case Format::json: return as_json(net, r);
            case Format::csv: return as_csv(net, r);
            case Format::text: break;
            }
            return as_text(net, r, label);
        };
    });
}

} // namespace copnet::cli
