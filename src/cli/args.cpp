#include "cli/args.hpp"

#include <algorithm>

namespace cli {

Args parseArgs(const std::string& command, const std::vector<std::string>& words,
               const std::vector<std::string>& allowed, const std::vector<std::string>& flags) {
    Args args;
    args.command = command;
    for (std::size_t k = 0; k < words.size(); ++k) {
        const std::string& word = words[k];
        if (word.size() < 3 || word.compare(0, 2, "--") != 0) {
            args.positional.push_back(word);
            continue;
        }
        std::string name = word, value;
        bool hasValue = false;
        std::size_t equals = word.find('=');
        if (equals != std::string::npos) {
            name = word.substr(0, equals);
            value = word.substr(equals + 1);
            hasValue = true;
        }
        const bool flag = std::find(flags.begin(), flags.end(), name) != flags.end();
        if (!flag && std::find(allowed.begin(), allowed.end(), name) == allowed.end())
            throw UsageError("unknown option " + name + " for \"" + command + "\" (see ahp --help)");
        if (flag && hasValue) throw UsageError("option " + name + " takes no value");
        if (!hasValue && !flag) {
            if (k + 1 >= words.size()) throw UsageError("option " + name + " needs a value");
            value = words[++k];
        }
        if (args.options.count(name)) throw UsageError("option " + name + " is given twice");
        args.options[name] = value;
    }
    return args;
}

}  // namespace cli
