#include "cmd_init.hpp"

#include <cstdio>
#include <filesystem>
#include <optional>
#include <stdexcept>

#include "app.hpp"
#include "cchc/evidence_template.hpp"
#include "cchc/text.hpp"
#include "options.hpp"
#include "output.hpp"

namespace cchc::cli {

namespace {

void require_text(const std::string& value, std::string_view option, Lang lang) {
  if (find_invalid_utf8(value)) {
    throw std::runtime_error(std::string(option) +
                             words(lang, ": không phải văn bản UTF-8 hợp lệ", ": not valid UTF-8 text"));
  }
  if (value.find_first_not_of(" \t") == std::string::npos) {
    throw std::runtime_error(std::string(option) + words(lang, ": không được để trống", ": must not be empty"));
  }
  // The template would be written, but never read back (a name is text on one line).
  // TAB and LF are read back as a space (a name is on one line); ESC, CR and the rest are not.
  if (const std::optional<CharacterAt> bad = find_control(value, true)) {
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(bad->code_point));
    std::string message(option);
    message += words(lang, ": ký tự điều khiển ", ": control character ");
    message += code;
    message += words(lang, " không được phép", " is not allowed");
    throw std::runtime_error(message);
  }
}

// `--unit` must be a unit id; a name written there gets an id made from it.
void require_unit_id(const std::string& id, Lang lang) {
  if (is_valid_unit_id(id)) {
    return;
  }
  std::string message = "--unit: " + words(lang, "\"", "\"") + id +
                        words(lang,
                              "\" không phải mã đơn vị (chỉ gồm chữ cái không dấu, chữ số và - _ ., "
                              "bắt đầu và kết thúc bằng chữ hoặc số)",
                              "\" is not a unit id (ASCII letters, digits and - _ . only, beginning and ending with a "
                              "letter or digit)");
  const std::string suggestion = suggest_unit_id(id);
  if (!suggestion.empty()) {
    message += words(lang, "; có phải là \"", "; did you mean \"") + suggestion + "\"?";
  }
  throw std::runtime_error(message);
}

// An evidence file must be for the criteria's year (the loader refuses any
// other), so a template for another year would never load.
void require_year(int year, const Criteria& criteria, Lang lang) {
  if (year == 0 || year == criteria.year) {
    return;
  }
  throw std::runtime_error("--year: " + std::to_string(year) + words(lang, ": bộ tiêu chí \"", ": the criteria \"") +
                           criteria.id + words(lang, "\" dành cho năm ", "\" are for ") +
                           std::to_string(criteria.year) +
                           words(lang, " (dùng bộ tiêu chí của năm cần đánh giá, hoặc bỏ --year)",
                                 " (use the criteria set of the year assessed, or leave out --year)"));
}

}  // namespace

CLI::App* add_init_command(CLI::App& app, InitArgs& args, Lang lang) {
  CLI::App* command =
      app.add_subcommand("init", words(lang, "Tạo mẫu hồ sơ tự đánh giá: mọi tiêu chí lá và giá trị cần ghi",
                                       "Write an evidence template listing every leaf and the value its rule expects"));
  command
      ->add_option("-c,--criteria", args.criteria,
                   words(lang, "Bộ tiêu chí: mã hoặc đường dẫn tệp", "Criteria set: an id or a path"))
      ->required();
  command
      ->add_option("--unit", args.unit_id, words(lang, "Mã đơn vị, ví dụ so-ldtbxh", "The unit's id, e.g. so-ldtbxh"))
      ->required();
  command->add_option("--name", args.unit_name, words(lang, "Tên đơn vị", "The unit's name"))->required();
  command
      ->add_option("--year", args.year,
                   words(lang, "Năm đánh giá (mặc định: năm của bộ tiêu chí)",
                         "The year assessed (default: the criteria's year)"))
      ->check(CLI::Range(1900, 2999))
      ->option_text("YEAR");
  add_output_option(command, args.output, lang);
  command->add_flag("--force", args.force,
                    words(lang, "Ghi đè FILE nếu tệp đã có", "Replace FILE when it already exists"));
  return command;
}

int run_init(const InitArgs& args, const GlobalOptions& global) {
  const Lang lang = global.lang;
  require_text(args.unit_id, "--unit", lang);
  require_text(args.unit_name, "--name", lang);
  require_unit_id(args.unit_id, lang);
  const Criteria criteria = criteria_catalog(lang).load(args.criteria);
  require_year(args.year, criteria, lang);
  print_diagnostics(criteria.warnings, lang);
  if (!args.output.empty() && !args.force) {
    std::error_code error;
    if (std::filesystem::is_regular_file(args.output, error)) {
      throw std::runtime_error(args.output +
                               words(lang, " đã tồn tại; không ghi đè hồ sơ đã có (dùng --force nếu thật sự muốn thay)",
                                     " already exists; not overwriting it (use --force to replace it)"));
    }
  }
  const TemplateOptions options{args.unit_id, args.unit_name, args.year, args.output, args.criteria, lang};
  write_output(write_evidence_template(criteria, options), args.output, {criteria.path, args.criteria}, lang);
  return k_exit_ok;
}

}  // namespace cchc::cli
