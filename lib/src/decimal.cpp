#include "cchc/decimal.hpp"

#include <algorithm>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <limits>

namespace cchc {

namespace {

__extension__ using uint128 = unsigned __int128;

constexpr int128 pow10(int exponent) {
  int128 result = 1;
  for (int i = 0; i < exponent; ++i) {
    result *= 10;
  }
  return result;
}

// Every Decimal stays strictly below 10^27 units (10^18 in value) in
// magnitude: far beyond any score, yet small enough that the sum of two never
// overflows int128 and that mul_div's divisor (|c| × 10^9) fits in 120 bits.
constexpr int128 k_limit = pow10(27);

int128 checked(int128 units) {
  if (units >= k_limit || units <= -k_limit) {
    throw DecimalOverflow();
  }
  return units;
}

uint128 magnitude(int128 value) {
  return value < 0 ? 0 - static_cast<uint128>(value) : static_cast<uint128>(value);
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// The grammar accepted by Decimal::parse: an optional sign, then digits with
// an optional '.' and fraction. Both `.5` and `5.` are accepted, as in YAML
// 1.2; `.` alone is not a number. Leading zeros (`007`) and trailing zeros
// after the point (`1.0000000000`) do not count against the digit limits.
DecimalSyntax scan(std::string_view text, int128& units) {
  if (text.empty()) {
    return DecimalSyntax::empty;
  }
  std::size_t i = 0;
  const bool negative = text[0] == '-';
  if (text[0] == '-' || text[0] == '+') {
    ++i;
  }
  const std::size_t int_begin = i;
  while (i < text.size() && is_digit(text[i])) {
    ++i;
  }
  std::string_view int_digits = text.substr(int_begin, i - int_begin);
  std::string_view frac_digits;
  if (i < text.size() && text[i] == '.') {
    const std::size_t frac_begin = ++i;
    while (i < text.size() && is_digit(text[i])) {
      ++i;
    }
    frac_digits = text.substr(frac_begin, i - frac_begin);
  }
  if (int_digits.empty() && frac_digits.empty()) {
    return DecimalSyntax::not_a_number;
  }
  if (i < text.size()) {
    // `1e3`, `1.5E-2`, `.5e+1`: a number a program would accept, but not exact.
    std::size_t j = i;
    if (text[j] != 'e' && text[j] != 'E') {
      return DecimalSyntax::not_a_number;
    }
    ++j;
    if (j < text.size() && (text[j] == '-' || text[j] == '+')) {
      ++j;
    }
    if (j == text.size()) {
      return DecimalSyntax::not_a_number;
    }
    for (; j < text.size(); ++j) {
      if (!is_digit(text[j])) {
        return DecimalSyntax::not_a_number;
      }
    }
    return DecimalSyntax::exponent;
  }
  while (!int_digits.empty() && int_digits.front() == '0') {
    int_digits.remove_prefix(1);
  }
  while (!frac_digits.empty() && frac_digits.back() == '0') {
    frac_digits.remove_suffix(1);
  }
  if (int_digits.size() > static_cast<std::size_t>(Decimal::k_max_integer_digits)) {
    return DecimalSyntax::too_large;
  }
  if (frac_digits.size() > static_cast<std::size_t>(Decimal::k_max_decimals)) {
    return DecimalSyntax::too_many_decimals;
  }
  int128 value = 0;
  for (const char c : int_digits) {
    value = value * 10 + (c - '0');
  }
  for (std::size_t k = 0; k < static_cast<std::size_t>(Decimal::k_max_decimals); ++k) {
    value = value * 10 + (k < frac_digits.size() ? frac_digits[k] - '0' : 0);
  }
  units = negative ? -value : value;
  return DecimalSyntax::ok;
}

// The full syntax check: scan(), then a closer look at what it refused.
DecimalSyntax classify(std::string_view text, int128& units) {
  const DecimalSyntax syntax = scan(text, units);
  if (syntax != DecimalSyntax::not_a_number) {
    return syntax;
  }
  // `0,5`, `97,685`: a single comma where the point should be. `1,000,000`
  // and `1,5.2` are not decimal commas, just not numbers.
  if (std::count(text.begin(), text.end(), ',') == 1 && text.find('.') == std::string_view::npos) {
    std::string with_point(text);
    with_point[with_point.find(',')] = '.';
    int128 ignored = 0;
    if (scan(with_point, ignored) == DecimalSyntax::ok) {
      return DecimalSyntax::decimal_comma;
    }
  }
  return DecimalSyntax::not_a_number;
}

// 128 × 128 → 256 bits, as {high, low}.
struct Wide {
  uint128 high;
  uint128 low;
};

Wide multiply_wide(uint128 x, uint128 y) {
  constexpr uint128 k_mask = std::numeric_limits<std::uint64_t>::max();
  const uint128 x0 = x & k_mask;
  const uint128 x1 = x >> 64;
  const uint128 y0 = y & k_mask;
  const uint128 y1 = y >> 64;
  const uint128 p00 = x0 * y0;
  const uint128 p01 = x0 * y1;
  const uint128 p10 = x1 * y0;
  const uint128 p11 = x1 * y1;
  const uint128 middle = (p00 >> 64) + (p01 & k_mask) + (p10 & k_mask);
  return {p11 + (p01 >> 64) + (p10 >> 64) + (middle >> 64), (middle << 64) | (p00 & k_mask)};
}

// Divides a 256-bit number by `divisor` (below 2^126), rounding half up.
// Throws DecimalOverflow when the quotient does not fit in 128 bits.
uint128 divide_rounded(Wide dividend, uint128 divisor) {
  assert(divisor != 0 && divisor >> 126 == 0);
  if (dividend.high >= divisor) {
    throw DecimalOverflow();
  }
  uint128 remainder = dividend.high;
  uint128 quotient = 0;
  for (int bit = 127; bit >= 0; --bit) {
    remainder = (remainder << 1) | ((dividend.low >> bit) & 1);
    quotient <<= 1;
    if (remainder >= divisor) {
      remainder -= divisor;
      quotient |= 1;
    }
  }
  if (remainder >= divisor - remainder) {
    if (quotient == std::numeric_limits<uint128>::max()) {
      throw DecimalOverflow();
    }
    ++quotient;
  }
  return quotient;
}

}  // namespace

std::optional<Decimal> Decimal::parse(std::string_view text) {
  Decimal result;
  if (classify(text, result.m_units) != DecimalSyntax::ok) {
    return std::nullopt;
  }
  return result;
}

DecimalSyntax Decimal::check(std::string_view text) {
  int128 ignored = 0;
  return classify(text, ignored);
}

std::string Decimal::to_string(int decimals, char point) const {
  assert(decimals >= 0 && decimals <= k_max_decimals);
  const int128 step = pow10(k_max_decimals - decimals);
  assert(m_units % step == 0);
  uint128 value = magnitude(m_units) / static_cast<uint128>(step);
  std::string reversed;
  for (int i = 0; i < decimals; ++i) {
    reversed += static_cast<char>('0' + static_cast<int>(value % 10));
    value /= 10;
  }
  if (decimals > 0) {
    reversed += point;
  }
  do {
    reversed += static_cast<char>('0' + static_cast<int>(value % 10));
    value /= 10;
  } while (value != 0);
  if (m_units < 0) {
    reversed += '-';
  }
  return {reversed.rbegin(), reversed.rend()};
}

std::string Decimal::to_string() const {
  return to_string(decimals());
}

Decimal Decimal::rounded(int decimals) const {
  assert(decimals >= 0 && decimals <= k_max_decimals);
  const int128 step = pow10(k_max_decimals - decimals);
  int128 quotient = m_units / step;
  const int128 remainder = m_units % step;  // has the sign of m_units
  if (remainder >= step - remainder) {
    ++quotient;
  } else if (-remainder >= step + remainder) {
    --quotient;
  }
  Decimal result;
  result.m_units = checked(quotient * step);
  return result;
}

int Decimal::decimals() const {
  int128 fraction = m_units % k_one;
  if (fraction == 0) {
    return 0;
  }
  int count = k_max_decimals;
  while (fraction % 10 == 0) {
    fraction /= 10;
    --count;
  }
  return count;
}

std::int64_t Decimal::to_int() const {
  assert(is_integer());
  const int128 value = m_units / k_one;
  assert(value >= std::numeric_limits<std::int64_t>::min() && value <= std::numeric_limits<std::int64_t>::max());
  return static_cast<std::int64_t>(value);
}

Decimal Decimal::operator-() const {
  Decimal result;
  result.m_units = -m_units;
  return result;
}

Decimal Decimal::operator+(const Decimal& other) const {
  int128 sum = 0;
  if (__builtin_add_overflow(m_units, other.m_units, &sum)) {
    throw DecimalOverflow();
  }
  Decimal result;
  result.m_units = checked(sum);
  return result;
}

Decimal Decimal::operator-(const Decimal& other) const {
  int128 difference = 0;
  if (__builtin_sub_overflow(m_units, other.m_units, &difference)) {
    throw DecimalOverflow();
  }
  Decimal result;
  result.m_units = checked(difference);
  return result;
}

// Exact or nothing: a product with more than 9 decimals (0.00001 × 0.00001)
// throws DecimalOverflow ("precision overflow") instead of being truncated.
// When the raw product overflows int128 the result would be at least
// 2^127 / 10^9 units, far beyond k_limit, so throwing is right there too.
Decimal Decimal::operator*(const Decimal& other) const {
  int128 product = 0;
  if (__builtin_mul_overflow(m_units, other.m_units, &product) || product % k_one != 0) {
    throw DecimalOverflow();
  }
  Decimal result;
  result.m_units = checked(product / k_one);
  return result;
}

// In units, a × b / c is a.m_units × b.m_units / c.m_units; rounding to
// `decimals` digits divides that by one more step. The product is formed in
// 256 bits, so the result is exact whenever it is in range, however large
// the intermediate.
Decimal Decimal::mul_div(const Decimal& a, const Decimal& b, const Decimal& c, int decimals) {
  assert(c.m_units != 0);
  assert(decimals >= 0 && decimals <= k_max_decimals);
  const uint128 step = static_cast<uint128>(pow10(k_max_decimals - decimals));
  const uint128 divisor = magnitude(c.m_units) * step;
  const uint128 quotient = divide_rounded(multiply_wide(magnitude(a.m_units), magnitude(b.m_units)), divisor);
  if (quotient >= static_cast<uint128>(k_limit) / step) {
    throw DecimalOverflow();
  }
  const int128 units = static_cast<int128>(quotient * step);
  const bool negative = ((a.m_units < 0) != (b.m_units < 0)) != (c.m_units < 0);
  Decimal result;
  result.m_units = negative ? -units : units;
  return result;
}

}  // namespace cchc
