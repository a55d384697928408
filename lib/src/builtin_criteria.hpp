#pragma once

#include <span>
#include <string_view>

namespace cchc::detail {

// A criteria file compiled into the binary (see cmake/embed_criteria.cmake).
struct BuiltinFile {
  std::string_view name;  // file name, e.g. "mau-so-2021.yaml"
  std::string_view text;
};

std::span<const BuiltinFile> builtin_criteria_files();

}  // namespace cchc::detail
