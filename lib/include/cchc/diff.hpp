#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cchc/criteria.hpp"
#include "cchc/decimal.hpp"
#include "cchc/evidence.hpp"
#include "cchc/ranking.hpp"
#include "cchc/results.hpp"
#include "cchc/scoring.hpp"

// cchc diff: what changed between two scores of one unit.

namespace cchc {

// The points of one field or criterion (matched by id) in the two scores.
struct PointsChange {
  std::string id;
  std::string title;                  // as the newer edition words it (the older one when removed)
  std::optional<Decimal> old_points;  // nullopt: not in the older edition (or not applicable)
  std::optional<Decimal> new_points;  // nullopt: not in the newer edition (or not applicable)
  std::optional<Decimal> delta;       // new − old, when both are there
  enum class Kind { changed, added, removed } kind = Kind::changed;
};

// A deduction of one of the two scores, by criterion id.
struct DiffDeduction {
  std::string id;
  std::string title;
  Decimal lost;
  Reason reason = Reason::none;
  std::string detail;
};

// The rank change split in two: what our own score did (our rank this year
// among last year's table, as if the peers had not moved) and what the peers
// did (the rest). own + peers = old − new (> 0: up).
struct RankChange {
  std::optional<int> old_rank;  // in the baseline, through aliases; nullopt when the unit is not in it
  int new_rank = 0;
  int of = 0;
  int among_old = 0;  // our new index placed among the baseline's units
  std::optional<int> own;
  std::optional<int> peers;
  std::optional<int> total;
};

// What changed between two scores of one unit.
struct Diff {
  Decimal old_points, new_points, old_index, new_index;
  std::string old_grade, new_grade;
  std::vector<PointsChange> fields;     // every field of either edition, newer edition's order, then removed ones
  std::vector<PointsChange> items;      // the leaves whose points changed, or that were added or removed
  std::vector<DiffDeduction> appeared;  // deductions in the new score of criteria that had none (or did not exist)
  std::vector<DiffDeduction> resolved;  // deductions of the old score that are gone
  std::optional<RankChange> rank;
};

// One side of a diff: an evidence file scored against its criteria (not owned).
struct ScoredEvidence {
  const Criteria* criteria = nullptr;
  const Evidence* evidence = nullptr;
  const ScoreResult* result = nullptr;
};

// Compares two scores of one unit, criteria matched by id. With `peers` (this
// year's table) and `baseline` (last year's), also splits the rank change.
Diff make_diff(const ScoredEvidence& old_score, const ScoredEvidence& new_score, const ResultsTable* peers,
               const ResultsTable* baseline, const Aliases& aliases);

}  // namespace cchc
