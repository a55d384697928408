#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "cchc/diagnostic.hpp"
#include "cchc/lang.hpp"

namespace cchc {

namespace detail {
struct YamlDocument;
}

// The largest input file cchc reads (SPEC §1).
inline constexpr std::size_t k_max_file_size = std::size_t{16} * 1024 * 1024;
// The deepest nesting of maps and lists accepted (SPEC §1).
inline constexpr int k_max_depth = 64;
// The most values (scalars, lists and maps, keys included) one YAML file may
// hold: each costs about 120 bytes and a microsecond to read, so 16 MiB of
// `[0,0,0,...` would take a gigabyte and ten seconds. A results table of
// 10,000 units holds about 160,000 (a bigger one is read as CSV).
inline constexpr std::size_t k_max_nodes = 250'000;

// One YAML input file, read and checked for hygiene (SPEC §1: UTF-8, one
// document, no anchors, aliases, duplicate keys or tags, depth, size) and
// normalised to NFC, but not yet interpreted. Cheap to copy.
class InputFile {
 public:
  // Whether sha256() is computed: a batch that never reports it skips the
  // hashing (3% of the time of scoring a file).
  enum class Checksum { sha256, none };

  // Parses `text` read from `path`. Throws InputError on any hygiene problem.
  static InputFile parse(std::string_view text, std::string path, Lang lang, Checksum checksum = Checksum::sha256);
  // Reads and parses a file. Throws InputError when it cannot be read.
  static InputFile read(const std::string& path, Lang lang, Checksum checksum = Checksum::sha256);

  const std::string& path() const;
  const std::string& sha256() const;  // of the file's bytes as read; "" with Checksum::none
  // The format tag, e.g. "evidence/1"; empty when the file has none.
  const std::string& kind() const;
  // The value of the top-level key `key` when it is a scalar, else "".
  std::string top_scalar(std::string_view key) const;
  // Where the top-level key `key` is written, or the file's start.
  SourcePos top_position(std::string_view key) const;

  const detail::YamlDocument& document() const { return *m_document; }

 private:
  std::shared_ptr<const detail::YamlDocument> m_document;
};

// Reads a whole file into memory, refusing directories, unreadable files and
// files over k_max_file_size. Throws InputError.
std::string read_input_bytes(const std::string& path, Lang lang);

}  // namespace cchc
