#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "global_options.hpp"
#include "output.hpp"

namespace cchc::cli {

// `cchc score EVIDENCE... [-c CRITERIA] [-f text|json|csv|md] [-o FILE]`
struct ScoreArgs {
  std::vector<std::string> evidence;
  std::string criteria;  // a path or an id; default: each file's `criteria:`
  Format format = Format::text;
  std::string output;  // "" for stdout
};

// Declares the subcommand; parsing fills `args`.
CLI::App* add_score_command(CLI::App& app, ScoreArgs& args, Lang lang);

// Loads every evidence file (reporting every problem in all of them before
// giving up), scores them and writes the report. Returns the exit status.
int run_score(const ScoreArgs& args, const GlobalOptions& global);

}  // namespace cchc::cli
