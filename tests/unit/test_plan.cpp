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
