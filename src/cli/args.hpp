// Command-line arguments: one command word, positional arguments and --name value options.
#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace cli {

// Bad invocation (unknown option, missing argument). Exit status 2 like bad input.
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct Args {
    std::string command;
    std::vector<std::string> positional;
    std::map<std::string, std::string> options;  // "--method" -> "eigen"

    bool has(const std::string& name) const { return options.count(name) != 0; }
    std::string get(const std::string& name, const std::string& fallback) const {
        auto it = options.find(name);
        return it == options.end() ? fallback : it->second;
    }
};

// Splits argv after the command word; every option takes a value ("--x v" or "--x=v") and
// must be in `allowed` (the message names the command and the option); a name in `flags`
// takes no value (Args::has tells whether it was given).
Args parseArgs(const std::string& command, const std::vector<std::string>& words,
               const std::vector<std::string>& allowed, const std::vector<std::string>& flags = {});

}  // namespace cli
