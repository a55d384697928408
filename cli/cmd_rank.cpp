#include "cmd_rank.hpp"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <utility>

#include "app.hpp"
#include "cchc/batch.hpp"
#include "cchc/input_file.hpp"
#include "cchc/ranking.hpp"
#include "cchc/report/ranking.hpp"
#include "cchc/report/report.hpp"
#include "cchc/text.hpp"
#include "options.hpp"

namespace cchc::cli {

using namespace report;  // NOLINT(google-build-using-namespace)

namespace fs = std::filesystem;

namespace {

// The progress of a long batch on stderr, only when stderr is a terminal and
// there are enough files to wait for: "\rĐang chấm 120/400 ██████░░░░".
class ProgressBar {
 public:
  explicit ProgressBar(Lang lang) : m_lang(lang), m_on(::isatty(STDERR_FILENO) == 1) {}
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;
  ~ProgressBar() { clear(); }

  // The batch's progress callback; empty when the bar is off.
  std::function<void(std::size_t, std::size_t)> callback() {
    if (!m_on) {
      return {};
    }
    return [this](std::size_t done, std::size_t total) { draw(done, total); };
  }

  // Erases the bar, so that what follows on stderr starts on a clean line.
  void clear() {
    if (m_drawn) {
      std::fputs("\r\x1b[K", stderr);
      std::fflush(stderr);
      m_drawn = false;
    }
  }

 private:
  // Redrawn at most ten times a second, and once more at the end.
  void draw(std::size_t done, std::size_t total) {
    if (total < 20) {
      return;  // over before anyone waits
    }
    const auto now = std::chrono::steady_clock::now();
    if (m_drawn && done < total && now - m_last < std::chrono::milliseconds(100)) {
      return;
    }
    m_last = now;
    m_drawn = true;
    constexpr std::size_t k_cells = 20;
    const std::size_t filled = total == 0 ? k_cells : std::min(k_cells, done * k_cells / total);
    std::string line =
        "\r" + words(m_lang, "Đang chấm ", "Scoring ") + std::to_string(done) + "/" + std::to_string(total) + " ";
    for (std::size_t i = 0; i < k_cells; ++i) {
      line += i < filled ? "█" : "░";
    }
    line += "\x1b[K";
    std::fputs(line.c_str(), stderr);
    std::fflush(stderr);
  }

  Lang m_lang;
  bool m_on;
  bool m_drawn = false;
  std::chrono::steady_clock::time_point m_last;
};

}  // namespace

void add_rank_table_options(CLI::App* command, std::string* peers, std::string& baseline,
                            std::vector<std::string>& aliases, Lang lang) {
  CLI::Option* peers_option = nullptr;
  if (peers != nullptr) {
    peers_option = command
                       ->add_option("--peers", *peers,
                                    words(lang,
                                          "Bảng kết quả của các đơn vị cùng nhóm (CSV hoặc YAML results/1): dự "
                                          "báo thứ hạng",
                                          "Results table of the peer units (CSV or YAML results/1): predict the rank"))
                       ->option_text("TABLE");
  }
  CLI::Option* baseline_option =
      command
          ->add_option("--baseline", baseline,
                       words(lang, "Bảng kết quả năm trước: thứ hạng tăng, giảm bao nhiêu bậc",
                             "Last year's results table: the change in rank since then"))
          ->option_text("TABLE");
  if (peers_option != nullptr) {
    baseline_option->needs(peers_option);
  }
  command
      ->add_option("--alias", aliases,
                   words(lang, "Đơn vị đổi tên hoặc sáp nhập: mã năm trước=mã năm nay (lặp lại được)",
                         "A unit renamed or merged since the baseline: OLD=NEW (repeatable)"))
      ->option_text("OLD=NEW")
      ->allow_extra_args(false)
      ->needs(baseline_option);
}

CLI::App* add_rank_command(CLI::App& app, RankArgs& args, Lang lang) {
  const std::map<std::string, Format> formats{{"text", Format::text}, {"json", Format::json}, {"csv", Format::csv},
                                              {"md", Format::md},     {"xlsx", Format::xlsx}, {"html", Format::html}};
  CLI::App* command =
      app.add_subcommand("rank", words(lang, "Xếp hạng nhiều đơn vị: hồ sơ tự đánh giá, thư mục hồ sơ, bảng kết quả",
                                       "Rank many units: evidence files, folders of them, results tables"));
  command
      ->add_option("INPUT", args.inputs,
                   words(lang,
                         "Hồ sơ tự đánh giá (cchc: evidence/1), thư mục chứa hồ sơ, bảng kết quả (.csv hoặc "
                         "YAML cchc: results/1)",
                         "Evidence files (cchc: evidence/1), folders of them, results tables (.csv or YAML "
                         "cchc: results/1)"))
      ->required();
  add_rank_table_options(command, nullptr, args.baseline, args.aliases, lang);
  add_criteria_option(command, args.criteria, CriteriaDefault::each_file, lang);
  add_format_option(command, args.format, formats, "text|json|csv|md|xlsx|html",
                    "Định dạng: text (mặc định), json, csv, md, xlsx, html (trang báo cáo có biểu đồ)",
                    "Output format: text (default), json, csv, md, xlsx, html (a report page with charts)", lang);
  add_output_option(command, args.output, lang);
  command
      ->add_option("--jobs", args.jobs,
                   words(lang, "Số tệp chấm cùng lúc (0: mỗi nhân CPU một tệp, mặc định)",
                         "Files scored at once (0: one per core, the default)"))
      ->option_text("N");
  return command;
}

int run_rank(const RankArgs& args, const GlobalOptions& global) {
  const Lang lang = global.lang;
  if (args.format == Format::xlsx && args.output.empty() && ::isatty(STDOUT_FILENO) == 1) {
    throw std::runtime_error(words(lang, "xlsx là tệp nhị phân: hãy dùng -o FILE", "xlsx is binary: use -o FILE"));
  }
  Session session(criteria_catalog(lang), args.criteria, lang);
  ProgressBar progress(lang);
  RankRunOptions run;
  run.threads = args.jobs;
  run.baseline = args.baseline;
  run.aliases = args.aliases;
  run.progress = progress.callback();
  run.on_diagnostics = [&](const std::vector<Diagnostic>& diagnostics) {
    progress.clear();
    print_diagnostics(diagnostics, lang);
  };
  run.on_notice = [&](const Notice& notice) {
    progress.clear();
    print_notices({notice});
  };
  const RankRun ranked = rank_inputs(args.inputs, session, run);
  progress.clear();
  if (ranked.failed) {
    return k_exit_invalid;
  }
  const RankingReport& report = ranked.ranking;

  const bool to_file = !args.output.empty();
  RenderOptions options;
  options.lang = lang;
  options.width = output_width(to_file);
  std::string bytes;
  switch (args.format) {
    case Format::text:
      options.style = Style(use_color(global.color, to_file));
      bytes = render_ranking_text(report, options);
      break;
    case Format::md:
      bytes = render_ranking_md(report, options);
      break;
    case Format::html:
      bytes = render_ranking_html(report, options);
      break;
    case Format::json:
      bytes = render_ranking_json(report);
      break;
    case Format::csv:
      bytes = render_ranking_csv(report);
      break;
    case Format::xlsx:
      bytes = render_ranking_xlsx(report, lang);
      break;
  }
  write_output(bytes, args.output, session.files_read(), lang);
  return k_exit_ok;
}

}  // namespace cchc::cli
