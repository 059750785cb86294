// The model layer's one error type. Its message is complete and user-facing: it names the
// source (file name or "model"/"response"), the place (JSON path or line/value) and the problem.
#pragma once

#include <stdexcept>
#include <string>

namespace model {

struct ModelError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

}  // namespace model
