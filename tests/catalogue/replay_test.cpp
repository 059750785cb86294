// Replays every fuzz seed (tests/fuzz/corpus/) and every saved fuzz crash
// (tests/fuzz/regressions/) through the functions the fuzz targets run, in every build
// (natively, under the sanitizers and as WebAssembly under Node.js), not only under libFuzzer.
// The list of files is tests/fuzz/MANIFEST (scripts/fuzz.sh rewrites it); natively this test
// also checks that it names every file there.
#include "support.hpp"

#include "../fuzz/fuzz_checks.hpp"

#include <algorithm>
#include <vector>

#if !defined(__EMSCRIPTEN__)
#include <filesystem>
#endif

namespace {

std::vector<std::string> manifest() {
    std::istringstream lines(catalogue::readSourceFile("tests/fuzz/MANIFEST"));
    std::vector<std::string> files;
    for (std::string line; std::getline(lines, line);)
        if (!line.empty() && line[0] != '#') files.push_back(line);
    return files;
}

}  // namespace

TEST_CASE("Fuzz corpus and regressions replay cleanly", "[fuzz][replay]") {
    const auto files = manifest();
    REQUIRE(files.size() >= 15);
    int replayed = 0;
    for (const auto& file : files) {
        INFO("replaying " << file);
        const std::string bytes = catalogue::readSourceFile(file);
        try {
            if (file.find("/fuzz_model_tree/") != std::string::npos) {
                fuzzcheck::runModelTree(bytes);
            } else if (file.find("/fuzz_model/") != std::string::npos) {
                fuzzcheck::runModel(bytes);
            } else if (file.find("/fuzz_response/") != std::string::npos) {
                fuzzcheck::runResponse(catalogue::studyModel(), bytes);
            } else if (file.find("/fuzz_matrix/") != std::string::npos) {
                fuzzcheck::runMatrix(bytes);
            } else {
                FAIL("no fuzz target for " << file);
            }
        } catch (const fuzzcheck::Violation& violation) {
            FAIL("invariant broken: " << violation.what());
        }
        ++replayed;
    }
    REQUIRE(replayed == static_cast<int>(files.size()));
}

#if !defined(__EMSCRIPTEN__)
TEST_CASE("tests/fuzz/MANIFEST lists every seed and saved crash", "[fuzz][replay]") {
    namespace fs = std::filesystem;
    const fs::path root(AHP_SOURCE_DIR);
    std::vector<std::string> onDisk;
    for (const char* dir : {"tests/fuzz/corpus", "tests/fuzz/regressions"})
        for (const auto& entry : fs::recursive_directory_iterator(root / dir))
            if (entry.is_regular_file() && entry.path().filename() != ".gitkeep")
                onDisk.push_back(fs::relative(entry.path(), root).generic_string());
    std::sort(onDisk.begin(), onDisk.end());
    auto listed = manifest();
    std::sort(listed.begin(), listed.end());
    INFO(
        "run scripts/fuzz.sh, or: find tests/fuzz/corpus tests/fuzz/regressions -type f ! -name .gitkeep | LC_ALL=C sort > tests/fuzz/MANIFEST");
    REQUIRE(listed == onDisk);
}
#endif
