#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "cchc/criteria.hpp"
#include "cchc/decimal.hpp"
#include "cchc/evidence.hpp"
#include "cchc/ranking.hpp"
#include "cchc/results.hpp"
#include "cchc/scoring.hpp"

namespace cchc {

// ---- cchc plan: the cheapest set of fixes that reaches a target ----------

// What a plan aims at: an index, a grade (its minimum index), or a place
// among the peers.
struct PlanTarget {
  enum class Kind { index, grade, rank };
  Kind kind = Kind::index;
  Decimal index;      // index: at least this; grade: the grade's minimum
  std::string grade;  // grade: its label
  int rank = 0;       // rank: this place or better among the peers
};

// One criterion that may be fixed: the points it lost, what fixing it costs.
struct FixOption {
  Decimal lost;
  Decimal effort;
};

// The subset of `options` to fix (indices, ascending) with the least total
// effort whose lost points add up to at least `needed`; ties go to fewer
// fixes, then to more points. nullopt when even every option falls short.
// Exact: a 0/1 knapsack over the exact decimals, keeping for each total of
// points only the cheapest ways to reach it (the Pareto frontier).
std::optional<std::vector<std::size_t>> choose_fixes(const std::vector<FixOption>& options, const Decimal& needed);

// The score after recovering `recovered` field points (SPEC §2: earned +
// recovered + bonus − penalty, at least 0; the index capped at 100 and
// rounded to the criteria precision), with the grade and, with peers, the
// predicted rank.
struct Projection {
  Decimal recovered;
  Decimal points;
  Decimal index;
  std::string grade;
  std::optional<int> rank;
};

struct PlannedFix {
  int node = -1;  // the criterion (a leaf)
  Decimal lost;   // the points fixing it brings back
  Decimal effort;
  Projection after;  // the running projection once this and the fixes before it are done
};

struct Plan {
  PlanTarget target;
  Projection now;                 // nothing fixed
  bool reachable = false;         // the target can be met
  Decimal needed;                 // the least points to recover to meet it (when reachable)
  std::vector<PlannedFix> fixes;  // most points first; when unreachable, every deduction (the best reachable)
  Decimal effort;                 // the fixes' total effort
  Projection projected;           // after every fix of the plan
};

// Plans the fixes of one scored unit. `peers` (with the unit's id and name in
// `unit`) is needed for a rank target and gives every projection a rank.
Plan make_plan(const Criteria& criteria, const ScoreResult& result, const RankInput& unit, const PlanTarget& target,
               const ResultsTable* peers);

// ---- cchc diff: what changed between two scores of one unit ---------------

struct PointsChange {
  std::string id;
  std::string title;                  // as the newer edition words it (the older one when removed)
  std::optional<Decimal> old_points;  // nullopt: not in the older edition (or not applicable)
  std::optional<Decimal> new_points;  // nullopt: not in the newer edition (or not applicable)
  std::optional<Decimal> delta;       // new − old, when both are there
  enum class Kind { changed, added, removed } kind = Kind::changed;
};

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

struct Diff {
  Decimal old_points, new_points, old_index, new_index;
  std::string old_grade, new_grade;
  std::vector<PointsChange> fields;     // every field of either edition, newer edition's order, then removed ones
  std::vector<PointsChange> items;      // the leaves whose points changed, or that were added or removed
  std::vector<DiffDeduction> appeared;  // deductions in the new score of criteria that had none (or did not exist)
  std::vector<DiffDeduction> resolved;  // deductions of the old score that are gone
  std::optional<RankChange> rank;
};

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
