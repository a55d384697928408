#include <cstdio>
#include <exception>

#include <CLI/CLI.hpp>

#include "app.hpp"
#include "cchc/diagnostic.hpp"

int main(int argc, char** argv) {
  cchc::cli::Options options;
  CLI::App app;
  cchc::cli::define_command_line(app, options, cchc::cli::help_language(argc, argv));
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return cchc::cli::exit_for_parse_error(app, error);
  }
  const cchc::Lang lang = options.global.lang;
  try {
    const int status = cchc::cli::run(options);
    cchc::cli::print_error_count(lang);
    return status;
  } catch (const cchc::InputError& error) {
    cchc::cli::print_diagnostics(error.diagnostics(), lang);
    cchc::cli::print_error_count(lang);
    return cchc::cli::k_exit_invalid;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "cchc: error: %s\n", error.what());
    return cchc::cli::k_exit_invalid;
  }
}
