#include <catch2/catch.hpp>
#include <random>
#include <tuple>

#include "cchc/catalog.hpp"
#include "cchc/diff.hpp"
#include "cchc/plan.hpp"
#include "test_support.hpp"

using namespace cchc;

namespace {

Decimal dec(const char* text) {
  return *Decimal::parse(text);
}

struct Scored {
  Criteria criteria;
  Evidence evidence;
  ScoreResult result;
};

Scored score_file(const std::string& criteria, const std::string& evidence) {
  const std::string root = std::string(CCHC_SOURCE_DIR) + "/";
  Scored scored{CriteriaCatalog("", Lang::en).load(criteria.empty() ? criteria : root + criteria), {}, {}};
  const InputFile file = InputFile::read(root + evidence, Lang::en);
  scored.evidence = load_evidence(file, scored.criteria, Lang::en);
  scored.result = score(scored.criteria, scored.evidence, {Lang::en, false});
  return scored;
}

Scored plan_unit(const std::string& evidence) {
  return score_file("tests/data/plan/plan-2023.yaml", "tests/data/plan/" + evidence);
}

RankInput unit_of(const Scored& scored) {
  return RankInput{scored.evidence.unit.id, scored.evidence.unit.name, scored.result.index, scored.result.points,
                   scored.result.grade};
}

std::vector<std::string> fix_ids(const Scored& scored, const Plan& plan) {
  std::vector<std::string> ids;
  for (const PlannedFix& fix : plan.fixes) {
    ids.push_back(scored.criteria.nodes[static_cast<std::size_t>(fix.node)].id);
  }
  return ids;
}

PlanTarget index_target(const char* index) {
  PlanTarget target;
  target.kind = PlanTarget::Kind::index;
  target.index = dec(index);
  return target;
}

// Every subset, the best by (effort, fixes, −points) among those reaching
// `needed`: what choose_fixes() must find.
std::optional<std::tuple<Decimal, std::size_t, Decimal>> brute_force(const std::vector<FixOption>& options,
                                                                     const Decimal& needed) {
  std::optional<std::tuple<Decimal, std::size_t, Decimal>> best;
  for (std::size_t mask = 0; mask < (std::size_t{1} << options.size()); ++mask) {
    Decimal points;
    Decimal effort;
    std::size_t count = 0;
    for (std::size_t i = 0; i < options.size(); ++i) {
      if ((mask >> i & 1U) != 0) {
        points += options[i].lost;
        effort += options[i].effort;
        ++count;
      }
    }
    if (points < needed) {
      continue;
    }
    const auto key = std::make_tuple(effort, count, -points);
    if (!best || key < *best) {
      best = key;
    }
  }
  return best;
}

}  // namespace

TEST_CASE("choose_fixes agrees with trying every subset") {
  std::mt19937 random(20261121);  // fixed: the same cases every run
  const auto decimal_between = [&](int low, int high, int decimals) {
    std::uniform_int_distribution<int> units(low, high);
    std::string text = std::to_string(units(random));
    if (decimals > 0) {
      std::uniform_int_distribution<int> fraction(0, decimals == 1 ? 9 : 99);
      text += '.';
      text += std::to_string(fraction(random));
    }
    return dec(text.c_str());
  };
  for (int round = 0; round < 400; ++round) {
    std::uniform_int_distribution<int> size(0, 11);
    std::vector<FixOption> options(static_cast<std::size_t>(size(random)));
    Decimal all;
    for (FixOption& option : options) {
      // Equal losses and efforts often, so that the tie-breaks matter.
      option.lost = decimal_between(0, 4, round % 3);
      if (option.lost == Decimal(0)) {
        option.lost = dec("0.25");
      }
      option.effort = round % 4 == 0 ? Decimal(1) : decimal_between(1, 3, round % 2);
      all += option.lost;
    }
    std::uniform_int_distribution<int> share(0, 110);
    const Decimal needed = Decimal::mul_div(all, Decimal(share(random)), Decimal(100), 2);
    INFO("round " << round << ", " << options.size() << " options, needed " << needed.to_string());
    const auto chosen = choose_fixes(options, needed);
    const auto expected = brute_force(options, needed);
    REQUIRE(chosen.has_value() == expected.has_value());
    if (!chosen) {
      continue;
    }
    Decimal points;
    Decimal effort;
    for (const std::size_t i : *chosen) {
      points += options[i].lost;
      effort += options[i].effort;
    }
    CHECK(points >= needed);
    CHECK(std::make_tuple(effort, chosen->size(), -points) == *expected);
  }
}

TEST_CASE("choose_fixes: nothing needed takes nothing, too much is out of reach") {
  const std::vector<FixOption> options{{dec("2"), dec("1")}, {dec("1.5"), dec("1")}};
  CHECK(choose_fixes(options, Decimal(0)) == std::vector<std::size_t>{});
  CHECK(choose_fixes(options, dec("3.5")) == std::vector<std::size_t>{0, 1});
  CHECK_FALSE(choose_fixes(options, dec("3.51")).has_value());
  CHECK_FALSE(choose_fixes({}, dec("0.01")).has_value());
}

namespace {

// Every subset, the best by (effort, fixes, −points), then the earlier
// criteria (the lower mask: the last differing fix comes first): exactly the
// indices choose_fixes() must return.
std::optional<std::vector<std::size_t>> brute_force_indices(const std::vector<FixOption>& options,
                                                            const Decimal& needed) {
  std::optional<std::tuple<Decimal, std::size_t, Decimal, std::size_t>> best;
  for (std::size_t mask = 0; mask < (std::size_t{1} << options.size()); ++mask) {
    Decimal points;
    Decimal effort;
    std::size_t count = 0;
    for (std::size_t i = 0; i < options.size(); ++i) {
      if ((mask >> i & 1U) != 0) {
        points += options[i].lost;
        effort += options[i].effort;
        ++count;
      }
    }
    const auto key = std::make_tuple(effort, count, -points, mask);
    if (points >= needed && (!best || key < *best)) {
      best = key;
    }
  }
  if (!best) {
    return std::nullopt;
  }
  std::vector<std::size_t> chosen;
  for (std::size_t i = 0; i < options.size(); ++i) {
    if ((std::get<3>(*best) >> i & 1U) != 0) {
      chosen.push_back(i);
    }
  }
  return chosen;
}

constexpr FixSearch k_searches[] = {FixSearch::automatic, FixSearch::by_points, FixSearch::by_effort,
                                    FixSearch::frontier};

const char* search_name(FixSearch search) {
  switch (search) {
    case FixSearch::automatic:
      return "automatic";
    case FixSearch::by_points:
      return "by points";
    case FixSearch::by_effort:
      return "by effort";
    case FixSearch::frontier:
      return "frontier";
  }
  return "?";
}

// A random decimal on the grid of 10^-decimals from `low` to `high` units.
Decimal grid_value(std::mt19937& random, int low, int high, int decimals) {
  const int units = std::uniform_int_distribution<int>(low, high)(random);
  Decimal power(1);
  for (int i = 0; i < decimals; ++i) {
    power = power * Decimal(10);
  }
  return Decimal::mul_div(Decimal(units), Decimal(1), power, decimals);
}

}  // namespace

TEST_CASE("every search finds the plan trying every subset finds") {
  std::mt19937 random(18);  // fixed: the same 2,000 cases every run
  for (int round = 0; round < 2000; ++round) {
    const auto size = static_cast<std::size_t>(std::uniform_int_distribution<int>(0, 12)(random));
    const int lost_decimals = round % 4;  // 0 to 3, as a criteria precision
    const int effort_decimals = round % 3 == 0 ? 1 : 0;
    const int spread = std::uniform_int_distribution<int>(1, 6)(random);  // few values: many ties
    std::vector<FixOption> options(size);
    Decimal all;
    for (FixOption& option : options) {
      // Zero losses and zero efforts now and then (an option that loses
      // nothing, a fix that costs nothing), though the loaders allow neither.
      option.lost = grid_value(random, round % 7 == 0 ? 0 : 1, spread * 3, lost_decimals);
      option.effort =
          round % 5 == 0 ? Decimal(1) : grid_value(random, round % 11 == 0 ? 0 : 1, spread, effort_decimals);
      all += option.lost;
    }
    const int share = std::uniform_int_distribution<int>(-5, 110)(random);
    const Decimal needed = Decimal::mul_div(all, Decimal(share), Decimal(100), 3);
    const auto expected = brute_force_indices(options, needed);
    const auto key = [&](const std::vector<std::size_t>& chosen) {
      Decimal points;
      Decimal effort;
      for (const std::size_t i : chosen) {
        points += options[i].lost;
        effort += options[i].effort;
      }
      return std::make_tuple(effort, chosen.size(), points);
    };
    for (const FixSearch search : k_searches) {
      INFO("round " << round << ", " << search_name(search) << ", " << options.size() << " options, needed "
                    << needed.to_string());
      const auto chosen = choose_fixes(options, needed, search);
      REQUIRE(chosen.has_value() == expected.has_value());
      if (!chosen) {
        continue;
      }
      if (search == FixSearch::by_points || search == FixSearch::by_effort) {
        CHECK(*chosen == *expected);  // the earlier criteria among full ties
      } else {
        CHECK(key(*chosen) == key(*expected));  // among full ties, the first the sort leaves
      }
    }
  }
}

TEST_CASE("choose_fixes: edge cases") {
  const auto options_of = [](std::initializer_list<std::pair<const char*, const char*>> list) {
    std::vector<FixOption> options;
    for (const auto& [lost, effort] : list) {
      options.push_back(FixOption{dec(lost), dec(effort)});
    }
    return options;
  };
  using Chosen = std::optional<std::vector<std::size_t>>;
  for (const FixSearch search : k_searches) {
    INFO(search_name(search));
    const auto options = options_of({{"2", "1"}, {"1.5", "1"}, {"0.5", "1"}});
    // Nothing needed (or less than nothing): nothing to fix.
    CHECK(choose_fixes(options, Decimal(0), search) == Chosen{std::vector<std::size_t>{}});
    CHECK(choose_fixes(options, dec("-1"), search) == Chosen{std::vector<std::size_t>{}});
    // Everything needed: everything; a thousandth more: out of reach.
    CHECK(choose_fixes(options, dec("4"), search) == Chosen{{0, 1, 2}});
    CHECK_FALSE(choose_fixes(options, dec("4.001"), search).has_value());
    CHECK_FALSE(choose_fixes({}, dec("0.001"), search).has_value());
    CHECK(choose_fixes({}, Decimal(0), search) == Chosen{std::vector<std::size_t>{}});
    // A need between two grid steps is rounded up to the next step.
    CHECK(choose_fixes(options, dec("1.5000001"), search) == Chosen{{0}});
    // One loss larger than what is needed.
    CHECK(choose_fixes(options_of({{"0.25", "1"}, {"90", "3"}}), dec("0.5"), search) == Chosen{{1}});

    // Equal efforts: the fewest fixes, then the most points, then the
    // earlier criteria.
    const auto equal = options_of({{"1", "1"}, {"1", "1"}, {"2", "1"}, {"2", "1"}});
    CHECK(choose_fixes(equal, dec("2"), search) == Chosen{{2}});
    CHECK(choose_fixes(equal, dec("1"), search) == Chosen{{2}});
    CHECK(choose_fixes(equal, dec("3"), search) == Chosen{{2, 3}});
    CHECK(choose_fixes(equal, dec("4.5"), search) == Chosen{{0, 2, 3}});
    // At one effort, the fewer fixes beat the more points: {0} (5 points,
    // one fix) over {1, 2} (6 points, two), both of effort 2.
    CHECK(choose_fixes(options_of({{"5", "2"}, {"3", "1"}, {"3", "1"}}), dec("5"), search) == Chosen{{0}});
    // A fix that costs nothing is taken when it brings needed points, and
    // not otherwise (it would be one fix more).
    const auto free = options_of({{"1", "0"}, {"3", "2"}, {"2", "1"}});
    CHECK(choose_fixes(free, dec("1"), search) == Chosen{{0}});
    CHECK(choose_fixes(free, dec("3"), search) == Chosen{{0, 2}});
    CHECK(choose_fixes(free, dec("2"), search) == Chosen{{2}});
    // An option that loses nothing is never chosen, even at no cost.
    const auto nothing = options_of({{"0", "0"}, {"1", "1"}, {"0", "1"}});
    CHECK(choose_fixes(nothing, dec("1"), search) == Chosen{{1}});
    CHECK(choose_fixes(nothing, dec("0.001"), search) == Chosen{{1}});
    // Losses on a finer grid than the need, and efforts on nine decimals.
    const auto fine = options_of({{"0.0005", "0.000000001"}, {"0.0007", "0.000000002"}, {"0.001", "0.000000004"}});
    CHECK(choose_fixes(fine, dec("0.0012"), search) == Chosen{{0, 1}});
    CHECK(choose_fixes(fine, dec("0.0013"), search) == Chosen{{0, 2}});
  }
}

TEST_CASE("choose_fixes: the searches agree on hundreds of criteria") {
  // Too many options to try every subset: the two dynamic programmes, over
  // different dimensions, must find the same indices, and the plan must
  // reach the need and beat or equal taking the largest losses greedily.
  std::mt19937 random(2018);
  for (int round = 0; round < 6; ++round) {
    std::vector<FixOption> options(150 + static_cast<std::size_t>(round) * 50);
    Decimal all;
    for (FixOption& option : options) {
      option.lost = grid_value(random, 1, 400, 3);
      option.effort = grid_value(random, 1, round % 2 == 0 ? 3 : 10, round % 2);
      all += option.lost;
    }
    const Decimal needed = Decimal::mul_div(all, Decimal(20 + round * 10), Decimal(100), 3);
    INFO("round " << round);
    const auto by_points = choose_fixes(options, needed, FixSearch::by_points);
    const auto by_effort = choose_fixes(options, needed, FixSearch::by_effort);
    REQUIRE(by_points.has_value());
    CHECK(by_points == by_effort);
    CHECK(choose_fixes(options, needed) == by_points);
    Decimal points;
    for (const std::size_t i : *by_points) {
      points += options[i].lost;
    }
    CHECK(points >= needed);
  }
}

TEST_CASE("a plan takes the cheapest fixes, not the largest losses") {
  const Scored scored = plan_unit("don-vi-2023.yaml");
  REQUIRE(scored.result.index == dec("37.5"));

  // Khá (65) needs 13 points of 20: 5.5 more. 1.1 (4 points, effort 1) and
  // 2.3 (3 points, effort 0.5) cost 1.5; 1.1 + 1.3 brings as much for 2.5.
  PlanTarget kha;
  kha.kind = PlanTarget::Kind::grade;
  kha.grade = "Khá";
  kha.index = Decimal(65);
  const Plan plan = make_plan(scored.criteria, scored.result, unit_of(scored), kha, nullptr);
  CHECK(plan.reachable);
  CHECK(plan.needed == dec("5.5"));
  CHECK(fix_ids(scored, plan) == std::vector<std::string>{"1.1", "2.3"});
  CHECK(plan.effort == dec("1.5"));
  CHECK(plan.fixes[0].after.index == dec("57.5"));
  CHECK(plan.fixes[1].after.index == dec("72.5"));
  CHECK(plan.projected.points == dec("14.5"));
  CHECK(plan.projected.grade == "Khá");

  // 80 needs 8.5 more: 1.1 + 1.3 + 2.3 (effort 3) rather than anything with 2.2.
  const Plan tot = make_plan(scored.criteria, scored.result, unit_of(scored), index_target("80"), nullptr);
  CHECK(fix_ids(scored, tot) == std::vector<std::string>{"1.1", "1.3", "2.3"});
  CHECK(tot.effort == Decimal(3));
  CHECK(tot.projected.index == dec("87.5"));
}

TEST_CASE("a target already met needs no fix, one out of reach shows the best there is") {
  const Scored scored = plan_unit("don-vi-2023.yaml");
  const Plan met = make_plan(scored.criteria, scored.result, unit_of(scored), index_target("30"), nullptr);
  CHECK(met.reachable);
  CHECK(met.fixes.empty());
  CHECK(met.needed == Decimal(0));
  CHECK(met.projected.index == dec("37.5"));

  // The penalty of 2 points stays: every fix gives 18 of 20, index 90.
  const Scored penalised = plan_unit("don-vi-penalty.yaml");
  const Plan out = make_plan(penalised.criteria, penalised.result, unit_of(penalised), index_target("95"), nullptr);
  CHECK_FALSE(out.reachable);
  CHECK(fix_ids(penalised, out) == std::vector<std::string>{"1.1"});
  CHECK(out.projected.index == Decimal(90));
}

TEST_CASE("a rank target places the projected index among the peers") {
  const Scored scored = plan_unit("don-vi-2023.yaml");
  ResultsTable peers;
  peers.path = "peers.csv";
  const auto row = [](const char* unit, const char* index) {
    ResultRow r;
    r.unit = unit;
    r.index = dec(index);
    return r;
  };
  peers.rows = {row("b", "90"), row("c", "75"), row("d", "60"), row("don-vi-a", "37.5")};
  PlanTarget second;
  second.kind = PlanTarget::Kind::rank;
  second.rank = 2;
  const Plan plan = make_plan(scored.criteria, scored.result, unit_of(scored), second, &peers);
  CHECK(plan.now.rank == 4);
  REQUIRE(plan.reachable);
  // 75 (a tie with c shares 2nd place) needs 15 points: 7.5 more.
  CHECK(plan.needed == dec("7.5"));
  CHECK(plan.projected.rank <= 2);
  CHECK(plan.projected.index >= Decimal(75));
  CHECK(plan.fixes.back().after.rank == plan.projected.rank);
}

TEST_CASE("diff: fields and criteria by id, deductions that appeared or were resolved") {
  const Scored before = plan_unit("don-vi-2023.yaml");
  const Scored after = plan_unit("don-vi-penalty.yaml");
  const Diff diff = make_diff({&before.criteria, &before.evidence, &before.result},
                              {&after.criteria, &after.evidence, &after.result}, nullptr, nullptr, Aliases());
  REQUIRE(diff.fields.size() == 2);
  CHECK(diff.fields[0].id == "1");
  CHECK(diff.fields[0].delta == Decimal(3));
  CHECK(diff.fields[1].delta == dec("5.5"));
  std::vector<std::string> changed;
  for (const PointsChange& item : diff.items) {
    changed.push_back(item.id);
  }
  CHECK(changed == std::vector<std::string>{"1.3", "2.2", "2.3"});
  CHECK(diff.appeared.empty());
  REQUIRE(diff.resolved.size() == 3);
  CHECK(diff.resolved[0].id == "1.3");
  CHECK(diff.new_index == Decimal(70));
  CHECK_FALSE(diff.rank.has_value());
}
