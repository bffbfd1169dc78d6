#pragma once
/// \file
/// copnet's version: one number for the library, its CMake and pkg-config packages, the CLI's
/// `--version` and Python's `copnet.__version__` (CMakeLists.txt's `project(VERSION …)`).
#include <string_view>

namespace copnet {

/// The version of this copnet, "MAJOR.MINOR.PATCH". Cost: O(1). Throws nothing.
[[nodiscard]] std::string_view version() noexcept;

} // namespace copnet
