// Fuzzes the results-table readers: any bytes as a CSV table, and as a
// `cchc: results/1` YAML file. A table that loads is ranked (as the units and
// as their own baseline), rendered in every format (the xlsx workbook must be
// a zip of well-formed XML parts: xlsx_check.hpp), and the CSV that
// `cchc rank -f csv` writes must read back as the same ranking (SPEC §1.4).

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cchc/input_file.hpp"
#include "cchc/ranking.hpp"
#include "cchc/report/ranking.hpp"
#include "cchc/report/report.hpp"
#include "cchc/results.hpp"
#include "fuzz_support.hpp"
#include "xlsx_check.hpp"

using namespace cchc;

namespace {

void use(const ResultsTable& table, Lang lang) {
  fuzz::require(!table.rows.empty(), "a results table without rows");
  std::vector<RankInput> units;
  for (const ResultRow& row : table.rows) {
    fuzz::require(!row.unit.empty(), "a row without a unit");
    fuzz::require(row.index >= Decimal(0), "a negative index", row.unit);
    fuzz::require(table.find(row.unit) == &row, "a unit listed twice", row.unit);
    fuzz::require(!row.rank || *row.rank >= 1, "a rank below 1", row.unit);
    units.push_back(rank_input(row));
  }
  report::RankingReport report;
  report.decimals = cchc::decimals_written(units);
  report.year = table.year;
  report.has_baseline = true;
  report.units = rank_units(units, std::nullopt);
  apply_previous(report.units, previous_ranks(table, Aliases(), std::nullopt));
  fuzz::require(report.units.size() == units.size(), "ranking lost units");

  report::RenderOptions options;
  options.lang = lang;
  fuzz::check_utf8(report::render_ranking_text(report, options), "render_ranking_text");
  fuzz::check_utf8(report::render_ranking_md(report, options), "render_ranking_md");
  fuzz::check_html(report::render_ranking_html(report, options), "render_ranking_html");
  fuzz::check_utf8(report::render_ranking_json(report), "render_ranking_json");
  fuzz::check_xlsx(report::render_ranking_xlsx(report, lang), "render_ranking_xlsx");
  const std::string csv = report::render_ranking_csv(report);
  fuzz::check_utf8(csv, "render_ranking_csv");

  // What `cchc rank -f csv` writes is itself a valid results table.
  try {
    const ResultsTable again = parse_results_csv(csv, "again.csv", lang);
    fuzz::require(again.rows.size() == report.units.size(), "the written CSV lost rows");
    for (const RankedUnit& unit : report.units) {
      const ResultRow* row = again.find(unit.unit.unit);
      fuzz::require(row != nullptr, "the written CSV lost a unit", unit.unit.unit);
      fuzz::require(row->rank == unit.position, "the written CSV changed a rank", unit.unit.unit);
      fuzz::require(row->index == unit.unit.index, "the written CSV changed an index", unit.unit.unit);
    }
  } catch (const InputError& error) {
    std::string message;
    for (const Diagnostic& diagnostic : error.diagnostics()) {
      message += format_diagnostic(diagnostic) + "\n";
    }
    fuzz::fail("the CSV written by rank -f csv does not read back:", message);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const Lang lang = fuzz::lang_for(size);
  try {
    use(parse_results_csv(text, "table.csv", lang), lang);
  } catch (const InputError& error) {
    fuzz::check_diagnostics(error, "table.csv", text);
  }
  try {
    use(load_results(InputFile::parse(text, "table.yaml", lang), lang), lang);
  } catch (const InputError& error) {
    fuzz::check_diagnostics(error, "table.yaml", text);
  }
  return 0;
}
