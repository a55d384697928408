#include <catch2/catch.hpp>

#include "cchc/catalog.hpp"
#include "cchc/checklist.hpp"
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

Scored score_example(const std::string& path, Lang lang) {
  const InputFile file = InputFile::read(std::string(CCHC_SOURCE_DIR) + "/" + path, lang);
  Scored scored{CriteriaCatalog("", lang).load(file.top_scalar("criteria")), {}, {}};
  scored.evidence = load_evidence(file, scored.criteria, lang);
  scored.result = score(scored.criteria, scored.evidence, {lang, true});
  return scored;
}

Scored score_fixture(const std::string& items, Lang lang) {
  Scored scored{test::fixture_criteria(), {}, {}};
  scored.evidence = parse_evidence(test::evidence_header() + "items:\n" + items, "e.yaml", scored.criteria, lang);
  scored.result = score(scored.criteria, scored.evidence, {lang, false});
  return scored;
}

}  // namespace

TEST_CASE("checklist rows follow the largest loss first, ties in criteria order") {
  const Scored scored = score_example("examples/quang-nam-2021/so-ldtbxh.yaml", Lang::vi);
  const Checklist checklist = build_checklist(scored.criteria, scored.evidence, scored.result, std::nullopt, Lang::vi);
  REQUIRE(checklist.rows.size() == scored.result.deductions.size());
  std::vector<std::string> ids;
  for (const ChecklistRow& row : checklist.rows) {
    ids.push_back(row.id);
  }
  CHECK(ids == std::vector<std::string>{"3.4.1", "7.3.2", "8.2.3", "8.1.1", "8.1.2", "8.2.1", "1.6",   "2.1.1",
                                        "3.3.3", "6.3.2", "7.3.3", "8.2.2", "8.1.4", "8.1.3", "5.2.2", "1.5",
                                        "7.5",   "6.2.2", "1.2.1", "1.4.1", "2.3.2", "1.4.2", "2.4.2", "7.1.1"});
  for (std::size_t i = 0; i < checklist.rows.size(); ++i) {
    CHECK(checklist.rows[i].number == static_cast<int>(i) + 1);
    if (i > 0) {
      CHECK_FALSE(checklist.rows[i - 1].lost < checklist.rows[i].lost);
    }
  }
  CHECK(checklist.total_lost == dec("10.804"));
  CHECK(checklist.total_lost == scored.result.applicable_max - scored.result.earned);
}

TEST_CASE("a checklist row says what went wrong, what to do and who does it") {
  const Scored scored = score_example("examples/quang-nam-2021/so-ldtbxh.yaml", Lang::vi);
  const Checklist checklist =
      build_checklist(scored.criteria, scored.evidence, scored.result, Date{2022, 6, 30}, Lang::vi);
  const auto row = [&](const std::string& id) {
    return *std::find_if(checklist.rows.begin(), checklist.rows.end(),
                         [&](const ChecklistRow& candidate) { return candidate.id == id; });
  };
  const ChecklistRow late = row("1.4.1");
  CHECK(late.shortcoming == "Chậm thời hạn: ban hành 24/02/2021, sau hạn 31/01/2021");
  CHECK(late.lost == dec("0.25"));
  CHECK(late.owner == "Văn phòng Sở");
  CHECK(late.remedy == "Ban hành Kế hoạch tuyên truyền CCHC đồng thời với Kế hoạch CCHC năm, trong tháng 01.");
  CHECK_FALSE(late.remedy_is_default);
  CHECK(late.due == Date{2022, 6, 30});
  CHECK(late.note.empty());
  const ChecklistRow survey = row("8.2.3");
  CHECK(survey.shortcoming == "Đánh giá chưa đạt tối đa: được chấm 3,12/4 điểm");
  CHECK(survey.note == "Điểm do Điều tra xã hội học");
  CHECK(row("1.6").note == "Điểm thẩm định");
}

TEST_CASE("a criterion without a remedy gets one for its reason") {
  const Scored scored = score_fixture("  \"1.1\": {value: true}\n  \"2.3\": {value: 2}\n", Lang::en);
  const Checklist checklist = build_checklist(scored.criteria, scored.evidence, scored.result, std::nullopt, Lang::en);
  const ChecklistRow& violations = *std::find_if(checklist.rows.begin(), checklist.rows.end(),
                                                 [](const ChecklistRow& row) { return row.id == "2.3"; });
  CHECK(violations.shortcoming == "Violations: 2 violations, 0.25 points off each");
  CHECK(violations.remedy == default_remedy(Reason::violations, Lang::en));
  CHECK(violations.remedy_is_default);
  CHECK_FALSE(violations.due);
  const ChecklistRow& missing = *std::find_if(checklist.rows.begin(), checklist.rows.end(),
                                              [](const ChecklistRow& row) { return row.id == "1.2"; });
  CHECK(missing.shortcoming == "Not reported: not in the evidence file");
  CHECK(missing.owner == "Văn phòng");  // inherited from field 1
}

TEST_CASE("every reason has a remedy in both languages") {
  for (const Reason reason :
       {Reason::missing, Reason::no_documents, Reason::not_done, Reason::late, Reason::below_target, Reason::level,
        Reason::count, Reason::violations, Reason::assessed, Reason::appraised}) {
    CHECK_FALSE(default_remedy(reason, Lang::vi).empty());
    CHECK_FALSE(default_remedy(reason, Lang::en).empty());
  }
  CHECK(default_remedy(Reason::none, Lang::vi).empty());
}

TEST_CASE("overclaims list the points the appraisal will take away") {
  const Scored scored = score_example("examples/quang-nam-2021/so-ldtbxh.yaml", Lang::vi);
  const Checklist checklist = build_checklist(scored.criteria, scored.evidence, scored.result, std::nullopt, Lang::vi);
  REQUIRE(checklist.overclaims.size() == 2);
  CHECK(checklist.overclaims[0].id == "1.4.1");
  CHECK(checklist.overclaims[0].self_score == dec("0.5"));
  CHECK(checklist.overclaims[0].points == dec("0.25"));
  CHECK(checklist.overclaims[0].difference == dec("0.25"));
  CHECK(checklist.overclaims[1].id == "1.6");
  CHECK(checklist.total_overclaimed == dec("0.75"));
}

TEST_CASE("a full score gives an empty checklist") {
  const Scored scored = score_fixture(
      "  \"1.1\": {value: true}\n  \"1.2\": {value: 2023-01-10}\n  \"1.3\": {value: \"Tốt\"}\n"
      "  \"1.4\": {value: 100, documents: [{title: x}]}\n  \"2.1\": {value: 80}\n  \"2.2\": {value: 4}\n"
      "  \"2.3\": {value: 0}\n  \"2.4\": {value: 1}\n  \"3.1\": {value: true}\n  \"3.2\": {value: true}\n"
      "  \"4.1\": {value: 2}\n",
      Lang::vi);
  const Checklist checklist = build_checklist(scored.criteria, scored.evidence, scored.result, std::nullopt, Lang::vi);
  CHECK(checklist.rows.empty());
  CHECK(checklist.total_lost == Decimal(0));
  CHECK(checklist.overclaims.empty());
}
