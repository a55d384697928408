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
#include "cchc/report/csv.hpp"
#include "cchc/report/html.hpp"
#include "cchc/report/json.hpp"
#include "cchc/report/markdown.hpp"
#include "cchc/report/report.hpp"
#include "cchc/report/text.hpp"
#include "cchc/report/xlsx.hpp"
#include "cchc/text.hpp"
#include "choices.hpp"

namespace cchc::cli {

using namespace report;  // NOLINT(google-build-using-namespace)

namespace fs = std::filesystem;

namespace {

std::string words(Lang lang, std::string_view vi, std::string_view en) {
  return std::string(tr(lang, vi, en));
}

// A file's extension in lower case (".yaml", ".csv"), "" when it has none.
std::string extension_of(const fs::path& path) {
  std::string extension = path.extension().string();
  for (char& c : extension) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return extension;
}

bool is_yaml(const fs::path& path) {
  const std::string extension = extension_of(path);
  return extension == ".yaml" || extension == ".yml";
}

// The value of the `cchc:` tag when a line of `text` starts with it, the way
// every cchc file writes it; "" otherwise. Enough to pick the evidence files
// out of a folder without parsing each one twice.
std::string sniff_tag(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") {
    text.remove_prefix(3);
  }
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    if (line.substr(0, 5) != "cchc:" || (line.size() > 5 && line[5] != ' ' && line[5] != '\t' && line[5] != '\r')) {
      continue;
    }
    line.remove_prefix(5);
    const std::size_t comment = line.find(" #");
    if (comment != std::string_view::npos) {
      line = line.substr(0, comment);
    }
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) {
      line.remove_prefix(1);
    }
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) {
      line.remove_suffix(1);
    }
    if (line.size() >= 2 && (line.front() == '"' || line.front() == '\'') && line.back() == line.front()) {
      line = line.substr(1, line.size() - 2);
    }
    return std::string(line);
  }
  return {};
}

// "(cchc: results/1)" or "(no cchc: tag)", for a file skipped in a folder.
std::string kind_in_words(const std::string& kind, Lang lang) {
  return kind.empty() ? words(lang, "(không có dòng cchc:)", "(no cchc: tag)") : "(cchc: " + kind + ")";
}

// Why an INPUT file named on the command line cannot be ranked.
std::string wrong_kind_message(const std::string& kind, Lang lang) {
  const std::string found = kind.empty() ? words(lang, "tệp không có dòng \"cchc:\"", "found no \"cchc:\" tag")
                                         : words(lang, "tệp này là \"cchc: ", "found \"cchc: ") + kind + "\"";
  return words(lang, "cần một hồ sơ tự đánh giá (cchc: evidence/1) hoặc một bảng kết quả (cchc: results/1), nhưng ",
               "expected an evidence file (cchc: evidence/1) or a results table (cchc: results/1), ") +
         found;
}

// The progress of a long batch on stderr, only when stderr is a terminal and
// there are enough files to wait for: "\rĐang chấm 120/400 ██████░░░░".
class ProgressBar {
 public:
  ProgressBar(std::size_t total, Lang lang) : m_lang(lang), m_on(total >= 20 && ::isatty(STDERR_FILENO) == 1) {}
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

// What one input file turned out to be, in the order given: its kind and
// its place in the sorter's list of that kind. Kept this small because a
// folder may hold thousands of evidence files.
struct Source {
  enum class Kind { evidence, table, skipped, invalid };
  Kind kind = Kind::invalid;
  std::size_t index = 0;
};

// A file that cannot be ranked, and why.
struct Refused {
  std::string path;
  std::vector<Diagnostic> errors;  // invalid: why
  std::string note;                // skipped: why
};

// Sorts the INPUT arguments into evidence files and results tables.
class InputSorter {
 public:
  explicit InputSorter(Lang lang) : m_lang(lang) {}

  void add_argument(const std::string& path) {
    std::error_code error;
    if (fs::is_directory(path, error)) {
      add_folder(path);
      return;
    }
    if (!fresh(path)) {
      return;
    }
    const std::string extension = extension_of(path);
    try {
      if (extension == ".csv") {
        add_table(read_results(path, m_lang));
      } else if (is_yaml(path)) {
        // An evidence file is parsed once, by the batch; anything else here.
        const std::string bytes = read_input_bytes(path, m_lang);
        if (sniff_tag(bytes) == "evidence/1") {
          add_evidence(path);
          return;
        }
        const InputFile file = InputFile::parse(bytes, path, m_lang);
        if (file.kind() == "evidence/1") {
          add_evidence(path);
        } else if (file.kind() == "results/1") {
          add_table(load_results(file, m_lang));
        } else {
          const SourcePos pos = file.top_position("cchc");
          throw InputError({Diagnostic{
              Severity::error, path, pos.line, pos.column, wrong_kind_message(file.kind(), m_lang), "wrong_kind", {}}});
        }
      } else {
        read_input_bytes(path, m_lang);  // a missing or unreadable file is reported as such
        throw InputError(path, words(m_lang,
                                     "không rõ đây là tệp gì: cần hồ sơ tự đánh giá (.yaml, .yml), bảng kết quả "
                                     "(.csv, hoặc .yaml với cchc: results/1) hay một thư mục",
                                     "cannot tell what this file is: expected evidence (.yaml, .yml), a results "
                                     "table (.csv, or .yaml tagged cchc: results/1) or a folder"));
      }
    } catch (const InputError& failure) {
      add_invalid(path, failure.diagnostics());
    }
  }

  // Every input, in the order given.
  const std::vector<Source>& sources() const { return m_sources; }
  const std::vector<std::string>& evidence() const { return m_evidence; }
  const std::vector<ResultsTable>& tables() const { return m_tables; }
  const Refused& refused(std::size_t index) const { return m_refused[index]; }

  // Every file read (for `-o`, which must not overwrite one); the evidence
  // paths are moved out, the sorter has no more use for them.
  std::vector<std::string> take_paths() {
    std::vector<std::string> paths = std::move(m_evidence);
    m_evidence.clear();
    for (const ResultsTable& table : m_tables) {
      paths.push_back(table.path);
    }
    for (const Refused& refused : m_refused) {
      paths.push_back(refused.path);
    }
    return paths;
  }

  // The paths seen are only needed while sorting.
  void forget_seen() { std::set<std::string>().swap(m_seen); }

 private:
  // Every .yaml/.yml file under `folder`, in name order, hidden files and
  // folders left out. Files that are plainly something else (criteria,
  // results) are skipped with a note; a file that cannot be read is
  // reported, since it may be a broken evidence file.
  void add_folder(const std::string& folder) {
    std::vector<fs::path> files;
    std::error_code error;
    fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, error);
    for (; !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
      const fs::path& path = it->path();
      if (path.filename().string().rfind('.', 0) == 0) {
        if (it->is_directory(error)) {
          it.disable_recursion_pending();
        }
        continue;
      }
      if (is_yaml(path) && it->is_regular_file(error)) {
        files.push_back(path);
      }
    }
    if (error) {
      add_invalid(folder,
                  {Diagnostic{Severity::error,
                              folder,
                              0,
                              0,
                              words(m_lang, "không đọc được thư mục: ", "cannot read the folder: ") + error.message(),
                              {},
                              {}}});
      return;
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files) {
      add_found(file.string());
    }
  }

  void add_found(const std::string& path) {
    if (!fresh(path)) {
      return;
    }
    std::string kind;
    try {
      const std::string bytes = read_input_bytes(path, m_lang);
      kind = sniff_tag(bytes);
      if (kind.empty()) {
        kind = InputFile::parse(bytes, path, m_lang).kind();
      }
    } catch (const InputError& failure) {
      add_invalid(path, failure.diagnostics());
      return;
    }
    if (kind == "evidence/1") {
      add_evidence(path);
      return;
    }
    Refused skipped;
    skipped.path = path;
    skipped.note = m_lang == Lang::vi
                       ? "note: bỏ qua " + path + ": không phải hồ sơ tự đánh giá " + kind_in_words(kind, m_lang)
                       : "note: skipping " + path + ": not an evidence file " + kind_in_words(kind, m_lang);
    m_sources.push_back(Source{Source::Kind::skipped, m_refused.size()});
    m_refused.push_back(std::move(skipped));
  }

  void add_evidence(const std::string& path) {
    m_sources.push_back(Source{Source::Kind::evidence, m_evidence.size()});
    m_evidence.push_back(path);
  }

  void add_table(ResultsTable table) {
    m_sources.push_back(Source{Source::Kind::table, m_tables.size()});
    m_tables.push_back(std::move(table));
  }

  void add_invalid(const std::string& path, std::vector<Diagnostic> errors) {
    m_sources.push_back(Source{Source::Kind::invalid, m_refused.size()});
    m_refused.push_back(Refused{path, std::move(errors), {}});
  }

  // False for a file already taken (named twice, or also found in a folder).
  bool fresh(const std::string& path) {
    std::error_code error;
    fs::path key = fs::weakly_canonical(path, error);
    if (error) {
      key = fs::absolute(path, error).lexically_normal();
    }
    return m_seen.insert(key.string()).second;
  }

  Lang m_lang;
  std::vector<Source> m_sources;
  std::vector<std::string> m_evidence;
  std::vector<ResultsTable> m_tables;
  std::vector<Refused> m_refused;
  std::set<std::string> m_seen;
};

Diagnostic error_in(const std::string& file, int line, std::string message) {
  return Diagnostic{Severity::error, file, line, line > 0 ? 1 : 0, std::move(message), {}, {}};
}

std::string join_years(const std::set<int>& years) {
  std::string out;
  for (const int year : years) {
    out += (out.empty() ? "" : ", ") + std::to_string(year);
  }
  return out;
}

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

std::vector<std::string> alias_warnings(const std::vector<std::string>& specs, const ResultsTable& baseline,
                                        const std::set<std::string>& current, Lang lang) {
  std::vector<std::string> lines;
  for (const std::string& spec : specs) {
    const std::size_t equals = spec.find('=');
    if (equals == std::string::npos || find_invalid_utf8(spec)) {
      continue;  // Aliases::parse has refused it already
    }
    const std::string old_id = to_nfc(spec.substr(0, equals));
    const std::string new_id = to_nfc(spec.substr(equals + 1));
    if (baseline.find(old_id) == nullptr) {
      lines.push_back("cchc: warning: --alias " + spec + ": " +
                      (lang == Lang::vi ? "bảng năm trước " + baseline.path + " không có đơn vị " + old_id
                                        : old_id + " is not in the baseline " + baseline.path));
    }
    if (current.count(new_id) == 0) {
      lines.push_back("cchc: warning: --alias " + spec + ": " +
                      (lang == Lang::vi ? "không có đơn vị " + new_id + " trong các đơn vị được xếp hạng"
                                        : "no unit " + new_id + " is ranked"));
    }
  }
  return lines;
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
  command->add_option("-c,--criteria", args.criteria,
                      words(lang, "Bộ tiêu chí: mã hoặc đường dẫn (mặc định: khóa criteria: của từng tệp)",
                            "Criteria set: an id or a path (default: each file's criteria:)"));
  command
      ->add_option("-f,--format", args.format,
                   words(lang, "Định dạng: text (mặc định), json, csv, md, xlsx, html (trang báo cáo có biểu đồ)",
                         "Output format: text (default), json, csv, md, xlsx, html (a report page with charts)"))
      ->transform(one_of(formats))
      ->option_text("text|json|csv|md|xlsx|html");
  command
      ->add_option("-o,--output", args.output,
                   words(lang, "Ghi vào tệp FILE (an toàn, không ghi dở) thay vì ra màn hình",
                         "Write to FILE (atomically) instead of stdout"))
      ->option_text("FILE");
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

  InputSorter sorter(lang);
  for (const std::string& input : args.inputs) {
    sorter.add_argument(input);
  }
  sorter.forget_seen();
  std::vector<Diagnostic> later;  // problems with --baseline and --alias, after those of the inputs
  bool failed = false;
  std::optional<ResultsTable> baseline;
  Aliases aliases;
  if (!args.baseline.empty()) {
    try {
      baseline = read_results(args.baseline, lang);
    } catch (const InputError& error) {
      failed = true;
      later.insert(later.end(), error.diagnostics().begin(), error.diagnostics().end());
    }
    try {
      aliases = Aliases::parse(args.aliases, lang);
    } catch (const InputError& error) {
      failed = true;
      later.insert(later.end(), error.diagnostics().begin(), error.diagnostics().end());
    }
  }

  // The units: every table row, then every scored file, which replaces a
  // row with the same unit id. Built as the files are scored, so that a
  // batch of thousands of files keeps only what ranking needs.
  struct Origin {
    std::size_t place = 0;                            // in `units`
    const ResultsTable* table = nullptr;              // the table row it came from, if any
    int line = 0;                                     // that row's line
    std::size_t file = static_cast<std::size_t>(-1);  // the evidence file scored, if any
  };
  std::vector<RankInput> units;
  std::map<std::string, Origin> origin;  // unit id → where it came from
  std::vector<Diagnostic> mismatched;    // evidence scored against other criteria than the first
  std::vector<Diagnostic> repeated_rows;
  std::vector<Diagnostic> repeated_files;
  std::vector<std::string> notes;
  std::set<int> years;
  const auto row_where = [](const Origin& unit) { return unit.table->path + ":" + std::to_string(unit.line); };
  for (const ResultsTable& table : sorter.tables()) {
    if (table.year) {
      years.insert(*table.year);
    }
    for (const ResultRow& row : table.rows) {
      const auto [it, added] = origin.emplace(row.unit, Origin{units.size(), &table, row.pos.line});
      if (!added) {
        repeated_rows.push_back(error_in(table.path, row.pos.line,
                                         lang == Lang::vi
                                             ? "đơn vị " + row.unit + " đã có ở " + row_where(it->second)
                                             : "unit " + row.unit + " is already listed at " + row_where(it->second)));
        continue;
      }
      units.push_back(RankInput{row.unit, row.name, row.index, row.points, row.grade});
    }
  }
  units.reserve(units.size() + sorter.evidence().size());

  // Every problem and warning, in the order of the inputs, printed as the
  // batch goes (a file's as soon as it and those before it are scored), so
  // that thousands of files do not keep their warnings until the end.
  const std::vector<Source>& sources = sorter.sources();
  std::size_t printed = 0;  // sources whose diagnostics are out
  const auto print_until_evidence = [&]() {
    for (; printed < sources.size() && sources[printed].kind != Source::Kind::evidence; ++printed) {
      const Source& source = sources[printed];
      if (source.kind == Source::Kind::invalid) {
        failed = true;
        print_diagnostics(sorter.refused(source.index).errors);
      } else if (source.kind == Source::Kind::skipped) {
        print_notes({sorter.refused(source.index).note});
      }
    }
  };
  std::string criteria_id;  // of the first file scored
  std::string first_path;
  std::set<std::string> other_sets;  // the other criteria sets found, each reported once
  std::optional<int> precision;
  std::size_t file = 0;  // the item's place among the evidence files
  const auto take = [&](BatchItem& item) {
    const std::size_t index = file++;
    if (!item.errors.empty()) {
      return;
    }
    if (!precision) {
      precision = item.precision;
      criteria_id = item.criteria_id;
      first_path = item.path;
    } else if (item.criteria_id != criteria_id && other_sets.insert(item.criteria_id).second) {
      mismatched.push_back(error_in(item.path, 0,
                                    lang == Lang::vi
                                        ? "không xếp hạng chung được: tệp này chấm theo bộ tiêu chí " +
                                              item.criteria_id + ", còn " + first_path + " chấm theo bộ " + criteria_id
                                        : "cannot rank these together: this file is scored against criteria " +
                                              item.criteria_id + ", but " + first_path + " against " + criteria_id));
    }
    if (item.year > 0) {
      years.insert(item.year);
    }
    const std::string& id = item.unit.unit;
    const auto [it, added] = origin.emplace(id, Origin{units.size(), nullptr, 0, index});
    if (added) {
      units.push_back(std::move(item.unit));
      return;
    }
    Origin& unit = it->second;
    if (unit.file != static_cast<std::size_t>(-1)) {
      const std::string& other = sorter.evidence()[unit.file];
      repeated_files.push_back(error_in(item.path, 0,
                                        lang == Lang::vi ? "đơn vị " + id + " đã được chấm từ " + other
                                                         : "unit " + id + " is already scored from " + other));
      return;
    }
    notes.push_back(lang == Lang::vi ? "note: " + id + ": dùng điểm tính từ " + item.path +
                                           " thay cho dòng trong bảng " + row_where(unit)
                                     : "note: " + id + ": using the score computed from " + item.path +
                                           " instead of the row at " + row_where(unit));
    unit.file = index;
    units[unit.place] = std::move(item.unit);
  };
  if (!sorter.evidence().empty()) {
    ProgressBar progress(sorter.evidence().size(), lang);
    BatchOptions options;
    options.lang = lang;
    options.threads = args.jobs;
    options.criteria = args.criteria;
    options.progress = progress.callback();
    options.keep_items = false;
    options.on_item = [&](BatchItem& item) {
      print_until_evidence();
      ++printed;  // this file's source
      failed = failed || !item.errors.empty();
      if (!item.errors.empty() || !item.warnings.empty()) {
        progress.clear();
        print_diagnostics(item.errors);
        print_diagnostics(item.warnings);
      }
      take(item);
    };
    score_batch(sorter.evidence(), criteria_catalog(lang), options);
  }
  print_until_evidence();
  print_diagnostics(later);
  if (failed) {
    return k_exit_invalid;
  }

  // Evidence scored against different criteria cannot share a ranking, nor
  // can a unit be listed twice.
  std::vector<Diagnostic> errors = std::move(mismatched);
  errors.insert(errors.end(), repeated_rows.begin(), repeated_rows.end());
  errors.insert(errors.end(), repeated_files.begin(), repeated_files.end());
  print_diagnostics(errors);
  if (!errors.empty()) {
    return k_exit_invalid;
  }
  std::map<std::string, Origin>().swap(origin);
  if (units.empty()) {
    throw std::runtime_error(words(lang, "không có đơn vị nào để xếp hạng: không có hồ sơ hay dòng bảng kết quả nào",
                                   "nothing to rank: no evidence file or results table row among the inputs"));
  }
  print_notes(notes);

  RankingReport report;
  report.decimals = precision ? *precision : decimals_written(units);
  if (years.size() == 1) {
    report.year = *years.begin();
  } else if (years.size() > 1) {
    print_notes({"cchc: warning: " +
                 words(lang, "các đơn vị thuộc nhiều năm khác nhau: ", "the units come from different years: ") +
                 join_years(years)});
  }
  std::set<std::string> current;
  if (baseline) {
    for (const RankInput& unit : units) {
      current.insert(unit.unit);
    }
  }
  report.units = rank_units(std::move(units), precision);
  if (baseline) {
    report.has_baseline = true;
    apply_previous(report.units, previous_ranks(*baseline, aliases, precision));
    print_notes(alias_warnings(args.aliases, *baseline, current, lang));
  }

  // Every file read, so that -o never overwrites one.
  std::vector<std::string> inputs = sorter.take_paths();
  if (!args.baseline.empty()) {
    inputs.push_back(args.baseline);
  }
  if (!args.criteria.empty()) {
    inputs.push_back(args.criteria);
  }

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
  write_output(bytes, args.output, inputs, lang);
  return k_exit_ok;
}

}  // namespace cchc::cli
