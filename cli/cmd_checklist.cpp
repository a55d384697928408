#include "cmd_checklist.hpp"

#include <unistd.h>

#include <cassert>
#include <map>
#include <optional>
#include <stdexcept>

#include "app.hpp"
#include "cchc/checklist.hpp"
#include "cchc/date.hpp"
#include "cchc/ranking_run.hpp"
#include "cchc/report/checklist.hpp"
#include "cchc/session.hpp"
#include "cmd_rank.hpp"
#include "options.hpp"

namespace cchc::cli {

using namespace report;  // NOLINT(google-build-using-namespace)

namespace {

// Accepts an ISO date; a date typed the Vietnamese way (30/06/2024) is
// refused with the ISO spelling to write instead, as in the files.
CLI::Validator iso_date(Lang lang) {
  return CLI::Validator(
      [lang](std::string& input) -> std::string {
        if (Date::parse_iso(input)) {
          return {};
        }
        const std::string found = "\"" + input + "\"";
        if (const std::optional<Date> typed = Date::parse_vietnamese(input)) {
          return words(lang, "cần một ngày dạng YYYY-MM-DD, nhưng gặp ", "expected a date YYYY-MM-DD, found ") + found +
                 words(lang, " (hãy viết ", " (write ") + typed->iso() + ")";
        }
        return words(lang, "cần một ngày dạng YYYY-MM-DD, nhưng gặp ", "expected a date YYYY-MM-DD, found ") + found;
      },
      "DATE");
}

}  // namespace

CLI::App* add_checklist_command(CLI::App& app, ChecklistArgs& args, Lang lang) {
  const std::map<std::string, Format> formats{
      {"text", Format::text}, {"md", Format::md}, {"csv", Format::csv}, {"xlsx", Format::xlsx}};
  CLI::App* command = app.add_subcommand(
      "checklist", words(lang,
                         "Bảng giải pháp khắc phục các tiêu chí bị trừ điểm (Phụ lục 01), mất nhiều điểm nhất "
                         "trước",
                         "The remediation checklist of the criteria that lost points (Annex 01), largest loss "
                         "first"));
  command
      ->add_option("EVIDENCE", args.evidence,
                   words(lang, "Tệp hồ sơ tự đánh giá (cchc: evidence/1)", "Evidence file (cchc: evidence/1)"))
      ->required();
  add_criteria_option(command, args.criteria, CriteriaDefault::the_file, lang);
  command
      ->add_option("--due", args.due,
                   words(lang, "Thời gian hoàn thành các giải pháp, dạng YYYY-MM-DD (mặc định: để trống để điền sau)",
                         "Completion date of the remedies, YYYY-MM-DD (default: left blank to fill in)"))
      ->check(iso_date(lang))
      ->option_text("DATE");
  add_format_option(command, args.format, formats, "text|md|csv|xlsx", "Định dạng: text (mặc định), md, csv, xlsx",
                    "Output format: text (default), md, csv, xlsx", lang);
  add_output_option(command, args.output, lang);
  add_rank_table_options(command, &args.peers, args.baseline, args.aliases, lang);
  return command;
}

int run_checklist(const ChecklistArgs& args, const GlobalOptions& global) {
  const Lang lang = global.lang;
  if (args.format == Format::xlsx && args.output.empty() && ::isatty(STDOUT_FILENO) == 1) {
    throw std::runtime_error(words(lang, "xlsx là tệp nhị phân: hãy dùng -o FILE", "xlsx is binary: use -o FILE"));
  }
  std::optional<Date> due;
  if (!args.due.empty()) {
    due = Date::parse_iso(args.due);
    assert(due);  // checked while parsing the command line
  }

  Session session(criteria_catalog(lang), args.criteria, lang);
  std::vector<ScoredUnit> units = session.score_files({args.evidence});
  auto [peers, baseline, aliases] = session.read_rank_tables(args.peers, args.baseline, args.aliases);
  print_diagnostics(session.diagnostics(), lang);
  if (session.failed()) {
    return k_exit_invalid;
  }
  assert(units.size() == 1);
  if (peers) {
    print_notices(predict_ranks(units, *peers, baseline ? &*baseline : nullptr, aliases, args.aliases, lang));
  }
  const ScoredUnit& unit = units.front();
  const Checklist checklist = build_checklist(*unit.criteria, unit.evidence, unit.result, due, lang);

  const bool to_file = !args.output.empty();
  RenderOptions options;
  options.lang = lang;
  options.width = output_width(to_file);
  std::string bytes;
  switch (args.format) {
    case Format::text:
      options.style = Style(use_color(global.color, to_file));
      bytes = render_checklist_text(unit, checklist, options);
      break;
    case Format::md:
      bytes = render_checklist_md(unit, checklist, options);
      break;
    case Format::csv:
      bytes = render_checklist_csv(unit, checklist, lang);
      break;
    case Format::xlsx:
      bytes = render_checklist_xlsx(unit, checklist, lang);
      break;
    case Format::json:  // json and html are not offered by `checklist`: refused while parsing
    case Format::html:
      break;
  }
  write_output(bytes, args.output, session.files_read(), lang);
  return k_exit_ok;
}

}  // namespace cchc::cli
