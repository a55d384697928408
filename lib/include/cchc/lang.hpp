#pragma once

#include <string_view>

namespace cchc {

// The language of everything cchc writes for people: reports, rule
// descriptions, diagnostics. Vietnamese is the default.
enum class Lang { vi, en };

// Picks the Vietnamese or the English spelling of one message.
constexpr std::string_view tr(Lang lang, std::string_view vi, std::string_view en) {
  return lang == Lang::vi ? vi : en;
}

}  // namespace cchc
