#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cchc {

// Where the first invalid UTF-8 sequence starts, or nullopt when `text` is valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);
// `text` (valid UTF-8) in Unicode NFC; ASCII is returned unchanged cheaply.
std::string to_nfc(std::string_view text);
// `text` (valid UTF-8) case-folded and in NFC, for comparing words without
// regard to case: fold_case("TỐT") == fold_case("tốt").
std::string fold_case(std::string_view text);
// The number of code points in valid UTF-8 `text`.
std::size_t count_code_points(std::string_view text);
// The number of terminal columns `text` takes (combining marks take none,
// wide characters two).
std::size_t display_width(std::string_view text);
// `text` when it takes at most `width` columns; otherwise its longest start
// that fits in `width` − 1 columns followed by "…". Never cuts a character
// from its combining marks.
std::string fit_width(std::string_view text, std::size_t width);
// Splits text into lines of at most `width` display columns, breaking at
// spaces (and at '\n'); a word longer than the width is cut between
// characters, never inside one. Control characters become blanks; invalid
// UTF-8 and invisible characters become U+FFFD (visible_text).
std::vector<std::string> wrap_text(std::string_view text, std::size_t width);
// `text` with its first character in upper case ("chậm thời hạn" → "Chậm thời hạn").
std::string capitalize_first(std::string_view text);
// `text` with ASCII letters in lower case (headers, keys, command names).
std::string lowercase_ascii(std::string_view text);
// Edit distance between two strings, counted in code points (for "did you mean").
std::size_t edit_distance(std::string_view a, std::string_view b);
// did_you_mean() guesses only for words of at most this many characters,
// among at most this many candidates (the rest are compared by case only).
inline constexpr std::size_t k_suggest_max_length = 64;
inline constexpr std::size_t k_suggest_max_candidates = 10000;
// The candidate closest to `word` when it is close enough to be a likely typo,
// or nullopt: the one threshold of every "did you mean" cchc prints. A word of
// one or two characters only matches a candidate that differs in ASCII case;
// one of three, within one edit; a longer one, within max(2, length / 3)
// edits. A candidate equal to `word` but for ASCII case counts as no edit. On
// a tie the earlier candidate wins. The work is bounded (a hostile file of
// long near-miss keys took 35 s): candidates whose length differs by more
// than the threshold are skipped, the distance is computed in a band of the
// threshold's width and stops once a row exceeds it.
std::optional<std::string> did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

// Whether `code_point` is a control character: C0 (U+0000..U+001F), DEL
// (U+007F) or C1 (U+0080..U+009F).
bool is_control_character(char32_t code_point);
// Whether `code_point` hides text or changes how the text around it shows
// without being seen itself: a format character (Unicode category Cf: the
// bidi controls U+200E, U+200F, U+202A..U+202E, U+2066..U+2069, U+061C; the
// zero-width space, joiners and word joiner; U+FEFF; the soft hyphen), the
// line and paragraph separators U+2028 and U+2029, or the noncharacters
// U+FFFE and U+FFFF.
bool is_invisible_character(char32_t code_point);

// A character found in a text, with the byte offset where it starts.
struct CharacterAt {
  std::size_t offset = 0;
  char32_t code_point = 0;
};
// The first control character of valid UTF-8 `text` (TAB and LF excepted
// when `allow_tab_and_lf`), or nullopt.
std::optional<CharacterAt> find_control(std::string_view text, bool allow_tab_and_lf);
// The first character of valid UTF-8 `text` that no id may hold: a control
// character, an invisible one, or a space other than U+0020 (U+00A0, U+3000,
// ...), or nullopt.
std::optional<CharacterAt> find_not_in_id(std::string_view text);
// `text` made safe to show to a person: every invalid UTF-8 byte, C1 control
// character and invisible character (bidi controls that would reorder the
// text around them, zero-width characters) becomes U+FFFD "�". C0 controls
// and DEL are left to the caller, whose format has its own rule for them
// (a blank, an escape). A leading U+FEFF (a byte order mark) is kept when
// `keep_bom`.
std::string visible_text(std::string_view text, bool keep_bom = false);
// `text` on one line: like visible_text, and every control character but
// TAB (LF, CR, ESC ...) becomes U+FFFD too, so that a message can never
// start a new line of output or send an escape sequence to a terminal.
std::string one_line(std::string_view text);

// Whether `id` is a valid unit id: ASCII letters, digits and the separators
// '-', '_', '.', beginning and ending with a letter or digit ("so-ldtbxh").
bool is_valid_unit_id(std::string_view id);
// A unit id made from a name (valid UTF-8): diacritics stripped, đ → d,
// lower case, every run of other characters one '-' ("Sở Tư pháp" →
// "so-tu-phap"); "" when nothing is left.
std::string suggest_unit_id(std::string_view name);

}  // namespace cchc
