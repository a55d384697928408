#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "cchc/report/ranking.hpp"
#include "report/workbook.hpp"
#include "report_support.hpp"

using namespace cchc;

namespace {

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

// The number in cell `ref` of a sheet's XML.
double cell_number(const std::string& sheet, const std::string& ref) {
  const std::size_t cell = sheet.find("<c r=\"" + ref + "\"");
  REQUIRE(cell != std::string::npos);
  const std::size_t value = sheet.find("<v>", cell);
  REQUIRE(value != std::string::npos);
  return std::strtod(sheet.c_str() + value + 3, nullptr);
}

// The workbook's bytes in a private temporary file, removed at the end.
class WorkbookFile {
 public:
  explicit WorkbookFile(const std::string& bytes) {
    const int fd = ::mkstemps(m_path.data(), 5);
    REQUIRE(fd >= 0);
    ::close(fd);
    std::ofstream out(m_path, std::ios::binary);
    out << bytes;
    REQUIRE(out.good());
  }
  ~WorkbookFile() { std::remove(m_path.c_str()); }
  WorkbookFile(const WorkbookFile&) = delete;
  WorkbookFile& operator=(const WorkbookFile&) = delete;

  // One member of the zip, through `unzip -p`.
  std::string member(const std::string& name) const {
    const std::string command = "unzip -p '" + m_path + "' '" + name + "'";
    FILE* pipe = ::popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::string out;
    char buffer[4096];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) {
      out.append(buffer, n);
    }
    REQUIRE(::pclose(pipe) == 0);
    return out;
  }

  // Whether a member parses as XML (python3's xml.dom.minidom).
  bool member_is_well_formed(const std::string& name) const {
    const std::string command = "unzip -p '" + m_path + "' '" + name +
                                "' | python3 -c 'import sys,xml.dom.minidom; "
                                "xml.dom.minidom.parseString(sys.stdin.buffer.read())' 2>/dev/null";
    return std::system(command.c_str()) == 0;
  }

 private:
  std::string m_path = (std::filesystem::temp_directory_path() / "cchc-test-XXXXXX.xlsx").string();
};

}  // namespace

TEST_CASE("render_ranking_xlsx returns the bytes of a zip") {
  const std::string bytes = report::render_ranking_xlsx(test::three_units(), Lang::en);
  REQUIRE(bytes.size() > 4);
  CHECK(bytes.substr(0, 4) == std::string("PK\x03\x04", 4));
}

TEST_CASE("render_ranking_xlsx writes one sheet with the header, names as text and numbers as numbers") {
  const WorkbookFile file(report::render_ranking_xlsx(test::three_units(), Lang::en));
  const std::string workbook = file.member("xl/workbook.xml");
  CHECK(contains(workbook, "<sheet name=\"Ranking\" sheetId=\"1\""));
  CHECK_FALSE(contains(workbook, "sheetId=\"2\""));

  const std::string strings = file.member("xl/sharedStrings.xml");
  for (const char* text :
       {"Rank", "Id", "Unit", "Points", "Index", "Grade", "Previous", "Change", "so-tu-phap", "so-xay-dung",
        "so-noi-vu", "Sở Tư pháp", "Sở Xây dựng", "Sở Nội vụ", "Xuất sắc", "Tốt", "new"}) {
    INFO(text);
    CHECK(contains(strings, std::string("<t>") + text + "</t>"));
  }

  const std::string sheet = file.member("xl/worksheets/sheet1.xml");
  // Frozen header row and a filter over the 8 columns and 3 units.
  CHECK(contains(sheet, "ySplit=\"1\""));
  CHECK(contains(sheet, "<autoFilter ref=\"A1:H4\"/>"));
  // Ranks, scores and changes are numbers (no t="s"), scores and changes
  // with their number formats; text is shared strings.
  CHECK(contains(sheet, "<c r=\"A2\"><v>1</v></c><c r=\"B2\" t=\"s\">"));
  CHECK(contains(sheet, "<c r=\"D2\" s=\"2\"><v>90.45</v></c><c r=\"E2\" s=\"2\"><v>90.45</v></c>"));
  CHECK(contains(sheet, "<c r=\"G2\"><v>2</v></c><c r=\"H2\" s=\"3\"><v>1</v></c>"));
  CHECK(contains(sheet, "<c r=\"A4\"><v>3</v></c>"));
  // A new unit: no previous rank, and "new" as text.
  CHECK_FALSE(contains(sheet, "<c r=\"G4\""));
  CHECK(contains(sheet, "<c r=\"H4\" s=\"4\" t=\"s\">"));
  // 88.6 is stored as the double nearest to it (docs/formats.md 7.5).
  CHECK(cell_number(sheet, "E4") == 88.6);
  const std::string styles = file.member("xl/styles.xml");
  CHECK(contains(styles, "formatCode=\"0.00\""));
  CHECK(contains(styles, "formatCode=\"+0;-0;0\""));
  CHECK(contains(file.member("docProps/core.xml"), "<dc:title>PAR Index ranking, 2025</dc:title>"));
}

TEST_CASE("render_ranking_xlsx in Vietnamese names the sheet Xếp hạng and escapes hostile text") {
  report::RankingReport report;
  report.decimals = 1;
  report.units = rank_units({test::rank_input("=cmd|' /C calc'!A0", "<Sở> & \"A\"", "80")}, std::nullopt);
  const WorkbookFile file(report::render_ranking_xlsx(report, Lang::vi));
  CHECK(contains(file.member("xl/workbook.xml"), "<sheet name=\"Xếp hạng\""));
  const std::string strings = file.member("xl/sharedStrings.xml");
  CHECK(contains(strings, "<t>Hạng</t>"));
  CHECK(contains(strings, "<t>Chỉ số</t>"));
  CHECK(contains(strings, "<t>&lt;Sở&gt; &amp; \"A\"</t>"));
  // Text cells are never formulas.
  CHECK(contains(strings, "<t>=cmd|' /C calc'!A0</t>"));
  const std::string sheet = file.member("xl/worksheets/sheet1.xml");
  CHECK_FALSE(contains(sheet, "<f>"));
  // No points, grade or baseline: rank, id, unit, index.
  CHECK(contains(sheet, "<autoFilter ref=\"A1:D2\"/>"));
}

TEST_CASE("xlsx_text keeps what XML 1.0 and Excel allow") {
  CHECK(report::xlsx_text("Sở Tư pháp") == "Sở Tư pháp");
  CHECK(report::xlsx_text(std::string("a\0b", 3)) == "ab");
  CHECK(report::xlsx_text("a\x01\x08\x0B\x0C\x1F"
                          "b") == "ab");
  CHECK(report::xlsx_text("a\tb\nc\rd") == "a\tb\nc\rd");
  CHECK(report::xlsx_text("a\xEF\xBF\xBE"
                          "b\xEF\xBF\xBF"
                          "c") == "abc");
  CHECK(report::xlsx_text("a\xFF"
                          "b") ==
        "a\xEF\xBF\xBD"
        "b");
  CHECK(report::xlsx_text("a\xE2\x80\xAE"
                          "b\x7F\xC2\x85") ==
        "a\xEF\xBF\xBD"
        "b\xEF\xBF\xBD\xEF\xBF\xBD");
  // 32,767 UTF-16 units fit; one more is cut to 32,766 and "…".
  CHECK(report::xlsx_text(std::string(32767, 'x')) == std::string(32767, 'x'));
  CHECK(report::xlsx_text(std::string(40000, 'x')) == std::string(32766, 'x') + "…");
  // A character beyond U+FFFF takes two UTF-16 units.
  std::string emoji;
  for (int i = 0; i < 16384; ++i) {
    emoji += "\xF0\x9F\x98\x80";
  }
  const std::string cut = report::xlsx_text(emoji);
  CHECK(cut.size() == 16383 * 4 + 3);
  CHECK(cut.substr(cut.size() - 3) == "…");
}

TEST_CASE("render_ranking_xlsx with hostile names writes cells Excel opens") {
  report::RankingReport report;
  report.decimals = 1;
  const std::string long_name(40000, 'x');
  report.units = rank_units({test::rank_input("u1", std::string("NUL\0cut", 7), "90"),
                             test::rank_input("u2",
                                              "bad\xEF\xBF\xBE\xEF\xBF\xBF\x01"
                                              "end",
                                              "80"),
                             test::rank_input("u3", long_name, "70")},
                            std::nullopt);
  const WorkbookFile file(report::render_ranking_xlsx(report, Lang::en));
  const std::string strings = file.member("xl/sharedStrings.xml");
  CHECK(contains(strings, "<t>NULcut</t>"));
  CHECK(contains(strings, "<t>badend</t>"));
  CHECK(contains(strings, std::string(32766, 'x') + "…</t>"));
  CHECK_FALSE(contains(strings, std::string(32767, 'x')));
  CHECK_FALSE(contains(strings, "\xEF\xBF\xBE"));
  // xml.dom.minidom refuses a document that is not well-formed.
  for (const char* member : {"xl/sharedStrings.xml", "xl/worksheets/sheet1.xml"}) {
    INFO(member);
    CHECK(file.member_is_well_formed(member));
  }
}
