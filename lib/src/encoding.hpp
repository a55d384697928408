#pragma once

// Checks every input file gets before it is parsed: UTF-8, no control
// characters, positions in characters. Shared by the YAML and CSV readers.

#include <algorithm>
#include <cstddef>
#include <string_view>
#include <vector>

#include "cchc/diagnostic.hpp"
#include "cchc/lang.hpp"

namespace cchc::detail {

// Maps byte offsets of a text to 1-based lines and character columns.
class PositionMap {
 public:
  explicit PositionMap(std::string_view text) : m_text(text) {
    m_line_starts.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') {
        m_line_starts.push_back(i + 1);
      }
    }
  }

  // Positions are mostly asked for in increasing order, so the count of
  // characters goes on from the last answer when it is on the same line:
  // a file of one long line costs its length once, not once per position.
  SourcePos at(std::size_t offset) const {
    offset = std::min(offset, m_text.size());
    const auto next = std::upper_bound(m_line_starts.begin(), m_line_starts.end(), offset);
    const std::size_t line_start = *(next - 1);
    std::size_t from = line_start;
    int column = 1;
    if (m_last_line_start == line_start && m_last_offset <= offset) {
      from = m_last_offset;
      column = m_last_column;
    }
    for (std::size_t i = from; i < offset; ++i) {
      // Count every byte that is not a UTF-8 continuation byte: one per character.
      if ((static_cast<unsigned char>(m_text[i]) & 0xC0U) != 0x80U) {
        ++column;
      }
    }
    m_last_line_start = line_start;
    m_last_offset = offset;
    m_last_column = column;
    return {static_cast<int>(next - m_line_starts.begin()), column};
  }

 private:
  std::string_view m_text;
  std::vector<std::size_t> m_line_starts;
  mutable std::size_t m_last_line_start = 0;
  mutable std::size_t m_last_offset = 0;
  mutable int m_last_column = 1;
};

// Reports a UTF-16 file, invalid UTF-8 and control characters other than
// tab and line ends (a binary file given by mistake), at most 10 of them;
// returns false when there were any.
bool check_encoding(std::string_view text, const PositionMap& positions, DiagnosticSink& sink, Lang lang);

}  // namespace cchc::detail
