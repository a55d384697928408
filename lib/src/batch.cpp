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

class Batch {
 public:
  Batch(const std::vector<std::string>& paths, Session& session, const BatchOptions& options)
      : m_paths(paths),
        m_options(options),
        m_session(session),
        m_items(paths.size()),
        m_references(paths.size()),
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
    const CriteriaReference reference = evidence_criteria(file, m_session.criteria_override(), lang);
    const ResolvedCriteria& resolved = m_session.criteria(reference);
    m_references[i] = reference;
    if (!resolved.criteria) {
      return;  // reported when the item is delivered, in order
    }
    const Criteria& criteria = *resolved.criteria;
    const Evidence evidence = load_evidence(file, criteria, lang);
    ScoreResult result = score(criteria, evidence, ScoreOptions{lang, true});

    item.criteria_id = criteria.id;
    item.precision = criteria.precision;
    item.year = evidence.year;
    item.unit = rank_input(evidence, result);
    item.points = result.points;
    item.applicable_max = result.applicable_max;
    item.warnings = std::move(result.warnings);
    item.scored = true;
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
    // A callback that throws stops the batch while the lock is held, so
    // that no other worker calls a callback after it.
    try {
      while (m_delivered < m_items.size() && m_ready[m_delivered]) {
        std::unique_ptr<BatchItem>& item = m_items[m_delivered];
        report_criteria(*item, m_references[m_delivered]);
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
    } catch (...) {
      m_stop.store(true);
      throw;
    }
  }

  // What the session says about the criteria set of a file, decided here,
  // in the order of `paths`, so that the batch reports the same whatever
  // the threads did: a set's warnings with the first file scored against
  // it, its errors once.
  void report_criteria(BatchItem& item, const std::optional<CriteriaReference>& reference) {
    if (!reference) {
      return;  // the file could not be read far enough to name a set
    }
    std::vector<Diagnostic> warnings;
    std::vector<Diagnostic> errors;
    for (Diagnostic& said : m_session.report_criteria(*reference, item.path)) {
      (said.severity == Severity::error ? errors : warnings).push_back(std::move(said));
    }
    item.warnings.insert(item.warnings.begin(), warnings.begin(), warnings.end());
    item.errors.insert(item.errors.begin(), errors.begin(), errors.end());
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
  Session& m_session;
  // One slot per path, each written by one worker; a slot is emptied as soon
  // as its item is delivered when the caller does not keep the items.
  std::vector<std::unique_ptr<BatchItem>> m_items;
  std::vector<std::optional<CriteriaReference>> m_references;  // the set each file names
  std::atomic<std::size_t> m_next{0};
  std::atomic<bool> m_stop{false};
  std::mutex m_progress_mutex;  // guards what follows, and the callbacks
  std::vector<bool> m_ready;    // by path: scored
  std::size_t m_done = 0;       // how many are scored
  std::size_t m_delivered = 0;  // how many were handed over, in order
  std::mutex m_error_mutex;
  std::exception_ptr m_error;  // the first failure that is not a file's
};

}  // namespace

std::vector<BatchItem> score_batch(const std::vector<std::string>& paths, Session& session,
                                   const BatchOptions& options) {
  for (const std::string& path : paths) {
    session.note_read(path);
  }
  if (paths.empty()) {
    return {};
  }
  Batch batch(paths, session, options);
  return batch.run();
}

std::vector<BatchItem> score_batch(const std::vector<std::string>& paths, const CriteriaCatalog& catalog,
                                   const BatchOptions& options) {
  Session session(catalog, options.criteria, options.lang);
  return score_batch(paths, session, options);
}

}  // namespace cchc
