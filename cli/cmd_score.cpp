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
#include "cchc/ranking_run.hpp"
#include "cchc/report/report.hpp"
#include "cchc/report/score.hpp"
#include "cchc/results.hpp"
#include "cchc/scoring.hpp"
#include "cmd_rank.hpp"
#include "options.hpp"

namespace cchc::cli {

using namespace report;  // NOLINT(google-build-using-namespace)

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
  add_criteria_option(command, args.criteria, CriteriaDefault::each_file, lang);
  add_format_option(command, args.format, formats, "text|json|csv|md|html",
                    "Định dạng: text (mặc định), json, csv, md, html (trang báo cáo có biểu đồ)",
                    "Output format: text (default), json, csv, md, html (a report page with charts)", lang);
  add_output_option(command, args.output, lang);
  add_rank_table_options(command, &args.peers, args.baseline, args.aliases, lang);
  return command;
}

int run_score(const ScoreArgs& args, const GlobalOptions& global) {
  const Lang lang = global.lang;
  Session session(criteria_catalog(lang), args.criteria, lang);
  std::vector<ScoredUnit> units = session.score_files(args.evidence);
  auto [peers, baseline, aliases] = session.read_rank_tables(args.peers, args.baseline, args.aliases);
  print_diagnostics(session.diagnostics(), lang);
  if (session.failed()) {
    return k_exit_invalid;
  }

  if (peers) {
    print_notices(predict_ranks(units, *peers, baseline ? &*baseline : nullptr, aliases, args.aliases, lang));
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
  write_output(text, args.output, session.files_read(), lang);
  return k_exit_ok;
}

}  // namespace cchc::cli
