#include "cchc/ranking_run.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <stdexcept>
#include <utility>

#include "cchc/batch.hpp"
#include "cchc/input_file.hpp"
#include "cchc/inputs.hpp"
#include "cchc/text.hpp"
#include "localized.hpp"

namespace cchc {

namespace {

using detail::say;

// "(cchc: results/1)" or "(no cchc: tag)", for a file skipped in a folder.
std::string kind_in_words(const std::string& kind, Lang lang) {
  return kind.empty() ? std::string(tr(lang, "(không có dòng cchc:)", "(no cchc: tag)")) : "(cchc: " + kind + ")";
}

// Why an INPUT file named on the command line cannot be ranked.
std::string wrong_kind_message(const std::string& kind, Lang lang) {
  const std::string found = kind.empty()
                                ? std::string(tr(lang, "tệp không có dòng \"cchc:\"", "found no \"cchc:\" tag"))
                                : say(lang, "tệp này là \"cchc: {}\"", "found \"cchc: {}\"", kind);
  return say(lang, "cần một hồ sơ tự đánh giá (cchc: evidence/1) hoặc một bảng kết quả (cchc: results/1), nhưng {}",
             "expected an evidence file (cchc: evidence/1) or a results table (cchc: results/1), {}", found);
}

// The first bytes of a file, where every cchc file writes its `cchc:` tag:
// enough to tell an evidence file without reading it whole (the batch reads
// it once, to score it). "" when it cannot be opened: the full read that
// follows then says why.
std::string file_start(const std::string& path) {
  constexpr std::size_t k_bytes = 4096;
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) {
    return {};  // a FIFO would block, a device never end: read_input_bytes refuses them
  }
  std::ifstream in(path, std::ios::binary);
  std::string start(k_bytes, '\0');
  in.read(start.data(), static_cast<std::streamsize>(k_bytes));
  start.resize(static_cast<std::size_t>(std::max<std::streamsize>(in.gcount(), 0)));
  // A tag on the last, cut line could be misread: keep whole lines only.
  if (start.size() == k_bytes) {
    const std::size_t end = start.rfind('\n');
    start.resize(end == std::string::npos ? 0 : end + 1);
  }
  return start;
}

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

// Sorts the inputs into evidence files and results tables. An evidence file
// is parsed once, by the batch; its kind is told from its tag line.
class InputSorter {
 public:
  explicit InputSorter(Lang lang) : m_lang(lang) {}

  void add(const FoundFile& found) {
    if (found.named) {
      add_named(found.path);
    } else {
      add_found(found.path);
    }
  }

  void add_unreadable(const Diagnostic& error) { add_invalid(error.file, {error}); }

  const std::vector<Source>& sources() const { return m_sources; }
  const std::vector<std::string>& evidence() const { return m_evidence; }
  const std::vector<ResultsTable>& tables() const { return m_tables; }
  const Refused& refused(std::size_t index) const { return m_refused[index]; }
  // Every file read other than the evidence (which the batch records).
  std::vector<std::string> other_paths() const {
    std::vector<std::string> paths;
    for (const ResultsTable& table : m_tables) {
      paths.push_back(table.path);
    }
    for (const Refused& refused : m_refused) {
      paths.push_back(refused.path);
    }
    return paths;
  }

 private:
  void add_named(const std::string& path) {
    try {
      if (has_csv_extension(path)) {
        add_table(read_results(path, m_lang));
      } else if (has_yaml_extension(path)) {
        if (sniff_tag(file_start(path)) == "evidence/1") {
          add_evidence(path);
          return;
        }
        const std::string bytes = read_input_bytes(path, m_lang);
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
        throw InputError(path, std::string(tr(m_lang,
                                              "không rõ đây là tệp gì: cần hồ sơ tự đánh giá (.yaml, .yml), bảng "
                                              "kết quả (.csv, hoặc .yaml với cchc: results/1) hay một thư mục",
                                              "cannot tell what this file is: expected evidence (.yaml, .yml), a "
                                              "results table (.csv, or .yaml tagged cchc: results/1) or a folder")));
      }
    } catch (const InputError& failure) {
      add_invalid(path, failure.diagnostics());
    }
  }

  // A file found in a folder: only evidence is ranked from folders; other
  // cchc files are skipped with a note, a file that cannot be read is
  // reported, since it may be a broken evidence file.
  void add_found(const std::string& path) {
    std::string kind;
    if (has_csv_extension(path)) {
      kind = "results/1";
    } else {
      try {
        kind = sniff_tag(file_start(path));
        if (kind.empty()) {
          kind = InputFile::parse(read_input_bytes(path, m_lang), path, m_lang).kind();
        }
      } catch (const InputError& failure) {
        add_invalid(path, failure.diagnostics());
        return;
      }
    }
    if (kind == "evidence/1") {
      add_evidence(path);
      return;
    }
    Refused skipped;
    skipped.path = path;
    skipped.note = say(m_lang, "bỏ qua {}: không phải hồ sơ tự đánh giá {}", "skipping {}: not an evidence file {}",
                       path, kind_in_words(kind, m_lang));
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

  Lang m_lang;
  std::vector<Source> m_sources;
  std::vector<std::string> m_evidence;
  std::vector<ResultsTable> m_tables;
  std::vector<Refused> m_refused;
};

Diagnostic error_in(const std::string& file, int line, std::string message) {
  return Diagnostic{Severity::error, file, line, line > 0 ? 1 : 0, std::move(message), {}, {}};
}

std::string join_years(const std::set<int>& years) {
  std::string out;
  for (const int year : years) {
    if (!out.empty()) {
      out += ", ";
    }
    out += std::to_string(year);
  }
  return out;
}

// One ranking run: the state rank_inputs() keeps while the batch streams.
class RankRunner {
 public:
  RankRunner(Session& session, const RankRunOptions& options)
      : m_session(session), m_options(options), m_lang(session.lang()), m_sorter(session.lang()) {}

  RankRun run(const std::vector<std::string>& inputs) {
    const Discovery discovery = discover_inputs(inputs, m_lang);
    for (const Diagnostic& error : discovery.errors) {
      m_sorter.add_unreadable(error);
    }
    for (const FoundFile& found : discovery.files) {
      m_sorter.add(found);
    }
    for (const std::string& path : m_sorter.other_paths()) {
      m_session.note_read(path);
    }
    std::vector<Diagnostic> later;  // problems with --baseline and --alias, after those of the inputs
    std::optional<ResultsTable> baseline;
    Aliases aliases;
    if (!m_options.baseline.empty()) {
      m_session.note_read(m_options.baseline);
      try {
        baseline = read_results(m_options.baseline, m_lang);
      } catch (const InputError& error) {
        m_failed = true;
        later.insert(later.end(), error.diagnostics().begin(), error.diagnostics().end());
      }
      try {
        aliases = Aliases::parse(m_options.aliases, m_lang);
      } catch (const InputError& error) {
        m_failed = true;
        later.insert(later.end(), error.diagnostics().begin(), error.diagnostics().end());
      }
    }

    add_table_rows();
    m_units.reserve(m_units.size() + m_sorter.evidence().size());
    BatchOptions batch;
    batch.lang = m_lang;
    batch.threads = m_options.threads;
    batch.progress = m_options.progress;
    batch.keep_items = false;
    batch.on_item = [&](BatchItem& item) {
      report_until_evidence();
      ++m_reported;  // this file's source
      m_failed = m_failed || !item.scored;
      say_diagnostics(item.errors);
      say_diagnostics(item.warnings);
      take(item);
    };
    score_batch(m_sorter.evidence(), m_session, batch);
    report_until_evidence();
    say_diagnostics(later);
    RankRun out;
    if (m_failed) {
      out.failed = true;
      return out;
    }

    // Evidence scored against different criteria cannot share a ranking,
    // nor can a unit be listed twice.
    std::vector<Diagnostic> errors = std::move(m_mismatched);
    errors.insert(errors.end(), m_repeated_rows.begin(), m_repeated_rows.end());
    errors.insert(errors.end(), m_repeated_files.begin(), m_repeated_files.end());
    say_diagnostics(errors);
    if (!errors.empty()) {
      out.failed = true;
      return out;
    }
    std::map<std::string, Origin>().swap(m_origin);
    if (m_units.empty()) {
      throw std::runtime_error(
          std::string(tr(m_lang, "không có đơn vị nào để xếp hạng: không có hồ sơ hay dòng bảng kết quả nào",
                         "nothing to rank: no evidence file or results table row among the inputs")));
    }
    for (const Notice& notice : m_notes) {
      say_notice(notice);
    }

    Ranking& ranking = out.ranking;
    ranking.decimals = m_precision ? *m_precision : decimals_written(m_units);
    if (m_years.size() == 1) {
      ranking.year = *m_years.begin();
    } else if (m_years.size() > 1) {
      say_notice({Notice::Kind::warning, say(m_lang, "các đơn vị thuộc nhiều năm khác nhau: {}",
                                             "the units come from different years: {}", join_years(m_years))});
    }
    std::vector<std::string> current;
    if (baseline) {
      for (const RankInput& unit : m_units) {
        current.push_back(unit.unit);
      }
    }
    ranking.units = rank_units(std::move(m_units), m_precision);
    if (baseline) {
      ranking.has_baseline = true;
      const std::map<std::string, int> previous = previous_ranks(*baseline, aliases, m_precision);
      apply_previous(ranking.units, previous);
      std::vector<std::pair<std::string, std::string>> ranked;
      for (const RankedUnit& place : ranking.units) {
        ranked.emplace_back(place.unit.unit, place.unit.name);
      }
      for (const Notice& notice : baseline_match_notices(ranked, previous, *baseline, m_lang)) {
        say_notice(notice);
      }
      for (const Notice& notice : alias_warnings(m_options.aliases, *baseline, current, m_lang)) {
        say_notice(notice);
      }
    }
    return out;
  }

 private:
  // Where a unit came from.
  struct Origin {
    std::size_t place = 0;                            // in m_units
    const ResultsTable* table = nullptr;              // the table row it came from, if any
    int line = 0;                                     // that row's line
    std::size_t file = static_cast<std::size_t>(-1);  // the evidence file scored, if any
  };

  static std::string row_where(const Origin& unit) { return unit.table->path + ":" + std::to_string(unit.line); }

  void say_diagnostics(const std::vector<Diagnostic>& diagnostics) {
    if (!diagnostics.empty() && m_options.on_diagnostics) {
      m_options.on_diagnostics(diagnostics);
    }
  }

  void say_notice(const Notice& notice) {
    if (m_options.on_notice) {
      m_options.on_notice(notice);
    }
  }

  // The units of every table row, in the order of the tables.
  void add_table_rows() {
    for (const ResultsTable& table : m_sorter.tables()) {
      if (table.year) {
        m_years.insert(*table.year);
      }
      for (const ResultRow& row : table.rows) {
        const auto [it, added] = m_origin.emplace(row.unit, Origin{m_units.size(), &table, row.pos.line});
        if (!added) {
          m_repeated_rows.push_back(error_in(
              table.path, row.pos.line,
              say(m_lang, "đơn vị {} đã có ở {}", "unit {} is already listed at {}", row.unit, row_where(it->second))));
          continue;
        }
        m_units.push_back(rank_input(row));
      }
    }
  }

  // Reports the inputs before the next evidence file: invalid ones and those
  // skipped.
  void report_until_evidence() {
    const std::vector<Source>& sources = m_sorter.sources();
    for (; m_reported < sources.size() && sources[m_reported].kind != Source::Kind::evidence; ++m_reported) {
      const Source& source = sources[m_reported];
      if (source.kind == Source::Kind::invalid) {
        m_failed = true;
        say_diagnostics(m_sorter.refused(source.index).errors);
      } else if (source.kind == Source::Kind::skipped) {
        say_notice({Notice::Kind::note, m_sorter.refused(source.index).note});
      }
    }
  }

  // A scored file's unit joins the ranking (or replaces a table row).
  void take(BatchItem& item) {
    const std::size_t index = m_file++;
    if (!item.scored) {
      return;
    }
    if (!m_precision) {
      m_precision = item.precision;
      m_criteria_id = item.criteria_id;
      m_first_path = item.path;
    } else if (item.criteria_id != m_criteria_id && m_other_sets.insert(item.criteria_id).second) {
      m_mismatched.push_back(error_in(item.path, 0,
                                      say(m_lang,
                                          "không xếp hạng chung được: tệp này chấm theo bộ tiêu chí {}, còn {} chấm "
                                          "theo bộ {}",
                                          "cannot rank these together: this file is scored against criteria {}, but "
                                          "{} against {}",
                                          item.criteria_id, m_first_path, m_criteria_id)));
    }
    if (item.year > 0) {
      m_years.insert(item.year);
    }
    const std::string& id = item.unit.unit;
    const auto [it, added] = m_origin.emplace(id, Origin{m_units.size(), nullptr, 0, index});
    if (added) {
      m_units.push_back(std::move(item.unit));
      return;
    }
    Origin& unit = it->second;
    if (unit.file != static_cast<std::size_t>(-1)) {
      const std::string& other = m_sorter.evidence()[unit.file];
      m_repeated_files.push_back(error_in(
          item.path, 0, say(m_lang, "đơn vị {} đã được chấm từ {}", "unit {} is already scored from {}", id, other)));
      return;
    }
    m_notes.push_back({Notice::Kind::note, say(m_lang, "{}: dùng điểm tính từ {} thay cho dòng trong bảng {}",
                                               "{}: using the score computed from {} instead of the row at {}", id,
                                               item.path, row_where(unit))});
    unit.file = index;
    m_units[unit.place] = std::move(item.unit);
  }

  Session& m_session;
  const RankRunOptions& m_options;
  Lang m_lang;
  InputSorter m_sorter;
  bool m_failed = false;
  std::size_t m_reported = 0;  // sources whose diagnostics are out
  std::size_t m_file = 0;      // the next item's place among the evidence files
  std::vector<RankInput> m_units;
  std::map<std::string, Origin> m_origin;  // unit id → where it came from
  std::vector<Diagnostic> m_mismatched;    // evidence scored against other criteria than the first
  std::vector<Diagnostic> m_repeated_rows;
  std::vector<Diagnostic> m_repeated_files;
  std::vector<Notice> m_notes;
  std::set<int> m_years;
  std::string m_criteria_id;  // of the first file scored
  std::string m_first_path;
  std::set<std::string> m_other_sets;  // the other criteria sets found, each reported once
  std::optional<int> m_precision;
};

}  // namespace

RankRun rank_inputs(const std::vector<std::string>& inputs, Session& session, const RankRunOptions& options) {
  RankRunner runner(session, options);
  return runner.run(inputs);
}

std::vector<Notice> predict_ranks(std::vector<ScoredUnit>& units, const ResultsTable& peers,
                                  const ResultsTable* baseline, const Aliases& aliases,
                                  const std::vector<std::string>& alias_specs, Lang lang) {
  std::vector<std::string> current;
  for (const ResultRow& row : peers.rows) {
    current.push_back(row.unit);
  }
  // The previous ranks are the same for every unit with one precision.
  std::map<int, std::map<std::string, int>> previous;
  for (ScoredUnit& unit : units) {
    const Evidence& evidence = unit.evidence;
    const ScoreResult& result = unit.result;
    current.push_back(evidence.unit.id);
    const RankInput input = rank_input(evidence, result);
    const int precision = unit.criteria->precision;
    const std::map<std::string, int>* ranks = nullptr;
    if (baseline != nullptr) {
      auto found = previous.find(precision);
      if (found == previous.end()) {
        found = previous.emplace(precision, previous_ranks(*baseline, aliases, precision)).first;
      }
      ranks = &found->second;
    }
    unit.rank = predict_rank(input, peers, ranks, baseline != nullptr ? baseline->year : std::nullopt, precision);
  }
  if (baseline == nullptr) {
    return {};
  }
  std::vector<std::pair<std::string, std::string>> scored;
  scored.reserve(units.size());
  for (const ScoredUnit& unit : units) {
    scored.emplace_back(unit.evidence.unit.id, unit.evidence.unit.name);
  }
  std::vector<Notice> notices =
      baseline_match_notices(scored, previous_ranks(*baseline, aliases, std::nullopt), *baseline, lang);
  for (Notice& notice : alias_warnings(alias_specs, *baseline, current, lang)) {
    notices.push_back(std::move(notice));
  }
  return notices;
}

namespace {

// The candidate at the smallest edit distance from `word`, the earlier on a
// tie; nullptr when there is none.
const ResultRow* closest_row(const std::vector<ResultRow>& rows, const std::string& word, bool by_name) {
  const ResultRow* best = nullptr;
  std::size_t best_distance = 0;
  const std::string key = by_name ? fold_case(word) : word;
  for (const ResultRow& row : rows) {
    if (by_name && row.name.empty()) {
      continue;
    }
    const std::size_t distance = edit_distance(key, by_name ? fold_case(row.name) : row.unit);
    if (best == nullptr || distance < best_distance) {
      best = &row;
      best_distance = distance;
    }
  }
  return best;
}

std::string row_in_words(const ResultRow& row) {
  return row.name.empty() ? row.unit : row.unit + " (" + row.name + ")";
}

}  // namespace

std::vector<Notice> baseline_match_notices(const std::vector<std::pair<std::string, std::string>>& units,
                                           const std::map<std::string, int>& previous, const ResultsTable& baseline,
                                           Lang lang) {
  std::vector<Notice> notices;
  std::vector<const std::pair<std::string, std::string>*> unmatched;
  for (const auto& unit : units) {
    if (previous.count(unit.first) == 0) {
      unmatched.push_back(&unit);
    }
  }
  const std::size_t matched = units.size() - unmatched.size();
  notices.push_back({Notice::Kind::note, say(lang, "Khớp với bảng năm trước: {}/{} đơn vị",
                                             "Matched the baseline: {} of {} units", matched, units.size())});
  if (matched * 2 >= units.size() || baseline.rows.empty()) {
    return notices;
  }
  std::string list;
  for (const auto* unit : unmatched) {
    list += "\n  " + unit->first;
    if (!unit->second.empty() && unit->second != unit->first) {
      list += " (" + unit->second + ")";
    }
    const ResultRow* by_id = closest_row(baseline.rows, unit->first, false);
    const ResultRow* by_name = unit->second.empty() ? nullptr : closest_row(baseline.rows, unit->second, true);
    list += say(lang, ": gần nhất theo mã là {}", ": closest by id {}", row_in_words(*by_id));
    if (by_name != nullptr) {
      list += say(lang, ", theo tên là {}", ", by name {}", row_in_words(*by_name));
    }
  }
  notices.push_back(
      {Notice::Kind::warning,
       say(lang,
           "chỉ {}/{} đơn vị khớp với bảng năm trước {}: các đơn vị còn lại không có thứ hạng năm trước "
           "và được coi là \"mới\"; kiểm tra mã đơn vị hoặc dùng --alias CŨ=MỚI. Các đơn vị không khớp:{}",
           "only {} of {} units matched the baseline {}: the others get no previous rank and show as \"new\"; "
           "check the unit ids or use --alias OLD=NEW. Unmatched units:{}",
           matched, units.size(), baseline.path, list)});
  return notices;
}

std::vector<Notice> alias_warnings(const std::vector<std::string>& specs, const ResultsTable& baseline,
                                   const std::vector<std::string>& current, Lang lang) {
  const std::set<std::string> ranked(current.begin(), current.end());
  std::vector<Notice> notices;
  for (const std::string& spec : specs) {
    const std::size_t equals = spec.find('=');
    if (equals == std::string::npos || find_invalid_utf8(spec)) {
      continue;  // Aliases::parse has refused it already
    }
    const std::string old_id = to_nfc(spec.substr(0, equals));
    const std::string new_id = to_nfc(spec.substr(equals + 1));
    if (baseline.find(old_id) == nullptr) {
      notices.push_back(
          {Notice::Kind::warning, say(lang, "--alias {}: bảng năm trước {} không có đơn vị {}",
                                      "--alias {0}: {2} is not in the baseline {1}", spec, baseline.path, old_id)});
    }
    if (ranked.count(new_id) == 0) {
      notices.push_back(
          {Notice::Kind::warning, say(lang, "--alias {}: không có đơn vị {} trong các đơn vị được xếp hạng",
                                      "--alias {}: no unit {} is ranked", spec, new_id)});
    }
  }
  return notices;
}

}  // namespace cchc
