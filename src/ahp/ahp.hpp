// The AHP engine's public surface: pure functions and small value types over Eigen.
// No UI, no files, no globals. Each formula's source is cited where it is implemented.
#pragma once

#include <Eigen/Dense>

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace ahp {

// ---------------------------------------------------------------------------------------------
// Errors: every error names what is wrong and where (1-based row/column for matrix cells).
struct Error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// ---------------------------------------------------------------------------------------------
// Pairwise comparison matrix. Reciprocal by construction: only a_ij with i < j is stored;
// a_ji = 1 / a_ij, a_ii = 1. Entries may be missing (incomplete matrices).
class PairwiseMatrix {
public:
    PairwiseMatrix() = default;
    explicit PairwiseMatrix(int n);  // n >= 1; all off-diagonal judgments missing

    int size() const { return n_; }

    // Sets a_ij (and so a_ji = 1/value). i != j, 0-based. Throws Error naming the cell
    // ("judgment at row 2, column 3 is -1: must be a finite positive number") for
    // zero, negative, NaN or infinite values.
    void set(int i, int j, double value);
    void clear(int i, int j);
    std::optional<double> get(int i, int j) const;  // diagonal is 1; missing is nullopt

    bool isComplete() const;
    int judgmentCount() const;  // n(n-1)/2
    int knownCount() const;     // how many i<j judgments are present
    // True when the graph of known judgments connects all items (needed for any solution).
    bool isConnected() const;

    // Full matrix; requires isComplete() (throws Error otherwise).
    Eigen::MatrixXd toDense() const;

    // Upper triangle in row order a12 a13 ... a1n a23 ...; nullopt = missing. Throws Error if
    // the count is not n(n-1)/2 for some n (message names the count) or a value is invalid
    // (message names the position k (1-based) and the cell).
    static PairwiseMatrix fromUpperTriangle(const std::vector<std::optional<double>>& values);
    const std::vector<std::optional<double>>& upperTriangle() const { return upper_; }

    // From a full matrix; checks diagonal 1 and reciprocity a_ji * a_ij = 1 within `tolerance`
    // (relative); Error names the first offending cell.
    static PairwiseMatrix fromDense(const Eigen::MatrixXd& m, double tolerance = 1e-6);

    bool operator==(const PairwiseMatrix& o) const;

private:
    int n_ = 0;
    std::vector<std::optional<double>> upper_;  // size n(n-1)/2, row order
    int index(int i, int j) const;              // i < j
};

// ---------------------------------------------------------------------------------------------
// Priorities
enum class PriorityMethod {
    Eigenvector,        // principal right eigenvector (Saaty 1980); Harker 1987 when incomplete
    GeometricMean,      // row geometric mean (Crawford & Williams 1985); LLS when incomplete
    NormalizedColumns,  // average of normalised columns (Saaty 1980 approx.); Harker-completed when incomplete
};

// Weights summing to 1. Throws Error for a disconnected incomplete matrix
// ("judgments do not connect item 3 to item 1 ...").
Eigen::VectorXd priorities(const PairwiseMatrix& m, PriorityMethod method);

// ---------------------------------------------------------------------------------------------
// Consistency
enum class RandomIndexTable {
    Saaty1980,         // Saaty 1980, n = 1..15; its last value beyond
    AlonsoLamata2006,  // Alonso & Lamata 2006 table, n = 1..15; their linear fit beyond
    DoneganDodd1991,   // Donegan & Dodd 1991, n = 1..20, 25, 30, 40..100; interpolated between, last value beyond
};

double randomIndex(int n, RandomIndexTable table);  // 0 for n <= 2
// True when n lies beyond the table's own range, so randomIndex() extrapolated (docs/formats.md).
bool randomIndexExtrapolated(int n, RandomIndexTable table);

// Saaty's graduated threshold: 0.05 for n = 3, 0.08 for n = 4, 0.10 above (and for n <= 2).
double graduatedCrThreshold(int n);
// Goepel / Aguarón & Moreno-Jiménez 2003 GCI thresholds: 0.31 (n=3), 0.35 (n=4), 0.37 (n>4).
double gciThreshold(int n);

struct ConsistencyReport {
    int n = 0;
    double lambdaMax = 0;  // eigen: principal eigenvalue; other methods: mean of (Aw)_i / w_i
    double ci = 0;         // (lambdaMax - n) / (n - 1); 0 for n <= 2
    double ri = 0;
    double cr = 0;                      // ci / ri; 0 for n <= 2, never NaN
    double gci = 0;                     // Aguarón & Moreno-Jiménez 2003
    double koczkodaj = 0;               // Koczkodaj 1993 triad index (max over triads)
    bool riExtrapolated = false;        // randomIndexExtrapolated(n, table)
    bool consistent = true;             // cr <= graduatedCrThreshold(n)
    bool consistentPlain = true;        // cr < 0.10
    Eigen::VectorXd weightedSum;        // A w
    Eigen::VectorXd consistencyVector;  // (A w)_i / w_i
};

// The full matrix with each missing a_ij replaced by w_i / w_j, the ratio the weights imply
// (Harker 1987); a complete matrix gives its toDense(). `weights`: one per item, positive.
Eigen::MatrixXd completedMatrix(const PairwiseMatrix& m, const Eigen::VectorXd& weights);

// For incomplete matrices, the missing entries are filled with w_i / w_j before measuring
// (completedMatrix).
ConsistencyReport consistency(const PairwiseMatrix& m, const Eigen::VectorXd& weights, PriorityMethod method,
                              RandomIndexTable table);
ConsistencyReport consistency(const PairwiseMatrix& m, PriorityMethod method, RandomIndexTable table);

// Nearest value of Saaty's scale {1/9..1/2, 1, 2..9} to a ratio (in log distance).
double nearestScaleValue(double ratio);

// One change of one judgment to another value of the 17-point scale, and what it does to CR.
struct Suggestion {
    int i = 0, j = 0;               // 0-based, i < j
    double value = 0;               // a_ij as given
    double suggested = 0;           // a value of Saaty's scale
    int steps = 0;                  // scale positions moved (at least 1)
    double crIfChanged = 0;         // the matrix's CR with a_ij := suggested
    bool reachesThreshold = false;  // crIfChanged <= the threshold
};
// The one suggestion rule (used by the CLI and the page). Over every single change of one known
// judgment to another scale value: the change that brings CR within `threshold` with the fewest
// steps (ties: lowest CR); if none does, the change that lowers CR most (ties: fewest steps);
// further ties: row order, then the smaller value. Never a change that does not lower CR; none
// when CR <= threshold, when n <= 2, or when the judgments do not connect every item. CRs within
// 1e-9 count as equal.
std::optional<Suggestion> suggestChange(const PairwiseMatrix& m, PriorityMethod method, RandomIndexTable table,
                                        double threshold);

// One judgment, ranked by how far it is from what the weights imply.
struct JudgmentAdvice {
    int i = 0, j = 0;      // 0-based, i < j
    double value = 0;      // a_ij as given
    double implied = 0;    // w_i / w_j
    double deviation = 0;  // |ln(a_ij w_j / w_i)|
    // The suggestion rule restricted to this judgment (threshold: graduatedCrThreshold(n));
    // none when no other scale value of this judgment lowers CR.
    std::optional<Suggestion> change;
};
// All known judgments, worst first (ties, deviations equal to 10 decimals: row order).
std::vector<JudgmentAdvice> rankJudgments(const PairwiseMatrix& m, PriorityMethod method, RandomIndexTable table);

// ---------------------------------------------------------------------------------------------
// Adaptive questioning (docs/formats.md, "Adaptive questioning").
// First the pairs that connect every item (the first pair, in row order, joining two groups of
// items not yet connected: a star from item 1 on an empty set); then the missing pair whose
// answer moves the weights most per unit of ln a_ij, |dw/d ln a_ij| at a_ij = w_i/w_j (Harker
// 1987, derivatives of the priority vector with respect to a missing judgment; taken on the
// method's own weights, Harker's eigenvector for normalised columns, which complete by it). The set is settled when it is complete, or when it is connected and
// every missing pair's predicted change, max_k |dw_k/d ln a_ij| * spread, is at most
// kSettledChange; `spread` estimates how far an answer falls from w_i/w_j in ln units, from the
// residuals of the answers so far (kPriorSpread, about the rounding to the nearest scale value,
// counted as one prior residual). Calibrated by bench/questioning_bench.cpp.
constexpr double kSettledChange = 0.02;
constexpr double kPriorSpread = 0.28;
struct QuestionAdvice {
    std::optional<std::pair<int, int>> next;  // 0-based (i < j); none when complete
    bool settled = false;
    double predictedChange = 0;  // of the next pair once connected (0 before)
};
QuestionAdvice nextQuestion(const PairwiseMatrix& m, PriorityMethod method);

// ---------------------------------------------------------------------------------------------
// Hierarchy: a tree of nodes; every parent with two or more children owns one comparison set.
struct Node {
    std::string id;                                   // stable, unique
    std::map<std::string, std::string> labels;        // language code -> label ("fa", "en")
    std::map<std::string, std::string> descriptions;  // optional
    int parent = -1;                                  // index in Hierarchy::nodes(), -1 for root
    std::vector<int> children;
};

class Hierarchy {
public:
    // Adds a node; parentId empty for the root (exactly one). Throws Error for a duplicate id,
    // an unknown parent or a second root.
    int add(const std::string& id, const std::string& parentId, std::map<std::string, std::string> labels = {},
            std::map<std::string, std::string> descriptions = {});

    const std::vector<Node>& nodes() const { return nodes_; }
    const Node& node(int index) const { return nodes_.at(index); }
    int root() const { return nodes_.empty() ? -1 : 0; }
    std::optional<int> find(const std::string& id) const;
    std::vector<int> leaves() const;  // depth-first order
    // Parents with >= 2 children, depth-first (pre-order) order: the questionnaire's order.
    std::vector<int> comparisonSets() const;
    int judgmentCount() const;  // sum over sets of n(n-1)/2

private:
    std::vector<Node> nodes_;
    std::map<std::string, int> byId_;
};

// Judgments of one respondent (or a group): parent node id -> matrix over its children.
using HierarchyJudgments = std::map<std::string, PairwiseMatrix>;

struct Settings {
    PriorityMethod method = PriorityMethod::Eigenvector;
    RandomIndexTable riTable = RandomIndexTable::Saaty1980;
    double crThreshold = 0.10;
};

struct SetResult {
    std::string parentId;
    Eigen::VectorXd localWeights;  // over children, in child order
    ConsistencyReport consistency;
    bool complete = false;
};

struct HierarchyResult {
    std::vector<SetResult> sets;        // in comparisonSets() order; only sets that could be solved
    std::vector<double> localWeight;    // per node index (1 for root and for an only child)
    std::vector<double> globalWeight;   // per node index: product of local weights to the root
    std::vector<int> leafRanking;       // leaf node indices, highest global weight first
    std::vector<std::string> unsolved;  // ids of sets with missing/disconnected judgments
};

// Local -> global weights by distributive synthesis (Saaty 1980). A set with no solvable
// matrix leaves its subtree weights at 0 and is listed in `unsolved`.
HierarchyResult synthesize(const Hierarchy& h, const HierarchyJudgments& j, const Settings& s);

// The one ranking rule. Positions 0..n-1 of `values`, highest value first; equal values keep
// their order (a stable sort), so a tie never depends on the sort. Rank = position + 1.
std::vector<int> rankOrder(const std::vector<double>& values);
// Leaf node indices, highest weight first (rankOrder): `leafWeights` are in `leaves` order
// (Hierarchy::leaves()), and leaves of equal weight keep that order. Throws Error when the
// sizes differ.
std::vector<int> rankLeaves(const std::vector<int>& leaves, const std::vector<double>& leafWeights);

// ---------------------------------------------------------------------------------------------
// Group decision making (Forman & Peniwati 1998; Aczél & Saaty 1983).
// Weights: one per expert, positive; empty = equal weights.
// AIJ: element-wise weighted geometric mean; a judgment missing for an expert is skipped for
// that cell (weights renormalised over the experts who gave it). Throws Error on size mismatch.
PairwiseMatrix aggregateJudgments(const std::vector<PairwiseMatrix>& experts, const std::vector<double>& weights = {});
// AIP: weighted geometric mean (renormalised to sum 1) and weighted arithmetic mean.
Eigen::VectorXd aggregatePrioritiesGeometric(const std::vector<Eigen::VectorXd>& p,
                                             const std::vector<double>& weights = {});
Eigen::VectorXd aggregatePrioritiesArithmetic(const std::vector<Eigen::VectorXd>& p,
                                              const std::vector<double>& weights = {});

// Goepel 2013 AHP consensus indicator S* (relative homogeneity from Shannon entropy), 0..1.
struct ConsensusReport {
    double sStar = 1;
    enum class Level { VeryLow, Low, Moderate, High, VeryHigh } level = Level::VeryHigh;
};
ConsensusReport consensus(const std::vector<Eigen::VectorXd>& priorities, const std::vector<double>& weights = {});
const char* levelName(ConsensusReport::Level level);  // "very low" ... "very high"

// The same three one expert at a time, for callers that spread thousands of experts over
// several calls (the researcher tab, a frame at a time). The functions above are these in a
// loop: fed the same experts in the same order, the results are the same to the bit. The
// caller validates sizes and weights first (the functions above do) and says what the
// arithmetic depends on: whether all weights are equal (AIJ), and their total (consensus).
class JudgmentAggregator {
public:
    // `equalWeights`: every weight that will be added equals `firstWeight`.
    JudgmentAggregator(int n, bool equalWeights, double firstWeight);
    void add(const PairwiseMatrix& expert, double weight);  // expert.size() == n
    PairwiseMatrix result() const;

private:
    int n_;
    bool equalWeights_;
    double firstWeight_;
    std::vector<double> sumLog_, sumW_, product_;  // per upper-triangle cell
};
class GeometricPriorityAggregator {
public:
    explicit GeometricPriorityAggregator(Eigen::Index n);
    void add(const Eigen::VectorXd& p, double weight);  // p > 0, size n
    Eigen::VectorXd result() const;

private:
    Eigen::VectorXd logs_;
    double sumW_ = 0;
};
class ConsensusAccumulator {
public:
    // `experts`: how many vectors will be added; `weightTotal`: the sum of their weights.
    ConsensusAccumulator(Eigen::Index n, std::size_t experts, double weightTotal);
    void add(const Eigen::VectorXd& p, double weight);  // throws Error for a vector that sums to 0
    ConsensusReport result() const;

private:
    Eigen::Index n_;
    std::size_t experts_, added_ = 0;
    double sumW_, hAlpha_ = 0;
    Eigen::VectorXd mean_;
};

// ---------------------------------------------------------------------------------------------
// Sensitivity: vary one node's local weight from 0 to 1; its siblings keep their proportions.
struct SensitivityPoint {
    double weight = 0;                // the node's local weight
    std::vector<double> leafWeights;  // global weights, in Hierarchy::leaves() order
    std::vector<int> ranking;         // leaf node indices, highest first
};
struct RankReversal {
    double weight = 0;         // the node's local weight at which two leaves swap
    int leafA = 0, leafB = 0;  // node indices; A was above B before the point
};
struct SensitivityReport {
    int node = 0;
    double baseWeight = 0;
    std::vector<SensitivityPoint> points;  // steps+1 evenly spaced points in [0, 1]
    std::vector<RankReversal> reversals;   // exact crossing points, ascending weight
};
// Throws Error if the node is the root or an only child.
SensitivityReport sensitivity(const Hierarchy& h, const HierarchyResult& base, int node, int steps = 100);

}  // namespace ahp
