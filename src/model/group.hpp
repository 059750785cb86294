// Several experts' responses to one model: loading them (a bad file is reported and skipped)
// and the group result tables (AIJ aggregation, weights, consistency, consensus, ranking).
// These functions produce data and text; printing is the caller's business.
#pragma once

#include "model/model.hpp"
#include "model/response.hpp"

#include <ahp/ahp.hpp>
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace model {

struct LoadedResponse {
    std::string file;
    Response response;
    // Another used file whose judgments are exactly these, under another name ("" if none):
    // likely one expert's answers sent twice. Left out unless the caller brings it back.
    std::string identicalTo;
};
struct SkippedFile {
    std::string file;
    std::string message;           // the ModelError text, which already names the file
    std::string code = "invalid";  // ModelError::code and args, for the interface's language
    std::vector<std::string> args;
};
struct DuplicateExpert {  // identical judgments under another name (see identicalTo)
    std::string file;
    std::string firstFile;
    std::string reason;  // "identical judgments to FILE ("NAME")"
};
struct SupersededFile {  // an older revision of an expert's answers
    std::string file;
    std::string supersededBy;  // the file used instead (the newest saved_at)
};
struct LoadedGroup {
    std::vector<LoadedResponse> responses;    // one per expert (name + role), first-seen order
    std::vector<SkippedFile> skipped;         // files that failed to parse
    std::vector<DuplicateExpert> duplicates;  // responses whose judgments repeat an earlier one's
    std::vector<SupersededFile> superseded;   // older revisions of the experts in `responses`
    // Indexes that keep loading linear in the number of files.
    std::unordered_map<std::string, std::size_t> byExpert;                   // expert key -> responses index
    std::unordered_map<std::string, std::size_t> byJudgments;                // judgments key -> responses index
    std::unordered_map<std::string, std::vector<std::size_t>> supersededOf;  // expert key -> superseded indices
};

// Parses each (file name, text) pair against `model`. Never throws for a bad file: it lands in
// `skipped`. Files of the same expert (name + role, case-sensitive after trimming) are
// revisions: the one with the newest saved_at is used (the first given on a tie), the others
// are listed in `superseded`. A response whose judgments equal an earlier used one's under
// another name is kept with `identicalTo` set and listed in `duplicates`. Time and memory are
// linear in the number of files.
LoadedGroup loadGroup(const Model& model, const std::vector<std::pair<std::string, std::string>>& files);

// What one more file did to a group.
struct AddResult {
    enum class Kind { Added, Replaced, Superseded, Skipped } kind;
    std::size_t index = 0;  // Added, Replaced: its place in LoadedGroup::responses
};
// One more file into `group`, by the same rules (loadGroup is this in a loop). For callers that
// load many files a few at a time (the app's researcher screen spreads them over frames).
AddResult addToGroup(LoadedGroup& group, const Model& model, const std::string& file, const std::string& text);
// The same for a response parsed already (by parseResponse against the group's model: the web
// page's reading worker parses files off the page's thread, model/response_record.hpp).
AddResult addToGroup(LoadedGroup& group, const std::string& file, Response response);

// Indices into group.responses of the files to use: all but those with identicalTo, unless
// `includeIdentical`.
std::vector<std::size_t> usedResponses(const LoadedGroup& group, bool includeIdentical = false);

// The "files" member of a group report (docs/formats.md): used (in `used` order), skipped
// (file, code, message), superseded (file, superseded_by), duplicates (file, duplicate_of,
// reason, included). One writer for `ahp group` and the app's report.
nlohmann::ordered_json groupFilesJson(const LoadedGroup& group, const std::vector<std::size_t>& used);

// One expert's own results per comparison set (Hierarchy::comparisonSets() order), as
// buildGroupTables computes them for its expert_cr column: the model's method on the expert's
// matrix when it is answered and connected.
struct ExpertSetResults {
    std::vector<std::optional<double>> cr;    // nullopt: unanswered or unsolvable
    std::vector<Eigen::VectorXd> priorities;  // empty when unanswered or unsolvable
};
// Computes them (the one place that does): a set counts as answered when the response has a
// matrix of the set's size with at least one judgment; an error of the engine leaves it unsolved.
ExpertSetResults expertSetResults(const Model& model, const Response& response);

struct GroupOptions {
    std::vector<double> expertWeights;  // one per response, positive; empty = equal
    // Leave an expert's matrix out of a set's aggregation when its CR is above this (per set:
    // an inconsistent matrix does not cost the expert's other answers).
    std::optional<double> excludeAboveCr;
    // The experts' own results when the caller has them already (one per response, or empty):
    // saves recomputing an eigenvector per expert and set (the researcher tab keeps them).
    std::vector<const ExpertSetResults*> known;
};

struct GroupSetTable {
    std::string set;                 // parent node id
    std::vector<std::string> items;  // child ids, child order
    int expertsAggregated = 0;
    bool solved = false;
    std::string problem;             // why not solved
    ahp::PairwiseMatrix aggregated;  // AIJ: element-wise weighted geometric mean
    // The rest is filled when solved. Missing aggregated cells are shown as w_i / w_j.
    Eigen::MatrixXd matrix;
    Eigen::MatrixXd normalized;                   // each column divided by its sum
    Eigen::VectorXd weights;                      // local weights, settings' method
    std::vector<int> ranks;                       // 1 = highest weight; ties share the better rank order
    ahp::ConsistencyReport consistency;           // lambda max, CI, RI, CR, A w, (A w)_i / w_i
    std::vector<std::optional<double>> expertCr;  // per expert; nullopt if not computable
    std::vector<bool> expertIncluded;             // aggregated into this set
    std::optional<double> consensus;              // S* over the included experts
    std::string consensusLevel;                   // "very low" .. "very high"
};

struct GroupNodeRow {
    std::string id;
    std::string parent;
    int depth = 0;
    bool leaf = false;
    double localWeight = 0;
    int localRank = 0;  // among siblings, 1 = highest
    double globalWeight = 0;
    int leafRank = 0;  // among all leaves, 1 = highest; 0 for inner nodes
    std::optional<double> reportedLocalWeight;
};

struct GroupTables {
    std::string modelId;
    std::string modelHash;
    ahp::Settings settings;
    std::optional<double> excludeAboveCr;
    std::vector<Expert> experts;
    std::vector<double> expertWeights;     // as used (equal weights written out)
    std::vector<GroupSetTable> sets;       // Hierarchy::comparisonSets() order
    std::vector<GroupNodeRow> nodes;       // every node but the root, hierarchy order
    std::vector<std::string> leafRanking;  // leaf ids, highest global weight first
    std::vector<std::string> unsolved;     // sets without a solvable group matrix
};

// Throws ModelError for no responses or a weight count that does not match.
GroupTables buildGroupTables(const Model& model, const std::vector<Response>& responses,
                             const GroupOptions& options = {});
// The same over responses held elsewhere (nothing is copied).
GroupTables buildGroupTables(const Model& model, const std::vector<const Response*>& responses,
                             const GroupOptions& options = {});

// buildGroupTables in steps, for callers that spread thousands of experts over frames (the
// researcher tab): construct, call step() until it returns true, then take(). The model and
// the responses (and `known`) must stay as they are until then. buildGroupTables is this run
// to the end, so the tables are the same to the bit however the work is divided.
class GroupTablesBuilder {
public:
    // Throws ModelError as buildGroupTables does (no responses, a weight count that does not match).
    GroupTablesBuilder(const Model& model, std::vector<const Response*> responses, GroupOptions options);
    // Does about `units` units of work (one unit: one expert in one comparison set) and
    // returns true when the tables are ready.
    bool step(std::size_t units);
    double progress() const;  // 0 .. 1
    GroupTables take();       // after step() returned true

private:
    void selectExpert(std::size_t e);  // a set's first pass: is this expert's matrix aggregated?
    void startAggregating();           // between the passes: the weights are known
    void aggregateExpert(std::size_t k);
    void finishSet();
    void finishTables();  // synthesis and the node rows

    const Model& model_;
    std::vector<const Response*> responses_;
    GroupOptions options_;
    std::vector<ExpertSetResults> computed_;  // the experts' own results when not `known`
    std::vector<int> setIndices_;
    GroupTables tables_;
    ahp::HierarchyJudgments groupJudgments_;
    enum class Stage { Experts, Select, Aggregate, Finish, Done } stage_ = Stage::Experts;
    std::size_t set_ = 0, next_ = 0;  // the set being built; the next expert of the stage
    std::size_t unitsDone_ = 0, unitsTotal_ = 0;
    // The set being built: its table and the experts whose matrices go into it.
    GroupSetTable table_;
    std::vector<std::size_t> included_;
    std::vector<double> includedWeights_;
    std::size_t withPriorities_ = 0;
    std::optional<ahp::JudgmentAggregator> aggregator_;
    std::optional<ahp::ConsensusAccumulator> consensus_;
    bool consensusFailed_ = false;
};

// Writers. JSON: one object (see docs/formats.md). CSV: for spreadsheets, like judgmentsCsv
// (UTF-8 byte-order mark, node labels in `language` beside the ids, experts by name and role),
// tidy long format with header table,expert,role,set,set_label,row,row_label,col,col_label,value.
// Markdown: headed sections with tables, labels in `language`.
nlohmann::ordered_json groupTablesJson(const Model& model, const GroupTables& tables);
std::string groupTablesCsv(const Model& model, const GroupTables& tables, const std::string& language);
std::string groupTablesMarkdown(const Model& model, const GroupTables& tables, const std::string& language = "en");

}  // namespace model
