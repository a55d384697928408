#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "cchc/decimal.hpp"

namespace cchc::report {

// What a CSV file starts with: the UTF-8 byte order mark, without which a
// spreadsheet reads the file in the computer's legacy code page.
inline constexpr std::string_view k_csv_bom = "\xEF\xBB\xBF";

// One CSV field: quoted when it holds `,` `"` CR or LF; a text field that
// starts like a formula (`=` `+` `-` `@` TAB CR) gets a leading `'`.
// Invalid UTF-8, control characters but TAB and LF, and invisible characters
// (bidi controls, zero-width characters) become U+FFFD.
std::string csv_text(std::string_view text);

// A number: `precision` decimals with a point (exact when the value has more
// decimals), never neutralised, so a spreadsheet still reads it as a number.
std::string csv_number(const Decimal& value, int precision);

// A number, or an empty field when there is none.
std::string csv_optional(const std::optional<Decimal>& value, int precision);

}  // namespace cchc::report
