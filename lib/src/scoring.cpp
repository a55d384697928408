#include "cchc/scoring.hpp"

#include <algorithm>
#include <filesystem>
#include <optional>

#include "cchc/describe.hpp"
#include "localized.hpp"

namespace cchc {

std::string reason_code(Reason reason) {
  switch (reason) {
    case Reason::none:
      return "";
    case Reason::missing:
      return "missing";
    case Reason::no_documents:
      return "no_documents";
    case Reason::not_done:
      return "not_done";
    case Reason::late:
      return "late";
    case Reason::below_target:
      return "below_target";
    case Reason::level:
      return "level";
    case Reason::count:
      return "count";
    case Reason::violations:
      return "violations";
    case Reason::assessed:
      return "assessed";
    case Reason::appraised:
      return "appraised";
  }
  return "";
}

std::string reason_text(Reason reason, Lang lang) {
  switch (reason) {
    case Reason::none:
      return "";
    case Reason::missing:
      return std::string(tr(lang, "chưa kê khai", "not reported"));
    case Reason::no_documents:
      return std::string(tr(lang, "thiếu tài liệu kiểm chứng", "no evidence documents"));
    case Reason::not_done:
      return std::string(tr(lang, "chưa thực hiện", "not done"));
    case Reason::late:
      return std::string(tr(lang, "chậm thời hạn", "late"));
    case Reason::below_target:
      return std::string(tr(lang, "chưa đạt chỉ tiêu", "below target"));
    case Reason::level:
      return std::string(tr(lang, "mức độ chưa đạt tối đa", "level below the top"));
    case Reason::count:
      return std::string(tr(lang, "chưa đủ số lượng", "too few items"));
    case Reason::violations:
      return std::string(tr(lang, "có vi phạm", "violations"));
    case Reason::assessed:
      return std::string(tr(lang, "đánh giá chưa đạt tối đa", "assessed below the max"));
    case Reason::appraised:
      return std::string(tr(lang, "bị trừ khi thẩm định", "reduced at appraisal"));
  }
  return "";
}

std::string status_code(LeafStatus status) {
  switch (status) {
    case LeafStatus::full:
      return "full";
    case LeafStatus::partial:
      return "partial";
    case LeafStatus::zero:
      return "zero";
    case LeafStatus::missing:
      return "missing";
    case LeafStatus::na:
      return "na";
  }
  return "";
}

std::string source_code(Source source) {
  switch (source) {
    case Source::rule:
      return "rule";
    case Source::appraisal:
      return "appraisal";
    case Source::na:
      return "na";
    case Source::none:
      return "none";
  }
  return "";
}

std::string method_code(Method method) {
  switch (method) {
    case Method::self:
      return "self";
    case Method::survey:
      return "survey";
    case Method::system:
      return "system";
    case Method::assessor:
      return "assessor";
  }
  return "";
}

namespace {

// What a rule gives for a value, before rounding, with the reason when it
// is less than max.
struct RuleOutcome {
  Decimal points;
  Reason reason = Reason::none;
  std::string detail;
};

class Scorer {
 public:
  Scorer(const Criteria& criteria, const Evidence& evidence, const ScoreOptions& options)
      : m_criteria(criteria), m_evidence(evidence), m_lang(options.lang), m_options(options) {}

  ScoreResult run() {
    m_result.nodes.resize(m_criteria.nodes.size());
    if (const Profile* profile = m_criteria.find_profile(m_evidence.unit.profile)) {
      m_profile = profile;
    }
    for (const int field : m_criteria.fields) {
      score_node(field, std::nullopt);
      m_result.earned += node(field).points;
      m_result.applicable_max += node(field).applicable_max;
    }
    if (m_result.applicable_max == Decimal(0)) {
      throw InputError(m_evidence.path,
                       say("không có tiêu chí nào áp dụng được (điểm tối đa áp dụng bằng 0): không thể tính chỉ số",
                           "nothing is applicable (the applicable max is 0): no index can be computed"));
    }
    m_result.bonus = capped_section(m_criteria.bonus);
    m_result.penalty = capped_section(m_criteria.penalty);
    m_result.points = cchc::max(Decimal(0), m_result.earned + m_result.bonus - m_result.penalty);
    const int precision = m_criteria.precision;
    m_result.index =
        cchc::min(Decimal(100), Decimal::mul_div(m_result.points, 100, m_result.applicable_max, precision));
    m_result.coverage = Decimal::mul_div(m_result.applicable_max, 100, m_criteria.scale, precision);
    if (const Grade* grade = m_criteria.grade_for(m_result.index)) {
      m_result.grade = grade->label;
    }
    collect_leaves();
    check_documents();
    cap_warnings();
    return std::move(m_result);
  }

 private:
  struct NotApplicable {
    NaPolicy policy;
    std::string reason;
  };

  template <typename... Args>
  std::string say(std::string_view vi, std::string_view en, const Args&... args) const {
    return detail::say(m_lang, vi, en, args...);
  }

  std::string num(const Decimal& value) const { return format_number_short(value, m_lang); }
  std::string points_text(const Decimal& value) const { return format_points(value, m_lang); }

  NodeResult& node(int index) { return m_result.nodes[static_cast<std::size_t>(index)]; }

  const Item* item_for(int index) const { return m_evidence.item_for(index); }

  bool in_profile(int index) const {
    return m_profile != nullptr && std::find(m_profile->na.begin(), m_profile->na.end(), index) != m_profile->na.end();
  }

  void score_node(int index, std::optional<NotApplicable> na) {
    const Node& criterion = m_criteria.nodes[static_cast<std::size_t>(index)];
    if (!na) {
      if (const Item* item = item_for(index); item != nullptr && item->na) {
        na = NotApplicable{criterion.na, item->reason};
      } else if (in_profile(index)) {
        na = NotApplicable{criterion.na, m_profile->title};
      }
    }
    NodeResult& result = node(index);
    if (na) {
      result.na = true;
      result.na_reason = na->reason;
    }
    if (criterion.is_leaf()) {
      score_leaf(index, criterion, na);
      return;
    }
    Decimal points;
    Decimal applicable;
    for (const int child : criterion.children) {
      score_node(child, na);
      points += node(child).points;
      applicable += node(child).applicable_max;
    }
    NodeResult& parent = node(index);
    parent.points = points;
    parent.applicable_max = applicable;
  }

  void score_leaf(int index, const Node& leaf, const std::optional<NotApplicable>& na) {
    NodeResult& result = node(index);
    const Item* item = item_for(index);
    if (item != nullptr) {
      result.self_score = item->self_score;
      result.appraised = item->appraised;
    }
    if (na) {
      result.status = LeafStatus::na;
      result.source = Source::na;
      const bool full = na->policy == NaPolicy::full;
      result.points = full ? leaf.max : Decimal(0);
      result.applicable_max = full ? leaf.max : Decimal(0);
      return;
    }
    result.applicable_max = leaf.max;
    if (item == nullptr || !item->value) {
      result.status = LeafStatus::missing;
      result.reason = Reason::missing;
      result.detail = item == nullptr ? say("chưa có trong hồ sơ đánh giá", "not in the evidence file")
                                      : say("giá trị để trống", "the value is empty");
      if (leaf.section == Section::fields) {
        not_declared(leaf, item);
      }
      return;
    }
    const int precision = m_criteria.precision;
    RuleOutcome outcome = apply_rule(leaf, *item->value);
    outcome.points = outcome.points.rounded(precision);
    result.rule_points = outcome.points;
    result.source = Source::rule;
    // A penalty stands on the authority's finding: citing nothing must not avoid it (SPEC §2).
    if (leaf.documents == DocumentPolicy::required && leaf.section != Section::penalty && item->documents.empty() &&
        outcome.points > Decimal(0)) {
      outcome.points = Decimal(0);
      outcome.reason = Reason::no_documents;
      outcome.detail = say("bắt buộc có tài liệu kiểm chứng nhưng hồ sơ không liệt kê tài liệu nào",
                           "evidence documents are required but none is listed");
    }
    result.points = outcome.points;
    result.reason = outcome.points < leaf.max ? outcome.reason : Reason::none;
    result.detail = outcome.points < leaf.max ? outcome.detail : std::string();
    if (item->appraised) {
      const Decimal appraised = item->appraised->rounded(precision);
      result.source = Source::appraisal;
      result.points = appraised;
      if (appraised < outcome.points) {
        result.reason = Reason::appraised;
        result.detail = say("thẩm định cho {}, cách chấm cho {}", "appraised at {}, the rule gives {}",
                            points_text(appraised), num(outcome.points));
      } else if (appraised == leaf.max) {
        result.reason = Reason::none;
        result.detail.clear();
      }
    }
    result.status = result.points >= leaf.max     ? LeafStatus::full
                    : result.points == Decimal(0) ? LeafStatus::zero
                                                  : LeafStatus::partial;
  }

  RuleOutcome apply_rule(const Node& leaf, const Value& value) const {
    const Rule& rule = *leaf.rule;
    const Decimal& max = leaf.max;
    switch (rule.type) {
      case RuleType::check:
        if (std::get<bool>(value)) {
          return {max, Reason::none, {}};
        }
        return {Decimal(0), Reason::not_done, say("hồ sơ ghi false", "the evidence says false")};
      case RuleType::levels: {
        const auto& label = std::get<std::string>(value);
        const auto level = std::find_if(rule.levels.begin(), rule.levels.end(),
                                        [&](const Level& candidate) { return candidate.label == label; });
        return {level->points, Reason::level,
                say("đạt mức \"{}\" ({}), mức cao nhất là \"{}\"", "level \"{}\" ({}), the top is \"{}\"", label,
                    points_text(level->points), rule.levels.front().label)};
      }
      case RuleType::deadline:
        return apply_deadline(rule, max, value);
      case RuleType::bands: {
        const Decimal& measured = std::get<Decimal>(value);
        for (const Band& band : rule.bands) {
          if (band_holds(band, measured)) {
            return {band.points, Reason::below_target,
                    say("đạt {} (mức {} {}: {})", "{} ({} {}: {})", num(measured), band_test_text(band.test),
                        num(band.threshold), points_text(band.points))};
          }
        }
        return {Decimal(0), Reason::below_target,
                say("đạt {}, không thuộc mức nào được điểm", "{} meets no band that earns points", num(measured))};
      }
      case RuleType::ratio:
        return apply_ratio(rule, max, value);
      case RuleType::per_item: {
        const Decimal& count = std::get<Decimal>(value);
        Decimal points = max;
        try {
          points = cchc::min(max, rule.each * count);
        } catch (const DecimalOverflow&) {
          // So many items that the product leaves the range: far above max.
        }
        return {points, Reason::count,
                say("{0} sản phẩm × {2} = {3}, tối đa {4}", "{0} {1} × {2} = {3}, max {4}", num(count),
                    count == Decimal(1) ? "item" : "items", num(rule.each), points_text(points), num(max))};
      }
      case RuleType::deduct: {
        const Decimal& violations = std::get<Decimal>(value);
        Decimal points = Decimal(0);
        try {
          points = cchc::max(Decimal(0), max - rule.each * violations);
        } catch (const DecimalOverflow&) {
          // So many violations that nothing is left.
        }
        return {points, Reason::violations,
                say("{0} vi phạm, trừ {2} mỗi vi phạm", "{0} {1}, {2} off each", num(violations),
                    violations == Decimal(1) ? "violation" : "violations", points_text(rule.each))};
      }
      case RuleType::assessed: {
        const Decimal& points = std::get<Decimal>(value);
        return {points, Reason::assessed,
                say("được chấm {}/{}", "assessed at {} of {}", num(points), points_text(max))};
      }
    }
    return {};
  }

  RuleOutcome apply_deadline(const Rule& rule, const Decimal& max, const Value& value) const {
    if (std::holds_alternative<bool>(value)) {
      return {Decimal(0), Reason::not_done,
              say("hạn {}, hồ sơ ghi false", "due {}, the evidence says false", rule.due.vietnamese())};
    }
    const Date& done = std::get<Date>(value);
    if (done <= rule.due) {
      return {max, Reason::none, {}};
    }
    if (rule.until && done > *rule.until) {
      return {Decimal(0), Reason::not_done,
              say("ban hành {}, sau thời hạn cuối {} (hạn {})", "done {}, after the last date {} (due {})",
                  done.vietnamese(), rule.until->vietnamese(), rule.due.vietnamese())};
    }
    return {rule.late, Reason::late,
            say("ban hành {}, sau hạn {}", "done {}, after the deadline {}", done.vietnamese(), rule.due.vietnamese())};
  }

  RuleOutcome apply_ratio(const Rule& rule, const Decimal& max, const Value& value) const {
    const int precision = m_criteria.precision;
    if (const auto* percent = std::get_if<Decimal>(&value)) {
      const std::string shown = num(*percent) + "%";
      if (rule.floor && *percent < *rule.floor) {
        return {Decimal(0), Reason::below_target,
                say("đạt {}, dưới ngưỡng tối thiểu {}%", "{}, below the floor of {}%", shown, num(*rule.floor))};
      }
      if (*percent >= rule.target) {
        return {max, Reason::none, {}};
      }
      // Rounded by the caller; mul_div at 9 decimals keeps it exact enough
      // that the single half-up rounding at `precision` is the one that counts.
      return {Decimal::mul_div(max, *percent, rule.target, precision), Reason::below_target,
              say("đạt {}, chỉ tiêu {}%", "{} against a target of {}%", shown, num(rule.target))};
    }
    const auto& counts = std::get<DoneOf>(value);
    // 100 · done / of, compared exactly as products.
    const Decimal hundred_done = Decimal(100) * counts.done;
    const std::string shown = say("{}/{} = {}%", "{}/{} = {}%", num(counts.done), num(counts.of),
                                  num(Decimal::mul_div(counts.done, 100, counts.of, 2)));
    if (rule.floor && hundred_done < *rule.floor * counts.of) {
      return {Decimal(0), Reason::below_target,
              say("đạt {}, dưới ngưỡng tối thiểu {}%", "{}, below the floor of {}%", shown, num(*rule.floor))};
    }
    if (hundred_done >= rule.target * counts.of) {
      return {max, Reason::none, {}};
    }
    return {Decimal::mul_div(max, hundred_done, rule.target * counts.of, precision), Reason::below_target,
            say("đạt {}, chỉ tiêu {}%", "{} against a target of {}%", shown, num(rule.target))};
  }

  static bool band_holds(const Band& band, const Decimal& value) {
    switch (band.test) {
      case BandTest::at_least:
        return value >= band.threshold;
      case BandTest::above:
        return value > band.threshold;
      case BandTest::at_most:
        return value <= band.threshold;
      case BandTest::below:
        return value < band.threshold;
    }
    return false;
  }

  static std::string band_test_text(BandTest test) {
    switch (test) {
      case BandTest::at_least:
        return "≥";
      case BandTest::above:
        return ">";
      case BandTest::at_most:
        return "≤";
      case BandTest::below:
        return "<";
    }
    return "";
  }

  Decimal capped_section(const std::optional<CappedSection>& section) {
    if (!section) {
      return Decimal(0);
    }
    Decimal total;
    for (const int item : section->items) {
      score_node(item, std::nullopt);
      total += node(item).points;
    }
    return cchc::min(section->max, total);
  }

  // Deductions, method totals and overclaims, in criteria order.
  void collect_leaves() {
    for (std::size_t i = 0; i < m_criteria.nodes.size(); ++i) {
      const Node& leaf = m_criteria.nodes[i];
      if (!leaf.is_leaf()) {
        continue;
      }
      const NodeResult& result = m_result.nodes[i];
      if (leaf.section == Section::fields) {
        MethodTotal& total = m_result.by_method[static_cast<std::size_t>(leaf.method)];
        total.points += result.points;
        total.applicable_max += result.applicable_max;
        if (!result.na && result.points < leaf.max) {
          m_result.deductions.push_back({static_cast<int>(i), leaf.max - result.points, result.reason, result.detail});
        }
      }
      const Item* item = item_for(static_cast<int>(i));
      if (item != nullptr && item->self_score && leaf.method != Method::self) {
        warn(item->self_score_pos, "self_score_ignored", leaf.id,
             say("self_score không được tính: tiêu chí này do {} chấm (method: {})",
                 "self_score is ignored: this criterion is scored by {} (method: {})", method_text(leaf.method),
                 method_code(leaf.method)));
      } else if (item != nullptr && item->self_score && !result.na && *item->self_score > result.points) {
        warn(item->self_score_pos, "overclaim", leaf.id,
             say("tự chấm {}, cao hơn {} tính theo cách chấm (có thể bị trừ khi thẩm định)",
                 "self-score {} is above the computed {} (the appraisal may take the difference away)",
                 points_text(*item->self_score), points_text(result.points)));
      }
    }
  }

  std::string method_text(Method method) const {
    switch (method) {
      case Method::self:
        return say("đơn vị tự chấm", "the unit itself");
      case Method::survey:
        return say("điều tra xã hội học", "a survey");
      case Method::system:
        return say("hệ thống", "a system");
      case Method::assessor:
        return say("đơn vị thẩm định", "the assessors");
    }
    return "";
  }

  // A leaf with no item, or whose value is empty: a warning, never an error
  // (SPEC §5.1). It points at the item when there is one, else at `items:`
  // (or the file when that is absent too).
  void not_declared(const Node& leaf, const Item* item) {
    ++m_result.undeclared_count;
    m_result.undeclared_points += leaf.max;
    const SourcePos pos = item != nullptr ? item->pos : m_evidence.items_pos;
    warn(pos, "not_declared", leaf.id,
         say("chưa kê khai tiêu chí \"{}\" ({}): 0/{} điểm", "not declared yet: \"{}\" ({}): 0/{} points", leaf.id,
             leaf.title, num(leaf.max)));
  }

  // The cited file `cited` when it stays inside `folder` (the evidence
  // file's): a relative path, no ".." above the folder, no symbolic link
  // leading out of it. nullopt otherwise, so that a file proposed in a pull
  // request cannot make cchc tell whether /root/.netrc exists.
  static std::optional<std::filesystem::path> inside_folder(const std::filesystem::path& folder,
                                                            const std::string& cited) {
    namespace fs = std::filesystem;
    const fs::path relative = fs::path(cited).lexically_normal();
    if (relative.empty() || relative.has_root_path() || *relative.begin() == "..") {
      return std::nullopt;
    }
    const fs::path base = folder.empty() ? fs::path(".") : folder;
    std::error_code error;
    const fs::path real_base = fs::weakly_canonical(base, error);
    if (error) {
      return std::nullopt;
    }
    const fs::path real_file = fs::weakly_canonical(base / relative, error);
    if (error) {
      return std::nullopt;
    }
    const fs::path inside = real_file.lexically_relative(real_base);
    if (inside.empty() || *inside.begin() == "..") {
      return std::nullopt;
    }
    return base / relative;
  }

  void check_documents() {
    const std::filesystem::path folder = std::filesystem::path(m_evidence.path).parent_path();
    const Period& period = m_criteria.period;
    for (const Item& item : m_evidence.items) {
      for (const Document& document : item.documents) {
        const std::string name = document.number.empty() ? document.title : document.number;
        if (document.date && (*document.date < period.from || period.to < *document.date)) {
          warn(document.date_pos, "document_date", item.id,
               say("tài liệu \"{}\" ngày {} nằm ngoài kỳ đánh giá {}–{}",
                   "the document \"{}\" dated {} is outside the assessment period {}–{}", name,
                   document.date->vietnamese(), period.from.vietnamese(), period.to.vietnamese()));
        }
        if (!document.number.empty() && !looks_like_document_number(document.number)) {
          warn(document.number_pos, "document_number", item.id,
               say("số hiệu \"{}\" không giống số, ký hiệu văn bản theo Nghị định 30/2020/NĐ-CP (ví dụ 03/KH-UBND, "
                   "30/2018/QĐ-UBND, 1593/UBND-NC)",
                   "\"{}\" does not look like a Vietnamese document number (e.g. 03/KH-UBND, 30/2018/QĐ-UBND, "
                   "1593/UBND-NC)",
                   document.number));
        }
        if (m_options.check_files && !document.file.empty()) {
          std::error_code error;
          const std::optional<std::filesystem::path> file = inside_folder(folder, document.file);
          if (!file) {
            // Said without looking: whether such a file exists is nobody's business.
            warn(document.file_pos, "file_outside", item.id,
                 say("tệp \"{}\" nằm ngoài thư mục của tệp hồ sơ, nên không được kiểm tra: hãy ghi đường dẫn tương "
                     "đối tới một tệp trong thư mục đó (ví dụ tlkc/kh-03.pdf)",
                     "the file \"{}\" is outside the evidence file's folder, so it is not checked: write a relative "
                     "path to a file inside that folder (e.g. tlkc/kh-03.pdf)",
                     document.file));
          } else if (!std::filesystem::exists(*file, error)) {
            warn(document.file_pos, "missing_file", item.id,
                 say("không tìm thấy tệp \"{}\" (đường dẫn tính từ thư mục của tệp hồ sơ)",
                     "the file \"{}\" does not exist (paths are relative to the evidence file's folder)",
                     document.file));
          }
        }
      }
    }
    // Warnings follow the criteria order, then the file's order.
    std::stable_sort(m_result.warnings.begin(), m_result.warnings.end(), [&](const Diagnostic& a, const Diagnostic& b) {
      return m_criteria.find(a.subject) < m_criteria.find(b.subject);
    });
  }

  // The one cap of a file's reports (k_max_reports_per_file, as the readers'
  // DiagnosticSink): 30,000 cited documents must not give 90,000 warnings
  // and an 18 MB JSON. The first ones, in criteria order, are kept, then one
  // warning says how many there were.
  void cap_warnings() {
    std::vector<Diagnostic>& warnings = m_result.warnings;
    const std::size_t total = warnings.size();
    const auto cap = static_cast<std::size_t>(k_max_reports_per_file);
    if (total <= cap) {
      return;
    }
    warnings.resize(cap);
    Diagnostic marker;
    marker.severity = Severity::warning;
    marker.file = m_evidence.path;
    marker.code = "too_many_warnings";
    marker.message = say("quá nhiều cảnh báo: chỉ báo {} cảnh báo đầu tiên trong số {}",
                         "too many warnings: only the first {} of {} are reported", cap, total);
    warnings.push_back(std::move(marker));
  }

  void warn(SourcePos pos, std::string code, std::string subject, std::string message) {
    Diagnostic warning;
    warning.severity = Severity::warning;
    warning.file = m_evidence.path;
    warning.line = pos.line;
    warning.column = pos.column;
    warning.message = std::move(message);
    warning.code = std::move(code);
    warning.subject = std::move(subject);
    m_result.warnings.push_back(std::move(warning));
  }

  const Criteria& m_criteria;
  const Evidence& m_evidence;
  Lang m_lang;
  const ScoreOptions& m_options;
  const Profile* m_profile = nullptr;
  ScoreResult m_result;
};

}  // namespace

ScoreResult score(const Criteria& criteria, const Evidence& evidence, const ScoreOptions& options) {
  try {
    return Scorer(criteria, evidence, options).run();
  } catch (const DecimalOverflow&) {
    throw InputError(evidence.path, std::string(tr(options.lang, "một con số quá lớn để tính chính xác",
                                                   "a number is too large to be scored exactly")));
  }
}

}  // namespace cchc
