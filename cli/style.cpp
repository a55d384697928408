#include "style.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>

namespace cchc::cli {

bool use_color(ColorMode mode, bool to_file) {
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && no_color[0] != '\0') {
    return false;
  }
  switch (mode) {
    case ColorMode::always:
      return true;
    case ColorMode::never:
      return false;
    case ColorMode::automatic:
      break;
  }
  return !to_file && isatty(STDOUT_FILENO) == 1;
}

std::size_t output_width(bool to_file) {
  if (to_file || isatty(STDOUT_FILENO) != 1) {
    return k_default_width;
  }
  winsize size{};
  if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) != 0 || size.ws_col == 0) {
    return k_default_width;
  }
  // Very narrow terminals would wrap every word; very wide ones make long
  // lines hard to follow.
  return std::clamp<std::size_t>(size.ws_col, 60, 160);
}

std::string Style::apply(Tone tone, std::string_view text) const {
  if (!m_color || tone == Tone::plain || text.empty()) {
    return std::string(text);
  }
  std::string_view code;
  switch (tone) {
    case Tone::bold:
      code = "\x1b[1m";
      break;
    case Tone::red:
      code = "\x1b[31m";
      break;
    case Tone::yellow:
      code = "\x1b[33m";
      break;
    case Tone::green:
      code = "\x1b[32m";
      break;
    case Tone::plain:
      break;
  }
  std::string out;
  out.reserve(code.size() + text.size() + 4);
  out += code;
  out += text;
  out += "\x1b[0m";
  return out;
}

}  // namespace cchc::cli
