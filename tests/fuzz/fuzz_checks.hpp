// What the fuzz targets run on one input, shared with tests/catalogue/ (which replays the seed
// corpus and every saved crash through the same functions in each build).
//
// Each run*() feeds bytes to a parser the tool uses; a clean rejection (model::ModelError from
// the parsers, ahp::Error from the engine for unsolvable input) is fine. Whatever parses is then
// computed, and the results must hold these invariants:
//   - every weight, CR, lambda max and judgment advice value is finite (never NaN),
//   - weights are positive and sum to 1 within 1e-9 (local weights; the leaves' global
//     weights when every set was solved).
// A broken invariant calls __builtin_trap() under the fuzzer (AHP_FUZZ_TRAP defined), and
// throws fuzzcheck::Violation naming it in the Catch2 replay. Any other exception escaping is
// a bug too (libFuzzer reports it as a crash; Catch2 as a failure).
#pragma once

#include "model/errors.hpp"
#include "model/json_text.hpp"
#include "model/limits.hpp"
#include "model/matrix_text.hpp"
#include "model/model.hpp"
#include "model/response.hpp"

#include <ahp/ahp.hpp>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

namespace fuzzcheck {

struct Violation : std::logic_error {
    using std::logic_error::logic_error;
};

inline void require(bool ok, const char* what) {
    if (ok) return;
#ifdef AHP_FUZZ_TRAP
    (void)what;
    __builtin_trap();
#else
    throw Violation(what);
#endif
}

inline void checkFinite(double value, const char* what) { require(std::isfinite(value), what); }

inline void checkWeights(const Eigen::VectorXd& w, int n) {
    require(w.size() == n, "weight vector has the wrong size");
    double sum = 0;
    for (Eigen::Index i = 0; i < w.size(); ++i) {
        require(std::isfinite(w(i)), "weight is NaN or infinite");
        require(w(i) >= 0, "weight is negative");
        sum += w(i);
    }
    require(std::fabs(sum - 1) <= 1e-9, "weights do not sum to 1 within 1e-9");
}

inline void checkConsistency(const ahp::ConsistencyReport& r) {
    checkFinite(r.lambdaMax, "lambda max is not finite");
    checkFinite(r.ci, "CI is not finite");
    checkFinite(r.cr, "CR is not finite");
    checkFinite(r.gci, "GCI is not finite");
    checkFinite(r.koczkodaj, "Koczkodaj index is not finite");
}

constexpr ahp::PriorityMethod kMethods[] = {ahp::PriorityMethod::Eigenvector, ahp::PriorityMethod::GeometricMean,
                                            ahp::PriorityMethod::NormalizedColumns};

// Priorities and consistency of one matrix by every method; judgment advice when it is small
// (rankJudgments recomputes the CR once per judgment).
inline void checkMatrix(const ahp::PairwiseMatrix& m, int adviceUpTo = 12) {
    for (auto method : kMethods) {
        Eigen::VectorXd w;
        try {
            w = ahp::priorities(m, method);
        } catch (const ahp::Error&) {
            require(!m.isConnected(), "priorities failed on a connected matrix");
            return;  // judgments that do not connect the items: a clean rejection
        }
        checkWeights(w, m.size());
        checkConsistency(ahp::consistency(m, w, method, ahp::RandomIndexTable::Saaty1980));
        if (m.size() <= adviceUpTo && method == ahp::PriorityMethod::Eigenvector) {
            for (const auto& advice : ahp::rankJudgments(m, method, ahp::RandomIndexTable::Saaty1980)) {
                checkFinite(advice.implied, "advice: implied ratio is not finite");
                checkFinite(advice.deviation, "advice: deviation is not finite");
                if (advice.change) {
                    checkFinite(advice.change->suggested, "advice: suggested value is not finite");
                    checkFinite(advice.change->crIfChanged, "advice: CR if changed is not finite");
                }
            }
        }
    }
}

inline void checkSynthesis(const ahp::Hierarchy& h, const ahp::HierarchyJudgments& j, const ahp::Settings& settings) {
    const ahp::HierarchyResult r = ahp::synthesize(h, j, settings);
    for (const auto& set : r.sets) {
        auto node = h.find(set.parentId);
        require(node.has_value(), "synthesis names an unknown set");
        checkWeights(set.localWeights, static_cast<int>(h.node(*node).children.size()));
        checkConsistency(set.consistency);
    }
    for (double w : r.globalWeight) checkFinite(w, "global weight is not finite");
    if (r.unsolved.empty()) {
        double sum = 0;
        for (int leaf : h.leaves()) sum += r.globalWeight[leaf];
        require(std::fabs(sum - 1) <= 1e-9, "leaf global weights do not sum to 1 within 1e-9");
    }
}

// Judgments for every set of `h` from a fixed pattern of Saaty-scale values.
inline ahp::HierarchyJudgments patternJudgments(const ahp::Hierarchy& h, unsigned salt) {
    static const double scale[] = {1.0 / 9, 1.0 / 5, 1.0 / 3, 1, 2, 3, 7, 9};
    ahp::HierarchyJudgments judgments;
    unsigned k = salt;
    for (int set : h.comparisonSets()) {
        const int n = static_cast<int>(h.node(set).children.size());
        ahp::PairwiseMatrix m(n);
        for (int i = 0; i < n; ++i)
            for (int j = i + 1; j < n; ++j) m.set(i, j, scale[(k = k * 1103515245u + 12345u) >> 29]);
        judgments[h.node(set).id] = m;
    }
    return judgments;
}

// fuzz_model: any bytes as a model file.
inline void runModel(const std::string& bytes) {
    model::Model m;
    try {
        m = model::parseModel(bytes, "fuzz.json");
    } catch (const model::ModelError&) {
        return;
    }
    const ahp::Hierarchy& h = m.hierarchy;
    require(h.root() == 0 && !h.nodes().empty(), "a parsed model has no root");
    require(!m.languages.empty(), "a parsed model has no language");
    for (std::size_t k = 0; k < h.nodes().size(); ++k)
        require(!model::nodeLabel(m, static_cast<int>(k), m.languages.front()).empty(), "a node has an empty label");
    if (h.nodes().size() > 2000) return;  // keep each run fast
    ahp::Settings settings = m.settings;
    const ahp::HierarchyJudgments judgments = patternJudgments(h, static_cast<unsigned>(bytes.size()));
    for (auto method : kMethods) {
        settings.method = method;
        checkSynthesis(h, judgments, settings);
    }
    // An empty response to the model round-trips.
    model::Response empty = model::emptyResponse(m);
    empty.expert.name = "fuzz";
    empty.savedAt = "2024-05-01T09:30:00Z";
    model::Response back = model::parseResponse(m, model::writeResponse(m, empty), "round-trip");
    require(model::sameJudgments(empty.judgments, back.judgments), "empty response does not round-trip");
}

// fuzz_response: any bytes as a response to `study` (the egov-qom model).
// A member skipped (parseJsonText's quick way past a response's "results") gives the document
// parsed whole with that member null, or the same refusal.
// The same document, type for type: nlohmann's == takes 1 (unsigned), 1 (signed) and 1.0 as
// equal, and 0.0 as -0.0; parseJsonText's one-pass reader must give what nlohmann gives, to
// the number's type and its double's bits.
inline bool sameDocument(const nlohmann::json& a, const nlohmann::json& b) {
    if (a.type() != b.type()) return false;
    switch (a.type()) {
    case nlohmann::json::value_t::object: {
        if (a.size() != b.size()) return false;
        for (auto it = a.begin(), other = b.begin(); it != a.end(); ++it, ++other)
            if (it.key() != other.key() || !sameDocument(*it, *other)) return false;
        return true;
    }
    case nlohmann::json::value_t::array: {
        if (a.size() != b.size()) return false;
        for (std::size_t k = 0; k < a.size(); ++k)
            if (!sameDocument(a[k], b[k])) return false;
        return true;
    }
    case nlohmann::json::value_t::number_float: {
        const double x = a.get<double>(), y = b.get<double>();
        return std::memcmp(&x, &y, sizeof x) == 0;
    }
    default: return a == b;
    }
}

// The reading with a skipped member (the quick one-pass reader, or the ordinary way when it
// declines) against the ordinary reading of the whole text: the same refusal, or the same
// document type for type.
inline void checkSkipping(const std::string& bytes) {
    std::string skippedError, wholeError;
    nlohmann::json skipped, whole;
    try {
        skipped = model::parseJsonText(bytes, "fuzz.json", {"results"});
    } catch (const model::ModelError& e) {
        skippedError = e.what();
    }
    try {
        whole = model::parseJsonText(bytes, "fuzz.json");
        if (whole.is_object() && whole.contains("results")) whole["results"] = nullptr;
    } catch (const model::ModelError& e) {
        wholeError = e.what();
    }
    require(skippedError == wholeError, "skipping a member changes the refusal");
    require(!wholeError.empty() || sameDocument(skipped, whole), "skipping a member changes the document");
}

inline void runResponse(const model::Model& study, const std::string& bytes) {
    checkSkipping(bytes);
    model::Response r;
    try {
        r = model::parseResponse(study, bytes, "fuzz.json");
    } catch (const model::ModelError&) {
        return;
    }
    for (const auto& [set, matrix] : r.judgments) {
        auto node = study.hierarchy.find(set);
        require(node.has_value(), "a response holds a matrix for an unknown set");
        require(matrix.size() == static_cast<int>(study.hierarchy.node(*node).children.size()),
                "a response matrix has the wrong size");
        if (matrix.isConnected()) checkMatrix(matrix, 0);
    }
    checkSynthesis(study.hierarchy, r.judgments, study.settings);
    // What is written reads back as the same judgments.
    model::Response back = model::parseResponse(study, model::writeResponse(study, r), "round-trip");
    require(model::sameJudgments(r.judgments, back.judgments), "response does not round-trip");
}

// fuzz_matrix: any bytes as the CLI's text matrix (`ahp priorities`) and as one upper triangle
// per expert (`ahp aggregate`), then what the CLI computes from them.
inline void runMatrix(const std::string& bytes) {
    try {
        checkMatrix(model::parseMatrixText(bytes));
    } catch (const model::ModelError&) {
    }
    std::vector<model::MatrixLine> lines;
    try {
        lines = model::parseUpperTriangleLines(bytes);
    } catch (const model::ModelError&) {
        return;
    }
    std::vector<ahp::PairwiseMatrix> experts;
    for (const auto& line : lines) experts.push_back(line.matrix);
    const ahp::PairwiseMatrix group = ahp::aggregateJudgments(experts);
    checkMatrix(group);
}

// The model tree from bytes (fuzz_model_tree): the first two bytes give the node count (up to
// a little over limits::kNodes), then two bytes per node its parent: a node index (a cycle, a
// node its own parent, or a later node), the count itself (no parent: a second root), or beyond
// it (an unknown id). When the bytes run out each node hangs on the one before: short inputs
// are deep chains (past limits::kDepth). parseModel must refuse cleanly or give a hierarchy
// within every limit; small ones are synthesized too.
inline std::string modelTreeText(const std::string& bytes) {
    auto at = [&](std::size_t k) { return k < bytes.size() ? unsigned(static_cast<unsigned char>(bytes[k])) : 0u; };
    const int count = 1 + int(((at(0) << 8) | at(1)) % unsigned(model::limits::kNodes + 100));
    std::string text =
        R"({"format":"ahp-model","version":1,"id":"tree","title":{"en":"Tree"},"languages":["en"],"nodes":[)";
    text.reserve(text.size() + std::size_t(count) * 48);
    for (int k = 0; k < count; ++k) {
        std::string parent;
        const std::size_t offset = 2 + std::size_t(k) * 2;
        if (k == 0) {
            parent = "null";
        } else if (offset + 1 < bytes.size()) {
            const int value = int((at(offset) << 8) | at(offset + 1)) % (count + 2);
            parent = value == count       ? "null"
                     : value == count + 1 ? "\"unknown\""
                                          : "\"n" + std::to_string(value) + "\"";
        } else {
            parent = "\"n" + std::to_string(k - 1) + "\"";
        }
        text += (k ? "," : "") + std::string(R"({"id":"n)") + std::to_string(k) + R"(","parent":)" + parent +
                R"(,"labels":{"en":"N)" + std::to_string(k) + "\"}}";
    }
    return text + "]}";
}

inline void runModelTree(const std::string& bytes) {
    model::Model m;
    try {
        m = model::parseModel(modelTreeText(bytes), "tree.json");
    } catch (const model::ModelError& error) {
        require(!error.code.empty(), "a refusal without a code");
        return;
    }
    const ahp::Hierarchy& h = m.hierarchy;
    require(int(h.nodes().size()) <= model::limits::kNodes, "a model over the node limit was accepted");
    for (int k = 0; k < int(h.nodes().size()); ++k) {
        require(int(h.node(k).children.size()) <= model::limits::kItemsPerSet,
                "a set over the items limit was accepted");
        require(model::nodeDepth(h, k) <= model::limits::kDepth, "a model over the depth limit was accepted");
    }
    if (h.nodes().size() <= 300) checkSynthesis(h, patternJudgments(h, 1), m.settings);
}

}  // namespace fuzzcheck
