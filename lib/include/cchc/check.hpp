#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cchc/decimal.hpp"
#include "cchc/diagnostic.hpp"
#include "cchc/inputs.hpp"
#include "cchc/lang.hpp"

namespace cchc {

// One file of a repository check and everything found in it.
struct CheckedFile {
  std::string path;
  std::optional<InputKind> kind;        // nullopt when it could not be told
  std::vector<Diagnostic> diagnostics;  // errors and warnings, in the order found
  // Evidence files that scored:
  std::string unit;
  std::string unit_name;
  std::string criteria_id;
  std::optional<Decimal> index;
  int precision = 2;

  bool valid() const;
  int error_count() const;
  int warning_count() const;
};

// One gate applied to one file (SPEC §4: --min-index, --max-drop, --strict).
struct GateResult {
  std::string gate;  // "min-index", "max-drop", "strict"
  std::string path;  // the file it concerns
  std::string unit;  // the unit, for evidence gates
  bool passed = true;
  std::string message;  // why it failed, or what it checked
};

struct CheckOptions {
  Lang lang = Lang::vi;
  std::string criteria;     // -c: an id or a path for every evidence file; "" to use each file's
  std::string search_path;  // CCHC_CRITERIA_PATH
  std::optional<Decimal> min_index;
  std::string baseline;  // a results table, with max_drop
  std::optional<Decimal> max_drop;
  bool strict = false;
};

struct CheckReport {
  std::vector<CheckedFile> files;  // in the order found (arguments, then sorted folder contents)
  std::vector<std::string> notes;  // files skipped in folders, and why
  std::vector<GateResult> gates;
  std::vector<std::string> files_read;  // every file read (criteria sets of the search path included)

  int error_count() const;
  int warning_count() const;
  bool gates_failed() const;
  // 0 all good; 1 a gate failed (or warnings under --strict); 2 an invalid file.
  int exit_status() const;
};

// Checks files and folders (searched recursively for .yaml, .yml and .csv):
// each file's kind comes from its `cchc:` tag; a YAML file without one is an
// error when named, skipped with a note when found in a folder. Criteria
// files are loaded first, and an evidence file's criteria id is resolved
// among them, then the built-in sets, then `search_path`. Evidence files are
// scored; their warnings are reported. Gates: every evidence file's index
// ≥ min_index; no unit's index below its baseline index by more than
// max_drop; with `strict`, no warnings. Never throws for a bad file.
CheckReport run_check(const std::vector<std::string>& paths, const CheckOptions& options);

}  // namespace cchc
