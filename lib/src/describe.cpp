#include "cchc/describe.hpp"

#include <algorithm>
#include <string_view>

namespace cchc {

namespace {

std::string localise_point(std::string text, Lang lang) {
  if (lang == Lang::vi) {
    std::replace(text.begin(), text.end(), '.', ',');
  }
  return text;
}

std::string_view band_sign(BandTest test) {
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
  return "?";
}

std::string describe_deadline(const Node& leaf, const Rule& rule, Lang lang) {
  const std::string due = rule.due.vietnamese();
  std::string out = lang == Lang::vi ? "đúng hạn (đến " + due + "): " + format_points(leaf.max, lang)
                                     : "on time (by " + due + "): " + format_points(leaf.max, lang);
  if (rule.late == Decimal(0)) {
    out += std::string(tr(lang, "; chậm hoặc không thực hiện: 0", "; late or not done: 0"));
    return out;
  }
  out += std::string(tr(lang, "; chậm: ", "; late: ")) + format_points(rule.late, lang);
  if (rule.until) {
    const std::string until = rule.until->vietnamese();
    out += lang == Lang::vi ? "; sau " + until + " hoặc không thực hiện: 0" : "; after " + until + " or not done: 0";
  } else {
    out += std::string(tr(lang, "; không thực hiện: 0", "; not done: 0"));
  }
  return out;
}

std::string describe_ratio(const Node& leaf, const Rule& rule, Lang lang) {
  const std::string max = format_number_short(leaf.max, lang);
  const std::string target = format_number_short(rule.target, lang);
  std::string out = std::string(tr(lang, "điểm = ", "points = ")) + max + " × " +
                    std::string(tr(lang, "tỷ lệ", "rate")) + " / " + target;
  if (rule.target != Decimal(100)) {
    out += std::string(tr(lang, ", tối đa ", ", at most ")) + max;
  }
  if (rule.floor) {
    out += std::string(tr(lang, " (tỷ lệ dưới ", " (rate below ")) + format_number_short(*rule.floor, lang) + ": 0)";
  }
  return out;
}

std::string describe_assessed(const Node& leaf, Lang lang) {
  const std::string range = std::string(tr(lang, ", từ 0 đến ", ", from 0 to ")) + format_number_short(leaf.max, lang);
  switch (leaf.method) {
    case Method::survey:
      return std::string(tr(lang, "điểm do điều tra xã hội học chấm", "points given by the sociological survey")) +
             range;
    case Method::assessor:
      return std::string(tr(lang, "điểm do thẩm định viên chấm", "points given by the assessors")) + range;
    case Method::system:
      return std::string(tr(lang, "điểm do hệ thống chấm", "points given by the system")) + range;
    case Method::self:
      break;
  }
  return std::string(tr(lang, "điểm do thẩm định/điều tra chấm", "points given by appraisal or survey")) + range;
}

}  // namespace

std::string format_number(const Decimal& value, int decimals, Lang lang) {
  // Never round here: a value with more decimals than asked is shown exactly.
  const int digits = std::max(decimals, value.decimals());
  return value.to_string(digits, lang == Lang::vi ? ',' : '.');
}

std::string format_number_short(const Decimal& value, Lang lang) {
  return localise_point(value.to_string(), lang);
}

std::string format_points(const Decimal& value, Lang lang) {
  const std::string number = format_number_short(value, lang);
  if (lang == Lang::vi) {
    return number + " điểm";
  }
  return number + (value == Decimal(1) ? " point" : " points");
}

std::string describe_rule(const Node& leaf, Lang lang) {
  if (!leaf.rule) {
    return {};
  }
  const Rule& rule = *leaf.rule;
  std::string out;
  switch (rule.type) {
    case RuleType::check:
      return lang == Lang::vi ? "Có: " + format_points(leaf.max, lang) + "; không: 0 điểm"
                              : "Yes: " + format_points(leaf.max, lang) + "; no: 0 points";
    case RuleType::levels:
      for (const Level& level : rule.levels) {
        if (!out.empty()) {
          out += "; ";
        }
        out += level.label + ": " + format_number_short(level.points, lang);
      }
      return out;
    case RuleType::deadline:
      return describe_deadline(leaf, rule, lang);
    case RuleType::bands:
      for (const Band& band : rule.bands) {
        out += std::string(band_sign(band.test)) + " " + format_number_short(band.threshold, lang) + ": " +
               format_number_short(band.points, lang) + "; ";
      }
      out += std::string(tr(lang, "còn lại: 0", "otherwise: 0"));
      return out;
    case RuleType::ratio:
      return describe_ratio(leaf, rule, lang);
    case RuleType::per_item: {
      // A penalty counts occurrences (late reports, violations), not products.
      const bool penalty = leaf.section == Section::penalty;
      return lang == Lang::vi
                 ? format_points(rule.each, lang) + (penalty ? " mỗi trường hợp, tối đa " : " mỗi sản phẩm, tối đa ") +
                       format_number_short(leaf.max, lang)
                 : format_points(rule.each, lang) + (penalty ? " per case, at most " : " each, at most ") +
                       format_number_short(leaf.max, lang);
    }
    case RuleType::deduct:
      return lang == Lang::vi
                 ? format_points(leaf.max, lang) + ", trừ " + format_points(rule.each, lang) + " mỗi vi phạm"
                 : format_points(leaf.max, lang) + ", minus " + format_points(rule.each, lang) + " per violation";
    case RuleType::assessed:
      return describe_assessed(leaf, lang);
  }
  return out;
}

std::string describe_value(const Node& leaf, Lang lang) {
  if (!leaf.rule) {
    return {};
  }
  const Rule& rule = *leaf.rule;
  switch (rule.type) {
    case RuleType::check:
      return std::string(tr(lang, "true hoặc false", "true or false"));
    case RuleType::levels: {
      std::string out(tr(lang, "một trong: ", "one of: "));
      for (std::size_t i = 0; i < rule.levels.size(); ++i) {
        if (i > 0) {
          out += ", ";
        }
        out += "\"" + rule.levels[i].label + "\"";
      }
      return out;
    }
    case RuleType::deadline:
      return std::string(tr(lang, "ngày hoàn thành YYYY-MM-DD, hoặc false nếu chưa thực hiện",
                            "the completion date YYYY-MM-DD, or false if not done"));
    case RuleType::bands:
      if (rule.unit == ValueUnit::percent) {
        return std::string(tr(lang, "phần trăm, từ 0 đến 100", "a percentage, 0 to 100"));
      }
      if (rule.unit == ValueUnit::count) {
        return std::string(tr(lang, "một số nguyên ≥ 0", "a whole number ≥ 0"));
      }
      if (rule.range) {
        return std::string(tr(lang, "một số, từ ", "a number, ")) + format_number_short(rule.range->min, lang) +
               std::string(tr(lang, " đến ", " to ")) + format_number_short(rule.range->max, lang);
      }
      return std::string(tr(lang, "một số ≥ 0", "a number ≥ 0"));
    case RuleType::ratio:
      return std::string(
          tr(lang, "phần trăm, từ 0 đến 100, hoặc {done: N, of: M}", "a percentage, 0 to 100, or {done: N, of: M}"));
    case RuleType::per_item:
      if (leaf.section == Section::penalty) {
        return std::string(tr(lang, "số trường hợp (số nguyên ≥ 0)", "the number of cases (a whole number ≥ 0)"));
      }
      return std::string(tr(lang, "số sản phẩm (số nguyên ≥ 0)", "the number of items (a whole number ≥ 0)"));
    case RuleType::deduct:
      return std::string(tr(lang, "số vi phạm (số nguyên ≥ 0)", "the number of violations (a whole number ≥ 0)"));
    case RuleType::assessed:
      return std::string(tr(lang, "điểm từ 0 đến ", "points from 0 to ")) + format_number_short(leaf.max, lang);
  }
  return {};
}

std::string method_text(Method method, Lang lang) {
  switch (method) {
    case Method::self:
      return std::string(tr(lang, "Tự đánh giá", "Self-assessment"));
    case Method::survey:
      return std::string(tr(lang, "Điều tra xã hội học", "Sociological survey"));
    case Method::system:
      return std::string(tr(lang, "Hệ thống", "System"));
    case Method::assessor:
      return std::string(tr(lang, "Thẩm định viên", "Assessor"));
  }
  return {};
}

std::string na_policy_code(NaPolicy policy) {
  switch (policy) {
    case NaPolicy::exclude:
      return "exclude";
    case NaPolicy::full:
      return "full";
    case NaPolicy::never:
      return "never";
  }
  return {};
}

}  // namespace cchc
