#include "terminal.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>

#include "cchc/report/style.hpp"

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
    return report::k_default_width;
  }
  winsize size{};
  if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) != 0 || size.ws_col == 0) {
    return report::k_default_width;
  }
  // Very narrow terminals would wrap every word; very wide ones make long
  // lines hard to follow.
  return std::clamp<std::size_t>(size.ws_col, 60, 160);
}

}  // namespace cchc::cli
