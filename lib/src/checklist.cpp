#include "cchc/checklist.hpp"

#include <algorithm>

#include "cchc/describe.hpp"
#include "cchc/text.hpp"

namespace cchc {

std::string default_remedy(Reason reason, Lang lang) {
  switch (reason) {
    case Reason::none:
      return "";
    case Reason::missing:
      return std::string(tr(lang,
                            "Kê khai đầy đủ kết quả thực hiện và tài liệu kiểm chứng của tiêu chí trong hồ sơ tự "
                            "đánh giá.",
                            "Report the criterion's result and its evidence documents in the self-assessment file."));
    case Reason::no_documents:
      return std::string(tr(lang,
                            "Bổ sung tài liệu kiểm chứng (số, ký hiệu, ngày ban hành, trích yếu văn bản) cho tiêu chí.",
                            "Add the evidence documents (number, date, title) the criterion requires."));
    case Reason::not_done:
      return std::string(tr(lang, "Tổ chức thực hiện nhiệm vụ và ban hành văn bản theo yêu cầu của tiêu chí.",
                            "Carry out the task and issue the documents the criterion asks for."));
    case Reason::late:
      return std::string(tr(lang, "Lập kế hoạch, theo dõi thời hạn và ban hành văn bản đúng hạn quy định.",
                            "Plan ahead, track the deadline and issue the document on time."));
    case Reason::below_target:
      return std::string(tr(lang, "Xây dựng giải pháp nâng tỷ lệ đạt chỉ tiêu; theo dõi, đôn đốc tiến độ hằng quý.",
                            "Set out measures to reach the target; track progress every quarter."));
    case Reason::level:
      return std::string(tr(lang, "Nâng chất lượng thực hiện để đạt mức cao nhất của tiêu chí.",
                            "Raise the quality of the work to reach the criterion's top level."));
    case Reason::count:
      return std::string(tr(lang, "Bổ sung đủ số lượng sản phẩm theo yêu cầu của tiêu chí.",
                            "Produce the number of items the criterion requires."));
    case Reason::violations:
      return std::string(tr(lang, "Rà soát, khắc phục các vi phạm và có biện pháp phòng ngừa tái diễn.",
                            "Review and correct the violations, and prevent them from recurring."));
    case Reason::assessed:
      return std::string(tr(lang, "Phân tích kết quả đánh giá, khảo sát để có giải pháp cải thiện cụ thể.",
                            "Analyse the assessment or survey results and set out concrete improvements."));
    case Reason::appraised:
      return std::string(tr(lang, "Đối chiếu ý kiến thẩm định; bổ sung tài liệu kiểm chứng hoặc giải trình.",
                            "Go through the appraisal's remarks; add evidence documents or a written explanation."));
  }
  return "";
}

namespace {

// Who produced the points, when it is not the unit itself: the unit cannot
// fix those alone, which the plan should say.
std::string note_for(const Node& leaf, const NodeResult& result, Lang lang) {
  std::string note;
  if (leaf.method != Method::self) {
    note = std::string(tr(lang, "Điểm do ", "Points from ")) + method_text(leaf.method, lang);
  }
  if (result.source == Source::appraisal) {
    note += note.empty() ? "" : "; ";
    note += std::string(tr(lang, "Điểm thẩm định", "Appraised points"));
  }
  return note;
}

}  // namespace

Checklist build_checklist(const Criteria& criteria, const Evidence& evidence, const ScoreResult& result,
                          std::optional<Date> due, Lang lang) {
  Checklist checklist;
  std::vector<Deduction> deductions = result.deductions;
  // Largest loss first; deductions come in criteria order, which a stable
  // sort keeps for ties.
  std::stable_sort(deductions.begin(), deductions.end(),
                   [](const Deduction& a, const Deduction& b) { return a.lost > b.lost; });
  for (const Deduction& deduction : deductions) {
    const Node& leaf = criteria.nodes[static_cast<std::size_t>(deduction.node)];
    const NodeResult& node_result = result.nodes[static_cast<std::size_t>(deduction.node)];
    ChecklistRow row;
    row.number = static_cast<int>(checklist.rows.size()) + 1;
    row.node = deduction.node;
    row.id = leaf.id;
    row.title = leaf.title;
    row.reason = deduction.reason;
    row.shortcoming = capitalize_first(reason_text(deduction.reason, lang));
    if (!deduction.detail.empty()) {
      row.shortcoming += ": " + deduction.detail;
    }
    row.lost = deduction.lost;
    row.remedy_is_default = leaf.remedy.empty();
    row.remedy = leaf.remedy.empty() ? default_remedy(deduction.reason, lang) : leaf.remedy;
    row.owner = leaf.owner;
    row.due = due;
    row.note = note_for(leaf, node_result, lang);
    checklist.total_lost += row.lost;
    checklist.rows.push_back(std::move(row));
  }
  for (const Item& item : evidence.items) {
    const NodeResult& node_result = result.nodes[static_cast<std::size_t>(item.node)];
    if (!item.self_score || node_result.na || !(*item.self_score > node_result.points)) {
      continue;
    }
    const Node& leaf = criteria.nodes[static_cast<std::size_t>(item.node)];
    ChecklistOverclaim overclaim{
        item.node, leaf.id, leaf.title, *item.self_score, node_result.points, *item.self_score - node_result.points};
    checklist.total_overclaimed += overclaim.difference;
    checklist.overclaims.push_back(std::move(overclaim));
  }
  return checklist;
}

}  // namespace cchc
