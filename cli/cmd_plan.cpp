#include "cmd_plan.hpp"

#include <optional>
#include <stdexcept>
#include <vector>

#include "app.hpp"
#include "cchc/plan.hpp"
#include "cchc/report/plan.hpp"
#include "cchc/session.hpp"
#include "options.hpp"
#include "terminal.hpp"

namespace cchc::cli {

using namespace report;  // NOLINT(google-build-using-namespace)

namespace {

// The target of --target-index, --target-grade or --target-rank; a bad one is
// an error that names its option.
PlanTarget read_target(const PlanArgs& args, const Criteria& criteria, Lang lang) {
  const bool index = !args.target_index.empty();
  try {
    if (index) {
      return index_target(args.target_index, lang);
    }
    if (!args.target_grade.empty()) {
      return grade_target(criteria, args.target_grade, lang);
    }
  } catch (const std::invalid_argument& error) {
    std::string message = index ? "--target-index: " : "--target-grade: ";
    throw std::runtime_error(message.append(error.what()));
  }
  return rank_target(args.target_rank);
}

}  // namespace

CLI::App* add_plan_command(CLI::App& app, PlanArgs& args, Lang lang) {
  CLI::App* command = app.add_subcommand(
      "plan", words(lang, "Chọn các tiêu chí cần khắc phục ít công sức nhất để đạt mục tiêu chỉ số, xếp loại hoặc hạng",
                    "The fixes with the least effort that reach a target index, grade or rank"));
  command->add_option("EVIDENCE", args.evidence, words(lang, "Tệp hồ sơ tự đánh giá", "Evidence file"))->required();
  CLI::Option* index = command
                           ->add_option("--target-index", args.target_index,
                                        words(lang, "Mục tiêu: chỉ số từ X trở lên", "Target: an index of X or more"))
                           ->option_text("X");
  CLI::Option* grade =
      command->add_option("--target-grade", args.target_grade, words(lang, "Mục tiêu: xếp loại G", "Target: grade G"))
          ->option_text("G");
  CLI::Option* rank = command
                          ->add_option("--target-rank", args.target_rank,
                                       words(lang, "Mục tiêu: hạng K trở lên trong bảng --peers",
                                             "Target: rank K or better among --peers"))
                          ->option_text("K")
                          ->check(CLI::PositiveNumber);
  index->excludes(grade)->excludes(rank);
  grade->excludes(rank);
  CLI::Option* peers = command
                           ->add_option("--peers", args.peers,
                                        words(lang, "Bảng kết quả các đơn vị cùng nhóm: thứ hạng dự báo",
                                              "Results table of the peer units: the predicted rank"))
                           ->option_text("TABLE");
  rank->needs(peers);
  add_criteria_option(command, args.criteria, CriteriaDefault::the_file, lang);
  add_report_options(command, args.format, args.output, lang);
  return command;
}

int run_plan(const PlanArgs& args, const GlobalOptions& global) {
  const Lang lang = global.lang;
  if (args.target_index.empty() && args.target_grade.empty() && args.target_rank == 0) {
    throw std::runtime_error(words(lang, "cần một mục tiêu: --target-index X, --target-grade G hoặc --target-rank K",
                                   "a target is needed: --target-index X, --target-grade G or --target-rank K"));
  }
  Session session(criteria_catalog(lang), args.criteria, lang);
  const std::vector<ScoredUnit> units = session.score_files({args.evidence});
  const std::optional<ResultsTable> peers = session.read_rank_tables(args.peers, {}, {}).peers;
  print_diagnostics(session.diagnostics(), lang);
  if (session.failed()) {
    return k_exit_invalid;
  }
  const ScoredUnit& unit = units.front();
  const PlanTarget target = read_target(args, *unit.criteria, lang);
  const PlanReport report{&unit,
                          make_plan(*unit.criteria, unit.evidence, unit.result, target, peers ? &*peers : nullptr)};
  const RenderOptions options{lang, Style(false), output_width(!args.output.empty())};
  const std::string bytes = args.format == Format::json ? render_plan_json(report)
                            : args.format == Format::md ? render_plan_md(report, options)
                                                        : render_plan_text(report, options);
  write_output(bytes, args.output, session.files_read(), lang);
  return report.plan.reachable ? k_exit_ok : k_exit_gate_failed;
}

}  // namespace cchc::cli
