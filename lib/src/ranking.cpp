#include "cchc/ranking.hpp"

#include <algorithm>
#include <cassert>
#include <cstdlib>

#include "cchc/text.hpp"
#include "localized.hpp"

namespace cchc {

namespace {

// An alias side as the loaders see ids: NFC, so that a decomposed spelling
// typed on the command line matches the precomposed id of a file.
std::string normalised_id(std::string_view id) {
  return find_invalid_utf8(id) ? std::string(id) : to_nfc(id);
}

Diagnostic command_error(std::string message, std::string code) {
  Diagnostic diagnostic;
  diagnostic.file = "cchc";
  diagnostic.message = std::move(message);
  diagnostic.code = std::move(code);
  return diagnostic;
}

}  // namespace

RankInput rank_input(const ResultRow& row) {
  return RankInput{row.unit, row.name, row.index, row.points, row.grade};
}

int decimals_written(const std::vector<RankInput>& units) {
  int decimals = 0;
  for (const RankInput& unit : units) {
    decimals = std::max(decimals, unit.index.decimals());
    if (unit.points) {
      decimals = std::max(decimals, unit.points->decimals());
    }
  }
  return decimals;
}

namespace {

// "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "101st".
std::string english_ordinal(int n) {
  const int last_two = std::abs(n) % 100;
  const int last = std::abs(n) % 10;
  const char* suffix = "th";
  if (last_two < 11 || last_two > 13) {
    if (last == 1) {
      suffix = "st";
    } else if (last == 2) {
      suffix = "nd";
    } else if (last == 3) {
      suffix = "rd";
    }
  }
  return std::to_string(n) + suffix;
}

// "giảm 10 bậc" / "down 10 places", as a clause of describe_rank().
std::string change_clause(const RankPrediction& rank, Lang lang) {
  if (!rank.previous || !rank.change) {
    return std::string(tr(lang, "đơn vị mới", "new"));
  }
  const int change = *rank.change;
  if (change == 0) {
    return std::string(tr(lang, "giữ nguyên vị thứ", "unchanged"));
  }
  const int places = std::abs(change);
  if (change > 0) {
    return detail::say(lang, "tăng {} bậc", "up {} {}", places, places == 1 ? "place" : "places");
  }
  return detail::say(lang, "giảm {} bậc", "down {} {}", places, places == 1 ? "place" : "places");
}

}  // namespace

Aliases Aliases::parse(const std::vector<std::string>& specs, Lang lang) {
  Aliases aliases;
  std::vector<Diagnostic> problems;
  for (const std::string& spec : specs) {
    const auto equals = static_cast<std::size_t>(std::count(spec.begin(), spec.end(), '='));
    if (equals != 1) {
      problems.push_back(command_error(
          equals == 0 ? detail::say(lang,
                                    "--alias \"{}\": cần dạng CŨ=MỚI (mã đơn vị trong bảng gốc=mã đơn vị hiện "
                                    "nay), nhưng không có dấu \"=\"",
                                    "--alias \"{}\": expected OLD=NEW (the unit's id in the baseline=its id now), "
                                    "found no \"=\"",
                                    spec)
                      : detail::say(lang, "--alias \"{}\": cần dạng CŨ=MỚI với đúng một dấu \"=\", nhưng có {}",
                                    "--alias \"{}\": expected OLD=NEW with exactly one \"=\", found {}", spec, equals),
          "bad_alias"));
      continue;
    }
    const std::size_t at = spec.find('=');
    const std::string old_id = normalised_id(std::string_view(spec).substr(0, at));
    const std::string new_id = normalised_id(std::string_view(spec).substr(at + 1));
    if (old_id.empty() || new_id.empty()) {
      problems.push_back(command_error(
          old_id.empty() ? detail::say(lang, "--alias \"{}\": cần dạng CŨ=MỚI, nhưng thiếu mã cũ (trước dấu \"=\")",
                                       "--alias \"{}\": expected OLD=NEW, found no old id before \"=\"", spec)
                         : detail::say(lang, "--alias \"{}\": cần dạng CŨ=MỚI, nhưng thiếu mã mới (sau dấu \"=\")",
                                       "--alias \"{}\": expected OLD=NEW, found no new id after \"=\"", spec),
          "bad_alias"));
      continue;
    }
    const auto [found, inserted] = aliases.m_to_new.emplace(old_id, new_id);
    if (!inserted && found->second != new_id) {
      problems.push_back(command_error(
          detail::say(lang, "--alias: đơn vị \"{}\" được chuyển thành cả \"{}\" và \"{}\"; mỗi mã cũ chỉ có một mã mới",
                      "--alias: unit \"{}\" is mapped to both \"{}\" and \"{}\"; give each old id one new id", old_id,
                      found->second, new_id),
          "alias_conflict"));
    }
  }
  if (!problems.empty()) {
    throw InputError(std::move(problems));
  }
  return aliases;
}

const std::string& Aliases::current(const std::string& id) const {
  const auto found = m_to_new.find(id);
  return found == m_to_new.end() ? id : found->second;
}

std::vector<RankedUnit> rank_units(std::vector<RankInput> units, std::optional<int> precision) {
  // One array at a time: the units move into their places, then go.
  std::vector<RankedUnit> ranked;
  ranked.reserve(units.size());
  for (RankInput& unit : units) {
    RankedUnit place;
    place.unit = std::move(unit);
    ranked.push_back(std::move(place));
  }
  std::vector<RankInput>().swap(units);
  const auto key = [&](const RankedUnit& place) {
    return precision ? place.unit.index.rounded(*precision) : place.unit.index;
  };
  std::sort(ranked.begin(), ranked.end(), [&](const RankedUnit& a, const RankedUnit& b) {
    const Decimal key_a = key(a);
    const Decimal key_b = key(b);
    if (key_a != key_b) {
      return key_a > key_b;
    }
    return a.unit.unit < b.unit.unit;
  });
  for (std::size_t i = 0; i < ranked.size(); ++i) {
    assert(i == 0 || ranked[i].unit.unit != ranked[i - 1].unit.unit);
    ranked[i].position =
        i > 0 && key(ranked[i]) == key(ranked[i - 1]) ? ranked[i - 1].position : static_cast<int>(i) + 1;
  }
  return ranked;
}

std::map<std::string, int> previous_ranks(const ResultsTable& baseline, const Aliases& aliases,
                                          std::optional<int> precision) {
  std::vector<std::pair<std::string, int>> ranks;  // baseline id → rank
  if (baseline.has_ranks()) {
    for (const ResultRow& row : baseline.rows) {
      ranks.emplace_back(row.unit, *row.rank);
    }
  } else {
    std::vector<RankInput> inputs;
    inputs.reserve(baseline.rows.size());
    for (const ResultRow& row : baseline.rows) {
      inputs.push_back(rank_input(row));
    }
    for (const RankedUnit& place : rank_units(std::move(inputs), precision)) {
      ranks.emplace_back(place.unit.unit, place.position);
    }
  }
  std::map<std::string, int> previous;
  for (const auto& [id, rank] : ranks) {
    const auto [found, inserted] = previous.emplace(aliases.current(id), rank);
    if (!inserted) {
      found->second = std::min(found->second, rank);
    }
  }
  return previous;
}

void apply_previous(std::vector<RankedUnit>& ranked, const std::map<std::string, int>& previous) {
  for (RankedUnit& place : ranked) {
    const auto found = previous.find(place.unit.unit);
    if (found == previous.end()) {
      place.previous.reset();
      place.change.reset();
    } else {
      place.previous = found->second;
      place.change = found->second - place.position;
    }
  }
}

RankPrediction predict_rank(const RankInput& unit, const ResultsTable& peers, const ResultsTable* baseline,
                            const Aliases& aliases, std::optional<int> precision) {
  if (baseline == nullptr) {
    return predict_rank(unit, peers, nullptr, std::nullopt, precision);
  }
  const std::map<std::string, int> previous = previous_ranks(*baseline, aliases, precision);
  return predict_rank(unit, peers, &previous, baseline->year, precision);
}

RankPrediction predict_rank(const RankInput& unit, const ResultsTable& peers,
                            const std::map<std::string, int>* previous, std::optional<int> baseline_year,
                            std::optional<int> precision) {
  std::vector<RankInput> inputs;
  inputs.reserve(peers.rows.size() + 1);
  bool placed = false;
  for (const ResultRow& row : peers.rows) {
    if (row.unit == unit.unit) {
      if (!placed) {
        inputs.push_back(unit);
        placed = true;
      }
    } else {
      inputs.push_back(rank_input(row));
    }
  }
  if (!placed) {
    inputs.push_back(unit);
  }

  RankPrediction prediction;
  const std::vector<RankedUnit> ranked = rank_units(std::move(inputs), precision);
  prediction.of = static_cast<int>(ranked.size());
  for (const RankedUnit& place : ranked) {
    if (place.unit.unit == unit.unit) {
      prediction.position = place.position;
      break;
    }
  }
  if (previous != nullptr) {
    prediction.has_baseline = true;
    prediction.baseline_year = baseline_year;
    const auto found = previous->find(unit.unit);
    if (found != previous->end()) {
      prediction.previous = found->second;
      prediction.change = found->second - prediction.position;
    }
  }
  return prediction;
}

std::string describe_rank(const RankPrediction& rank, Lang lang) {
  std::string out =
      detail::say(lang, "Xếp thứ {0}/{2}", "Ranked {1} of {2}", rank.position, english_ordinal(rank.position), rank.of);
  if (!rank.has_baseline) {
    return out;
  }
  const std::string since = rank.baseline_year ? detail::say(lang, "so với năm {}", "since {}", *rank.baseline_year)
                                               : std::string(tr(lang, "so với bảng gốc", "since the baseline"));
  return out + ", " + change_clause(rank, lang) + " " + since;
}

std::string describe_change(const std::optional<int>& previous, const std::optional<int>& change, Lang lang) {
  if (!previous || !change) {
    return std::string(tr(lang, "mới", "new"));
  }
  if (*change > 0) {
    return detail::say(lang, "tăng {} bậc", "up {}", *change);
  }
  if (*change < 0) {
    return detail::say(lang, "giảm {} bậc", "down {}", -*change);
  }
  return std::string(tr(lang, "giữ nguyên", "unchanged"));
}

}  // namespace cchc
