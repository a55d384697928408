#pragma once

// Option declarators shared by the commands: the same option is declared,
// described and validated the same way everywhere.

#include <map>
#include <string>
#include <string_view>

#include <CLI/CLI.hpp>

#include "cchc/lang.hpp"
#include "choices.hpp"
#include "output.hpp"

namespace cchc::cli {

// Whose `criteria:` is used when -c is not given: a command that reads
// several evidence files (each file's) or one (the file's).
enum class CriteriaDefault { each_file, the_file };

// -c,--criteria ID|PATH.
CLI::Option* add_criteria_option(CLI::App* command, std::string& criteria, CriteriaDefault fallback, Lang lang);

// -o,--output FILE: written atomically (SPEC §4), "" for stdout.
CLI::Option* add_output_option(CLI::App* command, std::string& output, Lang lang);

// -f,--format NAME among `formats` (any case), described by `vi` / `en`;
// the placeholder lists the names in the order `names` gives them.
template <typename Enum>
CLI::Option* add_format_option(CLI::App* command, Enum& format, const std::map<std::string, Enum>& formats,
                               std::string_view names, std::string_view vi, std::string_view en, Lang lang) {
  return command->add_option("-f,--format", format, std::string(tr(lang, vi, en)))
      ->transform(one_of(formats))
      ->option_text(std::string(names));
}

// `-f text|json|md` (text by default) and `-o FILE`, as the commands that
// write one report in those formats (plan, diff) take them.
void add_report_options(CLI::App* command, Format& format, std::string& output, Lang lang);

}  // namespace cchc::cli
