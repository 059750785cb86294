// The ahp tool's commands. Each reads its input, writes its result to `out` and returns the
// exit status; errors are thrown (model::ModelError, ahp::Error, cli::UsageError) and turned
// into one stderr line by main.
#pragma once

#include "cli/args.hpp"

#include <cstddef>
#include <iosfwd>
#include <string>

namespace cli {

int runPriorities(const std::vector<std::string>& words, std::istream& in, std::ostream& out);
int runAggregate(const std::vector<std::string>& words, std::istream& in, std::ostream& out);
int runModel(const std::vector<std::string>& words, std::ostream& out);
int runGroup(const std::vector<std::string>& words, std::ostream& out, std::ostream& warnings);

const char* usageText();

// Whole-file and whole-stream reading (the model layer only takes strings).
// Throws model::ModelError naming the path; a file over `maxBytes` is refused before it is read
// ("the file is 50 MB; a <kind> file is at most 2 MB").
std::string readFile(const std::string& path, std::size_t maxBytes, const std::string& kind);
std::string readAll(std::istream& in);

}  // namespace cli
