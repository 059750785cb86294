// libFuzzer target: model::parseModel on arbitrary bytes, then synthesis of whatever parses.
#include "fuzz_checks.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzzcheck::runModel(std::string(reinterpret_cast<const char*>(data), size));
    return 0;
}
