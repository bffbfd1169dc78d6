#include <iostream>

#include <copnet/copnet.hpp>

int main() {
    copnet::Network net;
    copnet::parse_csv(net, "id,circle\nlead,core\npeer,outer\n",
                      "source,target,kind\nlead,peer,influence\n");
    const auto s = copnet::summarize(net, net.find_community("community"));
    std::cout << s.stakeholders << " stakeholders, " << s.ties << " ties\n";
}
