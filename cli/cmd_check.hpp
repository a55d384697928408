#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "global_options.hpp"

namespace cchc::cli {

// The output formats of `cchc check -f`.
enum class CheckFormat { text, json, junit, github };

// `cchc check PATH... [-c CRITERIA] [--min-index X] [--baseline TABLE
// --max-drop X] [--strict] [-f text|json|junit|github] [-o FILE]`
struct CheckArgs {
  // Files and folders (searched recursively for .yaml, .yml and .csv).
  std::vector<std::string> paths;
  std::string criteria;   // -c: an id or a path for every evidence file; "" for each file's `criteria:`
  std::string min_index;  // an exact decimal in [0, 100], checked while parsing; "" for none
  std::string baseline;   // a results table (with max_drop); "" for none
  std::string max_drop;   // an exact decimal ≥ 0, checked while parsing; "" for none
  bool strict = false;    // warnings fail the check
  CheckFormat format = CheckFormat::text;
  std::string output;  // "" for stdout
};

// Declares the subcommand; parsing fills `args`. --min-index and --max-drop
// must be plain decimals (a decimal comma is refused with the spelling to
// use); --baseline and --max-drop need each other.
CLI::App* add_check_command(CLI::App& app, CheckArgs& args, Lang lang);

// Checks every file (cchc::run_check, with CCHC_CRITERIA_PATH from the
// environment) and writes the report in the chosen format, whatever the
// outcome, so that CI keeps it. In text format the notes about skipped files
// go to stderr. Returns the report's exit status: 0 all good, 1 a gate
// failed, 2 an invalid file. Throws std::runtime_error when the report cannot
// be written (or -o names a checked file).
int run_check(const CheckArgs& args, const GlobalOptions& global);

}  // namespace cchc::cli
