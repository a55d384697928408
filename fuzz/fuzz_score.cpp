// Fuzzes the whole score pipeline on any bytes given as an evidence file:
// load against the fixed criteria sets (criteria_sets.hpp), score, build the
// remediation checklist, predict the rank among fixed peers, and render the
// report in every text format (`cchc score -f text|md|json|csv`): each is
// valid UTF-8 without control characters (fuzz::check_text).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "cchc/checklist.hpp"
#include "cchc/evidence.hpp"
#include "cchc/input_file.hpp"
#include "cchc/ranking.hpp"
#include "cchc/report/report.hpp"
#include "cchc/report/score.hpp"
#include "cchc/results.hpp"
#include "cchc/scoring.hpp"
#include "criteria_sets.hpp"
#include "fuzz_support.hpp"

using namespace cchc;

namespace {

const ResultsTable& peers() {
  static const ResultsTable table = parse_results_csv(
      "unit;name;index;rank\nu1;Đơn vị 1;97,685;1\nu2;Đơn vị 2;90;2\nu3;Đơn vị 3;90;2\nu4;Đơn vị 4;12,5;4\n",
      "peers.csv", Lang::en);
  return table;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const Lang lang = fuzz::lang_for(size);
  std::vector<ScoredUnit> units;
  const Criteria* criteria = nullptr;
  try {
    const InputFile file = InputFile::parse(text, "evidence.yaml", lang);
    criteria = &fuzz::criteria_for(file);
    Evidence evidence = load_evidence(file, *criteria, lang);
    ScoreResult result = score(*criteria, evidence, ScoreOptions{lang, false});
    fuzz::check_score(result, criteria->scale);
    units.push_back(ScoredUnit{criteria, std::move(evidence), std::move(result), std::nullopt});
  } catch (const InputError& error) {
    fuzz::check_diagnostics(error, "evidence.yaml", text);
    return 0;
  }
  ScoredUnit& unit = units.front();
  const Checklist checklist = build_checklist(*criteria, unit.evidence, unit.result, std::nullopt, lang);
  fuzz::require(checklist.rows.size() == unit.result.deductions.size(), "the checklist lost deductions");
  const RankInput input = rank_input(unit.evidence, unit.result);
  unit.rank = predict_rank(input, peers(), &peers(), Aliases(), criteria->precision);
  fuzz::require(unit.rank->position >= 1 && unit.rank->position <= unit.rank->of, "a rank outside 1..of");

  report::RenderOptions options;
  options.lang = lang;
  fuzz::check_text(report::render_score_text(units, options), "render_score_text");
  fuzz::check_text(report::render_score_md(units, options), "render_score_md");
  fuzz::check_html(report::render_score_html(units, options), "render_score_html");
  fuzz::check_text(report::render_score_json(units), "render_score_json");
  fuzz::check_text(report::render_score_csv(units), "render_score_csv");
  return 0;
}
