#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cchc/lang.hpp"

namespace cchc::cli {

// The output formats of `-f` (each command offers those it can write).
enum class Format { text, json, csv, md, xlsx, html };

// Writes a command's whole output, built in memory beforehand: to stdout when
// `path` is empty, otherwise to the file `path` (SPEC §4 `-o`, docs/limits.md §2).
// - A path that is the same file as one of `inputs` (by any name: symlinks,
//   hard links, ./x, dir/../x) is refused.
// - A path that names a descriptor of the run (/dev/stdout, /dev/fd/N,
//   /proc/self/fd/N, or a symlink to one) is written through that descriptor,
//   where it stands: after `>> FILE` the text is appended, as without -o.
// - An existing file that is not a regular file (/dev/null, a named pipe) is
//   written in place.
// - Otherwise symlinks are followed to the file they name (created if
//   missing), and the text goes to a file without a name (O_TMPFILE) in its
//   folder, flushed to disk, then linked as the new file or renamed over the
//   old one under a short temporary name (".cchc-" and 8 letters). Where
//   O_TMPFILE is not supported, a file of such a name is written instead.
//   A failed or killed run leaves no partial file: the unnamed file vanishes
//   with the process, and a named one is removed on failure and on SIGINT,
//   SIGTERM and SIGHUP.
// Throws std::runtime_error "không ghi được PATH: ..." / "cannot write PATH:
// ..." (nothing is written, nothing left behind).
void write_output(std::string_view text, const std::string& path, const std::vector<std::string>& inputs, Lang lang);

}  // namespace cchc::cli
