#include "cmd_score.hpp"

#include <map>
#include <optional>
#include <utility>

#include "app.hpp"
#include "cchc/criteria.hpp"
#include "cchc/evidence.hpp"
#include "cchc/input_file.hpp"
#include "cchc/scoring.hpp"
#include "choices.hpp"
#include "render_csv.hpp"
#include "render_json.hpp"
#include "render_md.hpp"
#include "render_text.hpp"
#include "report.hpp"

namespace cchc::cli {

namespace {

// The message for a file that is not an evidence file.
std::string not_evidence_message(const std::string& kind, Lang lang) {
  if (kind.empty()) {
    return lang == Lang::vi ? "cần một hồ sơ tự đánh giá bắt đầu bằng \"cchc: evidence/1\", nhưng tệp không có "
                              "dòng \"cchc:\""
                            : "expected an evidence file starting with \"cchc: evidence/1\", found no \"cchc:\" "
                              "tag";
  }
  return lang == Lang::vi ? "cần một hồ sơ tự đánh giá (cchc: evidence/1), nhưng tệp này là \"cchc: " + kind + "\""
                          : "expected an evidence file (cchc: evidence/1), found \"cchc: " + kind + "\"";
}

// An error about a whole evidence file, placed at its top-level `key` (or
// at its start when the key is absent).
InputError error_at(const InputFile& file, std::string_view key, std::string message, std::string code) {
  const SourcePos pos = file.top_position(key);
  return InputError(
      {Diagnostic{Severity::error, file.path(), pos.line, pos.column, std::move(message), std::move(code), {}}});
}

// Everything read for one run: criteria loaded once per reference, every
// diagnostic in the order found.
class Loader {
 public:
  Loader(const ScoreArgs& args, Lang lang) : m_args(args), m_lang(lang), m_catalog(criteria_catalog(lang)) {}

  void load(const std::string& path) {
    try {
      const InputFile file = InputFile::read(path, m_lang);
      if (file.kind() != "evidence/1") {
        throw error_at(file, "cchc", not_evidence_message(file.kind(), m_lang), "wrong_kind");
      }
      const std::string ref = m_args.criteria.empty() ? file.top_scalar("criteria") : m_args.criteria;
      if (ref.empty()) {
        throw error_at(file, "criteria",
                       std::string(tr(m_lang,
                                      "không rõ bộ tiêu chí: ghi \"criteria:\" trong tệp hoặc chọn "
                                      "bằng -c CRITERIA",
                                      "no criteria set: write \"criteria:\" in the file or give -c "
                                      "CRITERIA")),
                       "no_criteria");
      }
      const Criteria* criteria =
          m_args.criteria.empty() ? criteria_for(ref, path, file.top_position("criteria")) : criteria_for(ref, {}, {});
      if (criteria == nullptr) {
        m_failed = true;
        return;
      }
      Evidence evidence = load_evidence(file, *criteria, m_lang);
      ScoreResult result = score(*criteria, evidence, ScoreOptions{m_lang});
      add(result.warnings);
      m_units.push_back(ScoredUnit{criteria, std::move(evidence), std::move(result)});
    } catch (const InputError& error) {
      m_failed = true;
      add(error.diagnostics());
    }
  }

  bool failed() const { return m_failed; }
  const std::vector<Diagnostic>& diagnostics() const { return m_diagnostics; }
  const std::vector<ScoredUnit>& units() const { return m_units; }

  // Every file read: the evidence files and the criteria files.
  std::vector<std::string> inputs() const {
    std::vector<std::string> paths = m_args.evidence;
    for (const auto& [ref, loaded] : m_criteria) {
      if (loaded.criteria) {
        paths.push_back(loaded.criteria->path);
      }
      paths.push_back(ref);
    }
    return paths;
  }

 private:
  // The criteria set `ref`, loaded once; nullptr when it cannot be loaded,
  // after reporting why. `cited_in` is the evidence file whose `criteria:`
  // (at `pos`) names `ref`, "" for -c: an unknown id is reported there, once
  // for each file that names it.
  const Criteria* criteria_for(const std::string& ref, const std::string& cited_in, SourcePos pos) {
    auto found = m_criteria.find(ref);
    const bool first = found == m_criteria.end();
    if (first) {
      LoadedCriteria loaded;
      try {
        loaded.criteria = cited_in.empty() ? m_catalog.load(ref) : m_catalog.load(ref, cited_in, pos);
        add(loaded.criteria->warnings);
      } catch (const InputError& error) {
        loaded.errors = error.diagnostics();
        add(loaded.errors);
      }
      found = m_criteria.emplace(ref, std::move(loaded)).first;
    }
    const LoadedCriteria& loaded = found->second;
    if (loaded.criteria) {
      return &*loaded.criteria;
    }
    if (!first && !cited_in.empty()) {
      for (Diagnostic diagnostic : loaded.errors) {
        if (diagnostic.code == "unknown_criteria") {
          diagnostic.file = cited_in;
          diagnostic.line = pos.line;
          diagnostic.column = pos.column;
          m_diagnostics.push_back(std::move(diagnostic));
        }
      }
    }
    return nullptr;
  }

  void add(const std::vector<Diagnostic>& diagnostics) {
    m_diagnostics.insert(m_diagnostics.end(), diagnostics.begin(), diagnostics.end());
  }

  const ScoreArgs& m_args;
  Lang m_lang;
  CriteriaCatalog m_catalog;
  struct LoadedCriteria {
    std::optional<Criteria> criteria;  // nullopt when it could not be loaded
    std::vector<Diagnostic> errors;    // why not
  };
  std::map<std::string, LoadedCriteria> m_criteria;  // by reference (id or path)
  std::vector<Diagnostic> m_diagnostics;
  std::vector<ScoredUnit> m_units;
  bool m_failed = false;
};

}  // namespace

CLI::App* add_score_command(CLI::App& app, ScoreArgs& args, Lang lang) {
  const std::map<std::string, Format> formats{
      {"text", Format::text}, {"json", Format::json}, {"csv", Format::csv}, {"md", Format::md}};
  CLI::App* command = app.add_subcommand(
      "score", std::string(tr(lang, "Chấm điểm hồ sơ tự đánh giá: điểm, chỉ số, lĩnh vực, tiêu chí bị trừ điểm",
                              "Score evidence files: points, index, fields, deductions")));
  command
      ->add_option("EVIDENCE", args.evidence,
                   std::string(tr(lang, "Các tệp hồ sơ (cchc: evidence/1)", "Evidence files (cchc: evidence/1)")))
      ->required();
  command->add_option("-c,--criteria", args.criteria,
                      std::string(tr(lang, "Bộ tiêu chí: mã hoặc đường dẫn (mặc định: khóa criteria: của từng tệp)",
                                     "Criteria set: an id or a path (default: each file's criteria:)")));
  command
      ->add_option("-f,--format", args.format,
                   std::string(tr(lang, "Định dạng: text (mặc định), json, csv, md",
                                  "Output format: text (default), json, csv, md")))
      ->transform(one_of(formats))
      ->option_text("text|json|csv|md");
  command
      ->add_option("-o,--output", args.output,
                   std::string(tr(lang, "Ghi vào tệp FILE (an toàn, không ghi dở) thay vì ra màn hình",
                                  "Write to FILE (atomically) instead of stdout")))
      ->option_text("FILE");
  return command;
}

int run_score(const ScoreArgs& args, const GlobalOptions& global) {
  const Lang lang = global.lang;
  Loader loader(args, lang);
  for (const std::string& path : args.evidence) {
    loader.load(path);
  }
  print_diagnostics(loader.diagnostics());
  if (loader.failed()) {
    return k_exit_invalid;
  }

  const bool to_file = !args.output.empty();
  RenderOptions options;
  options.lang = lang;
  options.width = output_width(to_file);
  std::string text;
  switch (args.format) {
    case Format::text:
      options.style = Style(use_color(global.color, to_file));
      text = render_score_text(loader.units(), options);
      break;
    case Format::md:
      text = render_score_md(loader.units(), options);
      break;
    case Format::json:
      text = render_score_json(loader.units());
      break;
    case Format::csv:
      text = render_score_csv(loader.units());
      break;
  }
  write_output(text, args.output, loader.inputs(), lang);
  return k_exit_ok;
}

}  // namespace cchc::cli
