#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cchc/diagnostic.hpp"
#include "cchc/ranking.hpp"
#include "cchc/results.hpp"
#include "cchc/session.hpp"

namespace cchc {

// Units in rank order, with what a report says about the ranking as a whole.
struct Ranking {
  std::vector<RankedUnit> units;
  int decimals = 2;           // of every score shown: the criteria precision, or as written in the tables
  std::optional<int> year;    // of the ranking, when the inputs agree on one
  bool has_baseline = false;  // the previous rank and the change are known
};

struct RankRunOptions {
  unsigned threads = 0;              // evidence files scored at once; 0: one per core
  std::string baseline;              // last year's results table; "" for none
  std::vector<std::string> aliases;  // --alias OLD=NEW specs, with a baseline
  // The batch's progress (see BatchOptions::progress); may be empty.
  std::function<void(std::size_t done, std::size_t total)> progress;
  // What the run finds, in the order of the inputs and as soon as it is
  // known (a file's as soon as it and those before it are scored), so that
  // thousands of files do not keep their warnings until the end. Called
  // from one thread at a time; may be empty.
  std::function<void(const std::vector<Diagnostic>&)> on_diagnostics;
  std::function<void(const Notice&)> on_notice;
};

// The outcome of rank_inputs(): the ranking, or `failed` when an input was
// invalid (its diagnostics went to on_diagnostics) and nothing was ranked.
struct RankRun {
  bool failed = false;
  Ranking ranking;
};

// `cchc rank`: sorts INPUTs (files found by discover_inputs(); in folders,
// evidence files only, the others skipped with a note) into evidence files
// and results tables, scores the evidence in parallel, adds the tables' rows
// (a scored file replaces a row with the same unit id, with a note), ranks
// them all (SPEC §3) and applies the baseline through the aliases (an alias
// that changes nothing is a warning). Evidence scored against different
// criteria sets, or a unit listed twice, is an error. Every file read is
// recorded by `session`. Throws std::runtime_error when there is nothing to
// rank.
RankRun rank_inputs(const std::vector<std::string>& inputs, Session& session, const RankRunOptions& options);

// Predicts each unit's place among `peers` (and its change since `baseline`
// when given, ranked once for all units) and returns a warning for each
// --alias in `alias_specs` that changes nothing.
std::vector<Notice> predict_ranks(std::vector<ScoredUnit>& units, const ResultsTable& peers,
                                  const ResultsTable* baseline, const Aliases& aliases,
                                  const std::vector<std::string>& alias_specs, Lang lang);

// Warnings for --alias OLD=NEW specs whose OLD is not in the baseline or
// whose NEW is not among `current` (the units ranked now): most likely a
// typo, since such an alias changes nothing.
std::vector<Notice> alias_warnings(const std::vector<std::string>& specs, const ResultsTable& baseline,
                                   const std::vector<std::string>& current, Lang lang);

// How many of `units` (id, name) the baseline's `previous` ranks (from
// previous_ranks(), aliases applied) know: a note "Matched the baseline: N of
// M units", and when fewer than half matched, a warning listing the unmatched
// units with the closest baseline unit by id and by name (SPEC §5.1).
std::vector<Notice> baseline_match_notices(const std::vector<std::pair<std::string, std::string>>& units,
                                           const std::map<std::string, int>& previous, const ResultsTable& baseline,
                                           Lang lang);

}  // namespace cchc
