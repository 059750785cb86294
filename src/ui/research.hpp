// The researcher's desk: many experts' response files for the current model, which of them
// count (an include switch and a weight per expert, a CR rule), and everything derived from them
// through the model layer and the engine: the group tables (AIJ), AIP beside them, consensus,
// each expert's distance from the group, one-way sensitivity and a Monte Carlo run.
// No drawing here (screen_research*.cpp draws), no platform (a download is returned as an effect).
#pragma once

#include "model/group.hpp"
#include "ui/effects.hpp"

#include <ahp/ahp.hpp>
#include <ahp/uncertainty.hpp>
#include <nlohmann/json.hpp>

#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace ui {

// One expert whose file loaded (parallel to ResearchState::group.responses).
// cr, priorities (model::ExpertSetResults): per comparison set; nullopt / empty when
// unanswered or unsolvable. Computed once per file, given to buildGroupTables.
struct ResearchExpert : model::ExpertSetResults {
    bool included = true;
    double weight = 1;            // positive; relative (1 = equal)
    int answered = 0, total = 0;  // judgments given / asked
    // Distance from the group: per set, the Euclidean distance between the expert's local
    // weights and the group's (AIJ) local weights; averaged over the sets where both exist.
    // meanDistance is that average, maxDistance the largest per-set distance. NaN when none.
    double meanDistance = 0, maxDistance = 0;
};

enum class ResearchSection { Experts, Group, Sensitivity, Uncertainty, Reports };

struct ResearchBuild;  // a recompute under way (research.cpp)

// A file the platform hands over: its name and bytes, or, on the Research screen, the response
// the web page's reading worker parsed from them already (model/response_record.hpp; `bytes`
// is then empty).
struct ImportedFile {
    std::string name;
    std::string bytes;
    std::optional<model::Response> response;
};

struct ResearchState {
    // Files: loaded a few per frame from `queue` (progress = processed / (batchTotal + coming)).
    model::LoadedGroup group;             // responses, bad files, duplicates (model layer)
    std::vector<ResearchExpert> experts;  // parallel to group.responses
    std::deque<ImportedFile> queue;
    int parsedAhead = 0;  // files that came parsed (ImportedFile::response): the tests see the worker's part
    int batchTotal = 0, processed = 0;
    int coming = 0;  // files of the same choice the page has still to hand over (nothing is computed until they are in)
    bool problemsDismissed = false;  // hides the bad-file list until new problems come
    std::size_t problemsShown = 0;   // skipped + duplicates when dismissed

    // Rules.
    bool crRuleOn = false;
    double crRule = 0.10;  // leave out a set's matrix with CR above this

    // Derived (recompute()): over the included experts, in their order. With thousands of
    // experts a recompute is several frames' work: `build` holds it between frames (the
    // results below are empty until it is done; buildProgress 0..1 says how far it is).
    bool dirty = false;
    std::shared_ptr<ResearchBuild> build;
    double buildProgress = 0;
    std::vector<int> includedExperts;  // indices into experts
    std::optional<model::GroupTables> tables;
    std::string tablesError;                 // why there are no tables
    ahp::HierarchyJudgments groupJudgments;  // AIJ matrices of the solvable sets
    ahp::HierarchyResult groupResult;        // synthesize(groupJudgments)
    std::vector<Eigen::VectorXd> aip;        // per set: AIP (weighted geometric mean of priorities), may be empty
    std::vector<int> aipExperts;             // per set: how many experts' priorities went into it

    // What the researcher is looking at.
    ResearchSection section = ResearchSection::Experts;
    int set = 0;                   // index into comparison sets
    int sensitivityNode = -1;      // node index, -1 = none chosen yet
    double sensitivityWeight = 0;  // the slider
    std::optional<ahp::SensitivityReport> sensitivity;
    int mcSamples = 2000;
    double mcSpread = 0.10;
    int mcSamplesDraft = 2000;  // the fields as typed, until Run
    double mcSpreadDraft = 0.10;
    bool mcRequested = false;  // run on the next frame (a frame shows "running")
    std::optional<ahp::MonteCarloReport> monteCarlo;
    struct Status {
        std::string key, argument;
    };
    Status status;  // strings key + its {0}
};

// What the researcher screen asks for (carried by intent::Research).
namespace research_action {
struct LoadResponses {
    std::vector<ImportedFile> files;
};
struct Clear {};
struct DismissProblems {};
struct Section {
    ResearchSection section;
};
struct Include {
    int expert;
    bool included;
};
struct Weight {
    int expert;
    double weight;
};
struct CrRule {
    bool on;
    double value;
};
struct SelectSet {
    int set;
};
struct SelectNode {
    int node;
};
struct SensitivityWeight {
    double weight;
};
struct MonteCarlo {
    int samples;
    double spread;
};
struct MonteCarloDraft {
    int samples;
    double spread;
};  // the fields while they are typed in
struct Download {
    int kind;
};  // 0 CSV, 1 JSON, 2 Markdown
}  // namespace research_action
using ResearchAction =
    std::variant<research_action::LoadResponses, research_action::Clear, research_action::DismissProblems,
                 research_action::Section, research_action::Include, research_action::Weight, research_action::CrRule,
                 research_action::SelectSet, research_action::SelectNode, research_action::SensitivityWeight,
                 research_action::MonteCarlo, research_action::MonteCarloDraft, research_action::Download>;

// Queues files for loading (researchStep parses those that did not come parsed); `coming`:
// files of the same choice still to be handed over (App::importFiles).
void researchAddFiles(ResearchState& r, std::vector<ImportedFile> files, int coming = 0);
// A file that was not read (over the size limit): listed at once with the files skipped.
void researchRefuseFile(ResearchState& r, model::SkippedFile file);
// A frame's share of loading and recomputing: with the page's hand-over of the files (16 ms,
// js/services.js) and the drawing, frames stay near 40 ms, so that with the browser's own work
// between two of them the page paints well within the 100 ms it may be busy without seeming
// to freeze, the progress moves and a click is answered. With 8 ms a frame (and a frame drawn
// at every animation frame), most of the time went to waiting for the next frame (10,000 files
// took 104 s in Chromium, where software WebGL draws about 17 frames a second while loading);
// with 25 ms, frames with the mouse moving came up to 100 ms apart (tests/web/bench_research.mjs).
constexpr double kResearchFrameBudgetMs = 16.0;
// One frame's share of the work: parses queued files for at most `budgetMs` (at least one
// file), then, when the queue is empty and something changed, recomputes for what is left of
// the budget (at least a slice; the rest on the next calls), then runs a requested Monte
// Carlo. Returns true while files are queued or a recompute is under way.
bool researchStep(ResearchState& r, const model::Model& m, double budgetMs = kResearchFrameBudgetMs);
// Applies an action. Changes that alter results start a recompute and give it one frame's
// budget (a few experts' change is done at once; thousands go on in researchStep). A download
// is returned (effect::Download, for Requester::Research); its outcome comes back through
// reportOutcome (ui/reducer.hpp).
Effects researchApply(ResearchState& r, const model::Model& m, const ResearchAction& action,
                      const std::string& language);
// The whole recompute now, in one call.
void researchRecompute(ResearchState& r, const model::Model& m);
// Forgets every file and result (a new model).
void researchReset(ResearchState& r);

// Leaf global weights with `node`'s local weight at x (siblings keep their proportions):
// global weights are linear in x, so they are interpolated between the report's end points.
// Hierarchy::leaves() order.
std::vector<double> sensitivityLeafWeightsAt(const ahp::SensitivityReport& report, double x);
// Their ranking: ahp::rankLeaves(h.leaves(), weights).

// The researcher's state for tests: files, experts, the group tables (groupTablesJson, the
// same writer as `ahp group --format json`), AIP, sensitivity and Monte Carlo.
nlohmann::json researchJson(const ResearchState& r, const model::Model& m);

}  // namespace ui
