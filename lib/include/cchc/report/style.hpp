#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace cchc::report {

// What a piece of text means on screen; Style turns it into emphasis.
enum class Tone { plain, bold, red, yellow, green };

// The width text reports are laid out in when the caller knows no better.
inline constexpr std::size_t k_default_width = 100;

// Emphasis for text reports: ANSI SGR codes around a text when `color` is
// on, the text alone otherwise. Whether the output wants colour is the
// caller's decision (the command line's --color).
class Style {
 public:
  explicit Style(bool color = false) : m_color(color) {}

  bool color() const { return m_color; }
  std::string apply(Tone tone, std::string_view text) const;
  std::string bold(std::string_view text) const { return apply(Tone::bold, text); }

 private:
  bool m_color;
};

}  // namespace cchc::report
