#include "cchc/plan.hpp"

#include <algorithm>
#include <cassert>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <utility>

namespace cchc {

namespace {

// A way to recover points: which options (a bit each), at what cost.
struct Way {
  Decimal points;
  Decimal effort;
  std::size_t count = 0;
  std::vector<std::uint64_t> chosen;

  bool cheaper_than(const Way& other) const { return std::tie(effort, count) < std::tie(other.effort, other.count); }
};

// Keeps the ways no other way beats: none with at least as many points at
// no more cost (effort, then fixes). Sorted by points, most first; the cost
// then falls strictly from one way to the next.
void keep_frontier(std::vector<Way>& ways) {
  std::sort(ways.begin(), ways.end(), [](const Way& a, const Way& b) {
    if (a.points != b.points) {
      return a.points > b.points;
    }
    return a.cheaper_than(b);
  });
  std::vector<Way> kept;
  for (Way& way : ways) {
    if (kept.empty() || way.cheaper_than(kept.back())) {
      kept.push_back(std::move(way));
    }
  }
  ways = std::move(kept);
}

}  // namespace

std::optional<std::vector<std::size_t>> choose_fixes(const std::vector<FixOption>& options, const Decimal& needed) {
  const std::size_t words = (options.size() + 63) / 64;
  std::vector<Way> ways{Way{Decimal(0), Decimal(0), 0, std::vector<std::uint64_t>(words, 0)}};
  for (std::size_t i = 0; i < options.size(); ++i) {
    const std::size_t existing = ways.size();
    for (std::size_t w = 0; w < existing; ++w) {
      Way with = ways[w];
      with.points += options[i].lost;
      with.effort += options[i].effort;
      ++with.count;
      with.chosen[i / 64] |= std::uint64_t{1} << (i % 64);
      ways.push_back(std::move(with));
    }
    keep_frontier(ways);
  }
  // The ways that reach `needed` come first; the last of them costs least
  // (and, the cost being equal to none, has the most points among equals).
  const Way* best = nullptr;
  for (const Way& way : ways) {
    if (way.points < needed) {
      break;
    }
    best = &way;
  }
  if (best == nullptr) {
    return std::nullopt;
  }
  std::vector<std::size_t> chosen;
  for (std::size_t i = 0; i < options.size(); ++i) {
    if ((best->chosen[i / 64] >> (i % 64) & 1U) != 0) {
      chosen.push_back(i);
    }
  }
  return chosen;
}

namespace {

class Planner {
 public:
  Planner(const Criteria& criteria, const ScoreResult& result, const RankInput& unit, const ResultsTable* peers)
      : m_criteria(criteria), m_result(result), m_unit(unit), m_peers(peers) {}

  Projection project(const Decimal& recovered) const {
    Projection out;
    out.recovered = recovered;
    out.points = max(Decimal(0), m_result.earned + recovered + m_result.bonus - m_result.penalty);
    out.index = min(Decimal(100), Decimal::mul_div(out.points, 100, m_result.applicable_max, m_criteria.precision));
    if (const Grade* grade = m_criteria.grade_for(out.index)) {
      out.grade = grade->label;
    }
    if (m_peers != nullptr) {
      RankInput input = m_unit;
      input.index = out.index;
      input.points = out.points;
      input.grade = out.grade;
      out.rank = predict_rank(input, *m_peers, nullptr, Aliases(), m_criteria.precision).position;
    }
    return out;
  }

  bool meets(const Projection& projection, const PlanTarget& target) const {
    switch (target.kind) {
      case PlanTarget::Kind::index:
      case PlanTarget::Kind::grade:
        return projection.index >= target.index;
      case PlanTarget::Kind::rank:
        return projection.rank && *projection.rank <= target.rank;
    }
    return false;
  }

  // The least points to recover, on the grid of `step`, that meet the target;
  // `most` meets it (asserted by the caller). Binary search: meeting the
  // target only gets easier with more points.
  Decimal least_needed(const PlanTarget& target, const Decimal& step, const Decimal& most) const {
    const auto at = [&](std::int64_t steps) { return min(most, *Decimal::parse(std::to_string(steps)) * step); };
    std::int64_t low = 0;  // the answer is at least low steps
    std::int64_t high = 1;
    while (at(high) < most) {
      high *= 2;
    }
    // Meeting at `high` steps holds: that is `most`.
    while (low < high) {
      const std::int64_t middle = low + (high - low) / 2;
      if (meets(project(at(middle)), target)) {
        high = middle;
      } else {
        low = middle + 1;
      }
    }
    return at(low);
  }

 private:
  const Criteria& m_criteria;
  const ScoreResult& m_result;
  const RankInput& m_unit;
  const ResultsTable* m_peers;
};

}  // namespace

Plan make_plan(const Criteria& criteria, const ScoreResult& result, const RankInput& unit, const PlanTarget& target,
               const ResultsTable* peers) {
  const Planner planner(criteria, result, unit, peers);
  Plan plan;
  plan.target = target;
  plan.now = planner.project(Decimal(0));

  std::vector<FixOption> options;
  Decimal all;
  int decimals = criteria.precision;
  for (const Deduction& deduction : result.deductions) {
    const Node& node = criteria.nodes[static_cast<std::size_t>(deduction.node)];
    options.push_back(FixOption{deduction.lost, node.effort});
    all += deduction.lost;
    decimals = std::max(decimals, deduction.lost.decimals());
  }

  std::vector<std::size_t> chosen;
  if (planner.meets(plan.now, target)) {
    plan.reachable = true;
  } else if (planner.meets(planner.project(all), target)) {
    plan.reachable = true;
    // The grid of the search: the finest decimal any lost points or the
    // criteria precision has (0.001 for mau-so-2021).
    Decimal power(1);
    for (int i = 0; i < decimals; ++i) {
      power = power * Decimal(10);
    }
    plan.needed = planner.least_needed(target, Decimal::mul_div(1, 1, power, decimals), all);
    const std::optional<std::vector<std::size_t>> found = choose_fixes(options, plan.needed);
    assert(found);
    chosen = *found;
  } else {
    // Out of reach: every fix, the best there is.
    for (std::size_t i = 0; i < options.size(); ++i) {
      chosen.push_back(i);
    }
  }

  // Most points first (ties in criteria order), with the running projection.
  std::stable_sort(chosen.begin(), chosen.end(),
                   [&](std::size_t a, std::size_t b) { return options[a].lost > options[b].lost; });
  Decimal recovered;
  for (const std::size_t i : chosen) {
    recovered += options[i].lost;
    plan.effort += options[i].effort;
    plan.fixes.push_back(
        PlannedFix{result.deductions[i].node, options[i].lost, options[i].effort, planner.project(recovered)});
  }
  plan.projected = planner.project(recovered);
  return plan;
}

namespace {

// The points of every node of a score by criterion id, applicable ones only.
std::map<std::string, Decimal> points_by_id(const ScoredEvidence& score, bool leaves) {
  std::map<std::string, Decimal> out;
  const std::vector<Node>& nodes = score.criteria->nodes;
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    const Node& node = nodes[i];
    if (node.section != Section::fields || node.is_leaf() != leaves || (!leaves && node.parent >= 0)) {
      continue;
    }
    const NodeResult& result = score.result->nodes[i];
    if (!result.na) {
      out.emplace(node.id, result.points);
    }
  }
  return out;
}

std::vector<PointsChange> compare(const ScoredEvidence& old_score, const ScoredEvidence& new_score, bool leaves,
                                  bool only_changes) {
  const std::map<std::string, Decimal> before = points_by_id(old_score, leaves);
  const std::map<std::string, Decimal> after = points_by_id(new_score, leaves);
  std::set<std::string> new_ids;
  std::vector<PointsChange> out;
  const auto walk = [&](const ScoredEvidence& score, bool newer) {
    for (const Node& node : score.criteria->nodes) {
      if (node.section != Section::fields || node.is_leaf() != leaves || (!leaves && node.parent >= 0)) {
        continue;
      }
      if (!newer && new_ids.count(node.id) != 0) {
        continue;
      }
      new_ids.insert(node.id);
      const Criteria& other = *(newer ? old_score : new_score).criteria;
      const bool in_other = other.find(node.id) >= 0;
      PointsChange change;
      change.id = node.id;
      change.title = node.title;
      const auto old_found = before.find(node.id);
      const auto new_found = after.find(node.id);
      if (old_found != before.end()) {
        change.old_points = old_found->second;
      }
      if (new_found != after.end()) {
        change.new_points = new_found->second;
      }
      if (change.old_points && change.new_points) {
        change.delta = *change.new_points - *change.old_points;
      }
      change.kind =
          !in_other ? (newer ? PointsChange::Kind::added : PointsChange::Kind::removed) : PointsChange::Kind::changed;
      if (only_changes && change.kind == PointsChange::Kind::changed && change.old_points == change.new_points) {
        continue;
      }
      out.push_back(std::move(change));
    }
  };
  walk(new_score, true);
  walk(old_score, false);
  return out;
}

std::map<std::string, DiffDeduction> deductions_by_id(const ScoredEvidence& score) {
  std::map<std::string, DiffDeduction> out;
  for (const Deduction& deduction : score.result->deductions) {
    const Node& node = score.criteria->nodes[static_cast<std::size_t>(deduction.node)];
    out.emplace(node.id, DiffDeduction{node.id, node.title, deduction.lost, deduction.reason, deduction.detail});
  }
  return out;
}

// The deductions of `from` whose criterion has none in `other`, in `from`'s
// criteria order.
std::vector<DiffDeduction> only_in(const ScoredEvidence& from, const std::map<std::string, DiffDeduction>& other) {
  std::vector<DiffDeduction> out;
  for (const Deduction& deduction : from.result->deductions) {
    const Node& node = from.criteria->nodes[static_cast<std::size_t>(deduction.node)];
    if (other.count(node.id) == 0) {
      out.push_back(DiffDeduction{node.id, node.title, deduction.lost, deduction.reason, deduction.detail});
    }
  }
  return out;
}

}  // namespace

Diff make_diff(const ScoredEvidence& old_score, const ScoredEvidence& new_score, const ResultsTable* peers,
               const ResultsTable* baseline, const Aliases& aliases) {
  Diff diff;
  diff.old_points = old_score.result->points;
  diff.new_points = new_score.result->points;
  diff.old_index = old_score.result->index;
  diff.new_index = new_score.result->index;
  diff.old_grade = old_score.result->grade;
  diff.new_grade = new_score.result->grade;
  diff.fields = compare(old_score, new_score, false, false);
  diff.items = compare(old_score, new_score, true, true);
  diff.appeared = only_in(new_score, deductions_by_id(old_score));
  diff.resolved = only_in(old_score, deductions_by_id(new_score));

  if (peers != nullptr && baseline != nullptr) {
    const int precision = new_score.criteria->precision;
    const Evidence& evidence = *new_score.evidence;
    const RankInput unit{evidence.unit.id, evidence.unit.name, new_score.result->index, new_score.result->points,
                         new_score.result->grade};
    RankChange rank;
    const RankPrediction now = predict_rank(unit, *peers, baseline, aliases, precision);
    rank.new_rank = now.position;
    rank.of = now.of;
    rank.old_rank = now.previous;
    // Last year's table, its units under this year's ids, with our new score
    // in place of our old row.
    ResultsTable last = *baseline;
    for (ResultRow& row : last.rows) {
      row.unit = aliases.current(row.unit);
    }
    rank.among_old = predict_rank(unit, last, nullptr, Aliases(), precision).position;
    if (rank.old_rank) {
      rank.own = *rank.old_rank - rank.among_old;
      rank.peers = rank.among_old - rank.new_rank;
      rank.total = *rank.old_rank - rank.new_rank;
    }
    diff.rank = rank;
  }
  return diff;
}

}  // namespace cchc
