#pragma once

#include <string>

#include "cchc/criteria.hpp"
#include "cchc/lang.hpp"

namespace cchc {

// What an evidence template is written for.
struct TemplateOptions {
  std::string unit_id;    // valid UTF-8; written in NFC
  std::string unit_name;  // valid UTF-8; written in NFC
  int year = 0;           // 0: the criteria's year
  // For the "cchc score FILE -c CRITERIA" hint in the header: where the
  // template is written ("" for a placeholder) and how the criteria were
  // named ("" or the criteria's id: no -c needed).
  std::string path;
  std::string criteria_ref;
  Lang lang = Lang::vi;
};

// The evidence template of `cchc init` (YAML text, `cchc: evidence/1`): a
// header that says how to fill it in (and lists the profiles), then every
// leaf in criteria order under `items:`, with its rule, the value it expects
// and its documents policy in comments, `value:` left empty and
// `documents: []`; the bonus and penalty items commented out. Unit names and
// ids are quoted so that any text survives being read back.
std::string write_evidence_template(const Criteria& criteria, const TemplateOptions& options);

}  // namespace cchc
