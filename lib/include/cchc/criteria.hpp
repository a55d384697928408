#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "cchc/date.hpp"
#include "cchc/decimal.hpp"
#include "cchc/diagnostic.hpp"
#include "cchc/lang.hpp"

namespace cchc {

class InputFile;

enum class RuleType { check, levels, deadline, bands, ratio, per_item, deduct, assessed };

struct Level {
  std::string label;
  Decimal points;
};

enum class BandTest { at_least, above, at_most, below };

struct Band {
  BandTest test = BandTest::at_least;
  Decimal threshold;
  Decimal points;
};

// The unit a leaf's value is declared in (SPEC §5.1): none, a percentage in
// [0, 100] or a count (a whole number >= 0).
enum class ValueUnit { none, percent, count };

// A declared `range: [MIN, MAX]` of a leaf's value, MIN <= MAX.
struct ValueRange {
  Decimal min;
  Decimal max;
};

// How a leaf is scored (SPEC §1.2). Only the parameters of `type` are used.
struct Rule {
  RuleType type = RuleType::check;
  std::vector<Level> levels;         // levels
  Date due;                          // deadline
  Decimal late;                      // deadline: points when done after `due`
  std::optional<Date> until;         // deadline: nothing after this date
  std::vector<Band> bands;           // bands, in the order written
  Decimal target = 100;              // ratio
  std::optional<Decimal> floor;      // ratio
  Decimal each;                      // per_item, deduct
  ValueUnit unit = ValueUnit::none;  // declared unit of the value (bands, ratio, per_item, deduct)
  std::optional<ValueRange> range;   // declared range of the value (bands)
};

// Who produces a leaf's value; reported as a breakdown.
enum class Method { self, survey, system, assessor };
// What "not applicable" does to a node (SPEC §2).
enum class NaPolicy { exclude, full, never };
enum class DocumentPolicy { optional, required };
// Where a node sits: the scored fields, the bonus items or the penalty items.
enum class Section { fields, bonus, penalty };

// One node of the criteria tree. Nodes are stored flat, in criteria order
// (pre-order: fields, then bonus items, then penalty items); `parent` and
// `children` are indices into Criteria::nodes.
struct Node {
  std::string id;
  std::string title;
  Decimal max;
  std::optional<Rule> rule;      // set exactly for leaves
  Method method = Method::self;  // inherited from the parent unless set
  NaPolicy na = NaPolicy::exclude;
  DocumentPolicy documents = DocumentPolicy::optional;  // resolved: node, ancestors, defaults
  std::string evidence;
  std::string owner;  // inherited from the parent unless set
  std::string remedy;
  std::string basis;
  Decimal effort = 1;

  Section section = Section::fields;
  int parent = -1;
  int depth = 0;  // 0 for fields and for bonus/penalty items
  std::vector<int> children;
  SourcePos pos;

  bool is_leaf() const { return rule.has_value(); }
};

struct Grade {
  std::string label;
  Decimal min;
};

// An applicability profile: nodes that are not applicable to a kind of unit.
struct Profile {
  std::string id;
  std::string title;
  std::vector<int> na;  // node indices
};

struct LegalBasis {
  std::string number;
  std::optional<Date> date;
  std::string title;
};

struct Period {
  Date from;
  Date to;
};

// The bonus or penalty section: items whose points add up, capped at `max`.
struct CappedSection {
  Decimal max;
  std::vector<int> items;  // top-level item indices
};

// A criteria set (`cchc: criteria/1`), validated.
struct Criteria {
  std::string id;
  std::string title;
  std::string province;
  std::string unit_group;
  int year = 0;
  std::vector<LegalBasis> basis;
  Decimal scale;
  int precision = 2;
  Period period;
  DocumentPolicy default_documents = DocumentPolicy::optional;
  std::vector<Grade> grades;  // highest min first
  std::vector<Profile> profiles;
  std::vector<Node> nodes;
  std::vector<int> fields;  // top-level field indices
  std::optional<CappedSection> bonus;
  std::optional<CappedSection> penalty;

  std::string path;                  // where it was read from
  std::string sha256;                // of the file's bytes
  std::vector<Diagnostic> warnings;  // what validation noticed but allows

  // The index of the node with this id, or -1.
  int find(std::string_view node_id) const;
  const Profile* find_profile(std::string_view profile_id) const;
  // The grade for an index, or nullptr when below every grade.
  const Grade* grade_for(const Decimal& index) const;
  // The grade with this label in any case ("tốt", "Tốt" and "TỐT" name the
  // same grade: fold_case), or nullptr; nullptr for invalid UTF-8.
  const Grade* grade_for_label(std::string_view label) const;
  // The node id `node_id` was likely meant to be (a typo: did_you_mean over
  // every node id, in criteria order), or nullopt; nullopt for invalid UTF-8.
  std::optional<std::string> suggest_id(std::string_view node_id) const;

  std::unordered_map<std::string, int> index;  // node id → index into nodes
};

// Reads and validates a criteria file. Throws InputError listing every problem.
Criteria load_criteria(const InputFile& file, Lang lang);
// Convenience for tests and tools: parse text then load_criteria().
Criteria parse_criteria(std::string_view text, const std::string& path, Lang lang = Lang::en);

}  // namespace cchc
