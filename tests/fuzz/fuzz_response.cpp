// libFuzzer target: response files parsed against the study model (assets/models/egov-qom.json,
// read once from AHP_SOURCE_DIR), then weights and synthesis of whatever parses.
#include "fuzz_checks.hpp"

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <sstream>

namespace {

const model::Model& studyModel() {
    static const model::Model study = [] {
        std::ifstream file(std::string(AHP_SOURCE_DIR) + "/assets/models/egov-qom.json", std::ios::binary);
        std::ostringstream text;
        text << file.rdbuf();
        return model::parseModel(text.str(), "egov-qom.json");
    }();
    return study;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzzcheck::runResponse(studyModel(), std::string(reinterpret_cast<const char*>(data), size));
    return 0;
}
