#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "global_options.hpp"
#include "output.hpp"

namespace cchc::cli {

// `cchc score EVIDENCE... [-c CRITERIA] [--peers TABLE [--baseline TABLE
// [--alias OLD=NEW]...]] [-f text|json|csv|md] [-o FILE]`
struct ScoreArgs {
  std::vector<std::string> evidence;
  std::string criteria;              // a path or an id; default: each file's `criteria:`
  std::string peers;                 // a results table to predict the rank among; "" for none
  std::string baseline;              // last year's results table (needs peers); "" for none
  std::vector<std::string> aliases;  // OLD=NEW: units renamed or merged since the baseline
  Format format = Format::text;
  std::string output;  // "" for stdout
};

// Declares the subcommand; parsing fills `args`.
CLI::App* add_score_command(CLI::App& app, ScoreArgs& args, Lang lang);

// Loads every evidence file and results table (reporting every problem in
// all of them before giving up), scores the files, predicts their ranks
// with --peers and writes the report. Returns the exit status.
int run_score(const ScoreArgs& args, const GlobalOptions& global);

}  // namespace cchc::cli
