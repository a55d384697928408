#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "cchc/criteria.hpp"

namespace cchc {

// A cited document (tài liệu kiểm chứng).
struct Document {
  std::string number;  // số, ký hiệu: 03/KH-LĐTBXH
  std::optional<Date> date;
  std::string title;
  std::string issuer;
  std::string file;  // relative to the evidence file
  std::string page;
  SourcePos pos;
  SourcePos number_pos;
  SourcePos date_pos;
  SourcePos file_pos;
};

// A ratio value given as counts: 100 · done / of.
struct DoneOf {
  Decimal done;
  Decimal of;
};

// A leaf's value, already checked against its rule:
// check → bool; levels → std::string (the label); deadline → Date, or false;
// bands, assessed → Decimal; ratio → Decimal or DoneOf; per_item, deduct →
// Decimal (a whole number).
using Value = std::variant<bool, Date, Decimal, std::string, DoneOf>;

// The evidence for one node.
struct Item {
  std::string id;
  int node = -1;               // index into Criteria::nodes
  std::optional<Value> value;  // empty when not declared yet (`value:` or `value: ~`)
  bool na = false;
  std::string reason;  // why not applicable
  std::vector<Document> documents;
  std::optional<Decimal> self_score;
  std::optional<Decimal> appraised;
  std::string note;
  SourcePos pos;  // of the item's key
  SourcePos self_score_pos;
};

struct Unit {
  std::string id;
  std::string name;     // defaults to the id
  std::string profile;  // an applicability profile id, or ""
};

// An evidence file (`cchc: evidence/1`), validated against its criteria.
struct Evidence {
  std::string criteria_id;
  int year = 0;
  Unit unit;
  std::vector<Item> items;        // in criteria order
  std::vector<int> item_of_node;  // node index → index into items, or -1

  std::string path;
  std::string sha256;
  SourcePos items_pos;  // of the `items:` key; line 0 when the file has none

  const Item* item_for(int node) const {
    const int i = item_of_node.at(static_cast<std::size_t>(node));
    return i < 0 ? nullptr : &items[static_cast<std::size_t>(i)];
  }
};

// Whether `number` looks like the number and symbol of a Vietnamese
// document (Nghị định 30/2020/NĐ-CP): `03/KH-LĐTBXH`, `30/2018/QĐ-UBND`,
// `1593/UBND-NC`, or a Party document `05-NQ/TU`.
bool looks_like_document_number(std::string_view number);

// Which criteria set scores an evidence file, and where it is named.
struct CriteriaReference {
  std::string ref;       // an id or a path
  std::string cited_in;  // the evidence file when `ref` comes from its `criteria:`, "" for -c
  SourcePos pos;         // where `criteria:` is written, when cited_in is set
};

// Checks that `file` is an evidence file (`cchc: evidence/1`) and says which
// criteria set scores it: `override_ref` (-c) when given, else the file's
// `criteria:` id. Throws InputError at the file's `cchc:` or `criteria:` line
// when it is not an evidence file or names no set.
CriteriaReference evidence_criteria(const InputFile& file, const std::string& override_ref, Lang lang);

// Reads and validates an evidence file against `criteria` (which must be the
// set it names). Throws InputError listing every problem.
Evidence load_evidence(const InputFile& file, const Criteria& criteria, Lang lang);
// Convenience for tests: parse text then load_evidence().
Evidence parse_evidence(std::string_view text, const std::string& path, const Criteria& criteria, Lang lang = Lang::en);

}  // namespace cchc
