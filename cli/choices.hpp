#pragma once

#include <cctype>
#include <map>
#include <string>

#include <CLI/CLI.hpp>

namespace cchc::cli {

// A CLI11 transformer that accepts one of the names in `choices` (any case)
// and stores the matching enum value; anything else is a usage error that
// lists the choices: `--format: expected one of csv, json, md, text; found "pdf"`.
template <typename Enum>
CLI::Validator one_of(const std::map<std::string, Enum>& choices) {
  std::string names;
  for (const auto& [name, value] : choices) {
    names += (names.empty() ? "" : "|") + name;
  }
  return CLI::Validator(
      [choices](std::string& input) -> std::string {
        std::string key = input;
        for (char& c : key) {
          c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
        const auto found = choices.find(key);
        if (found == choices.end()) {
          std::string list;
          for (const auto& [name, value] : choices) {
            list += (list.empty() ? "" : ", ") + name;
          }
          return "expected one of " + list + "; found \"" + input + "\"";
        }
        input = std::to_string(static_cast<int>(found->second));
        return {};
      },
      names);
}

}  // namespace cchc::cli
