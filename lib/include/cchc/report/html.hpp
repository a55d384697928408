#pragma once

#include <string>
#include <string_view>

namespace cchc::report {

// Text safe in HTML, in an element or an attribute value in double or single
// quotes: & < > " ' escaped, CR dropped, other control characters (which HTML
// does not allow) written as spaces. LF is kept; elements that show it
// (white-space: pre-line) do so. Invalid UTF-8 and invisible characters
// (bidi controls, zero-width characters) become U+FFFD.
std::string html(std::string_view text);

}  // namespace cchc::report
