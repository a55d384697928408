#include <catch2/catch.hpp>

#include <optional>
#include <stdexcept>
#include <string>

#include "cchc/criteria.hpp"
#include "cchc/plan.hpp"
#include "test_support.hpp"

using namespace cchc;

namespace {

const Criteria& criteria() {
  return test::fixture_criteria();
}

// The label of the grade found, or "" for none.
std::string label_of(const Grade* grade) {
  return grade == nullptr ? std::string() : grade->label;
}

// The message of the std::invalid_argument that `call` throws; "" when it
// does not throw.
template <typename Call>
std::string refusal(Call call) {
  try {
    call();
  } catch (const std::invalid_argument& error) {
    return error.what();
  }
  return "";
}

const char* const k_no_grades = R"(cchc: criteria/1
id: plain-2023
title: "Không xếp loại"
year: 2023
scale: 1
fields:
  - {id: "1", title: "Một", max: 1, children: [{id: "1.1", title: "Một một", max: 1, rule: {type: check}}]}
)";

}  // namespace

TEST_CASE("grade_for_label finds a grade by its label in any case", "[criteria][grades]") {
  CHECK(label_of(criteria().grade_for_label("Tốt")) == "Tốt");
  CHECK(label_of(criteria().grade_for_label("TỐT")) == "Tốt");
  CHECK(label_of(criteria().grade_for_label("tốt")) == "Tốt");
  CHECK(label_of(criteria().grade_for_label("xuất SẮC")) == "Xuất sắc");
  // Decomposed (combining marks) names the same grade as precomposed.
  CHECK(label_of(criteria().grade_for_label("To\u0302\u0301t")) == "Tốt");
  CHECK(criteria().grade_for_label("Giỏi") == nullptr);
  CHECK(criteria().grade_for_label("Tot") == nullptr);  // diacritics matter
  CHECK(criteria().grade_for_label("") == nullptr);
  CHECK(criteria().grade_for_label("T\xf4t") == nullptr);  // Latin-1, not UTF-8
}

TEST_CASE("grade_for gives the grade of an index", "[criteria][grades]") {
  CHECK(label_of(criteria().grade_for(Decimal(100))) == "Xuất sắc");
  CHECK(label_of(criteria().grade_for(Decimal(80))) == "Tốt");
  CHECK(label_of(criteria().grade_for(*Decimal::parse("79.99"))) == "Khá");
  CHECK(label_of(criteria().grade_for(Decimal(0))) == "Yếu");
}

TEST_CASE("suggest_id names the node id a typo meant", "[criteria][did_you_mean]") {
  CHECK(criteria().suggest_id("1.5") == "1.1");   // one edit: the first such id
  CHECK(criteria().suggest_id("2.44") == "2.4");  // the nearest, not the first within two edits (1.4)
  CHECK(criteria().suggest_id("t1") == "T1");     // case
  CHECK(criteria().suggest_id("3.2.") == "3.2");
  CHECK(criteria().suggest_id("X9") == std::nullopt);  // two characters: by case only
  CHECK(criteria().suggest_id("9.9.9") == std::nullopt);
  CHECK(criteria().suggest_id("zzzz") == std::nullopt);
  CHECK(criteria().suggest_id("1.\xff") == std::nullopt);  // not UTF-8
}

TEST_CASE("a plan's target index is a number from 0 to 100", "[plan][target]") {
  const PlanTarget target = index_target("85.5", Lang::en);
  CHECK(target.kind == PlanTarget::Kind::index);
  CHECK(target.index == *Decimal::parse("85.5"));
  CHECK(index_target("0", Lang::en).index == Decimal(0));
  CHECK(index_target("100", Lang::en).index == Decimal(100));
  CHECK(refusal([] { index_target("101", Lang::en); }) == "expected an index from 0 to 100, found \"101\"");
  CHECK(refusal([] { index_target("-1", Lang::en); }) == "expected an index from 0 to 100, found \"-1\"");
  CHECK(refusal([] { index_target("85,5", Lang::en); }) ==
        "expected an index from 0 to 100, found \"85,5\" (write a decimal point, e.g. 85.5)");
  CHECK(refusal([] { index_target("tám mươi", Lang::vi); }) == "cần một chỉ số từ 0 đến 100, nhưng gặp \"tám mươi\"");
}

TEST_CASE("a plan's target grade is looked up in the criteria", "[plan][target]") {
  const PlanTarget target = grade_target(criteria(), "KHÁ", Lang::en);
  CHECK(target.kind == PlanTarget::Kind::grade);
  CHECK(target.grade == "Khá");
  CHECK(target.index == Decimal(70));
  CHECK(refusal([] { grade_target(criteria(), "Giỏi", Lang::en); }) ==
        "the criteria t-2023 have no grade \"Giỏi\" (Xuất sắc, Tốt, Khá, Yếu)");
  CHECK(refusal([] { grade_target(criteria(), "Gio\u0309i", Lang::vi); }) ==
        "bộ tiêu chí t-2023 không có xếp loại \"Giỏi\" (Xuất sắc, Tốt, Khá, Yếu)");
  CHECK(refusal([] { grade_target(criteria(), "T\xf4t", Lang::en); }) == "not valid UTF-8 text");
  const Criteria plain = parse_criteria(k_no_grades, "plain.yaml");
  CHECK(refusal([&] { grade_target(plain, "Tốt", Lang::en); }) ==
        "the criteria plain-2023 have no grade \"Tốt\" (they have no grades)");
}

TEST_CASE("a plan's target rank is kept as given", "[plan][target]") {
  const PlanTarget target = rank_target(3);
  CHECK(target.kind == PlanTarget::Kind::rank);
  CHECK(target.rank == 3);
}
