#include "cmd_check.hpp"

#include <cstdlib>
#include <map>
#include <optional>

#include "app.hpp"
#include "cchc/check.hpp"
#include "cchc/decimal.hpp"
#include "cchc/report/check.hpp"
#include "options.hpp"

namespace cchc::cli {

using namespace report;  // NOLINT(google-build-using-namespace)

namespace {

// Accepts a plain decimal (70, 72.5) from `low` up to `high` (no upper bound
// when nullopt). A number typed with a decimal comma, as Vietnamese writes
// it, is refused with the spelling to use instead.
CLI::Validator exact_decimal(Lang lang, Decimal low, std::optional<Decimal> high) {
  return CLI::Validator(
      [lang, low, high](std::string& input) -> std::string {
        const std::string found = "\"" + input + "\"";
        switch (Decimal::check(input)) {
          case DecimalSyntax::ok:
            break;
          case DecimalSyntax::decimal_comma: {
            std::string written = input;
            for (char& c : written) {
              c = c == ',' ? '.' : c;
            }
            return words(lang, "cần một số viết với dấu chấm thập phân, nhưng gặp ",
                         "expected a number written with a decimal point, found ") +
                   found + words(lang, " (hãy viết ", " (write ") + written + ")";
          }
          default:
            return words(lang, "cần một số, ví dụ 70 hoặc 72.5, nhưng gặp ",
                         "expected a number such as 70 or 72.5, found ") +
                   found;
        }
        const Decimal value = *Decimal::parse(input);
        if (value < low || (high && *high < value)) {
          const std::string range = high ? words(lang, "cần một số từ ", "expected a number from ") + low.to_string() +
                                               words(lang, " đến ", " to ") + high->to_string()
                                         : words(lang, "cần một số từ ", "expected a number of at least ") +
                                               low.to_string() + words(lang, " trở lên", "");
          return range + words(lang, ", nhưng gặp ", ", found ") + found;
        }
        return {};
      },
      "X");
}

}  // namespace

CLI::App* add_check_command(CLI::App& app, CheckArgs& args, Lang lang) {
  const std::map<std::string, CheckFormat> formats{{"text", CheckFormat::text},
                                                   {"json", CheckFormat::json},
                                                   {"junit", CheckFormat::junit},
                                                   {"github", CheckFormat::github}};
  CLI::App* command = app.add_subcommand(
      "check", words(lang,
                     "Kiểm tra các tệp bộ tiêu chí, hồ sơ tự đánh giá và bảng kết quả (cho CI), với các ngưỡng "
                     "tùy chọn",
                     "Validate criteria, evidence and results files (for CI), with optional gates"));
  command
      ->add_option("PATH", args.paths,
                   words(lang, "Tệp hoặc thư mục (tìm đệ quy các tệp .yaml, .yml, .csv); loại tệp theo dòng cchc:",
                         "Files or folders (searched recursively for .yaml, .yml, .csv); the kind comes from the "
                         "cchc: tag"))
      ->required();
  command->add_option(
      "-c,--criteria", args.criteria,
      words(lang, "Bộ tiêu chí cho mọi hồ sơ: mã hoặc đường dẫn (mặc định: khóa criteria: của từng tệp)",
            "Criteria set for every evidence file: an id or a path (default: each file's criteria:)"));
  command
      ->add_option("--min-index", args.min_index,
                   words(lang, "Ngưỡng: Chỉ số của mỗi hồ sơ phải từ X trở lên",
                         "Gate: every evidence file's index must be at least X"))
      ->check(exact_decimal(lang, Decimal(0), Decimal(100)))
      ->option_text("X");
  CLI::Option* baseline = command
                              ->add_option("--baseline", args.baseline,
                                           words(lang, "Bảng kết quả năm trước, để so sánh với --max-drop",
                                                 "Last year's results table, to compare with --max-drop"))
                              ->option_text("TABLE");
  CLI::Option* max_drop =
      command
          ->add_option("--max-drop", args.max_drop,
                       words(lang, "Ngưỡng: Chỉ số của một đơn vị không được giảm quá X điểm so với --baseline",
                             "Gate: no unit's index may fall by more than X since --baseline"))
          ->check(exact_decimal(lang, Decimal(0), std::nullopt))
          ->option_text("X");
  max_drop->needs(baseline);
  baseline->needs(max_drop);
  command->add_flag("--strict", args.strict,
                    words(lang, "Ngưỡng: có cảnh báo cũng là không đạt", "Gate: any warning fails the check"));
  add_format_option(command, args.format, formats, "text|json|junit|github",
                    "Định dạng: text (mặc định), json, junit (JUnit XML), github (GitHub Actions)",
                    "Output format: text (default), json, junit (JUnit XML), github (GitHub Actions)", lang);
  add_output_option(command, args.output, lang);
  return command;
}

int run_check(const CheckArgs& args, const GlobalOptions& global) {
  const Lang lang = global.lang;
  CheckOptions options;
  options.lang = lang;
  options.criteria = args.criteria;
  if (const char* path = std::getenv("CCHC_CRITERIA_PATH")) {
    options.search_path = path;
  }
  // Both were checked while parsing the command line.
  if (!args.min_index.empty()) {
    options.min_index = Decimal::parse(args.min_index);
  }
  if (!args.max_drop.empty()) {
    options.max_drop = Decimal::parse(args.max_drop);
  }
  options.baseline = args.baseline;
  options.strict = args.strict;

  const CheckReport report = cchc::run_check(args.paths, options);

  // Every file read, so that -o never overwrites one.
  std::vector<std::string> inputs = report.files_read;
  if (!args.baseline.empty()) {
    inputs.push_back(args.baseline);
  }

  const bool to_file = !args.output.empty();
  std::string bytes;
  switch (args.format) {
    case CheckFormat::text: {
      std::vector<std::string> notes;
      for (const std::string& note : report.notes) {
        notes.push_back("note: " + note);
      }
      print_notes(notes);
      RenderOptions render;
      render.lang = lang;
      render.style = Style(use_color(global.color, to_file));
      bytes = render_check_text(report, render);
      break;
    }
    case CheckFormat::json:
      bytes = render_check_json(report);
      break;
    case CheckFormat::junit:
      bytes = render_check_junit(report, lang);
      break;
    case CheckFormat::github:
      bytes = render_check_github(report, lang);
      break;
  }
  write_output(bytes, args.output, inputs, lang);
  return report.exit_status();
}

}  // namespace cchc::cli
