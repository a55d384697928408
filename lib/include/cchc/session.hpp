#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "cchc/catalog.hpp"
#include "cchc/criteria.hpp"
#include "cchc/diagnostic.hpp"
#include "cchc/evidence.hpp"
#include "cchc/lang.hpp"
#include "cchc/ranking.hpp"
#include "cchc/results.hpp"
#include "cchc/scoring.hpp"

namespace cchc {

// One evidence file scored against its criteria: what every score report
// takes.
struct ScoredUnit {
  const Criteria* criteria = nullptr;  // owned by the Session, which outlives the report
  Evidence evidence;
  ScoreResult result;
  std::optional<RankPrediction> rank;  // its place among the peers (--peers)

  // The warnings that concern this unit: those found in its evidence file and
  // while scoring it. (Warnings about the criteria file itself are reported
  // once per run, with the first file scored against it.)
  const std::vector<Diagnostic>& warnings() const { return result.warnings; }
};

// A scored evidence file as a unit to rank.
inline RankInput rank_input(const Evidence& evidence, const ScoreResult& result) {
  return RankInput{evidence.unit.id, evidence.unit.name, result.index, result.points, result.grade};
}

// A criteria set as one run resolved it: the set, or why it could not be
// loaded. Resolved once per reference and shared by every file (and thread)
// that names it.
struct ResolvedCriteria {
  std::optional<Criteria> criteria;  // nullopt when it could not be loaded
  std::vector<Diagnostic> errors;    // why not
  std::string path;                  // the file it came from, "" for a built-in set or an unknown one
};

// Everything one run of a command reads: the criteria sets, each resolved
// once (by id among the same run's files, the built-in sets and the search
// path, or by path for -c), the evidence files and the results tables; every
// diagnostic in the order found; every file read (so that -o never
// overwrites one). Reporting is decided once for all commands:
// - an unknown criteria id is an error at each `criteria:` line that names it;
// - an invalid criteria set's errors are reported once, with the first file
//   that cites it (in the order of the inputs), then one "see above" line
//   for each other file that cites it;
// - a criteria set's own warnings are reported once, with the first file
//   scored against it.
// criteria() is safe to call from several threads; everything else is for
// one thread (or serialised by the caller).
class Session {
 public:
  // `criteria` is -c (a path or an id), or "" for each file's `criteria:`.
  Session(CriteriaCatalog catalog, std::string criteria, Lang lang);
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  Lang lang() const { return m_lang; }
  const CriteriaCatalog& catalog() const { return m_catalog; }
  // -c as given, "" when each file names its own set.
  const std::string& criteria_override() const { return m_override; }

  // The set `reference` names, loaded on first use. Thread-safe: a set is
  // loaded by the first caller, the others wait for that load only.
  const ResolvedCriteria& criteria(const CriteriaReference& reference);

  // What to report about the set `reference` names (after criteria()) for
  // the evidence file `path` that cites it (see above): its errors, or a
  // "see above" line, or its warnings the first time. Call in the order of
  // the inputs, from one thread at a time.
  std::vector<Diagnostic> report_criteria(const CriteriaReference& reference, const std::string& path);

  // A criteria set read from a file of this run (`cchc check`): evidence of
  // the same run that names its id is scored against it, before the built-in
  // sets and the search path. `criteria` is nullopt when the file is invalid
  // (its errors are that file's; citing files get a "see above" line).
  // Returns false, adding nothing, when a set of this run has the id already.
  bool add_run_criteria(const std::string& id, const std::string& path, std::optional<Criteria> criteria);
  // The path of the run's criteria file with this id, or "".
  std::string run_criteria_path(const std::string& id) const;

  // Reads, validates and scores one evidence file; nullopt when it cannot
  // (the diagnostics say why).
  std::optional<ScoredUnit> score_file(const std::string& path);
  // score_file() for each path, in order: the units that scored.
  std::vector<ScoredUnit> score_files(const std::vector<std::string>& paths);
  // Reads a results table (CSV or YAML results/1); nullopt when it cannot.
  std::optional<ResultsTable> read_table(const std::string& path);
  // Parses --alias specs; none when they are invalid.
  Aliases read_aliases(const std::vector<std::string>& specs);

  // The tables of --peers and --baseline and the --alias specs read with a
  // baseline; an empty path is a table not given.
  struct RankTables {
    std::optional<ResultsTable> peers;
    std::optional<ResultsTable> baseline;
    Aliases aliases;
  };
  RankTables read_rank_tables(const std::string& peers, const std::string& baseline,
                              const std::vector<std::string>& aliases);

  // Adds diagnostics found by the caller (they count for failed() when one
  // is an error).
  void add(const std::vector<Diagnostic>& diagnostics);
  // Records a file read outside score_file() and read_table().
  void note_read(const std::string& path);

  // Whether an error was found.
  bool failed() const { return m_failed; }
  // Every diagnostic so far, in the order found.
  const std::vector<Diagnostic>& diagnostics() const { return m_diagnostics; }
  // The diagnostics so far, handed over (a long run reports as it goes).
  std::vector<Diagnostic> take_diagnostics();
  // Every file this run read: evidence files, results tables, criteria
  // files (built-in sets excepted) and -c as written.
  std::vector<std::string> files_read() const;

 private:
  struct Slot {
    std::once_flag once;
    ResolvedCriteria resolved;
    bool reported = false;  // its errors or warnings went to a file
  };
  Slot& slot(const std::string& ref);

  CriteriaCatalog m_catalog;
  std::string m_override;
  Lang m_lang;
  mutable std::mutex m_mutex;                            // guards m_slots
  std::map<std::string, std::unique_ptr<Slot>> m_slots;  // by reference (id or path)
  std::map<std::string, std::string> m_run_ids;          // id → path of the run's criteria files
  std::vector<std::string> m_read;
  std::vector<Diagnostic> m_diagnostics;
  bool m_failed = false;
};

}  // namespace cchc
