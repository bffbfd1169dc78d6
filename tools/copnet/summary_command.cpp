#include <memory>
#include <sstream>
#include <vector>

#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "copnet/summary.hpp"
#include "input.hpp"
#include "output.hpp"

namespace copnet::cli {
namespace {

// The relations a summary lists: the built-in three always, then every other that has ties
// (the rest are in `copnet relations`).
std::vector<std::size_t> listed(const Summary& s) {
    std::vector<std::size_t> out;
    for (std::size_t k = 0; k < s.ties_by_relation.size(); ++k)
        if (k < tie_kind_count || s.ties_by_relation[k] > 0) out.push_back(k);
    return out;
}
constexpr std::array<Circle, 4> circles{Circle::core, Circle::inner, Circle::outer, Circle::none};

std::string as_csv(const Network& net, const Summary& s) {
    std::ostringstream out;
    out << "measure,count\n" << "stakeholders," << s.stakeholders << '\n';
    for (const std::size_t k : listed(s))
        out << csv_field("ties." + net.relations()[k].name) << ',' << s.ties_by_relation[k]
            << '\n';
    for (Circle c : circles)
        out << "circles." << to_string(c) << ',' << s.circles[static_cast<std::size_t>(c)]
            << '\n';
    return out.str();
}

std::string as_text(const Network& net, const Summary& s, const std::string& label) {
    std::ostringstream out;
    out << "Landscape: " << label << '\n'
        << "  stakeholders  " << s.stakeholders << '\n'
        << "  ties          " << s.ties << " (";
    const std::vector<std::size_t> relations = listed(s);
    for (std::size_t i = 0; i < relations.size(); ++i)
        out << (i ? ", " : "") << net.relations()[relations[i]].name << ' '
            << s.ties_by_relation[relations[i]];
    out << ")\n  levels        local " << s.levels[0] << ", state " << s.levels[1]
        << ", national " << s.levels[2] << ", unknown " << s.levels[3] << '\n'
        << "  stances       ally " << s.stances[0] << ", neutral " << s.stances[1]
        << ", skeptic " << s.stances[2] << '\n';
    if (s.community.empty()) {
        out << "Community: none (the nodes have no circle column)\n";
    } else {
        out << "Community \"" << s.community << "\"\n";
        for (Circle c : circles) {
            const std::string name =
                c == Circle::none ? std::string("not members") : std::string(to_string(c));
            out << "  " << name << std::string(14 - name.size(), ' ')
                << s.circles[static_cast<std::size_t>(c)] << '\n';
        }
    }
    for (const MergedSpellings& m : s.merged_spellings) {
        out << "Note: " << m.facet << ": ";
        for (std::size_t i = 0; i < m.spellings.size(); ++i)
            out << (i == 0 ? "" : i + 1 == m.spellings.size() ? " and " : ", ") << '\'' << m.spellings[i] << '\'';
        out << " read as one\n";
    }
    return out.str();
}

} // namespace

void add_summary_command(CLI::App& app, Runner& run) {
    auto options = std::make_shared<InputOptions>();
    CLI::App* cmd = app.add_subcommand(
        "summary", "Stakeholders, ties by kind and members by circle of a landscape.\n"
                   "With no --nodes/--ties: the bundled example community.");
    add_input_options(*cmd, *options);
    cmd->callback([options, &run] {
        run = [options] {
            std::string label;
            const Network net = load_input(*options, label);
            const Summary s = summarize(net, net.find_community(options->community));
            switch (options->format()) {
            case Format::json: return as_json(net, s);
            case Format::csv: return as_csv(net, s);
            case Format::text: break;
            }
            return as_text(net, s, label);
        };
    });
}

} // namespace copnet::cli
