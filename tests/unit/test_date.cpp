#include <catch2/catch.hpp>

#include "cchc/date.hpp"

using cchc::Date;

TEST_CASE("Date parses ISO dates", "[date]") {
  const auto date = Date::parse_iso("2024-12-31");
  REQUIRE(date.has_value());
  CHECK(date->year == 2024);
  CHECK(date->month == 12);
  CHECK(date->day == 31);
  CHECK(Date::parse_iso("2023-01-09") == Date{2023, 1, 9});
  CHECK(Date::parse_iso("1900-01-01") == Date{1900, 1, 1});
  CHECK(Date::parse_iso("2999-12-31") == Date{2999, 12, 31});
}

TEST_CASE("Date knows month lengths and leap years", "[date]") {
  CHECK(Date::parse_iso("2024-02-29").has_value());
  CHECK(Date::parse_iso("2000-02-29").has_value());
  CHECK_FALSE(Date::parse_iso("2023-02-29").has_value());
  CHECK_FALSE(Date::parse_iso("1900-02-29").has_value());
  CHECK_FALSE(Date::parse_iso("2100-02-29").has_value());
  CHECK_FALSE(Date::parse_iso("2024-02-30").has_value());
  CHECK(Date::parse_iso("2023-04-30").has_value());
  CHECK_FALSE(Date::parse_iso("2023-04-31").has_value());
  CHECK_FALSE(Date::parse_iso("2023-06-31").has_value());
  CHECK_FALSE(Date::parse_iso("2023-09-31").has_value());
  CHECK_FALSE(Date::parse_iso("2023-11-31").has_value());
  CHECK(Date::parse_iso("2023-07-31").has_value());
  CHECK(Date::parse_iso("2023-08-31").has_value());
}

TEST_CASE("Date refuses anything but YYYY-MM-DD in ISO", "[date]") {
  // Wrong shape.
  for (const char* text : {"", "2024-1-31", "2024-01-1", "24-01-31", "2024/01/31", "20233-01-01", " 2024-01-31",
                           "2024-01-31 ", "2024-01-31T00:00", "31/12/2024"}) {
    INFO(text);
    CHECK_FALSE(Date::parse_iso(text).has_value());
  }
  // Right shape, wrong digits or an impossible date.
  for (const char* text : {"2024-00-10", "2024-13-01", "2024-01-00", "2024-01-32", "1899-12-31", "3000-01-01",
                           "0223-01-01", "+024-01-31", "2024-+1-31", "2024-01--1", "2024-1a-01"}) {
    INFO(text);
    CHECK_FALSE(Date::parse_iso(text).has_value());
  }
}

TEST_CASE("Date recognises Vietnamese spellings", "[date]") {
  CHECK(Date::parse_vietnamese("31/12/2024") == Date{2024, 12, 31});
  CHECK(Date::parse_vietnamese("1/2/2023") == Date{2023, 2, 1});
  CHECK(Date::parse_vietnamese("01/02/2023") == Date{2023, 2, 1});
  CHECK(Date::parse_vietnamese("9-10-2023") == Date{2023, 10, 9});
  CHECK(Date::parse_vietnamese("09.10.2023") == Date{2023, 10, 9});
  CHECK(Date::parse_vietnamese("29/2/2024") == Date{2024, 2, 29});
  for (const char* text : {"", "29/2/2023", "31/4/2023", "32/1/2023", "0/1/2023", "1/13/2023", "1/0/2023", "1/1/23",
                           "1/1/02023", "001/1/2023", "1/1-2023", "1.1/2023", "1 1 2023", "1/1/2023 ", "2023-01-09",
                           "1//2023", "a/1/2023", "1/1/1899"}) {
    INFO(text);
    CHECK_FALSE(Date::parse_vietnamese(text).has_value());
  }
}

TEST_CASE("Date writes ISO and Vietnamese spellings zero padded", "[date]") {
  const Date date{2024, 1, 5};
  CHECK(date.iso() == "2024-01-05");
  CHECK(date.vietnamese() == "05/01/2024");
  CHECK(Date{2024, 12, 31}.iso() == "2024-12-31");
  CHECK(Date{2024, 12, 31}.vietnamese() == "31/12/2024");
}

TEST_CASE("Date compares chronologically", "[date]") {
  CHECK(Date{2023, 12, 31} < Date{2024, 1, 1});
  CHECK(Date{2024, 1, 31} < Date{2024, 2, 1});
  CHECK(Date{2024, 2, 1} < Date{2024, 2, 2});
  CHECK(Date{2024, 2, 2} == *Date::parse_iso("2024-02-02"));
}
