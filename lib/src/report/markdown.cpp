#include "cchc/report/markdown.hpp"

#include <cctype>

#include "cchc/text.hpp"

namespace cchc::report {

namespace {

bool is_word_byte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u >= 0x80 || std::isalnum(u) != 0;
}

}  // namespace

std::string md(std::string_view raw, LineBreaks breaks) {
  const std::string text = visible_text(raw);
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '_': {
        const bool inside_word = i > 0 && i + 1 < text.size() && is_word_byte(text[i - 1]) && is_word_byte(text[i + 1]);
        if (!inside_word) {
          out += '\\';
        }
        out += c;
        break;
      }
      case '#':
        if (i == 0) {
          out += '\\';
        }
        out += c;
        break;
      case '\\':
      case '|':
      case '*':
      case '`':
      case '[':
      case ']':
      case '<':
      case '>':
        out += '\\';
        out += c;
        break;
      case '\r':
        break;
      case '\n':
        out += breaks == LineBreaks::html ? "<br>" : " ";
        break;
      default:
        // Other control characters (a tab) would break the line or the table.
        out += static_cast<unsigned char>(c) < 0x20 || c == 0x7F ? ' ' : c;
    }
  }
  return out;
}

PipeTable::PipeTable(std::vector<std::string> headers, std::vector<bool> right, LineBreaks breaks)
    : m_headers(std::move(headers)), m_right(std::move(right)), m_breaks(breaks) {}

std::string PipeTable::render() const {
  std::string out = "|";
  for (const std::string& header : m_headers) {
    out += ' ';
    out += md(header, m_breaks);
    out += " |";
  }
  out += "\n|";
  for (const bool right : m_right) {
    out += right ? "---:|" : "---|";
  }
  out += '\n';
  for (const std::vector<std::string>& row : m_rows) {
    out += "|";
    for (const std::string& cell : row) {
      out += ' ';
      out += md(cell, m_breaks);
      out += " |";
    }
    out += '\n';
  }
  return out;
}

}  // namespace cchc::report
