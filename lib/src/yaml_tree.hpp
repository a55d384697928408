#pragma once

// The YAML document model behind InputFile. yaml-cpp is used only in
// yaml_tree.cpp: it reports parse events, and this file builds a small tree
// that keeps what SPEC §1 needs (the text as written, whether a scalar was
// quoted, character positions) and refuses what SPEC §1 forbids.

#include <string>
#include <string_view>
#include <vector>

#include "cchc/diagnostic.hpp"
#include "cchc/lang.hpp"

namespace cchc::detail {

struct YamlEntry;

struct YamlNode {
  enum class Kind { null, scalar, sequence, map };

  Kind kind = Kind::null;
  std::string text;     // scalars: the text as written, NFC-normalised
  bool quoted = false;  // scalars: written in quotes or as a block (never a number or bool)
  SourcePos pos;
  std::vector<YamlNode> items;     // sequences
  std::vector<YamlEntry> entries;  // maps, in the order written

  bool is_scalar() const { return kind == Kind::scalar; }
  bool is_map() const { return kind == Kind::map; }
  bool is_sequence() const { return kind == Kind::sequence; }
  bool is_null() const { return kind == Kind::null; }
  // The entry whose key is `key`, or nullptr.
  const YamlNode* find(std::string_view key) const;
};

struct YamlEntry {
  YamlNode key;  // always a scalar
  YamlNode value;
};

struct YamlDocument {
  std::string path;
  std::string sha256;
  std::string kind;  // the `cchc:` tag's text, or ""
  YamlNode root;
};

// Parses one YAML document. Throws InputError listing every hygiene problem:
// invalid UTF-8 or control characters, anchors, aliases, tags, duplicate or
// non-text keys, nesting deeper than k_max_depth, a second document, an
// empty file. A UTF-8 BOM and CRLF line ends are accepted. `checksum`:
// compute YamlDocument::sha256 (left empty otherwise).
YamlDocument parse_yaml(std::string_view bytes, std::string path, Lang lang, bool checksum = true);

// The human name of a node's kind for messages: "a list", "một danh sách", ...
std::string kind_name(const YamlNode& node, Lang lang);

}  // namespace cchc::detail
