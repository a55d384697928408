#pragma once

#include "cchc/catalog.hpp"
#include "cchc/lang.hpp"
#include "terminal.hpp"

namespace cchc::cli {

// The options that come before the command.
struct GlobalOptions {
  Lang lang = Lang::vi;
  ColorMode color = ColorMode::automatic;
};

// The criteria sets the tool knows: built in, then CCHC_CRITERIA_PATH.
CriteriaCatalog criteria_catalog(Lang lang);

}  // namespace cchc::cli
