#include "cchc/report/check.hpp"

#include <cstdio>
#include <optional>
#include <string_view>
#include <vector>

#include "cchc/report/json_writer.hpp"
#include "cchc/text.hpp"
#include "cchc/version.hpp"

namespace cchc::report {

namespace {

// "1 warning", "2 warnings" / "2 cảnh báo" (Vietnamese nouns do not inflect).
std::string count_of(int n, Lang lang, std::string_view vi, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(lang == Lang::vi ? vi : n == 1 ? one : many);
}

std::string errors_in_words(int n, Lang lang) {
  return count_of(n, lang, "lỗi", "error", "errors");
}

std::string warnings_in_words(int n, Lang lang) {
  return count_of(n, lang, "cảnh báo", "warning", "warnings");
}

int failed_gates(const CheckReport& report) {
  int failed = 0;
  for (const GateResult& gate : report.gates) {
    failed += gate.passed ? 0 : 1;
  }
  return failed;
}

// A gate's message with the unit it concerns in front, when there is one.
std::string gate_message(const GateResult& gate) {
  return gate.unit.empty() ? gate.message : gate.unit + ": " + gate.message;
}

const char* kind_name(InputKind kind) {
  switch (kind) {
    case InputKind::criteria:
      return "criteria";
    case InputKind::evidence:
      return "evidence";
    case InputKind::results:
      return "results";
  }
  return "";
}

// Text for an XML document: valid UTF-8, the five special characters
// escaped, the control characters XML 1.0 forbids (and U+FFFE, U+FFFF)
// dropped, DEL and C1 controls shown as U+FFFD. Tab, LF and CR are kept as
// character references, so that they survive in attribute values too.
std::string xml_escape(std::string_view raw) {
  const std::string text = valid_utf8(raw);
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      case '\t':
        out += "&#9;";
        break;
      case '\n':
        out += "&#10;";
        break;
      case '\r':
        out += "&#13;";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          break;
        }
        // DEL and the C1 controls (U+0080–U+009F) are allowed by XML 1.0 but
        // drive terminals and mean nothing in a report: shown as U+FFFD.
        if (c == '\x7F') {
          out += "\xEF\xBF\xBD";
          break;
        }
        if (c == '\xC2' && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
            static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
          out += "\xEF\xBF\xBD";
          ++i;
          break;
        }
        if (text.compare(i, 2, "\xEF\xBF") == 0 && i + 2 < text.size() &&
            (text[i + 2] == '\xBE' || text[i + 2] == '\xBF')) {
          i += 2;
          break;
        }
        out += c;
    }
  }
  return out;
}

// Lines of text content: each line escaped, joined by real line breaks.
std::string xml_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) {
      out += '\n';
    }
    out += xml_escape(lines[i]);
  }
  return out;
}

std::vector<std::string> diagnostics_of(const CheckedFile& file, Severity severity) {
  std::vector<std::string> lines;
  for (const Diagnostic& diagnostic : file.diagnostics) {
    if (diagnostic.severity == severity) {
      lines.push_back(format_diagnostic(diagnostic));
    }
  }
  return lines;
}

}  // namespace

std::string github_data(std::string_view raw) {
  // Invisible characters (a bidi override in a file name) are made visible
  // first; CR and LF are then escaped, never written.
  std::string text;
  for (std::size_t start = 0;;) {
    const std::size_t end = raw.find_first_of("\r\n", start);
    text += one_line(raw.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) {
      break;
    }
    text += raw[end];
    start = end + 1;
  }
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string github_property(std::string_view text) {
  std::string out;
  for (const char c : github_data(text)) {
    switch (c) {
      case ':':
        out += "%3A";
        break;
      case ',':
        out += "%2C";
        break;
      default:
        out += c;
    }
  }
  return out;
}

namespace {

// GitHub matches annotations to repository paths: `./2023/a.yaml` (from
// `cchc check .`) is written `2023/a.yaml`.
std::string github_path(std::string_view path) {
  while (path.size() > 2 && path.substr(0, 2) == "./") {
    path.remove_prefix(2);
    while (!path.empty() && path.front() == '/') {
      path.remove_prefix(1);
    }
  }
  return std::string(path);
}

}  // namespace

std::string check_summary(const CheckReport& report, Lang lang) {
  const int files = static_cast<int>(report.files.size());
  std::string out = lang == Lang::vi ? "Đã kiểm tra " + std::to_string(files) + " tệp: "
                                     : "Checked " + count_of(files, lang, "", "file", "files") + ": ";
  out += errors_in_words(report.error_count(), lang) + ", " + warnings_in_words(report.warning_count(), lang);
  if (!report.gates.empty()) {
    const int failed = failed_gates(report);
    out += failed > 0
               ? words(lang, "; ngưỡng: ", "; gates: ") + std::to_string(failed) + words(lang, " không đạt", " failed")
               : words(lang, "; ngưỡng: ", "; gates: ") + std::to_string(report.gates.size()) +
                     words(lang, " đạt", " passed");
  }
  return out;
}

std::string render_check_text(const CheckReport& report, const RenderOptions& options) {
  const Style& style = options.style;
  // `PATH:LINE:COL: ` exactly as format_diagnostic() writes it, then the
  // coloured severity word.
  const auto place_of = [](Diagnostic diagnostic) {
    const bool error = diagnostic.severity == Severity::error;
    diagnostic.message.clear();
    std::string place = format_diagnostic(diagnostic);
    place.erase(place.size() - (error ? std::string_view("error: ") : std::string_view("warning: ")).size());
    return place;
  };
  std::string out;
  for (const CheckedFile& file : report.files) {
    for (const Diagnostic& diagnostic : summarise_warnings(file.diagnostics, options.lang)) {
      const bool error = diagnostic.severity == Severity::error;
      out += place_of(diagnostic) + style.apply(error ? Tone::red : Tone::yellow, error ? "error" : "warning") + ": " +
             one_line(diagnostic.message) + "\n";
    }
  }
  for (const GateResult& gate : report.gates) {
    if (!gate.passed) {
      out += one_line(gate.path) + ": " + style.apply(Tone::red, "error") + ": " + one_line(gate_message(gate)) + "\n";
    }
  }
  out += check_summary(report, options.lang) + "\n";
  return out;
}

std::string render_check_json(const CheckReport& report) {
  JsonWriter json;
  json.begin_object();
  json.key("cchc");
  json.string("check/1");
  json.key("tool");
  json.begin_object();
  json.key("name");
  json.string("cchc");
  json.key("version");
  json.string(version());
  json.end_object();

  json.key("files");
  json.begin_array();
  for (const CheckedFile& file : report.files) {
    json.begin_object();
    json.key("path");
    json.string(file.path);
    json.key("kind");
    if (file.kind) {
      json.string(kind_name(*file.kind));
    } else {
      json.null();
    }
    json.key("valid");
    json.boolean(file.valid());
    json.key("unit");
    json.string_or_null(file.unit);
    json.key("criteria");
    json.string_or_null(file.criteria_id);
    json.key("index");
    if (file.index) {
      json.number(*file.index);
    } else {
      json.null();
    }
    json.key("diagnostics");
    json.begin_array();
    for (const Diagnostic& diagnostic : file.diagnostics) {
      json.begin_object();
      json.key("severity");
      json.string(diagnostic.severity == Severity::error ? "error" : "warning");
      json.key("path");
      json.string(diagnostic.file);
      json.key("line");
      json.position(diagnostic.line);
      json.key("column");
      json.position(diagnostic.column);
      json.key("code");
      json.string_or_null(diagnostic.code);
      json.key("message");
      json.string(diagnostic.message);
      json.end_object();
    }
    json.end_array();
    json.end_object();
  }
  json.end_array();

  json.key("gates");
  json.begin_array();
  for (const GateResult& gate : report.gates) {
    json.begin_object();
    json.key("gate");
    json.string(gate.gate);
    json.key("path");
    json.string(gate.path);
    json.key("unit");
    json.string_or_null(gate.unit);
    json.key("passed");
    json.boolean(gate.passed);
    json.key("message");
    json.string(gate.message);
    json.end_object();
  }
  json.end_array();

  json.key("notes");
  json.begin_array();
  for (const std::string& note : report.notes) {
    json.string(note);
  }
  json.end_array();

  json.key("summary");
  json.begin_object();
  json.key("files");
  json.integer(static_cast<long long>(report.files.size()));
  json.key("errors");
  json.integer(report.error_count());
  json.key("warnings");
  json.integer(report.warning_count());
  json.key("gates_failed");
  json.integer(failed_gates(report));
  json.end_object();
  json.key("exit");
  json.integer(report.exit_status());
  json.end_object();
  return json.take();
}

std::string render_check_junit(const CheckReport& report, Lang lang) {
  int failures = failed_gates(report);
  for (const CheckedFile& file : report.files) {
    failures += file.valid() ? 0 : 1;
  }
  const std::string counts = " tests=\"" + std::to_string(report.files.size() + report.gates.size()) +
                             "\" failures=\"" + std::to_string(failures) + "\" errors=\"0\"";
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<testsuites name=\"cchc check\"" + counts + ">\n";
  out += "  <testsuite name=\"cchc check\"" + counts + " skipped=\"0\">\n";
  const auto testcase = [&out](const std::string& classname, const std::string& path) {
    out += "    <testcase classname=\"" + xml_escape(classname) + "\" name=\"" + xml_escape(path) + "\" file=\"" +
           xml_escape(path) + "\">\n";
  };
  const auto system_out = [&out](const std::vector<std::string>& lines, const char* indent) {
    if (!lines.empty()) {
      out += std::string(indent) + "<system-out>" + xml_lines(lines) + "</system-out>\n";
    }
  };

  for (const CheckedFile& file : report.files) {
    testcase("cchc.files", file.path);
    if (!file.valid()) {
      out += "      <failure message=\"" + xml_escape(errors_in_words(file.error_count(), lang)) +
             "\" type=\"error\">" + xml_lines(diagnostics_of(file, Severity::error)) + "</failure>\n";
    }
    system_out(diagnostics_of(file, Severity::warning), "      ");
    out += "    </testcase>\n";
  }
  for (const GateResult& gate : report.gates) {
    testcase("cchc.gates." + gate.gate, gate.path);
    if (gate.passed) {
      system_out({gate_message(gate)}, "      ");
    } else {
      std::vector<std::string> details{gate_message(gate)};
      if (gate.gate == "strict") {
        // Which warnings: those of the file the gate concerns.
        for (const CheckedFile& file : report.files) {
          if (file.path == gate.path) {
            const std::vector<std::string> warnings = diagnostics_of(file, Severity::warning);
            details.insert(details.end(), warnings.begin(), warnings.end());
          }
        }
      }
      out += "      <failure message=\"" + xml_escape(gate_message(gate)) + "\" type=\"" + xml_escape(gate.gate) +
             "\">" + xml_lines(details) + "</failure>\n";
    }
    out += "    </testcase>\n";
  }
  std::vector<std::string> notes;
  for (const std::string& note : report.notes) {
    notes.push_back("note: " + note);
  }
  system_out(notes, "    ");
  out += "  </testsuite>\n";
  out += "</testsuites>\n";
  return out;
}

std::string render_check_github(const CheckReport& report, Lang lang) {
  std::string out;
  for (const std::string& note : report.notes) {
    out += "::notice::" + github_data(note) + "\n";
  }
  for (const CheckedFile& file : report.files) {
    for (const Diagnostic& diagnostic : summarise_warnings(file.diagnostics, lang)) {
      out += diagnostic.severity == Severity::error ? "::error" : "::warning";
      out += " file=" + github_property(github_path(diagnostic.file));
      if (diagnostic.line > 0) {
        out += ",line=" + std::to_string(diagnostic.line);
        if (diagnostic.column > 0) {
          out += ",col=" + std::to_string(diagnostic.column);
        }
      }
      out += ",title=cchc::" + github_data(diagnostic.message) + "\n";
    }
  }
  for (const GateResult& gate : report.gates) {
    if (!gate.passed) {
      out += "::error file=" + github_property(github_path(gate.path)) +
             ",title=" + github_property("cchc gate " + gate.gate) + "::" + github_data(gate_message(gate)) + "\n";
    }
  }
  out += check_summary(report, lang) + "\n";
  return out;
}

}  // namespace cchc::report
