#pragma once

// The JSON writer of every JSON output (score, rank, check): pretty-printed
// with two-space indentation, numbers written from their exact decimal text
// (never through double), strings escaped, and bytes that are not UTF-8 (a
// file name need not be) replaced by U+FFFD so that JSON readers accept them.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cchc/decimal.hpp"

namespace cchc::report {

class JsonWriter {
 public:
  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }

  void key(std::string_view name);
  void string(std::string_view text);
  // A string, or null when it is empty.
  void string_or_null(std::string_view text);
  void number(const Decimal& value);
  void number_or_null(const std::optional<Decimal>& value);
  void integer(long long value);
  void integer_or_null(const std::optional<int>& value);
  // A positive integer, or null for 0 (a line or column that is not known).
  void position(int value);
  void boolean(bool value);
  void null();

  // The document written, with a final newline.
  std::string take();

 private:
  void open(char bracket);
  void close(char bracket);
  // Before a value or a key: a comma after the previous one, then a new line.
  void separate();
  void newline();
  void write_string(std::string_view raw);

  std::string m_out;
  std::vector<bool> m_empty;  // per open container: nothing written in it yet
  bool m_after_key = false;
};

// `text` with every invalid UTF-8 byte replaced by U+FFFD.
std::string valid_utf8(std::string_view text);

}  // namespace cchc::report
