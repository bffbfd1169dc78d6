#pragma once
// The report page's template, style and script (src/io/report/), built into the library by
// cmake/embed_report.cmake as byte arrays (report_assets.cpp in the build tree).

#include <string_view>

namespace copnet::detail {

extern const std::string_view report_template;  ///< report.html, with its four markers
extern const std::string_view report_style;     ///< report.css
extern const std::string_view report_script;    ///< report.js

} // namespace copnet::detail
