#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace cchc {

__extension__ using int128 = __int128;

// Thrown when exact arithmetic would leave the range of Decimal; the loaders
// turn it into a diagnostic ("number too large").
class DecimalOverflow : public std::overflow_error {
 public:
  DecimalOverflow() : std::overflow_error("decimal overflow") {}
};

// Why a text is not a decimal; used by loaders to write a helpful message.
enum class DecimalSyntax {
  ok,
  empty,
  not_a_number,       // "một", "abc"
  decimal_comma,      // "0,5": written with a Vietnamese decimal comma
  exponent,           // "1e3"
  too_many_decimals,  // more than Decimal::k_max_decimals digits after the point
  too_large,          // more than Decimal::k_max_integer_digits digits before it
};

// An exact decimal number: an integer count of 10^-9. Scores never pass
// through binary floating point; they are parsed from the text as written
// and rounded half up (away from zero) only where SPEC §2 says so.
class Decimal {
 public:
  static constexpr int k_max_decimals = 9;
  static constexpr int k_max_integer_digits = 12;

  constexpr Decimal() = default;
  constexpr Decimal(int value) : m_units(int128{value} * k_one) {}  // NOLINT(google-explicit-constructor)

  // Parses `12`, `-0.5`, `+3`, `.5`, `1.005`. Plain digits only: no
  // exponent, no thousands separator, no decimal comma.
  static std::optional<Decimal> parse(std::string_view text);
  // Like parse(), but says why the text was refused.
  static DecimalSyntax check(std::string_view text);

  // The exact value as text with exactly `decimals` digits after `point`;
  // the value must already be a multiple of 10^-decimals (asserted).
  std::string to_string(int decimals, char point = '.') const;
  // The shortest exact text: `89.729`, `100`, `0.5`.
  std::string to_string() const;

  // Rounds half up (away from zero) to `decimals` digits after the point.
  Decimal rounded(int decimals) const;
  // The number of digits after the point in the shortest exact text.
  int decimals() const;
  bool is_integer() const { return m_units % k_one == 0; }
  // The integer value; asserts is_integer().
  std::int64_t to_int() const;

  Decimal operator-() const;
  Decimal operator+(const Decimal& other) const;
  Decimal operator-(const Decimal& other) const;
  Decimal& operator+=(const Decimal& other) { return *this = *this + other; }
  Decimal& operator-=(const Decimal& other) { return *this = *this - other; }
  // Exact product (throws DecimalOverflow when out of range).
  Decimal operator*(const Decimal& other) const;

  friend bool operator==(const Decimal& a, const Decimal& b) = default;
  friend std::strong_ordering operator<=>(const Decimal& a, const Decimal& b) { return a.m_units <=> b.m_units; }

  // a × b / c, computed exactly and rounded half up to `decimals` digits.
  // Throws DecimalOverflow when out of range; c must not be zero (asserted).
  static Decimal mul_div(const Decimal& a, const Decimal& b, const Decimal& c, int decimals);

 private:
  static constexpr int128 k_one = 1'000'000'000;
  int128 m_units = 0;
};

inline Decimal min(const Decimal& a, const Decimal& b) {
  return b < a ? b : a;
}
inline Decimal max(const Decimal& a, const Decimal& b) {
  return a < b ? b : a;
}

}  // namespace cchc
