#pragma once

#include <string>

#include <CLI/CLI.hpp>

#include "global_options.hpp"
#include "output.hpp"

namespace cchc::cli {

// `cchc plan EVIDENCE (--target-index X | --target-grade G | --target-rank K
// --peers TABLE) [-c CRITERIA] [-f text|json|md] [-o FILE]`
struct PlanArgs {
  std::string evidence;
  std::string criteria;  // a path or an id; default: the file's `criteria:`
  std::string target_index;
  std::string target_grade;
  int target_rank = 0;
  std::string peers;  // a results table: needed for --target-rank, gives every step a rank
  Format format = Format::text;
  std::string output;  // "" for stdout
};

// Declares the subcommand; parsing fills `args`.
CLI::App* add_plan_command(CLI::App& app, PlanArgs& args, Lang lang);

// Scores the evidence, then finds the deducted criteria to fix with the least
// total effort that reach the target. Exit 0 when the target is reached (or
// already was), 1 when even every fix falls short, 2 on bad input.
int run_plan(const PlanArgs& args, const GlobalOptions& global);

}  // namespace cchc::cli
