#include <catch2/catch.hpp>

#include <string>

#include "cchc/criteria.hpp"
#include "test_support.hpp"

using namespace cchc;
using test::criteria_errors;

namespace {

// A valid criteria file whose single leaf is replaced by `leaf` (indented
// as a list item under fields[0].children).
std::string with_leaf(const std::string& leaf, const std::string& field_max = "1") {
  return "cchc: criteria/1\nid: c\ntitle: C\nyear: 2023\nscale: " + field_max +
         "\nfields:\n  - id: \"1\"\n    title: F\n    max: " + field_max + "\n    children:\n" + leaf;
}

}  // namespace

TEST_CASE("the fixture criteria load with their structure") {
  const Criteria criteria = test::fixture_criteria();
  CHECK(criteria.id == "t-2023");
  CHECK(criteria.scale == Decimal(12));
  CHECK(criteria.precision == 2);
  CHECK(criteria.period.from == Date{2023, 1, 1});
  CHECK(criteria.period.to == Date{2023, 12, 31});
  CHECK(criteria.fields.size() == 4);
  CHECK(criteria.nodes.size() == 17);
  CHECK(criteria.nodes[0].id == "1");
  CHECK(criteria.nodes[1].id == "1.1");
  CHECK(criteria.nodes[static_cast<std::size_t>(criteria.find("T1"))].section == Section::bonus);
  CHECK(criteria.nodes[static_cast<std::size_t>(criteria.find("P1"))].section == Section::penalty);
  CHECK(criteria.grades.size() == 4);
  REQUIRE(criteria.profiles.size() == 1);
  CHECK(criteria.profiles[0].na == std::vector<int>{criteria.find("3")});
  CHECK(criteria.warnings.empty());
}

TEST_CASE("method, owner and documents are inherited from the parent") {
  const Criteria criteria = test::fixture_criteria();
  const auto node = [&](const char* id) { return criteria.nodes[static_cast<std::size_t>(criteria.find(id))]; };
  CHECK(node("4.1").method == Method::survey);
  CHECK(node("2.4").method == Method::assessor);
  CHECK(node("2.1").method == Method::self);
  CHECK(node("1.2").owner == "Văn phòng");
  CHECK(node("2.1").owner.empty());
  CHECK(node("1.4").documents == DocumentPolicy::required);
  CHECK(node("1.3").documents == DocumentPolicy::optional);
}

TEST_CASE("defaults.documents applies unless a node overrides it") {
  const std::string text =
      "cchc: criteria/1\nid: c\ntitle: C\nyear: 2023\nscale: 2\ndefaults: {documents: required}\nfields:\n"
      "  - {id: \"1\", title: A, max: 1, rule: {type: check}}\n"
      "  - {id: \"2\", title: B, max: 1, documents: optional, rule: {type: check}}\n";
  const Criteria criteria = parse_criteria(text, "c.yaml");
  CHECK(criteria.nodes[0].documents == DocumentPolicy::required);
  CHECK(criteria.nodes[1].documents == DocumentPolicy::optional);
}

TEST_CASE("ids are taken as written") {
  const std::string text =
      "cchc: criteria/1\nid: c\ntitle: C\nyear: 2023\nscale: 2\nfields:\n"
      "  - {id: 1.10, title: A, max: 1, rule: {type: check}}\n"
      "  - {id: 1.1, title: B, max: 1, rule: {type: check}}\n";
  const Criteria criteria = parse_criteria(text, "c.yaml");
  CHECK(criteria.find("1.10") == 0);
  CHECK(criteria.find("1.1") == 1);
}

TEST_CASE("an unknown key gets a did-you-mean") {
  CHECK(criteria_errors(with_leaf("      - {id: \"1.1\", titel: A, max: 1, rule: {type: check}}\n")) ==
        "c.yaml:11:21: error: unknown key \"titel\" in node \"1.1\"; did you mean \"title\"?\n"
        "c.yaml:11:9: error: node \"1.1\": the required key \"title\" is missing\n");
}

TEST_CASE("an unknown top-level key without a close match lists the known keys") {
  const std::string out =
      criteria_errors(with_leaf("      - {id: \"1.1\", title: A, max: 1, rule: {type: check}}\n") + "zzzzzz: 1\n");
  CHECK(out.rfind("c.yaml:12:1: error: unknown key \"zzzzzz\" in the criteria file (known keys: cchc, id, title,", 0) ==
        0);
}

TEST_CASE("duplicate ids are refused") {
  CHECK(criteria_errors(with_leaf("      - {id: \"1.1\", title: A, max: 1, rule: {type: check}}\n"
                                  "      - {id: \"1.1\", title: B, max: 1, rule: {type: check}}\n",
                                  "2")) == "c.yaml:12:14: error: duplicate id \"1.1\" (first used at line 11)\n");
}

TEST_CASE("children must add up to the parent's max") {
  CHECK(criteria_errors(with_leaf("      - {id: \"1.1\", title: A, max: 0.5, rule: {type: check}}\n"
                                  "      - {id: \"1.2\", title: B, max: 0.25, rule: {type: check}}\n")) ==
        "c.yaml:9:10: error: max: the children of \"1\" add up to 0.75, not 1\n");
}

TEST_CASE("children sums are exact decimals") {
  // 0.1 + 0.2 = 0.3 exactly (binary floating point says otherwise).
  CHECK(criteria_errors(with_leaf("      - {id: \"1.1\", title: A, max: 0.1, rule: {type: check}}\n"
                                  "      - {id: \"1.2\", title: B, max: 0.2, rule: {type: check}}\n",
                                  "0.3"))
            .empty());
}

TEST_CASE("scale must equal the fields' sum") {
  const std::string text =
      "cchc: criteria/1\nid: c\ntitle: C\nyear: 2023\nscale: 100\nfields:\n"
      "  - {id: \"1\", title: A, max: 1, rule: {type: check}}\n";
  CHECK(criteria_errors(text) == "c.yaml:5:8: error: scale: the fields' max add up to 1, not 100\n");
}

TEST_CASE("a node needs children or a rule, not both") {
  CHECK(criteria_errors(with_leaf("      - {id: \"1.1\", title: A, max: 1}\n")) ==
        "c.yaml:11:9: error: node \"1.1\": needs children (sub-criteria) or a rule (how it is scored)\n");
  CHECK(criteria_errors(with_leaf("      - {id: \"1.1\", title: A, max: 1, rule: {type: check}, children: []}\n")) ==
        "c.yaml:11:45: error: node \"1.1\": give either children (sub-criteria) or a rule, not both\n");
}

TEST_CASE("max must be a positive number written plainly") {
  CHECK(criteria_errors(with_leaf("      - {id: \"1.1\", title: A, max: một, rule: {type: check}}\n")) ==
        "c.yaml:11:36: error: max: expected a number, found \"một\"\n");
  CHECK(criteria_errors(with_leaf("      - {id: \"1.1\", title: A, max: \"1\", rule: {type: check}}\n")) ==
        "c.yaml:11:36: error: max: expected a number, found the text \"1\" (remove the quotes)\n");
  CHECK(criteria_errors(with_leaf("      - {id: \"1.1\", title: A, max: 0, rule: {type: check}}\n")) ==
        "c.yaml:11:36: error: max: expected a number greater than 0, found 0\n");
  CHECK(criteria_errors(with_leaf("      - {id: \"1.1\", title: A, max: 1e0, rule: {type: check}}\n")) ==
        "c.yaml:11:36: error: max: expected a plain number, found \"1e0\" (write it without an exponent)\n");
}

TEST_CASE("a decimal comma gets a hint in both languages") {
  const std::string text = with_leaf("      - {id: \"1.1\", title: A, max: 0,5, rule: {type: check}}\n");
  // In a flow map "0,5" splits; written in block style it is one scalar.
  const std::string block =
      "cchc: criteria/1\nid: c\ntitle: C\nyear: 2023\nscale: 1\nfields:\n"
      "  - id: \"1\"\n    title: A\n    max: 0,5\n    rule: {type: check}\n";
  CHECK(criteria_errors(block) ==
        "c.yaml:9:10: error: max: expected a number with a decimal point, found \"0,5\" (write 0.5)\n");
  CHECK(criteria_errors(block, Lang::vi) ==
        "c.yaml:9:10: error: max: số thập phân phải viết với dấu chấm, nhưng gặp \"0,5\" (hãy viết 0.5)\n");
  CHECK_FALSE(criteria_errors(text).empty());
}

TEST_CASE("precision must be 0 to 4") {
  const std::string text =
      "cchc: criteria/1\nid: c\ntitle: C\nyear: 2023\nscale: 1\nprecision: 5\nfields:\n"
      "  - {id: \"1\", title: A, max: 1, rule: {type: check}}\n";
  CHECK(criteria_errors(text) == "c.yaml:6:12: error: precision: expected a whole number from 0 to 4, found 5\n");
}

TEST_CASE("the format tag must be criteria/1") {
  const std::string text =
      "cchc: evidence/1\nid: c\ntitle: C\nyear: 2023\nscale: 1\nfields:\n"
      "  - {id: \"1\", title: A, max: 1, rule: {type: check}}\n";
  CHECK(criteria_errors(text) ==
        "c.yaml:1:7: error: cchc: expected \"criteria/1\" (a criteria file), found \"evidence/1\"\n");
}

TEST_CASE("missing required top-level keys are reported at the map") {
  CHECK(criteria_errors("cchc: criteria/1\n") ==
        "c.yaml:1:1: error: the criteria file: the required key \"id\" is missing\n"
        "c.yaml:1:1: error: the criteria file: the required key \"title\" is missing\n"
        "c.yaml:1:1: error: the criteria file: the required key \"year\" is missing\n"
        "c.yaml:1:1: error: the criteria file: the required key \"scale\" is missing\n"
        "c.yaml:1:1: error: the criteria file: the required key \"fields\" is missing\n");
}

TEST_CASE("a loader reports every problem of a file") {
  const std::string out =
      criteria_errors(with_leaf("      - {id: \"1.1\", title: A, max: x, rule: {type: chek}}\n"
                                "      - {id: \"1.2\", title: B, max: 1, metod: self, rule: {type: check}}\n",
                                "2"));
  CHECK(out ==
        "c.yaml:11:36: error: max: expected a number, found \"x\"\n"
        "c.yaml:11:52: error: type: expected one of check, levels, deadline, bands, ratio, per_item, deduct, "
        "assessed, found \"chek\"; did you mean \"check\"?\n"
        "c.yaml:12:39: error: unknown key \"metod\" in node \"1.2\"; did you mean \"method\"?\n");
}

TEST_CASE("unknown rule parameters and wrong types are refused") {
  CHECK(criteria_errors(with_leaf("      - {id: \"1.1\", title: A, max: 1, rule: {type: deadline, due: 2023-01-15, "
                                  "each: 1}}\n")) ==
        "c.yaml:11:79: error: unknown key \"each\" in the rule of \"1.1\" (type deadline) (known keys: type, due, "
        "late, until)\n");
  CHECK(criteria_errors(
            with_leaf("      - {id: \"1.1\", title: A, max: 1, rule: {type: deadline, due: 15/01/2023}}\n")) ==
        "c.yaml:11:67: error: due: expected a date YYYY-MM-DD, found \"15/01/2023\" (write 2023-01-15)\n");
  CHECK(criteria_errors(with_leaf("      - {id: \"1.1\", title: A, max: 1, rule: {type: per_item}}\n")) ==
        "c.yaml:11:45: error: the rule of \"1.1\": the required key \"each\" is missing\n");
  CHECK(criteria_errors(with_leaf("      - {id: \"1.1\", title: A, max: 1, rule: {type: deduct, each: -1}}\n")) ==
        "c.yaml:11:66: error: each: expected a number greater than 0, found -1\n");
}

TEST_CASE("a rule may never award more than max") {
  CHECK(criteria_errors(with_leaf("      - id: \"1.1\"\n        title: A\n        max: 1\n"
                                  "        rule: {type: levels, levels: [{label: X, points: 2}]}\n")) ==
        "c.yaml:14:58: error: the level \"X\": awards 2 points, more than the max 1 of \"1.1\"\n");
  CHECK(criteria_errors(with_leaf("      - id: \"1.1\"\n        title: A\n        max: 1\n"
                                  "        rule: {type: bands, bands: [{at_least: 90, points: 1.5}]}\n")) ==
        "c.yaml:14:60: error: points: awards 1.5 points, more than the max 1 of \"1.1\"\n");
  CHECK(criteria_errors(with_leaf("      - id: \"1.1\"\n        title: A\n        max: 1\n"
                                  "        rule: {type: deadline, due: 2023-01-15, late: 2}\n")) ==
        "c.yaml:14:55: error: late: awards 2 points, more than the max 1 of \"1.1\"\n");
}

TEST_CASE("a rule whose best is below max gets a warning") {
  const Criteria criteria =
      parse_criteria(with_leaf("      - id: \"1.1\"\n        title: A\n        max: 1\n"
                               "        rule: {type: bands, bands: [{at_least: 90, points: 0.5}]}\n"),
                     "c.yaml");
  CHECK(test::warnings_text(criteria.warnings) ==
        "c.yaml:14:15: warning: \"1.1\": the rule gives at best 0.5 points, less than the max 1; the criterion can "
        "never earn full points\n");
}

TEST_CASE("levels and grades are listed from the highest down") {
  CHECK(criteria_errors(
            with_leaf("      - id: \"1.1\"\n        title: A\n        max: 1\n"
                      "        rule: {type: levels, levels: [{label: X, points: 0.5}, {label: Y, points: 1}]}\n")) ==
        "c.yaml:14:83: error: levels must be listed from the highest points down: \"Y\" (1) comes after \"X\" (0.5)\n");
  const std::string grades =
      "cchc: criteria/1\nid: c\ntitle: C\nyear: 2023\nscale: 1\n"
      "grades: [{label: A, min: 50}, {label: B, min: 80}]\nfields:\n"
      "  - {id: \"1\", title: A, max: 1, rule: {type: check}}\n";
  CHECK(criteria_errors(grades) ==
        "c.yaml:6:47: error: grades must be listed from the highest min down: \"B\" (min 80) comes after \"A\" (min "
        "50)\n");
}

TEST_CASE("bands need exactly one test") {
  CHECK(criteria_errors(with_leaf("      - id: \"1.1\"\n        title: A\n        max: 1\n"
                                  "        rule: {type: bands, bands: [{at_least: 90, below: 95, points: 1}]}\n")) ==
        "c.yaml:14:37: error: each band needs exactly one of at_least, above, at_most or below (found 2)\n");
}

TEST_CASE("profiles must name existing nodes that allow N/A") {
  std::string text(test::k_criteria);
  const std::string old_profile = "na: [\"3\"]";
  text.replace(text.find(old_profile), old_profile.size(), "na: [\"3\", \"1.1\", \"9\"]");
  CHECK(criteria_errors(text) ==
        "c.yaml:13:54: error: profile \"no_tthc\": \"1.1\" has na: never and cannot be not applicable\n"
        "c.yaml:13:61: error: profile \"no_tthc\": there is no node \"9\"\n");
}

TEST_CASE("a period must not end before it starts") {
  const std::string text =
      "cchc: criteria/1\nid: c\ntitle: C\nyear: 2023\nscale: 1\n"
      "period: {from: 2023-12-01, to: 2023-01-01}\nfields:\n"
      "  - {id: \"1\", title: A, max: 1, rule: {type: check}}\n";
  CHECK(criteria_errors(text) == "c.yaml:6:32: error: period: the end 2023-01-01 is before the start 2023-12-01\n");
}

TEST_CASE("a file that is not a criteria file is refused without quoting its content") {
  CHECK(test::criteria_errors("root:x:0:0:secret-hash\nline2\n") ==
        "c.yaml:1:1: error: not a criteria file: the line \"cchc: criteria/1\" is missing at the top\n");
  CHECK(test::criteria_errors("API_KEY: secret-value\nid: x\n", Lang::vi) ==
        "c.yaml:1:1: error: không phải tệp bộ tiêu chí: thiếu dòng \"cchc: criteria/1\" ở đầu tệp\n");
  CHECK(test::criteria_errors("cchc: secret-value\n") ==
        "c.yaml:1:7: error: cchc: expected \"criteria/1\" (a criteria file)\n");
  // A known tag of another kind is named.
  CHECK(test::criteria_errors("cchc: evidence/1\nitems: {}\n") ==
        "c.yaml:1:7: error: cchc: expected \"criteria/1\" (a criteria file), found \"evidence/1\"\n");
}

TEST_CASE("a diagnostic quotes at most a short excerpt of the file") {
  const std::string long_title(500, 'x');
  const std::string errors = test::criteria_errors("cchc: criteria/1\nid: c\ntitle: t\nyear: 2023\nscale: \"" +
                                                   long_title + "\"\nfields: []\n");
  CHECK(errors.find(std::string(40, 'x') + "…\"") != std::string::npos);
  CHECK(errors.find(std::string(41, 'x')) == std::string::npos);
}
