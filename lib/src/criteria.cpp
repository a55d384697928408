#include "cchc/criteria.hpp"

#include <algorithm>
#include <unordered_set>

#include "cchc/input_file.hpp"
#include "cchc/text.hpp"
#include "reader.hpp"
#include "yaml_tree.hpp"

namespace cchc {

int Criteria::find(std::string_view node_id) const {
  const auto it = index.find(std::string(node_id));
  return it == index.end() ? -1 : it->second;
}

const Profile* Criteria::find_profile(std::string_view profile_id) const {
  for (const Profile& profile : profiles) {
    if (profile.id == profile_id) {
      return &profile;
    }
  }
  return nullptr;
}

const Grade* Criteria::grade_for(const Decimal& value) const {
  for (const Grade& grade : grades) {
    if (grade.min <= value) {
      return &grade;
    }
  }
  return nullptr;
}

const Grade* Criteria::grade_for_label(std::string_view label) const {
  if (find_invalid_utf8(label)) {
    return nullptr;
  }
  const std::string wanted = fold_case(label);
  for (const Grade& grade : grades) {
    if (fold_case(grade.label) == wanted) {
      return &grade;
    }
  }
  return nullptr;
}

std::optional<std::string> Criteria::suggest_id(std::string_view node_id) const {
  if (find_invalid_utf8(node_id)) {
    return std::nullopt;
  }
  std::vector<std::string> ids;
  ids.reserve(nodes.size());
  for (const Node& node : nodes) {
    ids.push_back(node.id);
  }
  return did_you_mean(to_nfc(node_id), ids);
}

namespace {

using detail::Reader;
using detail::YamlEntry;
using detail::YamlNode;

constexpr std::string_view k_rule_names[] = {"check", "levels",   "deadline", "bands",
                                             "ratio", "per_item", "deduct",   "assessed"};

// The parameters each rule type takes, besides `type`.
// A value's domain (SPEC §5.1) is declared on the types whose value is a number:
// `unit` on bands, ratio (percent), per_item and deduct (count); `range` on bands.
std::vector<std::string> rule_parameters(RuleType type) {
  switch (type) {
    case RuleType::check:
    case RuleType::assessed:
      return {"type"};
    case RuleType::levels:
      return {"type", "levels"};
    case RuleType::deadline:
      return {"type", "due", "late", "until"};
    case RuleType::bands:
      return {"type", "bands", "unit", "range"};
    case RuleType::ratio:
      return {"type", "target", "floor", "unit"};
    case RuleType::per_item:
    case RuleType::deduct:
      return {"type", "each", "unit"};
  }
  return {"type"};
}

class CriteriaLoader {
 public:
  CriteriaLoader(const detail::YamlDocument& document, Lang lang)
      : m_document(document), m_sink(document.path, lang), m_read(m_sink, lang) {}

  Criteria load() {
    m_criteria.path = m_document.path;
    m_criteria.sha256 = m_document.sha256;
    const YamlNode& root = m_document.root;
    if (!m_read.recognise(root, "criteria/1", m_read.say("tệp bộ tiêu chí", "a criteria file"))) {
      m_sink.finish();
    }
    const std::string where = m_read.say("bộ tiêu chí", "the criteria file");
    m_read.check_keys(root,
                      {"cchc", "id", "title", "province", "unit_group", "year", "basis", "scale", "precision", "period",
                       "defaults", "grades", "profiles", "fields", "bonus", "penalty"},
                      where);
    if (const YamlNode* node = m_read.require(root, "id", where)) {
      m_criteria.id = m_read.identifier(*node, "id").value_or("");
    }
    if (const YamlNode* node = m_read.require(root, "title", where)) {
      m_criteria.title = m_read.text(*node, "title").value_or("");
    }
    if (const YamlNode* node = root.find("province")) {
      m_criteria.province = m_read.text(*node, "province").value_or("");
    }
    if (const YamlNode* node = root.find("unit_group")) {
      m_criteria.unit_group = m_read.text(*node, "unit_group").value_or("");
    }
    if (const YamlNode* node = m_read.require(root, "year", where)) {
      m_criteria.year = m_read.integer(*node, "year", 1900, 2999).value_or(0);
    }
    m_criteria.period = {Date{m_criteria.year, 1, 1}, Date{m_criteria.year, 12, 31}};
    if (const YamlNode* node = root.find("basis")) {
      read_basis(*node);
    }
    std::optional<Decimal> scale;
    if (const YamlNode* node = m_read.require(root, "scale", where)) {
      scale = m_read.positive_number(*node, "scale");
    }
    if (const YamlNode* node = root.find("precision")) {
      m_criteria.precision = m_read.integer(*node, "precision", 0, 4).value_or(2);
    }
    if (const YamlNode* node = root.find("period")) {
      read_period(*node);
    }
    if (const YamlNode* node = root.find("defaults")) {
      read_defaults(*node);
    }
    if (const YamlNode* node = root.find("grades")) {
      read_grades(*node);
    }
    if (const YamlNode* node = m_read.require(root, "fields", where)) {
      bool all_valid = true;
      const Decimal total = read_node_list(*node, "fields", Section::fields, -1, m_criteria.fields, all_valid);
      if (scale && all_valid && !m_criteria.fields.empty() && total != *scale) {
        const YamlNode& scale_node = *root.find("scale");
        m_read.error(scale_node.pos,
                     m_read.say("scale: tổng điểm tối đa của các lĩnh vực là {}, khác thang điểm {}",
                                "scale: the fields' max add up to {}, not {}", m_read.num(total), m_read.num(*scale)),
                     "sum");
      }
    }
    if (scale) {
      m_criteria.scale = *scale;
    }
    if (const YamlNode* node = root.find("bonus")) {
      m_criteria.bonus = read_capped(*node, "bonus", Section::bonus);
    }
    if (const YamlNode* node = root.find("penalty")) {
      m_criteria.penalty = read_capped(*node, "penalty", Section::penalty);
    }
    if (const YamlNode* node = root.find("profiles")) {
      read_profiles(*node);
    }
    m_criteria.warnings = m_sink.finish();
    return std::move(m_criteria);
  }

 private:
  void read_basis(const YamlNode& list) {
    if (!m_read.expect_sequence(list, "basis")) {
      return;
    }
    for (const YamlNode& item : list.items) {
      if (!m_read.expect_map(item, "basis")) {
        continue;
      }
      m_read.check_keys(item, {"number", "date", "title"}, m_read.say("căn cứ (basis)", "a basis entry"));
      LegalBasis basis;
      if (const YamlNode* node = item.find("number")) {
        basis.number = m_read.text(*node, "number").value_or("");
      }
      if (const YamlNode* node = item.find("date")) {
        basis.date = m_read.date(*node, "date");
      }
      if (const YamlNode* node = item.find("title")) {
        basis.title = m_read.text(*node, "title").value_or("");
      }
      m_criteria.basis.push_back(std::move(basis));
    }
  }

  void read_period(const YamlNode& node) {
    if (!m_read.expect_map(node, "period")) {
      return;
    }
    const std::string where = "period";
    m_read.check_keys(node, {"from", "to"}, where);
    const YamlNode* from_node = m_read.require(node, "from", where);
    const YamlNode* to_node = m_read.require(node, "to", where);
    const std::optional<Date> from = from_node ? m_read.date(*from_node, "from") : std::nullopt;
    const std::optional<Date> to = to_node ? m_read.date(*to_node, "to") : std::nullopt;
    if (from && to) {
      if (*to < *from) {
        m_read.error(to_node->pos,
                     m_read.say("period: ngày kết thúc {} trước ngày bắt đầu {}",
                                "period: the end {} is before the start {}", to->iso(), from->iso()),
                     "range");
      }
      m_criteria.period = {*from, *to};
    }
  }

  void read_defaults(const YamlNode& node) {
    if (!m_read.expect_map(node, "defaults")) {
      return;
    }
    m_read.check_keys(node, {"documents"}, "defaults");
    if (const YamlNode* documents = node.find("documents")) {
      if (const auto choice = m_read.choice(*documents, "documents", {"optional", "required"})) {
        m_criteria.default_documents = static_cast<DocumentPolicy>(*choice);
      }
    }
  }

  void read_grades(const YamlNode& list) {
    if (!m_read.expect_sequence(list, "grades")) {
      return;
    }
    std::unordered_set<std::string> labels;
    for (const YamlNode& item : list.items) {
      if (!m_read.expect_map(item, "grades")) {
        continue;
      }
      const std::string where = m_read.say("xếp loại (grades)", "a grade");
      m_read.check_keys(item, {"label", "min"}, where);
      const YamlNode* label_node = m_read.require(item, "label", where);
      const YamlNode* min_node = m_read.require(item, "min", where);
      const std::optional<std::string> label = label_node ? m_read.identifier(*label_node, "label") : std::nullopt;
      std::optional<Decimal> min = min_node ? m_read.non_negative_number(*min_node, "min") : std::nullopt;
      if (min && *min > Decimal(100)) {
        m_read.error(min_node->pos,
                     m_read.say("min: chỉ số tối đa là 100, nhưng gặp {}", "min: the index is at most 100, found {}",
                                min_node->text),
                     "range");
        min.reset();
      }
      if (!label || !min) {
        continue;
      }
      if (!labels.insert(*label).second) {
        m_read.error(label_node->pos, m_read.say("xếp loại \"{}\" bị lặp", "the grade \"{}\" is listed twice", *label),
                     "duplicate");
        continue;
      }
      if (!m_criteria.grades.empty() && !(*min < m_criteria.grades.back().min)) {
        const Grade& previous = m_criteria.grades.back();
        m_read.error(min_node->pos,
                     m_read.say("grades phải liệt kê từ mức cao nhất xuống: \"{}\" (min {}) đứng sau \"{}\" (min {})",
                                "grades must be listed from the highest min down: \"{}\" (min {}) comes after \"{}\" "
                                "(min {})",
                                *label, m_read.num(*min), previous.label, m_read.num(previous.min)),
                     "order");
        continue;
      }
      m_criteria.grades.push_back({*label, *min});
    }
  }

  // Reads a list of nodes; returns the sum of their max and whether every
  // max was valid (so that sums are only compared when they mean something).
  Decimal read_node_list(const YamlNode& list, std::string_view key, Section section, int parent, std::vector<int>& out,
                         bool& all_valid) {
    Decimal total;
    if (!m_read.expect_sequence(list, key)) {
      all_valid = false;
      return total;
    }
    if (list.items.empty()) {
      m_read.error(list.pos, m_read.say("{}: danh sách không được rỗng", "{}: the list must not be empty", key),
                   "empty");
      all_valid = false;
    }
    for (const YamlNode& item : list.items) {
      std::optional<Decimal> max;
      const int index = read_node(item, section, parent, max);
      if (index >= 0) {
        out.push_back(index);
      }
      if (max) {
        total += *max;
      } else {
        all_valid = false;
      }
    }
    return total;
  }

  // Reads one node and its subtree; returns its index, or -1 when it is not a map.
  int read_node(const YamlNode& yaml, Section section, int parent, std::optional<Decimal>& max) {
    if (!m_read.expect_map(yaml, m_read.say("tiêu chí", "a criteria node"))) {
      return -1;
    }
    const auto index = static_cast<int>(m_criteria.nodes.size());
    m_criteria.nodes.emplace_back();
    Node node;
    node.section = section;
    node.parent = parent;
    node.pos = yaml.pos;
    const Node* parent_node = parent >= 0 ? &m_criteria.nodes[static_cast<std::size_t>(parent)] : nullptr;
    node.depth = parent_node ? parent_node->depth + 1 : 0;
    node.method = parent_node ? parent_node->method : Method::self;
    node.owner = parent_node ? parent_node->owner : std::string();
    node.documents = parent_node ? parent_node->documents : m_criteria.default_documents;

    std::string where = m_read.say("tiêu chí", "a criteria node");
    if (const YamlNode* id = m_read.require(yaml, "id", where)) {
      if (const auto text = m_read.identifier(*id, "id")) {
        node.id = *text;
        where = m_read.say("tiêu chí \"{}\"", "node \"{}\"", node.id);
        const auto [it, inserted] = m_criteria.index.emplace(node.id, index);
        if (!inserted) {
          const Node& first = m_criteria.nodes[static_cast<std::size_t>(it->second)];
          m_read.error(id->pos,
                       m_read.say("id \"{}\" bị trùng (đã dùng ở dòng {})",
                                  "duplicate id \"{}\" (first used at line {})", node.id, first.pos.line),
                       "duplicate_id");
        }
      }
    }
    m_read.check_keys(yaml,
                      {"id", "title", "max", "children", "rule", "method", "na", "documents", "evidence", "owner",
                       "remedy", "basis", "effort"},
                      where);
    if (const YamlNode* title = m_read.require(yaml, "title", where)) {
      node.title = m_read.text(*title, "title").value_or("");
    }
    if (const YamlNode* max_node = m_read.require(yaml, "max", where)) {
      max = m_read.positive_number(*max_node, "max");
      if (max) {
        check_decimals(*max_node, "max", *max);
      }
      node.max = max.value_or(Decimal());
    }
    if (const YamlNode* method = yaml.find("method")) {
      if (const auto choice = m_read.choice(*method, "method", {"self", "survey", "system", "assessor"})) {
        node.method = static_cast<Method>(*choice);
      }
    }
    if (const YamlNode* na = yaml.find("na")) {
      if (const auto choice = m_read.choice(*na, "na", {"exclude", "full", "never"})) {
        node.na = static_cast<NaPolicy>(*choice);
      }
    }
    if (const YamlNode* documents = yaml.find("documents")) {
      if (const auto choice = m_read.choice(*documents, "documents", {"optional", "required"})) {
        node.documents = static_cast<DocumentPolicy>(*choice);
      }
    }
    const auto read_text = [&](std::string_view key, std::string& out) {
      if (const YamlNode* value = yaml.find(key)) {
        out = m_read.text(*value, key).value_or(out);
      }
    };
    read_text("evidence", node.evidence);
    read_text("owner", node.owner);
    read_text("remedy", node.remedy);
    read_text("basis", node.basis);
    if (const YamlNode* effort = yaml.find("effort")) {
      node.effort = m_read.positive_number(*effort, "effort").value_or(Decimal(1));
    }

    const YamlNode* children = yaml.find("children");
    const YamlNode* rule = yaml.find("rule");
    if (children != nullptr && rule != nullptr) {
      m_read.error(rule->pos,
                   m_read.say("{}: chỉ được có một trong hai khóa children (tiêu chí con) hoặc rule (cách chấm)",
                              "{}: give either children (sub-criteria) or a rule, not both", where),
                   "node_shape");
    } else if (children == nullptr && rule == nullptr) {
      m_read.error(yaml.pos,
                   m_read.say("{}: cần children (các tiêu chí con) hoặc rule (cách chấm điểm)",
                              "{}: needs children (sub-criteria) or a rule (how it is scored)", where),
                   "node_shape");
    }
    if (rule != nullptr && children == nullptr) {
      node.rule = read_rule(*rule, node, max);
    }
    m_criteria.nodes[static_cast<std::size_t>(index)] = std::move(node);

    if (children != nullptr && rule == nullptr) {
      std::vector<int> child_indices;
      bool all_valid = true;
      const Decimal total = read_node_list(*children, "children", section, index, child_indices, all_valid);
      Node& self = m_criteria.nodes[static_cast<std::size_t>(index)];
      self.children = std::move(child_indices);
      if (max && all_valid && !self.children.empty() && total != *max) {
        m_read.error(yaml.find("max")->pos,
                     m_read.say("max: tổng điểm tối đa của các tiêu chí con của \"{}\" là {}, khác {}",
                                "max: the children of \"{}\" add up to {}, not {}", self.id, m_read.num(total),
                                m_read.num(*max)),
                     "sum");
      }
    }
    return index;
  }

  // Reads a leaf's rule; `max` is the leaf's max when it was valid.
  std::optional<Rule> read_rule(const YamlNode& yaml, const Node& node, const std::optional<Decimal>& max) {
    const std::string where = m_read.say("cách chấm (rule) của \"{}\"", "the rule of \"{}\"", node.id);
    if (!m_read.expect_map(yaml, "rule")) {
      return std::nullopt;
    }
    const YamlNode* type_node = m_read.require(yaml, "type", where);
    if (type_node == nullptr) {
      return std::nullopt;
    }
    const auto type = m_read.choice(
        *type_node, "type", {"check", "levels", "deadline", "bands", "ratio", "per_item", "deduct", "assessed"});
    if (!type) {
      return std::nullopt;
    }
    Rule rule;
    rule.type = static_cast<RuleType>(*type);
    m_read.check_keys(yaml, rule_parameters(rule.type),
                      m_read.say("{} (loại {})", "{} (type {})", where, k_rule_names[*type]));
    const auto require = [&](std::string_view key) { return m_read.require(yaml, key, where); };

    // The points the rule can award at best, to compare with max.
    std::optional<Decimal> best;
    switch (rule.type) {
      case RuleType::check:
      case RuleType::deadline:
      case RuleType::ratio:
      case RuleType::per_item:
      case RuleType::deduct:
      case RuleType::assessed:
        break;
      case RuleType::levels:
        if (const YamlNode* levels = require("levels")) {
          best = read_levels(*levels, rule, node, max);
        }
        break;
      case RuleType::bands:
        if (const YamlNode* bands = require("bands")) {
          best = read_bands(*bands, rule, node, max);
        }
        break;
    }
    if (rule.type == RuleType::deadline) {
      if (const YamlNode* due = require("due")) {
        rule.due = m_read.date(*due, "due").value_or(Date{});
      }
      if (const YamlNode* late = yaml.find("late")) {
        if (const auto points = m_read.non_negative_number(*late, "late")) {
          rule.late = *points;
          check_award(*late, "late", *points, node, max);
        }
      }
      if (const YamlNode* until = yaml.find("until")) {
        rule.until = m_read.date(*until, "until");
        if (rule.until && *rule.until < rule.due) {
          m_read.error(until->pos,
                       m_read.say("until: ngày {} trước hạn due {}", "until: {} is before the due date {}",
                                  rule.until->iso(), rule.due.iso()),
                       "range");
        }
      }
    }
    if (rule.type == RuleType::ratio) {
      if (const YamlNode* target = yaml.find("target")) {
        rule.target = m_read.positive_number(*target, "target").value_or(Decimal(100));
      }
      if (const YamlNode* floor = yaml.find("floor")) {
        rule.floor = m_read.non_negative_number(*floor, "floor");
        if (rule.floor && *rule.floor > rule.target) {
          m_read.error(floor->pos,
                       m_read.say("floor: ngưỡng {} cao hơn chỉ tiêu target {}", "floor: {} is above the target {}",
                                  m_read.num(*rule.floor), m_read.num(rule.target)),
                       "range", node.id);
        }
      }
    }
    if (rule.type == RuleType::per_item || rule.type == RuleType::deduct) {
      if (const YamlNode* each = require("each")) {
        rule.each = m_read.positive_number(*each, "each").value_or(Decimal());
        check_decimals(*each, "each", rule.each);
      }
    }
    read_domain(yaml, rule);
    if (best && max && *best < *max) {
      m_read.warning(yaml.pos,
                     m_read.say("\"{}\": mức cao nhất của cách chấm chỉ cho {} điểm, thấp hơn điểm tối đa {}; tiêu "
                                "chí không bao giờ đạt điểm tối đa",
                                "\"{}\": the rule gives at best {} points, less than the max {}; the criterion can "
                                "never earn full points",
                                node.id, m_read.num(*best), m_read.num(*max)),
                     "rule_below_max", node.id);
    }
    return rule;
  }

  // Reads `unit` and `range` (SPEC §5.1). On a type that takes neither, they
  // are unknown keys, already reported.
  void read_domain(const YamlNode& yaml, Rule& rule) {
    const auto takes = [&](std::string_view key) {
      const std::vector<std::string> known = rule_parameters(rule.type);
      return std::find(known.begin(), known.end(), key) != known.end();
    };
    const YamlNode* unit = takes("unit") ? yaml.find("unit") : nullptr;
    const YamlNode* range = takes("range") ? yaml.find("range") : nullptr;
    const std::string_view type = k_rule_names[static_cast<std::size_t>(rule.type)];
    if (unit != nullptr) {
      if (const auto choice = m_read.choice(*unit, "unit", {"percent", "count"})) {
        rule.unit = *choice == 0 ? ValueUnit::percent : ValueUnit::count;
        const bool fits =
            rule.type == RuleType::bands || (rule.type == RuleType::ratio && rule.unit == ValueUnit::percent) ||
            ((rule.type == RuleType::per_item || rule.type == RuleType::deduct) && rule.unit == ValueUnit::count);
        if (!fits) {
          m_read.error(unit->pos,
                       m_read.say("unit: {} không dùng được với cách chấm loại {}",
                                  "unit: {} makes no sense for a rule of type {}", unit->text, type),
                       "domain");
          rule.unit = ValueUnit::none;
        }
      }
    }
    if (range != nullptr) {
      if (unit != nullptr) {
        m_read.error(range->pos,
                     m_read.say("range: chỉ được có một trong hai khóa unit hoặc range",
                                "range: give either a unit or a range, not both"),
                     "domain");
        return;
      }
      if (!range->is_sequence() || range->items.size() != 2) {
        m_read.error(range->pos,
                     m_read.say("range: cần [MIN, MAX], nhưng gặp {}", "range: expected [MIN, MAX], found {}",
                                m_read.found(*range)),
                     "type");
        return;
      }
      const auto low = m_read.number(range->items[0], "range");
      const auto high = m_read.number(range->items[1], "range");
      if (!low || !high) {
        return;
      }
      if (*low > *high) {
        m_read.error(range->pos,
                     m_read.say("range: MIN {} lớn hơn MAX {}", "range: MIN {} is greater than MAX {}",
                                m_read.num(*low), m_read.num(*high)),
                     "range");
        return;
      }
      rule.range = ValueRange{*low, *high};
    }
  }

  // Refuses a max or rule parameter with more decimals than the set's precision:
  // rounded, it could be reported above what the criteria publish.
  void check_decimals(const YamlNode& at, std::string_view what, const Decimal& value) {
    const int decimals = value.decimals();
    if (decimals > m_criteria.precision) {
      m_read.error(at.pos,
                   m_read.say("{}: {} có {} chữ số thập phân, nhiều hơn precision {}",
                              "{}: {} has more decimals ({}) than the precision {}", what, m_read.num(value), decimals,
                              m_criteria.precision),
                   "precision");
    }
  }

  void check_award(const YamlNode& at, std::string_view what, const Decimal& points, const Node& node,
                   const std::optional<Decimal>& max) {
    check_decimals(at, what, points);
    if (max && points > *max) {
      m_read.error(at.pos,
                   m_read.say("{}: cho {} điểm, vượt điểm tối đa {} của \"{}\"",
                              "{}: awards {} points, more than the max {} of \"{}\"", what, m_read.num(points),
                              m_read.num(*max), node.id),
                   "above_max");
    }
  }

  std::optional<Decimal> read_levels(const YamlNode& list, Rule& rule, const Node& node,
                                     const std::optional<Decimal>& max) {
    if (!m_read.expect_sequence(list, "levels")) {
      return std::nullopt;
    }
    if (list.items.empty()) {
      m_read.error(list.pos, m_read.say("levels: danh sách không được rỗng", "levels: the list must not be empty"),
                   "empty");
      return std::nullopt;
    }
    std::optional<Decimal> best;
    for (const YamlNode& item : list.items) {
      if (!m_read.expect_map(item, "levels")) {
        continue;
      }
      const std::string where = m_read.say("một mức (levels)", "a level");
      m_read.check_keys(item, {"label", "points"}, where);
      const YamlNode* label_node = m_read.require(item, "label", where);
      const YamlNode* points_node = m_read.require(item, "points", where);
      const auto label = label_node ? m_read.identifier(*label_node, "label") : std::nullopt;
      const auto points = points_node ? m_read.non_negative_number(*points_node, "points") : std::nullopt;
      if (!label || !points) {
        continue;
      }
      check_award(*points_node, m_read.say("mức \"{}\"", "the level \"{}\"", *label), *points, node, max);
      const bool duplicate = std::any_of(rule.levels.begin(), rule.levels.end(),
                                         [&](const Level& level) { return level.label == *label; });
      if (duplicate) {
        m_read.error(label_node->pos, m_read.say("mức \"{}\" bị lặp", "the level \"{}\" is listed twice", *label),
                     "duplicate");
        continue;
      }
      if (!rule.levels.empty() && rule.levels.back().points < *points) {
        m_read.error(
            points_node->pos,
            m_read.say("levels phải liệt kê từ mức điểm cao nhất xuống: \"{}\" ({}) đứng sau \"{}\" ({})",
                       "levels must be listed from the highest points down: \"{}\" ({}) comes after \"{}\" "
                       "({})",
                       *label, m_read.num(*points), rule.levels.back().label, m_read.num(rule.levels.back().points)),
            "order");
      }
      best = best ? cchc::max(*best, *points) : *points;
      rule.levels.push_back({*label, *points});
    }
    return best;
  }

  std::optional<Decimal> read_bands(const YamlNode& list, Rule& rule, const Node& node,
                                    const std::optional<Decimal>& max) {
    if (!m_read.expect_sequence(list, "bands")) {
      return std::nullopt;
    }
    if (list.items.empty()) {
      m_read.error(list.pos, m_read.say("bands: danh sách không được rỗng", "bands: the list must not be empty"),
                   "empty");
      return std::nullopt;
    }
    std::optional<Decimal> best;
    for (const YamlNode& item : list.items) {
      if (!m_read.expect_map(item, "bands")) {
        continue;
      }
      const std::string where = m_read.say("một khoảng (bands)", "a band");
      m_read.check_keys(item, {"at_least", "above", "at_most", "below", "points"}, where);
      Band band;
      int tests = 0;
      const YamlNode* threshold_node = nullptr;
      constexpr std::string_view k_tests[] = {"at_least", "above", "at_most", "below"};
      for (std::size_t i = 0; i < 4; ++i) {
        if (const YamlNode* test = item.find(k_tests[i])) {
          ++tests;
          band.test = static_cast<BandTest>(i);
          threshold_node = test;
        }
      }
      if (tests != 1) {
        m_read.error(item.pos,
                     m_read.say("mỗi khoảng cần đúng một điều kiện at_least, above, at_most hoặc below (gặp {})",
                                "each band needs exactly one of at_least, above, at_most or below (found {})", tests),
                     "band_test");
      }
      const YamlNode* points_node = m_read.require(item, "points", where);
      const auto threshold =
          threshold_node ? m_read.number(*threshold_node, k_tests[static_cast<int>(band.test)]) : std::nullopt;
      const auto points = points_node ? m_read.non_negative_number(*points_node, "points") : std::nullopt;
      if (tests != 1 || !threshold || !points) {
        continue;
      }
      check_award(*points_node, "points", *points, node, max);
      band.threshold = *threshold;
      band.points = *points;
      best = best ? cchc::max(*best, *points) : *points;
      rule.bands.push_back(band);
    }
    return best;
  }

  std::optional<CappedSection> read_capped(const YamlNode& yaml, std::string_view key, Section section) {
    if (!m_read.expect_map(yaml, key)) {
      return std::nullopt;
    }
    m_read.check_keys(yaml, {"max", "items"}, key);
    CappedSection capped;
    if (const YamlNode* max = m_read.require(yaml, "max", key)) {
      capped.max = m_read.positive_number(*max, "max").value_or(Decimal());
      check_decimals(*max, "max", capped.max);
    }
    if (const YamlNode* items = m_read.require(yaml, "items", key)) {
      bool all_valid = true;
      read_node_list(*items, "items", section, -1, capped.items, all_valid);
    }
    return capped;
  }

  void read_profiles(const YamlNode& yaml) {
    if (!m_read.expect_map(yaml, "profiles")) {
      return;
    }
    std::vector<std::string> ids;
    ids.reserve(m_criteria.nodes.size());
    for (const Node& node : m_criteria.nodes) {
      ids.push_back(node.id);
    }
    for (const YamlEntry& entry : yaml.entries) {
      Profile profile;
      profile.id = entry.key.text;
      const std::string where = m_read.say("hồ sơ áp dụng \"{}\"", "profile \"{}\"", profile.id);
      if (!m_read.expect_map(entry.value, where)) {
        continue;
      }
      m_read.check_keys(entry.value, {"title", "na"}, where);
      if (const YamlNode* title = m_read.require(entry.value, "title", where)) {
        profile.title = m_read.text(*title, "title").value_or("");
      }
      const YamlNode* na = m_read.require(entry.value, "na", where);
      if (na != nullptr && m_read.expect_sequence(*na, "na")) {
        for (const YamlNode& item : na->items) {
          const auto id = m_read.identifier(item, "na");
          if (!id) {
            continue;
          }
          const int index = m_criteria.find(*id);
          if (index < 0) {
            std::string message = m_read.say("{}: không có tiêu chí \"{}\"", "{}: there is no node \"{}\"", where, *id);
            if (const auto suggestion = detail::did_you_mean(*id, ids)) {
              message += m_read.say("; có phải là \"{}\"?", "; did you mean \"{}\"?", *suggestion);
            }
            m_read.error(item.pos, std::move(message), "unknown_id");
            continue;
          }
          if (const int never = find_never(index); never >= 0) {
            m_read.error(item.pos,
                         m_read.say("{}: \"{}\" có na: never nên không thể là không áp dụng",
                                    "{}: \"{}\" has na: never and cannot be not applicable", where,
                                    m_criteria.nodes[static_cast<std::size_t>(never)].id),
                         "na_never");
            continue;
          }
          profile.na.push_back(index);
        }
      }
      m_criteria.profiles.push_back(std::move(profile));
    }
  }

  // The first node at or under `index` whose na policy is never, or -1.
  int find_never(int index) const {
    const Node& node = m_criteria.nodes[static_cast<std::size_t>(index)];
    if (node.na == NaPolicy::never) {
      return index;
    }
    for (const int child : node.children) {
      if (const int found = find_never(child); found >= 0) {
        return found;
      }
    }
    return -1;
  }

  const detail::YamlDocument& m_document;
  DiagnosticSink m_sink;
  Reader m_read;
  Criteria m_criteria;
};

}  // namespace

Criteria load_criteria(const InputFile& file, Lang lang) {
  return CriteriaLoader(file.document(), lang).load();
}

Criteria parse_criteria(std::string_view text, const std::string& path, Lang lang) {
  return load_criteria(InputFile::parse(text, path, lang), lang);
}

}  // namespace cchc
