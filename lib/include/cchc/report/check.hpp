#pragma once

#include <string>
#include <string_view>

#include "cchc/check.hpp"
#include "cchc/report/report.hpp"

namespace cchc::report {

// "Đã kiểm tra 7 tệp: 2 lỗi, 1 cảnh báo; ngưỡng: 1 không đạt" / "Checked 7
// files: 2 errors, 1 warning; gates: 1 failed" ("ngưỡng: 3 đạt" / "gates: 3
// passed" when none failed); nothing about gates when there were none.
std::string check_summary(const CheckReport& report, Lang lang);

// `cchc check`, for people and editors: every diagnostic as
// `PATH:LINE:COL: error|warning: MESSAGE` in file order, then each failed gate
// as `PATH: error: UNIT: MESSAGE`, then the summary line. With colour, the
// words error (red) and warning (yellow) are coloured. The warnings of one
// code beyond ten in a file are summarised (summarise_warnings); the summary
// line counts them all.
std::string render_check_text(const CheckReport& report, const RenderOptions& options);

// `cchc check -f json`: {"cchc": "check/1", "tool", "files", "gates",
// "notes", "summary", "exit"}; every diagnostic (none summarised), every key present, null for an absent value,
// numbers exact.
std::string render_check_json(const CheckReport& report);

// `cchc check -f junit`: a JUnit XML document with one suite "cchc check",
// one test case per file (classname cchc.files: a failure lists its errors,
// its warnings go to system-out) and one per gate (classname
// cchc.gates.GATE: a failure when it failed). Text is escaped, characters
// XML 1.0 forbids are dropped and invalid UTF-8 becomes U+FFFD.
std::string render_check_junit(const CheckReport& report, Lang lang);

// `cchc check -f github`: GitHub Actions workflow commands, one a line
// (`::error file=…,line=…,col=…,title=cchc::MESSAGE`, `::warning …`, a failed
// gate as `::error file=…,title=cchc gate GATE::MESSAGE`, notes as
// `::notice::…`), escaped by GitHub's rules, then the summary as a plain line.
// Warnings are summarised as in the text format (GitHub shows only the first
// annotations of a step anyway).
std::string render_check_github(const CheckReport& report, Lang lang);

// A workflow command's data (the message after `::`), escaped by GitHub's
// rules: `%` → `%25`, CR → `%0D`, LF → `%0A`; invalid UTF-8, the other
// control characters but TAB and invisible characters (bidi controls) first
// become U+FFFD.
std::string github_data(std::string_view text);
// A workflow command's property value (`file=`, `title=`): as github_data,
// and `:` → `%3A`, `,` → `%2C`.
std::string github_property(std::string_view text);

}  // namespace cchc::report
