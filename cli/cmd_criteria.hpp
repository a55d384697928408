#pragma once

#include <string>

#include <CLI/CLI.hpp>

#include "global_options.hpp"

namespace cchc::cli {

// `cchc criteria show ID [NODE]`
struct CriteriaShowArgs {
  std::string id;    // an id or a path
  std::string node;  // "" for the whole set
};

struct CriteriaCommands {
  CLI::App* list = nullptr;
  CLI::App* show = nullptr;
};

// Declares `criteria list` and `criteria show`; parsing fills `args`.
CriteriaCommands add_criteria_commands(CLI::App& app, CriteriaShowArgs& args, Lang lang);

// `cchc criteria list`: the sets the tool knows.
int run_criteria_list(const GlobalOptions& global);
// `cchc criteria show`: one set, or one node of it, as a tree with rules in
// words. An unknown node is an error with a "did you mean".
int run_criteria_show(const CriteriaShowArgs& args, const GlobalOptions& global);

}  // namespace cchc::cli
