#include <catch2/catch.hpp>

#include "cchc/describe.hpp"
#include "test_support.hpp"

using namespace cchc;

namespace {

const Node& node(const char* id) {
  const Criteria& criteria = test::fixture_criteria();
  return criteria.nodes[static_cast<std::size_t>(criteria.find(id))];
}

std::string rule(const char* id, Lang lang) {
  return describe_rule(node(id), lang);
}

}  // namespace

TEST_CASE("numbers use the decimal comma in Vietnamese") {
  CHECK(format_number(*Decimal::parse("97.685"), 3, Lang::vi) == "97,685");
  CHECK(format_number(*Decimal::parse("97.685"), 3, Lang::en) == "97.685");
  CHECK(format_number(Decimal(100), 3, Lang::vi) == "100,000");
  CHECK(format_number_short(*Decimal::parse("0.50"), Lang::vi) == "0,5");
  CHECK(format_number_short(Decimal(1), Lang::en) == "1");
}

TEST_CASE("every rule type is described in words in both languages") {
  CHECK(rule("1.1", Lang::vi) == "Có: 1 điểm; không: 0 điểm");
  CHECK(rule("1.1", Lang::en) == "Yes: 1 point; no: 0 points");
  CHECK(rule("1.2", Lang::vi) ==
        "đúng hạn (đến 15/01/2023): 1 điểm; chậm: 0,5 điểm; sau 15/02/2023 hoặc không thực hiện: 0");
  CHECK(rule("1.2", Lang::en) == "on time (by 15/01/2023): 1 point; late: 0.5 points; after 15/02/2023 or not done: 0");
  CHECK(rule("1.3", Lang::vi) == "Tốt: 1; Khá: 0,75; Đạt: 0,5");
  CHECK(rule("1.4", Lang::vi) == "≥ 100: 1; ≥ 98: 0,75; > 90: 0,5; còn lại: 0");
  CHECK(rule("1.4", Lang::en) == "≥ 100: 1; ≥ 98: 0.75; > 90: 0.5; otherwise: 0");
  CHECK(rule("2.1", Lang::vi) == "điểm = 1 × tỷ lệ / 80, tối đa 1 (tỷ lệ dưới 20: 0)");
  CHECK(rule("2.1", Lang::en) == "points = 1 × rate / 80, at most 1 (rate below 20: 0)");
  CHECK(rule("2.2", Lang::vi) == "0,25 điểm mỗi sản phẩm, tối đa 1");
  CHECK(rule("2.3", Lang::vi) == "1 điểm, trừ 0,25 điểm mỗi vi phạm");
  CHECK(rule("2.3", Lang::en) == "1 point, minus 0.25 points per violation");
  CHECK(rule("2.4", Lang::vi) == "điểm do thẩm định viên chấm, từ 0 đến 1");
  CHECK(rule("4.1", Lang::en) == "points given by the sociological survey, from 0 to 2");
  CHECK(rule("P1", Lang::vi) == "0,25 điểm mỗi trường hợp, tối đa 2");
}

TEST_CASE("templates say what value each rule expects") {
  CHECK(describe_value(node("1.1"), Lang::vi) == "true hoặc false");
  CHECK(describe_value(node("1.2"), Lang::en) == "the completion date YYYY-MM-DD, or false if not done");
  CHECK(describe_value(node("1.3"), Lang::vi) == "một trong: \"Tốt\", \"Khá\", \"Đạt\"");
  CHECK(describe_value(node("2.1"), Lang::vi) == "phần trăm, từ 0 đến 100, hoặc {done: N, of: M}");
  CHECK(describe_value(node("2.1"), Lang::en) == "a percentage, 0 to 100, or {done: N, of: M}");
  CHECK(describe_value(node("1.4"), Lang::en) == "a number ≥ 0");
  CHECK(describe_value(node("2.3"), Lang::en) == "the number of violations (a whole number ≥ 0)");
  CHECK(describe_value(node("4.1"), Lang::vi) == "điểm từ 0 đến 2");
}
