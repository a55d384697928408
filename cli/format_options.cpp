#include "format_options.hpp"

#include <map>

#include "choices.hpp"

namespace cchc::cli {

void add_format_options(CLI::App* command, Format& format, std::string& output, Lang lang) {
  const std::map<std::string, Format> formats{{"text", Format::text}, {"json", Format::json}, {"md", Format::md}};
  command
      ->add_option("-f,--format", format,
                   words(lang, "Định dạng: text (mặc định), json, md", "Output format: text (default), json, md"))
      ->transform(one_of(formats))
      ->option_text("text|json|md");
  command
      ->add_option("-o,--output", output,
                   words(lang, "Ghi vào tệp FILE (an toàn, không ghi dở) thay vì ra màn hình",
                         "Write to FILE (atomically) instead of stdout"))
      ->option_text("FILE");
}

}  // namespace cchc::cli
