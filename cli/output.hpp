#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cchc/lang.hpp"

namespace cchc::cli {

// The output formats of `-f` (each command offers those it can write).
enum class Format { text, json, csv, md, xlsx, html };

// Writes a command's whole output, built in memory beforehand: to stdout when
// `path` is empty, otherwise to the file `path` (SPEC §4 `-o`).
// - A path that is the same file as one of `inputs` (by any name: symlinks,
//   hard links, ./x) is refused.
// - An existing path that is not a regular file (/dev/null, /dev/stdout, a
//   fifo) is written directly.
// - Otherwise the text goes to a temporary file in the same folder, which is
//   flushed to disk and renamed over `path`, so a failed run leaves no
//   partial file; a symlink is followed and the file it points to replaced.
// Throws std::runtime_error with a message for people (nothing is left behind).
void write_output(std::string_view text, const std::string& path, const std::vector<std::string>& inputs, Lang lang);

}  // namespace cchc::cli
