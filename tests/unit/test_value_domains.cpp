#include <catch2/catch.hpp>

#include <string>

#include "cchc/criteria.hpp"
#include "cchc/describe.hpp"
#include "cchc/evidence.hpp"
#include "test_support.hpp"

using namespace cchc;
using test::criteria_errors;

namespace {

// One field of leaves with every kind of value domain (SPEC §5.1).
constexpr std::string_view k_domains = R"(cchc: criteria/1
id: d-2023
title: D
year: 2023
scale: 6
fields:
  - id: "1"
    title: F
    max: 6
    children:
      - {id: "1.1", title: "Tỷ lệ", max: 1, rule: {type: bands, unit: percent, bands: [{at_least: 95, points: 1}]}}
      - {id: "1.2", title: "Số", max: 1, rule: {type: bands, unit: count, bands: [{at_least: 3, points: 1}]}}
      - {id: "1.3", title: "Chênh lệch", max: 1, rule: {type: bands, range: [-10, 10.5], bands: [{at_least: 0, points: 1}]}}
      - {id: "1.4", title: "Số liệu", max: 1, rule: {type: bands, bands: [{at_least: 5, points: 1}]}}
      - {id: "1.5", title: "Tỷ lệ", max: 1, rule: {type: ratio, target: 80}}
      - {id: "1.6", title: "Sản phẩm", max: 1, rule: {type: per_item, unit: count, each: 0.25}}
)";

const Criteria& domains() {
  static const Criteria loaded = parse_criteria(k_domains, "d.yaml", Lang::en);
  return loaded;
}

// The diagnostics of an evidence file with one item, "" when it loads.
std::string value_errors(const std::string& id, const std::string& value, Lang lang = Lang::en) {
  const std::string text = "cchc: evidence/1\ncriteria: d-2023\nyear: 2023\nunit: {id: u}\nitems:\n  \"" + id +
                           "\": {value: " + value + "}\n";
  return test::diagnostics_of([&] { parse_evidence(text, "e.yaml", domains(), lang); });
}

// A criteria file whose leaves (list items under fields[0].children, from
// line 12) add up to `max`, at `precision`.
std::string leaves(const std::string& items, const std::string& max = "1", const std::string& precision = "2") {
  return "cchc: criteria/1\nid: c\ntitle: C\nyear: 2023\nscale: " + max + "\nprecision: " + precision +
         "\nfields:\n  - id: \"1\"\n    title: F\n    max: " + max + "\n    children:\n" + items;
}

}  // namespace

TEST_CASE("unit and range are read from the rule") {
  const Criteria& set = domains();
  CHECK(set.nodes[static_cast<std::size_t>(set.find("1.1"))].rule->unit == ValueUnit::percent);
  CHECK(set.nodes[static_cast<std::size_t>(set.find("1.2"))].rule->unit == ValueUnit::count);
  const Rule& ranged = *set.nodes[static_cast<std::size_t>(set.find("1.3"))].rule;
  REQUIRE(ranged.range);
  CHECK(ranged.range->min == Decimal(-10));
  CHECK(ranged.range->max == *Decimal::parse("10.5"));
  CHECK(set.nodes[static_cast<std::size_t>(set.find("1.4"))].rule->unit == ValueUnit::none);
  CHECK(set.nodes[static_cast<std::size_t>(set.find("1.6"))].rule->unit == ValueUnit::count);
}

TEST_CASE("a percent value is in [0, 100]") {
  CHECK(value_errors("1.1", "100") == "");
  CHECK(value_errors("1.1", "0") == "");
  CHECK(value_errors("1.1", "99.85") == "");
  CHECK(value_errors("1.1", "100.001") == "e.yaml:6:18: error: value: 100.001 is outside [0, 100] (a percentage)\n");
  CHECK(value_errors("1.1", "-0.001") == "e.yaml:6:18: error: value: -0.001 is outside [0, 100] (a percentage)\n");
  CHECK(value_errors("1.1", "-5") == "e.yaml:6:18: error: value: -5 is outside [0, 100] (a percentage)\n");
}

TEST_CASE("a whole percentage above 100 suggests where the decimal point was lost") {
  CHECK(value_errors("1.1", "9985") ==
        "e.yaml:6:18: error: value: 9985 is outside [0, 100] (a percentage); did you mean 99.85?\n");
  CHECK(value_errors("1.1", "9985", Lang::vi) ==
        "e.yaml:6:18: error: value: 9985 nằm ngoài [0, 100] (phần trăm) — có phải 99,85?\n");
  CHECK(value_errors("1.1", "99850") ==
        "e.yaml:6:18: error: value: 99850 is outside [0, 100] (a percentage); did you mean 99.85?\n");
  CHECK(value_errors("1.1", "199.85") == "e.yaml:6:18: error: value: 199.85 is outside [0, 100] (a percentage)\n");
  CHECK(value_errors("1.5", "980") ==
        "e.yaml:6:18: error: value: 980 is outside [0, 100] (a percentage); did you mean 9.8?\n");
}

TEST_CASE("a ratio is a percentage by definition") {
  CHECK(value_errors("1.5", "100") == "");
  CHECK(value_errors("1.5", "0") == "");
  CHECK(value_errors("1.5", "100.001") == "e.yaml:6:18: error: value: 100.001 is outside [0, 100] (a percentage)\n");
  CHECK(value_errors("1.5", "-0.001") == "e.yaml:6:18: error: value: -0.001 is outside [0, 100] (a percentage)\n");
  CHECK(value_errors("1.5", "{done: 0, of: 4}") == "");
  CHECK(value_errors("1.5", "{done: 4, of: 4}") == "");
  CHECK(value_errors("1.5", "{done: 5, of: 4}") == "e.yaml:6:25: error: done: 5 is more than the total of: 4\n");
}

TEST_CASE("a count value is a whole number >= 0") {
  CHECK(value_errors("1.2", "0") == "");
  CHECK(value_errors("1.2", "12") == "");
  CHECK(value_errors("1.2", "-1") == "e.yaml:6:18: error: value: expected a whole number ≥ 0 (a count), found -1\n");
  CHECK(value_errors("1.2", "2.5") == "e.yaml:6:18: error: value: expected a whole number ≥ 0 (a count), found 2.5\n");
}

TEST_CASE("a declared range holds both bounds") {
  CHECK(value_errors("1.3", "-10") == "");
  CHECK(value_errors("1.3", "10.5") == "");
  CHECK(value_errors("1.3", "10.501") == "e.yaml:6:18: error: value: 10.501 is outside [-10, 10.5]\n");
  CHECK(value_errors("1.3", "-10.01") == "e.yaml:6:18: error: value: -10.01 is outside [-10, 10.5]\n");
  CHECK(value_errors("1.3", "-10.01", Lang::vi) == "e.yaml:6:18: error: value: -10.01 nằm ngoài [-10, 10,5]\n");
}

TEST_CASE("the expected unit and range are said in words") {
  const Criteria& set = domains();
  const auto value_of = [&](const char* id, Lang lang) {
    return describe_value(set.nodes[static_cast<std::size_t>(set.find(id))], lang);
  };
  CHECK(value_of("1.1", Lang::vi) == "phần trăm, từ 0 đến 100");
  CHECK(value_of("1.1", Lang::en) == "a percentage, 0 to 100");
  CHECK(value_of("1.2", Lang::en) == "a whole number ≥ 0");
  CHECK(value_of("1.3", Lang::vi) == "một số, từ -10 đến 10,5");
  CHECK(value_of("1.3", Lang::en) == "a number, -10 to 10.5");
  CHECK(value_of("1.4", Lang::vi) == "một số ≥ 0");
}

TEST_CASE("a value of the wrong type is told the expected unit and range") {
  CHECK(value_errors("1.1", "true") == "e.yaml:6:18: error: value: expected a percentage, 0 to 100, found \"true\"\n");
  CHECK(value_errors("1.1", "\"abc\"", Lang::vi) ==
        "e.yaml:6:18: error: value: cần phần trăm, từ 0 đến 100, nhưng gặp văn bản \"abc\"\n");
  CHECK(value_errors("1.2", "[3]") == "e.yaml:6:18: error: value: expected a whole number ≥ 0, found a list\n");
  CHECK(value_errors("1.3", "\"5\"") ==
        "e.yaml:6:18: error: value: expected a number, -10 to 10.5, found the text \"5\" (remove the quotes)\n");
  CHECK(value_errors("1.5", "[1]") ==
        "e.yaml:6:18: error: value: expected a percentage, 0 to 100, or {done: N, of: M}, found a list\n");
  CHECK(value_errors("1.6", "many") ==
        "e.yaml:6:18: error: value: expected the number of items (a whole number ≥ 0), found \"many\"\n");
}

TEST_CASE("a percentage typed with a % sign is told to drop it") {
  CHECK(value_errors("1.1", "99.85%") ==
        "e.yaml:6:18: error: value: write the number without a % sign, found "
        "\"99.85%\" (write 99.85)\n");
  CHECK(value_errors("1.1", "\"99,85 %\"", Lang::vi) ==
        "e.yaml:6:18: error: value: ghi số không kèm dấu %, nhưng gặp \"99,85 %\" (hãy viết 99.85)\n");
  CHECK(value_errors("1.5", "80%") ==
        "e.yaml:6:18: error: value: write the number without a % sign, found \"80%\" (write 80)\n");
  // Not a number before the sign: the usual message.
  CHECK(value_errors("1.1", "\"%\"") ==
        "e.yaml:6:18: error: value: expected a percentage, 0 to 100, found the text \"%\"\n");
}

TEST_CASE("a bands value without a declared domain is >= 0") {
  CHECK(value_errors("1.4", "0") == "");
  CHECK(value_errors("1.4", "12345") == "");
  CHECK(value_errors("1.4", "-0.001") == "e.yaml:6:18: error: value: expected a number ≥ 0, found -0.001\n");
  CHECK(value_errors("1.4", "-1", Lang::vi) == "e.yaml:6:18: error: value: không được là số âm, nhưng gặp -1\n");
}

TEST_CASE("an unknown unit is an error with a did-you-mean") {
  CHECK(criteria_errors(leaves("      - {id: \"1.1\", title: A, max: 1, rule: {type: bands, unit: percnt, bands: "
                               "[{at_least: 1, points: 1}]}}\n")) ==
        "c.yaml:12:65: error: unit: expected one of percent, count, found \"percnt\"; did you mean \"percent\"?\n");
}

TEST_CASE("a unit or range that makes no sense for the rule type is an error") {
  CHECK(criteria_errors(leaves("      - {id: \"1.1\", title: A, max: 1, rule: {type: check, unit: percent}}\n")) ==
        "c.yaml:12:59: error: unknown key \"unit\" in the rule of \"1.1\" (type check) (known keys: type)\n");
  CHECK(criteria_errors(leaves("      - {id: \"1.1\", title: A, max: 1, rule: {type: deadline, due: 2023-01-15, "
                               "unit: count}}\n")) ==
        "c.yaml:12:79: error: unknown key \"unit\" in the rule of \"1.1\" (type deadline); "
        "did you mean \"until\"?\n");
  CHECK(criteria_errors(leaves("      - {id: \"1.1\", title: A, max: 1, rule: {type: levels, levels: [{label: A, "
                               "points: 1}], range: [0, 1]}}\n")) ==
        "c.yaml:12:93: error: unknown key \"range\" in the rule of \"1.1\" (type levels) (known keys: type, levels)\n");
  CHECK(criteria_errors(leaves("      - {id: \"1.1\", title: A, max: 1, rule: {type: ratio, unit: count}}\n")) ==
        "c.yaml:12:65: error: unit: count makes no sense for a rule of type ratio\n");
  CHECK(criteria_errors(leaves("      - {id: \"1.1\", title: A, max: 1, rule: {type: ratio, unit: percent}}\n")) == "");
  CHECK(criteria_errors(
            leaves("      - {id: \"1.1\", title: A, max: 1, rule: {type: deduct, each: 0.5, unit: percent}}\n")) ==
        "c.yaml:12:77: error: unit: percent makes no sense for a rule of type deduct\n");
  CHECK(criteria_errors(leaves("      - {id: \"1.1\", title: A, max: 1, rule: {type: ratio, unit: count}}\n"),
                        Lang::vi) == "c.yaml:12:65: error: unit: count không dùng được với cách chấm loại ratio\n");
}

TEST_CASE("a range with MIN above MAX is an error") {
  CHECK(criteria_errors(leaves("      - {id: \"1.1\", title: A, max: 1, rule: {type: bands, range: [100, 0], bands: "
                               "[{at_least: 1, points: 1}]}}\n")) ==
        "c.yaml:12:66: error: range: MIN 100 is greater than MAX 0\n");
  CHECK(criteria_errors(leaves("      - {id: \"1.1\", title: A, max: 1, rule: {type: bands, range: [5, 5], bands: "
                               "[{at_least: 1, points: 1}]}}\n")) == "");
}

TEST_CASE("a ratio's floor may not be above its target") {
  CHECK(criteria_errors(
            leaves("      - {id: \"1.1\", title: A, max: 1, rule: {type: ratio, target: 50, floor: 60}}\n")) ==
        "c.yaml:12:78: error: floor: 60 is above the target 50\n");
  CHECK(criteria_errors(leaves("      - {id: \"1.1\", title: A, max: 1, rule: {type: ratio, floor: 100.5}}\n"),
                        Lang::vi) == "c.yaml:12:66: error: floor: ngưỡng 100,5 cao hơn chỉ tiêu target 100\n");
  CHECK(criteria_errors(
            leaves("      - {id: \"1.1\", title: A, max: 1, rule: {type: ratio, target: 50, floor: 50}}\n")) == "");
}

TEST_CASE("a max or rule parameter with more decimals than the precision is an error") {
  CHECK(criteria_errors(leaves("      - {id: \"1.1\", title: A, max: 3.335, rule: {type: check}}\n"
                               "      - {id: \"1.2\", title: B, max: 6.665, rule: {type: check}}\n",
                               "10"),
                        Lang::vi) ==
        "c.yaml:12:36: error: max: 3,335 có 3 chữ số thập phân, nhiều hơn precision 2\n"
        "c.yaml:13:36: error: max: 6,665 có 3 chữ số thập phân, nhiều hơn precision 2\n");
  CHECK(criteria_errors(leaves("      - {id: \"1.1\", title: A, max: 1, rule: {type: per_item, each: 0.125}}\n")) ==
        "c.yaml:12:68: error: each: 0.125 has more decimals (3) than the precision 2\n");
  CHECK(criteria_errors(leaves("      - {id: \"1.1\", title: A, max: 1, rule: {type: deadline, due: 2023-01-15, "
                               "late: 0.5}}\n",
                               "1", "0")) ==
        "c.yaml:12:85: error: late: 0.5 has more decimals (1) than the precision 0\n");
  CHECK(criteria_errors(leaves("      - {id: \"1.1\", title: A, max: 1, rule: {type: levels, levels: [{label: A, "
                               "points: 1}, {label: B, points: 0.333}]}}\n")) ==
        "c.yaml:12:111: error: the level \"B\": 0.333 has more decimals (3) than the precision 2\n");
  CHECK(criteria_errors(leaves("      - {id: \"1.1\", title: A, max: 1, rule: {type: bands, bands: [{at_least: 1, "
                               "points: 0.505}]}}\n")) ==
        "c.yaml:12:89: error: points: 0.505 has more decimals (3) than the precision 2\n"
        "c.yaml:12:45: warning: \"1.1\": the rule gives at best 0.505 points, less than the max 1; the criterion can "
        "never earn full points\n");
  CHECK(criteria_errors(leaves("      - {id: \"1.1\", title: A, max: 3.34, rule: {type: check}}\n"
                               "      - {id: \"1.2\", title: B, max: 6.66, rule: {type: check}}\n",
                               "10")) == "");
}
