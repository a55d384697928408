#pragma once

#include <string>
#include <string_view>

namespace cchc {

// The language of everything cchc writes for people: reports, rule
// descriptions, diagnostics. Vietnamese is the default.
enum class Lang { vi, en };

// Picks the Vietnamese or the English spelling of one message.
constexpr std::string_view tr(Lang lang, std::string_view vi, std::string_view en) {
  return lang == Lang::vi ? vi : en;
}

// tr() as a string, to build a longer message on:
// words(lang, "hạng ", "rank ") + std::to_string(rank).
inline std::string words(Lang lang, std::string_view vi, std::string_view en) {
  return std::string(tr(lang, vi, en));
}

}  // namespace cchc
