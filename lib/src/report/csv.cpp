#include "cchc/report/csv.hpp"

#include "cchc/text.hpp"

namespace cchc::report {

namespace {

std::string quoted(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
    return std::string(text);
  }
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"') {
      out += '"';
    }
    out += c;
  }
  out += '"';
  return out;
}

}  // namespace

std::string csv_text(std::string_view raw) {
  const std::string visible = visible_text(raw);
  const std::string_view text = visible;
  if (!text.empty() &&
      (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' || text[0] == '\t' || text[0] == '\r')) {
    return quoted(std::string("'").append(text));
  }
  return quoted(text);
}

std::string csv_number(const Decimal& value, int precision) {
  return value.to_string(value.decimals() > precision ? value.decimals() : precision);
}

std::string csv_optional(const std::optional<Decimal>& value, int precision) {
  return value ? csv_number(*value, precision) : std::string();
}

}  // namespace cchc::report
