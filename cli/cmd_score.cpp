#include "cmd_score.hpp"

#include <map>
#include <optional>
#include <set>
#include <utility>

#include "app.hpp"
#include "cchc/criteria.hpp"
#include "cchc/evidence.hpp"
#include "cchc/input_file.hpp"
#include "cchc/ranking.hpp"
#include "cchc/report/csv.hpp"
#include "cchc/report/html.hpp"
#include "cchc/report/json.hpp"
#include "cchc/report/markdown.hpp"
#include "cchc/report/report.hpp"
#include "cchc/report/text.hpp"
#include "cchc/results.hpp"
#include "cchc/scoring.hpp"
#include "choices.hpp"
#include "cmd_rank.hpp"

namespace cchc::cli {

using namespace report;  // NOLINT(google-build-using-namespace)

UnitLoader::UnitLoader(std::string criteria, Lang lang)
    : m_criteria_ref(std::move(criteria)), m_lang(lang), m_catalog(criteria_catalog(lang)) {}

void UnitLoader::load(const std::string& path) {
  m_inputs.push_back(path);
  try {
    const InputFile file = InputFile::read(path, m_lang);
    const CriteriaReference reference = evidence_criteria(file, m_criteria_ref, m_lang);
    const Criteria* criteria = criteria_for(reference);
    if (criteria == nullptr) {
      m_failed = true;
      return;
    }
    Evidence evidence = load_evidence(file, *criteria, m_lang);
    ScoreResult result = score(*criteria, evidence, ScoreOptions{m_lang});
    add(result.warnings);
    m_units.push_back(ScoredUnit{criteria, std::move(evidence), std::move(result), std::nullopt});
  } catch (const InputError& error) {
    m_failed = true;
    add(error.diagnostics());
  }
}

std::optional<ResultsTable> UnitLoader::load_table(const std::string& path) {
  m_inputs.push_back(path);
  try {
    return read_results(path, m_lang);
  } catch (const InputError& error) {
    m_failed = true;
    add(error.diagnostics());
    return std::nullopt;
  }
}

UnitLoader::RankTables UnitLoader::load_rank_tables(const std::string& peers, const std::string& baseline,
                                                    const std::vector<std::string>& aliases) {
  RankTables tables;
  if (!peers.empty()) {
    tables.peers = load_table(peers);
  }
  if (!baseline.empty()) {
    tables.baseline = load_table(baseline);
    tables.aliases = load_aliases(aliases);
  }
  return tables;
}

Aliases UnitLoader::load_aliases(const std::vector<std::string>& specs) {
  try {
    return Aliases::parse(specs, m_lang);
  } catch (const InputError& error) {
    m_failed = true;
    add(error.diagnostics());
    return {};
  }
}

std::vector<std::string> UnitLoader::inputs() const {
  std::vector<std::string> paths = m_inputs;
  for (const auto& [ref, loaded] : m_criteria) {
    if (loaded.criteria) {
      paths.push_back(loaded.criteria->path);
    }
    paths.push_back(ref);
  }
  return paths;
}

const Criteria* UnitLoader::criteria_for(const CriteriaReference& reference) {
  const std::string& ref = reference.ref;
  auto found = m_criteria.find(ref);
  const bool first = found == m_criteria.end();
  if (first) {
    LoadedCriteria loaded;
    try {
      loaded.criteria = m_catalog.load(ref, reference.cited_in, reference.pos);
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
  if (!first && !reference.cited_in.empty()) {
    for (Diagnostic diagnostic : loaded.errors) {
      if (diagnostic.code == "unknown_criteria") {
        diagnostic.file = reference.cited_in;
        diagnostic.line = reference.pos.line;
        diagnostic.column = reference.pos.column;
        m_diagnostics.push_back(std::move(diagnostic));
      }
    }
  }
  return nullptr;
}

void UnitLoader::add(const std::vector<Diagnostic>& diagnostics) {
  m_diagnostics.insert(m_diagnostics.end(), diagnostics.begin(), diagnostics.end());
}

void predict_ranks(std::vector<ScoredUnit>& units, const ResultsTable& peers, const ResultsTable* baseline,
                   const Aliases& aliases, const std::vector<std::string>& alias_specs, Lang lang) {
  std::set<std::string> current;
  for (const ResultRow& row : peers.rows) {
    current.insert(row.unit);
  }
  for (ScoredUnit& unit : units) {
    const Evidence& evidence = unit.evidence;
    const ScoreResult& result = unit.result;
    current.insert(evidence.unit.id);
    const RankInput input{evidence.unit.id, evidence.unit.name, result.index, result.points, result.grade};
    unit.rank = predict_rank(input, peers, baseline, aliases, unit.criteria->precision);
  }
  if (baseline != nullptr) {
    print_notes(alias_warnings(alias_specs, *baseline, current, lang));
  }
}

CLI::App* add_score_command(CLI::App& app, ScoreArgs& args, Lang lang) {
  const std::map<std::string, Format> formats{
      {"text", Format::text}, {"json", Format::json}, {"csv", Format::csv}, {"md", Format::md}, {"html", Format::html}};
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
                   std::string(tr(lang, "Định dạng: text (mặc định), json, csv, md, html (trang báo cáo có biểu đồ)",
                                  "Output format: text (default), json, csv, md, html (a report page with charts)")))
      ->transform(one_of(formats))
      ->option_text("text|json|csv|md|html");
  command
      ->add_option("-o,--output", args.output,
                   std::string(tr(lang, "Ghi vào tệp FILE (an toàn, không ghi dở) thay vì ra màn hình",
                                  "Write to FILE (atomically) instead of stdout")))
      ->option_text("FILE");
  add_rank_table_options(command, &args.peers, args.baseline, args.aliases, lang);
  return command;
}

int run_score(const ScoreArgs& args, const GlobalOptions& global) {
  const Lang lang = global.lang;
  UnitLoader loader(args.criteria, lang);
  for (const std::string& path : args.evidence) {
    loader.load(path);
  }
  auto [peers, baseline, aliases] = loader.load_rank_tables(args.peers, args.baseline, args.aliases);
  print_diagnostics(loader.diagnostics());
  if (loader.failed()) {
    return k_exit_invalid;
  }

  std::vector<ScoredUnit> units = loader.take_units();
  if (peers) {
    predict_ranks(units, *peers, baseline ? &*baseline : nullptr, aliases, args.aliases, lang);
  }

  const bool to_file = !args.output.empty();
  RenderOptions options;
  options.lang = lang;
  options.width = output_width(to_file);
  std::string text;
  switch (args.format) {
    case Format::text:
      options.style = Style(use_color(global.color, to_file));
      text = render_score_text(units, options);
      break;
    case Format::md:
      text = render_score_md(units, options);
      break;
    case Format::html:
      text = render_score_html(units, options);
      break;
    case Format::json:
      text = render_score_json(units);
      break;
    case Format::csv:
      text = render_score_csv(units);
      break;
    case Format::xlsx:  // not offered by `score`: refused while parsing
      break;
  }
  write_output(text, args.output, loader.inputs(), lang);
  return k_exit_ok;
}

}  // namespace cchc::cli
