#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <set>
#include <string>
#include <vector>

#include "cchc/report/html.hpp"
#include "cchc/report/ranking.hpp"
#include "cchc/report/score.hpp"
#include "report_support.hpp"

using namespace cchc;
using report::html;

namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
  return text;
}

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

// The names of the tags in `page` ("td", "/td", "!DOCTYPE").
std::set<std::string> tags_of(const std::string& page) {
  std::set<std::string> tags;
  for (std::size_t at = page.find('<'); at != std::string::npos; at = page.find('<', at + 1)) {
    std::size_t end = at + 1;
    while (end < page.size() &&
           (std::isalnum(static_cast<unsigned char>(page[end])) != 0 || page[end] == '/' || page[end] == '!')) {
      ++end;
    }
    tags.insert(page.substr(at + 1, end - at - 1));
  }
  return tags;
}

// Whether the page could run a script or fetch anything: only the tags the
// reports are made of, whatever their texts say, and a policy that forbids
// scripts and fetching.
void check_inert(const std::string& page) {
  static const std::set<std::string> k_allowed{"!DOCTYPE", "html",   "head",       "meta", "title", "style", "body",
                                               "h1",       "h2",     "p",          "b",    "div",   "span",  "section",
                                               "footer",   "figure", "figcaption", "svg",  "g",     "text",  "rect",
                                               "table",    "thead",  "tbody",      "tr",   "th",    "td"};
  for (const std::string& tag : tags_of(page)) {
    INFO("<" << tag);
    CHECK(k_allowed.count(!tag.empty() && tag[0] == '/' ? tag.substr(1) : tag) == 1);
  }
  CHECK_FALSE(contains(lower(page), "<script"));
  CHECK(contains(page,
                 "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                 "style-src 'unsafe-inline'\">\n"));
}

const std::string k_hostile_name = "<script>alert('x')</script> & \"Sở\"";
const std::string k_hostile_escaped = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Sở&quot;";

}  // namespace

TEST_CASE("html escapes & < > \" and '") {
  CHECK(html("") == "");
  CHECK(html("Sở Tư pháp") == "Sở Tư pháp");
  CHECK(html("a & b") == "a &amp; b");
  CHECK(html("<b>") == "&lt;b&gt;");
  CHECK(html("\"x\" 'y'") == "&quot;x&quot; &#39;y&#39;");
  CHECK(html("&amp;") == "&amp;amp;");
}

TEST_CASE("html drops CR, keeps LF and writes other control characters as spaces") {
  CHECK(html("dòng 1\r\ndòng 2") == "dòng 1\ndòng 2");
  CHECK(html("a\rb") == "ab");
  CHECK(html("a\tb\x01"
             "c\x1f"
             "d\x7f") == "a b c d ");
  CHECK(html(std::string("a\0b", 3)) == "a b");
}

TEST_CASE("render_ranking_html shows the ranking table with escaped names and change marks") {
  report::RenderOptions options;
  options.lang = Lang::en;
  const std::string page = report::render_ranking_html(test::three_units(), options);
  CHECK(page.rfind("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n", 0) == 0);
  CHECK(contains(page, "<title>PAR Index ranking, 2025</title>\n"));
  CHECK(contains(page, "<h1>PAR Index ranking, 2025</h1>\n<p>3 units: Xuất sắc 2, Tốt 1</p>\n"));
  CHECK(contains(page,
                 "<td class=\"n\">1</td><td class=\"nw\">so-tu-phap</td><td>Sở Tư pháp</td>"
                 "<td class=\"n\">90.45</td><td class=\"n\">90.45</td><td class=\"nw\">Xuất sắc</td>"
                 "<td class=\"n\">2</td><td class=\"nw\"><span class=\"up\">▲ up 1</span></td>"));
  CHECK(contains(page, "<td class=\"nw\">= unchanged</td>"));
  CHECK(contains(page,
                 "<td class=\"n\">3</td><td class=\"nw\">so-noi-vu</td><td>Sở Nội vụ</td>"
                 "<td class=\"n\">88.60</td><td class=\"n\">88.60</td><td class=\"nw\">Tốt</td>"
                 "<td class=\"n\"></td><td class=\"nw\">new</td>"));
  // The bars: the index of 100, on 300 px, to one decimal.
  CHECK(contains(page,
                 "<g><text x=\"0\" y=\"16\">1. Sở Tư pháp</text><rect x=\"258\" y=\"4\" width=\"300\" "
                 "height=\"14\" fill=\"#dfe5ee\"/><rect class=\"bar\" x=\"258\" y=\"4\" width=\"271.4\" "
                 "height=\"14\" fill=\"#2b5797\"/><text x=\"566\" y=\"16\">90.45</text></g>\n"));
  CHECK(contains(page, "width=\"265.8\" height=\"14\" fill=\"#2b5797\"/><text x=\"566\" y=\"64\">88.60</text>"));
  // The units per grade: 2 of 3 and 1 of 3.
  CHECK(contains(page, "width=\"200.0\" height=\"14\" fill=\"#5b7f3a\"/><text x=\"566\" y=\"16\">2 (66.67%)</text>"));
  CHECK(contains(page, "width=\"100.0\" height=\"14\" fill=\"#5b7f3a\"/><text x=\"566\" y=\"40\">1 (33.33%)</text>"));
  CHECK_FALSE(contains(page, " src="));
  CHECK_FALSE(contains(page, " href="));
  CHECK(page.size() >= 8);
  CHECK(page.substr(page.size() - 8) == "</html>\n");
  check_inert(page);
}

TEST_CASE("render_ranking_html in Vietnamese uses lang=vi and the decimal comma") {
  report::RenderOptions options;
  options.lang = Lang::vi;
  const std::string page = report::render_ranking_html(test::three_units(), options);
  CHECK(contains(page, "<html lang=\"vi\">"));
  CHECK(contains(page, "<h1>Xếp hạng Chỉ số cải cách hành chính năm 2025</h1>"));
  CHECK(contains(page, "<td class=\"n\">88,60</td>"));
  CHECK(contains(page, "<span class=\"down\">") == false);
  CHECK(contains(page, "<span class=\"up\">▲ tăng 1 bậc</span>"));
}

TEST_CASE("render_ranking_html escapes hostile names and ids and runs nothing") {
  report::RankingReport report;
  report.decimals = 1;
  report.units = rank_units({test::rank_input("a&b", k_hostile_name, "80", "", "<i>Tốt</i>"),
                             test::rank_input("<img src=x onerror=alert(1)>", "", "70")},
                            std::nullopt);
  report::RenderOptions options;
  options.lang = Lang::en;
  const std::string page = report::render_ranking_html(report, options);
  check_inert(page);
  CHECK_FALSE(contains(page, k_hostile_name));
  CHECK_FALSE(contains(page, "<i>"));
  CHECK_FALSE(contains(page, "<img"));
  CHECK(contains(page, "<td class=\"nw\">a&amp;b</td><td>" + k_hostile_escaped + "</td>"));
  CHECK(contains(page, "<td class=\"nw\">&lt;i&gt;Tốt&lt;/i&gt;</td>"));
  CHECK(contains(page, "<td class=\"nw\">&lt;img src=x onerror=alert(1)&gt;</td><td></td>"));
  // The chart labels a unit without a name by its id.
  CHECK(contains(page, ">2. &lt;img src=x onerror=alert(1)&gt;</text>"));
  CHECK(contains(page, "<p>2 units: &lt;i&gt;Tốt&lt;/i&gt; 1, no grade 1</p>"));
}

TEST_CASE("render_score_html escapes a hostile unit name and runs nothing") {
  ScoredUnit unit =
      test::scored_unit("{id: u1, name: \"" + std::string("<script>alert('x')</script>") + " & \\\"Sở\\\"\"}");
  // No evidence file can hold this id any more (docs/formats.md 1.3a); the
  // page escapes it all the same.
  unit.evidence.unit.id = "x&y";
  REQUIRE(unit.evidence.unit.name == k_hostile_name);
  report::RenderOptions options;
  options.lang = Lang::en;
  const std::string page = report::render_score_html({unit}, options);
  check_inert(page);
  CHECK_FALSE(contains(page, k_hostile_name));
  CHECK(contains(page, "<title>PAR Index self-assessment 2023 — " + k_hostile_escaped + "</title>\n"));
  CHECK(contains(page, "<p style=\"text-align:center\"><b>" + k_hostile_escaped + " (x&amp;y)</b></p>\n"));
  CHECK(contains(page, "<section class=\"unit\">\n"));
}
