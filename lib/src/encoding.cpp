#include "encoding.hpp"

#include <optional>

#include "cchc/text.hpp"
#include "localized.hpp"

namespace cchc::detail {

bool check_encoding(std::string_view text, const PositionMap& positions, DiagnosticSink& sink, Lang lang) {
  const auto byte = [&](std::size_t i) { return i < text.size() ? static_cast<unsigned char>(text[i]) : 0x100U; };
  const bool utf16_bom = (byte(0) == 0xFF && byte(1) == 0xFE) || (byte(0) == 0xFE && byte(1) == 0xFF);
  // Without a BOM, ASCII text in UTF-16 has a zero byte beside every character.
  const bool utf16_text = text.size() >= 4 && ((byte(0) != 0 && byte(1) == 0 && byte(2) != 0 && byte(3) == 0) ||
                                               (byte(0) == 0 && byte(1) != 0 && byte(2) == 0 && byte(3) != 0));
  if (utf16_bom || utf16_text) {
    sink.error(1, 1,
               std::string(tr(lang, "tệp được lưu bằng bảng mã UTF-16: hãy lưu lại bằng UTF-8",
                              "the file is encoded as UTF-16: save it as UTF-8")),
               "encoding");
    return false;
  }
  constexpr int k_max_reports = 10;
  int reports = 0;
  std::size_t offset = 0;
  while (offset < text.size() && reports < k_max_reports) {
    const std::optional<std::size_t> bad = find_invalid_utf8(text.substr(offset));
    // Control characters before the next invalid byte.
    const std::size_t end = bad ? offset + *bad : text.size();
    for (std::size_t i = offset; i < end && reports < k_max_reports; ++i) {
      auto c = static_cast<unsigned>(static_cast<unsigned char>(text[i]));
      // C1 controls (U+0080..U+009F) are 0xC2 0x80..0x9F in UTF-8.
      const bool c1 = c == 0xC2 && i + 1 < end && (static_cast<unsigned char>(text[i + 1]) & 0xE0U) == 0x80U;
      if (c1) {
        c = static_cast<unsigned char>(text[i + 1]);
      }
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F || c1) {
        const SourcePos pos = positions.at(i);
        sink.error(pos.line, pos.column,
                   say(lang,
                       "ký tự điều khiển U+{:04X} không được phép (có phải "
                       "tệp nhị phân?)",
                       "control character U+{:04X} is not allowed (is this a "
                       "binary file?)",
                       c),
                   "encoding");
        ++reports;
      }
    }
    if (!bad) {
      break;
    }
    if (reports < k_max_reports) {
      const SourcePos pos = positions.at(end);
      sink.error(pos.line, pos.column,
                 say(lang,
                     "không phải UTF-8 hợp lệ (byte 0x{:02X}): hãy lưu tệp "
                     "bằng bảng mã UTF-8",
                     "invalid UTF-8 (byte 0x{:02X}): save the file as UTF-8", static_cast<unsigned char>(text[end])),
                 "encoding");
      ++reports;
    }
    offset = end + 1;
    // Skip the rest of a broken sequence so that it is reported once.
    while (offset < text.size() && (static_cast<unsigned char>(text[offset]) & 0xC0U) == 0x80U) {
      ++offset;
    }
  }
  return reports == 0;
}

}  // namespace cchc::detail
