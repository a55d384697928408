// The benchmark of choose_fixes() (issue 18): criteria-like option sets of N
// leaves, precision-3 losses on a 100-point set, a few effort levels; for
// each, the time of one search and the peak resident memory of the process.
// Not a test: it prints figures, it asserts nothing about time.
//
//   plan_search [--search automatic|points|effort|frontier] [--heavy] N...
//
// --heavy: every leaf loses half its max or more and the need is 90% of the
// losses (about 68 of 100 points): the widest dynamic programme.
// Each N runs in a child process of its own, so that the peak memory is that
// of one search. The same N gives the same options.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "cchc/plan.hpp"

namespace {

using cchc::Decimal;
using cchc::FixOption;
using cchc::FixSearch;

Decimal thousandths(int units) {
  return Decimal::mul_div(Decimal(units), Decimal(1), Decimal(1000), 3);
}

// N leaves sharing 100 points (each max a multiple of 0.001), most of them
// partly lost (a share of the max, rounded to 0.001, as `ratio` and `assessed`
// leaves lose), a few wholly; efforts 0.5, 1 (most), 2 or 3.
std::vector<FixOption> make_options(int leaves, bool heavy) {
  std::mt19937 random(static_cast<std::mt19937::result_type>(leaves));
  std::vector<FixOption> options;
  const int max_units = 100'000 / leaves;
  const Decimal efforts[] = {*Decimal::parse("0.5"), Decimal(1), Decimal(1), Decimal(1), Decimal(2), Decimal(3)};
  std::uniform_int_distribution<int> share(1, 100);
  std::uniform_int_distribution<std::size_t> effort(0, std::size(efforts) - 1);
  for (int i = 0; i < leaves; ++i) {
    const int percent = share(random);
    int lost = percent > 90 ? max_units : std::max(1, max_units * percent / 150);
    if (heavy) {
      lost = std::max(1, max_units / 2 + max_units * percent / 200);
    }
    options.push_back(FixOption{thousandths(lost), efforts[effort(random)]});
  }
  return options;
}

long peak_kb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

void run(int leaves, bool heavy, FixSearch search, const char* name) {
  const std::vector<FixOption> options = make_options(leaves, heavy);
  Decimal all;
  for (const FixOption& option : options) {
    all += option.lost;
  }
  // Half of what is lost, a need a plan often has; 90% when heavy.
  const Decimal needed = Decimal::mul_div(all, Decimal(heavy ? 9 : 5), Decimal(10), 3);
  const long before = peak_kb();
  const auto start = std::chrono::steady_clock::now();
  const auto chosen = cchc::choose_fixes(options, needed, search);
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  Decimal points;
  Decimal effort;
  for (const std::size_t i : chosen.value_or(std::vector<std::size_t>{})) {
    points += options[i].lost;
    effort += options[i].effort;
  }
  std::printf(
      "%6d leaves%s  %-9s  lost %8s  needed %8s  %8.3f s  peak %7.1f MB (%.1f before)  fixes %zu, effort %s, points "
      "%s\n",
      leaves, heavy ? " (heavy)" : "", name, all.to_string(3).c_str(), needed.to_string(3).c_str(), took.count(),
      static_cast<double>(peak_kb()) / 1024, static_cast<double>(before) / 1024, chosen ? chosen->size() : 0,
      effort.to_string().c_str(), points.to_string().c_str());
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  FixSearch search = FixSearch::automatic;
  const char* name = "automatic";
  std::vector<int> sizes;
  bool heavy = false;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--heavy") {
      heavy = true;
    } else if (arg == "--search" && i + 1 < argc) {
      name = argv[++i];
      const std::string_view value = name;
      if (value == "points") {
        search = FixSearch::by_points;
      } else if (value == "effort") {
        search = FixSearch::by_effort;
      } else if (value == "frontier") {
        search = FixSearch::frontier;
      } else if (value != "automatic") {
        std::fprintf(stderr, "plan_search: unknown search \"%s\"\n", name);
        return 2;
      }
    } else {
      sizes.push_back(std::atoi(argv[i]));
    }
  }
  if (sizes.empty()) {
    sizes = {100, 400, 800, 3000};
  }
  for (const int leaves : sizes) {
    if (leaves <= 0) {
      std::fprintf(stderr, "usage: plan_search [--search automatic|points|effort|frontier] [--heavy] N...\n");
      return 2;
    }
    const pid_t child = fork();
    if (child == 0) {
      run(leaves, heavy, search, name);
      std::_Exit(0);
    }
    int status = 0;
    waitpid(child, &status, 0);
  }
  return 0;
}
