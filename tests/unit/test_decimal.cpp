#include <catch2/catch.hpp>

#include "cchc/decimal.hpp"

#include <string>

using cchc::Decimal;
using cchc::DecimalOverflow;
using cchc::DecimalSyntax;

namespace {

Decimal dec(const std::string& text) {
  const auto value = Decimal::parse(text);
  REQUIRE(value.has_value());
  return *value;
}

}  // namespace

TEST_CASE("Decimal parses plain decimal text exactly", "[decimal]") {
  CHECK(dec("12").to_string() == "12");
  CHECK(dec("-0.5").to_string() == "-0.5");
  CHECK(dec("+3").to_string() == "3");
  CHECK(dec("1.005").to_string() == "1.005");
  CHECK(dec("89.729").to_string() == "89.729");
  CHECK(dec("007").to_string() == "7");
  CHECK(dec("0.000000001").to_string() == "0.000000001");
  CHECK(dec("999999999999.999999999").to_string() == "999999999999.999999999");
  CHECK(dec("-999999999999.999999999").to_string() == "-999999999999.999999999");
}

TEST_CASE("Decimal accepts a point without digits on one side", "[decimal]") {
  CHECK(dec(".5") == dec("0.5"));
  CHECK(dec("-.25").to_string() == "-0.25");
  CHECK(dec("5.") == Decimal(5));
  CHECK(dec("+5.").to_string() == "5");
}

TEST_CASE("Decimal ignores leading and trailing zeros for the digit limits", "[decimal]") {
  CHECK(dec("1.0000000000") == Decimal(1));
  CHECK(dec("0.1234567890000").to_string() == "0.123456789");
  CHECK(dec("0000000000000000001") == Decimal(1));
  CHECK(dec("-0") == Decimal(0));
  CHECK(dec("-0.000").to_string() == "0");
}

TEST_CASE("Decimal check says why a text is refused", "[decimal]") {
  CHECK(Decimal::check("1.5") == DecimalSyntax::ok);
  CHECK(Decimal::check("") == DecimalSyntax::empty);

  CHECK(Decimal::check("0,5") == DecimalSyntax::decimal_comma);
  CHECK(Decimal::check("97,685") == DecimalSyntax::decimal_comma);
  CHECK(Decimal::check("-1,25") == DecimalSyntax::decimal_comma);
  CHECK(Decimal::check("1,000,000") == DecimalSyntax::not_a_number);
  CHECK(Decimal::check("1,5.2") == DecimalSyntax::not_a_number);
  CHECK(Decimal::check(",") == DecimalSyntax::not_a_number);
  CHECK(Decimal::check("a,5") == DecimalSyntax::not_a_number);

  CHECK(Decimal::check("1e3") == DecimalSyntax::exponent);
  CHECK(Decimal::check("1.5E-2") == DecimalSyntax::exponent);
  CHECK(Decimal::check(".5e+1") == DecimalSyntax::exponent);
  CHECK(Decimal::check("1e") == DecimalSyntax::not_a_number);
  CHECK(Decimal::check("e3") == DecimalSyntax::not_a_number);
  CHECK(Decimal::check("1e3x") == DecimalSyntax::not_a_number);

  CHECK(Decimal::check("0.1234567891") == DecimalSyntax::too_many_decimals);
  CHECK(Decimal::check("0.12345678910") == DecimalSyntax::too_many_decimals);
  CHECK(Decimal::check("1234567890123") == DecimalSyntax::too_large);
  CHECK(Decimal::check("-1234567890123.5") == DecimalSyntax::too_large);
  CHECK(Decimal::check("0001234567890123") == DecimalSyntax::too_large);
  CHECK(Decimal::check("000123456789012") == DecimalSyntax::ok);

  for (const char* text : {"abc", "một", "1.2.3", "0x10", " 1", "1 ", "1 000", ".inf", "nan", "-", "+", ".", "-.",
                           "+-1", "--1", "1-", "\xef\xbc\x91", "1_000"}) {
    INFO(text);
    CHECK(Decimal::check(text) == DecimalSyntax::not_a_number);
    CHECK_FALSE(Decimal::parse(text).has_value());
  }
  CHECK_FALSE(Decimal::parse("0,5").has_value());
  CHECK_FALSE(Decimal::parse("1e3").has_value());
  CHECK_FALSE(Decimal::parse("").has_value());
}

TEST_CASE("Decimal to_string writes a fixed number of digits", "[decimal]") {
  CHECK(dec("81.33").to_string(2) == "81.33");
  CHECK(dec("81.3").to_string(3) == "81.300");
  CHECK(dec("97.685").to_string(3, ',') == "97,685");
  CHECK(Decimal(100).to_string(0) == "100");
  CHECK(Decimal(100).to_string(2) == "100.00");
  CHECK(dec("-0.25").to_string(4) == "-0.2500");
  CHECK(Decimal(0).to_string(2) == "0.00");
  CHECK(dec("0.000000001").to_string(9) == "0.000000001");
}

TEST_CASE("Decimal to_string without digits is the shortest exact text", "[decimal]") {
  CHECK(dec("89.7290").to_string() == "89.729");
  CHECK(Decimal(100).to_string() == "100");
  CHECK(dec("0.50").to_string() == "0.5");
  CHECK(dec("-0.25").to_string() == "-0.25");
  CHECK(Decimal(0).to_string() == "0");
  CHECK((-Decimal(0)).to_string() == "0");
  CHECK(Decimal(-7).to_string() == "-7");
}

TEST_CASE("Decimal rounds half up, away from zero", "[decimal]") {
  // 1.005 and 0.0225 are the classic cases binary floating point gets wrong.
  CHECK(dec("1.005").rounded(2).to_string(2) == "1.01");
  CHECK(dec("0.0225").rounded(3).to_string(3) == "0.023");
  CHECK(dec("2.5").rounded(0).to_string() == "3");
  CHECK(dec("3.5").rounded(0).to_string() == "4");
  CHECK(dec("-1.005").rounded(2).to_string(2) == "-1.01");
  CHECK(dec("-2.5").rounded(0).to_string() == "-3");
  CHECK(dec("1.0049999").rounded(2).to_string(2) == "1.00");
  CHECK(dec("-1.0049999").rounded(2).to_string(2) == "-1.00");
  CHECK(dec("-0.004").rounded(2).to_string() == "0");
  CHECK(dec("0.999999999").rounded(8).to_string() == "1");
  CHECK(dec("89.729").rounded(3) == dec("89.729"));
  CHECK(dec("89.729").rounded(9) == dec("89.729"));
  CHECK(dec("81.3333333").rounded(2).to_string() == "81.33");
}

TEST_CASE("Decimal knows its decimals and integer value", "[decimal]") {
  CHECK(dec("89.729").decimals() == 3);
  CHECK(dec("100").decimals() == 0);
  CHECK(dec("-0.000000001").decimals() == 9);
  CHECK(dec("1.50").decimals() == 1);
  CHECK(dec("12.000").is_integer());
  CHECK_FALSE(dec("12.001").is_integer());
  CHECK(dec("12.000").to_int() == 12);
  CHECK(dec("-999999999999").to_int() == -999999999999);
  CHECK(Decimal(0).to_int() == 0);
}

TEST_CASE("Decimal adds, subtracts and multiplies exactly", "[decimal]") {
  CHECK((dec("0.1") + dec("0.2")).to_string() == "0.3");
  CHECK((dec("0.3") - dec("0.1")) == dec("0.2"));
  CHECK((dec("1") - dec("1.25")).to_string() == "-0.25");
  CHECK((-dec("2.5")).to_string() == "-2.5");
  CHECK((dec("2.5") * dec("0.4")).to_string() == "1");
  CHECK((dec("-1.5") * dec("1.5")).to_string() == "-2.25");
  CHECK((dec("0.00001") * dec("0.0001")).to_string() == "0.000000001");
  Decimal sum = dec("0.125");
  sum += dec("0.875");
  CHECK(sum == Decimal(1));
  sum -= dec("1.5");
  CHECK(sum.to_string() == "-0.5");
  CHECK(dec("0.1") < dec("0.2"));
  CHECK(dec("-0.1") < Decimal(0));
  CHECK(cchc::min(dec("1.5"), dec("1.25")).to_string() == "1.25");
  CHECK(cchc::max(dec("1.5"), dec("1.25")).to_string() == "1.5");
}

TEST_CASE("Decimal arithmetic throws DecimalOverflow instead of losing digits", "[decimal]") {
  // Precision overflow: the exact product has 10 decimals.
  CHECK_THROWS_AS(dec("0.00001") * dec("0.00001"), DecimalOverflow);
  CHECK_THROWS_AS(dec("0.5") * dec("0.000000001"), DecimalOverflow);
  // Range: magnitudes must stay below 10^18.
  const Decimal big = dec("999999999999");
  const Decimal product = big * Decimal(999999);
  CHECK(product.to_string() == "999998999999000001");
  CHECK_THROWS_AS(big * big, DecimalOverflow);
  CHECK_THROWS_AS(product + big * Decimal(2), DecimalOverflow);
  CHECK_THROWS_AS(-product - big * Decimal(2), DecimalOverflow);
  CHECK_THROWS_AS(product * product, DecimalOverflow);
  CHECK_THROWS_AS(product * product * product, DecimalOverflow);
  CHECK_THROWS_AS(product - (-product), DecimalOverflow);
  CHECK_THROWS_AS(Decimal::mul_div(product, product, Decimal(1), 0), DecimalOverflow);
  CHECK_THROWS_AS(Decimal::mul_div(product, Decimal(10), Decimal(1), 0), DecimalOverflow);
}

TEST_CASE("Decimal mul_div computes a times b over c, rounded half up", "[decimal]") {
  CHECK(Decimal::mul_div(dec("68.32"), Decimal(100), Decimal(84), 2).to_string(2) == "81.33");
  CHECK(Decimal::mul_div(dec("89.729"), Decimal(100), Decimal(100), 3).to_string(3) == "89.729");
  CHECK(Decimal::mul_div(Decimal(1), Decimal(2), Decimal(3), 3).to_string(3) == "0.667");
  CHECK(Decimal::mul_div(Decimal(2), Decimal(1), Decimal(8), 2).to_string(2) == "0.25");
  CHECK(Decimal::mul_div(Decimal(1), Decimal(5), Decimal(1000), 2).to_string(2) == "0.01");
  CHECK(Decimal::mul_div(Decimal(1), Decimal(4), Decimal(1000), 2).to_string(2) == "0.00");
  CHECK(Decimal::mul_div(Decimal(2), Decimal(1), Decimal(3), 0).to_string() == "1");
  CHECK(Decimal::mul_div(Decimal(1), Decimal(1), Decimal(3), 9).to_string() == "0.333333333");
  CHECK(Decimal::mul_div(Decimal(2), Decimal(1), Decimal(3), 9).to_string() == "0.666666667");
  CHECK(Decimal::mul_div(Decimal(0), Decimal(7), Decimal(3), 2).to_string() == "0");
  CHECK(Decimal::mul_div(dec("0.5"), dec("0.25"), dec("0.125"), 1).to_string() == "1");
}

TEST_CASE("Decimal mul_div rounds negatives away from zero", "[decimal]") {
  CHECK(Decimal::mul_div(Decimal(-1), Decimal(5), Decimal(1000), 2).to_string(2) == "-0.01");
  CHECK(Decimal::mul_div(Decimal(1), Decimal(-5), Decimal(1000), 2).to_string(2) == "-0.01");
  CHECK(Decimal::mul_div(Decimal(1), Decimal(5), Decimal(-1000), 2).to_string(2) == "-0.01");
  CHECK(Decimal::mul_div(Decimal(-1), Decimal(-5), Decimal(1000), 2).to_string(2) == "0.01");
  CHECK(Decimal::mul_div(Decimal(-1), Decimal(-5), Decimal(-1000), 2).to_string(2) == "-0.01");
  CHECK(Decimal::mul_div(Decimal(-1), Decimal(4), Decimal(1000), 2).to_string() == "0");
  CHECK(Decimal::mul_div(Decimal(-2), Decimal(1), Decimal(3), 3).to_string() == "-0.667");
  CHECK(Decimal::mul_div(Decimal(-1), Decimal(1), Decimal(3), 3).to_string() == "-0.333");
}

TEST_CASE("Decimal mul_div stays exact when the intermediate product is huge", "[decimal]") {
  // a × b is about 10^46 units, far beyond 128 bits, yet the quotient is small.
  const Decimal a = dec("123456789012.123456789");
  const Decimal b = dec("987654321098.987654321");
  CHECK(Decimal::mul_div(a, b, b, 9) == a);
  CHECK(Decimal::mul_div(a, b, a, 3).to_string() == "987654321098.988");
  CHECK(Decimal::mul_div(-a, b, b, 9) == -a);
  CHECK(Decimal::mul_div(a, Decimal(3), Decimal(3), 9) == a);
}
