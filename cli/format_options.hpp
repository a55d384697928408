#pragma once

#include <string>

#include <CLI/CLI.hpp>

#include "cchc/lang.hpp"
#include "output.hpp"

namespace cchc::cli {

// Declares `-f text|json|md` (text by default) and `-o FILE`, as the commands
// that write one report in those formats (plan, diff) take them.
void add_format_options(CLI::App* command, Format& format, std::string& output, Lang lang);

}  // namespace cchc::cli
