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

}  // namespace cchc
