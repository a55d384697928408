#include "reader.hpp"

#include <algorithm>
#include <cstdint>
#include <iterator>

#include "cchc/describe.hpp"
#include "cchc/text.hpp"

namespace cchc::detail {

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& word : words) {
    if (!out.empty()) {
      out += ", ";
    }
    out += word;
  }
  return out;
}

void Reader::error(SourcePos at, std::string message, std::string code, std::string subject) {
  m_sink.error(at.line, at.column, std::move(message), std::move(code), std::move(subject));
}

void Reader::warning(SourcePos at, std::string message, std::string code, std::string subject) {
  m_sink.warning(at.line, at.column, std::move(message), std::move(code), std::move(subject));
}

std::string Reader::num(const Decimal& value) const {
  return format_number_short(value, m_lang);
}

std::string excerpt(std::string_view text) {
  // At most k_excerpt_length code points, cut at a character boundary.
  std::size_t end = 0;
  std::size_t count = 0;
  while (end < text.size() && count < k_excerpt_length) {
    ++end;
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0U) == 0x80U) {
      ++end;
    }
    ++count;
  }
  if (end >= text.size()) {
    return std::string(text);
  }
  std::string out(text.substr(0, end));
  out += "…";
  return out;
}

std::string Reader::found(const YamlNode& node) const {
  if (node.is_scalar() && node.quoted) {
    return say("văn bản \"{}\"", "the text \"{}\"", excerpt(node.text));
  }
  return kind_name(node, m_lang);
}

bool Reader::recognise(const YamlNode& root, std::string_view tag, std::string_view kind) {
  const YamlNode* node = root.is_map() ? root.find("cchc") : nullptr;
  if (node != nullptr && node->is_scalar() && node->text == tag) {
    return true;
  }
  // The tags cchc writes: naming one of them tells what the file is.
  static constexpr std::string_view k_known_tags[] = {"criteria/1", "evidence/1", "results/1"};
  const bool known = node != nullptr && node->is_scalar() &&
                     std::find(std::begin(k_known_tags), std::end(k_known_tags), node->text) != std::end(k_known_tags);
  if (known) {
    error(node->pos,
          say("cchc: cần \"{}\" ({}), nhưng gặp \"{}\"", "cchc: expected \"{}\" ({}), found \"{}\"", tag, kind,
              node->text),
          "kind");
  } else if (node != nullptr) {
    error(node->pos, say("cchc: cần \"{}\" ({})", "cchc: expected \"{}\" ({})", tag, kind), "kind");
  } else {
    error(SourcePos{1, 1},
          say("không phải {}: thiếu dòng \"cchc: {}\" ở đầu tệp", "not {}: the line \"cchc: {}\" is missing at the top",
              kind, tag),
          "kind");
  }
  return false;
}

bool Reader::expect_map(const YamlNode& node, std::string_view what) {
  if (node.is_map()) {
    return true;
  }
  error(node.pos,
        say("{}: cần một bảng khóa: giá trị, nhưng gặp {}", "{}: expected a map of keys, found {}", what, found(node)),
        "type");
  return false;
}

bool Reader::expect_sequence(const YamlNode& node, std::string_view what) {
  if (node.is_sequence()) {
    return true;
  }
  error(node.pos,
        say("{}: cần một danh sách (các dòng bắt đầu bằng -), nhưng gặp {}",
            "{}: expected a list (lines starting with -), found {}", what, found(node)),
        "type");
  return false;
}

void Reader::check_keys(const YamlNode& map, std::initializer_list<std::string_view> known, std::string_view where) {
  check_keys(map, std::vector<std::string>(known.begin(), known.end()), where);
}

void Reader::check_keys(const YamlNode& map, const std::vector<std::string>& known, std::string_view where) {
  for (const YamlEntry& entry : map.entries) {
    if (std::find(known.begin(), known.end(), entry.key.text) != known.end()) {
      continue;
    }
    std::string message =
        say("khóa không hợp lệ \"{}\" trong {}", "unknown key \"{}\" in {}", excerpt(entry.key.text), where);
    if (const auto suggestion = did_you_mean(entry.key.text, known)) {
      message += say("; có phải là \"{}\"?", "; did you mean \"{}\"?", *suggestion);
    } else {
      message += say(" (các khóa hợp lệ: {})", " (known keys: {})", join(known));
    }
    error(entry.key.pos, std::move(message), "unknown_key");
  }
}

const YamlNode* Reader::require(const YamlNode& map, std::string_view key, std::string_view where) {
  if (const YamlNode* node = map.find(key)) {
    return node;
  }
  error(map.pos, say("{}: thiếu khóa bắt buộc \"{}\"", "{}: the required key \"{}\" is missing", where, key),
        "missing_key");
  return nullptr;
}

std::optional<std::string> Reader::text(const YamlNode& node, std::string_view key, bool allow_empty) {
  if (!node.is_scalar()) {
    error(node.pos, say("{}: cần văn bản, nhưng gặp {}", "{}: expected text, found {}", key, found(node)), "type");
    return std::nullopt;
  }
  if (!allow_empty && node.text.find_first_not_of(" \t\n") == std::string::npos) {
    error(node.pos, say("{}: không được để trống", "{}: must not be empty", key), "empty");
    return std::nullopt;
  }
  return node.text;
}

std::string id_character_message(Lang lang, std::string_view key, const CharacterAt& bad) {
  const auto code_point = static_cast<std::uint32_t>(bad.code_point);
  if (is_control_character(bad.code_point)) {
    return say(lang, "{}: ký tự điều khiển U+{:04X} không được phép trong mã",
               "{}: control character U+{:04X} is not allowed in an id", key, code_point);
  }
  if (is_invisible_character(bad.code_point)) {
    return say(lang, "{}: ký tự U+{:04X} (không nhìn thấy được) không được phép trong mã",
               "{}: the invisible character U+{:04X} is not allowed in an id", key, code_point);
  }
  return say(lang, "{}: khoảng trắng U+{:04X} không được phép trong mã (chỉ dùng dấu cách thường)",
             "{}: the space U+{:04X} is not allowed in an id (use a plain space)", key, code_point);
}

std::string unit_id_message(Lang lang, std::string_view key, std::string_view found) {
  std::string message =
      say(lang,
          "{}: mã đơn vị chỉ gồm chữ cái Latinh không dấu, chữ số và - _ . (bắt đầu và kết thúc bằng chữ "
          "hoặc số), nhưng gặp \"{}\"",
          "{}: a unit id is made of ASCII letters, digits and - _ . (starting and ending with a letter or "
          "digit), found \"{}\"",
          key, one_line(found));
  const std::string suggestion = find_invalid_utf8(found) ? std::string() : suggest_unit_id(found);
  if (!suggestion.empty()) {
    message += say(lang, " (viết \"{}\")", " (write \"{}\")", suggestion);
  }
  return message;
}

std::string single_line(std::string_view text) {
  constexpr std::string_view k_blanks = " \t\r\n";
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t start = text.find_first_of(k_blanks, i);
    if (start == std::string_view::npos) {
      out += text.substr(i);
      break;
    }
    out += text.substr(i, start - i);
    std::size_t end = text.find_first_not_of(k_blanks, start);
    if (end == std::string_view::npos) {
      end = text.size();
    }
    const std::string_view run = text.substr(start, end - start);
    out += run.find_first_not_of(' ') == std::string_view::npos ? std::string(run) : std::string(" ");
    i = end;
  }
  return out;
}

std::optional<std::string> Reader::identifier(const YamlNode& node, std::string_view key) {
  std::optional<std::string> out = text(node, key);
  if (!out) {
    return out;
  }
  if (const std::optional<CharacterAt> bad = find_not_in_id(*out)) {
    error(node.pos, id_character_message(m_lang, key, *bad), "id_character");
    return std::nullopt;
  }
  return out;
}

std::optional<std::string> Reader::unit_id(const YamlNode& node, std::string_view key) {
  std::optional<std::string> out = text(node, key);
  if (!out) {
    return out;
  }
  if (!is_valid_unit_id(*out)) {
    error(node.pos, unit_id_message(m_lang, key, *out), "unit_id");
    return std::nullopt;
  }
  return out;
}

std::optional<Decimal> Reader::number(const YamlNode& node, std::string_view key, std::string_view expected) {
  // "cần một số" / "cần phần trăm, từ 0 đến 100"
  const std::string wanted = expected.empty() ? say("một số", "a number") : std::string(expected);
  if (!node.is_scalar()) {
    error(node.pos, say("{}: cần {}, nhưng gặp {}", "{}: expected {}, found {}", key, wanted, found(node)), "type");
    return std::nullopt;
  }
  // "99,85%", "99.85 %": a percentage typed as an office writes it.
  std::string_view bare = node.text;
  while (!bare.empty() && (bare.back() == ' ' || bare.back() == '\t')) {
    bare.remove_suffix(1);
  }
  if (!bare.empty() && bare.back() == '%') {
    bare.remove_suffix(1);
    while (!bare.empty() && bare.back() == ' ') {
      bare.remove_suffix(1);
    }
    std::string fixed(bare);
    std::replace(fixed.begin(), fixed.end(), ',', '.');
    if (Decimal::check(fixed) == DecimalSyntax::ok) {
      error(node.pos,
            say("{}: ghi số không kèm dấu %, nhưng gặp \"{}\" (hãy viết {})",
                "{}: write the number without a % sign, found \"{}\" (write {})", key, excerpt(node.text), fixed),
            "number");
      return std::nullopt;
    }
  }
  const DecimalSyntax syntax = Decimal::check(node.text);
  if (node.quoted) {
    if (syntax == DecimalSyntax::ok) {
      error(node.pos,
            say("{}: cần {}, nhưng gặp văn bản \"{}\" (hãy bỏ dấu nháy)",
                "{}: expected {}, found the text \"{}\" (remove the quotes)", key, wanted, excerpt(node.text)),
            "type");
    } else {
      error(node.pos,
            say("{}: cần {}, nhưng gặp văn bản \"{}\"", "{}: expected {}, found the text \"{}\"", key, wanted,
                excerpt(node.text)),
            "type");
    }
    return std::nullopt;
  }
  switch (syntax) {
    case DecimalSyntax::ok:
      return Decimal::parse(node.text);
    case DecimalSyntax::decimal_comma: {
      std::string fixed = node.text;
      std::replace(fixed.begin(), fixed.end(), ',', '.');
      error(node.pos,
            say("{}: số thập phân phải viết với dấu chấm, nhưng gặp \"{}\" (hãy viết {})",
                "{}: expected a number with a decimal point, found \"{}\" (write {})", key, excerpt(node.text), fixed),
            "number");
      return std::nullopt;
    }
    case DecimalSyntax::exponent:
      error(node.pos,
            say("{}: cần một số viết thường, nhưng gặp \"{}\" (không dùng dạng lũy thừa)",
                "{}: expected a plain number, found \"{}\" (write it without an exponent)", key, excerpt(node.text)),
            "number");
      return std::nullopt;
    case DecimalSyntax::too_many_decimals:
      error(node.pos,
            say("{}: \"{}\" có quá {} chữ số thập phân", "{}: \"{}\" has more than {} decimals", key,
                excerpt(node.text), Decimal::k_max_decimals),
            "number");
      return std::nullopt;
    case DecimalSyntax::too_large:
      error(node.pos,
            say("{}: \"{}\" quá lớn (tối đa {} chữ số phần nguyên)",
                "{}: \"{}\" is too large (at most {} digits "
                "before the point)",
                key, excerpt(node.text), Decimal::k_max_integer_digits),
            "number");
      return std::nullopt;
    case DecimalSyntax::empty:
    case DecimalSyntax::not_a_number:
      break;
  }
  error(node.pos, say("{}: cần {}, nhưng gặp {}", "{}: expected {}, found {}", key, wanted, found(node)), "type");
  return std::nullopt;
}

std::optional<Decimal> Reader::positive_number(const YamlNode& node, std::string_view key) {
  const std::optional<Decimal> value = number(node, key);
  if (value && *value <= Decimal(0)) {
    error(node.pos,
          say("{}: cần một số lớn hơn 0, nhưng gặp {}", "{}: expected a number greater than 0, found {}", key,
              excerpt(node.text)),
          "range");
    return std::nullopt;
  }
  return value;
}

std::optional<Decimal> Reader::non_negative_number(const YamlNode& node, std::string_view key) {
  const std::optional<Decimal> value = number(node, key);
  if (value && *value < Decimal(0)) {
    error(node.pos,
          say("{}: không được là số âm, nhưng gặp {}", "{}: expected a number ≥ 0, found {}", key, excerpt(node.text)),
          "range");
    return std::nullopt;
  }
  return value;
}

std::optional<Decimal> Reader::whole_number(const YamlNode& node, std::string_view key, std::string_view expected) {
  const std::optional<Decimal> value = number(node, key, expected);
  if (value && (*value < Decimal(0) || !value->is_integer())) {
    error(node.pos,
          say("{}: cần một số nguyên ≥ 0 (một số đếm), nhưng gặp {}",
              "{}: expected a whole number ≥ 0 (a count), found {}", key, excerpt(node.text)),
          "range");
    return std::nullopt;
  }
  return value;
}

std::optional<int> Reader::integer(const YamlNode& node, std::string_view key, int min, int max) {
  const std::optional<Decimal> value = number(node, key);
  if (!value) {
    return std::nullopt;
  }
  if (!value->is_integer() || *value < Decimal(min) || *value > Decimal(max)) {
    error(node.pos,
          say("{}: cần một số nguyên từ {} đến {}, nhưng gặp {}", "{}: expected a whole number from {} to {}, found {}",
              key, min, max, excerpt(node.text)),
          "range");
    return std::nullopt;
  }
  return static_cast<int>(value->to_int());
}

std::optional<bool> Reader::as_bool(const YamlNode& node) {
  if (!node.is_scalar() || node.quoted) {
    return std::nullopt;
  }
  if (node.text == "true" || node.text == "True" || node.text == "TRUE") {
    return true;
  }
  if (node.text == "false" || node.text == "False" || node.text == "FALSE") {
    return false;
  }
  return std::nullopt;
}

std::optional<bool> Reader::boolean(const YamlNode& node, std::string_view key) {
  if (const std::optional<bool> value = as_bool(node)) {
    return value;
  }
  error(node.pos,
        say("{}: cần true hoặc false, nhưng gặp {}", "{}: expected true or false, found {}", key, found(node)), "type");
  return std::nullopt;
}

std::optional<Date> Reader::date(const YamlNode& node, std::string_view key) {
  if (node.is_scalar()) {
    if (const std::optional<Date> value = Date::parse_iso(node.text)) {
      return value;
    }
    if (const std::optional<Date> typed = Date::parse_vietnamese(node.text)) {
      error(node.pos,
            say("{}: cần một ngày dạng YYYY-MM-DD, nhưng gặp \"{}\" (hãy viết {})",
                "{}: expected a date YYYY-MM-DD, found \"{}\" (write {})", key, excerpt(node.text), typed->iso()),
            "date");
      return std::nullopt;
    }
  }
  error(node.pos,
        say("{}: cần một ngày dạng YYYY-MM-DD, nhưng gặp {}", "{}: expected a date YYYY-MM-DD, found {}", key,
            found(node)),
        "date");
  return std::nullopt;
}

std::optional<std::size_t> Reader::choice(const YamlNode& node, std::string_view key,
                                          std::initializer_list<std::string_view> options) {
  const std::vector<std::string> names(options.begin(), options.end());
  if (node.is_scalar()) {
    const auto it = std::find(names.begin(), names.end(), node.text);
    if (it != names.end()) {
      return static_cast<std::size_t>(it - names.begin());
    }
  }
  std::string message =
      say("{}: cần một trong {}, nhưng gặp {}", "{}: expected one of {}, found {}", key, join(names), found(node));
  if (node.is_scalar()) {
    if (const auto suggestion = did_you_mean(node.text, names)) {
      message += say("; có phải là \"{}\"?", "; did you mean \"{}\"?", *suggestion);
    }
  }
  error(node.pos, std::move(message), "choice");
  return std::nullopt;
}

}  // namespace cchc::detail
