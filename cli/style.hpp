#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace cchc::cli {

// When to colour the output (`--color`).
enum class ColorMode { automatic, always, never };

// What a piece of text means on screen; Style turns it into colour.
enum class Tone { plain, bold, red, yellow, green };

// Decides whether stdout gets colour: `always`, or `automatic` when stdout is
// a terminal and the output is not going to a file (-o); never when the
// NO_COLOR environment variable is set and not empty.
bool use_color(ColorMode mode, bool to_file);

// The number of columns reports are laid out in: the terminal's width when
// stdout is a terminal (and not -o), otherwise k_default_width.
inline constexpr std::size_t k_default_width = 100;
std::size_t output_width(bool to_file);

// Wraps text in ANSI escape codes when colour is on.
class Style {
 public:
  explicit Style(bool color = false) : m_color(color) {}

  bool color() const { return m_color; }
  std::string apply(Tone tone, std::string_view text) const;
  std::string bold(std::string_view text) const { return apply(Tone::bold, text); }

 private:
  bool m_color;
};

}  // namespace cchc::cli
