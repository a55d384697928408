#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "cchc/criteria.hpp"
#include "cchc/evidence.hpp"

namespace cchc {

enum class LeafStatus { full, partial, zero, missing, na };

// Why a leaf earned less than its max (SPEC §2).
enum class Reason {
  none,
  missing,
  no_documents,
  not_done,
  late,
  below_target,
  level,
  count,
  violations,
  assessed,
  appraised,
};

// Where a leaf's points came from.
enum class Source { rule, appraisal, na, none };

// The result for one node (leaf or not), parallel to Criteria::nodes.
struct NodeResult {
  Decimal points;
  Decimal applicable_max;
  bool na = false;  // not applicable (itself or through an ancestor/profile)
  std::string na_reason;
  // Leaves only:
  LeafStatus status = LeafStatus::missing;
  Reason reason = Reason::none;
  Source source = Source::none;
  std::optional<Decimal> rule_points;  // what the rule gives, before appraisal
  std::optional<Decimal> self_score;
  std::optional<Decimal> appraised;
  std::string detail;  // the reason in words, e.g. "ban hành 20/01/2024, sau hạn 15/01/2024"
};

// A leaf that lost points.
struct Deduction {
  int node = -1;
  Decimal lost;
  Reason reason = Reason::none;
  std::string detail;
};

// Points by who produced them (Node::method).
struct MethodTotal {
  Decimal points;
  Decimal applicable_max;
};

struct ScoreOptions {
  Lang lang = Lang::vi;
  // Warn about `documents[].file` entries that do not exist (relative to the
  // evidence file's folder).
  bool check_files = true;
};

// The score of one unit's evidence against its criteria (SPEC §2).
struct ScoreResult {
  std::vector<NodeResult> nodes;         // parallel to Criteria::nodes
  Decimal earned;                        // Σ fields' points
  Decimal applicable_max;                // Σ fields' applicable max
  Decimal bonus;                         // capped
  Decimal penalty;                       // capped
  Decimal points;                        // max(0, earned + bonus − penalty)
  Decimal index;                         // min(100, points / applicable_max × 100), rounded
  Decimal coverage;                      // applicable_max / scale × 100, rounded
  std::string grade;                     // "" when below every grade
  std::array<MethodTotal, 4> by_method;  // indexed by Method
  std::vector<Deduction> deductions;     // criteria order
  std::vector<Diagnostic> warnings;      // not_declared, overclaim, document dates, numbers, files
  int undeclared_count = 0;              // applicable leaves of the fields not declared yet
  Decimal undeclared_points;             // the max they stand for
};

// Scores `evidence` against `criteria`. Throws InputError when nothing is
// applicable (applicable max 0).
ScoreResult score(const Criteria& criteria, const Evidence& evidence, const ScoreOptions& options);

// The reason's short name in words ("chậm thời hạn" / "late").
std::string reason_text(Reason reason, Lang lang);
// Machine names used in JSON and CSV: "late", "partial", "appraisal", ...
std::string reason_code(Reason reason);
std::string status_code(LeafStatus status);
std::string source_code(Source source);
std::string method_code(Method method);

}  // namespace cchc
