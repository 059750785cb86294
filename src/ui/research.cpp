#include "ui/research.hpp"

#include "model/text_format.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>

namespace ui {

namespace {

const double kNaN = std::numeric_limits<double>::quiet_NaN();
// What a change (an include switch, a weight) may compute in the frame it is made in.
constexpr double kApplyBudgetMs = 8.0;

// An expert's own CRs and weights per set (model::expertSetResults, as the group tables
// use them) and how many of the judgments asked were given.
ResearchExpert describe(const model::Model& m, const model::Response& response) {
    ResearchExpert e;
    static_cast<model::ExpertSetResults&>(e) = model::expertSetResults(m, response);
    const ahp::Hierarchy& h = m.hierarchy;
    for (int parent : h.comparisonSets()) {
        const int n = int(h.node(parent).children.size());
        e.total += n * (n - 1) / 2;
        const auto found = response.judgments.find(h.node(parent).id);
        if (found != response.judgments.end() && found->second.size() == n) e.answered += found->second.knownCount();
    }
    return e;
}

void computeSensitivity(ResearchState& r, const model::Model& m) {
    r.sensitivity.reset();
    const ahp::Hierarchy& h = m.hierarchy;
    if (r.sensitivityNode < 0 || r.sensitivityNode >= int(h.nodes().size())) return;
    if (r.groupResult.localWeight.size() != h.nodes().size()) return;
    try {
        r.sensitivity = ahp::sensitivity(h, r.groupResult, r.sensitivityNode, 100);
    } catch (const ahp::Error&) {
        r.sensitivity.reset();
    }
}

// The first node whose weight can be varied: a child of a set (the root's first child).
int defaultSensitivityNode(const ahp::Hierarchy& h) {
    for (int parent : h.comparisonSets()) return h.node(parent).children.front();
    return -1;
}

}  // namespace

void researchReset(ResearchState& r) {
    ResearchState fresh;
    fresh.section = r.section;
    r = std::move(fresh);
}

void researchAddFiles(ResearchState& r, std::vector<ImportedFile> files, int coming) {
    if (r.queue.empty() && r.coming == 0) r.batchTotal = r.processed = 0;
    r.batchTotal += int(files.size());
    r.coming = coming;
    for (auto& file : files) {
        if (file.response) ++r.parsedAhead;
        r.queue.push_back(std::move(file));
    }
    r.status = {};
}

void researchRefuseFile(ResearchState& r, model::SkippedFile file) {
    r.group.skipped.push_back(std::move(file));
    r.status = {};
}

// A recompute under way: the group tables (model::GroupTablesBuilder), then, set by set, AIP
// beside AIJ and each expert's distance from the group. It points into r.group.responses and
// r.experts: anything that changes them starts it again (researchStep, researchApply).
struct ResearchBuild {
    std::optional<model::GroupTablesBuilder> builder;  // until the tables are built
    // Then, kept here until all is done (the screen shows nothing half-made):
    std::optional<model::GroupTables> tables;
    ahp::HierarchyJudgments groupJudgments;
    ahp::HierarchyResult groupResult;
    std::vector<Eigen::VectorXd> aip;
    std::vector<int> aipExperts;
    std::size_t set = 0, expert = 0;  // the set and expert reached
    std::optional<ahp::GeometricPriorityAggregator> setAip;
    int setAipExperts = 0;
    bool setAipFailed = false;
    std::vector<double> distanceSum, maxDistance;
    std::vector<int> distanceCount;
};

namespace {

// Units of work (one expert in one set) between two looks at the clock: about 0.1 ms.
constexpr std::size_t kUnitsPerSlice = 256;

// Clears the results and starts computing them again (r.build), or says why there are none.
void startRecompute(ResearchState& r, const model::Model& m) {
    r.dirty = false;
    r.build.reset();
    r.buildProgress = 0;
    r.includedExperts.clear();
    r.tables.reset();
    r.tablesError.clear();
    r.groupJudgments.clear();
    r.groupResult = ahp::HierarchyResult();
    r.aip.clear();
    r.aipExperts.clear();
    r.sensitivity.reset();
    r.monteCarlo.reset();
    for (ResearchExpert& e : r.experts) e.meanDistance = e.maxDistance = kNaN;

    std::vector<const model::Response*> responses;  // not copied: thousands of them
    model::GroupOptions options;
    for (std::size_t k = 0; k < r.experts.size(); ++k) {
        if (!r.experts[k].included) continue;
        r.includedExperts.push_back(int(k));
        responses.push_back(&r.group.responses[k].response);
        options.expertWeights.push_back(r.experts[k].weight);
        options.known.push_back(&r.experts[k]);
    }
    if (responses.empty()) {
        r.tablesError = r.experts.empty() ? "" : "none-included";
        return;
    }
    if (r.crRuleOn) options.excludeAboveCr = r.crRule;
    auto build = std::make_shared<ResearchBuild>();
    try {
        build->builder.emplace(m, std::move(responses), std::move(options));
    } catch (const std::exception& e) {
        r.tablesError = e.what();
        return;
    }
    build->distanceSum.assign(r.experts.size(), 0.0);
    build->distanceCount.assign(r.experts.size(), 0);
    build->maxDistance.assign(r.experts.size(), kNaN);
    r.build = std::move(build);
}

// Expert k of the set being finished: its share of AIP (k-th included expert) and its
// distance from the group's local weights (k-th expert).
void deriveExpert(const ResearchState& r, ResearchBuild& b, const model::GroupSetTable& table, std::size_t k) {
    const std::size_t s = b.set;
    if (k < r.includedExperts.size()) {
        const ResearchExpert& e = r.experts[r.includedExperts[k]];
        const Eigen::VectorXd& p = e.priorities[s];
        if (table.expertIncluded[k] && p.size() > 0) {
            // AIP needs positive weights (ahp::aggregatePrioritiesGeometric); none else is shown.
            if (!b.setAip) b.setAip.emplace(p.size());
            if (!(p.array() > 0).all() || !p.allFinite()) b.setAipFailed = true;
            if (!b.setAipFailed) b.setAip->add(p, e.weight);
            ++b.setAipExperts;
        }
    }
    if (!table.solved) return;
    const Eigen::VectorXd& p = r.experts[k].priorities[s];
    if (p.size() != table.weights.size()) return;
    const double d = (p - table.weights).norm();
    b.distanceSum[k] += d;
    ++b.distanceCount[k];
    b.maxDistance[k] = std::isnan(b.maxDistance[k]) ? d : std::max(b.maxDistance[k], d);
}

// About `units` units of the recompute; true when it is done (r.build is then gone).
bool advanceRecompute(ResearchState& r, const model::Model& m, std::size_t units) {
    ResearchBuild& b = *r.build;
    const ahp::Hierarchy& h = m.hierarchy;
    if (b.builder) {
        const bool built = b.builder->step(units);
        r.buildProgress = 0.75 * b.builder->progress();
        if (!built) return false;
        try {
            b.tables = b.builder->take();
        } catch (const std::exception& e) {
            r.tablesError = e.what();
            r.build.reset();
            return true;
        }
        b.builder.reset();
        for (const model::GroupSetTable& table : b.tables->sets)
            if (table.expertsAggregated > 0) b.groupJudgments[table.set] = table.aggregated;
        b.groupResult = ahp::synthesize(h, b.groupJudgments, m.settings);
    }
    const std::size_t experts = r.experts.size(), sets = b.tables->sets.size();
    for (std::size_t done = 0; b.set < sets && done < units; ++done) {
        const model::GroupSetTable& table = b.tables->sets[b.set];
        if (b.expert < experts) {
            deriveExpert(r, b, table, b.expert++);
            continue;
        }
        b.aipExperts.push_back(b.setAipExperts);
        b.aip.push_back(b.setAip && b.setAipExperts > 0 && !b.setAipFailed ? b.setAip->result() : Eigen::VectorXd());
        b.setAip.reset();
        b.setAipExperts = 0;
        b.setAipFailed = false;
        b.expert = 0;
        ++b.set;
    }
    r.buildProgress =
        0.75 + 0.25 * double(b.set * experts + b.expert) / double(std::max<std::size_t>(1, sets * experts));
    if (b.set < sets) return false;

    for (std::size_t e = 0; e < experts; ++e) {
        if (b.distanceCount[e] > 0) r.experts[e].meanDistance = b.distanceSum[e] / b.distanceCount[e];
        r.experts[e].maxDistance = b.maxDistance[e];
    }
    r.tables = std::move(b.tables);
    r.groupJudgments = std::move(b.groupJudgments);
    r.groupResult = std::move(b.groupResult);
    r.aip = std::move(b.aip);
    r.aipExperts = std::move(b.aipExperts);
    r.build.reset();  // b is gone from here on
    r.buildProgress = 1;
    if (r.sensitivityNode < 0) {
        r.sensitivityNode = defaultSensitivityNode(h);
        if (r.sensitivityNode >= 0) r.sensitivityWeight = r.groupResult.localWeight.at(r.sensitivityNode);
    }
    computeSensitivity(r, m);
    return true;
}

// The recompute under way, for `budgetMs` (at least one slice).
void continueRecompute(ResearchState& r, const model::Model& m, double budgetMs) {
    using clock = std::chrono::steady_clock;
    const auto start = clock::now();
    while (r.build && !advanceRecompute(r, m, kUnitsPerSlice) &&
           std::chrono::duration<double, std::milli>(clock::now() - start).count() < budgetMs) {
    }
}

}  // namespace

void researchRecompute(ResearchState& r, const model::Model& m) {
    startRecompute(r, m);
    while (r.build) advanceRecompute(r, m, std::numeric_limits<std::size_t>::max());
}

bool researchStep(ResearchState& r, const model::Model& m, double budgetMs) {
    using clock = std::chrono::steady_clock;
    const auto start = clock::now();
    if (!r.queue.empty()) r.build.reset();  // the experts are about to change: it starts again after them
    while (!r.queue.empty()) {
        auto file = std::move(r.queue.front());
        r.queue.pop_front();
        const model::AddResult added = file.response ? model::addToGroup(r.group, file.name, std::move(*file.response))
                                                     : model::addToGroup(r.group, m, file.name, file.bytes);
        file = {};  // the bytes go now: only what was parsed from them stays
        if (added.kind == model::AddResult::Kind::Added || added.kind == model::AddResult::Kind::Replaced) {
            const model::LoadedResponse& loaded = r.group.responses[added.index];
            ResearchExpert described = describe(m, loaded.response);
            // Identical judgments under another name: listed, left out until switched on.
            described.included = loaded.identicalTo.empty();
            if (added.kind == model::AddResult::Kind::Added) {
                r.experts.push_back(std::move(described));
            } else {  // a newer revision of the expert: the researcher's weight stays
                described.weight = r.experts[added.index].weight;
                r.experts[added.index] = std::move(described);
            }
        }
        ++r.processed;
        r.dirty = true;
        if (std::chrono::duration<double, std::milli>(clock::now() - start).count() >= budgetMs) break;
    }
    if (!r.queue.empty()) return true;
    if (r.coming > 0) return false;  // the rest of the choice first: its part comes with a frame
    if (r.dirty) startRecompute(r, m);
    if (r.build) {
        const double spent = std::chrono::duration<double, std::milli>(clock::now() - start).count();
        continueRecompute(r, m, budgetMs - spent);
        if (r.build) return true;
    }
    if (r.mcRequested) {
        r.mcRequested = false;
        r.monteCarlo.reset();
        if (!r.groupJudgments.empty()) {
            try {
                r.monteCarlo =
                    ahp::monteCarlo(m.hierarchy, r.groupJudgments, m.settings, r.mcSamples, r.mcSpread, 20240501u);
            } catch (const ahp::Error&) {
                r.monteCarlo.reset();
            }
        }
    }
    return false;
}

Effects researchApply(ResearchState& r, const model::Model& m, const ResearchAction& action,
                      const std::string& language) {
    namespace a = research_action;
    Effects effects;
    std::visit(
        [&](const auto& act) {
            using T = std::decay_t<decltype(act)>;
            if constexpr (std::is_same_v<T, a::LoadResponses>) {
                researchAddFiles(r, act.files);
            } else if constexpr (std::is_same_v<T, a::Clear>) {
                researchReset(r);
            } else if constexpr (std::is_same_v<T, a::DismissProblems>) {
                r.problemsDismissed = true;
                r.problemsShown = r.group.skipped.size() + r.group.duplicates.size() + r.group.superseded.size();
            } else if constexpr (std::is_same_v<T, a::Section>) {
                r.section = act.section;
            } else if constexpr (std::is_same_v<T, a::Include>) {
                if (act.expert >= 0 && act.expert < int(r.experts.size()) &&
                    r.experts[act.expert].included != act.included) {
                    r.experts[act.expert].included = act.included;
                    r.dirty = true;
                }
            } else if constexpr (std::is_same_v<T, a::Weight>) {
                if (act.expert >= 0 && act.expert < int(r.experts.size()) && std::isfinite(act.weight) &&
                    act.weight > 0 && r.experts[act.expert].weight != act.weight) {
                    r.experts[act.expert].weight = act.weight;
                    r.dirty = true;
                }
            } else if constexpr (std::is_same_v<T, a::CrRule>) {
                const double value = std::isfinite(act.value) ? std::clamp(act.value, 0.0, 10.0) : r.crRule;
                if (act.on != r.crRuleOn || value != r.crRule) {
                    r.crRuleOn = act.on;
                    r.crRule = value;
                    r.dirty = true;
                }
            } else if constexpr (std::is_same_v<T, a::SelectSet>) {
                const int count = int(m.hierarchy.comparisonSets().size());
                if (count > 0) r.set = std::clamp(act.set, 0, count - 1);
            } else if constexpr (std::is_same_v<T, a::SelectNode>) {
                r.sensitivityNode = act.node;
                computeSensitivity(r, m);
                r.sensitivityWeight = r.sensitivity ? r.sensitivity->baseWeight : 0.0;
            } else if constexpr (std::is_same_v<T, a::SensitivityWeight>) {
                if (std::isfinite(act.weight)) r.sensitivityWeight = std::clamp(act.weight, 0.0, 1.0);
            } else if constexpr (std::is_same_v<T, a::MonteCarloDraft>) {
                r.mcSamplesDraft = act.samples;
                r.mcSpreadDraft = act.spread;
            } else if constexpr (std::is_same_v<T, a::MonteCarlo>) {
                r.mcSamples = std::clamp(act.samples, 100, 100000);
                if (std::isfinite(act.spread)) r.mcSpread = std::clamp(act.spread, 0.0, 2.0);
                r.mcSamplesDraft = r.mcSamples;  // the fields show what the run uses
                r.mcSpreadDraft = r.mcSpread;
                r.mcRequested = true;
                r.monteCarlo.reset();
            } else if constexpr (std::is_same_v<T, a::Download>) {
                if (r.build) {  // what is asked for is what the screen will show: finish it now
                    while (r.build) advanceRecompute(r, m, std::numeric_limits<std::size_t>::max());
                }
                if (!r.tables) {
                    r.status = {"research.status.no_results", ""};
                    return;
                }
                static const char* extensions[] = {"csv", "json", "md"};
                static const char* mimes[] = {"text/csv", "application/json", "text/markdown"};
                const int kind = std::clamp(act.kind, 0, 2);
                const std::string name = m.id + "-group." + extensions[kind];
                std::string bytes;
                if (kind == 0) {
                    bytes = model::groupTablesCsv(m, *r.tables, language);
                } else if (kind == 1) {
                    nlohmann::ordered_json report = model::groupTablesJson(m, *r.tables);
                    report["files"] = model::groupFilesJson(
                        r.group, std::vector<std::size_t>(r.includedExperts.begin(), r.includedExperts.end()));
                    bytes = report.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
                } else {
                    bytes = model::groupTablesMarkdown(m, *r.tables, language);
                }
                effects.push_back(effect::Download{Requester::Research, name, mimes[kind], std::move(bytes)});
            }
        },
        action);
    // Results follow the change at once (unless files are still loading: the last one
    // recomputes); with thousands of experts, over the next frames.
    if (r.dirty && r.queue.empty()) {
        startRecompute(r, m);
        continueRecompute(r, m, kApplyBudgetMs);
    }
    return effects;
}

std::vector<double> sensitivityLeafWeightsAt(const ahp::SensitivityReport& report, double x) {
    if (report.points.empty()) return {};
    const std::vector<double>& a = report.points.front().leafWeights;
    const std::vector<double>& b = report.points.back().leafWeights;
    const double w0 = report.points.front().weight, w1 = report.points.back().weight;
    const double t = w1 > w0 ? (x - w0) / (w1 - w0) : 0.0;
    std::vector<double> out(a.size());
    for (std::size_t k = 0; k < a.size(); ++k) out[k] = a[k] + t * (b[k] - a[k]);
    return out;
}

nlohmann::json researchJson(const ResearchState& r, const model::Model& m) {
    const ahp::Hierarchy& h = m.hierarchy;
    nlohmann::json j;
    static const char* sections[] = {"experts", "group", "sensitivity", "uncertainty", "reports"};
    j["section"] = sections[int(r.section)];
    j["pending"] = r.queue.size();
    j["parsed_ahead"] = r.parsedAhead;
    j["processed"] = r.processed;
    j["batch_total"] = r.batchTotal;
    j["computing"] = bool(r.build);
    nlohmann::json problems = nlohmann::json::array(), duplicates = nlohmann::json::array(),
                   superseded = nlohmann::json::array();
    for (const auto& s : r.group.skipped)
        problems.push_back({{"file", s.file}, {"code", s.code}, {"args", s.args}, {"message", s.message}});
    for (const auto& d : r.group.duplicates)
        duplicates.push_back({{"file", d.file}, {"duplicate_of", d.firstFile}, {"reason", d.reason}});
    for (const auto& d : r.group.superseded)
        superseded.push_back({{"file", d.file}, {"superseded_by", d.supersededBy}});
    j["problems"] = problems;
    j["duplicates"] = duplicates;
    j["superseded"] = superseded;
    nlohmann::json experts = nlohmann::json::array();
    for (std::size_t k = 0; k < r.experts.size(); ++k) {
        const ResearchExpert& e = r.experts[k];
        const model::Response& response = r.group.responses[k].response;
        nlohmann::json cr = nlohmann::json::array();
        for (const auto& c : e.cr) cr.push_back(model::jsonNumber(c));
        experts.push_back({{"file", r.group.responses[k].file},
                           {"name", response.expert.name},
                           {"role", response.expert.role},
                           {"identical_to", r.group.responses[k].identicalTo},
                           {"included", e.included},
                           {"weight", e.weight},
                           {"cr", cr},
                           {"answered", e.answered},
                           {"total", e.total},
                           {"mean_distance", model::jsonNumber(e.meanDistance)},
                           {"max_distance", model::jsonNumber(e.maxDistance)}});
    }
    j["experts"] = experts;
    j["cr_rule"] = r.crRuleOn ? nlohmann::json(r.crRule) : nlohmann::json();
    j["error"] = r.tablesError;
    j["group"] = r.tables ? nlohmann::json::parse(model::groupTablesJson(m, *r.tables).dump()) : nlohmann::json();
    nlohmann::json aip = nlohmann::json::array();
    if (r.tables)
        for (std::size_t s = 0; s < r.tables->sets.size() && s < r.aip.size(); ++s) {
            const model::GroupSetTable& table = r.tables->sets[s];
            nlohmann::json o{{"set", table.set}, {"experts", r.aipExperts[s]}};
            if (r.aip[s].size() > 0) {
                o["weights"] = model::jsonNumbers(r.aip[s]);
                if (table.solved) o["max_difference"] = (r.aip[s] - table.weights).cwiseAbs().maxCoeff();
            }
            aip.push_back(o);
        }
    j["aip"] = aip;
    const auto sets = h.comparisonSets();
    j["set"] = sets.empty() ? "" : h.node(sets[std::clamp(r.set, 0, int(sets.size()) - 1)]).id;
    if (r.sensitivity) {
        const auto& s = *r.sensitivity;
        const std::vector<double> weights = sensitivityLeafWeightsAt(s, r.sensitivityWeight);
        const auto leaves = h.leaves();
        nlohmann::json leafWeights = nlohmann::json::object();
        for (std::size_t k = 0; k < leaves.size(); ++k) leafWeights[h.node(leaves[k]).id] = weights[k];
        nlohmann::json ranking = nlohmann::json::array();
        for (int leaf : ahp::rankLeaves(leaves, weights)) ranking.push_back(h.node(leaf).id);
        nlohmann::json reversals = nlohmann::json::array();
        for (const auto& rv : s.reversals)
            reversals.push_back(
                {{"weight", rv.weight}, {"above", h.node(rv.leafA).id}, {"below", h.node(rv.leafB).id}});
        j["sensitivity"] = {
            {"node", h.node(s.node).id},   {"base_weight", s.baseWeight}, {"weight", r.sensitivityWeight},
            {"leaf_weights", leafWeights}, {"ranking", ranking},          {"reversals", reversals}};
    } else {
        j["sensitivity"] = nullptr;
    }
    if (r.monteCarlo) {
        nlohmann::json leaves = nlohmann::json::array();
        for (const auto& leaf : r.monteCarlo->leaves)
            leaves.push_back({{"id", leaf.id},
                              {"base", leaf.baseWeight},
                              {"mean", leaf.mean},
                              {"p05", leaf.p05},
                              {"p95", leaf.p95},
                              {"rank_probability", leaf.rankProbability}});
        j["monte_carlo"] = {{"samples", r.monteCarlo->samples}, {"spread", r.monteCarlo->spread}, {"leaves", leaves}};
    } else {
        j["monte_carlo"] = nullptr;
    }
    j["mc_requested"] = r.mcRequested;
    j["status"] = {{"key", r.status.key}, {"argument", r.status.argument}};
    return j;
}

}  // namespace ui
