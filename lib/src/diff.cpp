#include "cchc/diff.hpp"

#include <map>
#include <set>
#include <string>
#include <utility>

namespace cchc {

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
