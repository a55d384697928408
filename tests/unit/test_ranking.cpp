#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "cchc/ranking.hpp"
#include "test_support.hpp"

using namespace cchc;

namespace {

Decimal dec(const char* text) {
  return *Decimal::parse(text);
}

RankInput input(const char* unit, const char* index) {
  return RankInput{unit, unit, dec(index), std::nullopt, ""};
}

ResultRow row(const char* unit, const char* index, std::optional<int> rank = std::nullopt) {
  ResultRow result;
  result.unit = unit;
  result.index = dec(index);
  result.rank = rank;
  return result;
}

ResultsTable table(std::optional<int> year, std::vector<ResultRow> rows) {
  ResultsTable result;
  result.path = "t.csv";
  result.year = year;
  result.rows = std::move(rows);
  return result;
}

// "unit@position", in ranking order.
std::vector<std::string> places(const std::vector<RankedUnit>& ranked) {
  std::vector<std::string> out;
  out.reserve(ranked.size());
  for (const RankedUnit& place : ranked) {
    out.push_back(place.unit.unit + "@" + std::to_string(place.position));
  }
  return out;
}

const RankedUnit& place_of(const std::vector<RankedUnit>& ranked, const std::string& unit) {
  for (const RankedUnit& place : ranked) {
    if (place.unit.unit == unit) {
      return place;
    }
  }
  FAIL("no unit " << unit);
  throw std::logic_error("unreachable");
}

std::string alias_errors(const std::vector<std::string>& specs, Lang lang = Lang::en) {
  return test::diagnostics_of([&] { Aliases::parse(specs, lang); });
}

RankPrediction prediction(int position, int of, std::optional<int> previous, std::optional<int> year = 2022) {
  RankPrediction rank;
  rank.position = position;
  rank.of = of;
  rank.has_baseline = true;
  rank.baseline_year = year;
  rank.previous = previous;
  if (previous) {
    rank.change = *previous - position;
  }
  return rank;
}

}  // namespace

TEST_CASE("units are ranked by index with competition ranks and ties listed by id") {
  const auto ranked =
      rank_units({input("so-y-te", "85.584"), input("so-tu-phap", "87.187"), input("so-nnptnt", "85.234"),
                  input("so-cong-thuong", "85.584"), input("vp-ubnd", "97.685"), input("ban-dan-toc", "85.584")},
                 3);
  CHECK(places(ranked) == std::vector<std::string>{"vp-ubnd@1", "so-tu-phap@2", "ban-dan-toc@3", "so-cong-thuong@3",
                                                   "so-y-te@3", "so-nnptnt@6"});
  CHECK(ranked[0].unit.index == dec("97.685"));
  CHECK_FALSE(ranked[0].previous);
  CHECK_FALSE(ranked[0].change);
}

TEST_CASE("ties are decided at the precision, not as written") {
  const std::vector<RankInput> units{input("b", "89.7294"), input("a", "89.7291"), input("c", "89.7")};
  CHECK(places(rank_units(units, 3)) == std::vector<std::string>{"a@1", "b@1", "c@3"});
  CHECK(places(rank_units(units, 4)) == std::vector<std::string>{"b@1", "a@2", "c@3"});
  CHECK(places(rank_units(units, std::nullopt)) == std::vector<std::string>{"b@1", "a@2", "c@3"});
  // Half up: 89.7295 rounds to 89.730 and ranks above 89.7294 (89.729).
  CHECK(places(rank_units({input("a", "89.7294"), input("b", "89.7295")}, 3)) ==
        std::vector<std::string>{"b@1", "a@2"});
  // The ranked units keep the index as given.
  CHECK(rank_units(units, 3)[0].unit.index == dec("89.7291"));
}

TEST_CASE("ties are listed in plain byte order of the ids") {
  const auto ranked =
      rank_units({input("so-b", "80"), input("So-c", "80"), input("sở-a", "80"), input("so-a", "80")}, 2);
  CHECK(places(ranked) == std::vector<std::string>{"So-c@1", "so-a@1", "so-b@1", "sở-a@1"});
}

TEST_CASE("ranking nothing gives nothing") {
  CHECK(rank_units({}, 2).empty());
}

namespace {

// Hà Tĩnh, department block: 2023 published ranks (the baseline, with its
// rank column) and 2024 indices such that Sở Ngoại vụ is 1st (+2), Sở Tư
// pháp 2nd (+10), Sở TN&MT 3rd (+7) and Sở KH&CN 4th (−3).
ResultsTable ha_tinh_2023() {
  return table(2023, {row("so-khcn", "92.10", 1), row("so-noi-vu", "91.50", 2), row("so-ngoai-vu", "91.20", 3),
                      row("so-tai-chinh", "90.80", 4), row("so-ldtbxh", "90.40", 5), row("so-y-te", "89.90", 6),
                      row("so-xay-dung", "89.50", 7), row("so-gtvt", "89.10", 8), row("so-cong-thuong", "88.70", 9),
                      row("so-tnmt", "88.30", 10), row("so-gddt", "87.90", 11), row("so-tu-phap", "87.50", 12)});
}

std::vector<RankInput> ha_tinh_2024() {
  return {input("so-tnmt", "92.301"),      input("so-ldtbxh", "89.729"),      input("so-khcn", "91.954"),
          input("so-ngoai-vu", "93.412"),  input("so-tu-phap", "92.875"),     input("so-noi-vu", "91.200"),
          input("so-tai-chinh", "90.500"), input("so-y-te", "89.500"),        input("so-xay-dung", "88.900"),
          input("so-gtvt", "88.400"),      input("so-cong-thuong", "88.100"), input("so-gddt", "87.600")};
}

}  // namespace

TEST_CASE("Hà Tĩnh 2024: the department block against the 2023 ranks") {
  auto ranked = rank_units(ha_tinh_2024(), 3);
  apply_previous(ranked, previous_ranks(ha_tinh_2023(), Aliases(), 3));

  const struct {
    const char* unit;
    int position;
    int previous;
    int change;
    const char* vi;
    const char* en;
  } expected[] = {
      {"so-ngoai-vu", 1, 3, 2, "tăng 2 bậc", "up 2"},        {"so-tu-phap", 2, 12, 10, "tăng 10 bậc", "up 10"},
      {"so-tnmt", 3, 10, 7, "tăng 7 bậc", "up 7"},           {"so-khcn", 4, 1, -3, "giảm 3 bậc", "down 3"},
      {"so-noi-vu", 5, 2, -3, "giảm 3 bậc", "down 3"},       {"so-tai-chinh", 6, 4, -2, "giảm 2 bậc", "down 2"},
      {"so-ldtbxh", 7, 5, -2, "giảm 2 bậc", "down 2"},       {"so-y-te", 8, 6, -2, "giảm 2 bậc", "down 2"},
      {"so-xay-dung", 9, 7, -2, "giảm 2 bậc", "down 2"},     {"so-gtvt", 10, 8, -2, "giảm 2 bậc", "down 2"},
      {"so-cong-thuong", 11, 9, -2, "giảm 2 bậc", "down 2"}, {"so-gddt", 12, 11, -1, "giảm 1 bậc", "down 1"},
  };
  REQUIRE(ranked.size() == std::size(expected));
  for (std::size_t i = 0; i < ranked.size(); ++i) {
    INFO(expected[i].unit);
    CHECK(ranked[i].unit.unit == expected[i].unit);
    CHECK(ranked[i].position == expected[i].position);
    CHECK(ranked[i].previous == expected[i].previous);
    CHECK(ranked[i].change == expected[i].change);
    CHECK(describe_change(ranked[i].previous, ranked[i].change, Lang::vi) == expected[i].vi);
    CHECK(describe_change(ranked[i].previous, ranked[i].change, Lang::en) == expected[i].en);
  }
}

TEST_CASE("describe_change for an unchanged and a new unit") {
  CHECK(describe_change(4, 0, Lang::vi) == "giữ nguyên");
  CHECK(describe_change(4, 0, Lang::en) == "unchanged");
  CHECK(describe_change(std::nullopt, std::nullopt, Lang::vi) == "mới");
  CHECK(describe_change(std::nullopt, std::nullopt, Lang::en) == "new");
}

TEST_CASE("a baseline's rank column is used as published, even where its indices disagree") {
  // Published ranks may come from another criteria set or rounding: they win.
  const ResultsTable baseline = table(2022, {row("a", "70", 1), row("b", "90", 2), row("c", "80", 2)});
  CHECK(previous_ranks(baseline, Aliases(), 2) == std::map<std::string, int>{{"a", 1}, {"b", 2}, {"c", 2}});
}

TEST_CASE("a baseline without a rank column is ranked from its indices") {
  const ResultsTable baseline = table(2022, {row("so-d", "84.996"), row("so-a", "91"), row("so-c", "85.004"),
                                             row("so-b", "85.004"), row("so-e", "70")});
  CHECK(previous_ranks(baseline, Aliases(), 3) ==
        std::map<std::string, int>{{"so-a", 1}, {"so-b", 2}, {"so-c", 2}, {"so-d", 4}, {"so-e", 5}});
  // At precision 2, 84.996 and 85.004 are both 85.00: three units share 2nd.
  CHECK(previous_ranks(baseline, Aliases(), 2) ==
        std::map<std::string, int>{{"so-a", 1}, {"so-b", 2}, {"so-c", 2}, {"so-d", 2}, {"so-e", 5}});
}

TEST_CASE("a baseline where only some rows have a rank is ranked from its indices") {
  const ResultsTable baseline = table(2022, {row("a", "70", 1), row("b", "90"), row("c", "80", 3)});
  CHECK(previous_ranks(baseline, Aliases(), 2) == std::map<std::string, int>{{"b", 1}, {"c", 2}, {"a", 3}});
}

TEST_CASE("Thanh Hóa 2023: the position follows the index, not the points") {
  // Ban Dân tộc: 68.32 points of an applicable max of 84 (field 3 not
  // assessed) = 81.33 %, ahead of units with more points out of 100.
  const Decimal ban_dan_toc = Decimal::mul_div(dec("68.32"), Decimal(100), Decimal(84), 2);
  REQUIRE(ban_dan_toc == dec("81.33"));
  const auto ranked = rank_units({RankInput{"so-a", "Sở A", dec("80.50"), dec("80.50"), "Tốt"},
                                  RankInput{"ban-dan-toc", "Ban Dân tộc", ban_dan_toc, dec("68.32"), "Tốt"},
                                  RankInput{"so-b", "Sở B", dec("75.00"), dec("75.00"), "Khá"},
                                  RankInput{"so-c", "Sở C", dec("85.20"), dec("85.20"), "Tốt"},
                                  RankInput{"so-d", "Sở D", dec("81.33"), dec("81.33"), "Tốt"}},
                                 2);
  CHECK(places(ranked) == std::vector<std::string>{"so-c@1", "ban-dan-toc@2", "so-d@2", "so-a@4", "so-b@5"});
  CHECK(place_of(ranked, "ban-dan-toc").unit.points == dec("68.32"));
  CHECK(place_of(ranked, "ban-dan-toc").unit.name == "Ban Dân tộc");
}

TEST_CASE("2025 mergers: old units map to their new ids and take the best previous rank") {
  const ResultsTable baseline =
      table(2024, {row("so-ldtbxh", "90", 5), row("so-noi-vu", "88", 9), row("so-tnmt", "92", 3),
                   row("so-nnptnt", "89", 7), row("so-tttt", "85", 12), row("so-khcn", "91", 4)});
  const Aliases aliases =
      Aliases::parse({"so-ldtbxh=so-noi-vu", "so-tnmt=so-nnmt", "so-nnptnt=so-nnmt", "so-tttt=so-khcn"}, Lang::en);
  CHECK(aliases.current("so-tnmt") == "so-nnmt");
  CHECK(aliases.current("so-noi-vu") == "so-noi-vu");
  CHECK(aliases.current("so-moi") == "so-moi");

  const auto previous = previous_ranks(baseline, aliases, 2);
  CHECK(previous == std::map<std::string, int>{{"so-khcn", 4}, {"so-nnmt", 3}, {"so-noi-vu", 5}});

  auto ranked =
      rank_units({input("so-noi-vu", "91"), input("so-nnmt", "93"), input("so-khcn", "90"), input("so-moi", "92")}, 2);
  apply_previous(ranked, previous);
  CHECK(places(ranked) == std::vector<std::string>{"so-nnmt@1", "so-moi@2", "so-noi-vu@3", "so-khcn@4"});
  CHECK(place_of(ranked, "so-nnmt").previous == 3);
  CHECK(place_of(ranked, "so-nnmt").change == 2);
  CHECK(place_of(ranked, "so-noi-vu").previous == 5);
  CHECK(place_of(ranked, "so-noi-vu").change == 2);
  CHECK(place_of(ranked, "so-khcn").previous == 4);
  CHECK(place_of(ranked, "so-khcn").change == 0);
  CHECK_FALSE(place_of(ranked, "so-moi").previous);
  CHECK_FALSE(place_of(ranked, "so-moi").change);
  CHECK(describe_change(place_of(ranked, "so-moi").previous, place_of(ranked, "so-moi").change, Lang::vi) == "mới");
  CHECK(describe_change(place_of(ranked, "so-khcn").previous, place_of(ranked, "so-khcn").change, Lang::vi) ==
        "giữ nguyên");

  // Without the aliases, the merged units are new and the old ids keep theirs.
  const auto plain = previous_ranks(baseline, Aliases(), 2);
  CHECK(plain.size() == 6);
  CHECK(plain.count("so-nnmt") == 0);
  CHECK(plain.at("so-noi-vu") == 9);
}

TEST_CASE("aliases: the same mapping twice is fine, an empty list is empty") {
  CHECK(Aliases().empty());
  CHECK(Aliases::parse({}, Lang::en).empty());
  const Aliases aliases = Aliases::parse({"so-tttt=so-khcn", "so-tttt=so-khcn"}, Lang::en);
  CHECK_FALSE(aliases.empty());
  CHECK(aliases.current("so-tttt") == "so-khcn");
}

TEST_CASE("aliases are compared in NFC like the ids of files") {
  // "sở" written with a combining hook above (NFD) matches the precomposed id.
  const Aliases aliases = Aliases::parse({"so\xcc\x9b\xcc\x89-cu=so-moi"}, Lang::en);
  CHECK(aliases.current("sở-cu") == "so-moi");
}

TEST_CASE("bad alias specs are whole-command errors, every one reported") {
  CHECK(alias_errors({"so-ldtbxh"}) ==
        "cchc: error: --alias \"so-ldtbxh\": expected OLD=NEW (the unit's id in the baseline=its id now), found no "
        "\"=\"\n");
  CHECK(alias_errors({"a=b=c"}) ==
        "cchc: error: --alias \"a=b=c\": expected OLD=NEW with exactly one \"=\", found 2\n");
  CHECK(alias_errors({"=so-noi-vu"}) ==
        "cchc: error: --alias \"=so-noi-vu\": expected OLD=NEW, found no old id before \"=\"\n");
  CHECK(alias_errors({"so-ldtbxh="}) ==
        "cchc: error: --alias \"so-ldtbxh=\": expected OLD=NEW, found no new id after \"=\"\n");
  CHECK(alias_errors({"so-tnmt=so-nnmt", "so-tnmt=so-khcn"}) ==
        "cchc: error: --alias: unit \"so-tnmt\" is mapped to both \"so-nnmt\" and \"so-khcn\"; give each old id one "
        "new id\n");
  CHECK(alias_errors({"x", "so-tnmt=so-nnmt", "=y", "so-tnmt=so-khcn"}) ==
        "cchc: error: --alias \"x\": expected OLD=NEW (the unit's id in the baseline=its id now), found no \"=\"\n"
        "cchc: error: --alias \"=y\": expected OLD=NEW, found no old id before \"=\"\n"
        "cchc: error: --alias: unit \"so-tnmt\" is mapped to both \"so-nnmt\" and \"so-khcn\"; give each old id one "
        "new id\n");
}

TEST_CASE("bad alias specs in Vietnamese") {
  CHECK(alias_errors({"so-ldtbxh"}, Lang::vi) ==
        "cchc: error: --alias \"so-ldtbxh\": cần dạng CŨ=MỚI (mã đơn vị trong bảng gốc=mã đơn vị hiện nay), nhưng "
        "không có dấu \"=\"\n");
  CHECK(alias_errors({"a=b=c"}, Lang::vi) ==
        "cchc: error: --alias \"a=b=c\": cần dạng CŨ=MỚI với đúng một dấu \"=\", nhưng có 2\n");
  CHECK(alias_errors({"=b"}, Lang::vi) ==
        "cchc: error: --alias \"=b\": cần dạng CŨ=MỚI, nhưng thiếu mã cũ (trước dấu \"=\")\n");
  CHECK(alias_errors({"a="}, Lang::vi) ==
        "cchc: error: --alias \"a=\": cần dạng CŨ=MỚI, nhưng thiếu mã mới (sau dấu \"=\")\n");
  CHECK(alias_errors({"a=b", "a=c"}, Lang::vi) ==
        "cchc: error: --alias: đơn vị \"a\" được chuyển thành cả \"b\" và \"c\"; mỗi mã cũ chỉ có một mã mới\n");
}

TEST_CASE("alias errors carry a code and no position") {
  try {
    Aliases::parse({"a"}, Lang::en);
    FAIL("no error");
  } catch (const InputError& error) {
    REQUIRE(error.diagnostics().size() == 1);
    CHECK(error.diagnostics()[0].file == "cchc");
    CHECK(error.diagnostics()[0].line == 0);
    CHECK(error.diagnostics()[0].code == "bad_alias");
  }
}

TEST_CASE("apply_previous sets and clears previous and change") {
  auto ranked = rank_units({input("a", "90"), input("b", "80"), input("c", "70")}, 2);
  apply_previous(ranked, {{"a", 3}, {"b", 2}});
  CHECK(ranked[0].previous == 3);
  CHECK(ranked[0].change == 2);
  CHECK(ranked[1].previous == 2);
  CHECK(ranked[1].change == 0);
  CHECK_FALSE(ranked[2].previous);
  CHECK_FALSE(ranked[2].change);
  apply_previous(ranked, {});
  CHECK_FALSE(ranked[0].previous);
  CHECK_FALSE(ranked[0].change);
}

namespace {

// Hà Tĩnh 2023 (seed 004): 20 departments, 12 of them above Sở LĐTBXH's
// 89.729; the peers table still holds an older figure for Sở LĐTBXH.
ResultsTable ha_tinh_peers_2023() {
  std::vector<ResultRow> rows;
  const char* const above[] = {"97.1", "96.2", "95.3", "94.4", "93.5", "92.6",
                               "91.7", "91.2", "90.8", "90.5", "90.1", "89.8"};
  const char* const below[] = {"89.5", "89.1", "88.7", "88.3", "87.9", "87.5", "86.1"};
  int n = 0;
  for (const char* index : above) {
    rows.push_back(row("", index));
    rows.back().unit = "tren-" + std::to_string(++n);
  }
  rows.push_back(row("so-ldtbxh", "75.000"));
  for (const char* index : below) {
    rows.push_back(row("", index));
    rows.back().unit = "duoi-" + std::to_string(++n);
  }
  return table(2023, std::move(rows));
}

ResultsTable ha_tinh_baseline_2022() {
  return table(2022,
               {row("tren-1", "95", 1), row("tren-2", "94", 2), row("so-ldtbxh", "93.5", 3), row("tren-3", "93", 4)});
}

// Sở LĐTBXH's 2023 figure (seed 004).
RankInput ldtbxh_2023() {
  return RankInput{"so-ldtbxh", "Sở Lao động - Thương binh và Xã hội", *Decimal::parse("89.729"), std::nullopt, "Tốt"};
}

}  // namespace

TEST_CASE("predict_rank: Hà Tĩnh Sở LĐTBXH 2023, 13th of 20, down 10 on 2022") {
  const ResultsTable peers = ha_tinh_peers_2023();
  REQUIRE(peers.rows.size() == 20);
  const ResultsTable baseline = ha_tinh_baseline_2022();
  const RankPrediction rank = predict_rank(ldtbxh_2023(), peers, &baseline, Aliases(), 3);
  CHECK(rank.position == 13);
  CHECK(rank.of == 20);  // the peers' own row for the unit is replaced, not counted twice
  CHECK(rank.has_baseline);
  CHECK(rank.baseline_year == 2022);
  CHECK(rank.previous == 3);
  CHECK(rank.change == -10);
  CHECK(describe_rank(rank, Lang::vi) == "Xếp thứ 13/20, giảm 10 bậc so với năm 2022");
  CHECK(describe_rank(rank, Lang::en) == "Ranked 13th of 20, down 10 places since 2022");
}

TEST_CASE("predict_rank without a baseline") {
  const RankPrediction rank = predict_rank(ldtbxh_2023(), ha_tinh_peers_2023(), nullptr, Aliases(), 3);
  CHECK(rank.position == 13);
  CHECK(rank.of == 20);
  CHECK_FALSE(rank.has_baseline);
  CHECK_FALSE(rank.baseline_year);
  CHECK_FALSE(rank.previous);
  CHECK_FALSE(rank.change);
  CHECK(describe_rank(rank, Lang::vi) == "Xếp thứ 13/20");
  CHECK(describe_rank(rank, Lang::en) == "Ranked 13th of 20");
}

TEST_CASE("predict_rank: a unit absent from the peers is added, absent from the baseline is new") {
  RankInput unit = ldtbxh_2023();
  unit.unit = "so-moi";
  unit.index = dec("93.6");  // above tren-5 (93.5): 5th
  const ResultsTable baseline = ha_tinh_baseline_2022();
  const RankPrediction rank = predict_rank(unit, ha_tinh_peers_2023(), &baseline, Aliases(), 3);
  CHECK(rank.position == 5);
  CHECK(rank.of == 21);
  CHECK(rank.has_baseline);
  CHECK_FALSE(rank.previous);
  CHECK_FALSE(rank.change);
  CHECK(describe_rank(rank, Lang::vi) == "Xếp thứ 5/21, đơn vị mới so với năm 2022");
  CHECK(describe_rank(rank, Lang::en) == "Ranked 5th of 21, new since 2022");
}

TEST_CASE("predict_rank: a tie with a peer shares its position") {
  RankInput unit = ldtbxh_2023();
  unit.index = dec("91.2004");  // 91.200 at precision 3, as tren-8
  const RankPrediction rank = predict_rank(unit, ha_tinh_peers_2023(), nullptr, Aliases(), 3);
  CHECK(rank.position == 8);
  CHECK(rank.of == 20);
}

TEST_CASE("predict_rank follows aliases into the baseline") {
  RankInput unit = ldtbxh_2023();
  unit.unit = "so-noi-vu";
  const ResultsTable baseline = ha_tinh_baseline_2022();
  const Aliases aliases = Aliases::parse({"so-ldtbxh=so-noi-vu"}, Lang::en);
  const RankPrediction rank = predict_rank(unit, ha_tinh_peers_2023(), &baseline, aliases, 3);
  CHECK(rank.position == 13);
  CHECK(rank.of == 21);  // the peers' so-ldtbxh row is another unit now
  CHECK(rank.previous == 3);
  CHECK(rank.change == -10);
}

TEST_CASE("predict_rank against a baseline without a year or a rank column") {
  ResultsTable baseline = table(std::nullopt, {row("so-ldtbxh", "80"), row("tren-1", "95"), row("tren-2", "70")});
  const RankPrediction rank = predict_rank(ldtbxh_2023(), ha_tinh_peers_2023(), &baseline, Aliases(), 3);
  CHECK(rank.previous == 2);
  CHECK(rank.change == -11);
  CHECK_FALSE(rank.baseline_year);
  CHECK(describe_rank(rank, Lang::vi) == "Xếp thứ 13/20, giảm 11 bậc so với bảng gốc");
  CHECK(describe_rank(rank, Lang::en) == "Ranked 13th of 20, down 11 places since the baseline");
}

TEST_CASE("describe_rank: up, unchanged, singular place") {
  CHECK(describe_rank(prediction(1, 20, 3), Lang::vi) == "Xếp thứ 1/20, tăng 2 bậc so với năm 2022");
  CHECK(describe_rank(prediction(1, 20, 3), Lang::en) == "Ranked 1st of 20, up 2 places since 2022");
  CHECK(describe_rank(prediction(3, 20, 3), Lang::vi) == "Xếp thứ 3/20, giữ nguyên vị thứ so với năm 2022");
  CHECK(describe_rank(prediction(3, 20, 3), Lang::en) == "Ranked 3rd of 20, unchanged since 2022");
  CHECK(describe_rank(prediction(2, 20, 3), Lang::vi) == "Xếp thứ 2/20, tăng 1 bậc so với năm 2022");
  CHECK(describe_rank(prediction(2, 20, 3), Lang::en) == "Ranked 2nd of 20, up 1 place since 2022");
  CHECK(describe_rank(prediction(4, 20, 3), Lang::en) == "Ranked 4th of 20, down 1 place since 2022");
  CHECK(describe_rank(prediction(3, 20, 3, std::nullopt), Lang::en) ==
        "Ranked 3rd of 20, unchanged since the baseline");
  CHECK(describe_rank(prediction(5, 21, std::nullopt, std::nullopt), Lang::vi) ==
        "Xếp thứ 5/21, đơn vị mới so với bảng gốc");
}

TEST_CASE("English ordinals") {
  const std::pair<int, const char*> cases[] = {
      {1, "1st"},     {2, "2nd"},     {3, "3rd"},     {4, "4th"},     {10, "10th"},   {11, "11th"},
      {12, "12th"},   {13, "13th"},   {14, "14th"},   {21, "21st"},   {22, "22nd"},   {23, "23rd"},
      {101, "101st"}, {102, "102nd"}, {111, "111th"}, {112, "112th"}, {113, "113th"}, {121, "121st"},
  };
  for (const auto& [position, ordinal] : cases) {
    RankPrediction rank;
    rank.position = position;
    rank.of = 200;
    CHECK(describe_rank(rank, Lang::en) == std::string("Ranked ") + ordinal + " of 200");
  }
}
