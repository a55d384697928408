#pragma once

#include <string>

#include "cchc/criteria.hpp"

namespace cchc {

// Formats a decimal for people: at `decimals` digits, with the decimal comma
// in Vietnamese ("97,685") and the point in English ("97.685").
std::string format_number(const Decimal& value, int decimals, Lang lang);
// Like format_number() without trailing zeros ("0,5", "1", "0,25").
std::string format_number_short(const Decimal& value, Lang lang);
// A number of points in words: "0,5 điểm", "1 point", "0.5 points".
std::string format_points(const Decimal& value, Lang lang);

// The rule of a leaf in words, e.g. "Có: 1 điểm; không: 0 điểm" or
// "on or before 15/01/2021: 1 point; later: 0.5; not done: 0".
std::string describe_rule(const Node& leaf, Lang lang);
// What a leaf's evidence `value` should be, for templates:
// "true hoặc false", "một ngày YYYY-MM-DD hoặc false", ...
std::string describe_value(const Node& leaf, Lang lang);

std::string method_text(Method method, Lang lang);
std::string na_policy_code(NaPolicy policy);

}  // namespace cchc
