// The parse-only floor (bench/run.sh): yaml-cpp loading every file and
// touching every scalar, on one thread. Whatever cchc does to score a file,
// it has to read it first; this is the cost of that reading alone.
//   parse_floor FILE...   prints: files, scalars, bytes, seconds
#include <yaml-cpp/yaml.h>

#include <chrono>
#include <cstddef>
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

namespace {

struct Totals {
  std::size_t scalars = 0;
  std::size_t bytes = 0;  // of scalar text: what stops the walk being optimised away
};

void touch(const YAML::Node& node, Totals& totals) {
  switch (node.Type()) {
    case YAML::NodeType::Scalar:
      ++totals.scalars;
      totals.bytes += node.Scalar().size();
      break;
    case YAML::NodeType::Sequence:
      for (const YAML::Node& child : node) {
        touch(child, totals);
      }
      break;
    case YAML::NodeType::Map:
      for (const auto& pair : node) {
        touch(pair.first, totals);
        touch(pair.second, totals);
      }
      break;
    default:
      break;
  }
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> paths(argv + 1, argv + argc);
  if (paths.empty()) {
    std::fputs("usage: parse_floor FILE...\n", stderr);
    return 2;
  }
  Totals totals;
  const auto start = std::chrono::steady_clock::now();
  try {
    for (const std::string& path : paths) {
      touch(YAML::LoadFile(path), totals);
    }
  } catch (const std::exception& error) {
    std::fprintf(stderr, "parse_floor: %s\n", error.what());
    return 2;
  }
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
  std::printf("files %zu scalars %zu bytes %zu seconds %.6f\n", paths.size(), totals.scalars, totals.bytes,
              elapsed.count());
  return 0;
}
