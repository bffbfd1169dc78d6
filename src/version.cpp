#include "copnet/version.hpp"

namespace copnet {

std::string_view version() noexcept { return COPNET_VERSION; }

} // namespace copnet
