#include "cchc/plan.hpp"

#include <algorithm>
#include <cassert>
#include <cstdint>
#include <limits>
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

// An exact decimal as an integer count of 10^-9, Decimal's own resolution.
int128 nano_units(const Decimal& value) {
  int128 units = 0;
  bool negative = false;
  for (const char c : value.to_string(Decimal::k_max_decimals)) {
    if (c == '-') {
      negative = true;
    } else if (c != '.') {
      units = units * 10 + (c - '0');
    }
  }
  return negative ? -units : units;
}

int128 greatest_common_divisor(int128 a, int128 b) {
  while (b != 0) {
    a %= b;
    std::swap(a, b);
  }
  return a;
}

// The options on integer grids. Points: in units of the greatest common
// divisor of the losses, `needed` rounded up (a sum of losses, a multiple of
// the unit, reaches `needed` exactly when it reaches the rounded-up count).
// Cost: effort × (options + 1) + 1 per option, the efforts in units of their
// greatest common divisor; the fixes of a plan being at most the options, a
// plan's cost orders plans as (effort, fixes) does.
struct Grid {
  std::vector<int128> points;
  std::vector<int128> cost;
  int128 needed = 0;
  int128 all_points = 0;
  int128 all_cost = 0;
};

Grid make_grid(const std::vector<FixOption>& options, const Decimal& needed) {
  Grid grid;
  int128 lost_unit = 0;
  int128 effort_unit = 0;
  for (const FixOption& option : options) {
    assert(option.lost >= Decimal(0) && option.effort >= Decimal(0));
    grid.points.push_back(nano_units(option.lost));
    grid.cost.push_back(nano_units(option.effort));
    lost_unit = greatest_common_divisor(lost_unit, grid.points.back());
    effort_unit = greatest_common_divisor(effort_unit, grid.cost.back());
  }
  lost_unit = std::max<int128>(lost_unit, 1);
  effort_unit = std::max<int128>(effort_unit, 1);
  const auto per_fix = static_cast<int128>(options.size()) + 1;
  for (std::size_t i = 0; i < options.size(); ++i) {
    grid.points[i] /= lost_unit;
    grid.cost[i] = grid.cost[i] / effort_unit * per_fix + 1;
    grid.all_points += grid.points[i];
    grid.all_cost += grid.cost[i];
  }
  // Both sums stay far inside int128: each term is below 10^21 (Decimal's
  // range), times the options + 1.
  const int128 wanted = nano_units(needed);
  grid.needed = wanted <= 0 ? 0 : (wanted + lost_unit - 1) / lost_unit;
  return grid;
}

// One bit per option and cell: whether the option was taken to reach the
// cell. Option i's row covers the cells [first[i], last[i]] only (the cells
// it can reach), so that the bits of a 3,000-option search stay tens of MB.
class Decisions {
 public:
  void add_row(std::int64_t first, std::int64_t last) {
    m_first.push_back(first);
    m_offset.push_back(m_size);
    m_size += std::max<std::int64_t>(last - first + 1, 0);
    m_bits.resize(static_cast<std::size_t>((m_size + 63) / 64), 0);
  }
  void set(std::size_t option, std::int64_t cell) {
    const auto bit = static_cast<std::size_t>(m_offset[option] + cell - m_first[option]);
    m_bits[bit / 64] |= std::uint64_t{1} << (bit % 64);
  }
  bool taken(std::size_t option, std::int64_t cell) const {
    const std::int64_t index = cell - m_first[option];
    const std::int64_t end = option + 1 < m_offset.size() ? m_offset[option + 1] : m_size;
    if (index < 0 || m_offset[option] + index >= end) {
      return false;
    }
    const auto bit = static_cast<std::size_t>(m_offset[option] + index);
    return (m_bits[bit / 64] >> (bit % 64) & 1U) != 0;
  }

 private:
  std::vector<std::int64_t> m_first;
  std::vector<std::int64_t> m_offset;
  std::int64_t m_size = 0;
  std::vector<std::uint64_t> m_bits;
};

// Dynamic programming over points: cheapest[p] is the least cost of a plan
// of exactly p points (p < needed), cheapest[needed] that of a plan of at
// least `needed`, whose points are kept (`most`) to prefer the most among
// equal costs. Options are added one by one, cells from the top down (a 0/1
// knapsack); a cell changes only for a strictly better plan, so among ties
// the plan without the later option stays. `Cost` is std::int64_t when the
// costs fit, else int128.
template <typename Cost>
std::vector<std::size_t> search_by_points(const Grid& grid) {
  const std::size_t count = grid.points.size();
  const auto needed = static_cast<std::int64_t>(grid.needed);
  // No plan yet: above every cost, and none + a cost does not overflow.
  Cost none = std::numeric_limits<std::int64_t>::max() / 2;
  if constexpr (sizeof(Cost) > sizeof(std::int64_t)) {
    none = Cost{1} << 125;
  }
  std::vector<Cost> cheapest(static_cast<std::size_t>(needed) + 1, none);
  cheapest[0] = 0;
  int128 most = needed == 0 ? 0 : -1;  // the points of the plan in cheapest[needed]
  Decisions decisions;
  std::int64_t reach = 0;  // the highest cell any plan reaches so far
  for (std::size_t i = 0; i < count; ++i) {
    const int128 exact = grid.points[i];
    const auto step = static_cast<std::int64_t>(std::min<int128>(exact, needed));
    const auto cost = static_cast<Cost>(grid.cost[i]);
    if (step == 0) {
      decisions.add_row(0, -1);  // no points: taking it never helps
      continue;
    }
    const std::int64_t top = std::min(reach + step, needed);
    decisions.add_row(step, top);
    if (top == needed) {
      // "At least needed" is reached from any cell within `step` of it,
      // itself included; read them before any is changed.
      Cost best = cheapest[static_cast<std::size_t>(needed)];
      int128 best_points = most;
      bool improved = false;
      for (std::int64_t from = std::min(reach, needed); from >= std::max<std::int64_t>(needed - step, 0); --from) {
        const Cost candidate = cheapest[static_cast<std::size_t>(from)] + cost;
        if (candidate > best) {
          continue;
        }
        const int128 points = (from == needed ? most : int128{from}) + exact;
        if (candidate < best || points > best_points) {
          best = candidate;
          best_points = points;
          improved = true;
        }
      }
      if (improved) {
        cheapest[static_cast<std::size_t>(needed)] = best;
        most = best_points;
        decisions.set(i, needed);
      }
    }
    for (std::int64_t cell = std::min(top, needed - 1); cell >= step; --cell) {
      const Cost candidate = cheapest[static_cast<std::size_t>(cell - step)] + cost;
      if (candidate < cheapest[static_cast<std::size_t>(cell)]) {
        cheapest[static_cast<std::size_t>(cell)] = candidate;
        decisions.set(i, cell);
      }
    }
    reach = top;
  }
  assert(cheapest[static_cast<std::size_t>(needed)] < none);
  // Back from "at least needed": the plan's points say which cell each
  // option was taken from.
  std::vector<std::size_t> chosen;
  int128 points = most;
  std::int64_t cell = needed;
  for (std::size_t i = count; i-- > 0;) {
    if (decisions.taken(i, cell)) {
      chosen.push_back(i);
      points -= grid.points[i];
      cell = static_cast<std::int64_t>(std::min<int128>(points, needed));
    }
  }
  std::reverse(chosen.begin(), chosen.end());
  return chosen;
}

// Dynamic programming over cost: most[c] is the most points of a plan that
// costs exactly c; the answer is the least cost with enough points. A cost
// is (effort, fixes), so that plan also has the most points among equals.
std::vector<std::size_t> search_by_effort(const Grid& grid) {
  const std::size_t count = grid.points.size();
  const auto width = static_cast<std::int64_t>(grid.all_cost) + 1;
  std::vector<int128> most(static_cast<std::size_t>(width), -1);
  most[0] = 0;
  Decisions decisions;
  std::int64_t reach = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const auto step = static_cast<std::int64_t>(grid.cost[i]);
    const int128 gain = grid.points[i];
    const std::int64_t top = reach + step;
    decisions.add_row(step, top);
    for (std::int64_t cell = top; cell >= step; --cell) {
      const int128 from = most[static_cast<std::size_t>(cell - step)];
      if (from >= 0 && from + gain > most[static_cast<std::size_t>(cell)]) {
        most[static_cast<std::size_t>(cell)] = from + gain;
        decisions.set(i, cell);
      }
    }
    reach = top;
  }
  std::int64_t cell = 0;
  while (most[static_cast<std::size_t>(cell)] < grid.needed) {
    ++cell;  // the caller made sure that every option together suffices
  }
  std::vector<std::size_t> chosen;
  for (std::size_t i = count; i-- > 0;) {
    if (decisions.taken(i, cell)) {
      chosen.push_back(i);
      cell -= static_cast<std::int64_t>(grid.cost[i]);
    }
  }
  std::reverse(chosen.begin(), chosen.end());
  return chosen;
}

// A way to recover points: which options (a bit each), at what cost.
struct Way {
  int128 points = 0;
  int128 cost = 0;
  std::vector<std::uint64_t> chosen;
};

// The search cchc always made, and still makes first: every way that no
// other beats (none with at least as many points at no more cost), most
// points first, the cost falling strictly from one to the next. Options are
// added one by one. Among ways that tie on points and cost, the one the sort
// leaves first stays (std::sort: not a rule, but the same for the same
// options, and what plans printed before chose). nullopt when the ways
// sorted, over all options, would pass `most_work`.
std::optional<std::vector<std::size_t>> search_frontier(const Grid& grid, std::size_t most_work) {
  const std::size_t count = grid.points.size();
  std::vector<Way> ways{Way{0, 0, std::vector<std::uint64_t>((count + 63) / 64, 0)}};
  std::size_t work = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const std::size_t existing = ways.size();
    if (existing > most_work / 2 - work / 2) {
      return std::nullopt;
    }
    work += 2 * existing;
    for (std::size_t w = 0; w < existing; ++w) {
      Way with = ways[w];
      with.points += grid.points[i];
      with.cost += grid.cost[i];
      with.chosen[i / 64] |= std::uint64_t{1} << (i % 64);
      ways.push_back(std::move(with));
    }
    std::sort(ways.begin(), ways.end(),
              [](const Way& a, const Way& b) { return a.points != b.points ? a.points > b.points : a.cost < b.cost; });
    std::vector<Way> kept;
    for (Way& way : ways) {
      if (kept.empty() || way.cost < kept.back().cost) {
        kept.push_back(std::move(way));
      }
    }
    ways = std::move(kept);
  }
  // The ways with enough points come first; the last of them costs least.
  const Way* best = nullptr;
  for (const Way& way : ways) {
    if (way.points < grid.needed) {
      break;
    }
    best = &way;
  }
  assert(best != nullptr);
  std::vector<std::size_t> chosen;
  for (std::size_t i = 0; i < count; ++i) {
    if ((best->chosen[i / 64] >> (i % 64) & 1U) != 0) {
      chosen.push_back(i);
    }
  }
  return chosen;
}

// The most ways the first search sorts, over all options, before it gives
// way to a dynamic programme: a few milliseconds; ten times what the
// largest shipped example needs (so-y-te: 6,350).
constexpr std::size_t k_frontier_work = 65536;

// Bounds of a dynamic programme: at most 2^33 cells (options × width), 1 GiB
// of decisions, and 2^25 cells in a row (512 MB of int128).
constexpr int128 k_max_cells = int128{1} << 33;
constexpr int128 k_max_width = int128{1} << 25;
constexpr int128 k_endless = int128{1} << 120;

// A rough count of the steps of each search, to take the cheapest; a search
// out of bounds counts as endless.
int128 steps(FixSearch search, const Grid& grid) {
  const auto rows = static_cast<int128>(grid.points.size());
  int128 width = 0;
  switch (search) {
    case FixSearch::by_points:
      width = grid.needed + 1;
      break;
    case FixSearch::by_effort:
      width = grid.all_cost + 1;
      break;
    case FixSearch::automatic:
    case FixSearch::frontier:
      // At most 2^options ways, each sorted and copied: a few times dearer.
      return rows > 40 ? k_endless : rows * (int128{8} << rows);
  }
  return width > k_max_width || rows * width > k_max_cells ? k_endless : rows * width;
}

}  // namespace

std::optional<std::vector<std::size_t>> choose_fixes(const std::vector<FixOption>& options, const Decimal& needed,
                                                     FixSearch search) {
  const Grid grid = make_grid(options, needed);
  if (grid.needed == 0) {
    return std::vector<std::size_t>{};  // nothing to recover: the empty plan costs nothing
  }
  if (grid.all_points < grid.needed) {
    return std::nullopt;
  }
  if (search == FixSearch::automatic) {
    if (auto chosen = search_frontier(grid, k_frontier_work)) {
      return chosen;
    }
    search = FixSearch::by_points;
    for (const FixSearch other : {FixSearch::by_effort, FixSearch::frontier}) {
      if (steps(other, grid) < steps(search, grid)) {
        search = other;
      }
    }
    if (steps(search, grid) == k_endless) {
      search = FixSearch::frontier;  // none is bounded: the frontier, exact, as fast as the ways are few
    }
  }
  switch (search) {
    case FixSearch::by_points:
      if (grid.all_cost < std::numeric_limits<std::int64_t>::max() / 4) {
        return search_by_points<std::int64_t>(grid);
      }
      return search_by_points<int128>(grid);
    case FixSearch::by_effort:
      return search_by_effort(grid);
    case FixSearch::automatic:
    case FixSearch::frontier:
      break;
  }
  return search_frontier(grid, std::numeric_limits<std::size_t>::max());
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
