#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cchc/criteria.hpp"
#include "cchc/input_file.hpp"

namespace cchc {

// Where a known criteria set lives.
struct CriteriaEntry {
  std::string id;
  std::string title;
  int year = 0;
  std::string origin;  // "built-in" or the file's path
};

// Finds criteria sets: those built into the binary (every file under the
// project's criteria/ folder), then the folders of CCHC_CRITERIA_PATH.
class CriteriaCatalog {
 public:
  // `search_path` is a list of folders separated by ':' (as CCHC_CRITERIA_PATH).
  explicit CriteriaCatalog(std::string search_path = {}, Lang lang = Lang::vi);

  // Every set, built-in first, in id order within each origin.
  // Files in the search path that cannot be read are skipped.
  std::vector<CriteriaEntry> list() const;

  // Loads a set by id, or by path when `ref` names an existing file.
  // Throws InputError when it is unknown or invalid.
  Criteria load(const std::string& ref) const;
  // Same, for a reference written in a file (an evidence file's `criteria:`):
  // by id only, never as a path (a file must not make cchc read another);
  // an unknown id is reported at `cited_in`:`pos` (as load(ref) when
  // `cited_in` is empty).
  Criteria load(const std::string& ref, const std::string& cited_in, SourcePos pos) const;

  // The parsed file of a set, without validation (for tools that need the
  // text, e.g. its sha256). Throws InputError when unknown.
  InputFile find(const std::string& ref) const;

 private:
  // The set of id `ref` among the built-in sets and the search path.
  InputFile find_id(const std::string& ref) const;

  std::string m_search_path;
  Lang m_lang;
};

}  // namespace cchc
