#include "cchc/inputs.hpp"

#include <algorithm>
#include <filesystem>
#include <set>

#include "localized.hpp"

namespace cchc {

namespace fs = std::filesystem;

namespace {

// The extension of a path's file name in ASCII lower case, with its dot.
std::string lower_extension(std::string_view path) {
  std::string extension = fs::path(path).extension().string();
  for (char& c : extension) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return extension;
}

bool is_hidden(const fs::path& path) {
  const std::string name = path.filename().string();
  return !name.empty() && name[0] == '.';
}

// The same file by any spelling of its path.
std::string identity(const std::string& path) {
  std::error_code error;
  fs::path key = fs::weakly_canonical(path, error);
  if (error) {
    key = fs::absolute(path, error).lexically_normal();
  }
  return error ? path : key.string();
}

}  // namespace

bool has_yaml_extension(std::string_view path) {
  const std::string extension = lower_extension(path);
  return extension == ".yaml" || extension == ".yml";
}

bool has_csv_extension(std::string_view path) {
  return lower_extension(path) == ".csv";
}

Discovery discover_inputs(const std::vector<std::string>& paths, Lang lang) {
  Discovery out;
  // A file named on the command line is taken where it is named, even when
  // a folder named before it holds it too.
  std::set<std::string> named_files;
  for (const std::string& path : paths) {
    std::error_code error;
    if (!fs::is_directory(path, error)) {
      named_files.insert(identity(path));
    }
  }
  std::set<std::string> seen;
  const auto add = [&](const std::string& path, bool named) {
    const std::string key = identity(path);
    if (!named && named_files.count(key) != 0) {
      return;
    }
    if (seen.insert(key).second) {
      out.files.push_back({path, named});
    }
  };
  for (const std::string& path : paths) {
    std::error_code error;
    if (!fs::is_directory(path, error)) {
      add(path, true);
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, error);
    for (const fs::recursive_directory_iterator end; !error && it != end; it.increment(error)) {
      if (is_hidden(it->path())) {
        if (it->is_directory(error)) {
          it.disable_recursion_pending();
        }
        continue;
      }
      const std::string name = it->path().string();
      if (it->is_regular_file(error) && (has_yaml_extension(name) || has_csv_extension(name))) {
        found.push_back(name);
      }
    }
    if (error) {
      out.errors.push_back(
          Diagnostic{Severity::error,
                     path,
                     0,
                     0,
                     detail::say(lang, "không đọc được thư mục: {}", "cannot read the folder: {}", error.message()),
                     "unreadable_folder",
                     {}});
      continue;
    }
    std::sort(found.begin(), found.end());
    for (const std::string& file : found) {
      add(file, false);
    }
  }
  return out;
}

std::string sniff_tag(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") {
    text.remove_prefix(3);
  }
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    if (line.substr(0, 5) != "cchc:" || (line.size() > 5 && line[5] != ' ' && line[5] != '\t' && line[5] != '\r')) {
      continue;
    }
    line.remove_prefix(5);
    const std::size_t comment = line.find(" #");
    if (comment != std::string_view::npos) {
      line = line.substr(0, comment);
    }
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) {
      line.remove_prefix(1);
    }
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) {
      line.remove_suffix(1);
    }
    if (line.size() >= 2 && (line.front() == '"' || line.front() == '\'') && line.back() == line.front()) {
      line = line.substr(1, line.size() - 2);
    }
    return std::string(line);
  }
  return {};
}

std::optional<InputKind> kind_of_tag(std::string_view tag) {
  if (tag == "criteria/1") {
    return InputKind::criteria;
  }
  if (tag == "evidence/1") {
    return InputKind::evidence;
  }
  if (tag == "results/1") {
    return InputKind::results;
  }
  return std::nullopt;
}

}  // namespace cchc
