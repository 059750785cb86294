// libFuzzer target: model trees of any shape (deep chains, cycles, second roots, unknown
// parents, wide sets, more nodes than allowed) built from the bytes, through model::parseModel.
// See fuzzcheck::modelTreeText for how bytes become a tree.
#include "fuzz_checks.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzzcheck::runModelTree(std::string(reinterpret_cast<const char*>(data), size));
    return 0;
}
