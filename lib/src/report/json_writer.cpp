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

namespace {

// "\u200e"; a character above U+FFFF as its UTF-16 surrogate pair.
std::string json_escape(char32_t code_point) {
  char escape[16];
  if (code_point > 0xFFFF) {
    const char32_t high = 0xD800 + ((code_point - 0x10000) >> 10U);
    const char32_t low = 0xDC00 + ((code_point - 0x10000) & 0x3FFU);
    std::snprintf(escape, sizeof escape, "\\u%04x\\u%04x", static_cast<unsigned>(high), static_cast<unsigned>(low));
  } else {
    std::snprintf(escape, sizeof escape, "\\u%04x", static_cast<unsigned>(code_point));
  }
  return escape;
}

}  // namespace

void JsonWriter::write_string(std::string_view raw) {
  const std::string text = valid_utf8(raw);
  m_out += '"';
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x80) {
      // Control and invisible characters (C1, bidi controls, zero-width
      // characters, U+2028) are escaped, so that the file shows them.
      const std::size_t length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2;
      char32_t code_point = byte >= 0xF0 ? byte & 0x07U : byte >= 0xE0 ? byte & 0x0FU : byte & 0x1FU;
      for (std::size_t k = 1; k < length && i + k < text.size(); ++k) {
        code_point = (code_point << 6U) | (static_cast<unsigned char>(text[i + k]) & 0x3FU);
      }
      if (is_control_character(code_point) || is_invisible_character(code_point)) {
        m_out += json_escape(code_point);
      } else {
        m_out.append(text, i, length);
      }
      i += length - 1;
      continue;
    }
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
        if (byte < 0x20 || byte == 0x7F) {
          m_out += json_escape(byte);
        } else {
          m_out += c;
        }
    }
  }
  m_out += '"';
}

}  // namespace cchc::report
