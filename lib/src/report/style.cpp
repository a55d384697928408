#include "cchc/report/style.hpp"

namespace cchc::report {

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

}  // namespace cchc::report
