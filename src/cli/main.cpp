// ahp: AHP computations on the command line. See `ahp --help` and docs/formats.md.
#include "cli/commands.hpp"

#include <exception>
#include <iostream>
#include <string>
#include <vector>

namespace {

// One line on stderr, whatever the message holds.
int fail(const std::string& message) {
    std::string line = message;
    for (char& c : line)
        if (c == '\n' || c == '\r') c = ' ';
    std::cerr << "ahp: " << line << std::endl;
    return 2;
}

int dispatch(const std::vector<std::string>& words) {
    if (words.empty()) throw cli::UsageError("no command given (see ahp --help)");
    const std::string& command = words.front();
    std::vector<std::string> rest(words.begin() + 1, words.end());
    if (command == "--help" || command == "-h" || command == "help") {
        std::cout << cli::usageText();
        return 2;  // as the tool's contract says: help, like any usage error, exits 2
    }
    if (command == "priorities") return cli::runPriorities(rest, std::cin, std::cout);
    if (command == "aggregate") return cli::runAggregate(rest, std::cin, std::cout);
    if (command == "model") return cli::runModel(rest, std::cout);
    if (command == "group") return cli::runGroup(rest, std::cout, std::cerr);
    if (command == "page") return cli::runPage(rest, std::cout);
    throw cli::UsageError("unknown command \"" + command +
                          "\" (commands: priorities, aggregate, model, group, page; see ahp --help)");
}

}  // namespace

int main(int argc, char** argv) {
    try {
        std::vector<std::string> words(argv + 1, argv + argc);
        int status = dispatch(words);
        std::cout.flush();
        return status;
    } catch (const std::exception& error) {
        return fail(error.what());
    } catch (...) {
        return fail("internal error");
    }
}
