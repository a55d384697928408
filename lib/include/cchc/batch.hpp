#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "cchc/catalog.hpp"
#include "cchc/diagnostic.hpp"
#include "cchc/lang.hpp"
#include "cchc/ranking.hpp"
#include "cchc/session.hpp"

namespace cchc {

// What scoring one evidence file in a batch leaves behind: the few numbers a
// ranking needs, not the parsed documents.
struct BatchItem {
  std::string path;
  std::string criteria_id;
  int precision = 2;
  int year = 0;
  RankInput unit;
  Decimal points;
  Decimal applicable_max;
  std::vector<Diagnostic> warnings;
  std::vector<Diagnostic> errors;  // why it did not score (may be empty: its -c set failed, reported once)
  bool scored = false;
};

struct BatchOptions {
  Lang lang = Lang::vi;
  unsigned threads = 0;  // 0: one per core
  std::string criteria;  // -c for the overload that makes its own Session
  // Called from worker threads (serialised by the batch) after each file,
  // with the number done and the total; may be empty.
  std::function<void(std::size_t done, std::size_t total)> progress;
  // Called with each file's item in the order of the paths, as soon as that
  // file and every one before it are scored (serialised with `progress`,
  // from worker threads); may be empty. It may take the item's warnings and
  // errors (report them, then clear them), so that a batch of thousands of
  // files holds only what ranking needs.
  std::function<void(BatchItem& item)> on_item;
  // False: each item is dropped once on_item has had it, and score_batch
  // returns nothing; for a caller that takes what it needs from on_item, so
  // that the memory of a batch does not grow with its number of files.
  bool keep_items = true;
};

// Scores evidence files in parallel. Each worker reads, validates and scores
// one file at a time and keeps only a BatchItem; every criteria set is
// resolved once by `session` and shared, and reported as the session
// decides (Session::report_criteria, in the order of `paths`). Results are
// in the order of `paths` (none when `keep_items` is false). Never throws
// for a bad file: its diagnostics are in BatchItem::errors. Every path is
// recorded as read by the session.
std::vector<BatchItem> score_batch(const std::vector<std::string>& paths, Session& session,
                                   const BatchOptions& options);
// The same with a session of its own over `catalog` and options.criteria.
std::vector<BatchItem> score_batch(const std::vector<std::string>& paths, const CriteriaCatalog& catalog,
                                   const BatchOptions& options);

}  // namespace cchc
