// libFuzzer target: the CLI's text matrix parsers (src/model/matrix_text.hpp) on arbitrary
// bytes, then priorities by every method, consistency and judgment advice on what parses.
#include "fuzz_checks.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzzcheck::runMatrix(std::string(reinterpret_cast<const char*>(data), size));
    return 0;
}
