#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cchc/diagnostic.hpp"
#include "cchc/lang.hpp"

namespace cchc {

// What an input file holds, from its `cchc:` tag (a `.csv` file: a results
// table).
enum class InputKind { criteria, evidence, results };

// One file to read, and whether the user named it or it was found in a
// folder (a file found in a folder that is not of the kind wanted is skipped
// with a note; a named one is an error).
struct FoundFile {
  std::string path;
  bool named = true;
};

// The files behind a command's path arguments.
struct Discovery {
  std::vector<FoundFile> files;    // in the order given; a folder's files sorted by path
  std::vector<Diagnostic> errors;  // entries of the folders that could not be taken
};

// The one rule every command uses to find its input files (SPEC §4):
// a named file is taken as it is (a symlink named on the command line is
// followed: that is the user's choice); a folder is searched recursively
// for files whose extension is .yaml, .yml or .csv in any case (.YAML,
// .Csv); entries whose name starts with '.' (hidden files, .git) are left
// out. In a folder, these are errors (docs/formats.md, "Folders"), never
// silent skips: a subfolder that cannot be read; a symbolic link to a folder
// or with an evidence extension (links are never followed in a folder, so a
// folder proposed in a pull request cannot lead out of itself); a FIFO,
// socket or device with an evidence extension. A file reached twice (named
// twice, or named and found in a folder, by any spelling of its path) is
// taken once.
Discovery discover_inputs(const std::vector<std::string>& paths, Lang lang);

// Whether a path's extension is .yaml or .yml, or .csv, in any case.
bool has_yaml_extension(std::string_view path);
bool has_csv_extension(std::string_view path);

// The value of the `cchc:` tag when a line of `text` starts with it, the way
// every cchc file writes it; "" otherwise. Tells what a file is without
// parsing it (a YAML file with the tag elsewhere is parsed to be sure).
std::string sniff_tag(std::string_view text);

// The kind a tag names ("evidence/1" → evidence), nullopt for anything else.
std::optional<InputKind> kind_of_tag(std::string_view tag);

}  // namespace cchc
