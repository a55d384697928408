#include "cchc/report/table.hpp"

#include <algorithm>
#include <cassert>

#include "cchc/text.hpp"

namespace cchc::report {

namespace {

constexpr std::size_t k_gap = 2;
// A wrapped column is never made narrower than this (or than its header).
constexpr std::size_t k_min_wrap_width = 10;

// The length of the UTF-8 sequence that starts with `lead`.
std::size_t sequence_length(unsigned char lead) {
  if (lead < 0x80) {
    return 1;
  }
  if ((lead >> 5) == 0x6) {
    return 2;
  }
  if ((lead >> 4) == 0xE) {
    return 3;
  }
  if ((lead >> 3) == 0x1E) {
    return 4;
  }
  return 1;
}

// Cuts a word wider than `width` into pieces; combining marks (width 0) stay
// with the character before them.
void cut_word(std::string_view word, std::size_t width, std::vector<std::string>& lines) {
  std::string piece;
  std::size_t piece_width = 0;
  std::size_t i = 0;
  while (i < word.size()) {
    const std::size_t length = std::min(sequence_length(static_cast<unsigned char>(word[i])), word.size() - i);
    const std::string_view code_point = word.substr(i, length);
    const std::size_t w = display_width(code_point);
    if (piece_width + w > width && !piece.empty() && w > 0) {
      lines.push_back(piece);
      piece.clear();
      piece_width = 0;
    }
    piece += code_point;
    piece_width += w;
    i += length;
  }
  if (!piece.empty()) {
    lines.push_back(piece);
  }
}

void wrap_paragraph(std::string_view text, std::size_t width, std::vector<std::string>& lines) {
  // A line that fits is kept as written, runs of blanks included.
  if (display_width(text) <= width) {
    lines.emplace_back(text);
    return;
  }
  std::string line;
  std::size_t line_width = 0;
  std::size_t start = 0;
  bool any = false;
  while (start <= text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string_view::npos) {
      end = text.size();
    }
    const std::string_view word = text.substr(start, end - start);
    start = end + 1;
    if (word.empty()) {
      if (end == text.size()) {
        break;
      }
      continue;
    }
    any = true;
    const std::size_t w = display_width(word);
    if (!line.empty() && line_width + 1 + w <= width) {
      line += ' ';
      line += word;
      line_width += 1 + w;
      continue;
    }
    if (!line.empty()) {
      lines.push_back(line);
      line.clear();
      line_width = 0;
    }
    if (w <= width) {
      line = std::string(word);
      line_width = w;
    } else {
      cut_word(word, width, lines);
      // Continue after the last piece on the same line when it has room.
      line = lines.back();
      lines.pop_back();
      line_width = display_width(line);
    }
  }
  if (!line.empty() || !any) {
    lines.push_back(line);
  }
}

std::string rstrip(std::string text) {
  while (!text.empty() && text.back() == ' ') {
    text.pop_back();
  }
  return text;
}

}  // namespace

std::vector<std::string> wrap_text(std::string_view text, std::size_t width) {
  width = std::max<std::size_t>(width, 1);
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (true) {
    std::size_t end = text.find('\n', start);
    const bool last = end == std::string_view::npos;
    if (last) {
      end = text.size();
    }
    std::string paragraph(text.substr(start, end - start));
    if (!paragraph.empty() && paragraph.back() == '\r') {
      paragraph.pop_back();
    }
    // Tabs and other control characters would break the alignment.
    std::replace_if(
        paragraph.begin(), paragraph.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; },
        ' ');
    wrap_paragraph(paragraph, width, lines);
    if (last) {
      break;
    }
    start = end + 1;
  }
  // A trailing newline in the text does not make an empty last line.
  while (lines.size() > 1 && lines.back().empty()) {
    lines.pop_back();
  }
  return lines;
}

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
