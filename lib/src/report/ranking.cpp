#include "cchc/report/ranking.hpp"

#include <algorithm>
#include <cstddef>
#include <utility>

#include "cchc/describe.hpp"
#include "cchc/report/csv.hpp"
#include "cchc/report/json_writer.hpp"
#include "cchc/report/markdown.hpp"
#include "cchc/report/table.hpp"
#include "cchc/text.hpp"
#include "html_page.hpp"
#include "workbook.hpp"

namespace cchc::report {

namespace {

// The units per grade, in the order the grades first appear from the top,
// those without a grade as "chưa xếp loại" / "no grade".
std::vector<std::pair<std::string, std::size_t>> grade_counts(const RankingReport& report, Lang lang) {
  std::vector<std::pair<std::string, std::size_t>> counts;
  for (const RankedUnit& unit : report.units) {
    const std::string grade =
        unit.unit.grade.empty() ? std::string(tr(lang, "chưa xếp loại", "no grade")) : unit.unit.grade;
    auto found = std::find_if(counts.begin(), counts.end(), [&](const auto& count) { return count.first == grade; });
    if (found == counts.end()) {
      counts.emplace_back(grade, 1);
    } else {
      ++found->second;
    }
  }
  return counts;
}

// "Xếp hạng Chỉ số cải cách hành chính năm 2021" / "PAR Index ranking, 2021":
// the Markdown heading, the page and workbook title.
std::string ranking_title(const RankingReport& report, Lang lang) {
  return report.year ? words(lang, "Xếp hạng Chỉ số cải cách hành chính năm ", "PAR Index ranking, ") +
                           std::to_string(*report.year)
                     : words(lang, "Xếp hạng Chỉ số cải cách hành chính", "PAR Index ranking");
}

// How many bars one ranking chart holds: charts break between pages, not
// inside, so a long ranking is drawn as several.
constexpr std::size_t k_bars_per_chart = 40;

enum class Field { position, unit, name, points, index, grade, previous, change };

// A column's width in Excel's units (about one character each), from the
// widest text it holds.
class ColumnWidths {
 public:
  explicit ColumnWidths(std::size_t columns) : m_widths(columns, 0) {}
  void fit(std::size_t column, std::string_view text) {
    m_widths[column] = std::max(m_widths[column], display_width(text));
  }
  double width(std::size_t column) const {
    return static_cast<double>(std::min<std::size_t>(m_widths[column], 60) + 2);
  }

 private:
  std::vector<std::size_t> m_widths;
};

}  // namespace

bool any_points(const RankingReport& report) {
  for (const RankedUnit& unit : report.units) {
    if (unit.unit.points) {
      return true;
    }
  }
  return false;
}

bool any_grade(const RankingReport& report) {
  for (const RankedUnit& unit : report.units) {
    if (!unit.unit.grade.empty()) {
      return true;
    }
  }
  return false;
}

std::string ranking_summary(const RankingReport& report, Lang lang) {
  const std::size_t n = report.units.size();
  std::string out = std::to_string(n) + (lang == Lang::vi ? " đơn vị"
                                         : n == 1         ? std::string(" unit")
                                                          : std::string(" units"));
  if (!any_grade(report)) {
    return out;
  }
  const std::vector<std::pair<std::string, std::size_t>> counts = grade_counts(report, lang);
  out += ':';
  for (std::size_t i = 0; i < counts.size(); ++i) {
    out += (i == 0 ? " " : ", ") + counts[i].first + " " + std::to_string(counts[i].second);
  }
  return out;
}

std::string render_ranking_text(const RankingReport& report, const RenderOptions& options) {
  const Lang lang = options.lang;
  const Style& style = options.style;
  const bool points = any_points(report);
  const bool grades = any_grade(report);
  std::string out =
      style.bold(report.year ? words(lang, "XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM ", "PAR INDEX RANKING, ") +
                                   std::to_string(*report.year)
                             : words(lang, "XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH", "PAR INDEX RANKING"));
  out += "\n\n";

  std::vector<Column> columns{{words(lang, "Hạng", "Rank"), Align::right},
                              {words(lang, "Mã", "Id")},
                              {words(lang, "Đơn vị", "Unit"), Align::left, true}};
  if (points) {
    columns.push_back({words(lang, "Điểm", "Points"), Align::right});
  }
  columns.push_back({words(lang, "Chỉ số", "Index"), Align::right});
  if (grades) {
    columns.push_back({words(lang, "Xếp loại", "Grade")});
  }
  if (report.has_baseline) {
    columns.push_back({words(lang, "Năm trước", "Previous"), Align::right});
    columns.push_back({words(lang, "Thay đổi", "Change")});
  }
  // The rows are made as they are written: a ranking may have thousands.
  Table table(std::move(columns));
  table.add_rows(report.units.size(), [&](std::size_t i, std::vector<Cell>& row) {
    const RankedUnit& ranked = report.units[i];
    const RankInput& unit = ranked.unit;
    std::size_t c = 0;
    row[c++] = Cell(std::to_string(ranked.position));
    row[c++] = Cell(unit.unit);
    row[c++] = Cell(unit.name);
    if (points) {
      row[c++] = Cell(unit.points ? format_number(*unit.points, report.decimals, lang) : std::string());
    }
    row[c++] = Cell(format_number(unit.index, report.decimals, lang));
    if (grades) {
      row[c++] = Cell(unit.grade);
    }
    if (report.has_baseline) {
      row[c++] = Cell(ranked.previous ? std::to_string(*ranked.previous) : std::string());
      const Tone tone = !ranked.change || *ranked.change == 0 ? Tone::plain
                        : *ranked.change > 0                  ? Tone::green
                                                              : Tone::red;
      row[c++] = Cell(describe_change(ranked.previous, ranked.change, lang), tone);
    }
  });
  table.render_to(out, style, options.width);
  out += '\n';
  out += ranking_summary(report, lang);
  out += '\n';
  return out;
}

std::string render_ranking_md(const RankingReport& report, const RenderOptions& options) {
  const Lang lang = options.lang;
  auto t = [lang](std::string_view vi, std::string_view en) { return std::string(tr(lang, vi, en)); };
  const bool points = any_points(report);
  const bool grades = any_grade(report);
  std::string out = "# " + md(ranking_title(report, lang)) + "\n\n";
  std::vector<std::string> headers{t("Hạng", "Rank"), t("Mã", "Id"), t("Đơn vị", "Unit")};
  std::vector<bool> right{true, false, false};
  if (points) {
    headers.push_back(t("Điểm", "Points"));
    right.push_back(true);
  }
  headers.push_back(t("Chỉ số", "Index"));
  right.push_back(true);
  if (grades) {
    headers.push_back(t("Xếp loại", "Grade"));
    right.push_back(false);
  }
  if (report.has_baseline) {
    headers.push_back(t("Năm trước", "Previous"));
    right.push_back(true);
    headers.push_back(t("Thay đổi", "Change"));
    right.push_back(false);
  }
  PipeTable table(std::move(headers), std::move(right));
  for (const RankedUnit& ranked : report.units) {
    const RankInput& unit = ranked.unit;
    std::vector<std::string> row{std::to_string(ranked.position), unit.unit, unit.name};
    if (points) {
      row.push_back(unit.points ? format_number(*unit.points, report.decimals, lang) : std::string());
    }
    row.push_back(format_number(unit.index, report.decimals, lang));
    if (grades) {
      row.push_back(unit.grade);
    }
    if (report.has_baseline) {
      row.push_back(ranked.previous ? std::to_string(*ranked.previous) : std::string());
      row.push_back(describe_change(ranked.previous, ranked.change, lang));
    }
    table.add_row(std::move(row));
  }
  out += table.render();
  out += '\n';
  out += md(ranking_summary(report, lang));
  out += '\n';
  return out;
}

std::string render_ranking_html(const RankingReport& report, const RenderOptions& options) {
  const Lang lang = options.lang;
  const bool points = any_points(report);
  const bool grades = any_grade(report);
  const std::string title = ranking_title(report, lang);
  std::string body = "<h1>" + html(title) + "</h1>\n";
  body += "<p>" + html(ranking_summary(report, lang)) + "</p>\n";

  // The units per grade, in the order the grades first appear from the top.
  if (grades) {
    const std::vector<std::pair<std::string, std::size_t>> counts = grade_counts(report, lang);
    const Decimal total(static_cast<int>(report.units.size()));
    std::vector<Bar> bars;
    for (const auto& [grade, count] : counts) {
      const Decimal n(static_cast<int>(count));
      bars.push_back(
          Bar{grade, n, total,
              std::to_string(count) + " (" + format_number(Decimal::mul_div(n, Decimal(100), total, 2), 2, lang) + "%)",
              k_grade, true});
    }
    const std::string chart_title = words(lang, "Số đơn vị theo xếp loại", "Units per grade");
    body += "<h2>" + html(chart_title) + "</h2>\n";
    body += figure({}, bar_chart(chart_title, bars, "grades"));
  }

  const std::string chart_title =
      words(lang, "Chỉ số CCHC của từng đơn vị, theo thứ hạng", "Each unit's PAR Index, in rank order");
  body += "<h2>" + html(chart_title) + "</h2>\n";
  for (std::size_t start = 0; start < report.units.size(); start += k_bars_per_chart) {
    const std::size_t end = std::min(report.units.size(), start + k_bars_per_chart);
    std::vector<Bar> bars;
    for (std::size_t i = start; i < end; ++i) {
      const RankedUnit& ranked = report.units[i];
      const std::string& name = ranked.unit.name.empty() ? ranked.unit.unit : ranked.unit.name;
      bars.push_back(Bar{std::to_string(ranked.position) + ". " + name, ranked.unit.index, Decimal(100),
                         format_number(ranked.unit.index, report.decimals, lang), k_bar, true});
    }
    std::string caption = words(lang, "Thang đo 0–100", "Scale 0–100");
    if (report.units.size() > k_bars_per_chart) {
      caption += words(lang, "; hạng ", "; ranks ") + std::to_string(report.units[start].position) + "–" +
                 std::to_string(report.units[end - 1].position);
    }
    body += figure(caption, bar_chart(chart_title, bars, "indices"));
  }

  body += "<h2>" + html(words(lang, "Bảng xếp hạng", "The ranking")) + "</h2>\n";
  std::vector<std::string> headers{words(lang, "Hạng", "Rank"), words(lang, "Mã", "Id"), words(lang, "Đơn vị", "Unit")};
  std::vector<bool> numbers{true, false, false};
  if (points) {
    headers.push_back(words(lang, "Điểm", "Points"));
    numbers.push_back(true);
  }
  headers.push_back(words(lang, "Chỉ số", "Index"));
  numbers.push_back(true);
  if (grades) {
    headers.push_back(words(lang, "Xếp loại", "Grade"));
    numbers.push_back(false);
  }
  if (report.has_baseline) {
    headers.push_back(words(lang, "Năm trước", "Previous"));
    numbers.push_back(true);
    headers.push_back(words(lang, "Thay đổi", "Change"));
    numbers.push_back(false);
  }
  HtmlTable table(std::move(headers), std::move(numbers));
  for (const RankedUnit& ranked : report.units) {
    const RankInput& unit = ranked.unit;
    std::string row =
        cell("td", std::to_string(ranked.position), "n") + cell("td", unit.unit, "nw") + cell("td", unit.name);
    if (points) {
      row += cell("td", unit.points ? format_number(*unit.points, report.decimals, lang) : std::string(), "n");
    }
    row += cell("td", format_number(unit.index, report.decimals, lang), "n");
    if (grades) {
      row += cell("td", unit.grade, "nw");
    }
    if (report.has_baseline) {
      row += cell("td", ranked.previous ? std::to_string(*ranked.previous) : std::string(), "n");
      row += "<td class=\"nw\">" + change_html(ranked.previous, ranked.change, lang) + "</td>";
    }
    table.add_html_row(row);
  }
  body += table.render();
  body += footer(lang);
  return page(lang, title, body);
}

std::string render_ranking_csv(const RankingReport& report) {
  const int precision = report.decimals;
  std::string out(k_csv_bom);
  // `year` keeps the ranking's year when the CSV is read back as a baseline.
  const std::string year = report.year ? std::to_string(*report.year) : std::string();
  out += "rank,unit,name,points,index,grade,year,previous,change\r\n";
  for (const RankedUnit& ranked : report.units) {
    const RankInput& unit = ranked.unit;
    out += std::to_string(ranked.position);
    out += ',';
    out += csv_text(unit.unit);
    out += ',';
    out += csv_text(unit.name);
    out += ',';
    out += csv_optional(unit.points, precision);
    out += ',';
    out += csv_number(unit.index, precision);
    out += ',';
    out += csv_text(unit.grade);
    out += ',';
    out += year;
    out += ',';
    out += ranked.previous ? std::to_string(*ranked.previous) : std::string();
    out += ',';
    out += ranked.change ? std::to_string(*ranked.change) : std::string();
    out += "\r\n";
  }
  return out;
}

std::string render_ranking_json(const RankingReport& report) {
  JsonWriter json;
  json.begin_object();
  json.key("cchc");
  json.string("ranking/1");
  json.key("units");
  json.begin_array();
  for (const RankedUnit& ranked : report.units) {
    const RankInput& unit = ranked.unit;
    json.begin_object();
    json.key("position");
    json.integer(ranked.position);
    json.key("unit");
    json.string(unit.unit);
    json.key("name");
    json.string_or_null(unit.name);
    json.key("points");
    json.number_or_null(unit.points);
    json.key("index");
    json.number(unit.index);
    json.key("grade");
    json.string_or_null(unit.grade);
    json.key("previous");
    json.integer_or_null(ranked.previous);
    json.key("change");
    json.integer_or_null(ranked.change);
    json.end_object();
  }
  json.end_array();
  json.end_object();
  return json.take();
}

std::string render_ranking_xlsx(const RankingReport& report, Lang lang) {
  std::vector<Field> fields{Field::position, Field::unit, Field::name};
  if (any_points(report)) {
    fields.push_back(Field::points);
  }
  fields.push_back(Field::index);
  if (any_grade(report)) {
    fields.push_back(Field::grade);
  }
  if (report.has_baseline) {
    fields.push_back(Field::previous);
    fields.push_back(Field::change);
  }
  auto header = [lang](Field field) {
    switch (field) {
      case Field::position:
        return words(lang, "Hạng", "Rank");
      case Field::unit:
        return words(lang, "Mã", "Id");
      case Field::name:
        return words(lang, "Đơn vị", "Unit");
      case Field::points:
        return words(lang, "Điểm", "Points");
      case Field::index:
        return words(lang, "Chỉ số", "Index");
      case Field::grade:
        return words(lang, "Xếp loại", "Grade");
      case Field::previous:
        return words(lang, "Năm trước", "Previous");
      case Field::change:
        return words(lang, "Thay đổi", "Change");
    }
    return std::string();
  };

  const std::string title = ranking_title(report, lang);
  return write_workbook(xlsx_text(title), lang, [&](lxw_workbook* workbook, XlsxErrors& check) {
    const std::string sheet_name = words(lang, "Xếp hạng", "Ranking");
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, sheet_name.c_str());
    lxw_format* bold = workbook_add_format(workbook);
    format_set_bold(bold);
    lxw_format* score = workbook_add_format(workbook);
    format_set_num_format(score, xlsx_number_format(report.decimals).c_str());
    lxw_format* change = workbook_add_format(workbook);
    format_set_num_format(change, "+0;-0;0");
    lxw_format* right = workbook_add_format(workbook);
    format_set_align(right, LXW_ALIGN_RIGHT);

    ColumnWidths widths(fields.size());
    // A number is about as wide as its text in the report.
    auto number_width = [&](std::size_t column, const Decimal& value) {
      widths.fit(column, format_number(value, report.decimals, lang));
    };
    for (std::size_t c = 0; c < fields.size(); ++c) {
      const auto col = static_cast<lxw_col_t>(c);
      const std::string text = header(fields[c]);
      widths.fit(c, text);
      check(worksheet_write_string(sheet, 0, col, xlsx_text(text).c_str(), bold));
    }
    lxw_row_t row = 0;
    for (const RankedUnit& ranked : report.units) {
      ++row;
      const RankInput& unit = ranked.unit;
      for (std::size_t c = 0; c < fields.size(); ++c) {
        const auto col = static_cast<lxw_col_t>(c);
        switch (fields[c]) {
          case Field::position:
            widths.fit(c, std::to_string(ranked.position));
            check(worksheet_write_number(sheet, row, col, ranked.position, nullptr));
            break;
          case Field::unit:
            widths.fit(c, unit.unit);
            check(worksheet_write_string(sheet, row, col, xlsx_text(unit.unit).c_str(), nullptr));
            break;
          case Field::name:
            widths.fit(c, unit.name);
            if (!unit.name.empty()) {
              check(worksheet_write_string(sheet, row, col, xlsx_text(unit.name).c_str(), nullptr));
            }
            break;
          case Field::points:
            if (unit.points) {
              number_width(c, *unit.points);
              check(worksheet_write_number(sheet, row, col, xlsx_number(*unit.points), score));
            }
            break;
          case Field::index:
            number_width(c, unit.index);
            check(worksheet_write_number(sheet, row, col, xlsx_number(unit.index), score));
            break;
          case Field::grade:
            widths.fit(c, unit.grade);
            if (!unit.grade.empty()) {
              check(worksheet_write_string(sheet, row, col, xlsx_text(unit.grade).c_str(), nullptr));
            }
            break;
          case Field::previous:
            if (ranked.previous) {
              widths.fit(c, std::to_string(*ranked.previous));
              check(worksheet_write_number(sheet, row, col, *ranked.previous, nullptr));
            }
            break;
          case Field::change:
            if (ranked.change) {
              widths.fit(c, std::string("+").append(std::to_string(*ranked.change)));
              check(worksheet_write_number(sheet, row, col, *ranked.change, change));
            } else {
              // A unit not in the baseline: "mới" / "new", as text.
              const std::string text = describe_change(ranked.previous, ranked.change, lang);
              widths.fit(c, text);
              check(worksheet_write_string(sheet, row, col, xlsx_text(text).c_str(), right));
            }
            break;
        }
      }
    }
    for (std::size_t c = 0; c < fields.size(); ++c) {
      const auto col = static_cast<lxw_col_t>(c);
      check(worksheet_set_column(sheet, col, col, widths.width(c), nullptr));
    }
    worksheet_freeze_panes(sheet, 1, 0);
    check(worksheet_autofilter(sheet, 0, 0, row, static_cast<lxw_col_t>(fields.size() - 1)));
  });
}

}  // namespace cchc::report
