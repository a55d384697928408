#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cchc/decimal.hpp"
#include "cchc/diagnostic.hpp"
#include "cchc/lang.hpp"

namespace cchc {

class InputFile;

// One unit's row in a published ranking (SPEC §1.4).
struct ResultRow {
  std::string unit;  // the unit id
  std::string name;  // "" when the table has none
  Decimal index;
  std::optional<Decimal> points;
  std::optional<Decimal> max;
  std::optional<int> rank;
  std::string grade;
  std::optional<int> year;
  SourcePos pos;  // where the row is written (CSV: its line, column 1)
};

// A results table: a published ranking read as peers or as a baseline.
struct ResultsTable {
  std::string path;
  std::optional<int> year;      // YAML `year`, or the CSV `year` column when every row gives the same
  std::string criteria;         // YAML `criteria`, or ""
  std::vector<ResultRow> rows;  // in file order

  // Whether every row has a rank (then it is used as is, SPEC §3).
  bool has_ranks() const;
  // The row of a unit, or nullptr.
  const ResultRow* find(std::string_view unit) const;
};

// The columns a results CSV may have; `unit` and `index` are required.
// `previous` and `change` are accepted (cchc rank writes them) and not used.
inline constexpr std::string_view k_results_columns[] = {"unit", "name",  "index", "points",   "max",
                                                         "rank", "grade", "year",  "previous", "change"};

// Parses a CSV results table: a header row; `,` or `;` separated (detected
// from the header); an optional UTF-8 BOM; RFC 4180 quoting; a decimal comma
// accepted ("97,685", or 97,685 under `;`). Throws InputError listing every
// problem at PATH:LINE (a missing column, a non-number index, the same unit
// twice, an unknown column, ...).
ResultsTable parse_results_csv(std::string_view text, const std::string& path, Lang lang);
// Reads a `cchc: results/1` YAML file. Throws InputError.
ResultsTable load_results(const InputFile& file, Lang lang);
// Reads a results table from disk: YAML when the name ends in .yaml or .yml,
// CSV otherwise. Throws InputError.
ResultsTable read_results(const std::string& path, Lang lang);

}  // namespace cchc
