#include "cchc/check.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "cchc/catalog.hpp"
#include "cchc/describe.hpp"
#include "cchc/evidence.hpp"
#include "cchc/input_file.hpp"
#include "cchc/inputs.hpp"
#include "cchc/results.hpp"
#include "cchc/scoring.hpp"
#include "cchc/session.hpp"
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

class Checker {
 public:
  explicit Checker(const CheckOptions& options)
      : m_options(options),
        m_lang(options.lang),
        m_session(CriteriaCatalog(options.search_path, options.lang), options.criteria, options.lang) {}

  CheckReport run(const std::vector<std::string>& paths) {
    std::vector<std::optional<InputFile>> inputs;
    const Discovery discovery = discover_inputs(paths, m_lang);
    for (const Diagnostic& error : discovery.errors) {
      CheckedFile file;
      file.path = error.file;
      file.diagnostics.push_back(error);
      m_report.files.push_back(std::move(file));
      inputs.emplace_back();
    }
    for (const FoundFile& candidate : discovery.files) {
      m_session.note_read(candidate.path);
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
    m_report.files_read = m_session.files_read();
    return std::move(m_report);
  }

 private:
  void classify(const FoundFile& candidate, std::vector<std::optional<InputFile>>& inputs) {
    CheckedFile file;
    file.path = candidate.path;
    std::optional<InputFile> input;
    if (has_csv_extension(candidate.path)) {
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
      const std::string loaded_id = criteria.id;  // read before the move below
      const std::string other = m_session.run_criteria_path(loaded_id);
      if (!other.empty()) {
        const SourcePos pos = input.top_position("id");
        file.diagnostics.push_back({Severity::error,
                                    file.path,
                                    pos.line,
                                    pos.column,
                                    say(m_lang, "id: bộ tiêu chí \"{}\" đã có trong {}",
                                        "id: the criteria \"{}\" are also defined in {}", loaded_id, other),
                                    "duplicate_criteria",
                                    {}});
        return;
      }
      m_session.add_run_criteria(loaded_id, file.path, std::move(criteria));
    } catch (const InputError& error) {
      file.diagnostics = error.diagnostics();
      if (!id.empty()) {
        m_session.add_run_criteria(id, file.path, std::nullopt);
      }
    }
  }

  void check_evidence(CheckedFile& file, const InputFile& input) {
    try {
      const CriteriaReference reference = evidence_criteria(input, m_options.criteria, m_lang);
      const ResolvedCriteria& resolved = m_session.criteria(reference);
      const std::vector<Diagnostic> said = m_session.report_criteria(reference, file.path);
      file.diagnostics.insert(file.diagnostics.end(), said.begin(), said.end());
      if (!resolved.criteria) {
        return;
      }
      const Criteria* criteria = &*resolved.criteria;
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

  const CheckOptions& m_options;
  Lang m_lang;
  Session m_session;
  CheckReport m_report;
};

}  // namespace

CheckReport run_check(const std::vector<std::string>& paths, const CheckOptions& options) {
  return Checker(options).run(paths);
}

}  // namespace cchc
