#include "cmd_criteria.hpp"

#include <limits>
#include <stdexcept>

#include "app.hpp"
#include "cchc/report/text.hpp"
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

// The id closest to `wanted`, when one is close enough to be a typo; on a
// tie, the one whose length is closest ("T4" suggests "T1" before "4").
std::string closest_id(const Criteria& criteria, const std::string& wanted) {
  const std::size_t length = count_code_points(wanted);
  auto length_gap = [length](const std::string& id) {
    const std::size_t n = count_code_points(id);
    return n > length ? n - length : length - n;
  };
  std::string best;
  std::size_t best_distance = std::numeric_limits<std::size_t>::max();
  for (const Node& node : criteria.nodes) {
    const std::size_t distance = edit_distance(wanted, node.id);
    if (distance < best_distance || (distance == best_distance && length_gap(node.id) < length_gap(best))) {
      best_distance = distance;
      best = node.id;
    }
  }
  const std::size_t limit = std::max<std::size_t>(1, length / 3);
  return best_distance <= limit ? best : std::string();
}

int find_node(const Criteria& criteria, const std::string& wanted, Lang lang) {
  const bool valid = !find_invalid_utf8(wanted).has_value();
  const std::string id = valid ? to_nfc(wanted) : wanted;
  const int node = valid ? criteria.find(id) : -1;
  if (node >= 0) {
    return node;
  }
  const std::string suggestion = valid ? closest_id(criteria, id) : std::string();
  std::string message = lang == Lang::vi ? "bộ tiêu chí " + criteria.id + " không có tiêu chí \"" + wanted + "\""
                                         : "criteria set " + criteria.id + " has no criterion \"" + wanted + "\"";
  if (!suggestion.empty()) {
    message +=
        lang == Lang::vi ? "; có phải ý bạn là \"" + suggestion + "\"?" : "; did you mean \"" + suggestion + "\"?";
  } else {
    message += lang == Lang::vi ? " (xem danh sách: cchc criteria show " + criteria.id + ")"
                                : " (see the list: cchc criteria show " + criteria.id + ")";
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
  print_diagnostics(criteria.warnings);
  const int node = args.node.empty() ? -1 : find_node(criteria, args.node, global.lang);
  write_output(render_criteria_tree(criteria, node, screen_options(global)), {}, {}, global.lang);
  return k_exit_ok;
}

}  // namespace cchc::cli
