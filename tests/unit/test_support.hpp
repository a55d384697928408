#pragma once

// Helpers shared by the unit tests: load from strings, collect diagnostics.

#include <string>
#include <string_view>
#include <vector>

#include "cchc/criteria.hpp"
#include "cchc/diagnostic.hpp"
#include "cchc/evidence.hpp"

namespace cchc::test {

// The formatted diagnostics a failing call throws, one per line; "" when it
// does not throw.
template <typename Call>
std::string diagnostics_of(Call call) {
  try {
    call();
  } catch (const InputError& error) {
    std::string out;
    for (const Diagnostic& diagnostic : error.diagnostics()) {
      out += format_diagnostic(diagnostic) + "\n";
    }
    return out;
  }
  return "";
}

inline std::string criteria_errors(std::string_view text, Lang lang = Lang::en) {
  return diagnostics_of([&] { parse_criteria(text, "c.yaml", lang); });
}

inline std::string warnings_text(const std::vector<Diagnostic>& warnings) {
  std::string out;
  for (const Diagnostic& diagnostic : warnings) {
    out += format_diagnostic(diagnostic) + "\n";
  }
  return out;
}

}  // namespace cchc::test
