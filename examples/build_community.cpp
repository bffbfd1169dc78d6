// A tiny Community of Practice built in code (illustrative, invented data).
// Build: part of the project (COPNET_BUILD_EXAMPLES); run: ./build/examples/build_community
#include <iostream>

#include <copnet/copnet.hpp>

int main() {
    using namespace copnet;
    Network net;
    const auto director = net.add_stakeholder({.id = "sa-01", .name = "State director",
                                               .sector = "state agencies and councils",
                                               .level = Level::state,
                                               .perspective = Perspective::decisionmaker});
    const auto teacher = net.add_stakeholder({.id = "sch-01", .name = "Transition teacher",
                                              .sector = "local schools and agency services",
                                              .level = Level::local,
                                              .perspective = Perspective::practitioner});
    const auto parent = net.add_stakeholder({.id = "fam-01", .name = "Parent leader",
                                             .sector = "families", .level = Level::local,
                                             .perspective = Perspective::consumer,
                                             .stance = Stance::skeptic});
    net.add_tie(director, teacher, TieKind::authority);           // the director can direct
    net.add_tie(parent, teacher, TieKind::influence, 0.8);        // the teacher listens
    net.add_tie(parent, director, TieKind::collaboration, 0.5);   // they work together

    Community& cop = net.add_community("transition", "employment after school");
    cop.set_circle(director, Circle::core);
    cop.set_circle(teacher, Circle::inner);

    // Who does the parent leader reach in one step, following every kind of tie outwards?
    for (StakeholderId who : net.neighbours(parent))
        std::cout << net.stakeholder(who).name << " (" << to_string(cop.circle(who)) << ")\n";
    const Summary s = summarize(net, &cop);
    std::cout << s.stakeholders << " stakeholders, " << s.ties << " ties, "
              << cop.member_count() << " members\n";
}
