#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "global_options.hpp"
#include "output.hpp"

namespace cchc::cli {

// `cchc checklist EVIDENCE [-c CRITERIA] [--due DATE] [--peers TABLE
// [--baseline TABLE [--alias OLD=NEW]...]] [-f text|md|csv|xlsx] [-o FILE]`
struct ChecklistArgs {
  std::string evidence;
  std::string criteria;              // a path or an id; default: the file's `criteria:`
  std::string due;                   // the completion date YYYY-MM-DD (checked while parsing); "" for none
  std::string peers;                 // a results table to predict the rank among; "" for none
  std::string baseline;              // last year's results table (needs peers); "" for none
  std::vector<std::string> aliases;  // OLD=NEW: units renamed or merged since the baseline
  Format format = Format::text;
  std::string output;  // "" for stdout
};

// Declares the subcommand; parsing fills `args`.
CLI::App* add_checklist_command(CLI::App& app, ChecklistArgs& args, Lang lang);

// Scores the evidence file (reporting every problem in it and in the tables
// before giving up), predicts its rank with --peers, and writes the
// remediation checklist (Phụ lục 01): one row per criterion that lost
// points, largest loss first, then the overclaims. Returns the exit status.
int run_checklist(const ChecklistArgs& args, const GlobalOptions& global);

}  // namespace cchc::cli
