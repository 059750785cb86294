// Hierarchy construction and distributive synthesis of local into global weights (Saaty 1980).
#include "ahp/ahp.hpp"
#include "ahp/detail.hpp"

#include <algorithm>
#include <functional>

namespace ahp {

int Hierarchy::add(const std::string& id, const std::string& parentId, std::map<std::string, std::string> labels,
                   std::map<std::string, std::string> descriptions) {
    if (id.empty()) throw Error("node id is empty (parent \"" + parentId + "\")");
    if (byId_.count(id)) throw Error("duplicate node id \"" + id + "\"");
    int parent = -1;
    if (parentId.empty()) {
        if (!nodes_.empty())
            throw Error("second root \"" + id + "\": the hierarchy already has root \"" + nodes_.front().id + "\"");
    } else {
        auto it = byId_.find(parentId);
        if (it == byId_.end()) throw Error("node \"" + id + "\" has unknown parent \"" + parentId + "\"");
        parent = it->second;
    }
    Node node;
    node.id = id;
    node.labels = std::move(labels);
    node.descriptions = std::move(descriptions);
    node.parent = parent;
    const int index = static_cast<int>(nodes_.size());
    nodes_.push_back(std::move(node));
    byId_[id] = index;
    if (parent >= 0) nodes_[parent].children.push_back(index);
    return index;
}

std::optional<int> Hierarchy::find(const std::string& id) const {
    auto it = byId_.find(id);
    if (it == byId_.end()) return std::nullopt;
    return it->second;
}

namespace {
std::vector<int> preOrder(const Hierarchy& h) {
    std::vector<int> order;
    if (h.root() < 0) return order;
    std::vector<int> stack{h.root()};
    while (!stack.empty()) {
        int k = stack.back();
        stack.pop_back();
        order.push_back(k);
        const auto& c = h.node(k).children;
        for (auto it = c.rbegin(); it != c.rend(); ++it) stack.push_back(*it);
    }
    return order;
}
}  // namespace

std::vector<int> Hierarchy::leaves() const {
    std::vector<int> out;
    for (int k : preOrder(*this))
        if (nodes_[k].children.empty()) out.push_back(k);
    return out;
}

std::vector<int> Hierarchy::comparisonSets() const {
    std::vector<int> out;
    for (int k : preOrder(*this))
        if (nodes_[k].children.size() >= 2) out.push_back(k);
    return out;
}

int Hierarchy::judgmentCount() const {
    int total = 0;
    for (int k : comparisonSets()) {
        const int c = static_cast<int>(nodes_[k].children.size());
        total += c * (c - 1) / 2;
    }
    return total;
}

HierarchyResult synthesize(const Hierarchy& h, const HierarchyJudgments& j, const Settings& s) {
    HierarchyResult r;
    const auto& nodes = h.nodes();
    const size_t count = nodes.size();
    r.localWeight.assign(count, 0.0);
    r.globalWeight.assign(count, 0.0);
    if (count == 0) return r;
    r.localWeight[h.root()] = 1.0;
    const auto order = preOrder(h);
    for (int k : order) {
        const auto& children = nodes[k].children;
        if (children.size() == 1) {
            r.localWeight[children[0]] = 1.0;  // an only child takes all of its parent's weight
            continue;
        }
        if (children.size() < 2) continue;
        const std::string& id = nodes[k].id;
        auto it = j.find(id);
        if (it == j.end() || it->second.size() != static_cast<int>(children.size()) || !it->second.isConnected()) {
            r.unsolved.push_back(id);
            continue;
        }
        SetResult set;
        try {
            set.parentId = id;
            set.localWeights = priorities(it->second, s.method);
            set.consistency = consistency(it->second, set.localWeights, s.method, s.riTable);
            set.complete = it->second.isComplete();
        } catch (const Error&) {
            r.unsolved.push_back(id);
            continue;
        }
        for (size_t c = 0; c < children.size(); ++c) r.localWeight[children[c]] = set.localWeights(c);
        r.sets.push_back(std::move(set));
    }
    // Global weight = product of local weights from the root (distributive mode, Saaty 1980).
    for (int k : order) {
        const int p = nodes[k].parent;
        r.globalWeight[k] = p < 0 ? r.localWeight[k] : r.globalWeight[p] * r.localWeight[k];
    }
    const std::vector<int> leaves = h.leaves();
    std::vector<double> leafWeights;
    leafWeights.reserve(leaves.size());
    for (int leaf : leaves) leafWeights.push_back(r.globalWeight[leaf]);
    r.leafRanking = rankLeaves(leaves, leafWeights);
    return r;
}

std::vector<int> rankOrder(const std::vector<double>& values) {
    // Alternatives are ranked by their priority, highest first (Saaty 1980).
    std::vector<int> order(values.size());
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = static_cast<int>(k);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return values[a] > values[b]; });
    return order;
}

std::vector<int> rankLeaves(const std::vector<int>& leaves, const std::vector<double>& leafWeights) {
    if (leafWeights.size() != leaves.size())
        throw Error("ranking: " + std::to_string(leafWeights.size()) + " weights for " + std::to_string(leaves.size()) +
                    " leaves");
    std::vector<int> out;
    out.reserve(leaves.size());
    for (int k : rankOrder(leafWeights)) out.push_back(leaves[k]);
    return out;
}

}  // namespace ahp
