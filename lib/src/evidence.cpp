#include "cchc/evidence.hpp"

#include <algorithm>

#include "cchc/describe.hpp"
#include "cchc/input_file.hpp"
#include "localized.hpp"
#include "reader.hpp"
#include "yaml_tree.hpp"

namespace cchc {

namespace {

using detail::Reader;
using detail::YamlEntry;
using detail::YamlNode;

std::string join_quoted(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& word : words) {
    if (!out.empty()) {
      out += ", ";
    }
    out += '"' + word + '"';
  }
  return out;
}

class EvidenceLoader {
 public:
  EvidenceLoader(const detail::YamlDocument& document, const Criteria& criteria, Lang lang)
      : m_document(document), m_criteria(criteria), m_sink(document.path, lang), m_read(m_sink, lang) {}

  Evidence load() {
    m_evidence.path = m_document.path;
    m_evidence.sha256 = m_document.sha256;
    m_evidence.item_of_node.assign(m_criteria.nodes.size(), -1);
    const YamlNode& root = m_document.root;
    if (!m_read.recognise(root, "evidence/1", m_read.say("tệp hồ sơ đánh giá", "an evidence file"))) {
      m_sink.finish();
    }
    const std::string where = m_read.say("hồ sơ đánh giá", "the evidence file");
    m_read.check_keys(root, {"cchc", "criteria", "year", "unit", "items", "bonus", "penalty"}, where);
    if (const YamlNode* node = m_read.require(root, "criteria", where)) {
      if (const auto id = m_read.identifier(*node, "criteria")) {
        m_evidence.criteria_id = *id;
        if (*id != m_criteria.id) {
          m_read.error(node->pos,
                       m_read.say("criteria: hồ sơ này dùng bộ tiêu chí \"{}\", nhưng đang chấm theo \"{}\"",
                                  "criteria: this evidence is for the criteria \"{}\", but it is being scored "
                                  "against \"{}\"",
                                  *id, m_criteria.id),
                       "criteria_mismatch");
          // Its items name another set's nodes: checking them here would only add noise.
          m_sink.finish();
        }
      }
    }
    if (const YamlNode* node = m_read.require(root, "year", where)) {
      if (const auto year = m_read.integer(*node, "year", 1900, 2999)) {
        m_evidence.year = *year;
        if (*year != m_criteria.year) {
          m_read.error(node->pos,
                       m_read.say("year: hồ sơ năm {}, nhưng bộ tiêu chí \"{}\" dành cho năm {}",
                                  "year: the evidence is for {}, but the criteria \"{}\" are for {}", *year,
                                  m_criteria.id, m_criteria.year),
                       "year_mismatch");
        }
      }
    }
    if (const YamlNode* node = m_read.require(root, "unit", where)) {
      read_unit(*node);
    }
    for (const YamlEntry& entry : root.entries) {
      if (entry.key.text == "items") {
        m_evidence.items_pos = entry.key.pos;
      }
    }
    if (const YamlNode* node = root.find("items")) {
      read_items(*node, Section::fields, "items");
    }
    if (const YamlNode* node = root.find("bonus")) {
      read_items(*node, Section::bonus, "bonus");
    }
    if (const YamlNode* node = root.find("penalty")) {
      read_items(*node, Section::penalty, "penalty");
    }
    check_not_applicable();
    sort_items();
    m_sink.finish();  // document warnings are the scorer's: they need the period
    return std::move(m_evidence);
  }

 private:
  void read_unit(const YamlNode& node) {
    if (!m_read.expect_map(node, "unit")) {
      return;
    }
    const std::string where = m_read.say("đơn vị (unit)", "unit");
    m_read.check_keys(node, {"id", "name", "profile"}, where);
    if (const YamlNode* id = m_read.require(node, "id", where)) {
      m_evidence.unit.id = m_read.unit_id(*id, "id").value_or("");
    }
    if (const YamlNode* name = node.find("name")) {
      m_evidence.unit.name = detail::single_line(m_read.text(*name, "name").value_or(""));
    }
    if (m_evidence.unit.name.empty()) {
      m_evidence.unit.name = m_evidence.unit.id;
    }
    if (const YamlNode* profile = node.find("profile")) {
      const auto id = m_read.identifier(*profile, "profile");
      if (id && m_criteria.find_profile(*id) == nullptr) {
        std::vector<std::string> known;
        for (const Profile& candidate : m_criteria.profiles) {
          known.push_back(candidate.id);
        }
        std::string message =
            known.empty()
                ? m_read.say("profile: bộ tiêu chí \"{}\" không có hồ sơ áp dụng nào (gặp \"{}\")",
                             "profile: the criteria \"{}\" define no profiles (found \"{}\")", m_criteria.id, *id)
                : m_read.say("profile: bộ tiêu chí \"{}\" không có \"{}\" (có: {})",
                             "profile: the criteria \"{}\" have no profile \"{}\" (known: {})", m_criteria.id, *id,
                             join_quoted(known));
        if (const auto suggestion = detail::did_you_mean(*id, known)) {
          message += m_read.say("; có phải là \"{}\"?", "; did you mean \"{}\"?", *suggestion);
        }
        m_read.error(profile->pos, std::move(message), "unknown_profile");
      } else if (id) {
        m_evidence.unit.profile = *id;
      }
    }
  }

  void read_items(const YamlNode& map, Section section, std::string_view key) {
    if (!m_read.expect_map(map, key)) {
      return;
    }
    for (const YamlEntry& entry : map.entries) {
      const std::string& id = entry.key.text;
      const int index = m_criteria.find(id);
      if (index < 0) {
        report_unknown_id(entry.key, section);
        continue;
      }
      const Node& node = m_criteria.nodes[static_cast<std::size_t>(index)];
      if (node.section != section) {
        constexpr std::string_view k_keys[] = {"items", "bonus", "penalty"};
        m_read.error(entry.key.pos,
                     m_read.say("\"{}\" thuộc phần {} của bộ tiêu chí: hãy ghi nó dưới khóa {}:",
                                "\"{}\" belongs to the {} section of the criteria: list it under {}:", id,
                                k_keys[static_cast<int>(node.section)], k_keys[static_cast<int>(node.section)]),
                     "wrong_section", id);
        continue;
      }
      read_item(entry, index);
    }
  }

  void report_unknown_id(const YamlNode& key, Section section) {
    std::vector<std::string> ids;
    for (const Node& node : m_criteria.nodes) {
      if (node.section == section) {
        ids.push_back(node.id);
      }
    }
    std::string message = m_read.say("bộ tiêu chí \"{}\" không có tiêu chí \"{}\"",
                                     "the criteria \"{}\" have no node \"{}\"", m_criteria.id, key.text);
    if (const auto suggestion = detail::did_you_mean(key.text, ids)) {
      message += m_read.say("; có phải là \"{}\"?", "; did you mean \"{}\"?", *suggestion);
    }
    m_read.error(key.pos, std::move(message), "unknown_id", key.text);
  }

  void read_item(const YamlEntry& entry, int index) {
    const Node& node = m_criteria.nodes[static_cast<std::size_t>(index)];
    const std::string where = m_read.say("mục \"{}\"", "item \"{}\"", node.id);
    Item item;
    item.id = node.id;
    item.node = index;
    item.pos = entry.key.pos;
    const YamlNode& yaml = entry.value;
    if (!yaml.is_map()) {
      m_read.error(yaml.pos,
                   m_read.say("{}: cần một bảng như {{value: ...}} hoặc {{na: true, reason: ...}}, nhưng gặp {}",
                              "{}: expected a map such as {{value: ...}} or {{na: true, reason: ...}}, found {}", where,
                              m_read.found(yaml)),
                   "type", node.id);
      return;
    }
    if (node.is_leaf()) {
      m_read.check_keys(yaml, {"value", "na", "reason", "documents", "self_score", "appraised", "note"}, where);
    } else {
      for (const YamlEntry& field : yaml.entries) {
        if (field.key.text == "value" || field.key.text == "self_score" || field.key.text == "appraised" ||
            field.key.text == "documents") {
          std::vector<std::string> leaves;
          collect_leaves(index, leaves);
          m_read.error(field.key.pos,
                       m_read.say("{}: \"{}\" có tiêu chí con nên chỉ được ghi na, reason, note; hãy ghi {} cho "
                                  "từng tiêu chí con: {}",
                                  "{}: \"{}\" has sub-criteria, so it may only carry na, reason and note; give {} "
                                  "for each of its leaves: {}",
                                  where, node.id, field.key.text, join_quoted(leaves)),
                       "not_a_leaf", node.id);
        }
      }
      m_read.check_keys(yaml, {"na", "reason", "note", "value", "self_score", "appraised", "documents"}, where);
    }
    if (const YamlNode* na = yaml.find("na")) {
      item.na = m_read.boolean(*na, "na").value_or(false);
    }
    if (const YamlNode* reason = yaml.find("reason")) {
      item.reason = m_read.text(*reason, "reason", true).value_or("");
    }
    if (const YamlNode* note = yaml.find("note")) {
      item.note = m_read.text(*note, "note", true).value_or("");
    }
    const YamlNode* value = yaml.find("value");
    if (item.na) {
      if (item.reason.find_first_not_of(" \t\n") == std::string::npos) {
        m_read.error(yaml.find("na")->pos,
                     m_read.say("{}: na: true cần reason (lý do không áp dụng)",
                                "{}: na: true needs a reason (why it does not apply)", where),
                     "na_reason", node.id);
      }
      if (node.na == NaPolicy::never) {
        m_read.error(yaml.find("na")->pos,
                     m_read.say("{}: tiêu chí này có na: never, không thể đánh dấu không áp dụng",
                                "{}: this criterion has na: never and cannot be marked not applicable", where),
                     "na_never", node.id);
      }
      if (value != nullptr) {
        m_read.error(value->pos,
                     m_read.say("{}: không thể vừa có value vừa na: true",
                                "{}: give either a value or na: true, not both", where),
                     "na_value", node.id);
      }
    } else if (node.is_leaf()) {
      if (value == nullptr) {
        m_read.error(yaml.pos,
                     m_read.say("{}: thiếu value (cần {}), hoặc ghi na: true với reason",
                                "{}: the value is missing (expected {}), or write na: true with a reason", where,
                                expected_value(node)),
                     "missing_value", node.id);
      } else if (!value->is_null()) {  // `value:` or `value: ~` is not declared yet (SPEC §5.1)
        item.value = read_value(*value, node);
      }
    }
    if (node.is_leaf()) {
      if (const YamlNode* documents = yaml.find("documents")) {
        read_documents(*documents, item);
      }
      if (const YamlNode* self_score = yaml.find("self_score")) {
        item.self_score = read_score(*self_score, "self_score", node);
        item.self_score_pos = self_score->pos;
      }
      if (const YamlNode* appraised = yaml.find("appraised")) {
        item.appraised = read_score(*appraised, "appraised", node);
      }
    }
    m_evidence.item_of_node[static_cast<std::size_t>(index)] = static_cast<int>(m_evidence.items.size());
    m_evidence.items.push_back(std::move(item));
  }

  void collect_leaves(int index, std::vector<std::string>& out) const {
    const Node& node = m_criteria.nodes[static_cast<std::size_t>(index)];
    if (node.is_leaf()) {
      out.push_back(node.id);
      return;
    }
    for (const int child : node.children) {
      collect_leaves(child, out);
    }
  }

  std::string expected_value(const Node& node) const {
    switch (node.rule->type) {
      case RuleType::check:
        return m_read.say("true hoặc false", "true or false");
      case RuleType::levels: {
        std::vector<std::string> labels;
        for (const Level& level : node.rule->levels) {
          labels.push_back(level.label);
        }
        return m_read.say("một trong các mức {}", "one of the levels {}", join_quoted(labels));
      }
      case RuleType::deadline:
        return m_read.say("ngày thực hiện YYYY-MM-DD, hoặc false", "the date it was done, YYYY-MM-DD, or false");
      case RuleType::bands:
        return m_read.say("một số", "a number");
      case RuleType::ratio:
        return m_read.say("một tỷ lệ phần trăm, hoặc {{done: N, of: M}}", "a percentage, or {{done: N, of: M}}");
      case RuleType::per_item:
      case RuleType::deduct:
        return m_read.say("một số nguyên ≥ 0", "a whole number ≥ 0");
      case RuleType::assessed:
        return m_read.say("số điểm từ 0 đến {}", "points from 0 to {}", m_read.num(node.max));
    }
    return {};
  }

  std::optional<Value> read_value(const YamlNode& yaml, const Node& node) {
    const Rule& rule = *node.rule;
    switch (rule.type) {
      case RuleType::check:
        if (const auto value = Reader::as_bool(yaml)) {
          return *value;
        }
        break;
      case RuleType::levels:
        if (yaml.is_scalar()) {
          for (const Level& level : rule.levels) {
            if (level.label == yaml.text) {
              return yaml.text;
            }
          }
          std::vector<std::string> labels;
          for (const Level& level : rule.levels) {
            labels.push_back(level.label);
          }
          std::string message =
              m_read.say("value: cần một trong các mức {}, nhưng gặp \"{}\"",
                         "value: expected one of the levels {}, found \"{}\"", join_quoted(labels), yaml.text);
          if (const auto suggestion = detail::did_you_mean(yaml.text, labels)) {
            message += m_read.say("; có phải là \"{}\"?", "; did you mean \"{}\"?", *suggestion);
          }
          m_read.error(yaml.pos, std::move(message), "unknown_level", node.id);
          return std::nullopt;
        }
        break;
      case RuleType::deadline:
        if (const auto done = Reader::as_bool(yaml)) {
          if (!*done) {
            return false;
          }
          break;
        }
        if (yaml.is_scalar()) {
          if (const auto date = Date::parse_iso(yaml.text)) {
            return *date;
          }
          if (const auto typed = Date::parse_vietnamese(yaml.text)) {
            m_read.error(
                yaml.pos,
                m_read.say("value: cần ngày dạng YYYY-MM-DD, nhưng gặp \"{}\" (hãy viết {})",
                           "value: expected a date YYYY-MM-DD, found \"{}\" (write {})", yaml.text, typed->iso()),
                "date", node.id);
            return std::nullopt;
          }
        }
        break;
      case RuleType::bands:
        if (rule.unit == ValueUnit::count) {
          if (const auto value = m_read.whole_number(yaml, "value", describe_value(node, m_read.lang()))) {
            return *value;
          }
          return std::nullopt;
        }
        if (const auto value = m_read.number(yaml, "value", describe_value(node, m_read.lang()))) {
          if (rule.unit == ValueUnit::percent) {
            return in_percent(yaml, node, *value);
          }
          if (rule.range) {
            return in_range(yaml, node, *value, rule.range->min, rule.range->max, false);
          }
          if (*value < Decimal(0)) {
            m_read.error(yaml.pos,
                         m_read.say("value: không được là số âm, nhưng gặp {}",
                                    "value: expected a number ≥ 0, found {}", yaml.text),
                         "domain", node.id);
            return std::nullopt;
          }
          return *value;
        }
        return std::nullopt;
      case RuleType::ratio:
        return read_ratio(yaml, node);
      case RuleType::per_item:
      case RuleType::deduct:
        if (const auto value = m_read.whole_number(yaml, "value", describe_value(node, m_read.lang()))) {
          return *value;
        }
        return std::nullopt;
      case RuleType::assessed:
        if (const auto value = read_score(yaml, "value", node)) {
          return *value;
        }
        return std::nullopt;
    }
    m_read.error(yaml.pos,
                 m_read.say("value: cần {}, nhưng gặp {}", "value: expected {}, found {}", expected_value(node),
                            m_read.found(yaml)),
                 "type", node.id);
    return std::nullopt;
  }

  std::optional<Value> read_ratio(const YamlNode& yaml, const Node& node) {
    if (!yaml.is_map()) {
      if (const auto value = m_read.number(yaml, "value", describe_value(node, m_read.lang()))) {
        return in_percent(yaml, node, *value);
      }
      return std::nullopt;
    }
    const std::string where = "value";
    m_read.check_keys(yaml, {"done", "of"}, where);
    const YamlNode* done_node = m_read.require(yaml, "done", where);
    const YamlNode* of_node = m_read.require(yaml, "of", where);
    const auto done = done_node ? m_read.whole_number(*done_node, "done") : std::nullopt;
    const auto of = of_node ? m_read.whole_number(*of_node, "of") : std::nullopt;
    if (!done || !of) {
      return std::nullopt;
    }
    if (*of == Decimal(0)) {
      m_read.error(of_node->pos,
                   m_read.say("of: tổng số phải lớn hơn 0 (không thể tính tỷ lệ trên 0)",
                              "of: the total must be greater than 0 (no ratio of nothing)"),
                   "range", node.id);
      return std::nullopt;
    }
    if (*done > *of) {
      m_read.error(done_node->pos,
                   m_read.say("done: {} lớn hơn tổng số of: {}", "done: {} is more than the total of: {}",
                              m_read.num(*done), m_read.num(*of)),
                   "range", node.id);
      return std::nullopt;
    }
    return DoneOf{*done, *of};
  }

  // A percentage: in [0, 100], with a hint when a decimal point seems lost.
  std::optional<Value> in_percent(const YamlNode& yaml, const Node& node, const Decimal& value) {
    return in_range(yaml, node, value, Decimal(0), Decimal(100), true);
  }

  // `value` in [low, high], or an error at the value (SPEC §5.1).
  std::optional<Value> in_range(const YamlNode& yaml, const Node& node, const Decimal& value, const Decimal& low,
                                const Decimal& high, bool percent) {
    if (value >= low && value <= high) {
      return value;
    }
    std::string bounds = "[";
    bounds += m_read.num(low);
    bounds += ", ";
    bounds += m_read.num(high);
    bounds += "]";
    std::string message = percent ? m_read.say("value: {} nằm ngoài {} (phần trăm)",
                                               "value: {} is outside {} (a percentage)", yaml.text, bounds)
                                  : m_read.say("value: {} nằm ngoài {}", "value: {} is outside {}", yaml.text, bounds);
    if (percent) {
      if (const auto guess = lost_point(yaml.text, value)) {
        message += m_read.say(" — có phải {}?", "; did you mean {}?", m_read.num(*guess));
      }
    }
    m_read.error(yaml.pos, std::move(message), "domain", node.id);
    return std::nullopt;
  }

  // For a whole percentage above 100 written without decimals ("9985"), the
  // first of value/100, value/1000, ... that is a percentage ("99.85").
  static std::optional<Decimal> lost_point(const std::string& text, const Decimal& value) {
    if (value <= Decimal(100) || !value.is_integer() ||
        !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      return std::nullopt;
    }
    const std::string digits = std::to_string(value.to_int());
    for (std::size_t shift = 2; shift <= digits.size(); ++shift) {
      const std::string whole = digits.substr(0, digits.size() - shift);
      const auto guess =
          Decimal::parse((whole.empty() ? std::string("0") : whole) + "." + digits.substr(digits.size() - shift));
      if (guess && *guess <= Decimal(100)) {
        return guess;
      }
    }
    return std::nullopt;
  }

  // A self-score, an appraised score or an assessed value: in [0, max].
  std::optional<Decimal> read_score(const YamlNode& yaml, std::string_view key, const Node& node) {
    const auto value = m_read.non_negative_number(yaml, key);
    if (value && *value > node.max) {
      m_read.error(yaml.pos,
                   m_read.say("{}: {} vượt điểm tối đa {} của \"{}\"", "{}: {} is above the max {} of \"{}\"", key,
                              m_read.num(*value), m_read.num(node.max), node.id),
                   "above_max", node.id);
      return std::nullopt;
    }
    return value;
  }

  void read_documents(const YamlNode& list, Item& item) {
    if (!m_read.expect_sequence(list, "documents")) {
      return;
    }
    for (const YamlNode& entry : list.items) {
      if (!m_read.expect_map(entry, "documents")) {
        continue;
      }
      const std::string where = m_read.say("tài liệu kiểm chứng", "a document");
      m_read.check_keys(entry, {"number", "date", "title", "issuer", "file", "page"}, where);
      Document document;
      document.pos = entry.pos;
      const auto read_text = [&](std::string_view key, std::string& out, SourcePos* pos) {
        if (const YamlNode* node = entry.find(key)) {
          // A page or number may be written as a plain number: taken as written.
          out = m_read.text(*node, key).value_or("");
          if (pos != nullptr) {
            *pos = node->pos;
          }
        }
      };
      read_text("number", document.number, &document.number_pos);
      read_text("title", document.title, nullptr);
      read_text("issuer", document.issuer, nullptr);
      read_text("file", document.file, &document.file_pos);
      read_text("page", document.page, nullptr);
      if (const YamlNode* date = entry.find("date")) {
        document.date = m_read.date(*date, "date");
        document.date_pos = date->pos;
      }
      if (document.number.empty() && document.title.empty() && document.file.empty()) {
        m_read.error(entry.pos,
                     m_read.say("tài liệu kiểm chứng cần ít nhất số hiệu (number), trích yếu (title) hoặc tệp (file)",
                                "a document needs at least a number, a title or a file"),
                     "document", item.id);
      }
      item.documents.push_back(std::move(document));
    }
  }

  // N/A applies to a whole subtree: its nodes must allow it and must not
  // carry values of their own.
  void check_not_applicable() {
    std::vector<int> marked(m_criteria.nodes.size(), -1);  // node → the node whose mark covers it
    std::vector<std::string> marked_by(m_criteria.nodes.size());
    if (const Profile* profile = m_criteria.find_profile(m_evidence.unit.profile)) {
      for (const int index : profile->na) {
        mark_subtree(index, index, marked);
      }
    }
    for (const Item& item : m_evidence.items) {
      if (item.na) {
        for (const int child : m_criteria.nodes[static_cast<std::size_t>(item.node)].children) {
          const int never = first_never(child);
          if (never >= 0) {
            const Node& bad = m_criteria.nodes[static_cast<std::size_t>(never)];
            m_read.error(item.pos,
                         m_read.say("mục \"{}\": không thể đánh dấu không áp dụng vì tiêu chí con \"{}\" có na: never",
                                    "item \"{}\": cannot be marked not applicable because its sub-criterion \"{}\" has "
                                    "na: never",
                                    item.id, bad.id),
                         "na_never", item.id);
          }
        }
        for (const int child : m_criteria.nodes[static_cast<std::size_t>(item.node)].children) {
          mark_subtree(child, item.node, marked);
        }
      }
    }
    for (const Item& item : m_evidence.items) {
      const int cover = marked[static_cast<std::size_t>(item.node)];
      if (cover < 0 || (!item.value && !item.self_score && !item.appraised)) {
        continue;
      }
      const Node& by = m_criteria.nodes[static_cast<std::size_t>(cover)];
      const bool profile = cover == item.node || !is_item_marked(cover);
      m_read.error(
          item.pos,
          profile
              ? m_read.say("mục \"{}\" có giá trị nhưng \"{}\" không áp dụng theo hồ sơ áp dụng \"{}\"",
                           "item \"{}\" has a value, but \"{}\" is not applicable under the profile \"{}\"", item.id,
                           by.id, m_evidence.unit.profile)
              : m_read.say("mục \"{}\" có giá trị nhưng tiêu chí cha \"{}\" được đánh dấu không áp dụng",
                           "item \"{}\" has a value, but its parent \"{}\" is marked not applicable", item.id, by.id),
          "na_conflict", item.id);
    }
  }

  bool is_item_marked(int index) const {
    const int i = m_evidence.item_of_node[static_cast<std::size_t>(index)];
    return i >= 0 && m_evidence.items[static_cast<std::size_t>(i)].na;
  }

  void mark_subtree(int index, int by, std::vector<int>& marked) const {
    if (marked[static_cast<std::size_t>(index)] < 0) {
      marked[static_cast<std::size_t>(index)] = by;
    }
    for (const int child : m_criteria.nodes[static_cast<std::size_t>(index)].children) {
      mark_subtree(child, by, marked);
    }
  }

  int first_never(int index) const {
    const Node& node = m_criteria.nodes[static_cast<std::size_t>(index)];
    if (node.na == NaPolicy::never) {
      return index;
    }
    for (const int child : node.children) {
      if (const int found = first_never(child); found >= 0) {
        return found;
      }
    }
    return -1;
  }

  // Items are kept in criteria order, whatever order the file lists them in.
  void sort_items() {
    std::sort(m_evidence.items.begin(), m_evidence.items.end(),
              [](const Item& a, const Item& b) { return a.node < b.node; });
    for (std::size_t i = 0; i < m_evidence.items.size(); ++i) {
      m_evidence.item_of_node[static_cast<std::size_t>(m_evidence.items[i].node)] = static_cast<int>(i);
    }
  }

  const detail::YamlDocument& m_document;
  const Criteria& m_criteria;
  DiagnosticSink m_sink;
  Reader m_read;
  Evidence m_evidence;
};

}  // namespace

namespace {

// An error about a whole evidence file, placed at its top-level `key` (or
// at its start when the key is absent).
InputError error_at(const InputFile& file, std::string_view key, std::string message, std::string code) {
  const SourcePos pos = file.top_position(key);
  return InputError(
      {Diagnostic{Severity::error, file.path(), pos.line, pos.column, std::move(message), std::move(code), {}}});
}

}  // namespace

CriteriaReference evidence_criteria(const InputFile& file, const std::string& override_ref, Lang lang) {
  if (file.kind() != "evidence/1") {
    throw error_at(
        file, "cchc",
        file.kind().empty()
            ? std::string(tr(lang,
                             "cần một hồ sơ tự đánh giá bắt đầu bằng \"cchc: evidence/1\", nhưng tệp "
                             "không có dòng \"cchc:\"",
                             "expected an evidence file starting with \"cchc: evidence/1\", found no "
                             "\"cchc:\" tag"))
            : detail::say(lang, "cần một hồ sơ tự đánh giá (cchc: evidence/1), nhưng tệp này là \"cchc: {}\"",
                          "expected an evidence file (cchc: evidence/1), found \"cchc: {}\"", file.kind()),
        "wrong_kind");
  }
  if (!override_ref.empty()) {
    return {override_ref, {}, {}};
  }
  std::string ref = file.top_scalar("criteria");
  if (ref.empty()) {
    throw error_at(file, "criteria",
                   std::string(tr(lang, "không rõ bộ tiêu chí: ghi \"criteria:\" trong tệp hoặc chọn bằng -c CRITERIA",
                                  "no criteria set: write \"criteria:\" in the file or give -c CRITERIA")),
                   "no_criteria");
  }
  return {std::move(ref), file.path(), file.top_position("criteria")};
}

Evidence load_evidence(const InputFile& file, const Criteria& criteria, Lang lang) {
  return EvidenceLoader(file.document(), criteria, lang).load();
}

Evidence parse_evidence(std::string_view text, const std::string& path, const Criteria& criteria, Lang lang) {
  return load_evidence(InputFile::parse(text, path, lang), criteria, lang);
}

}  // namespace cchc

namespace cchc {

namespace {

// Reads one symbol segment: letters (with Đ/đ), digits, '&' and '.',
// starting with a letter. Returns false when there is none at `i`.
bool read_segment(std::string_view text, std::size_t& i) {
  const auto letter_at = [&](std::size_t at, std::size_t& width) {
    const char c = text[at];
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
      width = 1;
      return true;
    }
    // Đ (U+0110) and đ (U+0111).
    if (at + 1 < text.size() && text.substr(at, 2) == "\xC4\x90") {
      width = 2;
      return true;
    }
    if (at + 1 < text.size() && text.substr(at, 2) == "\xC4\x91") {
      width = 2;
      return true;
    }
    return false;
  };
  std::size_t width = 0;
  if (i >= text.size() || !letter_at(i, width)) {
    return false;
  }
  i += width;
  while (i < text.size()) {
    const char c = text[i];
    if ((c >= '0' && c <= '9') || c == '&' || c == '.') {
      ++i;
    } else if (letter_at(i, width)) {
      i += width;
    } else {
      break;
    }
  }
  return true;
}

std::size_t read_digits(std::string_view text, std::size_t& i) {
  const std::size_t start = i;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
    ++i;
  }
  return i - start;
}

}  // namespace

bool looks_like_document_number(std::string_view number) {
  std::size_t i = 0;
  if (read_digits(number, i) == 0) {
    return false;
  }
  if (i < number.size() && number[i] == '-') {
    // Party documents: 05-NQ/TU, 29-KL/TU.
    ++i;
    if (!read_segment(number, i) || i >= number.size() || number[i] != '/') {
      return false;
    }
    ++i;
  } else {
    if (i >= number.size() || number[i] != '/') {
      return false;
    }
    ++i;
    // Regulations carry the year: 30/2018/QĐ-UBND.
    std::size_t year_end = i;
    if (read_digits(number, year_end) == 4 && year_end < number.size() && number[year_end] == '/') {
      i = year_end + 1;
    }
    // The symbol has a type and an issuer, or an issuer and an office: KH-UBND, UBND-NC.
    if (!read_segment(number, i) || i >= number.size() || number[i] != '-') {
      return false;
    }
    ++i;
  }
  if (!read_segment(number, i)) {
    return false;
  }
  while (i < number.size() && number[i] == '-') {
    ++i;
    if (!read_segment(number, i)) {
      return false;
    }
  }
  return i == number.size();
}

}  // namespace cchc
