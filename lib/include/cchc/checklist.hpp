#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cchc/criteria.hpp"
#include "cchc/evidence.hpp"
#include "cchc/scoring.hpp"

namespace cchc {

// One row of the remediation plan (Phụ lục 01 of seed 004): a criterion
// that lost points, what went wrong, and what to do about it.
struct ChecklistRow {
  int number = 0;  // TT, from 1
  int node = -1;   // index into Criteria::nodes
  std::string id;
  std::string title;
  std::string shortcoming;  // the reason in words with its detail: "Chậm thời hạn: ban hành ..."
  Decimal lost;
  Reason reason = Reason::none;
  std::string remedy;  // the criterion's `remedy`, or a sentence for the reason
  bool remedy_is_default = false;
  std::string owner;  // the responsible office (inherited `owner`), "" when none
  std::optional<Date> due;
  std::string note;  // who produced the points when it is not the unit itself
};

// A criterion whose self-score is above what the rules give: points the
// appraisal will take away.
struct ChecklistOverclaim {
  int node = -1;
  std::string id;
  std::string title;
  Decimal self_score;
  Decimal points;
  Decimal difference;  // self_score − points
};

// The remediation checklist of one unit's score.
struct Checklist {
  std::vector<ChecklistRow> rows;  // largest loss first, ties in criteria order
  Decimal total_lost;
  std::vector<ChecklistOverclaim> overclaims;  // criteria order
  Decimal total_overclaimed;
};

// Builds the checklist from a score: one row per deduction, ordered by the
// points lost (largest first, ties in criteria order), each with a remedy
// and the completion date `due` when given.
Checklist build_checklist(const Criteria& criteria, const Evidence& evidence, const ScoreResult& result,
                          std::optional<Date> due, Lang lang);

// A remedy for a reason when the criterion has none of its own, e.g.
// "Bổ sung tài liệu kiểm chứng ..." for no_documents.
std::string default_remedy(Reason reason, Lang lang);

}  // namespace cchc
