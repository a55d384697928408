// The Session (criteria resolved once, reported once, files read), the one
// input-discovery rule and the rank service, reached directly.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "cchc/inputs.hpp"
#include "cchc/ranking_run.hpp"
#include "cchc/session.hpp"
#include "test_support.hpp"

using namespace cchc;  // NOLINT(google-build-using-namespace)
namespace fs = std::filesystem;

namespace {

struct Folder {
  fs::path path = fs::temp_directory_path() / ("cchc-session-" + std::to_string(::getpid()));
  Folder() {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~Folder() { fs::remove_all(path); }
  Folder(const Folder&) = delete;
  Folder& operator=(const Folder&) = delete;

  std::string write(const std::string& name, const std::string& text) const {
    fs::create_directories((path / name).parent_path());
    std::ofstream(path / name, std::ios::binary) << text;
    return (path / name).string();
  }
};

const std::string k_bad_criteria =
    "cchc: criteria/1\nid: bad-2023\ntitle: B\nyear: 2023\nscale: 2\nfields:\n"
    "  - {id: \"1\", title: A, max: 1, rule: {type: chek}}\n";

std::string evidence(const std::string& criteria, const std::string& unit) {
  return "cchc: evidence/1\ncriteria: " + criteria + "\nyear: 2021\nunit: {id: " + unit + "}\nitems: {}\n";
}

std::vector<std::string> names(const Discovery& discovery, const Folder& folder) {
  std::vector<std::string> out;
  for (const FoundFile& file : discovery.files) {
    out.push_back(fs::path(file.path).lexically_relative(folder.path).string() + (file.named ? " named" : ""));
  }
  return out;
}

}  // namespace

TEST_CASE("discovery: folders sorted, extensions in any case, hidden entries left out, each file once") {
  const Folder folder;
  folder.write("b/z.YAML", "cchc: evidence/1\n");
  folder.write("b/a.yml", "");
  folder.write("T.CSV", "unit,index\n");
  folder.write("notes.txt", "");
  folder.write(".hidden.yaml", "");
  folder.write(".git/config.yaml", "");
  folder.write("x.yaml.bak", "");
  const Discovery found = discover_inputs({folder.path.string()}, Lang::en);
  CHECK(found.errors.empty());
  CHECK(names(found, folder) == std::vector<std::string>{"T.CSV", "b/a.yml", "b/z.YAML"});
  CHECK_FALSE(found.files[0].named);
}

TEST_CASE("discovery: a file named on the command line is taken where it is named, once") {
  const Folder folder;
  const std::string table = folder.write("t.csv", "unit,index\n");
  folder.write("e.yaml", "");
  const std::string dotted = (folder.path / "." / "t.csv").string();
  const Discovery found = discover_inputs({folder.path.string(), table, dotted}, Lang::en);
  CHECK(names(found, folder) == std::vector<std::string>{"e.yaml", "t.csv named"});
}

TEST_CASE("discovery: symbolic links in a folder are errors, never followed") {
  const Folder folder;
  folder.write("real/a.yaml", "");
  const std::string secret = folder.write("secret.txt", "root:x:0:0\n");
  fs::create_directories(folder.path / "walk");
  folder.write("walk/ok.yaml", "");
  fs::create_directory_symlink(folder.path / "real", folder.path / "walk" / "link");
  fs::create_symlink(secret, folder.path / "walk" / "leak.csv");
  fs::create_symlink(secret, folder.path / "walk" / "readme.txt");  // not an input: left alone
  const std::string walk = (folder.path / "walk").string();
  const Discovery found = discover_inputs({walk}, Lang::en);
  CHECK(names(found, folder) == std::vector<std::string>{"walk/ok.yaml"});
  REQUIRE(found.errors.size() == 2);
  CHECK(format_diagnostic(found.errors[0]) ==
        walk +
            "/leak.csv: error: is a symbolic link: cchc does not follow links while walking a folder (copy the "
            "file into the folder, or name it on the command line)");
  CHECK(found.errors[1].file == walk + "/link");
  CHECK(found.errors[1].code == "symlink");
  // Named on the command line, a link is followed: that is the user's choice.
  const Discovery named = discover_inputs({walk + "/leak.csv"}, Lang::en);
  CHECK(named.errors.empty());
  CHECK(named.files.size() == 1);
}

TEST_CASE("discovery: a FIFO with an evidence extension is an error, not an empty file") {
  const Folder folder;
  const fs::path fifo = folder.path / "pipe.yaml";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  ::mkfifo((folder.path / "pipe.txt").c_str(), 0600);  // not an input: left alone
  const Discovery found = discover_inputs({folder.path.string()}, Lang::vi);
  CHECK(found.files.empty());
  REQUIRE(found.errors.size() == 1);
  CHECK(format_diagnostic(found.errors[0]) ==
        fifo.string() + ": error: không phải tệp thường (FIFO, socket hay thiết bị): không đọc");
}

TEST_CASE("discovery: an unreadable subfolder is an error and the rest is still walked") {
  if (::geteuid() == 0) {
    // root reads every folder: the case is checked by tests/cli/hostile.sh as a normal user when it can.
    SUCCEED("root reads every folder");
    return;
  }
  const Folder folder;
  folder.write("a.yaml", "");
  folder.write("locked/b.yaml", "");
  fs::permissions(folder.path / "locked", fs::perms::none);
  const Discovery found = discover_inputs({folder.path.string()}, Lang::en);
  fs::permissions(folder.path / "locked", fs::perms::owner_all);
  CHECK(names(found, folder) == std::vector<std::string>{"a.yaml"});
  REQUIRE(found.errors.size() == 1);
  CHECK(format_diagnostic(found.errors[0]) ==
        (folder.path / "locked").string() + ": error: cannot read the folder: permission denied");
}

TEST_CASE("has_yaml_extension and has_csv_extension ignore case; sniff_tag reads the tag line") {
  CHECK(has_yaml_extension("A.YAML"));
  CHECK(has_yaml_extension("dir.x/a.Yml"));
  CHECK_FALSE(has_yaml_extension("a.yaml.txt"));
  CHECK(has_csv_extension("T.CSV"));
  CHECK_FALSE(has_csv_extension("csv"));
  CHECK(sniff_tag("\xEF\xBB\xBF# c\r\ncchc: \"evidence/1\"  # tag\r\n") == "evidence/1");
  CHECK(sniff_tag("cchc:evidence/1\n").empty());
  CHECK(kind_of_tag("results/1") == InputKind::results);
  CHECK_FALSE(kind_of_tag("results/2"));
}

TEST_CASE("session: a file's criteria: is an id, never a path") {
  const Folder folder;
  const std::string secret = folder.write("secret.txt", "root:x:0:0:hash-of-a-password\n");
  const std::string set = folder.write("set.yaml", k_bad_criteria);
  for (const std::string& path : {secret, set, std::string("../secret.txt")}) {
    INFO(path);
    const std::string a = folder.write("a.yaml", evidence(path, "a"));
    Session session(CriteriaCatalog("", Lang::en), "", Lang::en);
    CHECK_FALSE(session.score_file(a));
    REQUIRE(session.diagnostics().size() == 1);
    const std::string line = format_diagnostic(session.diagnostics().front());
    CHECK(line.rfind(a + ":2:11: error: unknown criteria \"" + path + "\"", 0) == 0);
    CHECK(line.find("hash-of-a-password") == std::string::npos);
    CHECK(line.find("chek") == std::string::npos);
  }
}

TEST_CASE("session: an invalid set is reported once, then one 'see above' line per citing file") {
  const Folder folder;
  // The set is found by its id in the search path (a file cites an id, never a path).
  folder.write("sets/bad.yaml", k_bad_criteria);
  const std::string criteria = "bad-2023";
  const std::string a = folder.write("a.yaml", evidence(criteria, "a"));
  const std::string b = folder.write("b.yaml", evidence(criteria, "b"));
  const std::string c = folder.write("c.yaml", evidence(criteria, "c"));
  Session session(CriteriaCatalog((folder.path / "sets").string(), Lang::en), "", Lang::en);
  CHECK_FALSE(session.score_file(a));
  const std::size_t first = session.diagnostics().size();
  CHECK(first >= 2);  // the unknown rule type and the scale
  CHECK_FALSE(session.score_file(b));
  CHECK_FALSE(session.score_file(c));
  REQUIRE(session.diagnostics().size() == first + 2);
  CHECK(format_diagnostic(session.diagnostics()[first]) ==
        b + ":2:11: error: the criteria \"" + criteria + "\" are invalid (see the errors reported above)");
  CHECK(format_diagnostic(session.diagnostics()[first + 1]).rfind(c + ":2:11: error:", 0) == 0);
  CHECK(session.failed());
}

TEST_CASE("session: an unknown id is an error at each file's own criteria line") {
  const Folder folder;
  const std::string a = folder.write("a.yaml", evidence("mau-so-2012", "a"));
  const std::string b = folder.write("b.yaml", evidence("mau-so-2012", "b"));
  Session session(CriteriaCatalog("", Lang::en), "", Lang::en);
  CHECK_FALSE(session.score_file(a));
  CHECK_FALSE(session.score_file(b));
  REQUIRE(session.diagnostics().size() == 2);
  CHECK(session.diagnostics()[0].file == a);
  CHECK(session.diagnostics()[1].file == b);
  CHECK(session.diagnostics()[1].code == "unknown_criteria");
  CHECK(session.diagnostics()[1].message.find("did you mean \"mau-so-2021\"") != std::string::npos);
}

TEST_CASE("session: a set is loaded once, from every thread, and known as a file read") {
  const Folder folder;
  const std::string copy = folder.write("copy.yaml", "");
  fs::copy_file(CCHC_SOURCE_DIR "/tests/data/criteria/small-2023.yaml", copy, fs::copy_options::overwrite_existing);
  Session session(CriteriaCatalog(folder.path.string(), Lang::en), "", Lang::en);
  const CriteriaReference reference{"small-2023", "", {}};
  std::vector<const ResolvedCriteria*> seen(8, nullptr);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < seen.size(); ++i) {
    threads.emplace_back([&, i] { seen[i] = &session.criteria(reference); });
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
  for (const ResolvedCriteria* resolved : seen) {
    CHECK(resolved == seen[0]);
  }
  REQUIRE(seen[0]->criteria);
  CHECK(seen[0]->path == copy);
  const std::vector<std::string> read = session.files_read();
  CHECK(std::find(read.begin(), read.end(), copy) != read.end());
}

TEST_CASE("session: every file read is listed, -c as written included") {
  Session session(CriteriaCatalog("", Lang::en), "tests/data/criteria/small-2023.yaml", Lang::en);
  REQUIRE(session.read_table("tests/data/results/html-2023.csv"));
  session.note_read("somewhere.yaml");
  const std::vector<std::string> read = session.files_read();
  CHECK(std::find(read.begin(), read.end(), "tests/data/results/html-2023.csv") != read.end());
  CHECK(std::find(read.begin(), read.end(), "somewhere.yaml") != read.end());
  CHECK(std::find(read.begin(), read.end(), "tests/data/criteria/small-2023.yaml") != read.end());
  CHECK_FALSE(session.failed());
}

TEST_CASE("rank_inputs: a folder and a table; the scored files replace their rows, with notes") {
  Session session(CriteriaCatalog("", Lang::en), "", Lang::en);
  RankRunOptions options;
  options.threads = 2;
  options.baseline = "examples/quang-nam-2021/bang-xep-hang/2020.csv";
  std::vector<std::string> diagnostics;
  std::vector<std::string> notices;
  options.on_diagnostics = [&](const std::vector<Diagnostic>& found) {
    for (const Diagnostic& diagnostic : found) {
      diagnostics.push_back(format_diagnostic(diagnostic));
    }
  };
  options.on_notice = [&](const Notice& notice) { notices.push_back(format_notice(notice)); };
  const RankRun run =
      rank_inputs({"examples/quang-nam-2021", "examples/quang-nam-2021/bang-xep-hang/2021.csv"}, session, options);
  REQUIRE_FALSE(run.failed);
  const Ranking& ranking = run.ranking;
  REQUIRE(ranking.units.size() == 20);
  CHECK(ranking.year == 2021);
  CHECK(ranking.has_baseline);
  CHECK(ranking.units[0].unit.unit == "so-tu-phap");
  CHECK(ranking.units[0].change == 3);
  CHECK(ranking.units[6].position == 7);
  CHECK(ranking.units[7].position == 7);  // a tie at 86.032
  REQUIRE(!notices.empty());
  CHECK(notices[0] ==
        "note: skipping examples/quang-nam-2021/bang-xep-hang/2020.csv: not an evidence file (cchc: results/1)");
  CHECK(notices[1].rfind("note: so-ldtbxh: using the score computed from ", 0) == 0);
  CHECK(!diagnostics.empty());  // the examples' warnings, in order
  const std::vector<std::string> read = session.files_read();
  CHECK(std::find(read.begin(), read.end(), "examples/quang-nam-2021/bang-xep-hang/2020.csv") != read.end());
  CHECK(std::find(read.begin(), read.end(), "examples/quang-nam-2021/so-y-te.yaml") != read.end());
}

TEST_CASE("rank_inputs: evidence of two criteria sets cannot share a ranking") {
  Session session(CriteriaCatalog("", Lang::en), "", Lang::en);
  RankRunOptions options;
  std::vector<std::string> diagnostics;
  options.on_diagnostics = [&](const std::vector<Diagnostic>& found) {
    for (const Diagnostic& diagnostic : found) {
      if (diagnostic.severity == Severity::error) {
        diagnostics.push_back(diagnostic.message);
      }
    }
  };
  const RankRun run = rank_inputs({"examples/quang-nam-2021/so-y-te.yaml", "examples/ninh-thuan-2022/so-ldtbxh.yaml"},
                                  session, options);
  CHECK(run.failed);
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].rfind("cannot rank these together", 0) == 0);
}

TEST_CASE("predict_ranks: each unit placed among the peers, the baseline's ranks computed once") {
  Session session(CriteriaCatalog("", Lang::en), "", Lang::en);
  std::optional<ScoredUnit> unit = session.score_file("examples/quang-nam-2021/so-ldtbxh.yaml");
  REQUIRE(unit);
  std::vector<ScoredUnit> units;
  units.push_back(std::move(*unit));
  const auto tables = session.read_rank_tables("examples/quang-nam-2021/bang-xep-hang/2021.csv",
                                               "examples/quang-nam-2021/bang-xep-hang/2020.csv", {"x=y"});
  REQUIRE(tables.peers);
  REQUIRE(tables.baseline);
  const std::vector<Notice> notices =
      predict_ranks(units, *tables.peers, &*tables.baseline, tables.aliases, {"x=y"}, Lang::en);
  REQUIRE(units[0].rank);
  CHECK(units[0].rank->position == 3);
  CHECK(units[0].rank->of == 20);
  CHECK(units[0].rank->change == 0);
  REQUIRE(notices.size() == 3);  // how many matched; x is not in the baseline, y is not ranked
  CHECK(format_notice(notices[0]) == "note: Matched the baseline: 1 of 1 units");
  CHECK(format_notice(notices[1]) ==
        "cchc: warning: --alias x=y: x is not in the baseline examples/quang-nam-2021/bang-xep-hang/2020.csv");
  CHECK(format_notice(notices[2]) == "cchc: warning: --alias x=y: no unit y is ranked");
}

TEST_CASE("a baseline that mostly does not match: a warning with the closest units") {
  Session session(CriteriaCatalog("", Lang::en), "", Lang::en);
  std::optional<ScoredUnit> unit = session.score_file("examples/quang-nam-2021/so-y-te.yaml");
  REQUIRE(unit);
  std::vector<ScoredUnit> units;
  units.push_back(std::move(*unit));
  const auto tables = session.read_rank_tables("examples/quang-nam-2021/bang-xep-hang/2021.csv",
                                               "tests/data/baseline/baseline-mismatch-2020.csv", {});
  REQUIRE(tables.peers);
  REQUIRE(tables.baseline);
  const std::vector<Notice> notices =
      predict_ranks(units, *tables.peers, &*tables.baseline, tables.aliases, {}, Lang::vi);
  REQUIRE(notices.size() == 2);
  CHECK(format_notice(notices[0]) == "note: Khớp với bảng năm trước: 0/1 đơn vị");
  CHECK(format_notice(notices[1]) ==
        "cchc: warning: chỉ 0/1 đơn vị khớp với bảng năm trước tests/data/baseline/baseline-mismatch-2020.csv: các "
        "đơn vị còn lại không có thứ hạng năm trước và được coi là \"mới\"; kiểm tra mã đơn vị hoặc dùng --alias "
        "CŨ=MỚI. Các đơn vị không khớp:\n  so-y-te (Sở Y tế): gần nhất theo mã là stp (Sở Tư pháp), theo tên là "
        "so-noi-vu (Sở Nội vụ)");
}
