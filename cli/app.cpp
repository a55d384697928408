#include "app.hpp"

#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cchc/text.hpp"
#include "cchc/version.hpp"
#include "choices.hpp"

namespace cchc::cli {

CriteriaCatalog criteria_catalog(Lang lang) {
  const char* path = std::getenv("CCHC_CRITERIA_PATH");
  return CriteriaCatalog(path == nullptr ? std::string() : std::string(path), lang);
}

Lang help_language(int argc, const char* const* argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--lang=en" || (arg == "--lang" && i + 1 < argc && std::string_view(argv[i + 1]) == "en")) {
      return Lang::en;
    }
  }
  return Lang::vi;
}

void define_command_line(CLI::App& app, Options& options, Lang lang) {
  app.name("cchc");
  app.description(std::string(tr(lang,
                                 "Tự chấm điểm Chỉ số cải cách hành chính (Chỉ số CCHC) từ bộ tiêu chí và hồ sơ "
                                 "tài liệu kiểm chứng.",
                                 "Self-scores Vietnam's administrative-reform index (Chỉ số CCHC) from criteria and "
                                 "evidence files.")));
  app.footer(std::string(tr(lang,
                            "Mã thoát: 0 thành công, 1 không đạt ngưỡng kiểm tra, 2 sai cách dùng hoặc tệp không "
                            "hợp lệ.\nMã bộ tiêu chí được tìm trong các bộ có sẵn, rồi trong các thư mục của "
                            "CCHC_CRITERIA_PATH.",
                            "Exit status: 0 success, 1 a gate failed, 2 usage error or invalid input.\n"
                            "Criteria ids resolve among the built-in sets, then the folders in CCHC_CRITERIA_PATH.")));
  // Set before any subcommand is added: subcommands copy it.
  app.failure_message([](const CLI::App*, const CLI::Error& error) {
    return std::string("cchc: error: ") + error.what() + "\nRun 'cchc --help' for more information.\n";
  });
  if (lang == Lang::vi) {
    app.option_defaults()->group("Tùy chọn");
  }
  app.set_version_flag("--version", "cchc " + std::string(version()) + " (git " + std::string(revision()) + ")",
                       std::string(tr(lang, "In phiên bản rồi thoát", "Display program version information and exit")));
  // Set before any subcommand is added: subcommands copy the help flag and
  // share the formatter.
  app.set_help_flag("-h,--help",
                    std::string(tr(lang, "In hướng dẫn này rồi thoát", "Print this help message and exit")));
  if (lang == Lang::vi) {
    // CLI11 aligns help columns by bytes: only texts after the last column
    // (descriptions, headings) may carry diacritics.
    const auto formatter = app.get_formatter();
    formatter->label("Usage", "Cách dùng");
    formatter->label("OPTIONS", "TÙY CHỌN");
    formatter->label("Options", "Tùy chọn");
    formatter->label("Positionals", "Tham số");
    formatter->label("SUBCOMMAND", "LỆNH");
    formatter->label("Subcommands", "Lệnh");
  }
  app.require_subcommand(1);
  app.fallthrough();

  const std::map<std::string, Lang> langs{{"vi", Lang::vi}, {"en", Lang::en}};
  app.add_option("--lang", options.global.lang,
                 std::string(tr(lang, "Ngôn ngữ: vi (tiếng Việt, mặc định) hoặc en (tiếng Anh)",
                                "Language of the output: vi (default) or en")))
      ->transform(one_of(langs))
      ->option_text("vi|en");
  const std::map<std::string, ColorMode> colors{
      {"auto", ColorMode::automatic}, {"always", ColorMode::always}, {"never", ColorMode::never}};
  app.add_option(
         "--color", options.global.color,
         std::string(tr(lang, "Màu: auto (chỉ trên màn hình terminal, mặc định), always hoặc never; NO_COLOR tắt màu",
                        "Colour: auto (on a terminal, default), always or never; NO_COLOR turns it off")))
      ->transform(one_of(colors))
      ->option_text("auto|always|never");

  add_score_command(app, options.score, lang)->callback([&options] { options.command = CommandName::score; });
  add_rank_command(app, options.rank, lang)->callback([&options] { options.command = CommandName::rank; });
  add_checklist_command(app, options.checklist, lang)->callback([&options] {
    options.command = CommandName::checklist;
  });
  add_plan_command(app, options.plan, lang)->callback([&options] { options.command = CommandName::plan; });
  add_diff_command(app, options.diff, lang)->callback([&options] { options.command = CommandName::diff; });
  add_check_command(app, options.check, lang)->callback([&options] { options.command = CommandName::check; });
  const CriteriaCommands criteria = add_criteria_commands(app, options.criteria_show, lang);
  criteria.list->callback([&options] { options.command = CommandName::criteria_list; });
  criteria.show->callback([&options] { options.command = CommandName::criteria_show; });
  add_init_command(app, options.init, lang)->callback([&options] { options.command = CommandName::init; });
  if (lang == Lang::vi) {
    app.get_help_ptr()->group("Tùy chọn");
    for (CLI::App* command : app.get_subcommands({})) {
      command->group("Lệnh");
      command->get_help_ptr()->group("Tùy chọn");
      for (CLI::App* nested : command->get_subcommands({})) {
        nested->group("Lệnh");
        nested->get_help_ptr()->group("Tùy chọn");
      }
    }
  }
}

int run(const Options& options) {
  switch (options.command) {
    case CommandName::score:
      return run_score(options.score, options.global);
    case CommandName::rank:
      return run_rank(options.rank, options.global);
    case CommandName::checklist:
      return run_checklist(options.checklist, options.global);
    case CommandName::plan:
      return run_plan(options.plan, options.global);
    case CommandName::diff:
      return run_diff(options.diff, options.global);
    case CommandName::check:
      return run_check(options.check, options.global);
    case CommandName::criteria_list:
      return run_criteria_list(options.global);
    case CommandName::criteria_show:
      return run_criteria_show(options.criteria_show, options.global);
    case CommandName::init:
      return run_init(options.init, options.global);
    case CommandName::none:
      break;
  }
  // CLI11 requires a subcommand, so this is not reached.
  return k_exit_invalid;
}

namespace {

// When a word stands where a command was expected ("cchc scor x.yaml"), the
// message names it and suggests the closest command; "" otherwise.
std::string unknown_command_message(const CLI::App& app, const CLI::ParseError& error) {
  if (error.get_name() != "RequiredError") {
    return {};
  }
  const std::vector<std::string> rest = app.remaining(true);
  if (rest.empty() || rest.front().empty() || rest.front()[0] == '-') {
    return {};
  }
  const CLI::App* level = &app;
  while (!level->get_subcommands().empty()) {
    level = level->get_subcommands().front();
  }
  if (level->get_require_subcommand_min() == 0) {
    return {};
  }
  const std::string& word = rest.front();
  std::vector<std::string> names;
  for (const CLI::App* command : level->get_subcommands([](const CLI::App*) { return true; })) {
    names.push_back(command->get_name());
  }
  std::string message = "cchc: error: unknown command \"" + word + "\"";
  if (const std::optional<std::string> closest = did_you_mean(word, names)) {
    message += "; did you mean \"" + *closest + "\"?";
  } else {
    std::string list;
    for (const std::string& name : names) {
      list += (list.empty() ? "" : ", ") + name;
    }
    message += " (commands: " + list + ")";
  }
  return message + "\nRun 'cchc --help' for more information.\n";
}

}  // namespace

int exit_for_parse_error(const CLI::App& app, const CLI::ParseError& error) {
  const std::string unknown = unknown_command_message(app, error);
  if (!unknown.empty()) {
    std::fputs(unknown.c_str(), stderr);
    return k_exit_invalid;
  }
  const int status = app.exit(error);
  return status == static_cast<int>(CLI::ExitCodes::Success) ? k_exit_ok : k_exit_invalid;
}

namespace {

// What print_diagnostics printed in this run. The "too many" markers of a
// file cut short (DiagnosticSink) are not counted: they make the count "more
// than".
struct PrintedCount {
  int errors = 0;
  int warnings = 0;
  bool errors_cut = false;
};

PrintedCount& printed_count() {
  static PrintedCount count;
  return count;
}

}  // namespace

void print_diagnostics(const std::vector<Diagnostic>& diagnostics, Lang lang) {
  PrintedCount& count = printed_count();
  for (const Diagnostic& diagnostic : diagnostics) {
    if (diagnostic.code == "too_many_errors") {
      count.errors_cut = true;
    } else if (diagnostic.code != "too_many_warnings") {
      ++(diagnostic.severity == Severity::error ? count.errors : count.warnings);
    }
  }
  for (const Diagnostic& diagnostic : summarise_warnings(diagnostics, lang)) {
    const std::string line = format_diagnostic(diagnostic);
    std::fprintf(stderr, "%s\n", line.c_str());
  }
  std::fflush(stderr);
}

void print_error_count(Lang lang) {
  const PrintedCount& count = printed_count();
  if (count.errors == 0) {
    return;
  }
  std::string line = "cchc: ";
  if (count.errors_cut) {
    line += lang == Lang::vi ? "hơn " : "more than ";
  }
  line += std::to_string(count.errors);
  line += lang == Lang::vi ? " lỗi" : count.errors == 1 && !count.errors_cut ? " error" : " errors";
  if (count.warnings > 0) {
    line += ", " + std::to_string(count.warnings);
    line += lang == Lang::vi ? " cảnh báo" : count.warnings == 1 ? " warning" : " warnings";
  }
  std::fprintf(stderr, "%s\n", line.c_str());
  std::fflush(stderr);
}

void print_notes(const std::vector<std::string>& lines) {
  for (const std::string& line : lines) {
    std::fprintf(stderr, "%s\n", line.c_str());
  }
  std::fflush(stderr);
}

void print_notices(const std::vector<Notice>& notices) {
  for (const Notice& notice : notices) {
    const std::string line = format_notice(notice);
    std::fprintf(stderr, "%s\n", line.c_str());
  }
  std::fflush(stderr);
}

}  // namespace cchc::cli
