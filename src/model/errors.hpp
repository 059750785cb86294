// The model layer's one error type. Its message is complete and user-facing in English: it names
// the source (file name or "model"/"response"), the place (JSON path or line/value) and the
// problem. Beside it, a stable code and its arguments let an interface say the same in its own
// language (strings "problem.<code>", {0} {1} {2} the arguments) with the message as the detail.
#pragma once

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace model {

struct ModelError : std::runtime_error {
    explicit ModelError(const std::string& message, std::string code = "invalid", std::vector<std::string> args = {})
        : std::runtime_error(message), code(std::move(code)), args(std::move(args)) {}
    // "invalid" (a value in the file is wrong; args: the JSON path), or one of the codes listed
    // in docs/formats.md ("Limits and problems"): "too_large", "not_json", "duplicate_key", ...
    std::string code;
    std::vector<std::string> args;
};

}  // namespace model
