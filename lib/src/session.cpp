#include "cchc/session.hpp"

#include <utility>

#include "cchc/input_file.hpp"
#include "localized.hpp"

namespace cchc {

namespace {

Diagnostic at_reference(const CriteriaReference& reference, const std::string& path, std::string message) {
  const bool cited = !reference.cited_in.empty();
  return Diagnostic{Severity::error,
                    cited ? reference.cited_in : path,
                    cited ? reference.pos.line : 0,
                    cited ? reference.pos.column : 0,
                    std::move(message),
                    "invalid_criteria",
                    {}};
}

bool all_unknown(const std::vector<Diagnostic>& errors) {
  for (const Diagnostic& error : errors) {
    if (error.code != "unknown_criteria") {
      return false;
    }
  }
  return !errors.empty();
}

}  // namespace

Session::Session(CriteriaCatalog catalog, std::string criteria, Lang lang)
    : m_catalog(std::move(catalog)), m_override(std::move(criteria)), m_lang(lang) {}

Session::Slot& Session::slot(const std::string& ref) {
  const std::lock_guard<std::mutex> lock(m_mutex);
  std::unique_ptr<Slot>& owned = m_slots[ref];
  if (!owned) {
    owned = std::make_unique<Slot>();
  }
  return *owned;
}

const ResolvedCriteria& Session::criteria(const CriteriaReference& reference) {
  Slot& found = slot(reference.ref);
  std::call_once(found.once, [&] {
    ResolvedCriteria& resolved = found.resolved;
    try {
      resolved.criteria = reference.cited_in.empty() ? m_catalog.load(reference.ref)
                                                     : m_catalog.load(reference.ref, reference.cited_in, reference.pos);
      resolved.path = resolved.criteria->path;
    } catch (const InputError& error) {
      resolved.errors = error.diagnostics();
    } catch (const DecimalOverflow&) {
      resolved.errors = {Diagnostic{
          Severity::error,
          reference.ref,
          0,
          0,
          std::string(tr(m_lang, "số quá lớn, không tính chính xác được", "a number is too large to compute exactly")),
          "overflow",
          {}}};
    }
  });
  return found.resolved;
}

bool Session::add_run_criteria(const std::string& id, const std::string& path, std::optional<Criteria> criteria) {
  if (m_run_ids.count(id) != 0) {
    return false;
  }
  m_run_ids.emplace(id, path);
  Slot& found = slot(id);
  std::call_once(found.once, [&] {
    found.resolved.criteria = std::move(criteria);
    found.resolved.path = path;
    // Its errors and warnings are that file's own, reported with it.
    found.reported = true;
  });
  return true;
}

std::string Session::run_criteria_path(const std::string& id) const {
  const auto found = m_run_ids.find(id);
  return found == m_run_ids.end() ? std::string() : found->second;
}

std::vector<Diagnostic> Session::report_criteria(const CriteriaReference& reference, const std::string& path) {
  Slot& found = slot(reference.ref);
  const ResolvedCriteria& resolved = found.resolved;
  const bool first = !found.reported;
  found.reported = true;
  if (resolved.criteria) {
    return first ? resolved.criteria->warnings : std::vector<Diagnostic>{};
  }
  if (reference.cited_in.empty() && !first && all_unknown(resolved.errors)) {
    // -c names an unknown set: said once, then pointed at.
    return {at_reference(reference, path,
                         detail::say(m_lang, "không có bộ tiêu chí \"{}\" (xem lỗi đã báo ở trên)",
                                     "unknown criteria \"{}\" (see the error reported above)", reference.ref))};
  }
  if (!reference.cited_in.empty() && all_unknown(resolved.errors)) {
    // The error is in the citing file: each one that names the id gets it at
    // its own `criteria:` line.
    std::vector<Diagnostic> errors = resolved.errors;
    for (Diagnostic& error : errors) {
      error.file = reference.cited_in;
      error.line = reference.pos.line;
      error.column = reference.pos.column;
    }
    return errors;
  }
  if (first) {
    return resolved.errors;
  }
  const std::string run_path = run_criteria_path(reference.ref);
  if (!run_path.empty()) {
    return {at_reference(reference, path,
                         detail::say(m_lang, "criteria: bộ tiêu chí \"{}\" trong {} có lỗi, chưa chấm được hồ sơ này",
                                     "criteria: the criteria \"{}\" in {} are invalid, so this file cannot be scored",
                                     reference.ref, run_path))};
  }
  return {at_reference(reference, path,
                       detail::say(m_lang, "bộ tiêu chí \"{}\" có lỗi (xem các lỗi đã báo ở trên)",
                                   "the criteria \"{}\" are invalid (see the errors reported above)", reference.ref))};
}

std::optional<ScoredUnit> Session::score_file(const std::string& path) {
  m_read.push_back(path);
  try {
    const InputFile file = InputFile::read(path, m_lang);
    const CriteriaReference reference = evidence_criteria(file, m_override, m_lang);
    const ResolvedCriteria& resolved = criteria(reference);
    add(report_criteria(reference, path));
    if (!resolved.criteria) {
      m_failed = true;
      return std::nullopt;
    }
    const Criteria& set = *resolved.criteria;
    Evidence evidence = load_evidence(file, set, m_lang);
    ScoreResult result = score(set, evidence, ScoreOptions{m_lang});
    add(result.warnings);
    return ScoredUnit{&set, std::move(evidence), std::move(result), std::nullopt};
  } catch (const InputError& error) {
    add(error.diagnostics());
    m_failed = true;
    return std::nullopt;
  }
}

std::vector<ScoredUnit> Session::score_files(const std::vector<std::string>& paths) {
  std::vector<ScoredUnit> units;
  for (const std::string& path : paths) {
    if (std::optional<ScoredUnit> unit = score_file(path)) {
      units.push_back(std::move(*unit));
    }
  }
  return units;
}

std::optional<ResultsTable> Session::read_table(const std::string& path) {
  m_read.push_back(path);
  try {
    return read_results(path, m_lang);
  } catch (const InputError& error) {
    add(error.diagnostics());
    m_failed = true;
    return std::nullopt;
  }
}

Aliases Session::read_aliases(const std::vector<std::string>& specs) {
  try {
    return Aliases::parse(specs, m_lang);
  } catch (const InputError& error) {
    add(error.diagnostics());
    m_failed = true;
    return {};
  }
}

Session::RankTables Session::read_rank_tables(const std::string& peers, const std::string& baseline,
                                              const std::vector<std::string>& aliases) {
  RankTables tables;
  if (!peers.empty()) {
    tables.peers = read_table(peers);
  }
  if (!baseline.empty()) {
    tables.baseline = read_table(baseline);
    tables.aliases = read_aliases(aliases);
  }
  return tables;
}

void Session::add(const std::vector<Diagnostic>& diagnostics) {
  for (const Diagnostic& diagnostic : diagnostics) {
    m_failed = m_failed || diagnostic.severity == Severity::error;
    m_diagnostics.push_back(diagnostic);
  }
}

void Session::note_read(const std::string& path) {
  m_read.push_back(path);
}

std::vector<Diagnostic> Session::take_diagnostics() {
  std::vector<Diagnostic> out = std::move(m_diagnostics);
  m_diagnostics.clear();
  return out;
}

std::vector<std::string> Session::files_read() const {
  std::vector<std::string> paths = m_read;
  if (!m_override.empty()) {
    paths.push_back(m_override);
  }
  const std::lock_guard<std::mutex> lock(m_mutex);
  for (const auto& [ref, owned] : m_slots) {
    if (!owned->resolved.path.empty()) {
      paths.push_back(owned->resolved.path);
    }
  }
  return paths;
}

}  // namespace cchc
