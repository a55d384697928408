#include "cmd_diff.hpp"

#include <vector>

#include "app.hpp"
#include "cchc/diff.hpp"
#include "cchc/report/diff.hpp"
#include "cchc/session.hpp"
#include "options.hpp"
#include "terminal.hpp"

namespace cchc::cli {

using namespace report;  // NOLINT(google-build-using-namespace)

CLI::App* add_diff_command(CLI::App& app, DiffArgs& args, Lang lang) {
  CLI::App* command = app.add_subcommand(
      "diff", words(lang, "So sánh hai hồ sơ của một đơn vị (hai năm): điểm theo lĩnh vực, tiêu chí, thứ hạng",
                    "Compare two evidence files of one unit (two years): points by field and criterion, the rank"));
  command->add_option("OLD", args.old_evidence, words(lang, "Hồ sơ cũ (năm trước)", "The older evidence file"))
      ->required();
  command->add_option("NEW", args.new_evidence, words(lang, "Hồ sơ mới (năm nay)", "The newer evidence file"))
      ->required();
  CLI::Option* peers = command
                           ->add_option("--peers", args.peers,
                                        words(lang, "Bảng kết quả năm nay của các đơn vị cùng nhóm",
                                              "This year's results table of the peer units"))
                           ->option_text("NEW_TABLE");
  CLI::Option* baseline = command
                              ->add_option("--baseline", args.baseline,
                                           words(lang, "Bảng kết quả năm trước: tách thay đổi thứ hạng",
                                                 "Last year's results table: split the rank change"))
                              ->option_text("OLD_TABLE");
  peers->needs(baseline);
  baseline->needs(peers);
  command->add_option("-c,--criteria", args.criteria,
                      words(lang, "Chấm cả hai hồ sơ theo bộ tiêu chí này (mặc định: khóa criteria: của từng tệp)",
                            "Score both files against this criteria set (default: each file's criteria:)"));
  command
      ->add_option("--alias", args.aliases,
                   words(lang, "Đơn vị đổi tên hoặc sáp nhập: mã năm trước=mã năm nay (lặp lại được)",
                         "A unit renamed or merged since the baseline: OLD=NEW (repeatable)"))
      ->option_text("OLD=NEW")
      ->allow_extra_args(false)
      ->needs(baseline);
  add_report_options(command, args.format, args.output, lang);
  return command;
}

int run_diff(const DiffArgs& args, const GlobalOptions& global) {
  const Lang lang = global.lang;
  Session session(criteria_catalog(lang), args.criteria, lang);
  const std::vector<ScoredUnit> units = session.score_files({args.old_evidence, args.new_evidence});
  auto [peers, baseline, aliases] = session.read_rank_tables(args.peers, args.baseline, args.aliases);
  print_diagnostics(session.diagnostics(), lang);
  if (session.failed()) {
    return k_exit_invalid;
  }
  const ScoredUnit& old_unit = units[0];
  const ScoredUnit& new_unit = units[1];
  if (old_unit.evidence.unit.id != new_unit.evidence.unit.id) {
    print_notes({"cchc: warning: " +
                 words(lang, "hai hồ sơ của hai đơn vị khác nhau: ", "the files are of two different units: ") +
                 old_unit.evidence.unit.id + words(lang, " và ", " and ") + new_unit.evidence.unit.id});
  }
  const DiffReport report{&old_unit, &new_unit,
                          make_diff({old_unit.criteria, &old_unit.evidence, &old_unit.result},
                                    {new_unit.criteria, &new_unit.evidence, &new_unit.result},
                                    peers ? &*peers : nullptr, baseline ? &*baseline : nullptr, aliases)};
  const RenderOptions options{lang, Style(false), output_width(!args.output.empty())};
  const std::string bytes = args.format == Format::json ? render_diff_json(report)
                            : args.format == Format::md ? render_diff_md(report, options)
                                                        : render_diff_text(report, options);
  write_output(bytes, args.output, session.files_read(), lang);
  return k_exit_ok;
}

}  // namespace cchc::cli
