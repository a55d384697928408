#pragma once

#include <string>

#include <CLI/CLI.hpp>

#include "global_options.hpp"

namespace cchc::cli {

// `cchc init -c CRITERIA --unit ID --name NAME [--year Y] [-o FILE] [--force]`
struct InitArgs {
  std::string criteria;
  std::string unit_id;
  std::string unit_name;
  int year = 0;  // 0: the criteria's year
  std::string output;
  bool force = false;  // overwrite an existing file
};

// Declares the subcommand; parsing fills `args`.
CLI::App* add_init_command(CLI::App& app, InitArgs& args, Lang lang);

// Writes an evidence template for the unit. Returns the exit status.
int run_init(const InitArgs& args, const GlobalOptions& global);

}  // namespace cchc::cli
