#pragma once

#include <set>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cchc/results.hpp"
#include "global_options.hpp"
#include "output.hpp"

namespace cchc::cli {

// `cchc rank INPUT... [--baseline TABLE] [--alias OLD=NEW]... [-c CRITERIA]
// [-f text|json|csv|md|xlsx] [-o FILE] [--jobs N]`
struct RankArgs {
  // Evidence files, folders of them (searched recursively for .yaml/.yml)
  // and results tables (.csv, or YAML tagged results/1), in any mix.
  std::vector<std::string> inputs;
  std::string baseline;              // last year's results table; "" for none
  std::vector<std::string> aliases;  // OLD=NEW: units renamed or merged since the baseline
  std::string criteria;              // a path or an id; default: each file's `criteria:`
  Format format = Format::text;
  std::string output;  // "" for stdout
  unsigned jobs = 0;   // files scored at once; 0: one per core
};

// Declares the subcommand; parsing fills `args`.
CLI::App* add_rank_command(CLI::App& app, RankArgs& args, Lang lang);

// Scores the evidence files, adds the units of the results tables, ranks
// them all (with the change since --baseline) and writes the ranking.
// Returns the exit status.
int run_rank(const RankArgs& args, const GlobalOptions& global);

// Declares --peers (when `peers` is not null), --baseline and --alias on a
// command: --baseline needs --peers when there is one, --alias needs
// --baseline.
void add_rank_table_options(CLI::App* command, std::string* peers, std::string& baseline,
                            std::vector<std::string>& aliases, Lang lang);

}  // namespace cchc::cli
