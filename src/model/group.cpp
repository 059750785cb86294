#include "model/group.hpp"

#include "model/names.hpp"
#include "model/text_format.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace model {

namespace {

using nlohmann::ordered_json;

// 1-based ranks, highest value first; equal values keep their order (ahp::rankOrder).
std::vector<int> ranksOf(const std::vector<double>& values) {
    const std::vector<int> order = ahp::rankOrder(values);
    std::vector<int> ranks(values.size());
    for (std::size_t position = 0; position < order.size(); ++position)
        ranks[order[position]] = static_cast<int>(position) + 1;
    return ranks;
}

std::string expertLabel(const Expert& expert) {
    return expert.role.empty() ? expert.name : expert.name + " (" + expert.role + ")";
}

void fillSolvedSet(GroupSetTable& table, const ahp::SetResult& result) {
    table.solved = true;
    table.weights = result.localWeights;
    table.consistency = result.consistency;
    table.matrix = ahp::completedMatrix(table.aggregated, table.weights);
    table.normalized = table.matrix;
    for (Eigen::Index col = 0; col < table.matrix.cols(); ++col)
        table.normalized.col(col) /= table.matrix.col(col).sum();
    table.ranks = ranksOf(std::vector<double>(table.weights.data(), table.weights.data() + table.weights.size()));
}

ordered_json matrixJson(const Eigen::MatrixXd& matrix) {
    ordered_json rows = ordered_json::array();
    for (Eigen::Index i = 0; i < matrix.rows(); ++i) {
        ordered_json row = ordered_json::array();
        for (Eigen::Index j = 0; j < matrix.cols(); ++j) row.push_back(jsonNumber<ordered_json>(matrix(i, j)));
        rows.push_back(row);
    }
    return rows;
}

}  // namespace

namespace {

// Name and role trimmed as names are read (trimmedName); names hold no control characters, so \x1F cannot be in them.
std::string expertKey(const Expert& expert) { return trimmedName(expert.name) + '\x1F' + trimmedName(expert.role); }

// Every set's cells, exactly (bits of the doubles): equal keys mean sameJudgments.
std::string judgmentsKey(const ahp::HierarchyJudgments& judgments) {
    std::string key;
    for (const auto& [set, matrix] : judgments) {
        key += set;
        key += '\x1F';
        for (int i = 0; i < matrix.size(); ++i)
            for (int j = i + 1; j < matrix.size(); ++j) {
                const auto value = matrix.get(i, j);
                const double v = value ? *value : 0.0;
                key.append(reinterpret_cast<const char*>(&v), sizeof v);
            }
    }
    return key;
}

// saved_at a later than b: "YYYY-MM-DDTHH:MM:SS" compared as text, then the fraction as a number.
bool savedLater(const std::string& a, const std::string& b) {
    const std::string secondsA = a.substr(0, 19), secondsB = b.substr(0, 19);
    if (secondsA != secondsB) return secondsA > secondsB;
    auto fraction = [](const std::string& t) {
        return t.size() > 20 && t[19] == '.' ? std::stod("0" + t.substr(19, t.size() - 20)) : 0.0;
    };
    return fraction(a) > fraction(b);
}

}  // namespace

AddResult addToGroup(LoadedGroup& group, const Model& model, const std::string& file, const std::string& text) {
    Response response;
    try {
        response = parseResponse(model, text, file);
    } catch (const ModelError& error) {
        group.skipped.push_back({file, error.what(), error.code, error.args});
        return {AddResult::Kind::Skipped};
    } catch (const std::exception& error) {
        group.skipped.push_back({file, file + ": " + error.what(), "invalid", {file}});
        return {AddResult::Kind::Skipped};
    }
    return addToGroup(group, file, std::move(response));
}

AddResult addToGroup(LoadedGroup& group, const std::string& file, Response response) {
    const std::string expert = expertKey(response.expert);
    const std::string judgments = judgmentsKey(response.judgments);
    auto identicalTo = [&](std::size_t self) -> std::string {
        auto twin = group.byJudgments.find(judgments);
        if (twin == group.byJudgments.end() || twin->second == self) return "";
        const LoadedResponse& first = group.responses[twin->second];
        group.duplicates.push_back(
            {file, first.file,
             "identical judgments to " + first.file + " (\"" + expertLabel(first.response.expert) + "\")"});
        return first.file;
    };

    auto same = group.byExpert.find(expert);
    if (same == group.byExpert.end()) {
        const std::size_t index = group.responses.size();
        std::string twin = identicalTo(index);
        if (twin.empty()) group.byJudgments.emplace(judgments, index);
        group.byExpert.emplace(expert, index);
        group.responses.push_back({file, std::move(response), std::move(twin)});
        return {AddResult::Kind::Added, index};
    }
    const std::size_t index = same->second;
    LoadedResponse& used = group.responses[index];
    std::vector<std::size_t>& older = group.supersededOf[expert];
    if (!savedLater(response.savedAt, used.response.savedAt)) {
        older.push_back(group.superseded.size());
        group.superseded.push_back({file, used.file});
        return {AddResult::Kind::Superseded, index};
    }
    // A newer revision takes the older one's place; what pointed at the older one moves to it.
    const std::string oldKey = judgmentsKey(used.response.judgments);
    auto owner = group.byJudgments.find(oldKey);
    if (owner != group.byJudgments.end() && owner->second == index) group.byJudgments.erase(owner);
    if (!used.identicalTo.empty())
        group.duplicates.erase(std::remove_if(group.duplicates.begin(), group.duplicates.end(),
                                              [&](const DuplicateExpert& d) { return d.file == used.file; }),
                               group.duplicates.end());
    for (std::size_t k : older) group.superseded[k].supersededBy = file;
    older.push_back(group.superseded.size());
    group.superseded.push_back({used.file, file});
    std::string twin = identicalTo(index);
    if (twin.empty()) group.byJudgments.emplace(judgments, index);
    used = {file, std::move(response), std::move(twin)};
    return {AddResult::Kind::Replaced, index};
}

LoadedGroup loadGroup(const Model& model, const std::vector<std::pair<std::string, std::string>>& files) {
    LoadedGroup group;
    for (const auto& [file, text] : files) addToGroup(group, model, file, text);
    return group;
}

std::vector<std::size_t> usedResponses(const LoadedGroup& group, bool includeIdentical) {
    std::vector<std::size_t> used;
    for (std::size_t k = 0; k < group.responses.size(); ++k)
        if (includeIdentical || group.responses[k].identicalTo.empty()) used.push_back(k);
    return used;
}

nlohmann::ordered_json groupFilesJson(const LoadedGroup& group, const std::vector<std::size_t>& used) {
    ordered_json files;
    ordered_json usedFiles = ordered_json::array(), skipped = ordered_json::array(), superseded = ordered_json::array(),
                 duplicates = ordered_json::array();
    std::vector<bool> isUsed(group.responses.size(), false);
    for (std::size_t k : used) {
        usedFiles.push_back(group.responses[k].file);
        isUsed[k] = true;
    }
    for (const auto& s : group.skipped) skipped.push_back({{"file", s.file}, {"code", s.code}, {"message", s.message}});
    for (const auto& s : group.superseded) superseded.push_back({{"file", s.file}, {"superseded_by", s.supersededBy}});
    std::unordered_map<std::string, bool> twinUsed;  // file -> used, for the responses with a twin
    for (std::size_t k = 0; k < group.responses.size(); ++k)
        if (!group.responses[k].identicalTo.empty()) twinUsed[group.responses[k].file] = isUsed[k];
    for (const auto& d : group.duplicates) {
        auto found = twinUsed.find(d.file);
        const bool included = found != twinUsed.end() && found->second;
        duplicates.push_back(
            {{"file", d.file}, {"duplicate_of", d.firstFile}, {"reason", d.reason}, {"included", included}});
    }
    files["used"] = usedFiles;
    files["skipped"] = skipped;
    files["superseded"] = superseded;
    files["duplicates"] = duplicates;
    return files;
}

ExpertSetResults expertSetResults(const Model& model, const Response& response) {
    ExpertSetResults results;
    const ahp::Hierarchy& hierarchy = model.hierarchy;
    for (int setIndex : hierarchy.comparisonSets()) {
        const ahp::Node& set = hierarchy.node(setIndex);
        std::optional<double> cr;
        Eigen::VectorXd weights;
        auto found = response.judgments.find(set.id);
        if (found != response.judgments.end() && found->second.size() == static_cast<int>(set.children.size()) &&
            found->second.knownCount() > 0 && found->second.isConnected()) {
            try {
                weights = ahp::priorities(found->second, model.settings.method);
                cr = ahp::consistency(found->second, weights, model.settings.method, model.settings.riTable).cr;
            } catch (const ahp::Error&) {
                weights = Eigen::VectorXd();
                cr.reset();
            }
        }
        results.cr.push_back(cr);
        results.priorities.push_back(weights);
    }
    return results;
}

GroupTables buildGroupTables(const Model& model, const std::vector<Response>& responses, const GroupOptions& options) {
    std::vector<const Response*> pointers;
    pointers.reserve(responses.size());
    for (const Response& response : responses) pointers.push_back(&response);
    return buildGroupTables(model, pointers, options);
}

GroupTables buildGroupTables(const Model& model, const std::vector<const Response*>& responses,
                             const GroupOptions& options) {
    GroupTablesBuilder builder(model, responses, options);
    while (!builder.step(std::numeric_limits<std::size_t>::max())) {
    }
    return builder.take();
}

GroupTablesBuilder::GroupTablesBuilder(const Model& model, std::vector<const Response*> responses, GroupOptions options)
    : model_(model), responses_(std::move(responses)), options_(std::move(options)) {
    if (responses_.empty()) throw ModelError("group: no responses to combine");
    const std::size_t expertCount = responses_.size();
    tables_.modelId = model.id;
    tables_.modelHash = model.hash;
    tables_.settings = model.settings;
    tables_.excludeAboveCr = options_.excludeAboveCr;
    tables_.experts.reserve(expertCount);
    for (const Response* response : responses_) tables_.experts.push_back(response->expert);
    if (!options_.known.empty() && options_.known.size() != expertCount)
        throw ModelError("group: known results for " + std::to_string(options_.known.size()) + " of " +
                         std::to_string(expertCount) + " experts");
    tables_.expertWeights =
        options_.expertWeights.empty() ? std::vector<double>(expertCount, 1.0) : options_.expertWeights;
    if (tables_.expertWeights.size() != expertCount)
        throw ModelError("expert weights: " + std::to_string(tables_.expertWeights.size()) + " given for " +
                         std::to_string(expertCount) + " experts");
    for (std::size_t k = 0; k < expertCount; ++k)
        if (!(std::isfinite(tables_.expertWeights[k]) && tables_.expertWeights[k] > 0))
            throw ModelError("expert weights: weight " + std::to_string(k + 1) + " must be a finite positive number");
    setIndices_ = model.hierarchy.comparisonSets();
    // Each expert's own results are computed here unless the caller has them.
    if (options_.known.empty()) computed_.reserve(expertCount);
    stage_ = options_.known.empty() ? Stage::Experts : Stage::Select;
    // Two passes per set over the experts, and one over them first when their results are computed.
    unitsTotal_ = expertCount * setIndices_.size() * (options_.known.empty() ? 3 : 2) + 1;
    if (stage_ == Stage::Select && setIndices_.empty()) stage_ = Stage::Finish;
}

double GroupTablesBuilder::progress() const {
    return stage_ == Stage::Done ? 1.0 : double(unitsDone_) / double(unitsTotal_);
}

bool GroupTablesBuilder::step(std::size_t units) {
    const std::size_t expertCount = responses_.size();
    const std::size_t sets = setIndices_.size();
    std::size_t budget = units;
    auto spend = [&](std::size_t cost) {
        unitsDone_ += cost;
        budget = cost >= budget ? 0 : budget - cost;
    };
    while (stage_ != Stage::Done && budget > 0) {
        switch (stage_) {
        case Stage::Experts:
            computed_.push_back(expertSetResults(model_, *responses_[next_]));
            spend(std::max<std::size_t>(1, sets));
            if (++next_ == expertCount) {
                for (const ExpertSetResults& results : computed_) options_.known.push_back(&results);
                next_ = 0;
                stage_ = sets == 0 ? Stage::Finish : Stage::Select;
            }
            break;
        case Stage::Select:
            if (next_ == 0) {
                table_ = GroupSetTable();
                table_.set = model_.hierarchy.node(setIndices_[set_]).id;
                table_.items = childIds(model_.hierarchy, setIndices_[set_]);
                table_.expertCr.reserve(expertCount);
                table_.expertIncluded.reserve(expertCount);
                included_.clear();
                includedWeights_.clear();
                withPriorities_ = 0;
            }
            selectExpert(next_);
            spend(1);
            if (++next_ == expertCount) {
                next_ = 0;
                startAggregating();
            }
            break;
        case Stage::Aggregate:
            if (next_ < included_.size()) {
                aggregateExpert(next_++);
                spend(1);
            } else {
                spend(expertCount - included_.size());  // the experts left out of this set
                finishSet();
            }
            break;
        case Stage::Finish:
            finishTables();
            spend(1);
            stage_ = Stage::Done;
            break;
        case Stage::Done: break;
        }
    }
    return stage_ == Stage::Done;
}

void GroupTablesBuilder::selectExpert(std::size_t e) {
    const int n = static_cast<int>(table_.items.size());
    auto found = responses_[e]->judgments.find(table_.set);
    const bool answered =
        found != responses_[e]->judgments.end() && found->second.size() == n && found->second.knownCount() > 0;
    const std::optional<double> cr = options_.known[e]->cr.at(set_);
    const Eigen::VectorXd& weights = options_.known[e]->priorities.at(set_);
    bool include = answered;
    if (include && options_.excludeAboveCr && cr && *cr > *options_.excludeAboveCr) include = false;
    table_.expertCr.push_back(cr);
    table_.expertIncluded.push_back(include);
    if (!include) return;
    included_.push_back(e);
    includedWeights_.push_back(tables_.expertWeights[e]);
    if (weights.size() > 0) ++withPriorities_;
}

void GroupTablesBuilder::startAggregating() {
    const int n = static_cast<int>(table_.items.size());
    table_.expertsAggregated = static_cast<int>(included_.size());
    aggregator_.reset();
    consensus_.reset();
    consensusFailed_ = false;
    if (included_.empty()) {
        table_.problem = options_.excludeAboveCr ? "no expert's judgments to aggregate (none given, or CR above " +
                                                       formatNumber(*options_.excludeAboveCr) + ")"
                                                 : "no expert gave judgments for this set";
        table_.aggregated = ahp::PairwiseMatrix(n);
    } else {
        // AIJ (ahp::aggregateJudgments) and S* (ahp::consensus) an expert at a time.
        const double first = includedWeights_.front();
        const bool equal =
            std::all_of(includedWeights_.begin(), includedWeights_.end(), [&](double w) { return w == first; });
        aggregator_.emplace(n, equal, first);
        if (withPriorities_ == included_.size()) {
            double sumW = 0;
            for (double w : includedWeights_) sumW += w;
            consensus_.emplace(n, included_.size(), sumW);
        }
    }
    stage_ = Stage::Aggregate;
}

void GroupTablesBuilder::aggregateExpert(std::size_t k) {
    const std::size_t e = included_[k];
    aggregator_->add(responses_[e]->judgments.find(table_.set)->second, includedWeights_[k]);
    if (consensus_ && !consensusFailed_) {
        try {
            consensus_->add(options_.known[e]->priorities[set_], includedWeights_[k]);
        } catch (const ahp::Error&) {
            consensusFailed_ = true;
        }
    }
}

void GroupTablesBuilder::finishSet() {
    if (aggregator_) {
        table_.aggregated = aggregator_->result();
        groupJudgments_[table_.set] = table_.aggregated;
        if (!table_.aggregated.isConnected())
            table_.problem = "the experts' judgments together do not connect all items";
    }
    if (consensus_ && !consensusFailed_) {
        const ahp::ConsensusReport consensus = consensus_->result();
        if (std::isfinite(consensus.sStar)) {
            table_.consensus = consensus.sStar;
            table_.consensusLevel = ahp::levelName(consensus.level);
        }
    }
    tables_.sets.push_back(std::move(table_));
    table_ = GroupSetTable();
    aggregator_.reset();
    consensus_.reset();
    next_ = 0;
    stage_ = ++set_ == setIndices_.size() ? Stage::Finish : Stage::Select;
}

GroupTables GroupTablesBuilder::take() {
    if (stage_ != Stage::Done) throw ModelError("group: the tables are not built yet");
    return std::move(tables_);
}

void GroupTablesBuilder::finishTables() {
    const Model& model = model_;
    const ahp::Hierarchy& hierarchy = model.hierarchy;
    GroupTables& tables = tables_;
    ahp::HierarchyResult result = ahp::synthesize(hierarchy, groupJudgments_, model.settings);
    for (auto& table : tables.sets) {
        auto solved = std::find_if(result.sets.begin(), result.sets.end(),
                                   [&](const ahp::SetResult& s) { return s.parentId == table.set; });
        if (solved != result.sets.end()) {
            fillSolvedSet(table, *solved);
        } else {
            if (table.problem.empty()) table.problem = "the group matrix could not be solved";
            tables.unsolved.push_back(table.set);
        }
    }

    for (int leaf : result.leafRanking) tables.leafRanking.push_back(hierarchy.node(leaf).id);
    for (std::size_t k = 0; k < hierarchy.nodes().size(); ++k) {
        const ahp::Node& node = hierarchy.node(static_cast<int>(k));
        if (node.parent < 0) continue;
        GroupNodeRow row;
        row.id = node.id;
        row.parent = hierarchy.node(node.parent).id;
        row.depth = nodeDepth(hierarchy, static_cast<int>(k));
        row.leaf = node.children.empty();
        row.localWeight = result.localWeight.at(k);
        row.globalWeight = result.globalWeight.at(k);
        std::vector<double> siblingWeights;
        int position = 0;
        const auto& siblings = hierarchy.node(node.parent).children;
        for (std::size_t s = 0; s < siblings.size(); ++s) {
            siblingWeights.push_back(result.localWeight.at(siblings[s]));
            if (siblings[s] == static_cast<int>(k)) position = static_cast<int>(s);
        }
        row.localRank = ranksOf(siblingWeights)[position];
        if (row.leaf) {
            auto at = std::find(result.leafRanking.begin(), result.leafRanking.end(), static_cast<int>(k));
            row.leafRank = static_cast<int>(at - result.leafRanking.begin()) + 1;
        }
        auto reported = model.reportedLocalWeights.find(node.id);
        if (reported != model.reportedLocalWeights.end()) row.reportedLocalWeight = reported->second;
        tables.nodes.push_back(row);
    }
}

nlohmann::ordered_json groupTablesJson(const Model& model, const GroupTables& tables) {
    ordered_json out;
    out["model"] = {{"id", tables.modelId}, {"hash", tables.modelHash}};
    out["method"] = methodName(tables.settings.method);
    out["ri"] = riTableName(tables.settings.riTable);
    out["cr_threshold"] = tables.settings.crThreshold;
    out["exclude_above_cr"] = jsonNumber<ordered_json>(tables.excludeAboveCr);
    ordered_json experts = ordered_json::array();
    for (std::size_t e = 0; e < tables.experts.size(); ++e)
        experts.push_back(
            {{"name", tables.experts[e].name}, {"role", tables.experts[e].role}, {"weight", tables.expertWeights[e]}});
    out["experts"] = experts;
    ordered_json sets = ordered_json::array();
    for (const auto& table : tables.sets) {
        ordered_json set;
        set["set"] = table.set;
        set["items"] = table.items;
        set["experts_aggregated"] = table.expertsAggregated;
        set["solved"] = table.solved;
        if (!table.solved) set["problem"] = table.problem;
        if (table.solved) {
            set["matrix"] = matrixJson(table.matrix);
            set["normalized"] = matrixJson(table.normalized);
            set["weights"] = jsonNumbers<ordered_json>(table.weights);
            set["ranks"] = table.ranks;
            set["weighted_sum"] = jsonNumbers<ordered_json>(table.consistency.weightedSum);
            set["consistency_vector"] = jsonNumbers<ordered_json>(table.consistency.consistencyVector);
            set["lambda_max"] = jsonNumber<ordered_json>(table.consistency.lambdaMax);
            set["ci"] = jsonNumber<ordered_json>(table.consistency.ci);
            set["ri"] = jsonNumber<ordered_json>(table.consistency.ri);
            set["cr"] = jsonNumber<ordered_json>(table.consistency.cr);
            set["consistent"] = table.consistency.cr <= tables.settings.crThreshold;
        }
        ordered_json expertCr = ordered_json::array();
        for (const auto& cr : table.expertCr) expertCr.push_back(jsonNumber<ordered_json>(cr));
        set["expert_cr"] = expertCr;
        set["expert_included"] = table.expertIncluded;
        set["consensus"] = table.consensus ? ordered_json{{"s_star", jsonNumber<ordered_json>(*table.consensus)},
                                                          {"level", table.consensusLevel}}
                                           : ordered_json(nullptr);
        sets.push_back(set);
    }
    out["sets"] = sets;
    ordered_json nodes = ordered_json::array();
    for (const auto& row : tables.nodes) {
        ordered_json node;
        node["id"] = row.id;
        node["parent"] = row.parent;
        node["label"] = nodeLabel(model, row.id, "en");
        node["local_weight"] = jsonNumber<ordered_json>(row.localWeight);
        node["local_rank"] = row.localRank;
        node["global_weight"] = jsonNumber<ordered_json>(row.globalWeight);
        node["leaf_rank"] = row.leaf ? ordered_json(row.leafRank) : ordered_json(nullptr);
        node["reported_local_weight"] = jsonNumber<ordered_json>(row.reportedLocalWeight);
        nodes.push_back(node);
    }
    out["nodes"] = nodes;
    ordered_json ranking = ordered_json::array();
    for (std::size_t k = 0; k < tables.leafRanking.size(); ++k) {
        const std::string& id = tables.leafRanking[k];
        auto row =
            std::find_if(tables.nodes.begin(), tables.nodes.end(), [&](const GroupNodeRow& r) { return r.id == id; });
        ranking.push_back(
            {{"rank", k + 1},
             {"id", id},
             {"global_weight", jsonNumber<ordered_json>(row != tables.nodes.end() ? row->globalWeight : 0)}});
    }
    out["ranking"] = ranking;
    out["unsolved"] = tables.unsolved;
    return out;
}

std::string groupTablesCsv(const Model& model, const GroupTables& tables, const std::string& language) {
    // The byte-order mark tells spreadsheets (Excel) that the text is UTF-8; the columns are
    // judgmentsCsv's with `table` first, so both files read the same way.
    std::string csv = "\xEF\xBB\xBF";
    csv += csvRow({"table", "expert", "role", "set", "set_label", "row", "row_label", "col", "col_label", "value"});
    auto label = [&](const std::string& id) { return id.empty() ? std::string() : nodeLabel(model, id, language); };
    auto add = [&](const std::string& table, const std::string& set, const std::string& row, const std::string& col,
                   const std::string& value) {
        csv += csvRow({table, "", "", set, label(set), row, label(row), col, label(col), value});
    };
    auto addExpert = [&](const std::string& table, std::size_t expert, const std::string& set,
                         const std::string& value) {
        csv += csvRow({table, trimmedName(tables.experts[expert].name), trimmedName(tables.experts[expert].role), set,
                       label(set), "", "", "", "", value});
    };
    for (std::size_t e = 0; e < tables.experts.size(); ++e)
        addExpert("expert_weight", e, "", formatNumber(tables.expertWeights[e]));
    for (const auto& table : tables.sets) {
        for (std::size_t e = 0; e < tables.experts.size(); ++e) {
            addExpert("expert_cr", e, table.set, table.expertCr[e] ? formatNumber(*table.expertCr[e]) : "");
            addExpert("expert_included", e, table.set, table.expertIncluded[e] ? "1" : "0");
        }
        if (table.consensus) add("consensus", table.set, "", "", formatNumber(*table.consensus));
        if (!table.solved) continue;
        const int n = static_cast<int>(table.items.size());
        for (int i = 0; i < n; ++i)
            for (int j = 0; j < n; ++j)
                add("matrix", table.set, table.items[i], table.items[j], formatNumber(table.matrix(i, j)));
        for (int i = 0; i < n; ++i)
            for (int j = 0; j < n; ++j)
                add("normalized", table.set, table.items[i], table.items[j], formatNumber(table.normalized(i, j)));
        for (int i = 0; i < n; ++i) {
            add("weight", table.set, table.items[i], "", formatNumber(table.weights(i)));
            add("rank", table.set, table.items[i], "", std::to_string(table.ranks[i]));
            add("weighted_sum", table.set, table.items[i], "", formatNumber(table.consistency.weightedSum(i)));
            add("consistency_vector", table.set, table.items[i], "",
                formatNumber(table.consistency.consistencyVector(i)));
        }
        add("lambda_max", table.set, "", "", formatNumber(table.consistency.lambdaMax));
        add("ci", table.set, "", "", formatNumber(table.consistency.ci));
        add("ri", table.set, "", "", formatNumber(table.consistency.ri));
        add("cr", table.set, "", "", formatNumber(table.consistency.cr));
    }
    for (const auto& row : tables.nodes) {
        add("local_weight", row.parent, row.id, "", formatNumber(row.localWeight));
        add("local_rank", row.parent, row.id, "", std::to_string(row.localRank));
        add("global_weight", "", row.id, "", formatNumber(row.globalWeight));
        if (row.leaf) add("global_rank", "", row.id, "", std::to_string(row.leafRank));
    }
    return csv;
}

std::string groupTablesMarkdown(const Model& model, const GroupTables& tables, const std::string& language) {
    auto fixed = [](double value) { return formatFixed(value, 4); };
    auto row = [](const std::vector<std::string>& cells) {
        std::string line = "|";
        for (const auto& cell : cells) line += " " + markdownCell(cell) + " |";
        return line + "\n";
    };
    auto header = [&](const std::vector<std::string>& cells) {
        std::string line = row(cells) + "|";
        for (std::size_t k = 0; k < cells.size(); ++k) line += k == 0 ? "---|" : "---:|";
        return line + "\n";
    };
    std::string md =
        "# Group results: " + markdownCell(model.title.count(language) ? model.title.at(language) : model.id) + "\n\n";
    md += "Model `" + tables.modelId + "` (hash `" + tables.modelHash + "`), " + std::to_string(tables.experts.size()) +
          " experts, AIJ (weighted geometric mean), method " + methodName(tables.settings.method) + ", RI " +
          riTableName(tables.settings.riTable) + ", CR threshold " + formatNumber(tables.settings.crThreshold);
    if (tables.excludeAboveCr)
        md += ", expert matrices with CR above " + formatNumber(*tables.excludeAboveCr) + " left out";
    md += ".\n\n";

    for (const auto& table : tables.sets) {
        md += "## " + table.set + ": " + markdownCell(nodeLabel(model, table.set, language)) + "\n\n";
        if (!table.solved) {
            md += "Not solved: " + table.problem + ".\n\n";
            continue;
        }
        const int n = static_cast<int>(table.items.size());
        auto matrixTable = [&](const std::string& title, const auto& matrix) {
            std::vector<std::string> head{title};
            for (const auto& item : table.items) head.push_back(item);
            md += header(head);
            for (int i = 0; i < n; ++i) {
                std::vector<std::string> cells{table.items[i]};
                for (int j = 0; j < n; ++j) cells.push_back(fixed(matrix(i, j)));
                md += row(cells);
            }
            md += "\n";
        };
        matrixTable("AIJ matrix", table.matrix);
        matrixTable("Normalised", table.normalized);
        md += header({"Item", "Label", "Weight", "Rank", "Aw", "(Aw)/w"});
        for (int i = 0; i < n; ++i)
            md += row({table.items[i], nodeLabel(model, table.items[i], language), fixed(table.weights(i)),
                       std::to_string(table.ranks[i]), fixed(table.consistency.weightedSum(i)),
                       fixed(table.consistency.consistencyVector(i))});
        md += "\n";
        const auto& c = table.consistency;
        md += "λmax = " + fixed(c.lambdaMax) + ", CI = " + fixed(c.ci) + ", RI = " + fixed(c.ri) +
              ", CR = " + fixed(c.cr) +
              (c.cr <= tables.settings.crThreshold ? " (acceptable)" : " (above the threshold)") + "; " +
              std::to_string(table.expertsAggregated) + " experts aggregated";
        if (table.consensus) md += "; consensus S* = " + fixed(*table.consensus) + " (" + table.consensusLevel + ")";
        md += ".\n\n";
    }

    md += "## Experts' consistency ratios\n\n";
    std::vector<std::string> head{"Expert"};
    for (const auto& table : tables.sets) head.push_back(table.set);
    md += header(head);
    for (std::size_t e = 0; e < tables.experts.size(); ++e) {
        std::vector<std::string> cells{expertLabel(tables.experts[e])};
        for (const auto& table : tables.sets) {
            std::string cell = table.expertCr[e] ? fixed(*table.expertCr[e]) : "–";
            if (!table.expertIncluded[e] && table.expertCr[e]) cell += " (left out)";
            cells.push_back(cell);
        }
        md += row(cells);
    }
    md += "\n## Local and global weights\n\n";
    md += header(
        {"Node", "Label", "Parent", "Local weight", "Local rank", "Reported (study)", "Global weight", "Global rank"});
    for (const auto& node : tables.nodes)
        md += row({node.id, nodeLabel(model, node.id, language), node.parent, fixed(node.localWeight),
                   std::to_string(node.localRank), node.reportedLocalWeight ? fixed(*node.reportedLocalWeight) : "",
                   fixed(node.globalWeight), node.leaf ? std::to_string(node.leafRank) : ""});
    md += "\n## Ranking of the leaves\n\n";
    md += header({"Rank", "Node", "Label", "Global weight"});
    for (std::size_t k = 0; k < tables.leafRanking.size(); ++k) {
        const std::string& id = tables.leafRanking[k];
        auto node =
            std::find_if(tables.nodes.begin(), tables.nodes.end(), [&](const GroupNodeRow& r) { return r.id == id; });
        md += row({std::to_string(k + 1), id, nodeLabel(model, id, language),
                   node != tables.nodes.end() ? fixed(node->globalWeight) : ""});
    }
    if (!tables.unsolved.empty()) {
        md += "\nUnsolved sets (their subtrees have weight 0):";
        for (const auto& id : tables.unsolved) md += " " + id;
        md += "\n";
    }
    return md;
}

}  // namespace model
