#include "ui/research.hpp"

#include "model/text_format.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>

namespace ui {

namespace {

const double kNaN = std::numeric_limits<double>::quiet_NaN();

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

void researchAddFiles(ResearchState& r, std::vector<std::pair<std::string, std::string>> files) {
    if (r.queue.empty()) r.batchTotal = r.processed = 0;
    r.batchTotal += int(files.size());
    for (auto& file : files) r.queue.push_back(std::move(file));
    r.status = {};
}

void researchRefuseFile(ResearchState& r, model::SkippedFile file) {
    r.group.skipped.push_back(std::move(file));
    r.status = {};
}

bool researchStep(ResearchState& r, const model::Model& m, double budgetMs) {
    using clock = std::chrono::steady_clock;
    const auto start = clock::now();
    while (!r.queue.empty()) {
        auto file = std::move(r.queue.front());
        r.queue.pop_front();
        const model::AddResult added = model::addToGroup(r.group, m, file.first, file.second);
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
    if (r.dirty) researchRecompute(r, m);
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

void researchRecompute(ResearchState& r, const model::Model& m) {
    r.dirty = false;
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
    try {
        r.tables = model::buildGroupTables(m, responses, options);
    } catch (const std::exception& e) {
        r.tablesError = e.what();
        return;
    }
    const ahp::Hierarchy& h = m.hierarchy;
    for (const model::GroupSetTable& table : r.tables->sets)
        if (table.expertsAggregated > 0) r.groupJudgments[table.set] = table.aggregated;
    r.groupResult = ahp::synthesize(h, r.groupJudgments, m.settings);

    // AIP beside AIJ, and each expert's distance from the group, per set.
    std::vector<double> distanceSum(r.experts.size(), 0.0);
    std::vector<int> distanceCount(r.experts.size(), 0);
    for (std::size_t s = 0; s < r.tables->sets.size(); ++s) {
        const model::GroupSetTable& table = r.tables->sets[s];
        std::vector<Eigen::VectorXd> priorities;
        std::vector<double> weights;
        for (std::size_t k = 0; k < r.includedExperts.size(); ++k) {
            const ResearchExpert& e = r.experts[r.includedExperts[k]];
            if (!table.expertIncluded[k] || e.priorities[s].size() == 0) continue;
            priorities.push_back(e.priorities[s]);
            weights.push_back(e.weight);
        }
        r.aipExperts.push_back(int(priorities.size()));
        r.aip.push_back(priorities.empty() ? Eigen::VectorXd()
                                           : ahp::aggregatePrioritiesGeometric(priorities, weights));
        if (!table.solved) continue;
        for (std::size_t e = 0; e < r.experts.size(); ++e) {
            const Eigen::VectorXd& p = r.experts[e].priorities[s];
            if (p.size() != table.weights.size()) continue;
            const double d = (p - table.weights).norm();
            distanceSum[e] += d;
            ++distanceCount[e];
            r.experts[e].maxDistance = std::isnan(r.experts[e].maxDistance) ? d : std::max(r.experts[e].maxDistance, d);
        }
    }
    for (std::size_t e = 0; e < r.experts.size(); ++e)
        if (distanceCount[e] > 0) r.experts[e].meanDistance = distanceSum[e] / distanceCount[e];

    if (r.sensitivityNode < 0) {
        r.sensitivityNode = defaultSensitivityNode(h);
        if (r.sensitivityNode >= 0) r.sensitivityWeight = r.groupResult.localWeight.at(r.sensitivityNode);
    }
    computeSensitivity(r, m);
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
    // Results follow the change at once (unless files are still loading: the last one recomputes).
    if (r.dirty && r.queue.empty()) researchRecompute(r, m);
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
    j["processed"] = r.processed;
    j["batch_total"] = r.batchTotal;
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
