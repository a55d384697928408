#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <string>

#include "cchc/input_file.hpp"
#include "cchc/results.hpp"
#include "test_support.hpp"

using namespace cchc;

namespace {

std::string data_file(std::string_view name) {
  return std::string(CCHC_SOURCE_DIR) + "/tests/data/results/" + std::string(name);
}

ResultsTable csv(std::string_view text) {
  return parse_results_csv(text, "r.csv", Lang::en);
}

std::string csv_errors(std::string_view text, Lang lang = Lang::en) {
  return test::diagnostics_of([&] { parse_results_csv(text, "r.csv", lang); });
}

ResultsTable yaml(std::string_view text) {
  return load_results(InputFile::parse(text, "r.yaml", Lang::en), Lang::en);
}

std::string yaml_errors(std::string_view text, Lang lang = Lang::en) {
  return test::diagnostics_of([&] { load_results(InputFile::parse(text, "r.yaml", lang), lang); });
}

Decimal dec(const char* text) {
  return *Decimal::parse(text);
}

}  // namespace

// tests/data/results/tthue-2021.csv is the published 2021 ranking of Thừa Thiên
// Huế's 21 departments (Quyết định 24/QĐ-UBND, 05/01/2022) as a spreadsheet
// exports it: UTF-8 with a BOM, CRLF, `;`-separated, decimal commas, rows not in
// rank order. Names, indices and grades as published; the unit ids are made up.
TEST_CASE("the Thua Thien Hue 2021 table reads exactly from a spreadsheet export") {
  const std::string path = data_file("tthue-2021.csv");
  {
    // The file must keep what a spreadsheet writes, or this test proves nothing.
    std::ifstream in(path, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    REQUIRE(bytes.substr(0, 3) == "\xEF\xBB\xBF");
    REQUIRE(bytes.find("\r\n") != std::string::npos);
  }
  const ResultsTable table = read_results(path, Lang::en);
  CHECK(table.path == path);
  CHECK_FALSE(table.year);
  CHECK(table.criteria.empty());
  CHECK_FALSE(table.has_ranks());
  REQUIRE(table.rows.size() == 21);

  struct Expected {
    const char* unit;
    const char* name;
    const char* index;
    const char* grade;
  };
  const Expected expected[] = {
      {"van-phong-ubnd", "Văn phòng UBND tỉnh", "97.685", "Xuất sắc"},
      {"so-tu-phap", "Sở Tư pháp", "87.187", "Tốt"},
      {"so-cong-thuong", "Sở Công Thương", "85.804", "Tốt"},
      {"so-y-te", "Sở Y tế", "85.584", "Tốt"},
      {"so-nn-ptnt", "Sở NN&PTNT", "85.234", "Tốt"},
      {"so-tt-tt", "Sở TT&TT", "85.162", "Tốt"},
      {"so-noi-vu", "Sở Nội vụ", "85.057", "Tốt"},
      {"so-ngoai-vu", "Sở Ngoại vụ", "83.838", "Tốt"},
      {"so-du-lich", "Sở Du lịch", "83.533", "Tốt"},
      {"so-tai-chinh", "Sở Tài chính", "83.271", "Tốt"},
      {"so-tn-mt", "Sở TN&MT", "83.226", "Tốt"},
      {"so-xay-dung", "Sở Xây dựng", "83.218", "Tốt"},
      {"so-kh-cn", "Sở KH&CN", "83.038", "Tốt"},
      {"so-kh-dt", "Sở KH&ĐT", "83.034", "Tốt"},
      {"ban-dan-toc", "Ban Dân tộc", "80.696", "Tốt"},
      {"so-gd-dt", "Sở GD&ĐT", "79.455", "Khá"},
      {"so-ldtbxh", "Sở LĐTBXH", "79.077", "Khá"},
      {"so-gtvt", "Sở GTVT", "79.027", "Khá"},
      {"so-vh-tt", "Sở VH&TT", "73.663", "Khá"},
      {"thanh-tra", "Thanh tra tỉnh", "73.559", "Khá"},
      {"bql-kkt", "BQL Khu Kinh tế, công nghiệp", "73.475", "Khá"},
  };
  for (const Expected& want : expected) {
    INFO(want.unit);
    const ResultRow* row = table.find(want.unit);
    REQUIRE(row != nullptr);
    CHECK(row->name == want.name);
    CHECK(row->index == dec(want.index));
    CHECK(row->grade == want.grade);
    CHECK_FALSE(row->points);
    CHECK_FALSE(row->rank);
  }
  // Rows stay in file order, and each knows its line (the header is line 1).
  CHECK(table.rows[0].unit == "so-y-te");
  CHECK(table.rows[0].pos.line == 2);
  CHECK(table.rows[0].pos.column == 1);
  CHECK(table.rows[4].unit == "van-phong-ubnd");
  CHECK(table.rows[4].pos.line == 6);
  CHECK(table.rows[20].unit == "so-tn-mt");
  CHECK(table.rows[20].pos.line == 22);
  CHECK(table.find("so-khong-co") == nullptr);
}

TEST_CASE("a comma-separated table takes quoted decimal commas and RFC 4180 quoting") {
  const ResultsTable table =
      csv("unit,name,index,points,max,rank,grade,year\n"
          "a,\"Ban Quản lý \"\"Khu Kinh tế\"\", công nghiệp\",\"97,685\",84.5,\"100\",1,Xuất sắc,2021\n"
          "b,\"Sở A,\nSở B\",80.5,,,2,Tốt,2021\n"
          "c, Sở C ,\" 79,077\",,,3,Khá,2021\n");
  REQUIRE(table.rows.size() == 3);
  CHECK(table.rows[0].name == "Ban Quản lý \"Khu Kinh tế\", công nghiệp");
  CHECK(table.rows[0].index == dec("97.685"));
  CHECK(table.rows[0].points == dec("84.5"));
  CHECK(table.rows[0].max == Decimal(100));
  CHECK(table.rows[0].rank == 1);
  CHECK(table.rows[0].year == 2021);
  // A name is read on one line (docs/formats.md 1.3a).
  CHECK(table.rows[1].name == "Sở A, Sở B");
  CHECK(table.rows[1].index == dec("80.5"));
  CHECK_FALSE(table.rows[1].points);
  CHECK_FALSE(table.rows[1].max);
  // The embedded line break counts: row c starts on line 5.
  CHECK(table.rows[2].pos.line == 5);
  CHECK(table.rows[2].name == "Sở C");
  CHECK(table.rows[2].index == dec("79.077"));
  CHECK(table.year == 2021);
  CHECK(table.has_ranks());
}

TEST_CASE("line numbers stay right after a quoted line break") {
  CHECK(csv_errors("unit,name,index\n"
                   "a,\"two\r\nlines\",1\r\n"
                   "b,x,abc\r\n") ==
        "r.csv:4:5: error: index: expected a number such as 97,685 or 97.685, found \"abc\"\n");
}

TEST_CASE("header names are trimmed and matched ignoring ASCII case") {
  const ResultsTable table = csv(" Unit ; INDEX ;Name\nso-x; 97,685 ;Sở X\n");
  REQUIRE(table.rows.size() == 1);
  CHECK(table.rows[0].unit == "so-x");
  CHECK(table.rows[0].index == dec("97.685"));
  CHECK(table.rows[0].name == "Sở X");
}

TEST_CASE("the delimiter is semicolon only when the header has one outside quotes") {
  const ResultsTable table = csv("unit,\"name\",index\nso-x,\"a;b\",1\n");
  REQUIRE(table.rows.size() == 1);
  CHECK(table.rows[0].name == "a;b");
  CHECK(csv("\"unit\";index\nso-x;2\n").rows[0].index == Decimal(2));
}

TEST_CASE("blank lines and rows of empty cells are skipped") {
  const ResultsTable table = csv("\nunit;index\n\n  \nso-x;1\n;\nso-y;2\n\n");
  REQUIRE(table.rows.size() == 2);
  CHECK(table.rows[1].unit == "so-y");
  CHECK(table.rows[1].pos.line == 7);
}

TEST_CASE("cells are normalised to NFC") {
  // "Khá" with a decomposed á, in the name and in the grade (a unit id is
  // ASCII, docs/formats.md 1.3a).
  const ResultsTable table = csv("unit,name,index,grade\nso-kha,Kha\xCC\x81,1,Kha\xCC\x81\n");
  CHECK(table.rows[0].name == "Khá");
  CHECK(table.rows[0].grade == "Khá");
  CHECK(table.find("so-kha") != nullptr);
}

TEST_CASE("the year is the table's only when every row gives the same one") {
  CHECK(csv("unit,index,year\na,1,2022\nb,2,2022\n").year == 2022);
  CHECK_FALSE(csv("unit,index,year\na,1,2022\nb,2,2023\n").year);
  CHECK_FALSE(csv("unit,index,year\na,1,2022\nb,2,\n").year);
}

TEST_CASE("has_ranks is true only when every row has a rank") {
  CHECK(csv("unit,index,rank\na,90,1\nb,80,2\n").has_ranks());
  CHECK_FALSE(csv("unit,index,rank\na,90,1\nb,80,\n").has_ranks());
  CHECK_FALSE(csv("unit,index\na,90\n").has_ranks());
}

TEST_CASE("find returns the row of a unit") {
  const ResultsTable table = csv("unit,index\na,90\nb,80\n");
  REQUIRE(table.find("b") != nullptr);
  CHECK(table.find("b")->index == Decimal(80));
  CHECK(table.find("c") == nullptr);
}

TEST_CASE("the columns cchc rank writes are accepted") {
  const ResultsTable table = csv("rank,unit,name,points,index,grade,previous,change\n1,a,A,90,90,Xuất sắc,,\n");
  CHECK(table.rows[0].rank == 1);
}

TEST_CASE("text that cchc's CSV writer guarded against formulas reads back as written") {
  // Found by fuzz_results: a cell starting with @ lost its identity on the
  // way through `cchc rank -f csv` and back. Unit ids can no longer start so
  // (docs/formats.md 1.3a): names and grades still can.
  const ResultsTable table = csv("unit,name,index,grade\nso-a,'=Sở A,90,'-Tốt\nb,'x,80,\n");
  REQUIRE(table.rows.size() == 2);
  CHECK(table.rows[0].name == "=Sở A");
  CHECK(table.rows[0].grade == "-Tốt");
  CHECK(table.rows[1].name == "'x");
  CHECK(csv_errors("unit,index\n'@so-a,90\n") ==
        "r.csv:2:1: error: unit: a unit id is made of ASCII letters, digits and - _ . (starting and ending with a "
        "letter or digit), found \"@so-a\" (write \"so-a\")\n");
}

TEST_CASE("a table that repeats a mistake on every row stops after 100 errors") {
  std::string text = "unit,index\n";
  for (int i = 0; i < 1000000; ++i) {
    text += "so-x,90\n";
  }
  const std::string out = csv_errors(text);
  CHECK(std::count(out.begin(), out.end(), '\n') == 101);
  CHECK(out.starts_with("r.csv:3:1: error: the unit \"so-x\" is listed twice (first at line 2)\n"));
  CHECK(
      out.ends_with("r.csv:102:1: error: the unit \"so-x\" is listed twice (first at line 2)\n"
                    "r.csv: error: too many errors: only the first 100 are reported\n"));
}

TEST_CASE("a missing required column is reported at line 1") {
  CHECK(csv_errors("unit;name\nso-x;X\n") == "r.csv:1:1: error: the required column \"index\" is missing\n");
  CHECK(csv_errors("name,index\nX,1\n") == "r.csv:1:1: error: the required column \"unit\" is missing\n");
  CHECK(csv_errors("unit;name\nso-x;X\n", Lang::vi) == "r.csv:1:1: error: thiếu cột bắt buộc \"index\"\n");
  CHECK(csv_errors("unit\tindex\nso-x\t1\n") ==
        "r.csv:1:1: error: unknown column \"unit\tindex\" (known columns: unit, name, index, points, max, rank, grade, "
        "year, previous, change)\n"
        "r.csv:1:1: error: the required column \"unit\" is missing (columns are separated by \",\" or \";\")\n"
        "r.csv:1:1: error: the required column \"index\" is missing (columns are separated by \",\" or \";\")\n");
}

TEST_CASE("an unknown column gets a did-you-mean") {
  CHECK(csv_errors("unit;indx;name\nso-x;1;X\n") ==
        "r.csv:1:6: error: unknown column \"indx\"; did you mean \"index\"?\n"
        "r.csv:1:1: error: the required column \"index\" is missing\n");
  CHECK(csv_errors("unit;index;ghi chú\nso-x;1;X\n") ==
        "r.csv:1:12: error: unknown column \"ghi chú\" (known columns: unit, name, index, points, max, rank, grade, "
        "year, previous, change)\n");
  CHECK(csv_errors("unit;index;ghi chú\nso-x;1;X\n", Lang::vi) ==
        "r.csv:1:12: error: cột không hợp lệ \"ghi chú\" (các cột hợp lệ: unit, name, index, points, max, rank, grade, "
        "year, previous, change)\n");
}

TEST_CASE("a duplicate or nameless column is an error") {
  CHECK(csv_errors("unit,index,Index\na,1,2\n") ==
        "r.csv:1:12: error: the column \"index\" appears twice in the header\n");
  CHECK(csv_errors("unit,index,\na,1,\n") ==
        "r.csv:1:12: error: a column without a name: expected one of unit, name, index, points, max, rank, grade, "
        "year, previous, change\n");
}

TEST_CASE("a number that is not one says what was expected and found") {
  CHECK(csv_errors("unit;index\nso-x;abc\n") ==
        "r.csv:2:6: error: index: expected a number such as 97,685 or 97.685, found \"abc\"\n");
  CHECK(csv_errors("unit;index\nso-x;abc\n", Lang::vi) ==
        "r.csv:2:6: error: index: cần một số, ví dụ 97,685 hoặc 97.685, nhưng gặp \"abc\"\n");
  CHECK(csv_errors("unit;index\nso-x;\n") ==
        "r.csv:2:6: error: index: expected a number such as 97,685 or 97.685, found an empty cell\n");
  CHECK(csv_errors("unit;index;points\nso-x;1.234,5;1,234,567\n") ==
        "r.csv:2:6: error: index: expected a number such as 97,685 or 97.685, found \"1.234,5\" (write it without "
        "thousands separators)\n"
        "r.csv:2:14: error: points: expected a number such as 97,685 or 97.685, found \"1,234,567\" (write it without "
        "thousands separators)\n");
  CHECK(csv_errors("unit;index;max\nso-x;,5;5,\n") ==
        "r.csv:2:6: error: index: expected a number such as 97,685 or 97.685, found \",5\"\n"
        "r.csv:2:9: error: max: expected a number such as 97,685 or 97.685, found \"5,\"\n");
  CHECK(csv_errors("unit;index\nso-x;-1,5\n") == "r.csv:2:6: error: index: expected a number ≥ 0, found \"-1,5\"\n");
  CHECK(csv_errors("unit;index\nso-x;1e3\n") ==
        "r.csv:2:6: error: index: expected a number such as 97,685 or 97.685, found \"1e3\"\n");
  CHECK(csv_errors("unit;index\nso-x;0,1234567891\n") ==
        "r.csv:2:6: error: index: \"0,1234567891\" has more than 9 decimals\n");
  // An unquoted decimal comma under `,` splits the cell: the row is too long.
  CHECK(csv_errors("unit,index\nso-x,97,685\n") ==
        "r.csv:2:1: error: this row has 3 cells, but the header has 2 columns\n");
}

TEST_CASE("rank and year must be whole numbers in range") {
  CHECK(csv_errors("unit,index,rank\na,1,0\n") == "r.csv:2:5: error: rank: expected a whole number ≥ 1, found \"0\"\n");
  CHECK(csv_errors("unit,index,rank\na,1,1.5\n") ==
        "r.csv:2:5: error: rank: expected a whole number ≥ 1, found \"1.5\"\n");
  CHECK(csv_errors("unit,index,year\na,1,21\n") ==
        "r.csv:2:5: error: year: expected a whole number from 1900 to 2999, found \"21\"\n");
}

TEST_CASE("a unit listed twice names the first line") {
  CHECK(csv_errors("unit;index\nso-a;1\nso-x;2\nso-x;3\n") ==
        "r.csv:4:1: error: the unit \"so-x\" is listed twice (first at line 3)\n");
  CHECK(csv_errors("unit;index\nso-a;1\nso-x;2\nso-x;3\n", Lang::vi) ==
        "r.csv:4:1: error: đơn vị \"so-x\" bị ghi hai lần (lần đầu ở dòng 3)\n");
  CHECK(csv_errors("unit;index\n;1\n") == "r.csv:2:1: error: unit: must not be empty\n");
}

TEST_CASE("a row with a different number of cells is an error at its line") {
  CHECK(csv_errors("unit;name;index\nso-a;A;1\nso-b;2\nso-c;C;3;x\n") ==
        "r.csv:3:1: error: this row has 2 cells, but the header has 3 columns\n"
        "r.csv:4:1: error: this row has 4 cells, but the header has 3 columns\n");
  CHECK(csv_errors("unit;name;index\nso-b;2\n", Lang::vi) ==
        "r.csv:2:1: error: dòng này có 2 ô, nhưng dòng tiêu đề có 3 cột\n");
}

TEST_CASE("every problem of the file is reported with character columns") {
  CHECK(csv_errors("unit;tên;index;rank\n"
                   "so-a;Sở X;một;0\n"
                   "so-a;Y;1;1\n") ==
        "r.csv:1:6: error: unknown column \"tên\" (known columns: unit, name, index, points, max, rank, grade, year, "
        "previous, change)\n"
        "r.csv:2:11: error: index: expected a number such as 97,685 or 97.685, found \"một\"\n"
        "r.csv:2:15: error: rank: expected a whole number ≥ 1, found \"0\"\n"
        "r.csv:3:1: error: the unit \"so-a\" is listed twice (first at line 2)\n");
}

TEST_CASE("broken quoting is reported where it happens") {
  CHECK(csv_errors("unit,name,index\na,\"Sở A\"x,1\nb,B,2\n") ==
        "r.csv:2:9: error: expected \",\" or the end of the line after a closing quote, found \"x\"\n");
  CHECK(csv_errors("unit,name,index\na,A,1\nb,\"Sở B,2\nc,C,3\n") ==
        "r.csv:3:3: error: the quoted cell that starts here has no closing quote (a \" is missing)\n");
}

TEST_CASE("a header with broken quoting stops the rows from being checked") {
  CHECK(csv_errors("unit,\"name\"x,index\na,A,abc\n") ==
        "r.csv:1:12: error: expected \",\" or the end of the line after a closing quote, found \"x\"\n");
}

TEST_CASE("old Mac line ends count as lines") {
  CHECK(csv_errors("unit;index\rso-a;1\rso-b;x\r") ==
        "r.csv:3:6: error: index: expected a number such as 97,685 or 97.685, found \"x\"\n");
}

TEST_CASE("unit ids and numbers are read without surrounding spaces even when quoted") {
  const ResultsTable table = csv("\" unit \",\" index \",name\n\" so-x \",\" 1.5 \",\" Sở X \"\n");
  REQUIRE(table.find("so-x") != nullptr);
  CHECK(table.rows[0].index == dec("1.5"));
  CHECK(table.rows[0].name == " Sở X ");
}

TEST_CASE("invalid UTF-8, UTF-16 and oversized files are refused") {
  CHECK(csv_errors("unit;index\nS\xE1\xBB;1\n") ==
        "r.csv:2:2: error: invalid UTF-8 (byte 0xE1): save the file as UTF-8\n");
  CHECK(csv_errors("unit;index\nS\xE1\xBB;1\n", Lang::vi) ==
        "r.csv:2:2: error: không phải UTF-8 hợp lệ (byte 0xE1): hãy lưu tệp bằng bảng mã UTF-8\n");
  CHECK(csv_errors(std::string("\xFF\xFEu\0", 4)) ==
        "r.csv:1:1: error: the file is encoded as UTF-16: save it as UTF-8\n");
  CHECK(csv_errors(std::string("unit,index\na\0,1\n", 15)) ==
        "r.csv:2:2: error: control character U+0000 is not allowed (is this a binary file?)\n");
  const std::string huge(k_max_file_size + 1, 'a');
  CHECK(csv_errors(huge) == "r.csv: error: the file is too large (16777217 bytes): the limit is 16 MiB\n");
}

TEST_CASE("an empty table is an error") {
  CHECK(csv_errors("\xEF\xBB\xBF\r\n") ==
        "r.csv:1:1: error: the file is empty: expected a header row such as "
        "unit,name,index\n");
  CHECK(csv_errors("unit;index\r\n\r\n") ==
        "r.csv:1:1: error: the table has no rows: expected one row per unit after the header\n");
  // Found by fuzz_results: lines of empty cells only were reported without a line.
  CHECK(csv_errors("\n;  \n\n") ==
        "r.csv:1:1: error: the file is empty: expected a header row such as unit,name,index\n");
}

TEST_CASE("a results table in YAML") {
  const ResultsTable table = yaml(
      "cchc: results/1\n"
      "year: 2021\n"
      "criteria: tthue-so-2021\n"
      "units:\n"
      "  - {unit: van-phong-ubnd, name: \"Văn phòng UBND tỉnh\", index: 97.685, rank: 1, grade: \"Xuất sắc\"}\n"
      "  - unit: so-tu-phap\n"
      "    name: \"Sở Tư pháp\"\n"
      "    index: 87.187\n"
      "    points: 87.187\n"
      "    max: 100\n"
      "    rank: 2\n");
  CHECK(table.path == "r.yaml");
  CHECK(table.year == 2021);
  CHECK(table.criteria == "tthue-so-2021");
  REQUIRE(table.rows.size() == 2);
  CHECK(table.rows[0].index == dec("97.685"));
  CHECK(table.rows[0].grade == "Xuất sắc");
  CHECK(table.rows[0].pos.line == 5);
  CHECK(table.rows[0].year == 2021);
  CHECK(table.rows[1].points == dec("87.187"));
  CHECK(table.rows[1].max == Decimal(100));
  CHECK(table.rows[1].pos.line == 6);
  CHECK(table.has_ranks());
  CHECK(table.find("so-tu-phap")->name == "Sở Tư pháp");
}

TEST_CASE("the YAML form refuses unknown keys, duplicate units and other tags") {
  const std::string head = "cchc: results/1\nyear: 2021\nunits:\n";
  CHECK(yaml_errors(head + "  - {unit: a, indx: 1}\n") ==
        "r.yaml:4:15: error: unknown key \"indx\" in unit \"a\"; did you mean \"index\"?\n"
        "r.yaml:4:5: error: unit \"a\": the required key \"index\" is missing\n");
  CHECK(yaml_errors(head + "  - {unit: a, index: 1}\n  - {unit: b, index: 2}\n  - {unit: a, index: 3}\n") ==
        "r.yaml:6:12: error: the unit \"a\" is listed twice (first at line 4)\n");
  CHECK(yaml_errors("cchc: evidence/1\nyear: 2021\nunits:\n  - {unit: a, index: 1}\n") ==
        "r.yaml:1:7: error: cchc: expected \"results/1\" (a results table), found \"evidence/1\"\n");
  CHECK(yaml_errors("cchc: evidence/1\nyear: 2021\nunits:\n  - {unit: a, index: 1}\n", Lang::vi) ==
        "r.yaml:1:7: error: cchc: cần \"results/1\" (bảng kết quả), nhưng gặp \"evidence/1\"\n");
  CHECK(yaml_errors("cchc: results/1\nyear: 2021\nunit: []\n") ==
        "r.yaml:3:1: error: unknown key \"unit\" in the results table; did you mean \"units\"?\n"
        "r.yaml:1:1: error: the results table: the required key \"units\" is missing\n");
}

TEST_CASE("the YAML form reads numbers as all YAML files do") {
  const std::string head = "cchc: results/1\nyear: 2021\nunits:\n";
  CHECK(yaml_errors(head + "  - {unit: a, index: \"97.685\", rank: 0}\n") ==
        "r.yaml:4:22: error: index: expected a number, found the text \"97.685\" (remove the quotes)\n"
        "r.yaml:4:38: error: rank: expected a whole number ≥ 1, found 0\n");
  CHECK(yaml_errors(head + "  - unit: a\n    index: 97,685\n") ==
        "r.yaml:5:12: error: index: expected a number with a decimal point, found \"97,685\" (write 97.685)\n");
  CHECK(yaml_errors(head + "  - {name: X, index: 1}\n") ==
        "r.yaml:4:5: error: units, item 1: the required key \"unit\" is missing\n");
  CHECK(yaml_errors("cchc: results/1\nyear: 21\nunits: []\n") ==
        "r.yaml:2:7: error: year: expected a whole number from 1900 to 2999, found 21\n"
        "r.yaml:3:8: error: units: expected at least one unit, found an empty list\n");
}

TEST_CASE("read_results picks the form from the file name") {
  const ResultsTable table = read_results(data_file("tthue-2021.csv"), Lang::en);
  CHECK(table.rows.size() == 21);
  const ResultsTable yaml_table = read_results(data_file("small-2022.yaml"), Lang::en);
  CHECK(yaml_table.year == 2022);
  CHECK(yaml_table.criteria == "vd-so-2022");
  REQUIRE(yaml_table.rows.size() == 2);
  CHECK(yaml_table.rows[1].index == dec("84.5"));
  CHECK(yaml_table.has_ranks());
  CHECK(test::diagnostics_of([] { read_results(data_file("missing.yaml"), Lang::en); }) ==
        data_file("missing.yaml") + ": error: cannot read the file: No such file or directory\n");
}
