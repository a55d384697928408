#include <unistd.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "cchc/scoring.hpp"
#include "test_support.hpp"

using namespace cchc;
using test::evidence_header;

namespace {

const Criteria& criteria() {
  return test::fixture_criteria();
}

Decimal dec(const char* text) {
  return *Decimal::parse(text);
}

// Every leaf of the fixture at its max, except what `overrides` replaces
// (appended items win: the loader refuses duplicate keys, so callers pass
// the complete item list when they need to change one).
const char* const k_all_full =
    "  \"1.1\": {value: true}\n"
    "  \"1.2\": {value: 2023-01-10}\n"
    "  \"1.3\": {value: \"Tốt\"}\n"
    "  \"1.4\": {value: 100, documents: [{number: \"03/KH-UBND\", date: 2023-01-12}]}\n"
    "  \"2.1\": {value: 80}\n"
    "  \"2.2\": {value: 4}\n"
    "  \"2.3\": {value: 0}\n"
    "  \"2.4\": {value: 1}\n"
    "  \"3.1\": {value: true}\n"
    "  \"3.2\": {value: true}\n"
    "  \"4.1\": {value: 2}\n";

std::string items_with(const std::string& id, const std::string& item) {
  std::string items = k_all_full;
  const std::string key = "  \"" + id + "\": ";
  const std::size_t start = items.find(key);
  REQUIRE(start != std::string::npos);
  const std::size_t end = items.find('\n', start);
  items.replace(start, end - start, key + item);
  return items;
}

ScoreResult score_text(const std::string& text, Lang lang = Lang::en, const Criteria& set = criteria()) {
  const Evidence evidence = parse_evidence(text, std::string(CCHC_SOURCE_DIR) + "/tests/unit/e.yaml", set, lang);
  return score(set, evidence, {lang, true});
}

ScoreResult score_items(const std::string& items, Lang lang = Lang::en) {
  return score_text(evidence_header() + "items:\n" + items, lang);
}

// The result of one leaf when every other leaf is at its max.
NodeResult leaf(const std::string& id, const std::string& item, Lang lang = Lang::en) {
  const ScoreResult result = score_items(items_with(id, item), lang);
  return result.nodes[static_cast<std::size_t>(criteria().find(id))];
}

Decimal leaf_points(const std::string& id, const std::string& item) {
  return leaf(id, item).points;
}

Criteria one_leaf_criteria(int precision, const std::string& max, const std::string& rule) {
  return parse_criteria("cchc: criteria/1\nid: p\ntitle: P\nyear: 2023\nscale: " + max +
                            "\nprecision: " + std::to_string(precision) +
                            "\nfields:\n  - {id: \"1\", title: A, max: " + max + ", rule: " + rule + "}\n",
                        "p.yaml");
}

Decimal one_leaf_points(const Criteria& set, const std::string& value) {
  const ScoreResult result =
      score_text("cchc: evidence/1\ncriteria: p\nyear: 2023\nunit: {id: u}\nitems:\n  \"1\": {value: " + value + "}\n",
                 Lang::en, set);
  return result.nodes[0].points;
}

}  // namespace

TEST_CASE("full evidence earns the whole scale") {
  const ScoreResult result = score_items(k_all_full);
  CHECK(result.earned == Decimal(12));
  CHECK(result.applicable_max == Decimal(12));
  CHECK(result.points == Decimal(12));
  CHECK(result.index == Decimal(100));
  CHECK(result.coverage == Decimal(100));
  CHECK(result.grade == "Xuất sắc");
  CHECK(result.deductions.empty());
  CHECK(result.warnings.empty());
  for (const int field : criteria().fields) {
    CHECK(result.nodes[static_cast<std::size_t>(field)].points ==
          criteria().nodes[static_cast<std::size_t>(field)].max);
  }
}

TEST_CASE("check: true earns max, false nothing") {
  const NodeResult result = leaf("3.1", "{value: false}");
  CHECK(result.points == Decimal(0));
  CHECK(result.status == LeafStatus::zero);
  CHECK(result.reason == Reason::not_done);
  CHECK(leaf_points("3.1", "{value: true}") == Decimal(1));
}

TEST_CASE("deadline: on time, late, after until, not done") {
  CHECK(leaf_points("1.2", "{value: 2023-01-15}") == Decimal(1));
  const NodeResult late = leaf("1.2", "{value: 2023-01-16}");
  CHECK(late.points == dec("0.5"));
  CHECK(late.status == LeafStatus::partial);
  CHECK(late.reason == Reason::late);
  CHECK(late.detail == "done 16/01/2023, after the deadline 15/01/2023");
  CHECK(leaf("1.2", "{value: 2023-01-20}", Lang::vi).detail == "ban hành 20/01/2023, sau hạn 15/01/2023");
  CHECK(leaf_points("1.2", "{value: 2023-02-15}") == dec("0.5"));
  const NodeResult too_late = leaf("1.2", "{value: 2023-02-16}");
  CHECK(too_late.points == Decimal(0));
  CHECK(too_late.reason == Reason::not_done);
  const NodeResult not_done = leaf("1.2", "{value: false}");
  CHECK(not_done.points == Decimal(0));
  CHECK(not_done.reason == Reason::not_done);
  CHECK(not_done.detail == "due 15/01/2023, the evidence says false");
}

TEST_CASE("levels: the chosen level's points") {
  const NodeResult result = leaf("1.3", "{value: \"Khá\"}");
  CHECK(result.points == dec("0.75"));
  CHECK(result.reason == Reason::level);
  CHECK(result.detail == "level \"Khá\" (0.75 points), the top is \"Tốt\"");
  CHECK(leaf_points("1.3", "{value: \"Đạt\"}") == dec("0.5"));
}

TEST_CASE("bands: the first band in the order written whose test holds") {
  const std::string docs = ", documents: [{title: x}]}";
  CHECK(leaf_points("1.4", "{value: 100" + docs) == Decimal(1));
  CHECK(leaf_points("1.4", "{value: 99.99" + docs) == dec("0.75"));
  CHECK(leaf_points("1.4", "{value: 98" + docs) == dec("0.75"));
  CHECK(leaf_points("1.4", "{value: 90.01" + docs) == dec("0.5"));
  const NodeResult none = leaf("1.4", "{value: 90" + docs);  // `above: 90` does not hold at 90
  CHECK(none.points == Decimal(0));
  CHECK(none.reason == Reason::below_target);
}

TEST_CASE("required documents: none listed earns nothing") {
  const NodeResult result = leaf("1.4", "{value: 100}");
  CHECK(result.points == Decimal(0));
  CHECK(result.reason == Reason::no_documents);
  CHECK(result.rule_points == Decimal(1));
}

TEST_CASE("ratio: proportional to the target, nothing under the floor") {
  CHECK(leaf_points("2.1", "{value: 80}") == Decimal(1));
  CHECK(leaf_points("2.1", "{value: 100}") == Decimal(1));  // above the target 80: capped
  CHECK(leaf_points("2.1", "{value: 40}") == dec("0.5"));
  CHECK(leaf_points("2.1", "{value: 20}") == dec("0.25"));
  const NodeResult below = leaf("2.1", "{value: 19.99}");
  CHECK(below.points == Decimal(0));
  CHECK(below.reason == Reason::below_target);
  CHECK(below.detail == "19.99%, below the floor of 20%");
  // 1/3 = 33.33…% → 33.33… / 80 = 0.41666… → 0.42
  CHECK(leaf_points("2.1", "{value: {done: 1, of: 3}}") == dec("0.42"));
  CHECK(leaf_points("2.1", "{value: {done: 2, of: 3}}") == dec("0.83"));
  CHECK(leaf("2.1", "{value: {done: 2, of: 3}}").detail == "2/3 = 66.67% against a target of 80%");
  CHECK(leaf_points("2.1", "{value: {done: 4, of: 5}}") == Decimal(1));
  // 1/6 = 16.67% is under the floor of 20%, compared exactly.
  CHECK(leaf_points("2.1", "{value: {done: 1, of: 6}}") == Decimal(0));
  CHECK(leaf_points("2.1", "{value: {done: 1, of: 5}}") == dec("0.25"));
}

TEST_CASE("per_item: each item's points, capped at max") {
  const NodeResult result = leaf("2.2", "{value: 3}");
  CHECK(result.points == dec("0.75"));
  CHECK(result.reason == Reason::count);
  CHECK(result.detail == "3 items × 0.25 = 0.75 points, max 1");
  CHECK(leaf("2.2", "{value: 1}").detail == "1 item × 0.25 = 0.25 points, max 1");
  CHECK(leaf("2.2", "{value: 1}", Lang::vi).detail == "1 sản phẩm × 0,25 = 0,25 điểm, tối đa 1");
  CHECK(leaf_points("2.2", "{value: 4}") == Decimal(1));
  CHECK(leaf_points("2.2", "{value: 999999999999}") == Decimal(1));
}

TEST_CASE("deduct: max less each violation, not below 0") {
  const NodeResult result = leaf("2.3", "{value: 2}");
  CHECK(result.points == dec("0.5"));
  CHECK(result.reason == Reason::violations);
  CHECK(result.detail == "2 violations, 0.25 points off each");
  CHECK(leaf("2.3", "{value: 1}").detail == "1 violation, 0.25 points off each");
  CHECK(leaf_points("2.3", "{value: 10}") == Decimal(0));
  CHECK(leaf_points("2.3", "{value: 999999999999}") == Decimal(0));
}

TEST_CASE("assessed: the assessor's points") {
  const NodeResult result = leaf("2.4", "{value: 0.75}");
  CHECK(result.points == dec("0.75"));
  CHECK(result.reason == Reason::assessed);
}

TEST_CASE("leaf points are rounded half up once, where binary floating point fails") {
  const Criteria two = one_leaf_criteria(2, "2", "{type: assessed}");
  CHECK(one_leaf_points(two, "1.005") == dec("1.01"));
  CHECK(one_leaf_points(two, "1.004999") == dec("1"));
  const Criteria three = one_leaf_criteria(3, "1", "{type: assessed}");
  CHECK(one_leaf_points(three, "0.0225") == dec("0.023"));
  // max · value / target = 1 · 0.5 / 100 = 0.005 → 0.01 at precision 2.
  const Criteria ratio = one_leaf_criteria(2, "1", "{type: ratio}");
  CHECK(one_leaf_points(ratio, "0.5") == dec("0.01"));
  CHECK(one_leaf_points(ratio, "0.49") == Decimal(0));
  // A parameter may not have more decimals than the precision, so rounding at
  // precision 0 comes from the rule's arithmetic: 3 · 50 / 100 = 1.5 → 2.
  const Criteria zero = one_leaf_criteria(0, "3", "{type: ratio}");
  CHECK(one_leaf_points(zero, "50") == Decimal(2));
  CHECK(one_leaf_points(zero, "17") == Decimal(1));  // 0.51 → 1
  CHECK(one_leaf_points(zero, "16") == Decimal(0));  // 0.48 → 0
}

TEST_CASE("sums are exact over the rounded leaves") {
  const Criteria set = parse_criteria(
      "cchc: criteria/1\nid: p\ntitle: P\nyear: 2023\nscale: 2\nfields:\n"
      "  - {id: \"1\", title: A, max: 1, rule: {type: ratio}}\n"
      "  - {id: \"2\", title: B, max: 1, rule: {type: ratio}}\n",
      "p.yaml");
  const ScoreResult result = score_text(
      "cchc: evidence/1\ncriteria: p\nyear: 2023\nunit: {id: u}\nitems:\n"
      "  \"1\": {value: {done: 1, of: 3}}\n  \"2\": {value: {done: 1, of: 3}}\n",
      Lang::en, set);
  CHECK(result.points == dec("0.66"));  // 0.33 + 0.33, not round(0.666…) = 0.67
  CHECK(result.index == dec("33"));
}

TEST_CASE("a missing leaf earns nothing and is a deduction") {
  std::string items = k_all_full;
  items.erase(items.find("  \"2.2\""), std::string("  \"2.2\": {value: 4}\n").size());
  const ScoreResult result = score_items(items);
  const NodeResult& missing = result.nodes[static_cast<std::size_t>(criteria().find("2.2"))];
  CHECK(missing.status == LeafStatus::missing);
  CHECK(missing.reason == Reason::missing);
  REQUIRE(result.deductions.size() == 1);
  CHECK(result.deductions[0].lost == Decimal(1));
  CHECK(result.deductions[0].reason == Reason::missing);
  CHECK(result.points == Decimal(11));
  CHECK(result.index == dec("91.67"));
}

TEST_CASE("N/A exclude removes a leaf from the applicable max") {
  const ScoreResult result = score_items(items_with("2.1", "{na: true, reason: \"Không phát sinh\"}"));
  const NodeResult& na = result.nodes[static_cast<std::size_t>(criteria().find("2.1"))];
  CHECK(na.status == LeafStatus::na);
  CHECK(na.na_reason == "Không phát sinh");
  CHECK(na.applicable_max == Decimal(0));
  CHECK(result.applicable_max == Decimal(11));
  CHECK(result.points == Decimal(11));
  CHECK(result.index == Decimal(100));
  CHECK(result.coverage == dec("91.67"));
  CHECK(result.deductions.empty());
}

TEST_CASE("N/A full earns the leaf's max") {
  const ScoreResult result = score_items(items_with("3.2", "{na: true, reason: x}"));
  const NodeResult& na = result.nodes[static_cast<std::size_t>(criteria().find("3.2"))];
  CHECK(na.status == LeafStatus::na);
  CHECK(na.points == Decimal(1));
  CHECK(na.applicable_max == Decimal(1));
  CHECK(result.applicable_max == Decimal(12));
  CHECK(result.points == Decimal(12));
}

TEST_CASE("N/A on a parent applies its own policy to the whole subtree") {
  std::string items = k_all_full;
  items.erase(items.find("  \"3.1\""));
  items += "  \"4.1\": {value: 2}\n  \"3\": {na: true, reason: \"Không có TTHC\"}\n";
  const ScoreResult result = score_items(items);
  // "3" excludes: its child 3.2 (na: full) is excluded too.
  CHECK(result.nodes[static_cast<std::size_t>(criteria().find("3.2"))].points == Decimal(0));
  CHECK(result.nodes[static_cast<std::size_t>(criteria().find("3"))].applicable_max == Decimal(0));
  CHECK(result.applicable_max == Decimal(10));
}

TEST_CASE("a profile marks its nodes not applicable") {
  std::string items = k_all_full;
  items.erase(items.find("  \"3.1\""));
  items += "  \"4.1\": {value: 1}\n";
  const ScoreResult result = score_text(evidence_header(", profile: no_tthc") + "items:\n" + items);
  const NodeResult& field = result.nodes[static_cast<std::size_t>(criteria().find("3"))];
  CHECK(field.na);
  CHECK(field.na_reason == "Đơn vị không có TTHC");
  CHECK(result.applicable_max == Decimal(10));
  CHECK(result.points == Decimal(9));
  CHECK(result.index == Decimal(90));
  CHECK(result.coverage == dec("83.33"));
  CHECK(result.grade == "Xuất sắc");
}

TEST_CASE("appraisal replaces the rule's points") {
  const NodeResult lower = leaf("1.1", "{value: true, appraised: 0.5}");
  CHECK(lower.points == dec("0.5"));
  CHECK(lower.source == Source::appraisal);
  CHECK(lower.reason == Reason::appraised);
  CHECK(lower.rule_points == Decimal(1));
  CHECK(lower.detail == "appraised at 0.5 points, the rule gives 1");
  const NodeResult higher = leaf("1.3", "{value: \"Khá\", appraised: 1}");
  CHECK(higher.points == Decimal(1));
  CHECK(higher.status == LeafStatus::full);
  CHECK(higher.reason == Reason::none);
  const NodeResult same = leaf("1.3", "{value: \"Khá\", appraised: 0.75}");
  CHECK(same.reason == Reason::level);
}

TEST_CASE("bonus and penalty are capped at their max") {
  const std::string base = evidence_header() + "items:\n" + k_all_full;
  CHECK(score_text(base + "bonus:\n  \"T1\": {value: 1}\n").bonus == dec("0.5"));
  CHECK(score_text(base + "bonus:\n  \"T1\": {value: 3}\n").bonus == Decimal(1));
  CHECK(score_text(base + "penalty:\n  \"P1\": {value: 2}\n").penalty == dec("0.5"));
  const ScoreResult capped = score_text(base + "penalty:\n  \"P1\": {value: 8}\n");
  CHECK(capped.penalty == Decimal(1));
  CHECK(capped.points == Decimal(11));
  CHECK(capped.deductions.empty());  // bonus and penalty items are never deductions
}

TEST_CASE("the index is capped at 100 and points never go below 0") {
  const ScoreResult over = score_text(evidence_header() + "items:\n" + k_all_full + "bonus:\n  \"T1\": {value: 2}\n");
  CHECK(over.points == Decimal(13));
  CHECK(over.index == Decimal(100));
  const ScoreResult under =
      score_text(evidence_header() + "items:\n  \"1.1\": {value: false}\npenalty:\n  \"P1\": {value: 4}\n");
  CHECK(under.earned == Decimal(0));
  CHECK(under.points == Decimal(0));
  CHECK(under.index == Decimal(0));
  CHECK(under.grade == "Yếu");
}

TEST_CASE("the index is a percentage of the applicable max (Thanh Hoa 2023)") {
  // Ban Dân tộc: 68.32 points of an applicable 84 = 81.33%.
  const Criteria set = parse_criteria(
      "cchc: criteria/1\nid: th\ntitle: T\nyear: 2023\nscale: 100\nfields:\n"
      "  - {id: \"1\", title: A, max: 84, rule: {type: assessed}}\n"
      "  - {id: \"2\", title: B, max: 16, rule: {type: check}}\n",
      "th.yaml");
  const ScoreResult result = score_text(
      "cchc: evidence/1\ncriteria: th\nyear: 2023\nunit: {id: bdt}\nitems:\n"
      "  \"1\": {value: 68.32}\n  \"2\": {na: true, reason: \"Không áp dụng\"}\n",
      Lang::en, set);
  CHECK(result.points == dec("68.32"));
  CHECK(result.applicable_max == Decimal(84));
  CHECK(result.index == dec("81.33"));
  CHECK(result.coverage == Decimal(84));
  CHECK(result.grade.empty());  // no grades defined
}

TEST_CASE("grades pick the first min at or below the index") {
  std::string items = k_all_full;
  items.erase(items.find("  \"4.1\""));
  items += "  \"4.1\": {value: 0.8}\n";  // 10.8 / 12 = 90%
  CHECK(score_items(items).grade == "Xuất sắc");
  items.erase(items.find("  \"4.1\""));
  items += "  \"4.1\": {value: 0.79}\n";  // 10.79 / 12 = 89.92%
  const ScoreResult result = score_items(items);
  CHECK(result.index == dec("89.92"));
  CHECK(result.grade == "Tốt");
}

TEST_CASE("points are broken down by method") {
  const ScoreResult result = score_items(items_with("2.4", "{value: 0.5}"));
  CHECK(result.by_method[static_cast<std::size_t>(Method::assessor)].points == dec("0.5"));
  CHECK(result.by_method[static_cast<std::size_t>(Method::assessor)].applicable_max == Decimal(1));
  CHECK(result.by_method[static_cast<std::size_t>(Method::survey)].points == Decimal(2));
  CHECK(result.by_method[static_cast<std::size_t>(Method::self)].points == Decimal(9));
  CHECK(result.by_method[static_cast<std::size_t>(Method::self)].applicable_max == Decimal(9));
}

TEST_CASE("deductions follow the criteria order with their details") {
  std::string items = items_with("2.3", "{value: 1}");
  const std::string late = "  \"1.2\": {value: 2023-01-10}";
  items.replace(items.find(late), late.size(), "  \"1.2\": {value: 2023-01-20}");
  const ScoreResult result = score_items(items, Lang::vi);
  REQUIRE(result.deductions.size() == 2);
  CHECK(criteria().nodes[static_cast<std::size_t>(result.deductions[0].node)].id == "1.2");
  CHECK(result.deductions[0].lost == dec("0.5"));
  CHECK(result.deductions[0].detail == "ban hành 20/01/2023, sau hạn 15/01/2023");
  CHECK(criteria().nodes[static_cast<std::size_t>(result.deductions[1].node)].id == "2.3");
  CHECK(result.deductions[1].detail == "1 vi phạm, trừ 0,25 điểm mỗi vi phạm");
}

TEST_CASE("a self-score above the computed points is an overclaim") {
  const ScoreResult result = score_items(items_with("1.3", "{value: \"Khá\", self_score: 1}"));
  REQUIRE(result.warnings.size() == 1);
  CHECK(result.warnings[0].code == "overclaim");
  CHECK(result.warnings[0].subject == "1.3");
  CHECK(result.warnings[0].severity == Severity::warning);
  CHECK(result.warnings[0].line == 8);
  CHECK(result.warnings[0].message ==
        "self-score 1 point is above the computed 0.75 points (the appraisal may take the difference away)");
  CHECK(score_items(items_with("1.3", "{value: \"Khá\", self_score: 0.75}")).warnings.empty());
  CHECK(score_items(items_with("1.3", "{value: \"Khá\", self_score: 1}"), Lang::vi).warnings.at(0).message ==
        "tự chấm 1 điểm, cao hơn 0,75 điểm tính theo cách chấm (có thể bị trừ khi thẩm định)");
}

TEST_CASE("documents outside the period, odd numbers and missing files are warnings") {
  const ScoreResult result =
      score_items(items_with("1.1",
                             "{value: true, documents: [{number: \"KH 5\", date: 2022-12-31, file: \"nope.pdf\"}, "
                             "{number: \"03/KH-UBND\", date: 2023-12-31, file: \"test_scoring.cpp\"}]}"));
  REQUIRE(result.warnings.size() == 3);
  CHECK(result.warnings[0].code == "document_date");
  CHECK(result.warnings[0].message ==
        "the document \"KH 5\" dated 31/12/2022 is outside the assessment period 01/01/2023–31/12/2023");
  CHECK(result.warnings[1].code == "document_number");
  CHECK(result.warnings[1].message ==
        "\"KH 5\" does not look like a Vietnamese document number (e.g. 03/KH-UBND, 30/2018/QĐ-UBND, 1593/UBND-NC)");
  CHECK(result.warnings[2].code == "missing_file");
  CHECK(result.warnings[2].message ==
        "the file \"nope.pdf\" does not exist (paths are relative to the evidence file's folder)");
  CHECK(result.points == Decimal(12));  // warnings never change points
}

TEST_CASE("a cited file outside the evidence file's folder is a warning, never looked at") {
  const std::string outside =
      "the file \"{}\" is outside the evidence file's folder, so it is not checked: write a relative path to a file "
      "inside that folder (e.g. tlkc/kh-03.pdf)";
  const auto warnings_for = [](const std::string& file) {
    return score_items(
               items_with("1.1", "{value: true, documents: [{number: \"03/KH-UBND\", date: 2023-01-12, file: \"" +
                                     file + "\"}]}"))
        .warnings;
  };
  // Existing or not, outside is said the same way: the answer tells nothing.
  for (const std::string file :
       {"../CMakeLists.txt", "../../nowhere.pdf", "/etc/passwd", "/nowhere/x.pdf", "sub/../../CMakeLists.txt"}) {
    INFO(file);
    const std::vector<Diagnostic> warnings = warnings_for(file);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].code == "file_outside");
    std::string expected = outside;
    expected.replace(expected.find("{}"), 2, file);
    CHECK(warnings[0].message == expected);
  }
  CHECK(warnings_for("test_scoring.cpp").empty());
  CHECK(warnings_for("./sub/../test_scoring.cpp").empty());
  CHECK(warnings_for("nope.pdf").at(0).code == "missing_file");
}

TEST_CASE("a cited file reached through a symbolic link out of the folder is not looked at") {
  namespace fs = std::filesystem;
  const fs::path folder = fs::temp_directory_path() / ("cchc-cited-" + std::to_string(::getpid()));
  fs::create_directories(folder / "tlkc");
  fs::create_symlink("/etc/passwd", folder / "tlkc" / "leak.pdf");
  fs::create_directory_symlink("/etc", folder / "etc");
  const std::string text = evidence_header() + "items:\n" +
                           items_with("1.1",
                                      "{value: true, documents: [{number: \"03/KH-UBND\", date: 2023-01-12, file: "
                                      "\"tlkc/leak.pdf\"}, {number: \"04/KH-UBND\", date: 2023-01-12, file: "
                                      "\"etc/passwd\"}]}");
  const Evidence evidence = parse_evidence(text, (folder / "e.yaml").string(), criteria(), Lang::en);
  const ScoreResult result = score(criteria(), evidence, {Lang::en, true});
  fs::remove_all(folder);
  REQUIRE(result.warnings.size() == 2);
  CHECK(result.warnings[0].code == "file_outside");
  CHECK(result.warnings[1].code == "file_outside");
}

TEST_CASE("a file's scoring warnings are capped at 100, then one warning gives the total") {
  std::string documents;
  for (int i = 0; i < 150; ++i) {
    documents += documents.empty() ? "" : ", ";
    documents += "{number: \"KH " + std::to_string(i) + "\"}";  // not a document number: a warning each
  }
  const ScoreResult result = score_items(items_with("1.1", "{value: true, documents: [" + documents + "]}"));
  REQUIRE(result.warnings.size() == 101);
  CHECK(result.warnings[99].code == "document_number");
  CHECK(result.warnings[100].code == "too_many_warnings");
  CHECK(result.warnings[100].line == 0);
  CHECK(result.warnings[100].message == "too many warnings: only the first 100 of 150 are reported");
  CHECK(result.points == Decimal(12));
}

TEST_CASE("nothing applicable is an error") {
  const Criteria set = parse_criteria(
      "cchc: criteria/1\nid: p\ntitle: P\nyear: 2023\nscale: 1\nfields:\n"
      "  - {id: \"1\", title: A, max: 1, rule: {type: check}}\n",
      "p.yaml");
  CHECK(
      test::diagnostics_of([&] {
        score_text("cchc: evidence/1\ncriteria: p\nyear: 2023\nunit: {id: u}\nitems:\n  \"1\": {na: true, reason: x}\n",
                   Lang::en, set);
      }).find("error: nothing is applicable (the applicable max is 0): no index can be computed") != std::string::npos);
}

TEST_CASE("reason codes and words match SPEC section 2") {
  CHECK(reason_code(Reason::no_documents) == "no_documents");
  CHECK(reason_text(Reason::missing, Lang::vi) == "chưa kê khai");
  CHECK(reason_text(Reason::no_documents, Lang::vi) == "thiếu tài liệu kiểm chứng");
  CHECK(reason_text(Reason::not_done, Lang::vi) == "chưa thực hiện");
  CHECK(reason_text(Reason::late, Lang::vi) == "chậm thời hạn");
  CHECK(reason_text(Reason::below_target, Lang::vi) == "chưa đạt chỉ tiêu");
  CHECK(reason_text(Reason::level, Lang::vi) == "mức độ chưa đạt tối đa");
  CHECK(reason_text(Reason::count, Lang::vi) == "chưa đủ số lượng");
  CHECK(reason_text(Reason::violations, Lang::vi) == "có vi phạm");
  CHECK(reason_text(Reason::assessed, Lang::vi) == "đánh giá chưa đạt tối đa");
  CHECK(reason_text(Reason::appraised, Lang::vi) == "bị trừ khi thẩm định");
  CHECK(status_code(LeafStatus::partial) == "partial");
  CHECK(source_code(Source::appraisal) == "appraisal");
}

TEST_CASE("a missing leaf is not declared: a warning at items:, never an error") {
  std::string items = k_all_full;
  items.erase(items.find("  \"2.2\""), std::string("  \"2.2\": {value: 4}\n").size());
  const ScoreResult result = score_items(items);
  REQUIRE(result.warnings.size() == 1);
  CHECK(result.warnings[0].code == "not_declared");
  CHECK(result.warnings[0].subject == "2.2");
  CHECK(result.warnings[0].line == 5);  // the `items:` key
  CHECK(result.warnings[0].message == "not declared yet: \"2.2\" (Số sản phẩm): 0/1 points");
  CHECK(result.undeclared_count == 1);
  CHECK(result.undeclared_points == Decimal(1));
  const ScoreResult vi = score_items(items, Lang::vi);
  REQUIRE(vi.warnings.size() == 1);
  CHECK(vi.warnings[0].message == "chưa kê khai tiêu chí \"2.2\" (Số sản phẩm): 0/1 điểm");
}

TEST_CASE("an empty value is not declared: missing, 0 points, a warning at the item") {
  for (const char* empty : {"{value: }", "{value: ~}", "{value: null}"}) {
    const ScoreResult result = score_items(items_with("1.3", empty));
    const NodeResult& leaf_result = result.nodes[static_cast<std::size_t>(criteria().find("1.3"))];
    CHECK(leaf_result.status == LeafStatus::missing);
    CHECK(leaf_result.reason == Reason::missing);
    CHECK(leaf_result.points == Decimal(0));
    REQUIRE(result.deductions.size() == 1);
    CHECK(result.deductions[0].reason == Reason::missing);
    REQUIRE(result.warnings.size() == 1);
    CHECK(result.warnings[0].code == "not_declared");
    CHECK(result.warnings[0].line == 8);
    CHECK(result.warnings[0].column == 3);
    CHECK(result.warnings[0].message == "not declared yet: \"1.3\" (Mức độ): 0/1 points");
    CHECK(result.undeclared_count == 1);
    CHECK(result.points == Decimal(11));
  }
}

TEST_CASE("nothing declared still scores: every leaf missing with its warning") {
  const ScoreResult result = score_items("  \"1.1\": {value: }\n");
  CHECK(result.points == Decimal(0));
  CHECK(result.index == Decimal(0));
  CHECK(result.undeclared_count == 11);
  CHECK(result.undeclared_points == Decimal(12));
  CHECK(result.warnings.size() == 11);
  CHECK(result.deductions.size() == 11);
}

TEST_CASE("an N/A leaf is not undeclared") {
  std::string items = k_all_full;
  items.erase(items.find("  \"3.1\""), std::string("  \"3.1\": {value: true}\n").size());
  items.erase(items.find("  \"3.2\""), std::string("  \"3.2\": {value: true}\n").size());
  const ScoreResult result = score_text(evidence_header(", profile: no_tthc") + "items:\n" + items);
  CHECK(result.undeclared_count == 0);
  CHECK(result.warnings.empty());
}

TEST_CASE("a penalty never depends on documents; a bonus does") {
  const Criteria set = parse_criteria(
      "cchc: criteria/1\nid: p\ntitle: P\nyear: 2023\nscale: 1\ndefaults: {documents: required}\n"
      "fields:\n  - {id: \"1\", title: A, max: 1, rule: {type: check}}\n"
      "bonus: {max: 1, items: [{id: T1, title: B, max: 1, rule: {type: per_item, each: 0.5}}]}\n"
      "penalty: {max: 1, items: [{id: P1, title: C, max: 1, documents: required, "
      "rule: {type: per_item, each: 0.5}}]}\n",
      "p.yaml");
  const ScoreResult result = score_text(
      "cchc: evidence/1\ncriteria: p\nyear: 2023\nunit: {id: u}\nitems:\n"
      "  \"1\": {value: true, documents: [{number: \"03/KH-UBND\", date: 2023-01-12}]}\n"
      "bonus: {T1: {value: 2}}\npenalty: {P1: {value: 1}}\n",
      Lang::en, set);
  CHECK(result.bonus == Decimal(0));
  CHECK(result.nodes[static_cast<std::size_t>(set.find("T1"))].reason == Reason::no_documents);
  CHECK(result.penalty == dec("0.5"));
  CHECK(result.points == dec("0.5"));
}

TEST_CASE("self_score where the unit does not score is ignored, with a warning") {
  const ScoreResult result = score_items(items_with("2.4", "{value: 1, self_score: 1}"));
  REQUIRE(result.warnings.size() == 1);
  CHECK(result.warnings[0].code == "self_score_ignored");
  CHECK(result.warnings[0].subject == "2.4");
  CHECK(result.warnings[0].message ==
        "self_score is ignored: this criterion is scored by the assessors (method: assessor)");
  const ScoreResult vi = score_items(items_with("4.1", "{value: 1, self_score: 2}"), Lang::vi);
  REQUIRE(vi.warnings.size() == 1);
  CHECK(vi.warnings[0].code == "self_score_ignored");
  CHECK(vi.warnings[0].message ==
        "self_score không được tính: tiêu chí này do điều tra xã hội học chấm (method: survey)");
  CHECK(score_items(items_with("1.1", "{value: true, self_score: 1}")).warnings.empty());
}
TEST_CASE("a leaf whose points equal its max is full") {
  const Criteria set = one_leaf_criteria(2, "0.75", "{type: ratio, target: 30}");
  const ScoreResult result = score_text(
      "cchc: evidence/1\ncriteria: p\nyear: 2023\nunit: {id: u}\nitems:\n  \"1\": {value: 30}\n", Lang::en, set);
  CHECK(result.nodes[0].points == dec("0.75"));
  CHECK(result.nodes[0].status == LeafStatus::full);
  CHECK(result.nodes[0].reason == Reason::none);
  CHECK(result.deductions.empty());
  const ScoreResult all = score_items(k_all_full);
  for (std::size_t i = 0; i < all.nodes.size(); ++i) {
    if (criteria().nodes[i].rule && criteria().nodes[i].section == Section::fields) {
      CHECK(all.nodes[i].status == LeafStatus::full);
    }
  }
}
