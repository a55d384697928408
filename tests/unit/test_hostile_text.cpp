// Issue 18: a hostile file must not forge a line, corrupt a report or reach
// the terminal with escape codes.

#include <catch2/catch.hpp>

#include <string>
#include <string_view>

#include "cchc/diagnostic.hpp"
#include "cchc/evidence.hpp"
#include "cchc/input_file.hpp"
#include "cchc/report/check.hpp"
#include "cchc/report/csv.hpp"
#include "cchc/report/html.hpp"
#include "cchc/report/json_writer.hpp"
#include "cchc/report/markdown.hpp"
#include "cchc/results.hpp"
#include "cchc/text.hpp"
#include "test_support.hpp"

using namespace cchc;

namespace {

constexpr std::string_view k_fffd = "\xEF\xBF\xBD";
constexpr std::string_view k_rlo = "\xE2\x80\xAE";   // U+202E RIGHT-TO-LEFT OVERRIDE
constexpr std::string_view k_zwsp = "\xE2\x80\x8B";  // U+200B ZERO WIDTH SPACE
constexpr std::string_view k_bom = "\xEF\xBB\xBF";   // U+FEFF

std::string cat(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (const std::string_view part : parts) {
    out += part;
  }
  return out;
}

std::string yaml_errors(const std::string& text) {
  return test::diagnostics_of([&] { InputFile::parse(text, "f.yaml", Lang::en); });
}

std::string evidence_errors(const std::string& text, Lang lang = Lang::en) {
  return test::diagnostics_of([&] { parse_evidence(text, "e.yaml", test::fixture_criteria(), lang); });
}

std::string csv_errors(const std::string& text) {
  return test::diagnostics_of([&] { parse_results_csv(text, "r.csv", Lang::en); });
}

std::string evidence_with_unit(std::string_view unit) {
  return "cchc: evidence/1\ncriteria: t-2023\nyear: 2023\nunit: " + std::string(unit) + "\n";
}

}  // namespace

TEST_CASE("control, invisible and id characters are told apart") {
  for (const char32_t c : {0x00U, 0x07U, 0x09U, 0x0AU, 0x1BU, 0x7FU, 0x85U, 0x9BU}) {
    CHECK(is_control_character(c));
  }
  for (const char32_t c : {0x20U, 0x41U, 0xA0U, 0x1EC7U}) {
    CHECK_FALSE(is_control_character(c));
  }
  for (const char32_t c : {0x00ADU, 0x061CU, 0x200BU, 0x200CU, 0x200DU, 0x200EU, 0x200FU, 0x202AU, 0x202EU, 0x2060U,
                           0x2066U, 0x2069U, 0x2028U, 0x2029U, 0xFEFFU, 0xFFFEU, 0xFFFFU}) {
    INFO(static_cast<unsigned>(c));
    CHECK(is_invisible_character(c));
  }
  for (const char32_t c : {0x20U, 0xA0U, 0x1EC7U, 0xFFFDU, 0x2026U}) {
    CHECK_FALSE(is_invisible_character(c));
  }
  CHECK_FALSE(find_not_in_id("1.1.1"));
  CHECK_FALSE(find_not_in_id("Hoàn thành tốt"));
  CHECK(find_not_in_id(cat({"u1", k_zwsp}))->offset == 2);
  CHECK(find_not_in_id(cat({"u1", k_zwsp}))->code_point == 0x200B);
  CHECK(find_not_in_id(cat({k_bom, "u1"}))->code_point == 0xFEFF);
  CHECK(find_not_in_id("a\xC2\xA0"
                       "b")
            ->code_point == 0xA0);
  CHECK(find_not_in_id("a\tb")->code_point == '\t');
  CHECK_FALSE(find_control("a\tb\nc", true));
  CHECK(find_control("a\tb", false)->code_point == '\t');
  CHECK(find_control("a\x1B[31m", true)->offset == 1);
  CHECK(find_control("a\xC2\x85", true)->code_point == 0x85);
}

TEST_CASE("visible_text and one_line replace what hides or reorders text with U+FFFD") {
  CHECK(visible_text(cat({"A", k_rlo, "B", k_zwsp, "C"})) == cat({"A", k_fffd, "B", k_fffd, "C"}));
  // C0 controls are left to each format's own rule (blanks, escapes).
  CHECK(visible_text("a\x1B[31mb\tc\nd\re") == "a\x1B[31mb\tc\nd\re");
  CHECK(visible_text("a\xC2\x9B"
                     "31m") == cat({"a", k_fffd, "31m"}));
  CHECK(visible_text("bad \xFF byte") == cat({"bad ", k_fffd, " byte"}));
  CHECK(visible_text(cat({k_bom, "x"}), true) == cat({k_bom, "x"}));
  CHECK(visible_text(cat({k_bom, "x"})) == cat({k_fffd, "x"}));
  CHECK(visible_text("Sở Tư pháp — “ok” …") == "Sở Tư pháp — “ok” …");
  CHECK(one_line("a\nb\tc\rd\x1B") == cat({"a", k_fffd, "b\tc", k_fffd, "d", k_fffd}));
}

TEST_CASE("YAML escapes that decode to control characters are errors at the scalar") {
  const std::string head = "cchc: evidence/1\nunit: {id: u1, name: ";
  CHECK(yaml_errors(head + "\"A\\eB\"}\n") ==
        "f.yaml:2:22: error: name: control character U+001B is not allowed in text\n");
  CHECK(yaml_errors(head + "\"A\\0B\"}\n") ==
        "f.yaml:2:22: error: name: control character U+0000 is not allowed in text\n");
  CHECK(yaml_errors(head + "\"A\\x07B\"}\n") ==
        "f.yaml:2:22: error: name: control character U+0007 is not allowed in text\n");
  CHECK(yaml_errors(head + "\"A\\rB\"}\n") ==
        "f.yaml:2:22: error: name: control character U+000D is not allowed in text\n");
  // yaml-cpp 0.7 writes \N as the lone byte 0x85: it is read as U+0085.
  CHECK(yaml_errors(head + "\"A\\NB\"}\n") ==
        "f.yaml:2:22: error: name: control character U+0085 is not allowed in text\n");
  CHECK(yaml_errors("cchc: evidence/1\nlist: [\"a\", \"\\e\"]\n") ==
        "f.yaml:2:13: error: control character U+001B is not allowed in text\n");
  CHECK(yaml_errors("cchc: evidence/1\nn: \"c\\u0085\"\n") ==
        "f.yaml:2:4: error: n: control character U+0085 is not allowed in text\n");
  // In Vietnamese, the default.
  CHECK(test::diagnostics_of([&] { InputFile::parse(head + "\"A\\eB\"}\n", "f.yaml", Lang::vi); }) ==
        "f.yaml:2:22: error: name: ký tự điều khiển U+001B không được phép trong văn bản\n");
}

TEST_CASE("free text keeps TAB and LF; \\_ is a no-break space in valid UTF-8") {
  const InputFile file =
      InputFile::parse("cchc: evidence/1\nnote: \"a\\tb\\nc\"\nname: \"x\\_y\"\n", "f.yaml", Lang::en);
  CHECK(file.top_scalar("note") == "a\tb\nc");
  CHECK(file.top_scalar("name") == "x\xC2\xA0y");
}

TEST_CASE("keys refuse control, invisible and odd space characters") {
  CHECK(yaml_errors("cchc: evidence/1\n\"a\\e\": 1\n") ==
        "f.yaml:2:1: error: control character U+001B is not allowed in the key \"a" + std::string(k_fffd) + "\"\n");
  CHECK(yaml_errors("cchc: evidence/1\n\"1.2\\u202E\": 1\n") ==
        "f.yaml:2:1: error: the invisible character U+202E is not allowed in the key \"1.2" + std::string(k_fffd) +
            "\"\n");
  CHECK(yaml_errors("cchc: evidence/1\n\"a\\_b\": 1\n") ==
        "f.yaml:2:1: error: the invisible character U+00A0 is not allowed in the key \"a\xC2\xA0"
        "b\"\n");
}

TEST_CASE("raw C1 control characters are refused before parsing") {
  CHECK(yaml_errors("cchc: evidence/1\nname: \"x\xC2\x9B"
                    "31m\"\n") ==
        "f.yaml:2:9: error: control character U+009B is not allowed (is this a binary file?)\n");
  // Vietnamese letters whose UTF-8 holds bytes 0x80..0x9F are not C1 controls.
  CHECK(yaml_errors("cchc: evidence/1\nname: \"Nghệ An, Đắk Lắk, Ở\"\n").empty());
}

TEST_CASE("an evidence unit id is held to the unit id rule") {
  CHECK(evidence_errors(evidence_with_unit("{id: \"Sở Tư pháp\", name: \"Sở Tư pháp\"}")) ==
        "e.yaml:4:12: error: id: a unit id is made of ASCII letters, digits and - _ . (starting and ending with a "
        "letter or digit), found \"Sở Tư pháp\" (write \"so-tu-phap\")\n");
  CHECK(evidence_errors(evidence_with_unit("{id: \"u1\\u200B\", name: \"x\"}")) ==
        "e.yaml:4:12: error: id: a unit id is made of ASCII letters, digits and - _ . (starting and ending with a "
        "letter or digit), found \"u1" +
            std::string(k_fffd) + "\" (write \"u1\")\n");
  CHECK(evidence_errors(evidence_with_unit("{id: \"\\uFEFFu1\", name: \"x\"}"), Lang::vi) ==
        "e.yaml:4:12: error: id: mã đơn vị chỉ gồm chữ cái Latinh không dấu, chữ số và - _ . (bắt đầu và kết "
        "thúc bằng chữ hoặc số), nhưng gặp \"" +
            std::string(k_fffd) + "u1\" (viết \"u1\")\n");
}

TEST_CASE("node ids, labels and profiles refuse invisible characters") {
  CHECK(evidence_errors(evidence_with_unit("{id: u1, name: \"x\", profile: \"no_tthc\\u2066\"}")) ==
        "e.yaml:4:36: error: profile: the invisible character U+2066 is not allowed in an id\n");
  CHECK(evidence_errors("cchc: evidence/1\ncriteria: \"t-2023\\u200D\"\nyear: 2023\nunit: {id: u1}\n") ==
        "e.yaml:2:11: error: criteria: the invisible character U+200D is not allowed in an id\n");
  const std::string criteria = std::string(test::k_criteria);
  const std::string with_rlo = [&] {
    std::string text = criteria;
    const std::size_t at = text.find("{id: \"1.1\"");
    REQUIRE(at != std::string::npos);
    text.replace(at, 10, "{id: \"1.1\\u202E\"");
    return text;
  }();
  CHECK(test::criteria_errors(with_rlo).find("id: the invisible character U+202E is not allowed in an id") !=
        std::string::npos);
}

TEST_CASE("a unit name is read on one line") {
  const Evidence evidence = parse_evidence(evidence_with_unit("{id: u1, name: \"Sở Lao động -\\n  Thương binh\"}"),
                                           "e.yaml", test::fixture_criteria(), Lang::en);
  CHECK(evidence.unit.name == "Sở Lao động - Thương binh");
}

TEST_CASE("results table unit ids: invisible characters, a BOM in a cell, a line break are errors") {
  CHECK(csv_errors(cat({"unit,name,index\nu1,A,90\n\"u1", k_zwsp, "\",B,80\n"})) ==
        "r.csv:3:1: error: unit: a unit id is made of ASCII letters, digits and - _ . (starting and ending with a "
        "letter or digit), found \"u1" +
            std::string(k_fffd) + "\" (write \"u1\")\n");
  // A BOM at the start of the file is dropped; in a cell it is refused.
  CHECK(csv_errors(cat({k_bom, "unit,name,index\nu1,A,90\n", k_bom, "u1,B,80\n"})) ==
        "r.csv:3:1: error: unit: a unit id is made of ASCII letters, digits and - _ . (starting and ending with a "
        "letter or digit), found \"" +
            std::string(k_fffd) + "u1\" (write \"u1\")\n");
  CHECK(csv_errors("unit,name,index\nu1,A,90\n\"u2\nu3\",B,80\n") ==
        "r.csv:3:1: error: unit: a unit id is made of ASCII letters, digits and - _ . (starting and ending with a "
        "letter or digit), found \"u2" +
            std::string(k_fffd) + "u3\" (write \"u2-u3\")\n");
  const ResultsTable table =
      parse_results_csv("unit,name,index\nu1,\"Sở Lao động -\nThương binh\",90\n", "r.csv", Lang::en);
  REQUIRE(table.rows.size() == 1);
  CHECK(table.rows[0].name == "Sở Lao động - Thương binh");
}

TEST_CASE("a diagnostic is always one line") {
  const Diagnostic diagnostic{Severity::error, "a\nb.yaml", 1, 2, "x\n::error::forged", {}, {}};
  CHECK(format_diagnostic(diagnostic) == cat({"a", k_fffd, "b.yaml:1:2: error: x", k_fffd, "::error::forged"}));
}

TEST_CASE("GitHub workflow commands escape every special character") {
  CHECK(report::github_data("100%") == "100%25");
  CHECK(report::github_data("a\rb") == "a%0Db");
  CHECK(report::github_data("a\nb") == "a%0Ab");
  CHECK(report::github_data("a\r\n::error::x") == "a%0D%0A::error::x");
  CHECK(report::github_data("a:b,c") == "a:b,c");
  CHECK(report::github_data("%0A") == "%250A");
  CHECK(report::github_data(cat({"a", k_rlo, "b\x1B"})) == cat({"a", k_fffd, "b", k_fffd}));
  CHECK(report::github_data("tab\tkept") == "tab\tkept");
  CHECK(report::github_property("100%") == "100%25");
  CHECK(report::github_property("a\rb") == "a%0Db");
  CHECK(report::github_property("a\nb") == "a%0Ab");
  CHECK(report::github_property("a:b") == "a%3Ab");
  CHECK(report::github_property("a,b") == "a%2Cb");
  CHECK(report::github_property("x.yaml,line=1::forged") == "x.yaml%2Cline=1%3A%3Aforged");
  CHECK(report::github_property("Sở Tư pháp.yaml") == "Sở Tư pháp.yaml");
}

TEST_CASE("every report format neutralises bidi and invisible characters") {
  const std::string name = cat({"Sở ", k_rlo, "A", k_zwsp, "B"});
  const std::string shown = cat({"Sở ", k_fffd, "A", k_fffd, "B"});
  CHECK(report::md(name) == shown);
  CHECK(report::html(name) == shown);
  CHECK(report::csv_text(name) == shown);
  CHECK(wrap_text(name, 80) == std::vector<std::string>{shown});
  report::JsonWriter json;
  json.string(name + "\x7F\xC2\x85");
  CHECK(json.take() == "\"Sở \\u202eA\\u200bB\\u007f\\u0085\"\n");
}
