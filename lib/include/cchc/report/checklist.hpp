#pragma once

#include <string>

#include "cchc/checklist.hpp"
#include "cchc/report/report.hpp"

namespace cchc::report {

// `cchc checklist`, for people: a title block (unit, year, criteria set,
// score, index, grade, rank with --peers), the criteria that lost points as
// an aligned table (TT, criterion, shortcoming, points lost, remedy,
// responsible office, completion date, note) with a total row, then the
// overclaims; a sentence instead of a table that would be empty.
std::string render_checklist_text(const ScoredUnit& unit, const Checklist& checklist, const RenderOptions& options);

// The same as Markdown: headings, a list and pipe tables (line breaks in a
// cell become <br>).
std::string render_checklist_md(const ScoredUnit& unit, const Checklist& checklist, const RenderOptions& options);

// The checklist table (header, rows, total row), an empty line, then the
// overclaims table (header, rows, total row): UTF-8 with BOM, RFC 4180,
// CRLF, headers in `lang`, numbers with a point at the criteria precision,
// dates YYYY-MM-DD, every text cell neutralised against formulas (SPEC §4).
std::string render_checklist_csv(const ScoredUnit& unit, const Checklist& checklist, Lang lang);

// The bytes of a workbook: sheet "Phụ lục 01" ("Annex 01") with the title
// block and the checklist table (bold, bordered, frozen header row repeated
// on every printed page; wrapped text; numbers and dates as numbers; A4
// landscape, one page wide), and sheet "Tự chấm cao" ("Overclaims"). Text is
// always written as strings, never as formulas. Throws std::runtime_error
// when the workbook cannot be written.
std::string render_checklist_xlsx(const ScoredUnit& unit, const Checklist& checklist, Lang lang);

}  // namespace cchc::report
