#include <catch2/catch.hpp>

#include <string>

#include "cchc/report/json_writer.hpp"
#include "cchc/report/ranking.hpp"
#include "report_support.hpp"

using namespace cchc;
using report::JsonWriter;
using test::decimal;

namespace {

// One string written as a whole document.
std::string json_string(std::string_view text) {
  JsonWriter json;
  json.string(text);
  return json.take();
}

std::string json_number(const Decimal& value) {
  JsonWriter json;
  json.number(value);
  return json.take();
}

}  // namespace

TEST_CASE("JsonWriter escapes quotes, backslashes and control characters") {
  CHECK(json_string("") == "\"\"\n");
  CHECK(json_string("say \"hi\"") == "\"say \\\"hi\\\"\"\n");
  CHECK(json_string("C:\\dir") == "\"C:\\\\dir\"\n");
  CHECK(json_string("\n\r\t\b\f") == "\"\\n\\r\\t\\b\\f\"\n");
  CHECK(json_string(std::string("\0\x01\x1f", 3)) == "\"\\u0000\\u0001\\u001f\"\n");
  // "/" needs no escaping; DEL is a control character, escaped so that the
  // file shows it (issue 18).
  CHECK(json_string("a/b\x7f") == "\"a/b\\u007f\"\n");
}

TEST_CASE("JsonWriter passes valid UTF-8 and replaces invalid bytes by U+FFFD") {
  CHECK(json_string("Sở Tư pháp – 😀") == "\"Sở Tư pháp – 😀\"\n");
  // Decomposed: e + combining dot below + combining circumflex.
  CHECK(json_string("e\xCC\xA3\xCC\x82") == "\"e\xCC\xA3\xCC\x82\"\n");
  CHECK(json_string("a\xFF"
                    "b") ==
        "\"a\xEF\xBF\xBD"
        "b\"\n");
  CHECK(json_string("\xC3") == "\"\xEF\xBF\xBD\"\n");
  CHECK(report::valid_utf8("ok") == "ok");
  CHECK(report::valid_utf8("\xE1\xBB") == "\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST_CASE("JsonWriter writes numbers exactly from their decimal text") {
  CHECK(json_number(decimal("97.685")) == "97.685\n");
  CHECK(json_number(decimal("100.000")) == "100\n");
  CHECK(json_number(decimal(".5")) == "0.5\n");
  CHECK(json_number(decimal("-0.25")) == "-0.25\n");
  CHECK(json_number(decimal("0.1") + decimal("0.2")) == "0.3\n");
  CHECK(json_number(decimal("999999999999.999999999")) == "999999999999.999999999\n");
  CHECK(json_number(Decimal(0)) == "0\n");
}

TEST_CASE("JsonWriter nests objects and arrays with two-space indentation") {
  JsonWriter json;
  json.begin_object();
  json.key("cchc");
  json.string("x/1");
  json.key("list");
  json.begin_array();
  json.integer(-3);
  json.boolean(true);
  json.boolean(false);
  json.null();
  json.begin_object();
  json.key("k\"ey");
  json.number(decimal("1.5"));
  json.end_object();
  json.end_array();
  json.key("empty object");
  json.begin_object();
  json.end_object();
  json.key("empty array");
  json.begin_array();
  json.end_array();
  json.end_object();
  CHECK(json.take() ==
        "{\n"
        "  \"cchc\": \"x/1\",\n"
        "  \"list\": [\n"
        "    -3,\n"
        "    true,\n"
        "    false,\n"
        "    null,\n"
        "    {\n"
        "      \"k\\\"ey\": 1.5\n"
        "    }\n"
        "  ],\n"
        "  \"empty object\": {},\n"
        "  \"empty array\": []\n"
        "}\n");
}

TEST_CASE("JsonWriter writes null for what is absent") {
  JsonWriter json;
  json.begin_array();
  json.string_or_null("");
  json.string_or_null("x");
  json.number_or_null(std::nullopt);
  json.number_or_null(decimal("2.50"));
  json.integer_or_null(std::nullopt);
  json.integer_or_null(7);
  json.position(0);
  json.position(-1);
  json.position(12);
  json.end_array();
  CHECK(json.take() == "[\n  null,\n  \"x\",\n  null,\n  2.5,\n  null,\n  7,\n  null,\n  null,\n  12\n]\n");
}

TEST_CASE("render_ranking_json writes every key of every unit in rank order") {
  CHECK(report::render_ranking_json(test::three_units()) ==
        "{\n"
        "  \"cchc\": \"ranking/1\",\n"
        "  \"units\": [\n"
        "    {\n"
        "      \"position\": 1,\n"
        "      \"unit\": \"so-tu-phap\",\n"
        "      \"name\": \"Sở Tư pháp\",\n"
        "      \"points\": 90.45,\n"
        "      \"index\": 90.45,\n"
        "      \"grade\": \"Xuất sắc\",\n"
        "      \"previous\": 2,\n"
        "      \"change\": 1\n"
        "    },\n"
        "    {\n"
        "      \"position\": 1,\n"
        "      \"unit\": \"so-xay-dung\",\n"
        "      \"name\": \"Sở Xây dựng\",\n"
        "      \"points\": 90.45,\n"
        "      \"index\": 90.45,\n"
        "      \"grade\": \"Xuất sắc\",\n"
        "      \"previous\": 1,\n"
        "      \"change\": 0\n"
        "    },\n"
        "    {\n"
        "      \"position\": 3,\n"
        "      \"unit\": \"so-noi-vu\",\n"
        "      \"name\": \"Sở Nội vụ\",\n"
        "      \"points\": 88.6,\n"
        "      \"index\": 88.6,\n"
        "      \"grade\": \"Tốt\",\n"
        "      \"previous\": null,\n"
        "      \"change\": null\n"
        "    }\n"
        "  ]\n"
        "}\n");
}

TEST_CASE("render_ranking_json writes null for an absent name, points and grade and escapes text") {
  report::RankingReport report;
  report.units = rank_units({test::rank_input("a\"b", "", "70.125")}, std::nullopt);
  CHECK(report::render_ranking_json(report) ==
        "{\n"
        "  \"cchc\": \"ranking/1\",\n"
        "  \"units\": [\n"
        "    {\n"
        "      \"position\": 1,\n"
        "      \"unit\": \"a\\\"b\",\n"
        "      \"name\": null,\n"
        "      \"points\": null,\n"
        "      \"index\": 70.125,\n"
        "      \"grade\": null,\n"
        "      \"previous\": null,\n"
        "      \"change\": null\n"
        "    }\n"
        "  ]\n"
        "}\n");

  report.units.clear();
  CHECK(report::render_ranking_json(report) == "{\n  \"cchc\": \"ranking/1\",\n  \"units\": []\n}\n");
}
