// Loading many experts' response files: model::loadGroup (what `ahp group` does per file) and
// the researcher tab's loading (ui::researchAddFiles, then ui::researchStep with its budget
// per frame, as the app calls it), for 1,000 / 5,000 / 10,000 files of the study. One JSON
// line per size: total time, time per file, and the longest single step (a frame's work:
// the target is no step over 100 ms). Figures only; nothing here asserts a time.
//
//   load_bench [--sizes 1000,5000,10000] [--write DIR N]
//
// --write DIR N writes N response files to DIR (for timing `ahp group` on real files).
#include "model/group.hpp"
#include "model/model.hpp"
#include "model/response.hpp"
#include "ui/research.hpp"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
double msSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

model::Model studyModel() {
    std::ifstream file(std::string(AHP_SOURCE_DIR) + "/assets/models/egov-qom.json", std::ios::binary);
    std::ostringstream text;
    text << file.rdbuf();
    return model::parseModel(text.str(), "egov-qom.json");
}

// Expert k: every judgment, drawn from Saaty's scale by a fixed generator; a name of its own,
// in Persian as the study's experts write theirs (a reader's fast path must not be ASCII-only).
std::string responseText(const model::Model& m, int k) {
    static const double scale[] = {1.0 / 9, 1.0 / 7, 1.0 / 5, 1.0 / 3, 0.5, 1, 2, 3, 5, 7, 9};
    std::uint64_t s = 0x9E3779B97F4A7C15ULL * std::uint64_t(k + 1);
    model::Response r = model::emptyResponse(m);
    r.expert = {"کارشناس " + std::to_string(k), "معاون فناوری اطلاعات"};
    r.savedAt = "2024-05-01T09:30:00Z";
    for (auto& [set, matrix] : r.judgments)
        for (int i = 0; i < matrix.size(); ++i)
            for (int j = i + 1; j < matrix.size(); ++j) {
                s = s * 6364136223846793005ULL + 1442695040888963407ULL;
                matrix.set(i, j, scale[(s >> 33) % 11]);
            }
    return model::writeResponse(m, r);
}

std::vector<std::pair<std::string, std::string>> files(const model::Model& m, int count) {
    std::vector<std::pair<std::string, std::string>> out;
    out.reserve(std::size_t(count));
    for (int k = 0; k < count; ++k) out.emplace_back("expert-" + std::to_string(k) + ".json", responseText(m, k));
    return out;
}

// The same files as the Research tab receives them when no reading worker has parsed them:
// their bytes alone, each parsed in researchStep. Moved, not copied (10,000 files: 174 MB).
std::vector<ui::ImportedFile> importedFiles(std::vector<std::pair<std::string, std::string>> input) {
    std::vector<ui::ImportedFile> out;
    out.reserve(input.size());
    for (auto& [name, bytes] : input) out.push_back({std::move(name), std::move(bytes), std::nullopt});
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<int> sizes{1000, 5000, 10000};
    const model::Model m = studyModel();
    for (int a = 1; a < argc; ++a) {
        const std::string arg = argv[a];
        if (arg == "--write" && a + 2 < argc) {
            const std::string dir = argv[a + 1];
            const int count = std::atoi(argv[a + 2]);
            for (int k = 0; k < count; ++k) {
                std::ofstream out(dir + "/expert-" + std::to_string(k) + ".json", std::ios::binary);
                out << responseText(m, k);
            }
            return 0;
        }
        if (arg == "--sizes" && a + 1 < argc) {
            sizes.clear();
            std::stringstream list(argv[++a]);
            for (std::string item; std::getline(list, item, ',');) sizes.push_back(std::atoi(item.c_str()));
        }
    }
    for (int count : sizes) {
        auto input = files(m, count);
        std::size_t bytes = 0;
        for (const auto& f : input) bytes += f.second.size();

        auto start = Clock::now();
        const model::LoadedGroup group = model::loadGroup(m, input);
        const double groupMs = msSince(start);

        std::vector<ui::ImportedFile> imported = importedFiles(std::move(input));
        ui::ResearchState r;
        double longestStep = 0, recomputeMs = 0;
        int steps = 0, recomputeSteps = 0;
        start = Clock::now();
        ui::researchAddFiles(r, std::move(imported));
        for (bool more = true; more;) {
            const auto step = Clock::now();
            const bool recomputing = r.queue.empty();  // every file read: the group results
            more = ui::researchStep(r, m);
            const double ms = msSince(step);
            longestStep = std::max(longestStep, ms);
            if (recomputing || (!r.queue.size() && r.build)) {
                recomputeMs += ms;
                ++recomputeSteps;
            }
            ++steps;
        }
        const double researchMs = msSince(start);
        // What one change costs once everything is loaded (an include switch, a weight).
        start = Clock::now();
        ui::researchRecompute(r, m);
        const double recomputeOnlyMs = msSince(start);
        std::vector<const model::Response*> responses;
        for (const auto& loaded : r.group.responses) responses.push_back(&loaded.response);
        start = Clock::now();
        const model::GroupTables tables = model::buildGroupTables(m, responses);
        const double tablesMs = msSince(start);
        std::printf(
            "{\"name\": \"load %d files\", \"files\": %d, \"mb\": %.1f, \"experts\": %zu, "
            "\"load_group_ms\": %.1f, \"research_ms\": %.1f, \"research_us_per_file\": %.1f, "
            "\"steps\": %d, \"longest_step_ms\": %.1f, \"recompute_steps\": %d, \"recompute_steps_ms\": %.1f, "
            "\"recompute_ms\": %.1f, \"group_tables_ms\": %.1f}\n",
            count, count, double(bytes) / 1048576.0, group.responses.size(), groupMs, researchMs,
            researchMs * 1000.0 / count, steps, longestStep, recomputeSteps, recomputeMs, recomputeOnlyMs, tablesMs);
        std::fflush(stdout);
    }
    return 0;
}
