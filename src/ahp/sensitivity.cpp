// One-way sensitivity of global leaf weights to one node's local weight, with exact rank
// reversal points (distributive synthesis, Saaty 1980: global weights are linear in it).
#include "ahp/ahp.hpp"
#include "ahp/detail.hpp"

#include <algorithm>
#include <tuple>

namespace ahp {

namespace {

// Global weights of the leaves (in `leaves` order) with the node's local weight set to x and
// its siblings rescaled to share 1 - x in their base proportions (equally if all were 0).
std::vector<double> leafWeightsAt(const Hierarchy& h, const std::vector<double>& base, int node,
                                  const std::vector<int>& leaves, double x) {
    std::vector<double> local = base;
    const auto& siblings = h.node(h.node(node).parent).children;
    double others = 0;
    for (int s : siblings)
        if (s != node) others += base[s];
    for (int s : siblings) {
        if (s == node)
            local[s] = x;
        else if (others > 0)
            local[s] = base[s] / others * (1.0 - x);
        else
            local[s] = (1.0 - x) / static_cast<double>(siblings.size() - 1);
    }
    std::vector<double> out;
    out.reserve(leaves.size());
    for (int leaf : leaves) {
        double g = 1.0;
        for (int k = leaf; k >= 0 && h.node(k).parent >= 0; k = h.node(k).parent) g *= local[k];
        out.push_back(g);
    }
    return out;
}

}  // namespace

SensitivityReport sensitivity(const Hierarchy& h, const HierarchyResult& base, int node, int steps) {
    const int count = static_cast<int>(h.nodes().size());
    if (node < 0 || node >= count)
        throw Error("sensitivity: node index " + std::to_string(node) + " is outside the hierarchy (" +
                    std::to_string(count) + " nodes)");
    if (h.node(node).parent < 0) throw Error("sensitivity: node \"" + h.node(node).id + "\" is the root");
    if (h.node(h.node(node).parent).children.size() < 2)
        throw Error("sensitivity: node \"" + h.node(node).id + "\" is an only child");
    if (static_cast<int>(base.localWeight.size()) != count)
        throw Error("sensitivity: the result has " + std::to_string(base.localWeight.size()) + " local weights for " +
                    std::to_string(count) + " nodes");
    if (steps < 1) throw Error("sensitivity: steps is " + std::to_string(steps) + ": must be at least 1");

    SensitivityReport r;
    r.node = node;
    r.baseWeight = base.localWeight[node];
    const auto leaves = h.leaves();
    for (int k = 0; k <= steps; ++k) {
        SensitivityPoint p;
        p.weight = static_cast<double>(k) / steps;
        p.leafWeights = leafWeightsAt(h, base.localWeight, node, leaves, p.weight);
        p.ranking = rankLeaves(leaves, p.leafWeights);
        r.points.push_back(std::move(p));
    }
    // Each leaf's global weight is a + b x; two leaves swap where their lines cross in (0, 1).
    const auto at0 = leafWeightsAt(h, base.localWeight, node, leaves, 0.0);
    const auto at1 = leafWeightsAt(h, base.localWeight, node, leaves, 1.0);
    for (size_t p = 0; p < leaves.size(); ++p)
        for (size_t q = p + 1; q < leaves.size(); ++q) {
            const double d0 = at0[p] - at0[q];
            const double slope = (at1[p] - at1[q]) - d0;
            if (slope == 0) continue;
            const double x = -d0 / slope;
            if (!(x > 0 && x < 1)) continue;
            RankReversal rv;
            rv.weight = x;
            // Before the crossing, the leaf with the larger value at x < x* was above.
            const bool pAbove = slope < 0;
            rv.leafA = pAbove ? leaves[p] : leaves[q];
            rv.leafB = pAbove ? leaves[q] : leaves[p];
            r.reversals.push_back(rv);
        }
    std::stable_sort(r.reversals.begin(), r.reversals.end(), [](const RankReversal& a, const RankReversal& b) {
        return std::tie(a.weight, a.leafA, a.leafB) < std::tie(b.weight, b.leafA, b.leafB);
    });
    return r;
}

}  // namespace ahp
