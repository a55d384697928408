#pragma once

#include <string_view>

namespace cchc {

// The tool's version, e.g. "0.1.0".
std::string_view version();

}  // namespace cchc
