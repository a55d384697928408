#include <catch2/catch.hpp>

#include <utf8proc.h>

#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "cchc/text.hpp"

using cchc::count_code_points;
using cchc::display_width;
using cchc::edit_distance;
using cchc::find_invalid_utf8;
using cchc::fit_width;
using cchc::is_valid_unit_id;
using cchc::suggest_unit_id;
using cchc::to_nfc;

namespace {

// The full NFC of utf8proc, without cchc's fast path.
std::string full_nfc(const std::string& text) {
  utf8proc_uint8_t* composed = utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(text.c_str()));
  REQUIRE(composed != nullptr);
  std::string result(reinterpret_cast<const char*>(composed));
  std::free(composed);
  return result;
}

std::string utf8(utf8proc_int32_t code_point) {
  utf8proc_uint8_t bytes[4] = {};
  const utf8proc_ssize_t length = utf8proc_encode_char(code_point, bytes);
  return std::string(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(length));
}

// "Tiếu chí" with the diacritics written as combining marks (NFD-like).
const std::string k_decomposed = "Tie\u0302\u0301u chi\u0301";
const std::string k_precomposed = "Ti\u1EBFu ch\u00ED";

}  // namespace

TEST_CASE("to_nfc composes decomposed Vietnamese", "[text]") {
  CHECK(k_decomposed != k_precomposed);
  CHECK(to_nfc(k_decomposed) == k_precomposed);
  CHECK(to_nfc(k_precomposed) == k_precomposed);
  // Marks in the other order (acute before circumflex) are reordered by
  // canonical order only when their classes differ; both are class 230, so
  // this stays a different string: NFC does not guess.
  CHECK(to_nfc("e\u0301\u0302") == "\u00E9\u0302");
  CHECK(to_nfc("So\u031B\u0309 Lao \u0111o\u0323\u0302ng") == "S\u1EDF Lao \u0111\u1ED9ng");
}

// to_nfc skips the normalisation for text made only of code points NFC
// never changes (below U+0300, U+1E00..U+1EFF, U+2010..U+206F,
// U+20A0..U+20C0). Each of them, alone, doubled, and after or before a base
// letter and a combining mark, must be what utf8proc's NFC makes of it.
TEST_CASE("to_nfc's fast path agrees with the full NFC", "[text]") {
  std::vector<utf8proc_int32_t> fast;
  for (utf8proc_int32_t c = 1; c < 0x300; ++c) {
    fast.push_back(c);
  }
  for (const auto& [from, to] : {std::pair{0x1E00, 0x1EFF}, std::pair{0x2010, 0x206F}, std::pair{0x20A0, 0x20C0}}) {
    for (utf8proc_int32_t c = from; c <= to; ++c) {
      fast.push_back(c);
    }
  }
  std::size_t checked = 0;
  for (const utf8proc_int32_t c : fast) {
    const std::string one = utf8(c);
    for (const std::string& text : {one, one + one, "a" + one, one + "a", "e\u0302" + one, one + "e\u0323\u0302"}) {
      INFO("U+" << std::hex << c);
      CHECK(to_nfc(text) == full_nfc(text));
      ++checked;
    }
  }
  CHECK(checked == fast.size() * 6);
  // Just outside the ranges: decomposed text, singletons and combining marks
  // take the full path.
  CHECK(to_nfc("\u212B") == "\u00C5");        // ANGSTROM SIGN -> A WITH RING
  CHECK(to_nfc("A\u030A") == "\u00C5");       // A + COMBINING RING
  CHECK(to_nfc("\u1EA1\u0302") == "\u1EAD");  // ạ + circumflex -> ậ
  CHECK(to_nfc("\u0340") == "\u0300");        // a singleton combining mark
}

TEST_CASE("to_nfc returns ASCII and empty text unchanged", "[text]") {
  CHECK(to_nfc("").empty());
  CHECK(to_nfc("vd-so-2023") == "vd-so-2023");
  const std::string with_nul("a\0b", 3);
  CHECK(to_nfc(with_nul) == with_nul);
  const std::string non_ascii_with_nul("\u00E9\0e\u0301", 6);
  CHECK(to_nfc(non_ascii_with_nul) == std::string("\u00E9\0\u00E9", 5));
}

TEST_CASE("count_code_points counts characters, not bytes", "[text]") {
  CHECK(count_code_points("") == 0);
  CHECK(count_code_points("abc") == 3);
  CHECK(count_code_points(k_precomposed) == 8);
  CHECK(count_code_points(k_decomposed) == 11);
  CHECK(count_code_points("\u4E2D\u6587") == 2);
  CHECK(count_code_points("\U0001F600") == 1);
}

TEST_CASE("display_width counts terminal columns", "[text]") {
  CHECK(display_width("") == 0);
  CHECK(display_width("abc") == 3);
  CHECK(display_width("S\u1EDF Lao \u0111\u1ED9ng") == 11);
  CHECK(display_width("So\u031B\u0309 Lao \u0111o\u0323\u0302ng") == 11);
  CHECK(display_width(k_decomposed) == display_width(k_precomposed));
  CHECK(display_width(k_precomposed) == 8);
  CHECK(display_width("\u4E2D") == 2);
  CHECK(display_width("a\u4E2D\u6587b") == 6);
  CHECK(display_width("a\tb\n") == 2);
}

TEST_CASE("find_invalid_utf8 finds the first bad sequence", "[text]") {
  CHECK_FALSE(find_invalid_utf8("").has_value());
  CHECK_FALSE(find_invalid_utf8("plain").has_value());
  CHECK_FALSE(find_invalid_utf8(k_decomposed).has_value());
  CHECK_FALSE(find_invalid_utf8("\U0010FFFF").has_value());
  CHECK_FALSE(find_invalid_utf8(std::string("a\0b", 3)).has_value());

  CHECK(find_invalid_utf8("\xff") == 0u);
  CHECK(find_invalid_utf8("ab\xff") == 2u);
  // Truncated: a lead byte without its continuation.
  CHECK(find_invalid_utf8("\xc3") == 0u);
  CHECK(find_invalid_utf8("x\xc3") == 1u);
  CHECK(find_invalid_utf8("\xc3(") == 0u);
  // A continuation byte alone.
  CHECK(find_invalid_utf8("\x80") == 0u);
  // Overlong encodings of '/'.
  CHECK(find_invalid_utf8("\xc0\xaf") == 0u);
  CHECK(find_invalid_utf8("\xe0\x80\xaf") == 0u);
  CHECK(find_invalid_utf8("\xf0\x80\x80\xaf") == 0u);
  // A UTF-16 surrogate (U+D800) encoded in UTF-8.
  CHECK(find_invalid_utf8("ok\xed\xa0\x80") == 2u);
  // Above U+10FFFF.
  CHECK(find_invalid_utf8("\xf4\x90\x80\x80") == 0u);
  // Position counts bytes: "ế" takes 3.
  CHECK(find_invalid_utf8("\u1EBF\xff") == 3u);
}

TEST_CASE("edit_distance counts code point edits", "[text]") {
  CHECK(edit_distance("", "") == 0);
  CHECK(edit_distance("abc", "") == 3);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("title", "title") == 0);
  CHECK(edit_distance("titel", "title") == 2);
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("documents", "document") == 1);
  // One substituted character, though it takes several bytes.
  CHECK(edit_distance("Ti\u1EBFu", "Ti\u00EAu") == 1);
  CHECK(edit_distance("\u4E2D", "a") == 1);
}

TEST_CASE("capitalize_first upper-cases the first character only") {
  CHECK(cchc::capitalize_first("chậm thời hạn") == "Chậm thời hạn");
  CHECK(cchc::capitalize_first("đánh giá") == "Đánh giá");
  CHECK(cchc::capitalize_first("ước tính") == "Ước tính");
  CHECK(cchc::capitalize_first("") == "");
  CHECK(cchc::capitalize_first("1 item") == "1 item");
}

TEST_CASE("fit_width shortens text to a number of columns, with an ellipsis") {
  CHECK(fit_width("Sở Nội vụ", 9) == "Sở Nội vụ");
  CHECK(fit_width("Sở Nội vụ", 8) == "Sở Nội…");
  CHECK(fit_width("Sở Nội vụ", 5) == "Sở N…");
  CHECK(fit_width("abc", 0).empty());
  CHECK(fit_width("abc", 1) == "…");
  // A decomposed letter keeps its marks: "ộ" is o + U+0323 + U+0302.
  const std::string decomposed = "No\xCC\xA3\xCC\x82i vu";
  CHECK(fit_width(decomposed, 3) == "No\xCC\xA3\xCC\x82…");
  // Wide characters take two columns and are never cut in half.
  CHECK(fit_width("日本語", 4) == "日…");
  CHECK(display_width(fit_width("Trung tâm Phục vụ hành chính công tỉnh", 20)) <= 20);
}

TEST_CASE("fold_case compares Vietnamese words without regard to case or composition") {
  CHECK(cchc::fold_case("TỐT") == cchc::fold_case("tốt"));
  CHECK(cchc::fold_case("Xuất sắc") == cchc::fold_case("XUẤT SẮC"));
  // Decomposed "ố" (o + U+0302 + U+0301) folds like the precomposed letter.
  CHECK(cchc::fold_case("T\x6F\xCC\x82\xCC\x81t") == cchc::fold_case("Tốt"));
  CHECK(cchc::fold_case("Khá") != cchc::fold_case("Kha"));
}

TEST_CASE("unit ids: ASCII letters, digits and separators") {
  CHECK(is_valid_unit_id("so-ldtbxh"));
  CHECK(is_valid_unit_id("ubnd_huyen.1"));
  CHECK_FALSE(is_valid_unit_id(""));
  CHECK_FALSE(is_valid_unit_id("Sở Tư pháp"));
  CHECK_FALSE(is_valid_unit_id("so tu phap"));
  CHECK_FALSE(is_valid_unit_id("-so"));
  CHECK_FALSE(is_valid_unit_id("so-"));
}

TEST_CASE("a unit id suggested from a name") {
  CHECK(suggest_unit_id("Sở Tư pháp") == "so-tu-phap");
  CHECK(suggest_unit_id("Sở Lao động - Thương binh và Xã hội") == "so-lao-dong-thuong-binh-va-xa-hoi");
  CHECK(suggest_unit_id("ĐÀI PT-TH Đắk Lắk") == "dai-pt-th-dak-lak");
  CHECK(suggest_unit_id("  (Ban) 3  ") == "ban-3");
  CHECK(suggest_unit_id("—") == "");
}
