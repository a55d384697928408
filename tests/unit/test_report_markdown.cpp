#include <catch2/catch.hpp>

#include <string>

#include "cchc/report/markdown.hpp"
#include "cchc/report/ranking.hpp"
#include "report_support.hpp"

using namespace cchc;
using report::LineBreaks;
using report::md;
using report::PipeTable;

TEST_CASE("md leaves plain text and Vietnamese alone") {
  CHECK(md("") == "");
  CHECK(md("Sở Y tế, 90,45% (tốt)!") == "Sở Y tế, 90,45% (tốt)!");
  CHECK(md("so-tu-phap + 1.2") == "so-tu-phap + 1.2");
}

TEST_CASE("md escapes the characters Markdown reads as markup") {
  CHECK(md("*đậm*") == "\\*đậm\\*");
  CHECK(md("`code`") == "\\`code\\`");
  CHECK(md("[x](http://y)") == "\\[x\\](http://y)");
  CHECK(md("a|b") == "a\\|b");
  CHECK(md("<b>x</b>") == "\\<b\\>x\\</b\\>");
  CHECK(md("C:\\path") == "C:\\\\path");
  CHECK(md("_nghiêng_") == "\\_nghiêng\\_");
}

TEST_CASE("md escapes # only at the start, where it would make a heading") {
  CHECK(md("# Tiêu đề") == "\\# Tiêu đề");
  CHECK(md("Mục #3") == "Mục #3");
}

TEST_CASE("md leaves an underscore inside a word alone") {
  CHECK(md("no_tthc") == "no_tthc");
  CHECK(md("đơn_vị") == "đơn_vị");
  CHECK(md("ệ_ệ") == "ệ_ệ");
  CHECK(md("a _b") == "a \\_b");
  CHECK(md("a_ b") == "a\\_ b");
  CHECK(md("a__b") == "a\\_\\_b");
  CHECK(md("_") == "\\_");
}

TEST_CASE("md turns LF into a space or <br>, drops CR and blanks other control characters") {
  CHECK(md("dòng 1\ndòng 2") == "dòng 1 dòng 2");
  CHECK(md("dòng 1\ndòng 2", LineBreaks::html) == "dòng 1<br>dòng 2");
  CHECK(md("dòng 1\r\ndòng 2") == "dòng 1 dòng 2");
  CHECK(md("dòng 1\r\ndòng 2", LineBreaks::html) == "dòng 1<br>dòng 2");
  CHECK(md("a\rb") == "ab");
  CHECK(md("a\tb\x01"
           "c\x7f") == "a b c ");
  // The <br> is markup; a < in the text stays escaped.
  CHECK(md("<\n>", LineBreaks::html) == "\\<<br>\\>");
}

TEST_CASE("PipeTable writes a header, an alignment row and escaped cells") {
  PipeTable table({"Mã", "Đơn vị", "Chỉ số"}, {false, false, true});
  table.add_row({"a|b", "Sở *Y* tế", "90,45"});
  table.add_row({"c", "", "8"});
  CHECK(table.render() ==
        "| Mã | Đơn vị | Chỉ số |\n"
        "|---|---|---:|\n"
        "| a\\|b | Sở \\*Y\\* tế | 90,45 |\n"
        "| c |  | 8 |\n");
}

TEST_CASE("PipeTable keeps a cell's lines as <br> when asked") {
  PipeTable table({"Chi tiết|x"}, {false}, LineBreaks::html);
  table.add_row({"dòng 1\r\ndòng 2"});
  CHECK(table.render() ==
        "| Chi tiết\\|x |\n"
        "|---|\n"
        "| dòng 1<br>dòng 2 |\n");

  PipeTable spaces({"Chi tiết"}, {true});
  spaces.add_row({"dòng 1\ndòng 2"});
  CHECK(spaces.render() ==
        "| Chi tiết |\n"
        "|---:|\n"
        "| dòng 1 dòng 2 |\n");
}

TEST_CASE("render_ranking_md writes the title, every column and the summary") {
  report::RenderOptions options;
  options.lang = Lang::en;
  CHECK(report::render_ranking_md(test::three_units(), options) ==
        "# PAR Index ranking, 2025\n"
        "\n"
        "| Rank | Id | Unit | Points | Index | Grade | Previous | Change |\n"
        "|---:|---|---|---:|---:|---|---:|---|\n"
        "| 1 | so-tu-phap | Sở Tư pháp | 90.45 | 90.45 | Xuất sắc | 2 | up 1 |\n"
        "| 1 | so-xay-dung | Sở Xây dựng | 90.45 | 90.45 | Xuất sắc | 1 | unchanged |\n"
        "| 3 | so-noi-vu | Sở Nội vụ | 88.60 | 88.60 | Tốt |  | new |\n"
        "\n"
        "3 units: Xuất sắc 2, Tốt 1\n");
}

TEST_CASE("render_ranking_md in Vietnamese uses the decimal comma") {
  report::RenderOptions options;
  options.lang = Lang::vi;
  CHECK(report::render_ranking_md(test::three_units(), options) ==
        "# Xếp hạng Chỉ số cải cách hành chính năm 2025\n"
        "\n"
        "| Hạng | Mã | Đơn vị | Điểm | Chỉ số | Xếp loại | Năm trước | Thay đổi |\n"
        "|---:|---|---|---:|---:|---|---:|---|\n"
        "| 1 | so-tu-phap | Sở Tư pháp | 90,45 | 90,45 | Xuất sắc | 2 | tăng 1 bậc |\n"
        "| 1 | so-xay-dung | Sở Xây dựng | 90,45 | 90,45 | Xuất sắc | 1 | giữ nguyên |\n"
        "| 3 | so-noi-vu | Sở Nội vụ | 88,60 | 88,60 | Tốt |  | mới |\n"
        "\n"
        "3 đơn vị: Xuất sắc 2, Tốt 1\n");
}

TEST_CASE("render_ranking_md leaves out absent columns and escapes hostile names") {
  report::RankingReport report;
  report.decimals = 1;
  report.units =
      rank_units({test::rank_input("x_1", "*Sở* | <A>\nB", "80"), test::rank_input("_y", "[C]", "70.5")}, std::nullopt);
  report::RenderOptions options;
  options.lang = Lang::en;
  CHECK(report::render_ranking_md(report, options) ==
        "# PAR Index ranking\n"
        "\n"
        "| Rank | Id | Unit | Index |\n"
        "|---:|---|---|---:|\n"
        "| 1 | x_1 | \\*Sở\\* \\| \\<A\\> B | 80.0 |\n"
        "| 2 | \\_y | \\[C\\] | 70.5 |\n"
        "\n"
        "2 units\n");
}
