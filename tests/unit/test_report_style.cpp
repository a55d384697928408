#include <catch2/catch.hpp>

#include "cchc/report/style.hpp"

using cchc::report::Style;
using cchc::report::Tone;

TEST_CASE("Style without colour leaves text alone") {
  const Style style(false);
  CHECK_FALSE(style.color());
  CHECK(style.apply(Tone::plain, "Tốt") == "Tốt");
  CHECK(style.apply(Tone::bold, "Tốt") == "Tốt");
  CHECK(style.apply(Tone::red, "giảm 1 bậc") == "giảm 1 bậc");
  CHECK(style.apply(Tone::yellow, "x") == "x");
  CHECK(style.apply(Tone::green, "x") == "x");
  CHECK(style.bold("Tổng điểm") == "Tổng điểm");
  CHECK_FALSE(Style().color());
}

TEST_CASE("Style with colour wraps text in ANSI SGR codes") {
  const Style style(true);
  CHECK(style.color());
  CHECK(style.bold("Tổng điểm") == "\x1b[1mTổng điểm\x1b[0m");
  CHECK(style.apply(Tone::bold, "a") == "\x1b[1ma\x1b[0m");
  CHECK(style.apply(Tone::red, "giảm 1 bậc") == "\x1b[31mgiảm 1 bậc\x1b[0m");
  CHECK(style.apply(Tone::yellow, "a") == "\x1b[33ma\x1b[0m");
  CHECK(style.apply(Tone::green, "a") == "\x1b[32ma\x1b[0m");
  // Plain text and empty text get no codes.
  CHECK(style.apply(Tone::plain, "a") == "a");
  CHECK(style.apply(Tone::red, "") == "");
}
