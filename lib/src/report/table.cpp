#include "cchc/report/table.hpp"

#include <algorithm>
#include <cassert>

#include "cchc/text.hpp"

namespace cchc::report {

namespace {

constexpr std::size_t k_gap = 2;
// A wrapped column is never made narrower than this (or than its header).
constexpr std::size_t k_min_wrap_width = 10;

std::string rstrip(std::string text) {
  while (!text.empty() && text.back() == ' ') {
    text.pop_back();
  }
  return text;
}

}  // namespace

std::string pad_right(std::string_view text, std::size_t width) {
  std::string out(text);
  const std::size_t w = display_width(text);
  if (w < width) {
    out.append(width - w, ' ');
  }
  return out;
}

std::string pad_left(std::string_view text, std::size_t width) {
  const std::size_t w = display_width(text);
  std::string out;
  if (w < width) {
    out.append(width - w, ' ');
  }
  out += text;
  return out;
}

Table::Table(std::vector<Column> columns, bool show_header, std::size_t indent)
    : m_columns(std::move(columns)), m_show_header(show_header), m_indent(indent) {}

void Table::add_row(std::vector<Cell> cells) {
  assert(cells.size() == m_columns.size());
  cells.resize(m_columns.size());
  m_rows.push_back(Row{std::move(cells), false});
}

void Table::add_line(std::string text, Tone tone) {
  m_rows.push_back(Row{{Cell(std::move(text), tone)}, true});
}

void Table::add_rows(std::size_t count, RowMaker make) {
  assert(m_made == 0);
  m_made = count;
  m_make = std::move(make);
}

void Table::for_each_row(const std::function<void(const Row&)>& visit) const {
  for (const Row& row : m_rows) {
    visit(row);
  }
  Row made;
  for (std::size_t i = 0; i < m_made; ++i) {
    made.cells.assign(m_columns.size(), Cell());
    m_make(i, made.cells);
    assert(made.cells.size() == m_columns.size());
    made.cells.resize(m_columns.size());
    visit(made);
  }
}

std::string Table::render(const Style& style, std::size_t width) const {
  std::string out;
  render_to(out, style, width);
  return out;
}

void Table::render_to(std::string& out, const Style& style, std::size_t width) const {
  const std::size_t n = m_columns.size();
  if (n == 0) {
    return;
  }
  std::vector<std::size_t> widths(n, 0);
  std::vector<std::size_t> floors(n, 0);
  for (std::size_t c = 0; c < n; ++c) {
    if (m_show_header) {
      widths[c] = display_width(m_columns[c].header);
      floors[c] = widths[c];
    }
    floors[c] = std::max(floors[c], k_min_wrap_width);
    widths[c] = std::max(widths[c], m_columns[c].min_width);
  }
  for_each_row([&](const Row& row) {
    if (row.is_line) {
      return;
    }
    for (std::size_t c = 0; c < n; ++c) {
      for (const std::string& line : wrap_text(row.cells[c].text, static_cast<std::size_t>(-1))) {
        widths[c] = std::max(widths[c], display_width(line));
      }
      widths[c] = std::max(widths[c], display_width(row.cells[c].continuation));
    }
  });
  // Narrow the widest wrapped column, one column of text at a time, until the
  // table fits or nothing more can give.
  std::size_t total = m_indent + k_gap * (n - 1);
  for (const std::size_t w : widths) {
    total += w;
  }
  while (total > width) {
    std::size_t widest = n;
    for (std::size_t c = 0; c < n; ++c) {
      if (m_columns[c].wrap && widths[c] > floors[c] && (widest == n || widths[c] > widths[widest])) {
        widest = c;
      }
    }
    if (widest == n) {
      break;
    }
    --widths[widest];
    --total;
  }

  const std::string indent(m_indent, ' ');
  auto emit = [&](const std::vector<std::string>& texts, const std::vector<Tone>& tones) {
    std::string line = indent;
    std::size_t last = n;
    while (last > 0 && texts[last - 1].empty()) {
      --last;
    }
    for (std::size_t c = 0; c < last; ++c) {
      if (c > 0) {
        line.append(k_gap, ' ');
      }
      const std::string& text = texts[c];
      const std::size_t w = display_width(text);
      const std::size_t pad = w < widths[c] ? widths[c] - w : 0;
      if (m_columns[c].align == Align::right) {
        line.append(pad, ' ');
      }
      line += style.apply(tones[c], text);
      if (m_columns[c].align == Align::left && c + 1 < last) {
        line.append(pad, ' ');
      }
    }
    out += rstrip(std::move(line));
    out += '\n';
  };

  if (m_show_header) {
    std::vector<std::string> texts;
    for (const Column& column : m_columns) {
      texts.push_back(column.header);
    }
    emit(texts, std::vector<Tone>(n, Tone::bold));
  }
  const std::size_t line_width = width > m_indent ? width - m_indent : 1;
  bool first = true;
  for_each_row([&](const Row& row) {
    const bool at_top = first;
    first = false;
    if (row.is_line) {
      if (!at_top) {
        out += '\n';  // a group heading stands apart from the rows above it
      }
      for (const std::string& line : wrap_text(row.cells[0].text, line_width)) {
        out += indent;
        out += style.apply(row.cells[0].tone, line);
        out += '\n';
      }
      return;
    }
    std::vector<std::vector<std::string>> lines(n);
    std::size_t height = 1;
    for (std::size_t c = 0; c < n; ++c) {
      lines[c] = wrap_text(row.cells[c].text, widths[c]);
      height = std::max(height, lines[c].size());
    }
    std::vector<Tone> tones;
    for (const Cell& cell : row.cells) {
      tones.push_back(cell.tone);
    }
    for (std::size_t k = 0; k < height; ++k) {
      std::vector<std::string> texts(n);
      for (std::size_t c = 0; c < n; ++c) {
        if (k < lines[c].size()) {
          texts[c] = lines[c][k];
        } else if (k > 0) {
          texts[c] = row.cells[c].continuation;
        }
      }
      emit(texts, tones);
    }
  });
}

std::string render_key_values(const std::vector<std::pair<std::string, std::string>>& pairs, const Style& style,
                              std::size_t width, std::size_t label_width) {
  Table table({Column{"", Align::left, false, label_width}, Column{"", Align::left, true}}, false, 0);
  for (const auto& [key, value] : pairs) {
    table.add_row({Cell(key), Cell(value)});
  }
  return table.render(style, width);
}

}  // namespace cchc::report
