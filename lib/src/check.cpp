#include "cchc/check.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "cchc/catalog.hpp"
#include "cchc/describe.hpp"
#include "cchc/evidence.hpp"
#include "cchc/input_file.hpp"
#include "cchc/results.hpp"
#include "cchc/scoring.hpp"
#include "localized.hpp"

namespace cchc {

namespace fs = std::filesystem;

bool CheckedFile::valid() const {
  return error_count() == 0;
}

int CheckedFile::error_count() const {
  return static_cast<int>(std::count_if(diagnostics.begin(), diagnostics.end(),
                                        [](const Diagnostic& d) { return d.severity == Severity::error; }));
}

int CheckedFile::warning_count() const {
  return static_cast<int>(diagnostics.size()) - error_count();
}

int CheckReport::error_count() const {
  int count = 0;
  for (const CheckedFile& file : files) {
    count += file.error_count();
  }
  return count;
}

int CheckReport::warning_count() const {
  int count = 0;
  for (const CheckedFile& file : files) {
    count += file.warning_count();
  }
  return count;
}

bool CheckReport::gates_failed() const {
  return std::any_of(gates.begin(), gates.end(), [](const GateResult& gate) { return !gate.passed; });
}

int CheckReport::exit_status() const {
  if (error_count() > 0) {
    return 2;
  }
  return gates_failed() ? 1 : 0;
}

namespace {

using detail::say;

bool is_yaml_name(const fs::path& path) {
  const std::string extension = path.extension().string();
  return extension == ".yaml" || extension == ".yml";
}

bool is_csv_name(const fs::path& path) {
  return path.extension().string() == ".csv";
}

bool is_hidden(const fs::path& path) {
  const std::string name = path.filename().string();
  return !name.empty() && name[0] == '.';
}

// A file to check and whether the user named it (or it was found in a folder).
struct Candidate {
  std::string path;
  bool named = true;
};

// The files to check: named files as given, folders searched recursively
// (hidden entries and symlinked folders left out), each file once.
std::vector<Candidate> expand(const std::vector<std::string>& paths) {
  std::vector<Candidate> out;
  std::set<std::string> seen;
  const auto add = [&](const std::string& path, bool named) {
    std::error_code error;
    const fs::path canonical = fs::weakly_canonical(path, error);
    if (seen.insert(error ? path : canonical.string()).second) {
      out.push_back({path, named});
    }
  };
  for (const std::string& path : paths) {
    std::error_code error;
    if (!fs::is_directory(path, error)) {
      add(path, true);
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, error);
    for (const fs::recursive_directory_iterator end; !error && it != end; it.increment(error)) {
      if (is_hidden(it->path())) {
        if (it->is_directory(error)) {
          it.disable_recursion_pending();
        }
        continue;
      }
      if (it->is_regular_file(error) && (is_yaml_name(it->path()) || is_csv_name(it->path()))) {
        found.push_back(it->path().string());
      }
    }
    std::sort(found.begin(), found.end());
    for (const std::string& file : found) {
      add(file, false);
    }
  }
  return out;
}

class Checker {
 public:
  explicit Checker(const CheckOptions& options)
      : m_options(options), m_lang(options.lang), m_catalog(options.search_path, options.lang) {}

  CheckReport run(const std::vector<std::string>& paths) {
    std::vector<std::optional<InputFile>> inputs;
    for (const Candidate& candidate : expand(paths)) {
      classify(candidate, inputs);
    }
    // Criteria first: evidence files of the same run refer to them.
    for (std::size_t i = 0; i < m_report.files.size(); ++i) {
      if (m_report.files[i].kind == InputKind::criteria && inputs[i]) {
        load_criteria_file(i, *inputs[i]);
      }
    }
    for (std::size_t i = 0; i < m_report.files.size(); ++i) {
      CheckedFile& file = m_report.files[i];
      if (file.kind == InputKind::evidence && inputs[i]) {
        check_evidence(file, *inputs[i]);
      } else if (file.kind == InputKind::results && file.valid()) {
        check_results(file, inputs[i] ? &*inputs[i] : nullptr);
      }
      inputs[i].reset();
    }
    apply_gates();
    return std::move(m_report);
  }

 private:
  void classify(const Candidate& candidate, std::vector<std::optional<InputFile>>& inputs) {
    CheckedFile file;
    file.path = candidate.path;
    std::optional<InputFile> input;
    if (is_csv_name(candidate.path)) {
      file.kind = InputKind::results;
    } else {
      try {
        input = InputFile::read(candidate.path, m_lang);
        const std::string& kind = input->kind();
        if (kind == "criteria/1") {
          file.kind = InputKind::criteria;
        } else if (kind == "evidence/1") {
          file.kind = InputKind::evidence;
        } else if (kind == "results/1") {
          file.kind = InputKind::results;
        } else if (kind.empty() && !candidate.named) {
          m_report.notes.push_back(say(m_lang, "bỏ qua {}: không có dòng \"cchc:\" (không phải tệp của cchc)",
                                       "skipping {}: no \"cchc:\" tag (not a cchc file)", candidate.path));
          return;
        } else {
          const SourcePos pos = input->top_position("cchc");
          file.diagnostics.push_back(
              {Severity::error,
               candidate.path,
               pos.line,
               pos.column,
               kind.empty()
                   ? std::string(tr(m_lang,
                                    "không có dòng \"cchc:\": cần criteria/1, evidence/1 hoặc results/1 ở đầu tệp",
                                    "no \"cchc:\" tag: expected criteria/1, evidence/1 or results/1 at the top"))
                   : say(m_lang, "cchc: cần criteria/1, evidence/1 hoặc results/1, nhưng gặp \"{}\"",
                         "cchc: expected criteria/1, evidence/1 or results/1, found \"{}\"", kind),
               "kind",
               {}});
          input.reset();
        }
      } catch (const InputError& error) {
        file.diagnostics = error.diagnostics();
      }
    }
    m_report.files.push_back(std::move(file));
    inputs.push_back(std::move(input));
  }

  void load_criteria_file(std::size_t i, const InputFile& input) {
    CheckedFile& file = m_report.files[i];
    const std::string id = input.top_scalar("id");
    try {
      Criteria criteria = load_criteria(input, m_lang);
      file.diagnostics = criteria.warnings;
      if (const auto it = m_local.find(criteria.id); it != m_local.end()) {
        const SourcePos pos = input.top_position("id");
        file.diagnostics.push_back({Severity::error,
                                    file.path,
                                    pos.line,
                                    pos.column,
                                    say(m_lang, "id: bộ tiêu chí \"{}\" đã có trong {}",
                                        "id: the criteria \"{}\" are also defined in {}", criteria.id, it->second.path),
                                    "duplicate_criteria",
                                    {}});
        return;
      }
      const std::string loaded_id = criteria.id;  // read before the move below
      m_local.emplace(loaded_id, LocalCriteria{file.path, std::move(criteria)});
    } catch (const InputError& error) {
      file.diagnostics = error.diagnostics();
      if (!id.empty() && m_local.find(id) == m_local.end()) {
        m_local.emplace(id, LocalCriteria{file.path, std::nullopt});
      }
    }
  }

  // The criteria set of an evidence file: the same run's files first, then
  // the catalog (built-in sets, then the search path).
  const Criteria* criteria_for(const CriteriaReference& reference, CheckedFile& file) {
    if (const auto it = m_local.find(reference.ref); it != m_local.end()) {
      if (!it->second.criteria) {
        file.diagnostics.push_back(
            {Severity::error,
             reference.cited_in.empty() ? file.path : reference.cited_in,
             reference.pos.line,
             reference.pos.column,
             say(m_lang, "criteria: bộ tiêu chí \"{}\" trong {} có lỗi, chưa chấm được hồ sơ này",
                 "criteria: the criteria \"{}\" in {} are invalid, so this file cannot be scored", reference.ref,
                 it->second.path),
             "invalid_criteria",
             {}});
        return nullptr;
      }
      return &*it->second.criteria;
    }
    auto found = m_loaded.find(reference.ref);
    if (found == m_loaded.end()) {
      LoadedCriteria loaded;
      try {
        loaded.criteria = m_catalog.load(reference.ref, reference.cited_in, reference.pos);
      } catch (const InputError& error) {
        loaded.errors = error.diagnostics();
      }
      found = m_loaded.emplace(reference.ref, std::move(loaded)).first;
    }
    if (found->second.criteria) {
      return &*found->second.criteria;
    }
    if (found->second.reported && found->second.errors.size() > 1) {
      // The set's own errors were listed under the first file that uses it.
      file.diagnostics.push_back({Severity::error,
                                  file.path,
                                  reference.pos.line,
                                  reference.pos.column,
                                  say(m_lang, "bộ tiêu chí \"{}\" có lỗi (xem các lỗi đã báo ở trên)",
                                      "the criteria \"{}\" are invalid (see the errors reported above)", reference.ref),
                                  "invalid_criteria",
                                  {}});
      return nullptr;
    }
    found->second.reported = true;
    for (Diagnostic diagnostic : found->second.errors) {
      if (diagnostic.code == "unknown_criteria" && !reference.cited_in.empty()) {
        diagnostic.file = reference.cited_in;
        diagnostic.line = reference.pos.line;
        diagnostic.column = reference.pos.column;
      }
      file.diagnostics.push_back(std::move(diagnostic));
    }
    return nullptr;
  }

  void check_evidence(CheckedFile& file, const InputFile& input) {
    try {
      const CriteriaReference reference = evidence_criteria(input, m_options.criteria, m_lang);
      const Criteria* criteria = criteria_for(reference, file);
      if (criteria == nullptr) {
        return;
      }
      const Evidence evidence = load_evidence(input, *criteria, m_lang);
      const ScoreResult result = score(*criteria, evidence, ScoreOptions{m_lang, true});
      file.diagnostics.insert(file.diagnostics.end(), result.warnings.begin(), result.warnings.end());
      file.unit = evidence.unit.id;
      file.unit_name = evidence.unit.name;
      file.criteria_id = criteria->id;
      file.index = result.index;
      file.precision = criteria->precision;
    } catch (const InputError& error) {
      file.diagnostics.insert(file.diagnostics.end(), error.diagnostics().begin(), error.diagnostics().end());
    }
  }

  void check_results(CheckedFile& file, const InputFile* input) {
    try {
      if (input != nullptr) {
        load_results(*input, m_lang);
      } else {
        read_results(file.path, m_lang);
      }
    } catch (const InputError& error) {
      file.diagnostics = error.diagnostics();
    }
  }

  std::string num(const Decimal& value) const { return format_number_short(value, m_lang); }

  void apply_gates() {
    if (m_options.min_index) {
      for (const CheckedFile& file : m_report.files) {
        if (!file.index) {
          continue;
        }
        const bool passed = !(*file.index < *m_options.min_index);
        m_report.gates.push_back(
            {"min-index", file.path, file.unit, passed,
             passed
                 ? say(m_lang, "chỉ số {} đạt ngưỡng tối thiểu {}", "index {} meets the minimum {}", num(*file.index),
                       num(*m_options.min_index))
                 : say(m_lang, "chỉ số {} thấp hơn ngưỡng tối thiểu {} (--min-index)",
                       "index {} is below the minimum {} (--min-index)", num(*file.index), num(*m_options.min_index))});
      }
    }
    if (!m_options.baseline.empty() && m_options.max_drop) {
      apply_max_drop();
    }
    if (m_options.strict) {
      for (const CheckedFile& file : m_report.files) {
        const int warnings = file.warning_count();
        m_report.gates.push_back({"strict", file.path, file.unit, warnings == 0,
                                  warnings == 0 ? std::string(tr(m_lang, "không có cảnh báo", "no warnings"))
                                                : say(m_lang, "{} cảnh báo (--strict không cho phép cảnh báo)",
                                                      warnings == 1 ? "{} warning (--strict allows none)"
                                                                    : "{} warnings (--strict allows none)",
                                                      warnings)});
      }
    }
  }

  void apply_max_drop() {
    std::optional<ResultsTable> baseline;
    CheckedFile baseline_file;
    baseline_file.path = m_options.baseline;
    baseline_file.kind = InputKind::results;
    try {
      baseline = read_results(m_options.baseline, m_lang);
    } catch (const InputError& error) {
      baseline_file.diagnostics = error.diagnostics();
      m_report.files.push_back(std::move(baseline_file));
      return;
    }
    const std::string since = baseline->year ? say(m_lang, "năm {}", "{}", *baseline->year)
                                             : std::string(tr(m_lang, "bảng gốc", "the baseline"));
    for (const CheckedFile& file : m_report.files) {
      if (!file.index) {
        continue;
      }
      const ResultRow* row = baseline->find(file.unit);
      if (row == nullptr) {
        m_report.gates.push_back({"max-drop", file.path, file.unit, true,
                                  say(m_lang, "đơn vị {} không có trong {}: không so sánh",
                                      "unit {} is not in {}: nothing to compare", file.unit, m_options.baseline)});
        continue;
      }
      const Decimal drop = row->index - *file.index;
      const bool passed = !(drop > *m_options.max_drop);
      m_report.gates.push_back(
          {"max-drop", file.path, file.unit, passed,
           passed ? say(m_lang, "chỉ số {} so với {} ({}): thay đổi {}", "index {} against {} in {}: change {}",
                        num(*file.index), num(row->index), since, num(*file.index - row->index))
                  : say(m_lang, "chỉ số giảm {} điểm so với {} ({} → {}), quá mức cho phép {} (--max-drop)",
                        "the index fell by {} since {} ({} → {}), more than the allowed {} (--max-drop)", num(drop),
                        since, num(row->index), num(*file.index), num(*m_options.max_drop))});
    }
  }

  struct LocalCriteria {
    std::string path;
    std::optional<Criteria> criteria;  // nullopt when the file is invalid
  };
  struct LoadedCriteria {
    std::optional<Criteria> criteria;
    std::vector<Diagnostic> errors;
    bool reported = false;  // its errors are already under one file
  };

  const CheckOptions& m_options;
  Lang m_lang;
  CriteriaCatalog m_catalog;
  CheckReport m_report;
  std::map<std::string, LocalCriteria> m_local;    // criteria files of this run, by id
  std::map<std::string, LoadedCriteria> m_loaded;  // from the catalog, by reference
};

}  // namespace

CheckReport run_check(const std::vector<std::string>& paths, const CheckOptions& options) {
  return Checker(options).run(paths);
}

}  // namespace cchc
