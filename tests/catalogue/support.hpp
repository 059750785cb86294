// Shared helpers for the catalogue of bad inputs and the fuzz corpus replay.
#pragma once

#include "model/errors.hpp"
#include "model/model.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

namespace catalogue {

inline std::string readSourceFile(const std::string& relative) {
    std::ifstream file(std::string(AHP_SOURCE_DIR) + "/" + relative, std::ios::binary);
    INFO("reading " << relative);
    REQUIRE(file.good());
    std::ostringstream bytes;
    bytes << file.rdbuf();
    return bytes.str();
}

inline const model::Model& studyModel() {
    static const model::Model study = model::parseModel(readSourceFile("assets/models/egov-qom.json"), "egov-qom.json");
    return study;
}

// The ModelError message of f() ("" if it does not throw ModelError).
template <typename F>
std::string modelErrorOf(F f) {
    try {
        f();
    } catch (const model::ModelError& error) {
        return error.what();
    }
    return "";
}

}  // namespace catalogue
