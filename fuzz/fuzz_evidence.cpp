// Fuzzes the evidence loader against fixed criteria sets (criteria_sets.hpp):
// any bytes given as an evidence file.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "cchc/evidence.hpp"
#include "cchc/input_file.hpp"
#include "criteria_sets.hpp"
#include "fuzz_support.hpp"

using namespace cchc;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const Lang lang = fuzz::lang_for(size);
  try {
    const InputFile file = InputFile::parse(text, "evidence.yaml", lang);
    const Criteria& criteria = fuzz::criteria_for(file);
    const Evidence evidence = load_evidence(file, criteria, lang);
    fuzz::require(evidence.item_of_node.size() == criteria.nodes.size(), "item_of_node does not match the nodes");
    for (const Item& item : evidence.items) {
      fuzz::require(item.node >= 0 && static_cast<std::size_t>(item.node) < criteria.nodes.size(),
                    "an item without its node", item.id);
      fuzz::require(evidence.item_for(item.node) == &item, "item_of_node does not point back", item.id);
    }
  } catch (const InputError& error) {
    fuzz::check_diagnostics(error, "evidence.yaml", text);
  }
  return 0;
}
