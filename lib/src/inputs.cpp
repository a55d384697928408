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

namespace {

// A folder's evidence-like files (.yaml, .yml, .csv), found recursively;
// every entry that cannot be taken safely is an error rather than a silent
// skip: an unreadable folder, a symbolic link (never followed: a folder in
// a pull request must not lead cchc out of itself, to /etc/shadow), a FIFO
// or device with an evidence extension (reading it could block or quote
// what it is not).
class FolderWalk {
 public:
  FolderWalk(Lang lang, std::vector<Diagnostic>& errors) : m_lang(lang), m_errors(errors) {}

  void walk(const fs::path& folder, std::vector<std::string>& found) {
    std::error_code error;
    fs::directory_iterator it(folder, error);
    if (error) {
      fail(folder,
           detail::say(m_lang, "không đọc được thư mục: {}", "cannot read the folder: {}",
                       system_error_text(error.value(), m_lang)),
           "unreadable_folder");
      return;
    }
    std::vector<fs::directory_entry> entries;
    for (const fs::directory_iterator end; it != end; it.increment(error)) {
      entries.push_back(*it);
    }
    if (error) {
      fail(folder,
           detail::say(m_lang, "không đọc hết được thư mục: {}", "cannot read the whole folder: {}",
                       system_error_text(error.value(), m_lang)),
           "unreadable_folder");
    }
    std::sort(entries.begin(), entries.end());
    for (const fs::directory_entry& entry : entries) {
      take(entry, found);
    }
  }

 private:
  void take(const fs::directory_entry& entry, std::vector<std::string>& found) {
    const fs::path& path = entry.path();
    if (is_hidden(path)) {
      return;
    }
    const std::string name = path.string();
    const bool evidence_like = has_yaml_extension(name) || has_csv_extension(name);
    std::error_code error;
    const fs::file_status status = entry.symlink_status(error);
    if (error) {
      fail(path,
           detail::say(m_lang, "không đọc được: {}", "cannot read it: {}", system_error_text(error.value(), m_lang)),
           "unreadable_file");
      return;
    }
    if (fs::is_symlink(status)) {
      const bool to_folder = fs::is_directory(fs::status(path, error));
      if (evidence_like || to_folder) {
        fail(path,
             detail::say(m_lang,
                         "là liên kết tượng trưng: cchc không theo liên kết khi duyệt thư mục (hãy chép tệp vào thư "
                         "mục, hoặc ghi tên tệp trên dòng lệnh)",
                         "is a symbolic link: cchc does not follow links while walking a folder (copy the file into "
                         "the folder, or name it on the command line)"),
             "symlink");
      }
      return;
    }
    if (fs::is_directory(status)) {
      walk(path, found);
      return;
    }
    if (!evidence_like) {
      return;
    }
    if (!fs::is_regular_file(status)) {
      fail(path,
           detail::say(m_lang, "không phải tệp thường (FIFO, socket hay thiết bị): không đọc",
                       "not a regular file (a FIFO, socket or device): not read"),
           "not_regular_file");
      return;
    }
    found.push_back(name);
  }

  void fail(const fs::path& path, std::string message, std::string code) {
    m_errors.push_back(Diagnostic{Severity::error, path.string(), 0, 0, std::move(message), std::move(code), {}});
  }

  Lang m_lang;
  std::vector<Diagnostic>& m_errors;
};

}  // namespace

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
  FolderWalk walker(lang, out.errors);
  for (const std::string& path : paths) {
    std::error_code error;
    if (!fs::is_directory(path, error)) {
      add(path, true);
      continue;
    }
    std::vector<std::string> found;
    walker.walk(path, found);
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
