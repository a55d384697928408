#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace cchc {

// A calendar date (proleptic Gregorian), as written in evidence and criteria.
struct Date {
  int year = 0;
  int month = 0;
  int day = 0;

  // Parses an ISO date `2024-12-31` (the only spelling accepted in files).
  static std::optional<Date> parse_iso(std::string_view text);
  // Recognises a date typed the Vietnamese way, `31/12/2024`, `31-12-2024` or
  // `31.12.2024`, so that an error can suggest the ISO spelling.
  static std::optional<Date> parse_vietnamese(std::string_view text);

  std::string iso() const;         // 2024-12-31
  std::string vietnamese() const;  // 31/12/2024

  friend auto operator<=>(const Date&, const Date&) = default;
};

}  // namespace cchc
