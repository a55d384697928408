#include "cchc/plan.hpp"

#include <algorithm>
#include <cassert>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <tuple>
#include <utility>

#include "cchc/text.hpp"

namespace cchc {

PlanTarget index_target(std::string_view text, Lang lang) {
  const std::optional<Decimal> index = Decimal::parse(text);
  if (!index || *index < Decimal(0) || *index > Decimal(100)) {
    std::string message =
        words(lang, "cần một chỉ số từ 0 đến 100, nhưng gặp \"", "expected an index from 0 to 100, found \"");
    message.append(text);
    message += '"';
    if (text.find(',') != std::string_view::npos) {
      message += words(lang, " (viết dấu chấm thập phân, ví dụ 85.5)", " (write a decimal point, e.g. 85.5)");
    }
    throw std::invalid_argument(message);
  }
  PlanTarget target;
  target.kind = PlanTarget::Kind::index;
  target.index = *index;
  return target;
}

PlanTarget grade_target(const Criteria& criteria, std::string_view label, Lang lang) {
  if (find_invalid_utf8(label)) {
    throw std::invalid_argument(words(lang, "không phải văn bản UTF-8 hợp lệ", "not valid UTF-8 text"));
  }
  if (const Grade* grade = criteria.grade_for_label(label)) {
    PlanTarget target;
    target.kind = PlanTarget::Kind::grade;
    target.grade = grade->label;
    target.index = grade->min;
    return target;
  }
  std::string known;
  for (const Grade& grade : criteria.grades) {
    known += known.empty() ? "" : ", ";
    known += grade.label;
  }
  std::string message = words(lang, "bộ tiêu chí ", "the criteria ");
  message += criteria.id;
  message += words(lang, " không có xếp loại \"", " have no grade \"");
  message += to_nfc(label);
  message += '"';
  if (known.empty()) {
    message += words(lang, " (bộ này không xếp loại)", " (they have no grades)");
  } else {
    message += " (";
    message += known;
    message += ')';
  }
  throw std::invalid_argument(message);
}

PlanTarget rank_target(int rank) {
  PlanTarget target;
  target.kind = PlanTarget::Kind::rank;
  target.rank = rank;
  return target;
}

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

Plan make_plan(const Criteria& criteria, const Evidence& evidence, const ScoreResult& result, const PlanTarget& target,
               const ResultsTable* peers) {
  const RankInput unit{evidence.unit.id, evidence.unit.name, result.index, result.points, result.grade};
  return make_plan(criteria, result, unit, target, peers);
}

}  // namespace cchc
