#pragma once

// Messages in the user's language, for the library's diagnostics and details.

#include <string>
#include <string_view>

#include <fmt/format.h>

#include "cchc/lang.hpp"

namespace cchc::detail {

// Formats the Vietnamese or the English spelling of a message with `args`.
// The two spellings may use the arguments in different orders ({0}, {1}).
template <typename... Args>
std::string say(Lang lang, std::string_view vi, std::string_view en, const Args&... args) {
  return fmt::format(fmt::runtime(tr(lang, vi, en)), args...);
}

}  // namespace cchc::detail
