#include "cchc/report/json_writer.hpp"

#include <cstdio>

#include "cchc/text.hpp"

namespace cchc::report {

std::string valid_utf8(std::string_view text) {
  std::string out;
  while (const std::optional<std::size_t> bad = find_invalid_utf8(text)) {
    out += text.substr(0, *bad);
    out += "\xEF\xBF\xBD";
    text.remove_prefix(*bad + 1);
  }
  out += text;
  return out;
}

void JsonWriter::key(std::string_view name) {
  separate();
  write_string(name);
  m_out += ": ";
  m_after_key = true;
}

void JsonWriter::string(std::string_view text) {
  separate();
  write_string(text);
}

void JsonWriter::string_or_null(std::string_view text) {
  if (text.empty()) {
    null();
  } else {
    string(text);
  }
}

void JsonWriter::number(const Decimal& value) {
  separate();
  m_out += value.to_string();
}

void JsonWriter::number_or_null(const std::optional<Decimal>& value) {
  if (value) {
    number(*value);
  } else {
    null();
  }
}

void JsonWriter::integer(long long value) {
  separate();
  m_out += std::to_string(value);
}

void JsonWriter::integer_or_null(const std::optional<int>& value) {
  if (value) {
    integer(*value);
  } else {
    null();
  }
}

void JsonWriter::position(int value) {
  if (value > 0) {
    integer(value);
  } else {
    null();
  }
}

void JsonWriter::boolean(bool value) {
  separate();
  m_out += value ? "true" : "false";
}

void JsonWriter::null() {
  separate();
  m_out += "null";
}

std::string JsonWriter::take() {
  m_out += '\n';
  return std::move(m_out);
}

void JsonWriter::open(char bracket) {
  separate();
  m_out += bracket;
  m_empty.push_back(true);
}

void JsonWriter::close(char bracket) {
  const bool empty = m_empty.back();
  m_empty.pop_back();
  if (!empty) {
    newline();
  }
  m_out += bracket;
}

void JsonWriter::separate() {
  if (m_after_key) {
    m_after_key = false;
    return;
  }
  if (m_empty.empty()) {
    return;
  }
  if (!m_empty.back()) {
    m_out += ',';
  }
  m_empty.back() = false;
  newline();
}

void JsonWriter::newline() {
  m_out += '\n';
  m_out.append(2 * m_empty.size(), ' ');
}

void JsonWriter::write_string(std::string_view raw) {
  const std::string text = valid_utf8(raw);
  m_out += '"';
  for (const char c : text) {
    switch (c) {
      case '"':
        m_out += "\\\"";
        break;
      case '\\':
        m_out += "\\\\";
        break;
      case '\n':
        m_out += "\\n";
        break;
      case '\r':
        m_out += "\\r";
        break;
      case '\t':
        m_out += "\\t";
        break;
      case '\b':
        m_out += "\\b";
        break;
      case '\f':
        m_out += "\\f";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char escape[8];
          std::snprintf(escape, sizeof escape, "\\u%04x", static_cast<unsigned>(c));
          m_out += escape;
        } else {
          m_out += c;  // UTF-8 passes through
        }
    }
  }
  m_out += '"';
}

}  // namespace cchc::report
