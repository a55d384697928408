#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "global_options.hpp"
#include "output.hpp"

namespace cchc::cli {

// `cchc diff OLD NEW [-c CRITERIA] [--peers NEW_TABLE --baseline OLD_TABLE [--alias
// OLD=NEW]...] [-f text|json|md] [-o FILE]`
struct DiffArgs {
  std::string old_evidence;
  std::string new_evidence;
  std::string criteria;  // -c: both files under this set; default: each file's own `criteria:`
  std::string peers;
  std::string baseline;
  std::vector<std::string> aliases;
  Format format = Format::text;
  std::string output;
};

// Declares the subcommand; parsing fills `args`.
CLI::App* add_diff_command(CLI::App& app, DiffArgs& args, Lang lang);

// Scores both files, each under its own criteria, and writes what changed.
int run_diff(const DiffArgs& args, const GlobalOptions& global);

}  // namespace cchc::cli
