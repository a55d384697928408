#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "cchc/input_file.hpp"
#include "encoding.hpp"
#include "test_support.hpp"

using cchc::InputFile;
using cchc::Lang;
using cchc::test::diagnostics_of;

namespace {

std::string errors(const std::string& text, Lang lang = Lang::en) {
  return diagnostics_of([&] { InputFile::parse(text, "f.yaml", lang); });
}

}  // namespace

TEST_CASE("a clean file parses and exposes its tag") {
  const InputFile file = InputFile::parse("cchc: evidence/1\ncriteria: x\n", "f.yaml", Lang::en);
  CHECK(file.kind() == "evidence/1");
  CHECK(file.top_scalar("criteria") == "x");
  CHECK(file.top_position("criteria").line == 2);
  CHECK(file.top_position("criteria").column == 11);
  CHECK(file.sha256().size() == 64);
}

TEST_CASE("duplicate keys are refused at the second occurrence") {
  CHECK(errors("a: 1\nb: 2\na: 3\n") == "f.yaml:3:1: error: duplicate key \"a\" (first at line 1)\n");
}

TEST_CASE("keys written with decomposed diacritics are duplicates of precomposed ones") {
  // "tiêu" precomposed, then with U+0302 U+0301 style decomposition.
  const std::string text = "ti\xC3\xAAu: 1\ntie\xCC\x82u: 2\n";
  CHECK(errors(text) == "f.yaml:2:1: error: duplicate key \"ti\xC3\xAAu\" (first at line 1)\n");
}

TEST_CASE("a second document is refused where it starts") {
  CHECK(errors("a: 1\n---\nb: 2\n") ==
        "f.yaml:2:1: error: a file must hold one YAML document, but a second one starts here\n");
}

TEST_CASE("anchors and aliases are refused") {
  const std::string out = errors("a: &x [1, 2]\nb: *x\n");
  CHECK(out ==
        "f.yaml:1:4: error: anchors (&x) are not allowed: write the content out in full where it is used\n"
        "f.yaml:2:4: error: aliases (*x) are not allowed: write the content out in full here\n");
}

TEST_CASE("a self-referencing alias is refused without hanging") {
  const std::string out = errors("a: &a [*a]\n");
  CHECK(out.find("anchors (&a) are not allowed") != std::string::npos);
  CHECK(out.find("aliases (*a) are not allowed") != std::string::npos);
}

TEST_CASE("YAML tags are refused") {
  CHECK(errors("a: !!str 5\n") ==
        "f.yaml:1:4: error: YAML tags (!!str) are not allowed: remove the tag, quote the value if it is text\n");
}

TEST_CASE("invalid UTF-8 is refused with its position in characters") {
  CHECK(errors("a: \xC4\x91\xC3\xA2\xFF\n") ==
        "f.yaml:1:6: error: invalid UTF-8 (byte 0xFF): save the file as UTF-8\n");
}

TEST_CASE("a UTF-16 file gets a hint") {
  CHECK(errors(std::string("\xFF\xFE"
                           "a\0:\0",
                           6)) == "f.yaml:1:1: error: the file is encoded as UTF-16: save it as UTF-8\n");
}

TEST_CASE("a UTF-16 file without a BOM gets the same hint") {
  CHECK(errors(std::string("c\0c\0h\0c\0:\0", 10)) ==
        "f.yaml:1:1: error: the file is encoded as UTF-16: save it as UTF-8\n");
  CHECK(errors(std::string("\0c\0c\0h\0c\0:", 10)) ==
        "f.yaml:1:1: error: the file is encoded as UTF-16: save it as UTF-8\n");
}

TEST_CASE("control characters suggest a binary file") {
  CHECK(errors(std::string("a: 1\nb: \0\n", 10)) ==
        "f.yaml:2:4: error: control character U+0000 is not allowed (is this a binary file?)\n");
}

TEST_CASE("nesting deeper than 64 levels is refused") {
  std::string deep = "a: " + std::string(65, '[') + std::string(65, ']') + "\n";
  // The root map is the first level: the 64th bracket opens the 65th.
  CHECK(errors(deep) == "f.yaml:1:67: error: nesting deeper than 64 levels\n");
  std::string ok = "a: " + std::string(63, '[') + std::string(63, ']') + "\n";
  CHECK(errors(ok).empty());
}

TEST_CASE("100000 nested brackets fail fast at depth 64") {
  const std::string bomb = "a: " + std::string(100000, '[') + "\n";
  // Unclosed, each bracket also opens an implicit one-pair map in yaml-cpp,
  // so the limit is reached halfway.
  CHECK(errors(bomb) == "f.yaml:1:36: error: nesting deeper than 64 levels\n");
}

TEST_CASE("a file with more than 250000 values stops there") {
  // Found while building the hostile corpus: 16 MiB of `0,` took ten
  // seconds and a gigabyte.
  std::string many = "a: [";
  for (int i = 0; i < 300000; ++i) {
    many += "0,";
  }
  many += "0]\n";
  CHECK(errors(many) ==
        "f.yaml:1:499999: error: the file holds too many values (more than 250000 keys, values and lists): save a "
        "table this big as CSV\n");
}

TEST_CASE("a million aliases stop at the 100th error") {
  std::string bomb = "a: &a x\nb:\n";
  for (int i = 0; i < 1000000; ++i) {
    bomb += "- *a\n";
  }
  const std::string out = errors(bomb);
  CHECK(std::count(out.begin(), out.end(), '\n') == 101);
  CHECK(out.find("f.yaml:101:3: error: aliases (*a) are not allowed") != std::string::npos);
  CHECK(out.ends_with("\nf.yaml: error: too many errors: only the first 100 are reported\n"));
}

TEST_CASE("files over 16 MiB are refused") {
  const std::string big(cchc::k_max_file_size + 1, ' ');
  CHECK(errors(big) == "f.yaml: error: the file is too large (16777217 bytes): the limit is 16 MiB\n");
}

TEST_CASE("an empty file is an error") {
  CHECK(errors("") == "f.yaml:1:1: error: the file is empty: expected a map that starts with `cchc: ...`\n");
  CHECK(errors("# only a comment\n") ==
        "f.yaml:1:1: error: the file is empty: expected a map that starts with `cchc: ...`\n");
}

TEST_CASE("a BOM and CRLF line ends are accepted and positions stay right") {
  const std::string text =
      "\xEF\xBB\xBF"
      "cchc: evidence/1\r\ncriteria: \"x\"\r\nb: [1\r\n";
  CHECK(errors(text).rfind("f.yaml:4:1: error: YAML syntax error:", 0) == 0);
  const InputFile file = InputFile::parse(
      "\xEF\xBB\xBF"
      "cchc: evidence/1\r\ncriteria: x\r\n",
      "f.yaml", Lang::en);
  CHECK(file.kind() == "evidence/1");
  CHECK(file.top_scalar("criteria") == "x");
  CHECK(file.top_position("cchc").column == 7);
}

TEST_CASE("CRLF becomes LF, inside quoted text too, with the lines counted right") {
  const InputFile file = InputFile::parse("cchc: x\r\nnote: \"a\r\n  b\"\r\nlast: \"c\"", "f.yaml", Lang::en);
  CHECK(file.top_scalar("note") == "a b");
  CHECK(file.top_scalar("last") == "c");
  CHECK(file.top_position("last").line == 4);
}

TEST_CASE("the checksum of the bytes read is computed unless asked not to") {
  const std::string text = "cchc: evidence/1\n";
  CHECK(InputFile::parse(text, "f.yaml", Lang::en).sha256() ==
        "1308fc07b3e02991511d92e3610f36316bf35231d283efabe7c6a03407b9f6cd");
  CHECK(InputFile::parse(text, "f.yaml", Lang::en, InputFile::Checksum::none).sha256().empty());
}

TEST_CASE("scalars are normalised to NFC") {
  const InputFile file =
      InputFile::parse("cchc: x\nname: \"Vi\xE1\xBB\x87t\"\nother: \"Vie\xCC\xA3\xCC\x82t\"\n", "f.yaml", Lang::en);
  CHECK(file.top_scalar("name") == file.top_scalar("other"));
}

TEST_CASE("syntax errors name the line and column") {
  CHECK(errors("a: [1, 2\nb: 3\n") == "f.yaml:2:2: error: YAML syntax error: end of sequence flow not found\n");
}

TEST_CASE("an unknown escape of a letter with diacritics quotes the whole letter") {
  // Found by fuzz_score: yaml-cpp copies only the first byte of the letter,
  // which made the message invalid UTF-8.
  CHECK(errors("a: \"x\\\xE1\xBA\xBF y\"\n") ==
        "f.yaml:1:7: error: YAML syntax error: unknown escape character: \xE1\xBA\xBF\n");
}

TEST_CASE("non-text keys are refused") {
  CHECK(errors("[a]: 1\n") == "f.yaml:1:1: error: a key must be text, found a list\n");
}

TEST_CASE("hygiene messages exist in Vietnamese") {
  CHECK(errors("a: 1\na: 2\n", Lang::vi) == "f.yaml:2:1: error: khóa \"a\" bị lặp (đã có ở dòng 1)\n");
}

TEST_CASE("an unreadable path and a directory are reported") {
  CHECK(diagnostics_of([] { InputFile::read("/nonexistent/x.yaml", Lang::en); }) ==
        "/nonexistent/x.yaml: error: cannot read the file: No such file or directory\n");
  CHECK(diagnostics_of([] { InputFile::read("/tmp", Lang::en); }) == "/tmp: error: this is a directory, not a file\n");
}

TEST_CASE("a named pipe that nobody writes to reads as empty instead of waiting") {
  // Found while building the hostile corpus: `cchc score fifo` waited forever.
  const std::string path =
      (std::filesystem::temp_directory_path() / ("cchc-fifo-" + std::to_string(::getpid()) + ".yaml")).string();
  REQUIRE(::mkfifo(path.c_str(), 0600) == 0);
  const std::string out = diagnostics_of([&] { InputFile::read(path, Lang::en); });
  std::filesystem::remove(path);
  CHECK(out == path + ":1:1: error: the file is empty: expected a map that starts with `cchc: ...`\n");
}

TEST_CASE("positions are right whatever order they are asked in") {
  // PositionMap goes on counting from its last answer on the same line.
  const std::string text = "ab\n\xC4\x91\xC3\xA2x\nyz";  // "ab", "đâx", "yz"
  const cchc::detail::PositionMap positions(text);
  const std::vector<std::pair<std::size_t, std::pair<int, int>>> asked = {
      {7, {2, 3}}, {3, {2, 1}}, {5, {2, 2}}, {7, {2, 3}}, {1, {1, 2}}, {10, {3, 2}}, {9, {3, 1}}, {100, {3, 3}}};
  for (const auto& [offset, expected] : asked) {
    const cchc::SourcePos pos = positions.at(offset);
    CHECK(pos.line == expected.first);
    CHECK(pos.column == expected.second);
  }
}
