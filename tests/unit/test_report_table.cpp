#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "cchc/report/table.hpp"
#include "cchc/text.hpp"
#include "report_support.hpp"

using namespace cchc;
using cchc::wrap_text;
using report::Align;
using report::Cell;
using report::Column;
using report::pad_left;
using report::pad_right;
using report::Style;
using report::Table;
using report::Tone;
using Lines = std::vector<std::string>;

namespace {

// "Sở Tư pháp" decomposed (NFD): o + horn + grave, u + horn, a + acute.
const std::string k_nfd_tu_phap = "So\xCC\x9B\xCC\x80 Tu\xCC\x9B pha\xCC\x81p";
// "ệ" decomposed: e + dot below + circumflex.
const std::string k_nfd_e = "e\xCC\xA3\xCC\x82";

// Whether `line` starts with a combining mark of the block U+0300–U+036F.
bool starts_with_combining_mark(const std::string& line) {
  if (line.size() < 2) {
    return false;
  }
  const auto lead = static_cast<unsigned char>(line[0]);
  const auto next = static_cast<unsigned char>(line[1]);
  return (lead == 0xCC && next >= 0x80) || (lead == 0xCD && next <= 0xAF);
}

std::string without_blanks(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c != ' ') {
      out += c;
    }
  }
  return out;
}

}  // namespace

TEST_CASE("precomposed and decomposed Vietnamese have the same display width") {
  REQUIRE(k_nfd_tu_phap != "Sở Tư pháp");
  CHECK(display_width("Sở Tư pháp") == 10);
  CHECK(display_width(k_nfd_tu_phap) == 10);
}

TEST_CASE("pad_right and pad_left pad to a display width") {
  CHECK(pad_right("Tốt", 5) == "Tốt  ");
  CHECK(pad_left("Tốt", 5) == "  Tốt");
  CHECK(pad_right(k_nfd_e, 3) == k_nfd_e + "  ");
  CHECK(pad_left(k_nfd_e, 3) == "  " + k_nfd_e);
  CHECK(pad_right("漢字", 5) == "漢字 ");
  CHECK(pad_left("", 2) == "  ");
  // Never cut: a text wider than the width is returned whole.
  CHECK(pad_right("Xuất sắc", 3) == "Xuất sắc");
  CHECK(pad_left("Xuất sắc", 8) == "Xuất sắc");
}

TEST_CASE("Table aligns columns by display width, numbers to the right") {
  Table table({Column{"Mã"}, Column{"Đơn vị"}, Column{"Chỉ số", Align::right}});
  table.add_row({"a", "Sở Y tế", "9,5"});
  table.add_row({"bb", k_nfd_tu_phap, "10"});
  table.add_row({"ccc", "Sở Tư pháp", "100"});
  const std::string out = table.render(Style(false), 80);
  CHECK(out ==
        " Mã   Đơn vị      Chỉ số\n"
        " a    Sở Y tế        9,5\n"
        " bb   " +
            k_nfd_tu_phap +
            "      10\n"
            " ccc  Sở Tư pháp     100\n");
  for (const std::string& line : test::lines_of(out)) {
    CHECK(display_width(line) == 24);
  }
}

TEST_CASE("Table wraps a long cell so that no line is wider than the width") {
  Table table({Column{"Mã"}, Column{"Tên", Align::left, true}, Column{"Điểm", Align::right}});
  table.add_row({"1.1", "Tỷ lệ hồ sơ giải quyết đúng hạn trên tổng số hồ sơ", "0,75"});
  table.add_row({"1.2", "Kế hoạch", "1"});
  const std::string out = table.render(Style(false), 30);
  CHECK(out ==
        " Mã   Tên                 Điểm\n"
        " 1.1  Tỷ lệ hồ sơ giải    0,75\n"
        "      quyết đúng hạn\n"
        "      trên tổng số hồ sơ\n"
        " 1.2  Kế hoạch               1\n");
  CHECK(test::widest_line(out) == 30);
  CHECK_FALSE(test::has_trailing_blank(out));
}

TEST_CASE("Table keeps every line within the width at any width it can reach") {
  Table table({Column{"Mã"}, Column{"Tiêu chí", Align::left, true}, Column{"Điểm", Align::right}});
  table.add_row({"1.1", "Tỷ lệ hồ sơ giải quyết đúng hạn trên tổng số hồ sơ tiếp nhận trong năm", "0,75"});
  table.add_row({"2", k_nfd_tu_phap + " " + k_nfd_tu_phap + " " + k_nfd_tu_phap, "12,5"});
  table.add_line("Lĩnh vực 3: Cải cách thủ tục hành chính và hiện đại hoá nền hành chính");
  table.add_row({"3.1", "Công khai", "1"});
  // The narrowest reachable: indent 1, Mã 3, Tiêu chí 10 (its floor), Điểm 4, two gaps.
  for (std::size_t width = 22; width <= 90; ++width) {
    INFO("width " << width);
    const std::string out = table.render(Style(false), width);
    CHECK(test::widest_line(out) <= width);
    CHECK_FALSE(test::has_trailing_blank(out));
    CHECK(out.find(" 1.1  Tỷ") != std::string::npos);
    CHECK(out.find("0,75\n") != std::string::npos);
    CHECK(out.find("12,5\n") != std::string::npos);
  }
}

TEST_CASE("Table writes group lines and continuation marks on wrapped rows") {
  Table table({Column{"Cây"}, Column{"Nội dung", Align::left, true}}, true, 0);
  table.add_line("Lĩnh vực 1: Chỉ đạo");
  table.add_row({Cell("├─ 1.1", Tone::plain, "│"), Cell("một hai ba bốn năm sáu bảy")});
  table.add_line("Lĩnh vực 2");
  CHECK(table.render(Style(false), 20) ==
        "Cây     Nội dung\n"
        "Lĩnh vực 1: Chỉ đạo\n"
        "├─ 1.1  một hai ba\n"
        "│       bốn năm sáu\n"
        "│       bảy\n"
        "\n"
        "Lĩnh vực 2\n");
}

TEST_CASE("Table styles cells without counting the escape codes in the width") {
  Table table({Column{"A"}, Column{"B", Align::right}});
  table.add_row({Cell("x", Tone::red), Cell("10", Tone::green)});
  table.add_row({"yyy", "5"});
  CHECK(table.render(Style(true), 80) ==
        " \x1b[1mA\x1b[0m     \x1b[1mB\x1b[0m\n"
        " \x1b[31mx\x1b[0m    \x1b[32m10\x1b[0m\n"
        " yyy   5\n");
  CHECK(table.render(Style(false), 80) ==
        " A     B\n"
        " x    10\n"
        " yyy   5\n");
}

TEST_CASE("Table makes rows on demand, twice each, after the rows added") {
  Table table({Column{"Hạng", Align::right}, Column{"Mã"}}, false);
  table.add_row({"0", "đầu"});
  std::size_t calls = 0;
  table.add_rows(3, [&](std::size_t row, std::vector<Cell>& cells) {
    ++calls;
    cells[0] = Cell(std::to_string((row + 1) * 5));
    std::string id = "u";
    id += std::to_string(row);
    cells[1] = Cell(id);
  });
  CHECK_FALSE(table.empty());
  CHECK(table.render(Style(false), 80) ==
        "  0  đầu\n"
        "  5  u0\n"
        " 10  u1\n"
        " 15  u2\n");
  CHECK(calls == 6);
}

TEST_CASE("an empty Table writes its header only") {
  Table table({Column{"Mã"}, Column{"Tên"}});
  CHECK(table.empty());
  CHECK(table.render(Style(false), 80) == " Mã  Tên\n");
}

TEST_CASE("wrap_text breaks at spaces within the width") {
  CHECK(wrap_text("Sở Tư pháp tỉnh Hà Tĩnh", 10) == Lines{"Sở Tư pháp", "tỉnh Hà", "Tĩnh"});
  CHECK(wrap_text("Sở Tư pháp tỉnh Hà Tĩnh", 100) == Lines{"Sở Tư pháp tỉnh Hà Tĩnh"});
  CHECK(wrap_text(k_nfd_tu_phap + " " + k_nfd_tu_phap, 10) == Lines{k_nfd_tu_phap, k_nfd_tu_phap});
  // A line that fits is kept as written.
  CHECK(wrap_text("a  b", 10) == Lines{"a  b"});
  // Runs of blanks at a break are dropped.
  CHECK(wrap_text("aaa   bbb", 4) == Lines{"aaa", "bbb"});
}

TEST_CASE("wrap_text breaks at LF, drops CR and blanks control characters") {
  CHECK(wrap_text("", 5) == Lines{""});
  CHECK(wrap_text("a\nb\n", 5) == Lines{"a", "b"});
  CHECK(wrap_text("a\r\n\r\nb", 5) == Lines{"a", "", "b"});
  CHECK(wrap_text("a\tb\x01"
                  "c",
                  5) == Lines{"a b c"});
}

TEST_CASE("wrap_text cuts a word wider than the width between characters, never inside one") {
  CHECK(wrap_text("ệệệệệ", 2) == Lines{"ệệ", "ệệ", "ệ"});
  CHECK(wrap_text(k_nfd_e + k_nfd_e + k_nfd_e + k_nfd_e + k_nfd_e, 2) ==
        Lines{k_nfd_e + k_nfd_e, k_nfd_e + k_nfd_e, k_nfd_e});
  CHECK(wrap_text("漢字漢字", 5) == Lines{"漢字", "漢字"});
  CHECK(wrap_text("漢字漢字", 3) == Lines{"漢", "字", "漢", "字"});
  CHECK(wrap_text("ab cdefghij", 4) == Lines{"ab", "cdef", "ghij"});
  // The text after the last piece goes on with it when it has room.
  CHECK(wrap_text("abcdef g", 4) == Lines{"abcd", "ef g"});
  // A width of 0 is taken as 1.
  CHECK(wrap_text("ab", 0) == Lines{"a", "b"});
}

TEST_CASE("wrap_text keeps every character whole at every width") {
  const std::string precomposed = "Nghị định số 30/2020/NĐ-CP về công tác văn thư: Thủ tướng Chính phủ";
  const std::string decomposed =
      "Nghi\xCC\xA3 đi\xCC\xA3nh so\xCC\x82\xCC\x81 30/2020/NĐ-CP ve\xCC\x82\xCC\x80 co\xCC\x82ng ta\xCC\x81"
      "c va\xCC\x86n thu\xCC\x9B: Thu\xCC\x89 tu\xCC\x9Bo\xCC\x9B\xCC\x81ng Chi\xCC\x81nh phu\xCC\x89";
  REQUIRE(to_nfc(decomposed) == precomposed);
  for (const std::string& text : {precomposed, decomposed}) {
    for (std::size_t width = 1; width <= 30; ++width) {
      INFO("width " << width << ": " << text);
      const Lines lines = wrap_text(text, width);
      std::string joined;
      for (const std::string& line : lines) {
        CHECK(display_width(line) <= width);
        CHECK_FALSE(find_invalid_utf8(line));
        CHECK_FALSE(starts_with_combining_mark(line));
        CHECK_FALSE(line.empty());
        joined += line;
      }
      CHECK(without_blanks(joined) == without_blanks(text));
    }
  }
}

TEST_CASE("render_key_values aligns the values and wraps them under each other") {
  const std::vector<std::pair<std::string, std::string>> pairs{{"Đơn vị:", "Sở Y tế"}, {"Hồ sơ:", "a.yaml"}};
  CHECK(report::render_key_values(pairs, Style(false), 80) ==
        "Đơn vị:  Sở Y tế\n"
        "Hồ sơ:   a.yaml\n");
  CHECK(report::render_key_values(pairs, Style(true), 80, 12) ==
        "Đơn vị:       Sở Y tế\n"
        "Hồ sơ:        a.yaml\n");
  CHECK(report::render_key_values({{"Hồ sơ:", "một hai ba bốn năm sáu"}}, Style(false), 20) ==
        "Hồ sơ:  một hai ba\n"
        "        bốn năm sáu\n");
}
