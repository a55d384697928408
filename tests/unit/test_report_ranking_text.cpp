#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "cchc/report/ranking.hpp"
#include "cchc/results.hpp"
#include "report_support.hpp"

using namespace cchc;
using report::RankingReport;
using test::rank_input;

namespace {

RankingReport ranked(std::vector<RankInput> units) {
  RankingReport report;
  report.decimals = cchc::decimals_written(units);
  report.units = rank_units(std::move(units), std::nullopt);
  return report;
}

report::RenderOptions options_for(Lang lang, std::size_t width, bool color = false) {
  report::RenderOptions options;
  options.lang = lang;
  options.width = width;
  options.style = report::Style(color);
  return options;
}

}  // namespace

TEST_CASE("ranking_summary counts the units per grade in the order grades first appear") {
  const RankingReport report = test::three_units();
  CHECK(report::ranking_summary(report, Lang::en) == "3 units: Xuất sắc 2, Tốt 1");
  CHECK(report::ranking_summary(report, Lang::vi) == "3 đơn vị: Xuất sắc 2, Tốt 1");

  const RankingReport mixed = ranked({rank_input("a", "A", "90", "", "Tốt"), rank_input("b", "B", "80"),
                                      rank_input("c", "C", "70", "", "Khá"), rank_input("d", "D", "60", "", "Tốt")});
  CHECK(report::ranking_summary(mixed, Lang::en) == "4 units: Tốt 2, no grade 1, Khá 1");
  CHECK(report::ranking_summary(mixed, Lang::vi) == "4 đơn vị: Tốt 2, chưa xếp loại 1, Khá 1");
}

TEST_CASE("ranking_summary gives just the count when no unit has a grade") {
  CHECK(report::ranking_summary(ranked({rank_input("a", "A", "90")}), Lang::en) == "1 unit");
  CHECK(report::ranking_summary(ranked({rank_input("a", "A", "90")}), Lang::vi) == "1 đơn vị");
  CHECK(report::ranking_summary(ranked({rank_input("a", "A", "90"), rank_input("b", "B", "80")}), Lang::en) ==
        "2 units");
  CHECK(report::ranking_summary(RankingReport{}, Lang::en) == "0 units");
}

TEST_CASE("decimals_written is the most decimals of any index or points") {
  CHECK(cchc::decimals_written({}) == 0);
  CHECK(cchc::decimals_written({rank_input("a", "", "90")}) == 0);
  CHECK(cchc::decimals_written({rank_input("a", "", "90.5"), rank_input("b", "", "80.125")}) == 3);
  CHECK(cchc::decimals_written({rank_input("a", "", "90.5", "88.1234")}) == 4);
  CHECK(cchc::decimals_written({rank_input("a", "", "90.45", "90")}) == 2);
}

// docs/formats.md 7.5: "when only tables are ranked: the most decimals any
// table writes". A table that writes every index with a trailing zero (88,60)
// writes two decimals, but Decimal keeps no trailing zeros, so the ranking
// shows 88,6.
TEST_CASE("decimals_written counts the decimals a table writes, trailing zeros included", "[!mayfail]") {
  const ResultsTable table =
      parse_results_csv("unit;name;index\nso-a;Sở A;92,10\nso-b;Sở B;88,60\n", "t.csv", Lang::en);
  std::vector<RankInput> units;
  for (const ResultRow& row : table.rows) {
    units.push_back(RankInput{row.unit, row.name, row.index, row.points, row.grade});
  }
  CHECK(cchc::decimals_written(units) == 2);
}

TEST_CASE("render_ranking_text lays out three units within 80 columns, ties sharing a rank") {
  const std::string out = report::render_ranking_text(test::three_units(), options_for(Lang::en, 80));
  CHECK(out ==
        "PAR INDEX RANKING, 2025\n"
        "\n"
        " Rank  Id           Unit         Points  Index  Grade     Previous  Change\n"
        "    1  so-tu-phap   Sở Tư pháp    90.45  90.45  Xuất sắc         2  up 1\n"
        "    1  so-xay-dung  Sở Xây dựng   90.45  90.45  Xuất sắc         1  unchanged\n"
        "    3  so-noi-vu    Sở Nội vụ     88.60  88.60  Tốt                 new\n"
        "\n"
        "3 units: Xuất sắc 2, Tốt 1\n");
  CHECK(test::widest_line(out) <= 80);
  CHECK_FALSE(test::has_trailing_blank(out));
}

TEST_CASE("render_ranking_text in Vietnamese fits 80 columns") {
  const std::string out = report::render_ranking_text(test::three_units(), options_for(Lang::vi, 80));
  CHECK(out ==
        "XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025\n"
        "\n"
        " Hạng  Mã           Đơn vị        Điểm  Chỉ số  Xếp loại  Năm trước  Thay đổi\n"
        "    1  so-tu-phap   Sở Tư pháp   90,45   90,45  Xuất sắc          2  tăng 1 bậc\n"
        "    1  so-xay-dung  Sở Xây dựng  90,45   90,45  Xuất sắc          1  giữ nguyên\n"
        "    3  so-noi-vu    Sở Nội vụ    88,60   88,60  Tốt                  mới\n"
        "\n"
        "3 đơn vị: Xuất sắc 2, Tốt 1\n");
  CHECK(test::widest_line(out) <= 80);
  CHECK_FALSE(test::has_trailing_blank(out));
}

TEST_CASE("render_ranking_text colours the title and the changes") {
  const std::string out = report::render_ranking_text(test::three_units(), options_for(Lang::en, 80, true));
  CHECK(out.rfind("\x1b[1mPAR INDEX RANKING, 2025\x1b[0m\n\n", 0) == 0);
  CHECK(out.find("\x1b[32mup 1\x1b[0m\n") != std::string::npos);
  // Unchanged and new are plain.
  CHECK(out.find("  unchanged\n") != std::string::npos);
  CHECK(out.find("  new\n") != std::string::npos);
}

TEST_CASE("render_ranking_text wraps long unit names to fit a narrow width") {
  const RankingReport report = ranked({rank_input("so-nnptnt", "Sở Nông nghiệp và Phát triển nông thôn", "91.2"),
                                       rank_input("so-ldtbxh", "Sở Lao động - Thương binh và Xã hội", "84.3"),
                                       rank_input("so-tp", "Sở Tư pháp", "91.2")});
  const std::string out = report::render_ranking_text(report, options_for(Lang::en, 40));
  CHECK(out ==
        "PAR INDEX RANKING\n"
        "\n"
        " Rank  Id         Unit             Index\n"
        "    1  so-nnptnt  Sở Nông nghiệp    91.2\n"
        "                  và Phát triển\n"
        "                  nông thôn\n"
        "    1  so-tp      Sở Tư pháp        91.2\n"
        "    3  so-ldtbxh  Sở Lao động -     84.3\n"
        "                  Thương binh và\n"
        "                  Xã hội\n"
        "\n"
        "3 units\n");
  CHECK(test::widest_line(out) <= 40);
  CHECK_FALSE(test::has_trailing_blank(out));
}
