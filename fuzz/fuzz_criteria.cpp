// Fuzzes the criteria loader: any bytes given as a criteria file. A set that
// loads is described node by node and scored with an empty evidence file, so
// that what validation lets through is also safe to use.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "cchc/criteria.hpp"
#include "cchc/describe.hpp"
#include "cchc/evidence.hpp"
#include "cchc/scoring.hpp"
#include "fuzz_support.hpp"

using namespace cchc;

namespace {

void use(const Criteria& criteria, Lang lang) {
  fuzz::require(!criteria.nodes.empty(), "a criteria set without nodes");
  fuzz::require(criteria.precision >= 0 && criteria.precision <= 4, "precision outside 0..4");
  for (const Node& node : criteria.nodes) {
    fuzz::require(node.max > Decimal(0), "a node with max <= 0", node.id);
    fuzz::require(criteria.find(node.id) >= 0, "a node that cannot be found by its id", node.id);
    if (node.is_leaf()) {
      fuzz::check_utf8(describe_rule(node, lang), "describe_rule");
      fuzz::check_utf8(describe_value(node, lang), "describe_value");
    }
  }
  Evidence evidence;
  evidence.criteria_id = criteria.id;
  evidence.year = criteria.year;
  evidence.unit = {"u", "u", ""};
  evidence.item_of_node.assign(criteria.nodes.size(), -1);
  try {
    const ScoreResult result = score(criteria, evidence, ScoreOptions{lang, false});
    fuzz::check_score(result, criteria.scale);
  } catch (const InputError& error) {
    fuzz::check_diagnostics(error, evidence.path, "");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const Lang lang = fuzz::lang_for(size);
  try {
    use(parse_criteria(text, "criteria.yaml", lang), lang);
  } catch (const InputError& error) {
    fuzz::check_diagnostics(error, "criteria.yaml", text);
  }
  return 0;
}
