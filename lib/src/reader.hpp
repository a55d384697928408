#pragma once

// Typed reading of YAML nodes with diagnostics that say what was expected
// and what was found, at the node's position. Shared by the loaders.

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cchc/date.hpp"
#include "cchc/decimal.hpp"
#include "cchc/diagnostic.hpp"
#include "cchc/lang.hpp"
#include "cchc/text.hpp"
#include "localized.hpp"
#include "yaml_tree.hpp"

namespace cchc::detail {

// "a, b, c".
std::string join(const std::vector<std::string>& words);

// The loaders spell these detail:: (they live in cchc/text.hpp).
using cchc::did_you_mean;
using cchc::lowercase_ascii;

// The most characters of a file's text a diagnostic quotes.
inline constexpr std::size_t k_excerpt_length = 40;

// `text` as a diagnostic quotes it: the first k_excerpt_length characters,
// then "…" when there were more (SPEC: never more than a short excerpt).
std::string excerpt(std::string_view text);

// "KEY: ... U+200B ..." for a character that no id may hold (find_not_in_id).
std::string id_character_message(Lang lang, std::string_view key, const CharacterAt& bad);
// "KEY: a unit id is made of ..., found "..." (write "...")" for a text that
// is not a valid unit id.
std::string unit_id_message(Lang lang, std::string_view key, std::string_view found);

// A name on one line: every run of blanks holding a TAB, CR or LF (a cell
// wrapped with Alt+Enter, a YAML block) becomes one space.
std::string single_line(std::string_view text);

class Reader {
 public:
  Reader(DiagnosticSink& sink, Lang lang) : m_sink(sink), m_lang(lang) {}

  Lang lang() const { return m_lang; }
  DiagnosticSink& sink() { return m_sink; }
  const std::string& file() const { return m_sink.file(); }

  // Picks the message for the current language and formats it.
  template <typename... Args>
  std::string say(std::string_view vi, std::string_view en, const Args&... args) const {
    return detail::say(m_lang, vi, en, args...);
  }

  void error(SourcePos at, std::string message, std::string code = "invalid", std::string subject = {});
  void warning(SourcePos at, std::string message, std::string code, std::string subject = {});

  // Whether `root` is a file of the kind `tag` ("criteria/1"): a map whose
  // `cchc:` is `tag`. Otherwise reports one error, `kind` naming the file
  // expected ("tệp bộ tiêu chí"), that quotes nothing of the file but a known
  // tag of another kind: a file read where another was expected (a secret
  // named by mistake) must not have its content copied into diagnostics.
  // The caller stops reading when it returns false.
  bool recognise(const YamlNode& root, std::string_view tag, std::string_view kind);

  // Reports unless `node` is a map; `what` names the thing ("unit", ...).
  bool expect_map(const YamlNode& node, std::string_view what);
  bool expect_sequence(const YamlNode& node, std::string_view what);
  // Reports every key of `map` not in `known`, with a "did you mean".
  void check_keys(const YamlNode& map, std::initializer_list<std::string_view> known, std::string_view where);
  void check_keys(const YamlNode& map, const std::vector<std::string>& known, std::string_view where);
  // The value of `key`, reporting its absence at the map.
  const YamlNode* require(const YamlNode& map, std::string_view key, std::string_view where);

  // Scalar conversions; each reports and returns nullopt on a bad value.
  // `key` names the value in messages.
  std::optional<std::string> text(const YamlNode& node, std::string_view key, bool allow_empty = false);
  // An id or a label (a node id, a criteria id, a level or grade label):
  // text without control characters, invisible characters (zero-width,
  // bidi controls, U+FEFF) or spaces other than U+0020.
  std::optional<std::string> identifier(const YamlNode& node, std::string_view key);
  // A unit id: ASCII letters, digits, '-', '_', '.' (is_valid_unit_id), with
  // a suggestion made from the text when it is not.
  std::optional<std::string> unit_id(const YamlNode& node, std::string_view key);
  // `expected` says what is wanted where it is more than "a number" ("phần
  // trăm, từ 0 đến 100"); a number written with "%" is told to drop it.
  std::optional<Decimal> number(const YamlNode& node, std::string_view key, std::string_view expected = {});
  std::optional<Decimal> positive_number(const YamlNode& node, std::string_view key);
  std::optional<Decimal> non_negative_number(const YamlNode& node, std::string_view key);
  std::optional<Decimal> whole_number(const YamlNode& node, std::string_view key, std::string_view expected = {});
  std::optional<int> integer(const YamlNode& node, std::string_view key, int min, int max);
  std::optional<bool> boolean(const YamlNode& node, std::string_view key);
  std::optional<Date> date(const YamlNode& node, std::string_view key);
  // One of `options`, with a "did you mean"; returns its index.
  std::optional<std::size_t> choice(const YamlNode& node, std::string_view key,
                                    std::initializer_list<std::string_view> options);

  // A number for messages: "0,5" in Vietnamese, "0.5" in English.
  std::string num(const Decimal& value) const;

  // Describes what a node holds, for "found ..." parts of messages.
  std::string found(const YamlNode& node) const;

  // Is this a plain true/false scalar?
  static std::optional<bool> as_bool(const YamlNode& node);

 private:
  DiagnosticSink& m_sink;
  Lang m_lang;
};

}  // namespace cchc::detail
