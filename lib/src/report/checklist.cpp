#include "cchc/report/checklist.hpp"

#include <xlsxwriter.h>

#include <utility>
#include <vector>

#include "cchc/describe.hpp"
#include "cchc/report/csv.hpp"
#include "cchc/report/markdown.hpp"
#include "cchc/report/table.hpp"
#include "workbook.hpp"

namespace cchc::report {

namespace {

// The title of the annex, as in seed 004's Phụ lục 01.
std::string annex_title(Lang lang) {
  return words(lang, "PHỤ LỤC 01 — GIẢI PHÁP KHẮC PHỤC CÁC TỒN TẠI, HẠN CHẾ VÀ TIÊU CHÍ BỊ TRỪ ĐIỂM",
               "ANNEX 01 — REMEDIES FOR THE SHORTCOMINGS AND THE CRITERIA THAT LOST POINTS");
}

std::string overclaims_title(Lang lang) {
  return words(lang, "TIÊU CHÍ TỰ CHẤM CAO HƠN ĐIỂM TÍNH ĐƯỢC (có thể bị trừ khi thẩm định)",
               "CRITERIA SELF-SCORED ABOVE THE COMPUTED POINTS (the appraisal may take them away)");
}

std::string no_rows_sentence(Lang lang) {
  return words(lang, "Không có tiêu chí bị trừ điểm.", "No criterion lost points.");
}

std::string no_overclaims_sentence(Lang lang) {
  return words(lang, "Không có tiêu chí tự chấm cao hơn điểm tính được.",
               "No criterion is self-scored above its computed points.");
}

std::string total_label(Lang lang) {
  return words(lang, "Tổng cộng", "Total");
}

// The headers of the checklist table; `brief` ones fit a 100-column text
// report.
std::vector<std::string> checklist_headers(Lang lang, bool brief) {
  if (brief) {
    return {words(lang, "TT", "No."),
            words(lang, "Tiêu chí", "Criterion"),
            words(lang, "Tồn tại, hạn chế", "Shortcoming"),
            words(lang, "Bị trừ", "Lost"),
            words(lang, "Giải pháp khắc phục", "Remedy"),
            words(lang, "Chủ trì", "Owner"),
            words(lang, "Hoàn thành", "Due"),
            words(lang, "Ghi chú", "Note")};
  }
  return {words(lang, "TT", "No."),
          words(lang, "Tiêu chí", "Criterion"),
          words(lang, "Tồn tại, hạn chế", "Shortcoming"),
          words(lang, "Điểm bị trừ", "Points lost"),
          words(lang, "Giải pháp khắc phục", "Remedy"),
          words(lang, "Đơn vị chủ trì", "Responsible office"),
          words(lang, "Thời gian hoàn thành", "Completion date"),
          words(lang, "Ghi chú", "Note")};
}

std::vector<std::string> overclaim_headers(Lang lang) {
  return {words(lang, "TT", "No."), words(lang, "Tiêu chí", "Criterion"), words(lang, "Tự chấm", "Self-score"),
          words(lang, "Điểm tính được", "Computed points"), words(lang, "Chênh lệch", "Difference")};
}

// A criterion in one cell: "1.4.1 Ban hành Kế hoạch tuyên truyền CCHC". The
// id leads, so a spreadsheet never reads an id such as 1.10 as a number.
std::string criterion_cell(const std::string& id, const std::string& title) {
  return title.empty() ? id : id + " " + title;
}

// The title block: unit, year, criteria set, score, index, grade and, with
// --peers, the predicted rank.
std::vector<std::pair<std::string, std::string>> title_block(const ScoredUnit& unit, Lang lang) {
  const Criteria& criteria = *unit.criteria;
  const ScoreResult& result = unit.result;
  const Evidence& evidence = unit.evidence;
  std::vector<std::pair<std::string, std::string>> rows;
  std::string name = evidence.unit.name;
  if (evidence.unit.id != evidence.unit.name) {
    name += " (" + evidence.unit.id + ")";
  }
  rows.emplace_back(words(lang, "Đơn vị:", "Unit:"), name);
  rows.emplace_back(words(lang, "Năm:", "Year:"), std::to_string(evidence.year));
  rows.emplace_back(words(lang, "Bộ tiêu chí:", "Criteria:"), criteria.id + " — " + criteria.title);
  std::string total = format_number(result.points, criteria.precision, lang) + " / " +
                      format_number_short(criteria.scale, lang) + words(lang, " điểm", " points");
  if (result.applicable_max != criteria.scale) {
    total += words(lang, " (điểm tối đa áp dụng: ", " (applicable maximum: ") +
             format_number_short(result.applicable_max, lang) + ")";
  }
  rows.emplace_back(words(lang, "Tổng điểm:", "Total:"), total);
  rows.emplace_back(words(lang, "Chỉ số CCHC:", "PAR Index:"),
                    format_number(result.index, criteria.precision, lang) + "%");
  if (!criteria.grades.empty()) {
    rows.emplace_back(words(lang, "Xếp loại:", "Grade:"),
                      result.grade.empty() ? words(lang, "chưa xếp loại", "none") : result.grade);
  }
  if (unit.rank) {
    rows.emplace_back(words(lang, "Xếp hạng:", "Rank:"), describe_rank(*unit.rank, lang));
  }
  return rows;
}

// "TIÊU CHÍ BỊ TRỪ ĐIỂM (24 tiêu chí, mất 10,804 điểm)", upper case for
// text, sentence case for Markdown.
std::string rows_heading(const Checklist& checklist, int precision, Lang lang, bool upper) {
  std::string heading = upper ? words(lang, "TIÊU CHÍ BỊ TRỪ ĐIỂM", "CRITERIA THAT LOST POINTS")
                              : words(lang, "Tiêu chí bị trừ điểm", "Criteria that lost points");
  const std::size_t n = checklist.rows.size();
  if (n == 0) {
    return heading;
  }
  const std::string lost = format_number(checklist.total_lost, precision, lang);
  heading += (lang == Lang::vi
                  ? " (" + std::to_string(n) + " tiêu chí, mất " + lost + " điểm)"
                  : " (" + std::to_string(n) + (n == 1 ? " criterion, " : " criteria, ") + lost + " points lost)");
  return heading;
}

std::string due_text(const std::optional<Date>& due) {
  return due ? due->vietnamese() : std::string();
}

}  // namespace

// --- text ------------------------------------------------------------------

std::string render_checklist_text(const ScoredUnit& unit, const Checklist& checklist, const RenderOptions& options) {
  const Lang lang = options.lang;
  const Style& style = options.style;
  const int precision = unit.criteria->precision;
  auto num = [&](const Decimal& value) { return format_number(value, precision, lang); };

  std::string out;
  for (const std::string& line : wrap_text(annex_title(lang), options.width)) {
    out += style.bold(line);
    out += '\n';
  }
  out += '\n';
  // One --due date applies to every row: the text report says it once, in
  // the title block, to leave the table's room to the long cells.
  auto block = title_block(unit, lang);
  if (!checklist.rows.empty() && checklist.rows.front().due) {
    block.emplace_back(words(lang, "Thời gian hoàn thành:", "Complete by:"), due_text(checklist.rows.front().due));
  }
  out += render_key_values(block, style, options.width);

  out += '\n';
  out += style.bold(rows_heading(checklist, precision, lang, true));
  out += '\n';
  if (checklist.rows.empty()) {
    out += " " + no_rows_sentence(lang) + "\n";
  } else {
    // A column empty in every row (no owner, no note) is left out to give
    // the others room, and so is the date (in the title block); the other
    // formats keep all eight columns: they are forms to fill in.
    bool owners = false;
    bool notes = false;
    for (const ChecklistRow& row : checklist.rows) {
      owners = owners || !row.owner.empty();
      notes = notes || !row.note.empty();
    }
    const std::vector<std::string> headers = checklist_headers(lang, true);
    std::vector<Column> columns{{headers[0], Align::right},
                                {headers[1], Align::left, true},
                                {headers[2], Align::left, true},
                                {headers[3], Align::right},
                                {headers[4], Align::left, true}};
    if (owners) {
      columns.push_back({headers[5], Align::left, true});
    }
    if (notes) {
      columns.push_back({headers[7], Align::left, true});
    }
    const std::size_t n = columns.size();
    Table table(std::move(columns));
    for (const ChecklistRow& row : checklist.rows) {
      std::vector<Cell> cells{Cell(std::to_string(row.number)), Cell(criterion_cell(row.id, row.title)),
                              Cell(row.shortcoming), Cell(num(row.lost), Tone::red), Cell(row.remedy)};
      if (owners) {
        cells.emplace_back(row.owner);
      }
      if (notes) {
        cells.emplace_back(row.note);
      }
      table.add_row(std::move(cells));
    }
    std::vector<Cell> total{Cell(""), Cell(total_label(lang), Tone::bold), Cell(""),
                            Cell(num(checklist.total_lost), Tone::bold)};
    total.resize(n);
    table.add_row(std::move(total));
    out += table.render(style, options.width);
  }

  out += '\n';
  out += style.bold(overclaims_title(lang));
  out += '\n';
  if (checklist.overclaims.empty()) {
    out += " " + no_overclaims_sentence(lang) + "\n";
  } else {
    const std::vector<std::string> headers = overclaim_headers(lang);
    Table table({{headers[0], Align::right},
                 {headers[1], Align::left, true},
                 {headers[2], Align::right},
                 {headers[3], Align::right},
                 {headers[4], Align::right}});
    int number = 0;
    for (const ChecklistOverclaim& overclaim : checklist.overclaims) {
      table.add_row({Cell(std::to_string(++number)), Cell(criterion_cell(overclaim.id, overclaim.title)),
                     Cell(num(overclaim.self_score)), Cell(num(overclaim.points)),
                     Cell(num(overclaim.difference), Tone::yellow)});
    }
    table.add_row({Cell(""), Cell(total_label(lang), Tone::bold), Cell(""), Cell(""),
                   Cell(num(checklist.total_overclaimed), Tone::bold)});
    out += table.render(style, options.width);
  }
  return out;
}

// --- Markdown --------------------------------------------------------------

std::string render_checklist_md(const ScoredUnit& unit, const Checklist& checklist, const RenderOptions& options) {
  const Lang lang = options.lang;
  const int precision = unit.criteria->precision;
  auto num = [&](const Decimal& value) { return format_number(value, precision, lang); };

  std::string out = "# " +
                    md(words(lang, "Phụ lục 01 — Giải pháp khắc phục các tồn tại, hạn chế và tiêu chí bị trừ điểm",
                             "Annex 01 — Remedies for the shortcomings and the criteria that lost points")) +
                    "\n\n";
  for (const auto& [label, value] : title_block(unit, lang)) {
    out += "- **" + md(label) + "** " + md(value) + "\n";
  }

  out += "\n## " + md(rows_heading(checklist, precision, lang, false)) + "\n\n";
  if (checklist.rows.empty()) {
    out += md(no_rows_sentence(lang)) + "\n";
  } else {
    PipeTable table(checklist_headers(lang, false), {true, false, false, true, false, false, false, false},
                    LineBreaks::html);
    for (const ChecklistRow& row : checklist.rows) {
      table.add_row({std::to_string(row.number), criterion_cell(row.id, row.title), row.shortcoming, num(row.lost),
                     row.remedy, row.owner, due_text(row.due), row.note});
    }
    table.add_row({"", total_label(lang), "", num(checklist.total_lost), "", "", "", ""});
    out += table.render();
  }

  out += "\n## " +
         md(words(lang, "Tiêu chí tự chấm cao hơn điểm tính được (có thể bị trừ khi thẩm định)",
                  "Criteria self-scored above the computed points (the appraisal may take them away)")) +
         "\n\n";
  if (checklist.overclaims.empty()) {
    out += md(no_overclaims_sentence(lang)) + "\n";
  } else {
    PipeTable table(overclaim_headers(lang), {true, false, true, true, true}, LineBreaks::html);
    int number = 0;
    for (const ChecklistOverclaim& overclaim : checklist.overclaims) {
      table.add_row({std::to_string(++number), criterion_cell(overclaim.id, overclaim.title), num(overclaim.self_score),
                     num(overclaim.points), num(overclaim.difference)});
    }
    table.add_row({"", total_label(lang), "", "", num(checklist.total_overclaimed)});
    out += table.render();
  }
  return out;
}

// --- CSV -------------------------------------------------------------------

std::string render_checklist_csv(const ScoredUnit& unit, const Checklist& checklist, Lang lang) {
  const int precision = unit.criteria->precision;
  auto line = [](const std::vector<std::string>& cells) {
    std::string out;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      out += (i == 0 ? "" : ",") + cells[i];
    }
    return out + "\r\n";
  };
  auto texts = [](const std::vector<std::string>& cells) {
    std::vector<std::string> out;
    out.reserve(cells.size());
    for (const std::string& cell : cells) {
      out.push_back(csv_text(cell));
    }
    return out;
  };
  auto number = [precision](const Decimal& value) { return csv_number(value, precision); };

  std::string out(k_csv_bom);
  out += line(texts(checklist_headers(lang, false)));
  for (const ChecklistRow& row : checklist.rows) {
    out += line({std::to_string(row.number), csv_text(criterion_cell(row.id, row.title)), csv_text(row.shortcoming),
                 number(row.lost), csv_text(row.remedy), csv_text(row.owner), row.due ? row.due->iso() : std::string(),
                 csv_text(row.note)});
  }
  out += line({"", csv_text(total_label(lang)), "", number(checklist.total_lost), "", "", "", ""});
  out += "\r\n";
  out += line(texts(overclaim_headers(lang)));
  int n = 0;
  for (const ChecklistOverclaim& overclaim : checklist.overclaims) {
    out += line({std::to_string(++n), csv_text(criterion_cell(overclaim.id, overclaim.title)),
                 number(overclaim.self_score), number(overclaim.points), number(overclaim.difference)});
  }
  out += line({"", csv_text(total_label(lang)), "", "", number(checklist.total_overclaimed)});
  return out;
}

// --- xlsx ------------------------------------------------------------------

namespace {

// The formats of the workbook, made once.
struct SheetFormats {
  lxw_format* title = nullptr;   // bold, larger, centred over the columns
  lxw_format* about = nullptr;   // the title block's lines
  lxw_format* header = nullptr;  // bold, bordered, wrapped, shaded
  lxw_format* text = nullptr;    // wrapped, top-aligned, bordered
  lxw_format* count = nullptr;   // TT: centred, top-aligned, bordered
  lxw_format* score = nullptr;   // a number at the criteria precision
  lxw_format* date = nullptr;    // dd/mm/yyyy
  lxw_format* total = nullptr;   // the total row's label
  lxw_format* total_score = nullptr;
  lxw_format* sentence = nullptr;  // "Không có ..." instead of a table

  SheetFormats(lxw_workbook* workbook, int precision) {
    const std::string number_format = xlsx_number_format(precision);
    title = workbook_add_format(workbook);
    format_set_bold(title);
    format_set_font_size(title, 13);
    format_set_align(title, LXW_ALIGN_CENTER);
    format_set_align(title, LXW_ALIGN_VERTICAL_CENTER);
    format_set_text_wrap(title);
    about = workbook_add_format(workbook);
    format_set_align(about, LXW_ALIGN_VERTICAL_TOP);
    header = workbook_add_format(workbook);
    format_set_bold(header);
    format_set_border(header, LXW_BORDER_THIN);
    format_set_text_wrap(header);
    format_set_align(header, LXW_ALIGN_CENTER);
    format_set_align(header, LXW_ALIGN_VERTICAL_CENTER);
    format_set_bg_color(header, 0xD9D9D9);
    text = cell(workbook);
    format_set_text_wrap(text);
    count = cell(workbook);
    format_set_align(count, LXW_ALIGN_CENTER);
    score = cell(workbook);
    format_set_num_format(score, number_format.c_str());
    date = cell(workbook);
    format_set_num_format(date, "dd/mm/yyyy");
    format_set_align(date, LXW_ALIGN_CENTER);
    total = cell(workbook);
    format_set_bold(total);
    total_score = cell(workbook);
    format_set_bold(total_score);
    format_set_num_format(total_score, number_format.c_str());
    sentence = workbook_add_format(workbook);
    format_set_italic(sentence);
  }

 private:
  static lxw_format* cell(lxw_workbook* workbook) {
    lxw_format* format = workbook_add_format(workbook);
    format_set_border(format, LXW_BORDER_THIN);
    format_set_align(format, LXW_ALIGN_VERTICAL_TOP);
    return format;
  }
};

// Writes the cells of one worksheet, passing every result to `check`.
class SheetWriter {
 public:
  SheetWriter(lxw_worksheet* sheet, XlsxErrors& check) : m_sheet(sheet), m_check(check) {}

  // Text is always a string cell (never a formula, whatever it starts
  // with); empty text is a blank cell that keeps the format's border.
  void text(lxw_row_t row, lxw_col_t col, const std::string& value, lxw_format* format) {
    if (value.empty()) {
      m_check(worksheet_write_blank(m_sheet, row, col, format));
    } else {
      m_check(worksheet_write_string(m_sheet, row, col, xlsx_text(value).c_str(), format));
    }
  }
  void number(lxw_row_t row, lxw_col_t col, const Decimal& value, lxw_format* format) {
    m_check(worksheet_write_number(m_sheet, row, col, xlsx_number(value), format));
  }
  void number(lxw_row_t row, lxw_col_t col, int value, lxw_format* format) {
    m_check(worksheet_write_number(m_sheet, row, col, value, format));
  }
  void date(lxw_row_t row, lxw_col_t col, const std::optional<Date>& value, lxw_format* format) {
    if (!value) {
      m_check(worksheet_write_blank(m_sheet, row, col, format));
      return;
    }
    lxw_datetime datetime{value->year, value->month, value->day, 0, 0, 0};
    m_check(worksheet_write_datetime(m_sheet, row, col, &datetime, format));
  }
  // A line of text across the first `columns` columns.
  void across(lxw_row_t row, lxw_col_t columns, const std::string& value, lxw_format* format) {
    m_check(worksheet_merge_range(m_sheet, row, 0, row, static_cast<lxw_col_t>(columns - 1), xlsx_text(value).c_str(),
                                  format));
  }
  void widths(const std::vector<double>& widths) {
    for (std::size_t c = 0; c < widths.size(); ++c) {
      const auto col = static_cast<lxw_col_t>(c);
      m_check(worksheet_set_column(m_sheet, col, col, widths[c], nullptr));
    }
  }
  // A4 landscape, one page wide, `header_row` repeated on every page,
  // numbered pages.
  void print_setup(std::optional<lxw_row_t> header_row, Lang lang) {
    worksheet_set_paper(m_sheet, 9);
    worksheet_set_landscape(m_sheet);
    worksheet_set_margins(m_sheet, 0.5, 0.5, 0.6, 0.6);
    worksheet_fit_to_pages(m_sheet, 1, 0);
    worksheet_center_horizontally(m_sheet);
    m_check(worksheet_set_footer(m_sheet, lang == Lang::vi ? "&CTrang &P/&N" : "&CPage &P of &N"));
    if (header_row) {
      m_check(worksheet_repeat_rows(m_sheet, *header_row, *header_row));
      worksheet_freeze_panes(m_sheet, *header_row + 1, 0);
    }
  }

 private:
  lxw_worksheet* m_sheet;
  XlsxErrors& m_check;
};

// The title row, then the lines of `block`, then an empty row; returns the
// next free row.
lxw_row_t write_title(SheetWriter& writer, const SheetFormats& formats, const std::string& title,
                      const std::vector<std::pair<std::string, std::string>>& block, lxw_col_t columns) {
  lxw_row_t row = 0;
  writer.across(row++, columns, title, formats.title);
  for (const auto& [label, value] : block) {
    std::string line = label;
    line += ' ';
    line += value;
    writer.across(row++, columns, line, formats.about);
  }
  return row + 1;
}

void write_headers(SheetWriter& writer, const SheetFormats& formats, lxw_row_t row,
                   const std::vector<std::string>& headers) {
  for (std::size_t c = 0; c < headers.size(); ++c) {
    writer.text(row, static_cast<lxw_col_t>(c), headers[c], formats.header);
  }
}

}  // namespace

std::string render_checklist_xlsx(const ScoredUnit& unit, const Checklist& checklist, Lang lang) {
  const Evidence& evidence = unit.evidence;
  const std::string document_title =
      words(lang, "Phụ lục 01 — Giải pháp khắc phục các tồn tại, hạn chế và tiêu chí bị trừ điểm",
            "Annex 01 — Remedies for the shortcomings and the criteria that lost points") +
      " — " + evidence.unit.name + " — " + std::to_string(evidence.year);
  const std::vector<std::pair<std::string, std::string>> block = title_block(unit, lang);
  return write_workbook(xlsx_text(document_title), lang, [&](lxw_workbook* workbook, XlsxErrors& check) {
    const SheetFormats formats(workbook, unit.criteria->precision);

    // Sheet 1: the checklist.
    const std::string sheet_name = words(lang, "Phụ lục 01", "Annex 01");
    SheetWriter sheet(workbook_add_worksheet(workbook, sheet_name.c_str()), check);
    const std::vector<std::string> headers = checklist_headers(lang, false);
    const auto columns = static_cast<lxw_col_t>(headers.size());
    sheet.widths({5, 40, 45, 10, 50, 22, 14, 20});
    lxw_row_t row = write_title(sheet, formats, annex_title(lang), block, columns);
    if (checklist.rows.empty()) {
      sheet.across(row, columns, no_rows_sentence(lang), formats.sentence);
      sheet.print_setup(std::nullopt, lang);
    } else {
      const lxw_row_t header_row = row;
      write_headers(sheet, formats, row++, headers);
      for (const ChecklistRow& entry : checklist.rows) {
        sheet.number(row, 0, entry.number, formats.count);
        sheet.text(row, 1, criterion_cell(entry.id, entry.title), formats.text);
        sheet.text(row, 2, entry.shortcoming, formats.text);
        sheet.number(row, 3, entry.lost, formats.score);
        sheet.text(row, 4, entry.remedy, formats.text);
        sheet.text(row, 5, entry.owner, formats.text);
        sheet.date(row, 6, entry.due, formats.date);
        sheet.text(row, 7, entry.note, formats.text);
        ++row;
      }
      sheet.text(row, 0, "", formats.total);
      sheet.text(row, 1, total_label(lang), formats.total);
      sheet.text(row, 2, "", formats.total);
      sheet.number(row, 3, checklist.total_lost, formats.total_score);
      for (lxw_col_t col = 4; col < columns; ++col) {
        sheet.text(row, col, "", formats.total);
      }
      sheet.print_setup(header_row, lang);
    }

    // Sheet 2: the overclaims.
    const std::string overclaims_name = words(lang, "Tự chấm cao", "Overclaims");
    SheetWriter overclaims(workbook_add_worksheet(workbook, overclaims_name.c_str()), check);
    const std::vector<std::string> overclaim_header = overclaim_headers(lang);
    const auto overclaim_columns = static_cast<lxw_col_t>(overclaim_header.size());
    overclaims.widths({5, 60, 12, 16, 12});
    row = write_title(overclaims, formats, overclaims_title(lang), {block.front()}, overclaim_columns);
    if (checklist.overclaims.empty()) {
      overclaims.across(row, overclaim_columns, no_overclaims_sentence(lang), formats.sentence);
      overclaims.print_setup(std::nullopt, lang);
    } else {
      const lxw_row_t header_row = row;
      write_headers(overclaims, formats, row++, overclaim_header);
      int number = 0;
      for (const ChecklistOverclaim& overclaim : checklist.overclaims) {
        overclaims.number(row, 0, ++number, formats.count);
        overclaims.text(row, 1, criterion_cell(overclaim.id, overclaim.title), formats.text);
        overclaims.number(row, 2, overclaim.self_score, formats.score);
        overclaims.number(row, 3, overclaim.points, formats.score);
        overclaims.number(row, 4, overclaim.difference, formats.score);
        ++row;
      }
      overclaims.text(row, 0, "", formats.total);
      overclaims.text(row, 1, total_label(lang), formats.total);
      overclaims.text(row, 2, "", formats.total);
      overclaims.text(row, 3, "", formats.total);
      overclaims.number(row, 4, checklist.total_overclaimed, formats.total_score);
      overclaims.print_setup(header_row, lang);
    }
  });
}

}  // namespace cchc::report
