#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "cchc/report/ranking.hpp"
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
