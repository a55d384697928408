#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cchc/diagnostic.hpp"
#include "cchc/lang.hpp"
#include "cmd_check.hpp"
#include "cmd_checklist.hpp"
#include "cmd_criteria.hpp"
#include "cmd_diff.hpp"
#include "cmd_init.hpp"
#include "cmd_plan.hpp"
#include "cmd_rank.hpp"
#include "cmd_score.hpp"
#include "global_options.hpp"

namespace cchc::cli {

// Exit statuses (SPEC §4).
inline constexpr int k_exit_ok = 0;
inline constexpr int k_exit_gate_failed = 1;
inline constexpr int k_exit_invalid = 2;

enum class CommandName { none, score, rank, checklist, plan, diff, check, criteria_list, criteria_show, init };

// Everything the command line says, as plain data.
struct Options {
  GlobalOptions global;
  CommandName command = CommandName::none;
  ScoreArgs score;
  RankArgs rank;
  ChecklistArgs checklist;
  PlanArgs plan;
  DiffArgs diff;
  CheckArgs check;
  CriteriaShowArgs criteria_show;
  InitArgs init;
};

// The language of --help: Vietnamese unless the arguments say `--lang en`.
// Help is printed while parsing, before the parsed options exist.
Lang help_language(int argc, const char* const* argv);

// Declares the whole command line on `app`, with help texts in `lang`;
// parsing fills `options`.
void define_command_line(CLI::App& app, Options& options, Lang lang);

// Runs the command chosen on the command line; returns the exit status.
// Throws InputError for invalid input and std::exception for other failures.
int run(const Options& options);

// Prints a command-line error the way CLI11 reports it and returns the exit
// status: 0 for --help and --version, k_exit_invalid for usage errors.
int exit_for_parse_error(const CLI::App& app, const CLI::ParseError& error);

// Prints diagnostics to stderr, one `PATH:LINE:COL: error: MESSAGE` a line,
// with the warnings of one code beyond ten in a file summarised
// (summarise_warnings), and counts the errors and warnings printed.
void print_diagnostics(const std::vector<Diagnostic>& diagnostics, Lang lang);

// After a run that printed errors: "cchc: 28 lỗi, 3 cảnh báo" (SPEC §5.1),
// so that the count is the last line even when the first scrolled away.
// Prints nothing when no error was printed.
void print_error_count(Lang lang);

// Prints lines that are already worded ("note: ...", "warning: ...") to stderr.
void print_notes(const std::vector<std::string>& lines);

// Prints notices to stderr, one "note: ..." or "cchc: warning: ..." a line.
void print_notices(const std::vector<Notice>& notices);

}  // namespace cchc::cli
