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

// Everything a command that scores evidence files reads (`score`,
// `checklist`): each criteria set loaded once per reference, every
// diagnostic (errors and warnings) kept in the order found, so that a run
// reports every problem in all its inputs before giving up. Nothing throws
// InputError: failed() says whether anything could not be read.
class UnitLoader {
 public:
  // `criteria` is -c (a path or an id), or "" for each file's `criteria:`.
  UnitLoader(std::string criteria, Lang lang);

  // Reads, validates and scores one evidence file.
  void load(const std::string& path);
  // A results table (--peers, --baseline); nullopt when it cannot be read.
  std::optional<ResultsTable> load_table(const std::string& path);
  // --alias specs; none when they are invalid.
  Aliases load_aliases(const std::vector<std::string>& specs);
  // The tables of --peers and --baseline, and the --alias specs read with a
  // baseline; an empty path is a table not given.
  struct RankTables {
    std::optional<ResultsTable> peers;
    std::optional<ResultsTable> baseline;
    Aliases aliases;
  };
  RankTables load_rank_tables(const std::string& peers, const std::string& baseline,
                              const std::vector<std::string>& aliases);

  bool failed() const { return m_failed; }
  const std::vector<Diagnostic>& diagnostics() const { return m_diagnostics; }
  // The units scored; their criteria stay owned by the loader.
  std::vector<report::ScoredUnit> take_units() { return std::move(m_units); }
  // Every file read: the evidence files, the results tables and the
  // criteria files (so that -o never overwrites one).
  std::vector<std::string> inputs() const;

 private:
  // The criteria set of `reference`, loaded once; nullptr when it cannot be
  // loaded, after reporting why. An unknown id is reported at each evidence
  // file's `criteria:` line that names it (once for -c).
  const Criteria* criteria_for(const CriteriaReference& reference);
  void add(const std::vector<Diagnostic>& diagnostics);

  struct LoadedCriteria {
    std::optional<Criteria> criteria;  // nullopt when it could not be loaded
    std::vector<Diagnostic> errors;    // why not
  };
  std::string m_criteria_ref;
  Lang m_lang;
  CriteriaCatalog m_catalog;
  std::map<std::string, LoadedCriteria> m_criteria;  // by reference (id or path)
  std::vector<std::string> m_inputs;                 // evidence files and tables, in the order read
  std::vector<Diagnostic> m_diagnostics;
  std::vector<report::ScoredUnit> m_units;
  bool m_failed = false;
};

// Predicts each unit's place among `peers` (and its change since `baseline`
// when given) and prints a warning for each --alias in `alias_specs` that
// changes nothing.
void predict_ranks(std::vector<report::ScoredUnit>& units, const ResultsTable& peers, const ResultsTable* baseline,
                   const Aliases& aliases, const std::vector<std::string>& alias_specs, Lang lang);

}  // namespace cchc::cli
