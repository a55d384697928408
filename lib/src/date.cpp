#include "cchc/date.hpp"

#include <cstddef>

namespace cchc {

namespace {

// Dates outside these years are typing mistakes (`0223`, `20233`), not
// documents of an administrative-reform year.
constexpr int k_min_year = 1900;
constexpr int k_max_year = 2999;

bool is_leap_year(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
  switch (month) {
    case 2:
      return is_leap_year(year) ? 29 : 28;
    case 4:
    case 6:
    case 9:
    case 11:
      return 30;
    default:
      return 31;
  }
}

std::optional<Date> make_date(int year, int month, int day) {
  if (year < k_min_year || year > k_max_year || month < 1 || month > 12 || day < 1 ||
      day > days_in_month(year, month)) {
    return std::nullopt;
  }
  return Date{year, month, day};
}

// Reads 1 to `max_digits` ASCII digits at the start of `text` into `value`
// and removes them; false when there is no digit.
bool take_number(std::string_view& text, std::size_t max_digits, int& value) {
  std::size_t count = 0;
  value = 0;
  while (count < text.size() && count < max_digits && text[count] >= '0' && text[count] <= '9') {
    value = value * 10 + (text[count] - '0');
    ++count;
  }
  text.remove_prefix(count);
  return count > 0;
}

std::string padded(int value, std::size_t width) {
  std::string digits = std::to_string(value);
  if (digits.size() < width) {
    digits.insert(0, width - digits.size(), '0');
  }
  return digits;
}

}  // namespace

std::optional<Date> Date::parse_iso(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
    return std::nullopt;
  }
  int year = 0;
  int month = 0;
  int day = 0;
  std::string_view year_text = text.substr(0, 4);
  std::string_view month_text = text.substr(5, 2);
  std::string_view day_text = text.substr(8, 2);
  if (!take_number(year_text, 4, year) || !year_text.empty() || !take_number(month_text, 2, month) ||
      !month_text.empty() || !take_number(day_text, 2, day) || !day_text.empty()) {
    return std::nullopt;
  }
  return make_date(year, month, day);
}

// D/M/YYYY or DD/MM/YYYY (day and month of one or two digits), with `/`, `-`
// or `.` between the parts, the same separator twice.
std::optional<Date> Date::parse_vietnamese(std::string_view text) {
  int day = 0;
  int month = 0;
  int year = 0;
  if (!take_number(text, 2, day) || text.empty()) {
    return std::nullopt;
  }
  const char separator = text[0];
  if (separator != '/' && separator != '-' && separator != '.') {
    return std::nullopt;
  }
  text.remove_prefix(1);
  if (!take_number(text, 2, month) || text.empty() || text[0] != separator) {
    return std::nullopt;
  }
  text.remove_prefix(1);
  const std::size_t year_digits = text.size();
  if (!take_number(text, 4, year) || year_digits != 4 || !text.empty()) {
    return std::nullopt;
  }
  return make_date(year, month, day);
}

std::string Date::iso() const {
  return padded(year, 4) + '-' + padded(month, 2) + '-' + padded(day, 2);
}

std::string Date::vietnamese() const {
  return padded(day, 2) + '/' + padded(month, 2) + '/' + padded(year, 4);
}

}  // namespace cchc
