#pragma once

// A workbook as Excel reads it: a zip whose every XML part is well-formed
// (issue 18: a NUL, U+FFFE or a forbidden control character in a cell made
// Excel refuse the file). Read with libzip from memory, parsed with expat.

#include <expat.h>
#include <zip.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "fuzz_support.hpp"

namespace cchc::fuzz {

inline void check_xlsx(const std::string& bytes, std::string_view what) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  require(source != nullptr, what, "the workbook cannot be opened as a buffer");
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  if (archive == nullptr) {
    zip_source_free(source);
    fail(what, "the workbook is not a zip");
  }
  const zip_int64_t entries = zip_get_num_entries(archive, 0);
  for (zip_int64_t i = 0; i < entries; ++i) {
    const std::string name = zip_get_name(archive, static_cast<zip_uint64_t>(i), 0);
    if (name.size() < 4 || (name.compare(name.size() - 4, 4, ".xml") != 0 && name.find(".rels") == std::string::npos)) {
      continue;
    }
    zip_stat_t stat;
    require(zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &stat) == 0, what, name);
    std::string text(static_cast<std::size_t>(stat.size), '\0');
    zip_file_t* file = zip_fopen_index(archive, static_cast<zip_uint64_t>(i), 0);
    require(file != nullptr, what, name);
    const zip_int64_t read = zip_fread(file, text.data(), stat.size);
    zip_fclose(file);
    require(read == static_cast<zip_int64_t>(stat.size), what, name);
    XML_Parser parser = XML_ParserCreate(nullptr);
    const bool ok = XML_Parse(parser, text.data(), static_cast<int>(text.size()), 1) == XML_STATUS_OK;
    XML_ParserFree(parser);
    if (!ok) {
      zip_close(archive);
      fail(what, "a part of the workbook is not well-formed XML: " + name);
    }
  }
  zip_close(archive);
}

}  // namespace cchc::fuzz
