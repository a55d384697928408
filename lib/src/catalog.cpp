#include "cchc/catalog.hpp"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "builtin_criteria.hpp"
#include "localized.hpp"
#include "reader.hpp"

namespace cchc {

namespace {

constexpr std::string_view k_builtin_prefix = "<built-in>/";

std::vector<std::string> split_path(const std::string& search_path) {
  std::vector<std::string> folders;
  std::size_t start = 0;
  while (start <= search_path.size()) {
    const std::size_t end = std::min(search_path.find(':', start), search_path.size());
    if (end > start) {
      folders.push_back(search_path.substr(start, end - start));
    }
    start = end + 1;
  }
  return folders;
}

// The .yaml and .yml files of a folder, sorted; an unreadable folder has none.
std::vector<std::string> yaml_files(const std::string& folder) {
  std::vector<std::string> files;
  std::error_code error;
  for (std::filesystem::directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
    const std::filesystem::path& path = it->path();
    if ((path.extension() == ".yaml" || path.extension() == ".yml") && it->is_regular_file(error)) {
      files.push_back(path.string());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

bool is_existing_file(const std::string& ref) {
  std::error_code error;
  return std::filesystem::is_regular_file(ref, error);
}

}  // namespace

CriteriaCatalog::CriteriaCatalog(std::string search_path, Lang lang)
    : m_search_path(std::move(search_path)), m_lang(lang) {}

std::vector<CriteriaEntry> CriteriaCatalog::list() const {
  std::vector<CriteriaEntry> entries;
  const auto add = [&](const InputFile& file, std::string origin) {
    if (file.kind() != "criteria/1") {
      return;
    }
    CriteriaEntry entry;
    entry.id = file.top_scalar("id");
    entry.title = file.top_scalar("title");
    const std::optional<Decimal> year = Decimal::parse(file.top_scalar("year"));
    entry.year = year && year->is_integer() ? static_cast<int>(year->to_int()) : 0;
    entry.origin = std::move(origin);
    entries.push_back(std::move(entry));
  };
  for (const detail::BuiltinFile& builtin : detail::builtin_criteria_files()) {
    add(InputFile::parse(builtin.text, std::string(k_builtin_prefix) + std::string(builtin.name), m_lang), "built-in");
  }
  for (const std::string& folder : split_path(m_search_path)) {
    for (const std::string& path : yaml_files(folder)) {
      try {
        add(InputFile::read(path, m_lang), path);
      } catch (const InputError&) {
        // Not a readable criteria file: `load` reports it when it is asked for.
      }
    }
  }
  return entries;
}

InputFile CriteriaCatalog::find(const std::string& ref) const {
  if (is_existing_file(ref)) {
    return InputFile::read(ref, m_lang);
  }
  return find_id(ref);
}

InputFile CriteriaCatalog::find_id(const std::string& ref) const {
  for (const detail::BuiltinFile& builtin : detail::builtin_criteria_files()) {
    InputFile file = InputFile::parse(builtin.text, std::string(k_builtin_prefix) + std::string(builtin.name), m_lang);
    if (file.top_scalar("id") == ref) {
      return file;
    }
  }
  std::vector<std::string> unreadable;
  for (const std::string& folder : split_path(m_search_path)) {
    for (const std::string& path : yaml_files(folder)) {
      try {
        InputFile file = InputFile::read(path, m_lang);
        if (file.kind() == "criteria/1" && file.top_scalar("id") == ref) {
          return file;
        }
      } catch (const InputError&) {
        unreadable.push_back(path);
      }
    }
  }
  std::vector<std::string> known;
  for (const CriteriaEntry& entry : list()) {
    known.push_back(entry.id);
  }
  std::string message = detail::say(m_lang, "không tìm thấy bộ tiêu chí \"{}\"", "unknown criteria \"{}\"", ref);
  if (const auto suggestion = detail::did_you_mean(ref, known)) {
    message += detail::say(m_lang, "; có phải là \"{}\"?", "; did you mean \"{}\"?", *suggestion);
  }
  std::string list_text;
  for (const std::string& id : known) {
    list_text += (list_text.empty() ? "" : ", ") + id;
  }
  message += detail::say(m_lang,
                         " (các bộ đã biết: {}; thêm thư mục bằng CCHC_CRITERIA_PATH hoặc chỉ "
                         "đường dẫn tệp với -c)",
                         " (known: {}; add folders with CCHC_CRITERIA_PATH or give a file path "
                         "with -c)",
                         list_text.empty() ? "—" : list_text);
  if (!unreadable.empty()) {
    message += detail::say(m_lang, "; không đọc được: {}", "; could not read: {}", fmt::join(unreadable, ", "));
  }
  Diagnostic diagnostic;
  diagnostic.file = "cchc";
  diagnostic.message = std::move(message);
  diagnostic.code = "unknown_criteria";
  throw InputError({diagnostic});
}

Criteria CriteriaCatalog::load(const std::string& ref) const {
  return load_criteria(find(ref), m_lang);
}

Criteria CriteriaCatalog::load(const std::string& ref, const std::string& cited_in, SourcePos pos) const {
  if (cited_in.empty()) {
    return load(ref);
  }
  try {
    // By id only: a file's `criteria:` never names a path (SPEC §4), so that
    // a file proposed in a pull request cannot make cchc read, and quote,
    // another file of the machine.
    return load_criteria(find_id(ref), m_lang);
  } catch (const InputError& error) {
    if (error.diagnostics().size() != 1 || error.diagnostics().front().code != "unknown_criteria") {
      throw;
    }
    Diagnostic diagnostic = error.diagnostics().front();
    diagnostic.file = cited_in;
    diagnostic.line = pos.line;
    diagnostic.column = pos.column;
    throw InputError({diagnostic});
  }
}

}  // namespace cchc
