#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cchc/decimal.hpp"
#include "cchc/diagnostic.hpp"
#include "cchc/lang.hpp"
#include "cchc/results.hpp"

namespace cchc {

// A unit to rank: computed by cchc or read from a results table.
struct RankInput {
  std::string unit;
  std::string name;
  Decimal index;
  std::optional<Decimal> points;
  std::string grade;
};

// A results table's row as a unit to rank.
RankInput rank_input(const ResultRow& row);

// The decimals to show units with when no criteria say: as many as any of
// their indices or points is written with (tables ranked on their own).
int decimals_written(const std::vector<RankInput>& units);

// A unit's place (SPEC §3).
struct RankedUnit {
  int position = 0;
  RankInput unit;
  std::optional<int> previous;  // the baseline rank, through aliases
  std::optional<int> change;    // previous − position: > 0 up, < 0 down; nullopt when new
};

// Renamed or merged units between years: `--alias OLD=NEW`, repeatable.
class Aliases {
 public:
  Aliases() = default;
  // Parses "OLD=NEW" specs. Throws InputError for a spec without exactly one
  // '=' or with an empty side, or for one OLD given two different NEWs.
  static Aliases parse(const std::vector<std::string>& specs, Lang lang);

  // The current id of a unit named `id` in the baseline.
  const std::string& current(const std::string& id) const;
  bool empty() const { return m_to_new.empty(); }

 private:
  std::map<std::string, std::string> m_to_new;
};

// Ranks by index, highest first. Indices are compared rounded half up to
// `precision` when given, as written otherwise. Equal indices share a
// position and the next is skipped (1, 2, 2, 4); ties are listed by unit id.
// The same unit id twice is a programming error (asserted): callers check.
std::vector<RankedUnit> rank_units(std::vector<RankInput> units, std::optional<int> precision);

// The previous rank of each unit, by its current id: the baseline's `rank`
// column when every row has one, otherwise ranked from its indices as
// rank_units() does. Old ids are mapped through `aliases`; several old units
// merged into one take the best (lowest) previous rank.
std::map<std::string, int> previous_ranks(const ResultsTable& baseline, const Aliases& aliases,
                                          std::optional<int> precision);

// Sets `previous` and `change` of each ranked unit from previous_ranks().
void apply_previous(std::vector<RankedUnit>& ranked, const std::map<std::string, int>& previous);

// One unit's predicted place among its peers (SPEC §3): its index is placed
// among the peers' (replacing a peer row with the same unit id) and ranked.
struct RankPrediction {
  int position = 0;
  int of = 0;
  std::optional<int> previous;  // set only with a baseline; nullopt for a new unit
  std::optional<int> change;
  bool has_baseline = false;
  std::optional<int> baseline_year;  // for "so với năm 2022"
};

RankPrediction predict_rank(const RankInput& unit, const ResultsTable& peers, const ResultsTable* baseline,
                            const Aliases& aliases, std::optional<int> precision);
// The same with the baseline's previous_ranks() computed once by the caller
// (nullptr without a baseline) and the baseline's year.
RankPrediction predict_rank(const RankInput& unit, const ResultsTable& peers,
                            const std::map<std::string, int>* previous, std::optional<int> baseline_year,
                            std::optional<int> precision);

// "Xếp thứ 13/20, giảm 10 bậc so với năm 2022" / "Ranked 13th of 20, down 10
// places since 2022"; "tăng 2 bậc", "giữ nguyên vị thứ", "mới" (new).
std::string describe_rank(const RankPrediction& rank, Lang lang);
// A rank change in words: "tăng 2 bậc" / "up 2", "giảm 3 bậc" / "down 3",
// "giữ nguyên" / "unchanged", "mới" / "new".
std::string describe_change(const std::optional<int>& previous, const std::optional<int>& change, Lang lang);

}  // namespace cchc
