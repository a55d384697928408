#include "cmd_criteria.hpp"

#include <optional>
#include <stdexcept>

#include "app.hpp"
#include "cchc/report/criteria.hpp"
#include "cchc/text.hpp"
#include "output.hpp"

namespace cchc::cli {

using namespace report;  // NOLINT(google-build-using-namespace)

namespace {

RenderOptions screen_options(const GlobalOptions& global) {
  RenderOptions options;
  options.lang = global.lang;
  options.style = Style(use_color(global.color, false));
  options.width = output_width(false);
  return options;
}

// The node `wanted` names; an unknown id is an error with a "did you mean".
int find_node(const Criteria& criteria, const std::string& wanted, Lang lang) {
  const int node = find_invalid_utf8(wanted) ? -1 : criteria.find(to_nfc(wanted));
  if (node >= 0) {
    return node;
  }
  std::string message = words(lang, "bộ tiêu chí ", "criteria set ") + criteria.id +
                        words(lang, " không có tiêu chí \"", " has no criterion \"") + wanted + "\"";
  if (const std::optional<std::string> suggestion = criteria.suggest_id(wanted)) {
    message += words(lang, "; có phải ý bạn là \"", "; did you mean \"") + *suggestion + "\"?";
  } else {
    message +=
        words(lang, " (xem danh sách: cchc criteria show ", " (see the list: cchc criteria show ") + criteria.id + ")";
  }
  throw std::runtime_error(message);
}

}  // namespace

CriteriaCommands add_criteria_commands(CLI::App& app, CriteriaShowArgs& args, Lang lang) {
  CLI::App* criteria = app.add_subcommand("criteria", words(lang, "Các bộ tiêu chí cchc biết: liệt kê, hoặc xem một bộ",
                                                            "The criteria sets cchc knows: list them, or show one"));
  criteria->require_subcommand(1);
  criteria->fallthrough();
  CriteriaCommands commands;
  commands.list = criteria->add_subcommand(
      "list", words(lang, "Liệt kê các bộ tiêu chí: có sẵn, rồi các bộ trong CCHC_CRITERIA_PATH",
                    "List the criteria sets: built in, then those in CCHC_CRITERIA_PATH"));
  commands.list->fallthrough();
  commands.show = criteria->add_subcommand(
      "show", words(lang, "Xem một bộ tiêu chí (hoặc một tiêu chí) dạng cây, có điểm tối đa và cách chấm",
                    "Show a criteria set (or one node of it) as a tree with max points and rules"));
  commands.show
      ->add_option("ID", args.id, words(lang, "Bộ tiêu chí: mã hoặc đường dẫn tệp", "Criteria set: an id or a path"))
      ->required();
  commands.show->add_option(
      "NODE", args.node,
      words(lang, "Mã một tiêu chí, ví dụ 1.1.2: chỉ xem phần đó", "A node id, e.g. 1.1.2: show that part only"));
  commands.show->fallthrough();
  return commands;
}

int run_criteria_list(const GlobalOptions& global) {
  const std::vector<CriteriaEntry> entries = criteria_catalog(global.lang).list();
  write_output(render_criteria_list(entries, screen_options(global)), {}, {}, global.lang);
  return k_exit_ok;
}

int run_criteria_show(const CriteriaShowArgs& args, const GlobalOptions& global) {
  const Criteria criteria = criteria_catalog(global.lang).load(args.id);
  print_diagnostics(criteria.warnings, global.lang);
  const int node = args.node.empty() ? -1 : find_node(criteria, args.node, global.lang);
  write_output(render_criteria_tree(criteria, node, screen_options(global)), {}, {}, global.lang);
  return k_exit_ok;
}

}  // namespace cchc::cli
