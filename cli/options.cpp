#include "options.hpp"

#include <map>

namespace cchc::cli {

CLI::Option* add_criteria_option(CLI::App* command, std::string& criteria, CriteriaDefault fallback, Lang lang) {
  const bool each = fallback == CriteriaDefault::each_file;
  return command->add_option(
      "-c,--criteria", criteria,
      std::string(each ? tr(lang, "Bộ tiêu chí: mã hoặc đường dẫn (mặc định: khóa criteria: của từng tệp)",
                            "Criteria set: an id or a path (default: each file's criteria:)")
                       : tr(lang, "Bộ tiêu chí: mã hoặc đường dẫn (mặc định: khóa criteria: của tệp hồ sơ)",
                            "Criteria set: an id or a path (default: the file's criteria:)")));
}

CLI::Option* add_output_option(CLI::App* command, std::string& output, Lang lang) {
  return command
      ->add_option("-o,--output", output,
                   std::string(tr(lang, "Ghi vào tệp FILE (an toàn, không ghi dở) thay vì ra màn hình",
                                  "Write to FILE (atomically) instead of stdout")))
      ->option_text("FILE");
}

void add_report_options(CLI::App* command, Format& format, std::string& output, Lang lang) {
  const std::map<std::string, Format> formats{{"text", Format::text}, {"json", Format::json}, {"md", Format::md}};
  add_format_option(command, format, formats, "text|json|md", "Định dạng: text (mặc định), json, md",
                    "Output format: text (default), json, md", lang);
  add_output_option(command, output, lang);
}

}  // namespace cchc::cli
