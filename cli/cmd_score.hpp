#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>

#include "cchc/catalog.hpp"
#include "cchc/diagnostic.hpp"
#include "cchc/evidence.hpp"
#include "cchc/ranking.hpp"
#include "cchc/report/report.hpp"
#include "cchc/results.hpp"
#include "cchc/session.hpp"
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

// The Session of a command that scores evidence files named one by one
// (`score`, `checklist`, `plan`, `diff`), over the criteria sets the tool
// knows (built in, then CCHC_CRITERIA_PATH).
class UnitLoader : public Session {
 public:
  // `criteria` is -c (a path or an id), or "" for each file's `criteria:`.
  UnitLoader(std::string criteria, Lang lang);

  // Reads, validates and scores one evidence file.
  void load(const std::string& path);
  RankTables load_rank_tables(const std::string& peers, const std::string& baseline,
                              const std::vector<std::string>& aliases) {
    return read_rank_tables(peers, baseline, aliases);
  }
  // The units scored; their criteria stay owned by the session.
  std::vector<ScoredUnit> take_units() { return std::move(m_units); }
  // Every file read (so that -o never overwrites one).
  std::vector<std::string> inputs() const { return files_read(); }

 private:
  std::vector<ScoredUnit> m_units;
};

}  // namespace cchc::cli
