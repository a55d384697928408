#pragma once

// Helpers shared by the unit tests: load from strings, collect diagnostics.

#include <string>
#include <string_view>
#include <vector>

#include "cchc/criteria.hpp"
#include "cchc/diagnostic.hpp"
#include "cchc/evidence.hpp"

namespace cchc::test {

// The formatted diagnostics a failing call throws, one per line; "" when it
// does not throw.
template <typename Call>
std::string diagnostics_of(Call call) {
  try {
    call();
  } catch (const InputError& error) {
    std::string out;
    for (const Diagnostic& diagnostic : error.diagnostics()) {
      out += format_diagnostic(diagnostic) + "\n";
    }
    return out;
  }
  return "";
}

inline std::string criteria_errors(std::string_view text, Lang lang = Lang::en) {
  return diagnostics_of([&] { parse_criteria(text, "c.yaml", lang); });
}

inline std::string warnings_text(const std::vector<Diagnostic>& warnings) {
  std::string out;
  for (const Diagnostic& diagnostic : warnings) {
    out += format_diagnostic(diagnostic) + "\n";
  }
  return out;
}

}  // namespace cchc::test

namespace cchc::test {

// A small criteria set with every rule type, a profile, bonus and penalty.
// Scale 12: field 1 (4), field 2 (4), field 3 (2, TTHC), field 4 (2, survey).
inline constexpr std::string_view k_criteria = R"(cchc: criteria/1
id: t-2023
title: "Bộ tiêu chí thử"
year: 2023
scale: 12
precision: 2
grades:
  - {label: "Xuất sắc", min: 90}
  - {label: "Tốt", min: 80}
  - {label: "Khá", min: 70}
  - {label: "Yếu", min: 0}
profiles:
  no_tthc: {title: "Đơn vị không có TTHC", na: ["3"]}
fields:
  - id: "1"
    title: "Chỉ đạo, điều hành"
    max: 4
    owner: "Văn phòng"
    children:
      - {id: "1.1", title: "Kiểm tra", max: 1, rule: {type: check}, na: never}
      - {id: "1.2", title: "Kế hoạch", max: 1, rule: {type: deadline, due: 2023-01-15, late: 0.5, until: 2023-02-15}}
      - id: "1.3"
        title: "Mức độ"
        max: 1
        rule: {type: levels, levels: [{label: "Tốt", points: 1}, {label: "Khá", points: 0.75}, {label: "Đạt", points: 0.5}]}
      - id: "1.4"
        title: "Tỷ lệ đúng hạn"
        max: 1
        documents: required
        rule: {type: bands, bands: [{at_least: 100, points: 1}, {at_least: 98, points: 0.75}, {above: 90, points: 0.5}]}
  - id: "2"
    title: "Thể chế"
    max: 4
    children:
      - {id: "2.1", title: "Tỷ lệ", max: 1, rule: {type: ratio, target: 80, floor: 20}}
      - {id: "2.2", title: "Số sản phẩm", max: 1, rule: {type: per_item, each: 0.25}}
      - {id: "2.3", title: "Vi phạm", max: 1, rule: {type: deduct, each: 0.25}}
      - {id: "2.4", title: "Thẩm định viên chấm", max: 1, method: assessor, rule: {type: assessed}}
  - id: "3"
    title: "TTHC"
    max: 2
    children:
      - {id: "3.1", title: "Công khai", max: 1, rule: {type: check}}
      - {id: "3.2", title: "Trực tuyến", max: 1, na: full, rule: {type: check}}
  - id: "4"
    title: "Khảo sát"
    max: 2
    method: survey
    children:
      - {id: "4.1", title: "Hài lòng", max: 2, rule: {type: assessed}}
bonus:
  max: 1
  items:
    - {id: "T1", title: "Sáng kiến", max: 2, rule: {type: per_item, each: 0.5}}
penalty:
  max: 1
  items:
    - {id: "P1", title: "Báo cáo chậm", max: 2, rule: {type: per_item, each: 0.25}}
)";

// The fixture, loaded once.
inline const Criteria& fixture_criteria() {
  static const Criteria loaded = parse_criteria(k_criteria, "t.yaml", Lang::en);
  return loaded;
}

// An evidence file header for the fixture; append `items:` etc.
inline std::string evidence_header(std::string_view unit_extra = "") {
  return std::string("cchc: evidence/1\ncriteria: t-2023\nyear: 2023\nunit: {id: u1, name: \"Đơn vị 1\"") +
         std::string(unit_extra) + "}\n";
}

}  // namespace cchc::test
