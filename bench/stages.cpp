// Where the time of one evidence file goes (Google Benchmark; bench/run.sh
// runs it after the end-to-end figures). Each stage of what `cchc rank` does
// per file, on one shipped example, next to yaml-cpp's own floor:
//   yaml_cpp_load      YAML::Load + touching every scalar (the floor)
//   input_file_parse   cchc's reading: encoding checks, hygiene, the tree
//   load_evidence      typed reading against the criteria (NFC, decimals, dates)
//   score              the arithmetic of SPEC §2, warnings included
//   whole_file         all three, as one batch worker does them
// and the one-off costs: loading the built-in criteria set (once per run)
// and the NFC of a typical Vietnamese title.
//   stages [--benchmark_filter=...] (run from the project root or give
//   CCHC_SOURCE_DIR)
#include <benchmark/benchmark.h>
#include <yaml-cpp/yaml.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "cchc/catalog.hpp"
#include "cchc/criteria.hpp"
#include "cchc/evidence.hpp"
#include "cchc/input_file.hpp"
#include "cchc/scoring.hpp"
#include "cchc/text.hpp"

namespace {

std::string source_dir() {
  const char* dir = std::getenv("CCHC_SOURCE_DIR");
  return dir != nullptr ? dir : CCHC_DEFAULT_SOURCE_DIR;
}

const std::string& example_path() {
  static const std::string path = source_dir() + "/examples/quang-nam-2021/so-ldtbxh.yaml";
  return path;
}

const std::string& example_text() {
  static const std::string text = [] {
    std::ifstream in(example_path(), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
  }();
  return text;
}

const cchc::Criteria& criteria() {
  static const cchc::Criteria loaded = cchc::CriteriaCatalog({}, cchc::Lang::en).load("mau-so-2021");
  return loaded;
}

std::size_t touch(const YAML::Node& node) {
  std::size_t bytes = 0;
  if (node.IsScalar()) {
    return node.Scalar().size();
  }
  if (node.IsSequence()) {
    for (const YAML::Node& child : node) {
      bytes += touch(child);
    }
  } else if (node.IsMap()) {
    for (const auto& pair : node) {
      bytes += touch(pair.first) + touch(pair.second);
    }
  }
  return bytes;
}

void yaml_cpp_load(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(touch(YAML::Load(example_text())));
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(example_text().size()));
}
BENCHMARK(yaml_cpp_load);

void input_file_parse(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(cchc::InputFile::parse(example_text(), example_path(), cchc::Lang::en));
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(example_text().size()));
}
BENCHMARK(input_file_parse);

void load_evidence(benchmark::State& state) {
  const cchc::InputFile file = cchc::InputFile::parse(example_text(), example_path(), cchc::Lang::en);
  for (auto _ : state) {
    benchmark::DoNotOptimize(cchc::load_evidence(file, criteria(), cchc::Lang::en));
  }
}
BENCHMARK(load_evidence);

void score(benchmark::State& state) {
  const cchc::InputFile file = cchc::InputFile::parse(example_text(), example_path(), cchc::Lang::en);
  const cchc::Evidence evidence = cchc::load_evidence(file, criteria(), cchc::Lang::en);
  for (auto _ : state) {
    benchmark::DoNotOptimize(cchc::score(criteria(), evidence, cchc::ScoreOptions{cchc::Lang::en, true}));
  }
}
BENCHMARK(score);

void whole_file(benchmark::State& state) {
  for (auto _ : state) {
    const cchc::InputFile file = cchc::InputFile::read(example_path(), cchc::Lang::en);
    const cchc::Evidence evidence = cchc::load_evidence(file, criteria(), cchc::Lang::en);
    benchmark::DoNotOptimize(cchc::score(criteria(), evidence, cchc::ScoreOptions{cchc::Lang::en, true}));
  }
}
BENCHMARK(whole_file);

void load_builtin_criteria(benchmark::State& state) {
  const cchc::CriteriaCatalog catalog({}, cchc::Lang::en);
  for (auto _ : state) {
    benchmark::DoNotOptimize(catalog.load("mau-so-2021"));
  }
}
BENCHMARK(load_builtin_criteria);

void nfc_title(benchmark::State& state) {
  const std::string title = "Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến";
  for (auto _ : state) {
    benchmark::DoNotOptimize(cchc::to_nfc(title));
  }
}
BENCHMARK(nfc_title);

}  // namespace

BENCHMARK_MAIN();
