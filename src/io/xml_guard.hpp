#pragma once
// What copnet checks on an XML document's raw text before libxml2 parses it (GraphML, GEXF):
// an encoding whose markup the check can read, and at most 1024 attributes per start tag
// (libxml2 checks duplicate attributes pairwise). Defined in graphml.cpp.

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace copnet::detail {

/// Calls `fail(line, field, message)` (which throws) for what the check refuses. Linear.
void check_xml_text(std::string_view text,
                    const std::function<void(std::size_t, const std::string&, const std::string&)>& fail);

} // namespace copnet::detail
