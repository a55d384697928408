#include "cchc/text.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <cassert>
#include <cstdint>
#include <cstdlib>
#include <new>
#include <vector>

namespace cchc {

namespace {

const utf8proc_uint8_t* bytes_of(std::string_view text) {
  return reinterpret_cast<const utf8proc_uint8_t*>(text.data());
}

// Decodes the code point at the start of `text` into `code_point` and returns
// its length in bytes; a negative utf8proc error code when it is invalid.
utf8proc_ssize_t decode(std::string_view text, utf8proc_int32_t& code_point) {
  return utf8proc_iterate(bytes_of(text), static_cast<utf8proc_ssize_t>(text.size()), &code_point);
}

// The code points of `text`; an invalid byte stands for itself, so that
// distances stay meaningful on bad input.
std::vector<utf8proc_int32_t> code_points(std::string_view text) {
  std::vector<utf8proc_int32_t> result;
  result.reserve(text.size());
  while (!text.empty()) {
    utf8proc_int32_t code_point = 0;
    utf8proc_ssize_t length = decode(text, code_point);
    if (length <= 0) {
      code_point = static_cast<unsigned char>(text[0]);
      length = 1;
    }
    result.push_back(code_point);
    text.remove_prefix(static_cast<std::size_t>(length));
  }
  return result;
}

// True when NFC leaves `text` as it is, for certain, without running the
// normalisation: every code point is below U+0300 (ASCII, Latin-1, Latin
// Extended-A/B, IPA, spacing modifiers), in Latin Extended Additional
// (U+1E00..U+1EFF: the precomposed Vietnamese letters such as "ệ"), in
// General Punctuation from U+2010 (dashes, quotes, "…") or a currency sign
// ("₫"). None of these has a canonical decomposition that NFC changes, and
// none combines with its neighbours: combining marks (U+0300..U+036F and
// the others) are outside these ranges, so decomposed text ("e" + U+0323 +
// U+0302) takes the full path. False for anything else, or invalid UTF-8.
bool surely_nfc(std::string_view text) {
  while (!text.empty()) {
    const auto byte = static_cast<unsigned char>(text.front());
    if (byte < 0x80) {
      text.remove_prefix(1);
      continue;
    }
    utf8proc_int32_t code_point = 0;
    const utf8proc_ssize_t length = decode(text, code_point);
    if (length <= 0) {
      return false;
    }
    const bool stable = code_point < 0x300 || (code_point >= 0x1E00 && code_point <= 0x1EFF) ||
                        (code_point >= 0x2010 && code_point <= 0x206F) ||
                        (code_point >= 0x20A0 && code_point <= 0x20C0);
    if (!stable) {
      return false;
    }
    text.remove_prefix(static_cast<std::size_t>(length));
  }
  return true;
}

}  // namespace

// utf8proc_iterate refuses truncated sequences, overlong encodings,
// surrogates (U+D800..U+DFFF) and anything above U+10FFFF.
std::optional<std::size_t> find_invalid_utf8(std::string_view text) {
  std::size_t position = 0;
  while (position < text.size()) {
    if (static_cast<unsigned char>(text[position]) < 0x80) {
      ++position;  // ASCII: most of every file, no need to decode
      continue;
    }
    utf8proc_int32_t code_point = 0;
    const utf8proc_ssize_t length = decode(text.substr(position), code_point);
    if (length <= 0) {
      return position;
    }
    position += static_cast<std::size_t>(length);
  }
  return std::nullopt;
}

namespace {

// utf8proc_map with `options`; `text` itself when it is not valid UTF-8.
std::string mapped(std::string_view text, int options) {
  utf8proc_uint8_t* out = nullptr;
  const utf8proc_ssize_t length = utf8proc_map(bytes_of(text), static_cast<utf8proc_ssize_t>(text.size()), &out,
                                               static_cast<utf8proc_option_t>(options));
  if (length == UTF8PROC_ERROR_NOMEM) {
    throw std::bad_alloc();
  }
  assert(length >= 0 && "utf8proc_map needs valid UTF-8");
  if (length < 0) {
    return std::string(text);
  }
  std::string result(reinterpret_cast<const char*>(out), static_cast<std::size_t>(length));
  std::free(out);
  return result;
}

}  // namespace

std::string to_nfc(std::string_view text) {
  if (surely_nfc(text)) {
    return std::string(text);
  }
  return mapped(text, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
}

std::string fold_case(std::string_view text) {
  return mapped(text, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
}

std::size_t count_code_points(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xc0) != 0x80; }));
}

// Control characters count 0; an invalid byte counts 1, as a terminal would
// show a replacement character for it.
std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  while (!text.empty()) {
    utf8proc_int32_t code_point = 0;
    const utf8proc_ssize_t length = decode(text, code_point);
    if (length <= 0) {
      ++width;
      text.remove_prefix(1);
      continue;
    }
    const int columns = utf8proc_charwidth(code_point);
    if (columns > 0 && utf8proc_category(code_point) != UTF8PROC_CATEGORY_CC) {
      width += static_cast<std::size_t>(columns);
    }
    text.remove_prefix(static_cast<std::size_t>(length));
  }
  return width;
}

std::string fit_width(std::string_view text, std::size_t width) {
  if (display_width(text) <= width) {
    return std::string(text);
  }
  if (width == 0) {
    return {};
  }
  const std::size_t room = width - 1;  // the rest is for "…"
  std::size_t used = 0;
  std::string_view rest = text;
  while (!rest.empty()) {
    utf8proc_int32_t code_point = 0;
    utf8proc_ssize_t length = decode(rest, code_point);
    int columns = 1;
    if (length <= 0) {
      length = 1;
    } else {
      columns = utf8proc_charwidth(code_point);
      if (columns < 0 || utf8proc_category(code_point) == UTF8PROC_CATEGORY_CC) {
        columns = 0;
      }
    }
    if (columns > 0 && used + static_cast<std::size_t>(columns) > room) {
      break;
    }
    used += static_cast<std::size_t>(columns);
    rest.remove_prefix(static_cast<std::size_t>(length));
  }
  std::string out(text.substr(0, text.size() - rest.size()));
  while (!out.empty() && out.back() == ' ') {
    out.pop_back();
  }
  return out + "…";
}

// Levenshtein distance (insert, delete, substitute, each costing 1).
std::size_t edit_distance(std::string_view a, std::string_view b) {
  const std::vector<utf8proc_int32_t> from = code_points(a);
  const std::vector<utf8proc_int32_t> to = code_points(b);
  std::vector<std::size_t> previous(to.size() + 1);
  std::vector<std::size_t> current(to.size() + 1);
  for (std::size_t j = 0; j <= to.size(); ++j) {
    previous[j] = j;
  }
  for (std::size_t i = 1; i <= from.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= to.size(); ++j) {
      const std::size_t substitution = previous[j - 1] + (from[i - 1] == to[j - 1] ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
    }
    std::swap(previous, current);
  }
  return previous[to.size()];
}

namespace {

// The length of the UTF-8 sequence that starts with `lead`.
std::size_t sequence_length(unsigned char lead) {
  if (lead < 0x80) {
    return 1;
  }
  if ((lead >> 5) == 0x6) {
    return 2;
  }
  if ((lead >> 4) == 0xE) {
    return 3;
  }
  if ((lead >> 3) == 0x1E) {
    return 4;
  }
  return 1;
}

// Cuts a word wider than `width` into pieces; combining marks (width 0) stay
// with the character before them.
void cut_word(std::string_view word, std::size_t width, std::vector<std::string>& lines) {
  std::string piece;
  std::size_t piece_width = 0;
  std::size_t i = 0;
  while (i < word.size()) {
    const std::size_t length = std::min(sequence_length(static_cast<unsigned char>(word[i])), word.size() - i);
    const std::string_view code_point = word.substr(i, length);
    const std::size_t w = display_width(code_point);
    if (piece_width + w > width && !piece.empty() && w > 0) {
      lines.push_back(piece);
      piece.clear();
      piece_width = 0;
    }
    piece += code_point;
    piece_width += w;
    i += length;
  }
  if (!piece.empty()) {
    lines.push_back(piece);
  }
}

void wrap_paragraph(std::string_view text, std::size_t width, std::vector<std::string>& lines) {
  // A line that fits is kept as written, runs of blanks included.
  if (display_width(text) <= width) {
    lines.emplace_back(text);
    return;
  }
  std::string line;
  std::size_t line_width = 0;
  std::size_t start = 0;
  bool any = false;
  while (start <= text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string_view::npos) {
      end = text.size();
    }
    const std::string_view word = text.substr(start, end - start);
    start = end + 1;
    if (word.empty()) {
      if (end == text.size()) {
        break;
      }
      continue;
    }
    any = true;
    const std::size_t w = display_width(word);
    if (!line.empty() && line_width + 1 + w <= width) {
      line += ' ';
      line += word;
      line_width += 1 + w;
      continue;
    }
    if (!line.empty()) {
      lines.push_back(line);
      line.clear();
      line_width = 0;
    }
    if (w <= width) {
      line = std::string(word);
      line_width = w;
    } else {
      cut_word(word, width, lines);
      // Continue after the last piece on the same line when it has room.
      line = lines.back();
      lines.pop_back();
      line_width = display_width(line);
    }
  }
  if (!line.empty() || !any) {
    lines.push_back(line);
  }
}

}  // namespace

std::vector<std::string> wrap_text(std::string_view text, std::size_t width) {
  width = std::max<std::size_t>(width, 1);
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (true) {
    std::size_t end = text.find('\n', start);
    const bool last = end == std::string_view::npos;
    if (last) {
      end = text.size();
    }
    std::string paragraph(text.substr(start, end - start));
    if (!paragraph.empty() && paragraph.back() == '\r') {
      paragraph.pop_back();
    }
    // Tabs and other control characters would break the alignment; bidi
    // controls and zero-width characters would reorder or hide the text.
    std::replace_if(
        paragraph.begin(), paragraph.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; },
        ' ');
    paragraph = visible_text(paragraph);
    wrap_paragraph(paragraph, width, lines);
    if (last) {
      break;
    }
    start = end + 1;
  }
  // A trailing newline in the text does not make an empty last line.
  while (lines.size() > 1 && lines.back().empty()) {
    lines.pop_back();
  }
  return lines;
}

std::string lowercase_ascii(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
  return out;
}

namespace {

// The edit distance of `from` and `to` when it is at most `bound`, bound + 1
// otherwise: only the diagonal band of width `bound` is computed, and the
// work stops as soon as a whole row exceeds it.
std::size_t bounded_edit_distance(const std::vector<utf8proc_int32_t>& from, const std::vector<utf8proc_int32_t>& to,
                                  std::size_t bound) {
  const std::size_t over = bound + 1;
  if ((from.size() > to.size() ? from.size() - to.size() : to.size() - from.size()) > bound) {
    return over;
  }
  std::vector<std::size_t> previous(to.size() + 1, over);
  std::vector<std::size_t> current(to.size() + 1, over);
  for (std::size_t j = 0; j <= std::min(to.size(), bound); ++j) {
    previous[j] = j;
  }
  for (std::size_t i = 1; i <= from.size(); ++i) {
    const std::size_t first = i > bound ? i - bound : 1;
    const std::size_t last = std::min(to.size(), i + bound);
    std::fill(current.begin(), current.end(), over);
    current[0] = i <= bound ? i : over;
    std::size_t row_min = current[0];
    for (std::size_t j = first; j <= last; ++j) {
      const std::size_t substitution = previous[j - 1] + (from[i - 1] == to[j - 1] ? 0 : 1);
      current[j] =
          std::min({std::min(previous[j], over - 1) + 1, std::min(current[j - 1], over - 1) + 1, substitution});
      current[j] = std::min(current[j], over);
      row_min = std::min(row_min, current[j]);
    }
    if (row_min > bound) {
      return over;
    }
    std::swap(previous, current);
  }
  return std::min(previous[to.size()], over);
}

}  // namespace

std::optional<std::string> did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  const std::vector<utf8proc_int32_t> letters = code_points(word);
  const std::size_t length = letters.size();
  // One- and two-character words only match by case: any other would be a guess.
  const std::size_t threshold = length <= 2 ? 0 : length == 3 ? 1 : std::max<std::size_t>(2, length / 3);
  std::optional<std::string> best;
  std::size_t best_distance = threshold + 1;
  const std::string lower = lowercase_ascii(word);
  std::size_t compared = 0;
  for (const std::string& candidate : candidates) {
    if (lowercase_ascii(candidate) == lower) {
      return candidate;
    }
    // Ids, keys and labels are short: a longer word (a hostile file's
    // 10,000-character key) or a list past the cap gets no guess, so the
    // work stays bounded (a band of the threshold's width per candidate).
    if (length > k_suggest_max_length || best_distance == 0 || compared >= k_suggest_max_candidates) {
      continue;
    }
    if (candidate.size() > 4 * (k_suggest_max_length + threshold)) {
      continue;
    }
    ++compared;
    const std::size_t distance = bounded_edit_distance(letters, code_points(candidate), best_distance - 1);
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  return best;
}

std::string capitalize_first(std::string_view text) {
  if (text.empty()) {
    return {};
  }
  utf8proc_int32_t code_point = 0;
  const utf8proc_ssize_t length = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                                   static_cast<utf8proc_ssize_t>(text.size()), &code_point);
  if (length <= 0) {
    return std::string(text);
  }
  utf8proc_uint8_t upper[4];
  const utf8proc_ssize_t written = utf8proc_encode_char(utf8proc_toupper(code_point), upper);
  std::string out(reinterpret_cast<const char*>(upper), static_cast<std::size_t>(written));
  out.append(text.substr(static_cast<std::size_t>(length)));
  return out;
}

namespace {

bool is_ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

}  // namespace

bool is_control_character(char32_t code_point) {
  return code_point < 0x20 || (code_point >= 0x7F && code_point <= 0x9F);
}

bool is_invisible_character(char32_t code_point) {
  if (code_point == 0xFFFE || code_point == 0xFFFF || code_point == 0x2028 || code_point == 0x2029) {
    return true;
  }
  if (code_point > 0x10FFFF) {
    return false;
  }
  return utf8proc_category(static_cast<utf8proc_int32_t>(code_point)) == UTF8PROC_CATEGORY_CF;
}

namespace {

// The first character of `text` for which `refused` holds.
template <typename Refused>
std::optional<CharacterAt> find_character(std::string_view text, Refused refused) {
  std::size_t offset = 0;
  while (offset < text.size()) {
    utf8proc_int32_t code_point = 0;
    utf8proc_ssize_t length = decode(text.substr(offset), code_point);
    if (length <= 0) {
      code_point = static_cast<unsigned char>(text[offset]);
      length = 1;
    }
    if (refused(static_cast<char32_t>(code_point))) {
      return CharacterAt{offset, static_cast<char32_t>(code_point)};
    }
    offset += static_cast<std::size_t>(length);
  }
  return std::nullopt;
}

// Replaces what `hidden` says with U+FFFD; invalid bytes too.
template <typename Hidden>
std::string replace_hidden(std::string_view text, bool keep_bom, Hidden hidden) {
  std::string out;
  out.reserve(text.size());
  std::size_t offset = 0;
  if (keep_bom && text.substr(0, 3) == "\xEF\xBB\xBF") {
    out += text.substr(0, 3);
    offset = 3;
  }
  while (offset < text.size()) {
    const auto byte = static_cast<unsigned char>(text[offset]);
    if (byte >= 0x20 && byte < 0x7F) {
      out += text[offset++];
      continue;
    }
    utf8proc_int32_t code_point = 0;
    const utf8proc_ssize_t length = decode(text.substr(offset), code_point);
    if (length <= 0) {
      out += "\xEF\xBF\xBD";
      ++offset;
      continue;
    }
    if (hidden(static_cast<char32_t>(code_point))) {
      out += "\xEF\xBF\xBD";
    } else {
      out += text.substr(offset, static_cast<std::size_t>(length));
    }
    offset += static_cast<std::size_t>(length);
  }
  return out;
}

}  // namespace

std::optional<CharacterAt> find_control(std::string_view text, bool allow_tab_and_lf) {
  return find_character(
      text, [&](char32_t c) { return is_control_character(c) && !(allow_tab_and_lf && (c == '\t' || c == '\n')); });
}

std::optional<CharacterAt> find_not_in_id(std::string_view text) {
  return find_character(text, [](char32_t c) {
    return is_control_character(c) || is_invisible_character(c) ||
           (c != ' ' && c <= 0x10FFFF && utf8proc_category(static_cast<utf8proc_int32_t>(c)) == UTF8PROC_CATEGORY_ZS);
  });
}

std::string visible_text(std::string_view text, bool keep_bom) {
  return replace_hidden(text, keep_bom,
                        [](char32_t c) { return c >= 0x80 && (is_control_character(c) || is_invisible_character(c)); });
}

std::string one_line(std::string_view text) {
  return replace_hidden(text, false,
                        [](char32_t c) { return (is_control_character(c) && c != '\t') || is_invisible_character(c); });
}

bool is_valid_unit_id(std::string_view id) {
  if (id.empty() || !is_ascii_alnum(id.front()) || !is_ascii_alnum(id.back())) {
    return false;
  }
  return std::all_of(id.begin(), id.end(),
                     [](char c) { return is_ascii_alnum(c) || c == '-' || c == '_' || c == '.'; });
}

std::string suggest_unit_id(std::string_view name) {
  // Decompose and drop the marks (ở → o); đ and Đ have no decomposition.
  const std::string bare = mapped(name, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD);
  std::string id;
  bool separator = false;
  for (std::size_t i = 0; i < bare.size();) {
    utf8proc_int32_t code_point = 0;
    const utf8proc_ssize_t length = decode(std::string_view(bare).substr(i), code_point);
    i += length > 0 ? static_cast<std::size_t>(length) : 1;
    char c = 0;
    if (code_point == 0x111 || code_point == 0x110) {  // đ, Đ
      c = 'd';
    } else if (code_point < 0x80 && is_ascii_alnum(static_cast<char>(code_point))) {
      c = static_cast<char>(code_point >= 'A' && code_point <= 'Z' ? code_point - 'A' + 'a' : code_point);
    }
    if (c == 0) {
      separator = !id.empty();
      continue;
    }
    if (separator) {
      id += '-';
      separator = false;
    }
    id += c;
  }
  return id;
}

}  // namespace cchc
