#pragma once

#include <string_view>

namespace cchc {

// The tool's version, e.g. "0.1.0".
std::string_view version();
// The git commit it was built from, e.g. "1a2b3c4d5e6f" ("-dirty" appended
// when the working tree had changes), or "unknown" outside a git checkout.
std::string_view revision();

}  // namespace cchc
