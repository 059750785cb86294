// The UI's string tables as the build writes them for the app (cmake/strings_table.py).
#pragma once

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

namespace test {

inline std::string builtStringTable(const std::string& language) {
    std::ifstream file(std::string(AHP_STRINGS_DIR) + "/" + language + ".strings", std::ios::binary);
    REQUIRE(file.good());
    std::ostringstream bytes;
    bytes << file.rdbuf();
    return bytes.str();
}

}  // namespace test
