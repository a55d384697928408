#pragma once

// The fixed criteria sets evidence is fuzzed against, loaded once: the test
// fixture with every rule type, a profile, bonus and penalty (t-2023), the
// small test set (small-2023) and the built-in sets. An evidence input is
// checked against the set its `criteria:` names, or t-2023.

#include <string_view>

#include "cchc/criteria.hpp"
#include "cchc/input_file.hpp"

namespace cchc::fuzz {

// The set for an evidence file that names `id`, or the fixture.
const Criteria& criteria_for(std::string_view id);

// The set that scores `file`, chosen by its `criteria:` value.
inline const Criteria& criteria_for(const InputFile& file) {
  return criteria_for(file.top_scalar("criteria"));
}

}  // namespace cchc::fuzz
