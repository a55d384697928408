#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

#include "cchc/lang.hpp"
#include "cchc/text.hpp"

using cchc::did_you_mean;
using cchc::Lang;

namespace {

const std::vector<std::string> k_commands{"score", "rank", "checklist", "plan", "diff", "check", "criteria", "init"};

}  // namespace

TEST_CASE("did_you_mean suggests the closest candidate within the threshold", "[text][did_you_mean]") {
  CHECK(did_you_mean("scroe", k_commands) == "score");  // 2 edits in 5 characters
  CHECK(did_you_mean("rnk", k_commands) == "rank");     // 1 edit in 3 characters
  CHECK(did_you_mean("critera", k_commands) == "criteria");
  CHECK(did_you_mean("checklst", k_commands) == "checklist");
  // The nearest wins over an earlier, farther one.
  CHECK(did_you_mean("documnts", {"document", "documents"}) == "documents");
  // On a tie, the earlier candidate.
  CHECK(did_you_mean("cxt", {"cat", "cut"}) == "cat");
  // Distances count code points: one Vietnamese letter is one edit.
  CHECK(did_you_mean("Tôt", {"Xuất sắc", "Tốt", "Khá"}) == "Tốt");
  // Twelve characters allow four edits.
  CHECK(did_you_mean("abcdefghWXYZ", {"abcdefghijkl"}) == "abcdefghijkl");
}

TEST_CASE("did_you_mean matches any word by ASCII case, short ones only so", "[text][did_you_mean]") {
  CHECK(did_you_mean("SCORE", k_commands) == "score");
  CHECK(did_you_mean("t1", {"P1", "T1"}) == "T1");
  CHECK(did_you_mean("A", {"b", "a"}) == "a");
}

TEST_CASE("did_you_mean says nothing when no candidate is close enough", "[text][did_you_mean]") {
  CHECK(did_you_mean("ra", k_commands) == std::nullopt);   // two characters: by case only
  CHECK(did_you_mean("T4", {"T1", "4"}) == std::nullopt);  // one edit is still a guess
  CHECK(did_you_mean("rxxx", {"rank"}) == std::nullopt);   // three edits in four characters
  CHECK(did_you_mean("abc", {"xyz"}) == std::nullopt);     // three characters: one edit at most
  CHECK(did_you_mean("scx", {"score"}) == std::nullopt);
  CHECK(did_you_mean("abcdefghVWXYZ", {"abcdefghijklm"}) == std::nullopt);  // 5 edits > 13 / 3
  CHECK(did_you_mean("bogus", k_commands) == std::nullopt);
  CHECK(did_you_mean("score", {}) == std::nullopt);
}

TEST_CASE("words picks the message of the language as a string", "[lang]") {
  CHECK(cchc::words(Lang::vi, "hạng ", "rank ") + "3" == "hạng 3");
  CHECK(cchc::words(Lang::en, "hạng ", "rank ") + "3" == "rank 3");
  CHECK(cchc::words(Lang::en, "", "") == std::string());
}

TEST_CASE("did_you_mean is bounded: long words and far lengths get no guess") {
  const std::string base(64, 'a');
  std::string near = base;
  near[10] = 'b';
  CHECK(cchc::did_you_mean(near, {base}) == base);  // 64 characters: still guessed
  const std::string longer(65, 'a');
  std::string long_near = longer;
  long_near[10] = 'b';
  CHECK_FALSE(cchc::did_you_mean(long_near, {longer}));
  // Equal but for case is always found, whatever the length.
  std::string upper(200, 'A');
  CHECK(cchc::did_you_mean(upper, {std::string(200, 'a')}) == std::string(200, 'a'));
  // Lengths further apart than the threshold cannot match.
  CHECK_FALSE(cchc::did_you_mean("severity", {"sev"}));
  // The band gives the same answers as the full distance.
  CHECK(cchc::did_you_mean("documnets", {"documents", "document"}) == "documents");
  CHECK(cchc::did_you_mean("slef_score", {"value", "self_score"}) == "self_score");
  // Many long near misses against many candidates stay quick (a hostile file took 35 s).
  std::vector<std::string> candidates;
  for (int i = 0; i < 10000; ++i) {
    candidates.push_back(std::string(55, 'k') + std::to_string(i));
  }
  CHECK(cchc::did_you_mean(std::string(55, 'k') + "x9999", candidates) == std::string(55, 'k') + "9999");
}
