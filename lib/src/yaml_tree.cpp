#include "yaml_tree.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <cstdint>
#include <istream>
#include <optional>
#include <streambuf>
#include <unordered_map>
#include <utility>

#include <fmt/format.h>

#include "cchc/input_file.hpp"
#include "cchc/sha256.hpp"
#include "cchc/text.hpp"
#include "encoding.hpp"
#include "localized.hpp"

namespace cchc::detail {

const YamlNode* YamlNode::find(std::string_view key) const {
  for (const YamlEntry& entry : entries) {
    if (entry.key.text == key) {
      return &entry.value;
    }
  }
  return nullptr;
}

std::string kind_name(const YamlNode& node, Lang lang) {
  switch (node.kind) {
    case YamlNode::Kind::null:
      return std::string(tr(lang, "giá trị rỗng", "nothing"));
    case YamlNode::Kind::scalar:
      return fmt::format("\"{}\"", node.text);
    case YamlNode::Kind::sequence:
      return std::string(tr(lang, "một danh sách", "a list"));
    case YamlNode::Kind::map:
      return std::string(tr(lang, "một bảng khóa: giá trị", "a map"));
  }
  return {};
}

namespace {

// The position of a yaml-cpp mark (a byte offset) in characters.
SourcePos position(const PositionMap& positions, const YAML::Mark& mark) {
  return positions.at(mark.pos < 0 ? 0 : static_cast<std::size_t>(mark.pos));
}

// Reads a string in place: yaml-cpp wants a std::istream.
class MemoryBuffer : public std::streambuf {
 public:
  explicit MemoryBuffer(std::string_view text) {
    char* begin = const_cast<char*>(text.data());
    setg(begin, begin, begin + text.size());
  }
};

struct StopParsing {};

// yaml-cpp 0.7 writes the escapes "\N" (U+0085) and "\_" (U+00A0) as the
// single bytes 0x85 and 0xA0, not as UTF-8. The file was valid UTF-8 before
// it was parsed, so a byte that does not start a valid sequence in a scalar
// comes from such an escape: it is read as the character it stands for.
std::string repair_escapes(const std::string& value) {
  std::optional<std::size_t> bad = find_invalid_utf8(value);
  if (!bad) {
    return value;
  }
  std::string out;
  std::string_view rest = value;
  while (bad) {
    const auto byte = static_cast<unsigned char>(rest[*bad]);
    out += rest.substr(0, *bad);
    if (byte == 0x85 || byte == 0xA0) {
      out += '\xC2';
      out += static_cast<char>(byte);
    } else {
      out += static_cast<char>(byte);  // reported as invalid by the caller
    }
    rest.remove_prefix(*bad + 1);
    bad = find_invalid_utf8(rest);
  }
  out += rest;
  return out;
}

// `text` with every invalid byte made U+FFFD.
std::string valid_text(std::string_view text) {
  std::string out;
  while (const std::optional<std::size_t> bad = find_invalid_utf8(text)) {
    out += text.substr(0, *bad);
    out += "\xEF\xBF\xBD";
    text.remove_prefix(*bad + 1);
  }
  out += text;
  return out;
}

std::string tag_as_written(const std::string& tag) {
  constexpr std::string_view k_core = "tag:yaml.org,2002:";
  if (tag.compare(0, k_core.size(), k_core) == 0) {
    return "!!" + tag.substr(k_core.size());
  }
  return tag;
}

// Builds the tree from yaml-cpp's events and records hygiene problems.
class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(const PositionMap& positions, DiagnosticSink& sink, Lang lang)
      : m_positions(positions), m_sink(sink), m_lang(lang) {}

  std::optional<YamlNode> root;

  void OnDocumentStart(const YAML::Mark& /*mark*/) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t /*anchor*/) override {
    count(mark);
    YamlNode node;
    node.pos = position(m_positions, mark);
    add(std::move(node));
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    count(mark);
    const SourcePos pos = position(m_positions, mark);
    m_sink.error(pos.line, pos.column,
                 say(m_lang,
                     "không được dùng tham chiếu YAML (*{}): hãy viết đầy đủ "
                     "nội dung tại đây",
                     "aliases (*{}) are not allowed: write the content out in "
                     "full here",
                     anchor_name(anchor)),
                 "alias");
    YamlNode node;
    node.pos = pos;
    add(std::move(node));
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t /*anchor*/,
                const std::string& value) override {
    count(mark);
    YamlNode node;
    node.kind = YamlNode::Kind::scalar;
    node.pos = position(m_positions, mark);
    std::string text = repair_escapes(value);
    if (const std::optional<std::size_t> bad = find_invalid_utf8(text)) {
      m_sink.error(node.pos.line, node.pos.column,
                   say(m_lang, "không phải UTF-8 hợp lệ (byte 0x{:02X})", "invalid UTF-8 (byte 0x{:02X})",
                       static_cast<unsigned char>(text[*bad])),
                   "encoding");
      text = valid_text(text);
    }
    node.text = to_nfc(text);
    node.quoted = tag == "!";
    check_tag(mark, tag);
    add(std::move(node));
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t /*anchor*/,
                       YAML::EmitterStyle::value /*style*/) override {
    open(mark, YamlNode::Kind::sequence);
    check_tag(mark, tag);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t /*anchor*/,
                  YAML::EmitterStyle::value /*style*/) override {
    open(mark, YamlNode::Kind::map);
    check_tag(mark, tag);
  }
  void OnMapEnd() override { close(); }

  void OnAnchor(const YAML::Mark& mark, const std::string& name) override {
    m_anchor_names.push_back(name);
    const SourcePos pos = position(m_positions, mark);
    m_sink.error(pos.line, pos.column,
                 say(m_lang,
                     "không được dùng neo YAML (&{}): hãy viết đầy đủ nội "
                     "dung ở mỗi chỗ cần dùng",
                     "anchors (&{}) are not allowed: write the content out "
                     "in full where it is used",
                     name),
                 "anchor");
  }

 private:
  struct Frame {
    YamlNode node;
    std::optional<YamlNode> key;
    bool skip_value = false;                         // the key was not text: drop its value
    std::unordered_map<std::string, int> seen_keys;  // key text → line
  };

  // Stops reading when the file has too many values, or has already given
  // as many errors as are reported (an alias bomb of a million aliases).
  void count(const YAML::Mark& mark) {
    if (m_sink.full()) {
      m_sink.stop();
      throw StopParsing{};
    }
    if (++m_nodes > k_max_nodes) {
      const SourcePos pos = position(m_positions, mark);
      m_sink.error(pos.line, pos.column,
                   say(m_lang,
                       "tệp có quá nhiều giá trị (hơn {} khóa, giá trị, danh sách): bảng kết quả lớn như vậy "
                       "hãy lưu dạng CSV",
                       "the file holds too many values (more than {} keys, values and lists): save a table "
                       "this big as CSV",
                       k_max_nodes),
                   "too_many_values");
      throw StopParsing{};
    }
  }

  void open(const YAML::Mark& mark, YamlNode::Kind kind) {
    count(mark);
    if (static_cast<int>(m_stack.size()) >= k_max_depth) {
      const SourcePos pos = position(m_positions, mark);
      m_sink.error(pos.line, pos.column,
                   say(m_lang, "lồng nhau quá {} cấp", "nesting deeper than {} levels", k_max_depth), "too_deep");
      throw StopParsing{};
    }
    Frame frame;
    frame.node.kind = kind;
    frame.node.pos = position(m_positions, mark);
    m_stack.push_back(std::move(frame));
  }

  void close() {
    YamlNode node = std::move(m_stack.back().node);
    m_stack.pop_back();
    add(std::move(node));
  }

  void add(YamlNode node) {
    if (m_stack.empty()) {
      root = std::move(node);
      return;
    }
    Frame& frame = m_stack.back();
    if (frame.node.kind == YamlNode::Kind::sequence) {
      if (node.kind == YamlNode::Kind::scalar) {
        value_is_clean(node, {});
      }
      frame.node.items.push_back(std::move(node));
      return;
    }
    if (!frame.key && !frame.skip_value) {
      if (node.kind == YamlNode::Kind::scalar && !key_is_clean(node)) {
        frame.skip_value = true;
        return;
      }
      if (node.kind != YamlNode::Kind::scalar) {
        m_sink.error(
            node.pos.line, node.pos.column,
            say(m_lang, "khóa phải là văn bản, nhưng gặp {}", "a key must be text, found {}", kind_name(node, m_lang)),
            "bad_key");
        frame.skip_value = true;
        return;
      }
      const auto [it, inserted] = frame.seen_keys.emplace(node.text, node.pos.line);
      if (!inserted) {
        m_sink.error(node.pos.line, node.pos.column,
                     say(m_lang, "khóa \"{}\" bị lặp (đã có ở dòng {})", "duplicate key \"{}\" (first at line {})",
                         node.text, it->second),
                     "duplicate_key");
        frame.skip_value = true;
        return;
      }
      frame.key = std::move(node);
      return;
    }
    if (frame.skip_value) {
      frame.skip_value = false;
      return;
    }
    if (node.kind == YamlNode::Kind::scalar) {
      value_is_clean(node, frame.key->text);
    }
    if (node.kind == YamlNode::Kind::null) {
      // yaml-cpp marks an empty value at the start of the next line; the
      // key's own position is where a user looks.
      node.pos = frame.key->pos;
    }
    frame.node.entries.push_back(YamlEntry{std::move(*frame.key), std::move(node)});
    frame.key.reset();
  }

  // A key is an id or a word of the format: no control character, no
  // invisible one, no space but U+0020.
  bool key_is_clean(const YamlNode& key) {
    const std::optional<CharacterAt> bad = find_not_in_id(key.text);
    if (!bad) {
      return true;
    }
    m_sink.error(key.pos.line, key.pos.column,
                 is_control_character(bad->code_point)
                     ? say(m_lang, "ký tự điều khiển U+{:04X} không được phép trong khóa \"{}\"",
                           "control character U+{:04X} is not allowed in the key \"{}\"",
                           static_cast<std::uint32_t>(bad->code_point), one_line(key.text))
                     : say(m_lang, "ký tự U+{:04X} (không nhìn thấy được) không được phép trong khóa \"{}\"",
                           "the invisible character U+{:04X} is not allowed in the key \"{}\"",
                           static_cast<std::uint32_t>(bad->code_point), one_line(key.text)),
                 "control_character");
    return false;
  }

  // A value may hold TAB and LF (free text such as a note); any other
  // control character (from an escape such as "\e", "\0" or "\N") is an
  // error. Ids are held to more by the loaders.
  void value_is_clean(const YamlNode& value, std::string_view key) {
    const std::optional<CharacterAt> bad = find_control(value.text, true);
    if (!bad) {
      return;
    }
    const auto code_point = static_cast<std::uint32_t>(bad->code_point);
    m_sink.error(value.pos.line, value.pos.column,
                 key.empty() ? say(m_lang, "ký tự điều khiển U+{:04X} không được phép trong văn bản",
                                   "control character U+{:04X} is not allowed in text", code_point)
                             : say(m_lang, "{}: ký tự điều khiển U+{:04X} không được phép trong văn bản",
                                   "{}: control character U+{:04X} is not allowed in text", key, code_point),
                 "control_character");
  }

  void check_tag(const YAML::Mark& mark, const std::string& tag) {
    if (tag.empty() || tag == "?" || tag == "!") {
      return;
    }
    const SourcePos pos = position(m_positions, mark);
    m_sink.error(pos.line, pos.column,
                 say(m_lang,
                     "không được dùng thẻ kiểu YAML ({}): hãy bỏ thẻ, dùng "
                     "dấu nháy nếu cần văn bản",
                     "YAML tags ({}) are not allowed: remove the tag, quote "
                     "the value if it is text",
                     tag_as_written(tag)),
                 "tag");
  }

  std::string anchor_name(YAML::anchor_t anchor) const {
    if (anchor >= 1 && anchor <= m_anchor_names.size()) {
      return m_anchor_names[anchor - 1];
    }
    return "?";
  }

  const PositionMap& m_positions;
  DiagnosticSink& m_sink;
  Lang m_lang;
  std::vector<Frame> m_stack;
  std::vector<std::string> m_anchor_names;
  std::size_t m_nodes = 0;
};

// Stops at the start of a second document and says where it is.
class SecondDocumentProbe : public YAML::EventHandler {
 public:
  std::optional<YAML::Mark> start;

  void OnDocumentStart(const YAML::Mark& mark) override {
    start = mark;
    throw StopParsing{};
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& /*mark*/, YAML::anchor_t /*anchor*/) override {}
  void OnAlias(const YAML::Mark& /*mark*/, YAML::anchor_t /*anchor*/) override {}
  void OnScalar(const YAML::Mark& /*mark*/, const std::string& /*tag*/, YAML::anchor_t /*anchor*/,
                const std::string& /*value*/) override {}
  void OnSequenceStart(const YAML::Mark& /*mark*/, const std::string& /*tag*/, YAML::anchor_t /*anchor*/,
                       YAML::EmitterStyle::value /*style*/) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& /*mark*/, const std::string& /*tag*/, YAML::anchor_t /*anchor*/,
                  YAML::EmitterStyle::value /*style*/) override {}
  void OnMapEnd() override {}
};

// yaml-cpp's message for a syntax error and the byte offset it is about.
// For "unknown escape character: X" yaml-cpp copies only the first byte of
// X and marks the byte after it: the message then would not be UTF-8, so the
// character is taken whole from the text, and the error put on it.
std::pair<std::string, std::size_t> syntax_error(const YAML::Exception& error, std::string_view text) {
  std::string message = error.msg;
  std::size_t offset = error.mark.pos < 0 ? 0 : static_cast<std::size_t>(error.mark.pos);
  const std::optional<std::size_t> bad = find_invalid_utf8(message);
  if (!bad) {
    return {message, offset};
  }
  message.resize(*bad);
  const std::size_t cut = error.msg.size() - *bad;
  if (cut == 1 && offset >= 1 && offset <= text.size() && text[offset - 1] == error.msg.back()) {
    std::size_t end = offset;
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0U) == 0x80U) {
      ++end;
    }
    message.append(text.substr(offset - 1, end - offset + 1));
    offset -= 1;
  }
  return {message, offset};
}

}  // namespace

YamlDocument parse_yaml(std::string_view bytes, std::string path, Lang lang, bool checksum) {
  YamlDocument document;
  document.path = path;
  DiagnosticSink sink(std::move(path), lang);
  if (bytes.size() > k_max_file_size) {
    sink.error(0, 0,
               say(lang, "tệp quá lớn ({} byte): giới hạn là 16 MiB",
                   "the file is too large ({} bytes): the limit is 16 MiB", bytes.size()),
               "too_large");
    sink.finish();
  }
  if (checksum) {
    document.sha256 = sha256_hex(bytes);
  }

  std::string_view body = bytes;
  if (body.substr(0, 3) == "\xEF\xBB\xBF") {
    body.remove_prefix(3);
  }
  // CRLF line ends become LF (a lone CR stays, and is reported).
  std::string text;
  text.reserve(body.size());
  for (std::size_t start = 0; start < body.size();) {
    const std::size_t cr = body.find("\r\n", start);
    if (cr == std::string_view::npos) {
      text.append(body.substr(start));
      break;
    }
    text.append(body.substr(start, cr - start));
    start = cr + 1;  // the LF after it is copied with what follows
  }

  const PositionMap positions(text);
  if (!check_encoding(text, positions, sink, lang)) {
    sink.finish();
  }

  MemoryBuffer buffer(text);
  std::istream stream(&buffer);
  TreeBuilder builder(positions, sink, lang);
  try {
    YAML::Parser parser(stream);
    if (parser.HandleNextDocument(builder)) {
      SecondDocumentProbe probe;
      try {
        parser.HandleNextDocument(probe);
      } catch (const StopParsing&) {
        const SourcePos pos = position(positions, *probe.start);
        sink.error(pos.line, pos.column,
                   std::string(tr(lang,
                                  "mỗi tệp chỉ được có một tài liệu YAML, nhưng tài liệu thứ hai "
                                  "bắt đầu ở đây",
                                  "a file must hold one YAML document, but a second one starts "
                                  "here")),
                   "second_document");
      }
    }
  } catch (const StopParsing&) {
    // A fatal problem was already reported.
  } catch (const YAML::Exception& error) {
    // error.msg is the bare message: what() would repeat the position.
    const auto [message, offset] = syntax_error(error, text);
    const SourcePos pos = positions.at(offset);
    sink.error(pos.line, pos.column, say(lang, "lỗi cú pháp YAML: {}", "YAML syntax error: {}", message), "syntax");
  }
  if (!sink.has_errors() && (!builder.root || builder.root->is_null())) {
    sink.error(1, 1,
               std::string(tr(lang, "tệp rỗng: cần một bảng bắt đầu bằng dòng `cchc: ...`",
                              "the file is empty: expected a map that starts with `cchc: ...`")),
               "empty");
  }
  sink.finish();
  document.root = std::move(*builder.root);
  if (const YamlNode* tag = document.root.find("cchc"); tag != nullptr && tag->is_scalar()) {
    document.kind = tag->text;
  }
  return document;
}

}  // namespace cchc::detail
