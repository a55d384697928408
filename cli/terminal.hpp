#pragma once

#include <cstddef>

namespace cchc::cli {

// When to colour the output (`--color`).
enum class ColorMode { automatic, always, never };

// Decides whether stdout gets colour: `always`, or `automatic` when stdout is
// a terminal and the output is not going to a file (-o); never when the
// NO_COLOR environment variable is set and not empty.
bool use_color(ColorMode mode, bool to_file);

// The number of columns reports are laid out in: the terminal's width when
// stdout is a terminal (and not -o), otherwise report::k_default_width.
std::size_t output_width(bool to_file);

}  // namespace cchc::cli
