#include "cchc/batch.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <system_error>
#include <thread>
#include <utility>

#include "cchc/evidence.hpp"
#include "cchc/input_file.hpp"
#include "cchc/scoring.hpp"
#include "localized.hpp"

namespace cchc {

namespace {

Diagnostic file_error(const std::string& path, std::string message, std::string code) {
  return Diagnostic{Severity::error, path, 0, 0, std::move(message), std::move(code), {}};
}

// A computation left the range of exact decimals (DecimalOverflow).
Diagnostic overflow_error(const std::string& path, Lang lang) {
  return file_error(
      path, std::string(tr(lang, "số quá lớn, không tính chính xác được", "a number is too large to compute exactly")),
      "overflow");
}

// One criteria set as loaded for the batch: the set, or why it failed.
struct CriteriaSlot {
  std::once_flag once;
  std::optional<Criteria> criteria;
  std::vector<Diagnostic> errors;
};

// Every criteria set the batch needs, each loaded once by whichever worker
// asks first; the others wait for that load, not for loads of other sets.
class CriteriaCache {
 public:
  CriteriaCache(const CriteriaCatalog& catalog, Lang lang) : m_catalog(catalog), m_lang(lang) {}

  // The slot for `ref`, loaded. `cited_in` is the evidence file whose
  // `criteria:` (at `pos`) names `ref`, "" for BatchOptions::criteria.
  const CriteriaSlot& get(const std::string& ref, const std::string& cited_in, SourcePos pos) {
    CriteriaSlot* slot = nullptr;
    {
      const std::lock_guard<std::mutex> lock(m_mutex);
      std::unique_ptr<CriteriaSlot>& owned = m_slots[ref];
      if (!owned) {
        owned = std::make_unique<CriteriaSlot>();
      }
      slot = owned.get();
    }
    std::call_once(slot->once, [&] { load(*slot, ref, cited_in, pos); });
    return *slot;
  }

 private:
  void load(CriteriaSlot& slot, const std::string& ref, const std::string& cited_in, SourcePos pos) const {
    try {
      slot.criteria = cited_in.empty() ? m_catalog.load(ref) : m_catalog.load(ref, cited_in, pos);
    } catch (const InputError& error) {
      slot.errors = error.diagnostics();
    } catch (const DecimalOverflow&) {
      slot.errors = {overflow_error(ref, m_lang)};
    } catch (const std::exception& error) {
      slot.errors = {file_error(
          ref, detail::say(m_lang, "không đọc được bộ tiêu chí: {}", "cannot read the criteria: {}", error.what()),
          "internal")};
    }
  }

  const CriteriaCatalog& m_catalog;
  Lang m_lang;
  std::mutex m_mutex;
  std::map<std::string, std::unique_ptr<CriteriaSlot>> m_slots;  // by reference (id or path)
};

// The errors of a set that could not be loaded, as seen from one evidence
// file: an unknown id is reported at that file's own `criteria:` line.
std::vector<Diagnostic> criteria_errors(const CriteriaSlot& slot, const std::string& cited_in, SourcePos pos) {
  std::vector<Diagnostic> errors = slot.errors;
  if (!cited_in.empty()) {
    for (Diagnostic& diagnostic : errors) {
      if (diagnostic.code == "unknown_criteria") {
        diagnostic.file = cited_in;
        diagnostic.line = pos.line;
        diagnostic.column = pos.column;
      }
    }
  }
  return errors;
}

class Batch {
 public:
  Batch(const std::vector<std::string>& paths, const CriteriaCatalog& catalog, const BatchOptions& options)
      : m_paths(paths),
        m_options(options),
        m_cache(catalog, options.lang),
        m_items(paths.size()),
        m_slots(paths.size(), nullptr),
        m_ready(paths.size(), false) {}

  std::vector<BatchItem> run() {
    const std::size_t workers = worker_count();
    std::vector<std::thread> threads;
    for (std::size_t i = 1; i < workers; ++i) {
      try {
        threads.emplace_back([this] { work(); });
      } catch (const std::system_error&) {
        break;  // No more threads to be had: the ones running (and this one) do the work.
      }
    }
    work();
    for (std::thread& thread : threads) {
      thread.join();
    }
    if (m_error) {
      std::rethrow_exception(m_error);
    }
    std::vector<BatchItem> items;
    if (m_options.keep_items) {
      items.reserve(m_items.size());
      for (std::unique_ptr<BatchItem>& item : m_items) {
        items.push_back(std::move(*item));
        item.reset();
      }
    }
    return items;
  }

 private:
  std::size_t worker_count() const {
    std::size_t wanted = m_options.threads != 0 ? m_options.threads : std::thread::hardware_concurrency();
    wanted = std::max<std::size_t>(wanted, 1);
    return std::min(wanted, m_paths.size());
  }

  void work() {
    while (!m_stop.load()) {
      const std::size_t i = m_next.fetch_add(1);
      if (i >= m_paths.size()) {
        return;
      }
      try {
        m_items[i] = std::make_unique<BatchItem>(score_one(i));
        finished(i);
      } catch (...) {
        // Not a problem of the file (out of memory while reporting one), or
        // the caller's callback failed: stop taking files and rethrow it
        // from score_batch() once every worker has finished.
        fail(std::current_exception());
        return;
      }
    }
  }

  // Scores one file; the parsed documents die with this call.
  BatchItem score_one(std::size_t i) {
    const Lang lang = m_options.lang;
    BatchItem item;
    item.path = m_paths[i];
    try {
      fill(item, i);
    } catch (const InputError& error) {
      item.errors = error.diagnostics();
    } catch (const DecimalOverflow&) {
      item.errors = {overflow_error(item.path, lang)};
    } catch (const std::exception& error) {
      item.errors = {file_error(
          item.path, detail::say(lang, "không chấm được hồ sơ: {}", "cannot score the file: {}", error.what()),
          "internal")};
    }
    return item;
  }

  void fill(BatchItem& item, std::size_t i) {
    const Lang lang = m_options.lang;
    // A BatchItem has no checksum to report: the file is not hashed.
    const InputFile file = InputFile::read(item.path, lang, InputFile::Checksum::none);
    const CriteriaReference reference = evidence_criteria(file, m_options.criteria, lang);
    const std::string& ref = reference.ref;
    const std::string& cited_in = reference.cited_in;
    const SourcePos pos = reference.pos;
    const CriteriaSlot& slot = m_cache.get(ref, cited_in, pos);
    if (!slot.criteria) {
      throw InputError(criteria_errors(slot, cited_in, pos));
    }
    const Criteria& criteria = *slot.criteria;
    const Evidence evidence = load_evidence(file, criteria, lang);
    ScoreResult result = score(criteria, evidence, ScoreOptions{lang, true});

    item.criteria_id = criteria.id;
    item.precision = criteria.precision;
    item.year = evidence.year;
    item.unit = RankInput{evidence.unit.id, evidence.unit.name, result.index, result.points, result.grade};
    item.points = result.points;
    item.applicable_max = result.applicable_max;
    item.warnings = std::move(result.warnings);
    m_slots[i] = &slot;
  }

  // File `i` is scored: hands every file now done in an unbroken run from
  // the first to BatchOptions::on_item, in the order of `paths`, then
  // reports the progress. Serialised, so that both callbacks may write to
  // the same stream.
  void finished(std::size_t i) {
    const std::lock_guard<std::mutex> lock(m_progress_mutex);
    m_ready[i] = true;
    ++m_done;
    if (m_stop.load()) {
      return;
    }
    while (m_delivered < m_items.size() && m_ready[m_delivered]) {
      std::unique_ptr<BatchItem>& item = m_items[m_delivered];
      add_criteria_warnings(*item, m_slots[m_delivered]);
      ++m_delivered;
      if (m_options.on_item) {
        m_options.on_item(*item);
      }
      if (!m_options.keep_items) {
        item.reset();
      }
    }
    if (m_options.progress) {
      m_options.progress(m_done, m_paths.size());
    }
  }

  // A criteria set's own warnings go once, to the first file (in the order
  // of `paths`) that was scored with it, so that the batch reports them
  // the same way whatever the threads did.
  void add_criteria_warnings(BatchItem& item, const CriteriaSlot* slot) {
    if (slot == nullptr || std::find(m_reported.begin(), m_reported.end(), slot) != m_reported.end()) {
      return;
    }
    m_reported.push_back(slot);
    item.warnings.insert(item.warnings.begin(), slot->criteria->warnings.begin(), slot->criteria->warnings.end());
  }

  void fail(std::exception_ptr error) {
    const std::lock_guard<std::mutex> lock(m_error_mutex);
    if (!m_error) {
      m_error = std::move(error);
    }
    m_stop.store(true);
  }

  const std::vector<std::string>& m_paths;
  const BatchOptions& m_options;
  CriteriaCache m_cache;
  // One slot per path, each written by one worker; a slot is emptied as soon
  // as its item is delivered when the caller does not keep the items.
  std::vector<std::unique_ptr<BatchItem>> m_items;
  std::vector<const CriteriaSlot*> m_slots;  // the set each scored file used
  std::atomic<std::size_t> m_next{0};
  std::atomic<bool> m_stop{false};
  std::mutex m_progress_mutex;                  // guards what follows, and the callbacks
  std::vector<bool> m_ready;                    // by path: scored
  std::size_t m_done = 0;                       // how many are scored
  std::size_t m_delivered = 0;                  // how many were handed over, in order
  std::vector<const CriteriaSlot*> m_reported;  // sets whose warnings went to a file
  std::mutex m_error_mutex;
  std::exception_ptr m_error;  // the first failure that is not a file's
};

}  // namespace

std::vector<BatchItem> score_batch(const std::vector<std::string>& paths, const CriteriaCatalog& catalog,
                                   const BatchOptions& options) {
  if (paths.empty()) {
    return {};
  }
  Batch batch(paths, catalog, options);
  return batch.run();
}

}  // namespace cchc
