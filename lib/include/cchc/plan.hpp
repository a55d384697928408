#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cchc/criteria.hpp"
#include "cchc/decimal.hpp"
#include "cchc/evidence.hpp"
#include "cchc/lang.hpp"
#include "cchc/ranking.hpp"
#include "cchc/results.hpp"
#include "cchc/scoring.hpp"

namespace cchc {

// What a plan aims at: an index, a grade (its minimum index), or a place
// among the peers.
struct PlanTarget {
  enum class Kind { index, grade, rank };
  Kind kind = Kind::index;
  Decimal index;      // index: at least this; grade: the grade's minimum
  std::string grade;  // grade: its label
  int rank = 0;       // rank: this place or better among the peers
};

// A target index as the user wrote it ("85.5"). Throws std::invalid_argument,
// with a message in `lang` that says what was expected and what was found,
// when it is not a number from 0 to 100.
PlanTarget index_target(std::string_view text, Lang lang);
// A grade of `criteria` named by its label in any case ("tốt", "Tốt", "TỐT").
// Throws std::invalid_argument when `label` is not valid UTF-8 or the criteria
// have no such grade (the message lists the grades they have).
PlanTarget grade_target(const Criteria& criteria, std::string_view label, Lang lang);
// This place or better among the peers.
PlanTarget rank_target(int rank);

// One criterion that may be fixed: the points it lost, what fixing it costs.
struct FixOption {
  Decimal lost;
  Decimal effort;
};

// How choose_fixes() searches. Every search finds a plan of the same effort,
// fixes and points; the two dynamic programmes also the same indices.
// `automatic` tries the frontier while it stays small (the shipped criteria
// sets), else the cheaper programme. The others are for
// tests and benchmarks.
enum class FixSearch {
  automatic,
  by_points,  // dynamic programming over the points still needed
  by_effort,  // dynamic programming over the total effort and fixes
  frontier,   // every Pareto-optimal (points, effort) way, kept as a list
};

// The subset of `options` to fix (indices, ascending) with the least total
// effort whose lost points add up to at least `needed`; ties go to fewer
// fixes, then to more points. nullopt when even every option falls short.
// Losses and efforts must not be negative (asserted); an option that loses
// nothing is never chosen.
//
// Exact, never approximate: the decimals become integers on their own grid
// (the losses in units of their greatest common divisor, so 0.001 for a
// precision-3 set; the efforts likewise), and the cost of a plan is the one
// integer effort × (options + 1) + fixes, whose order is that of (effort,
// fixes). Then a 0/1 knapsack:
// - the frontier first, what cchc always did: every way no other beats on
//   both points and cost; kept while it sorts at most 65,536 ways in all
//   (ten times the largest shipped example), so that plans on the shipped
//   sets choose as before among plans that tie on effort, fixes and points
//   (the first the sort leaves: not a rule, but the same for the same
//   options);
// - beyond that, dynamic programming over the smaller of two dimensions,
//   with one bit per option and cell to rebuild the plan; among full ties
//   it keeps the earlier criteria (of two plans, the one whose last
//   differing fix comes first):
//   - by points: for each total of points below `needed`, and for "at least
//     `needed`", the cheapest plan (for the latter, the most points among
//     equals): options × needed/grid steps (3,000 leaves of a 100-point set
//     at precision 3: at most 3·10^8 steps and 38 MB of bits);
//   - by effort: for each cost, the most points; the answer is the least
//     cost with enough points (small when efforts are few and coarse);
// - when both are out of bounds (more than 2^33 cells: odd grids, e.g. nine
//   decimals), the frontier without a bound: exact, exponential at worst.
std::optional<std::vector<std::size_t>> choose_fixes(const std::vector<FixOption>& options, const Decimal& needed,
                                                     FixSearch search = FixSearch::automatic);

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
// The same for a unit scored from `evidence` (its id and name place it among
// the peers).
Plan make_plan(const Criteria& criteria, const Evidence& evidence, const ScoreResult& result, const PlanTarget& target,
               const ResultsTable* peers);

}  // namespace cchc
