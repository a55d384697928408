#include <catch2/catch.hpp>

#include <string>

#include "cchc/evidence.hpp"
#include "test_support.hpp"

using namespace cchc;
using test::evidence_header;

namespace {

const Criteria& criteria() {
  return test::fixture_criteria();
}

std::string errors(const std::string& text, Lang lang = Lang::en) {
  return test::diagnostics_of([&] { parse_evidence(text, "e.yaml", criteria(), lang); });
}

Evidence load(const std::string& text) {
  return parse_evidence(text, "e.yaml", criteria());
}

}  // namespace

TEST_CASE("values are read according to each leaf's rule") {
  const Evidence evidence = load(evidence_header() +
                                 "items:\n"
                                 "  \"1.1\": {value: true}\n"
                                 "  \"1.2\": {value: 2023-01-20}\n"
                                 "  \"1.3\": {value: \"Khá\"}\n"
                                 "  \"1.4\": {value: 99.5}\n"
                                 "  \"2.1\": {value: {done: 3, of: 4}}\n"
                                 "  \"2.2\": {value: 3}\n"
                                 "  \"2.3\": {value: 0}\n"
                                 "  \"2.4\": {value: 0.75}\n"
                                 "  \"3\": {na: true, reason: \"Không có TTHC\"}\n");
  REQUIRE(evidence.items.size() == 9);
  const auto value = [&](const char* id) { return *evidence.item_for(criteria().find(id))->value; };
  CHECK(std::get<bool>(value("1.1")));
  CHECK(std::get<Date>(value("1.2")) == Date{2023, 1, 20});
  CHECK(std::get<std::string>(value("1.3")) == "Khá");
  CHECK(std::get<Decimal>(value("1.4")) == *Decimal::parse("99.5"));
  CHECK(std::get<DoneOf>(value("2.1")).of == Decimal(4));
  CHECK(std::get<Decimal>(value("2.2")) == Decimal(3));
  CHECK(evidence.item_for(criteria().find("3"))->na);
  CHECK(evidence.unit.id == "u1");
  CHECK(evidence.unit.name == "Đơn vị 1");
}

TEST_CASE("items are kept in criteria order whatever the file order") {
  const Evidence evidence = load(evidence_header() + "items:\n  \"2.2\": {value: 1}\n  \"1.1\": {value: true}\n");
  CHECK(evidence.items[0].id == "1.1");
  CHECK(evidence.items[1].id == "2.2");
}

TEST_CASE("an unknown id is an error with a did-you-mean") {
  CHECK(errors(evidence_header() + "items:\n  \"1.5\": {value: true}\n") ==
        "e.yaml:6:3: error: the criteria \"t-2023\" have no node \"1.5\"; did you mean \"1.1\"?\n");
}

TEST_CASE("a value of the wrong type names the item's line") {
  CHECK(errors(evidence_header() + "items:\n  \"1.1\": {value: có}\n") ==
        "e.yaml:6:18: error: value: expected true or false, found \"có\"\n");
  CHECK(errors(evidence_header() + "items:\n  \"2.2\": {value: -1}\n") ==
        "e.yaml:6:18: error: value: expected a whole number ≥ 0 (a count), found -1\n");
  CHECK(errors(evidence_header() + "items:\n  \"2.3\": {value: 1.5}\n") ==
        "e.yaml:6:18: error: value: expected a whole number ≥ 0 (a count), found 1.5\n");
  CHECK(errors(evidence_header() + "items:\n  \"2.1\": {value: {done: 1, of: 0}}\n") ==
        "e.yaml:6:32: error: of: the total must be greater than 0 (no ratio of nothing)\n");
  CHECK(errors(evidence_header() + "items:\n  \"2.1\": {value: {done: 5, of: 4}}\n") ==
        "e.yaml:6:25: error: done: 5 is more than the total of: 4\n");
  CHECK(errors(evidence_header() + "items:\n  \"2.4\": {value: 1.5}\n") ==
        "e.yaml:6:18: error: value: 1.5 is above the max 1 of \"2.4\"\n");
}

TEST_CASE("an unknown level is an error listing the levels") {
  CHECK(errors(evidence_header() + "items:\n  \"1.3\": {value: Kha}\n") ==
        "e.yaml:6:18: error: value: expected one of the levels \"Tốt\", \"Khá\", \"Đạt\", found \"Kha\"; did you mean "
        "\"Khá\"?\n");
}

TEST_CASE("a level written with decomposed diacritics matches") {
  const Evidence evidence = load(evidence_header() + "items:\n  \"1.3\": {value: \"Kha\xCC\x81\"}\n");
  CHECK(std::get<std::string>(*evidence.items[0].value) == "Khá");
}

TEST_CASE("a date typed the Vietnamese way gets a hint") {
  CHECK(errors(evidence_header() + "items:\n  \"1.2\": {value: 31/12/2023}\n") ==
        "e.yaml:6:18: error: value: expected a date YYYY-MM-DD, found \"31/12/2023\" (write 2023-12-31)\n");
  CHECK(errors(evidence_header() + "items:\n  \"1.2\": {value: 31/12/2023}\n", Lang::vi) ==
        "e.yaml:6:18: error: value: cần ngày dạng YYYY-MM-DD, nhưng gặp \"31/12/2023\" (hãy viết 2023-12-31)\n");
  CHECK(errors(evidence_header() + "items:\n  \"1.2\": {value: true}\n") ==
        "e.yaml:6:18: error: value: expected the date it was done, YYYY-MM-DD, or false, found \"true\"\n");
}

TEST_CASE("na needs a reason and is refused on a never node") {
  CHECK(errors(evidence_header() + "items:\n  \"2.1\": {na: true}\n") ==
        "e.yaml:6:15: error: item \"2.1\": na: true needs a reason (why it does not apply)\n");
  CHECK(errors(evidence_header() + "items:\n  \"1.1\": {na: true, reason: x}\n") ==
        "e.yaml:6:15: error: item \"1.1\": this criterion has na: never and cannot be marked not applicable\n");
  CHECK(errors(evidence_header() + "items:\n  \"1\": {na: true, reason: x}\n") ==
        "e.yaml:6:3: error: item \"1\": cannot be marked not applicable because its sub-criterion \"1.1\" has na: "
        "never\n");
  CHECK(errors(evidence_header() + "items:\n  \"2.1\": {na: true, reason: x, value: 5}\n") ==
        "e.yaml:6:39: error: item \"2.1\": give either a value or na: true, not both\n");
}

TEST_CASE("a leaf item needs a value") {
  CHECK(errors(evidence_header() + "items:\n  \"2.2\": {note: x}\n") ==
        "e.yaml:6:10: error: item \"2.2\": the value is missing (expected a whole number ≥ 0), or write na: true "
        "with a reason\n");
}

TEST_CASE("a value inside a not-applicable subtree is an error") {
  CHECK(errors(evidence_header() + "items:\n  \"3\": {na: true, reason: x}\n  \"3.1\": {value: true}\n") ==
        "e.yaml:7:3: error: item \"3.1\" has a value, but its parent \"3\" is marked not applicable\n");
  CHECK(errors(evidence_header(", profile: no_tthc") + "items:\n  \"3.1\": {value: true}\n") ==
        "e.yaml:6:3: error: item \"3.1\" has a value, but \"3\" is not applicable under the profile \"no_tthc\"\n");
}

TEST_CASE("a non-leaf item may only carry na, reason and note") {
  CHECK(errors(evidence_header() + "items:\n  \"2\": {value: 1}\n") ==
        "e.yaml:6:9: error: item \"2\": \"2\" has sub-criteria, so it may only carry na, reason and note; give value "
        "for each of its leaves: \"2.1\", \"2.2\", \"2.3\", \"2.4\"\n");
}

TEST_CASE("self_score and appraised must be within max") {
  CHECK(errors(evidence_header() + "items:\n  \"1.1\": {value: true, self_score: 2}\n") ==
        "e.yaml:6:36: error: self_score: 2 is above the max 1 of \"1.1\"\n");
  CHECK(errors(evidence_header() + "items:\n  \"1.1\": {value: true, appraised: -0.5}\n") ==
        "e.yaml:6:35: error: appraised: expected a number ≥ 0, found -0.5\n");
}

TEST_CASE("the criteria id and year must match") {
  CHECK(errors("cchc: evidence/1\ncriteria: other\nyear: 2022\nunit: {id: u}\n") ==
        "e.yaml:2:11: error: criteria: this evidence is for the criteria \"other\", but it is being scored against "
        "\"t-2023\"\n");
  CHECK(errors("cchc: evidence/1\ncriteria: t-2023\nyear: 2022\nunit: {id: u}\n") ==
        "e.yaml:3:7: error: year: the evidence is for 2022, but the criteria \"t-2023\" are for 2023\n");
}

TEST_CASE("an unknown profile is an error") {
  CHECK(errors(evidence_header(", profile: no_thc")) ==
        "e.yaml:4:43: error: profile: the criteria \"t-2023\" have no profile \"no_thc\" (known: \"no_tthc\"); did you "
        "mean \"no_tthc\"?\n");
}

TEST_CASE("bonus items belong under bonus") {
  CHECK(errors(evidence_header() + "items:\n  \"T1\": {value: 1}\n") ==
        "e.yaml:6:3: error: \"T1\" belongs to the bonus section of the criteria: list it under bonus:\n");
  const Evidence evidence = load(evidence_header() + "bonus:\n  \"T1\": {value: 1}\n");
  CHECK(evidence.items.size() == 1);
}

TEST_CASE("documents are read with their positions") {
  const Evidence evidence =
      load(evidence_header() +
           "items:\n"
           "  \"1.1\":\n"
           "    value: true\n"
           "    documents:\n"
           "      - {number: \"03/KH-LĐTBXH\", date: 2023-01-12, title: \"Kế hoạch\", page: 5}\n");
  const Document& document = evidence.items[0].documents.at(0);
  CHECK(document.number == "03/KH-LĐTBXH");
  CHECK(document.date == Date{2023, 1, 12});
  CHECK(document.page == "5");
  CHECK(document.number_pos.line == 9);
  CHECK(document.number_pos.column == 18);
  CHECK(errors(evidence_header() + "items:\n  \"1.1\": {value: true, documents: [{page: 2}]}\n") ==
        "e.yaml:6:36: error: a document needs at least a number, a title or a file\n");
  CHECK(errors(evidence_header() + "items:\n  \"1.1\": {value: true, documents: [{title: x, date: 12/01/2023}]}\n") ==
        "e.yaml:6:53: error: date: expected a date YYYY-MM-DD, found \"12/01/2023\" (write 2023-01-12)\n");
}

TEST_CASE("the evidence file's tag is checked") {
  CHECK(errors("cchc: criteria/1\ncriteria: t-2023\nyear: 2023\nunit: {id: u}\n") ==
        "e.yaml:1:7: error: cchc: expected \"evidence/1\" (an evidence file), found \"criteria/1\"\n");
}

TEST_CASE("Vietnamese document numbers are recognised") {
  for (const char* good : {"03/KH-LĐTBXH", "1593/UBND-NC", "30/2018/QĐ-UBND", "429/QĐ-LĐTBXH", "280/CĐ-TTg", "05-NQ/TU",
                           "62/2020/NĐ-CP", "02/KH-SLĐTBXH", "12/BC-LĐTB&XH"}) {
    INFO(good);
    CHECK(looks_like_document_number(good));
  }
  for (const char* bad : {"KH 5", "03/KH", "Số 03/KH-UBND", "03 /KH-UBND", "/KH-UBND", "03/KH-", "abc", ""}) {
    INFO(bad);
    CHECK_FALSE(looks_like_document_number(bad));
  }
}
