// The researcher's results: a set's group tables as the study reported them, the global weights
// and ranking, one-way sensitivity with its chart, and the Monte Carlo run.
#include "ui/screen_research.hpp"

#include <algorithm>
#include <cmath>

namespace ui {

namespace {

void push(Intents& out, ResearchAction action) { out.push_back(intent::Research{std::move(action)}); }

const ahp::Hierarchy& hierarchy(const ScreenContext& ctx) { return ctx.state.model.hierarchy; }

int nodeIndex(const ScreenContext& ctx, const std::string& id) { return hierarchy(ctx).find(id).value_or(0); }

// A combo box whose items are shaped labels, placed at the reading start.
int LabelCombo(const ScreenContext& ctx, const std::string& id, const std::vector<std::string>& labels, int current,
               float width) {
    int chosen = -1;
    AlignForWidth(ctx, width);
    ImGui::SetNextItemWidth(width);
    const std::string& preview =
        current >= 0 && current < int(labels.size()) ? ctx.visual(labels[current]) : std::string();
    ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(ctx.rtl() ? 1.0f : 0.0f, 0.0f));
    if (ImGui::BeginCombo(("##" + id).c_str(), preview.c_str(), ImGuiComboFlags_HeightLarge)) {
        for (int k = 0; k < int(labels.size()); ++k) {
            ImGui::PushID(k);
            if (ImGui::Selectable(ctx.visual(labels[k]).c_str(), k == current)) chosen = k;
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    ImGui::PopStyleVar();
    ctx.mark(id);
    return chosen;
}

void noResults(const ScreenContext& ctx, const ResearchState& r) {
    if (r.experts.empty())
        Text(ctx, ctx.tr("research.no_experts"));
    else if (r.build)
        Text(ctx, format(ctx.tr("research.computing"), ctx.integer(long(std::lround(r.buildProgress * 100)))), kMuted);
    else if (r.tablesError == "none-included")
        Text(ctx, ctx.tr("research.none_included"), kBad);
    else
        Text(ctx, r.tablesError, kBad);
}

// An n x n matrix with item labels in the first column; extra columns after it.
// `caption` is drawn above it and names it.
void matrixTable(const ScreenContext& ctx, const char* id, const std::string& caption, const std::string& corner,
                 const model::GroupSetTable& t, const Eigen::MatrixXd& m, const std::vector<std::string>& extraHeads,
                 const std::vector<std::vector<std::string>>& extra) {
    const int n = int(t.items.size());
    const int columns = 1 + n + int(extraHeads.size());
    TableSemantics table(ctx, std::string("research/") + id + "/" + t.set, caption, true);
    TableCaption(ctx, caption);
    if (!ImGui::BeginTable(id, columns,
                           ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit))
        return;
    table.begin();
    std::vector<float> widths = {-1};
    for (int k = 0; k < n; ++k) widths.push_back(62);
    for (std::size_t k = 0; k < extraHeads.size(); ++k) widths.push_back(70);
    std::vector<std::string> head = {corner};
    for (int k = 0; k < n; ++k) head.push_back(ctx.integer(k + 1));
    for (const auto& h : extraHeads) head.push_back(h);
    SetupColumns(ctx, widths, head);
    HeaderRow(ctx, head);
    for (int i = 0; i < n; ++i) {
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(Column(ctx, 0, columns));
        Cell(ctx, ctx.integer(i + 1) + ". " + ctx.label(nodeIndex(ctx, t.items[i])));
        for (int j = 0; j < n; ++j) {
            ImGui::TableSetColumnIndex(Column(ctx, 1 + j, columns));
            NumberCell(ctx, ctx.number(m(i, j), 3), i == j ? kMuted : 0);
        }
        for (std::size_t k = 0; k < extraHeads.size(); ++k) {
            ImGui::TableSetColumnIndex(Column(ctx, 1 + n + int(k), columns));
            NumberCell(ctx, extra[k][i]);
        }
    }
    ImGui::EndTable();
    table.end();
}

void setTables(const ScreenContext& ctx, const ResearchState& r, int s) {
    const model::GroupSetTable& t = r.tables->sets[s];
    const int n = int(t.items.size());
    Title(ctx, ctx.label(nodeIndex(ctx, t.set)) + " (" + t.set + ")");
    Text(ctx,
         format(ctx.tr("research.aggregated"), ctx.integer(t.expertsAggregated),
                ctx.integer(long(r.includedExperts.size()))),
         kMuted);
    if (!t.solved) {
        Text(ctx, ctx.tr("research.unsolved"), kBad);
        return;
    }
    matrixTable(ctx, "aij", ctx.tr("research.aij_matrix"), ctx.tr("research.col.item"), t, t.matrix, {}, {});
    ImGui::Spacing();
    std::vector<std::string> weights, ranks;
    for (int i = 0; i < n; ++i) {
        weights.push_back(ctx.number(t.weights(i), 4));
        ranks.push_back(ctx.integer(t.ranks[i]));
    }
    matrixTable(ctx, "normalized", ctx.tr("research.normalized_matrix"), ctx.tr("research.col.item"), t, t.normalized,
                {ctx.tr("research.col.weight_short"), ctx.tr("research.col.rank")}, {weights, ranks});
    ImGui::Spacing();

    // Consistency table and AIP beside AIJ.
    TableSemantics consistency(ctx, "research/consistency-table/" + t.set, ctx.tr("research.consistency_table"), true);
    TableCaption(ctx, ctx.tr("research.consistency_table"));
    const bool haveAip = s < int(r.aip.size()) && r.aip[s].size() == n;
    const int columns = 6;
    if (ImGui::BeginTable("consistency", columns,
                          ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
        consistency.begin();
        const std::vector<std::string> head = {
            ctx.tr("research.col.item"), ctx.tr("research.col.weighted_sum"), ctx.tr("research.col.consistency_vector"),
            ctx.tr("research.col.aij"),  ctx.tr("research.col.aip"),          ctx.tr("research.col.difference")};
        SetupColumns(ctx, {-1, 90, 90, 80, 80, 80}, head);
        HeaderRow(ctx, head);
        for (int i = 0; i < n; ++i) {
            ImGui::TableNextRow();
            auto at = [&](int k) { ImGui::TableSetColumnIndex(Column(ctx, k, columns)); };
            at(0);
            Cell(ctx, ctx.integer(i + 1) + ". " + ctx.label(nodeIndex(ctx, t.items[i])));
            at(1);
            NumberCell(ctx, ctx.number(t.consistency.weightedSum(i), 4));
            at(2);
            NumberCell(ctx, ctx.number(t.consistency.consistencyVector(i), 4));
            at(3);
            NumberCell(ctx, ctx.number(t.weights(i), 4));
            at(4);
            NumberCell(ctx, haveAip ? ctx.number(r.aip[s](i), 4) : "–");
            at(5);
            if (haveAip) {
                const double d = r.aip[s](i) - t.weights(i);
                NumberCell(ctx, (d >= 0 ? "+" : "-") + ctx.number(std::abs(d), 4),
                           std::abs(d) >= 0.01 ? IM_COL32(180, 110, 20, 255) : kMuted);
            } else {
                NumberCell(ctx, "–");
            }
        }
        ImGui::EndTable();
        consistency.end();
    }
    const auto& c = t.consistency;
    const ImU32 verdict = n > 2 ? verdictColor(c.cr, r.tables->settings.crThreshold) : kGood;
    Text(ctx,
         format(ctx.tr("research.consistency_line"), ctx.number(c.lambdaMax, 4), ctx.number(c.ci, 4),
                ctx.number(c.ri, 2)) +
             "  " + format(ctx.tr("research.cr_value"), ctx.number(c.cr, 4)),
         verdict);
    ctx.mark("research/consistency");
    if (t.consensus)
        Text(ctx, format(ctx.tr("research.consensus"), ctx.number(*t.consensus, 3), levelWord(ctx, t.consensusLevel)));
    else
        Text(ctx, ctx.tr("research.no_consensus"), kMuted);
    ctx.mark("research/consensus");
}

void globalTables(const ScreenContext& ctx, const ResearchState& r) {
    const model::GroupTables& t = *r.tables;
    Title(ctx, ctx.tr("research.global"));
    const int columns = 6;
    TableSemantics table(ctx, "research/nodes", ctx.tr("research.global"), true);  // named as its heading
    if (ImGui::BeginTable("nodes", columns,
                          ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
        table.begin();
        const std::vector<std::string> head = {ctx.tr("research.col.node"),   ctx.tr("research.col.id"),
                                               ctx.tr("research.col.local"),  ctx.tr("research.col.local_rank"),
                                               ctx.tr("research.col.global"), ctx.tr("research.col.global_rank")};
        SetupColumns(ctx, {-1, 60, 80, 60, 80, 60}, head);
        HeaderRow(ctx, head);
        for (const model::GroupNodeRow& row : t.nodes) {
            ImGui::TableNextRow();
            auto at = [&](int k) { ImGui::TableSetColumnIndex(Column(ctx, k, columns)); };
            at(0);
            const float indent = 14.0f * float(std::max(0, row.depth - 1));
            if (ctx.rtl()) {
                ImGui::PushTextWrapPos(0);
                const std::string& v = ctx.visual(ctx.label(nodeIndex(ctx, row.id)));
                const float w = ImGui::CalcTextSize(v.c_str()).x;
                ImGui::SetCursorPosX(ImGui::GetCursorPosX() +
                                     std::max(0.0f, ImGui::GetContentRegionAvail().x - w - indent));
                ImGui::TextUnformatted(v.c_str());
                ImGui::PopTextWrapPos();
                table.cell(ctx.label(nodeIndex(ctx, row.id)));
            } else {
                ImGui::SetCursorPosX(ImGui::GetCursorPosX() + indent);
                Cell(ctx, ctx.label(nodeIndex(ctx, row.id)), row.leaf ? 0 : IM_COL32(20, 50, 90, 255));
            }
            at(1);
            NumberCell(ctx, row.id, kMuted);
            at(2);
            NumberCell(ctx, ctx.number(row.localWeight, 4));
            at(3);
            NumberCell(ctx, ctx.integer(row.localRank));
            at(4);
            NumberCell(ctx, ctx.number(row.globalWeight, 4));
            at(5);
            NumberCell(ctx, row.leaf ? ctx.integer(row.leafRank) : "");
        }
        ImGui::EndTable();
        table.end();
    }
    ImGui::Spacing();
    Title(ctx, ctx.tr("research.ranking"));
    const ahp::HierarchyResult& g = r.groupResult;
    const double top = g.leafRanking.empty() ? 1.0 : std::max(1e-12, g.globalWeight[g.leafRanking.front()]);
    const float width = ImGui::GetContentRegionAvail().x;
    int rank = 0;
    for (int leaf : g.leafRanking) {
        ++rank;
        const double w = g.globalWeight[leaf];
        Bar(ctx, float(w / top), ctx.integer(rank) + ". " + ctx.label(leaf) + "  " + ctx.number(w, 4),
            IM_COL32(150, 190, 235, 255), width);
        ctx.mark("research/rank/" + std::to_string(rank));
    }
}

ImU32 leafColor(int k) {
    const float hue = std::fmod(0.07f + 0.618034f * float(k), 1.0f);
    return ImColor::HSV(hue, 0.70f, 0.78f);
}

}  // namespace

void drawResearchGroup(const ScreenContext& ctx, Intents& out) {
    const ResearchState& r = ctx.state.research;
    if (!r.tables) return noResults(ctx, r);
    const ahp::Hierarchy& h = hierarchy(ctx);
    std::vector<std::string> labels;
    for (int set : h.comparisonSets()) labels.push_back(h.node(set).id + ": " + ctx.label(set));
    const int current = std::clamp(r.set, 0, int(labels.size()) - 1);
    const int chosen =
        LabelCombo(ctx, "research/set", labels, current, std::min(520.0f, ImGui::GetContentRegionAvail().x));
    if (chosen >= 0) push(out, research_action::SelectSet{chosen});
    ImGui::Spacing();
    setTables(ctx, r, current);
    ImGui::Spacing();
    ImGui::Separator();
    globalTables(ctx, r);
}

void drawResearchSensitivity(const ScreenContext& ctx, Intents& out) {
    const ResearchState& r = ctx.state.research;
    if (!r.tables) return noResults(ctx, r);
    const ahp::Hierarchy& h = hierarchy(ctx);
    Text(ctx, ctx.tr("research.sensitivity_note"), kMuted);
    // Nodes whose weight can move: every child of a comparison set.
    std::vector<int> nodes;
    std::vector<std::string> labels;
    for (std::size_t k = 0; k < h.nodes().size(); ++k) {
        const ahp::Node& node = h.node(int(k));
        if (node.parent < 0 || h.node(node.parent).children.size() < 2) continue;
        nodes.push_back(int(k));
        int depth = 0;
        for (int p = node.parent; p > 0; p = h.node(p).parent) ++depth;
        labels.push_back(std::string(std::size_t(depth) * 4, ' ') + node.id + ": " + ctx.label(int(k)));
    }
    const int current = int(std::find(nodes.begin(), nodes.end(), r.sensitivityNode) - nodes.begin());
    const int chosen =
        LabelCombo(ctx, "research/node", labels, current, std::min(520.0f, ImGui::GetContentRegionAvail().x));
    if (chosen >= 0) push(out, research_action::SelectNode{nodes[chosen]});
    if (!r.sensitivity) return;
    const ahp::SensitivityReport& s = *r.sensitivity;

    // The slider for a pointer; beside it the same weight as a number field, which the keyboard,
    // a screen reader and a phone's keypad reach (an ImGui slider is none of theirs). The slider
    // prints no value of its own: ImGui's format writes Latin digits, the field the interface's.
    {
        const float fieldWidth = 90, gap = ImGui::GetStyle().ItemSpacing.x;
        const float sliderWidth = std::max(60.0f, ImGui::GetContentRegionAvail().x - fieldWidth - gap);
        auto slider = [&] {
            float weight = float(r.sensitivityWeight);
            ImGui::SetNextItemWidth(sliderWidth);
            if (ImGui::SliderFloat("##sensitivity-weight", &weight, 0.0f, 1.0f, ""))
                push(out, research_action::SensitivityWeight{weight});
            ctx.mark("research/slider");
        };
        auto field = [&] {
            if (const auto typed =
                    NumberField(ctx, format(ctx.tr("research.weight_of"), ctx.label(s.node)),
                                "research/sensitivity-weight", r.sensitivityWeight, {0, 1, 3}, fieldWidth, false))
                push(out, research_action::SensitivityWeight{*typed});
        };
        if (ctx.rtl()) {
            field();
            ImGui::SameLine(0, gap);
            slider();
        } else {
            slider();
            ImGui::SameLine(0, gap);
            field();
        }
        FieldProblems(ctx, "research/sensitivity-weight", ImGui::GetContentRegionAvail().x);
    }
    Text(ctx, format(ctx.tr("research.sensitivity_weight"), ctx.label(s.node), ctx.number(r.sensitivityWeight, 3),
                     ctx.number(s.baseWeight, 3)));

    const std::vector<int> leaves = h.leaves();
    const std::vector<double> now = sensitivityLeafWeightsAt(s, r.sensitivityWeight);
    const std::vector<int> ranking = ahp::rankLeaves(leaves, now);
    std::vector<int> rankNow(h.nodes().size(), 0), rankBase(h.nodes().size(), 0);
    for (std::size_t k = 0; k < ranking.size(); ++k) rankNow[ranking[k]] = int(k) + 1;
    const std::vector<int> baseRanking = ahp::rankLeaves(leaves, sensitivityLeafWeightsAt(s, s.baseWeight));
    for (std::size_t k = 0; k < baseRanking.size(); ++k) rankBase[baseRanking[k]] = int(k) + 1;

    // The chart: each leaf's global weight against the node's weight (straight lines: global
    // weights are linear in it), the slider's position, the base weight and the reversals.
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x, height = 320;
    const float x0 = origin.x + 52, x1 = origin.x + width - 14, y0 = origin.y + 8, y1 = origin.y + height - 26;
    double yMax = 1e-9;
    for (const auto& p : s.points)
        for (double w : p.leafWeights) yMax = std::max(yMax, w);
    yMax *= 1.05;
    auto X = [&](double w) { return x0 + float(w) * (x1 - x0); };
    auto Y = [&](double g) { return y1 - float(g / yMax) * (y1 - y0); };
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(ImVec2(x0, y0), ImVec2(x1, y1), IM_COL32(255, 255, 255, 255));
    for (int t = 0; t <= 4; ++t) {
        const float x = X(t / 4.0), y = Y(yMax * t / 4.0);
        draw->AddLine(ImVec2(x, y0), ImVec2(x, y1), IM_COL32(225, 228, 235, 255));
        draw->AddLine(ImVec2(x0, y), ImVec2(x1, y), IM_COL32(225, 228, 235, 255));
        const std::string xl = ctx.number(t / 4.0, 2), yl = ctx.number(yMax * t / 4.0, 3);
        draw->AddText(ImVec2(x - ImGui::CalcTextSize(xl.c_str()).x / 2, y1 + 4), IM_COL32(90, 96, 110, 255),
                      xl.c_str());
        draw->AddText(ImVec2(x0 - ImGui::CalcTextSize(yl.c_str()).x - 6, y - 8), IM_COL32(90, 96, 110, 255),
                      yl.c_str());
    }
    draw->AddRect(ImVec2(x0, y0), ImVec2(x1, y1), IM_COL32(150, 156, 170, 255));
    for (float y = y0; y < y1; y += 8)
        draw->AddLine(ImVec2(X(s.baseWeight), y), ImVec2(X(s.baseWeight), std::min(y + 4, y1)),
                      IM_COL32(120, 120, 120, 255));
    for (std::size_t k = 0; k < leaves.size(); ++k) {
        const bool top = rankNow[leaves[k]] <= 5;
        ImU32 color = leafColor(int(k));
        if (!top) color = (color & 0x00FFFFFF) | 0x90000000;
        for (std::size_t p = 1; p < s.points.size(); ++p)
            draw->AddLine(ImVec2(X(s.points[p - 1].weight), Y(s.points[p - 1].leafWeights[k])),
                          ImVec2(X(s.points[p].weight), Y(s.points[p].leafWeights[k])), color, top ? 2.5f : 1.0f);
    }
    draw->AddLine(ImVec2(X(r.sensitivityWeight), y0), ImVec2(X(r.sensitivityWeight), y1), IM_COL32(36, 99, 170, 255),
                  2.0f);
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const int leafCount = int(leaves.size());
    std::vector<int> position(h.nodes().size(), 0);
    for (int k = 0; k < leafCount; ++k) position[leaves[k]] = k;
    const ahp::RankReversal* hovered = nullptr;
    for (const auto& rv : s.reversals) {
        const double g = sensitivityLeafWeightsAt(s, rv.weight)[position[rv.leafA]];
        const ImVec2 c(X(rv.weight), Y(g));
        draw->AddCircle(c, 4.0f, IM_COL32(200, 40, 40, 255), 12, 1.5f);
        if (std::abs(mouse.x - c.x) < 5 && std::abs(mouse.y - c.y) < 5) hovered = &rv;
    }
    ImGui::Dummy(ImVec2(width, height));
    ctx.mark("research/chart");
    if (hovered)
        Tooltip(ctx, format(ctx.tr("research.reversal"), ctx.label(hovered->leafB), ctx.label(hovered->leafA),
                            ctx.number(hovered->weight, 3)));

    // The ranking at the slider, and the reversal points.
    const float col = (ImGui::GetContentRegionAvail().x - 16) / 2;
    auto rankingList = [&] {
        ImGui::BeginChild("sens-ranking", ImVec2(col, 0));
        Title(ctx, ctx.tr("research.ranking_at"));
        int rank = 0;
        for (int leaf : ranking) {
            ++rank;
            const int k = position[leaf];
            std::string text = ctx.integer(rank) + ". " + ctx.label(leaf) + "  " + ctx.number(now[k], 4);
            const int change = rankBase[leaf] - rank;
            if (change != 0) text += "  (" + std::string(change > 0 ? "+" : "-") + ctx.integer(std::abs(change)) + ")";
            const ImVec2 p = ImGui::GetCursorScreenPos();
            const float sw = ImGui::GetTextLineHeight() * 0.6f;
            const float sx = ctx.rtl() ? p.x + col - sw - 4 : p.x;
            ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(sx, p.y + 4), ImVec2(sx + sw, p.y + 4 + sw), leafColor(k));
            ImGui::Indent(ctx.rtl() ? 0 : sw + 6);
            if (ctx.rtl()) {
                const std::string& v = ctx.visual(text);
                const float w = ImGui::CalcTextSize(v.c_str()).x;
                ImGui::SetCursorPosX(std::max(0.0f, col - sw - 10 - w));
                ImGui::TextColored(ImColor(change > 0   ? IM_COL32(40, 120, 60, 255)
                                           : change < 0 ? IM_COL32(180, 40, 40, 255)
                                                        : IM_COL32(20, 20, 30, 255)),
                                   "%s", v.c_str());
            } else {
                ImGui::TextColored(ImColor(change > 0   ? IM_COL32(40, 120, 60, 255)
                                           : change < 0 ? IM_COL32(180, 40, 40, 255)
                                                        : IM_COL32(20, 20, 30, 255)),
                                   "%s", ctx.visual(text).c_str());
            }
            ImGui::Unindent(ctx.rtl() ? 0 : sw + 6);
        }
        ImGui::EndChild();
    };
    auto reversalList = [&] {
        ImGui::BeginChild("sens-reversals", ImVec2(col, 0));
        Title(ctx, format(ctx.tr("research.reversals"), ctx.integer(long(s.reversals.size()))));
        std::size_t shown = 0;
        for (const auto& rv : s.reversals) {
            if (++shown > 60) break;
            Text(ctx, format(ctx.tr("research.reversal"), ctx.label(rv.leafB), ctx.label(rv.leafA),
                             ctx.number(rv.weight, 3)));
        }
        if (s.reversals.empty()) Text(ctx, ctx.tr("research.no_reversals"), kMuted);
        ImGui::EndChild();
    };
    if (ctx.rtl()) {
        reversalList();
        ImGui::SameLine();
        rankingList();
    } else {
        rankingList();
        ImGui::SameLine();
        reversalList();
    }
}

void drawResearchUncertainty(const ScreenContext& ctx, Intents& out) {
    const ResearchState& r = ctx.state.research;
    if (!r.tables) return noResults(ctx, r);
    const ahp::Hierarchy& h = hierarchy(ctx);
    Text(ctx, ctx.tr("research.mc_note"), kMuted);
    // [samples] [spread] [Run], in reading order.
    {
        int samples = r.mcSamplesDraft;
        double spread = r.mcSpreadDraft;
        bool edited = false;
        const std::string& ls = ctx.visual(ctx.tr("research.mc_samples"));
        const std::string& lp = ctx.visual(ctx.tr("research.mc_spread"));
        const std::string& lr = ctx.visual(ctx.tr("research.mc_run"));
        const float gap = ImGui::GetStyle().ItemSpacing.x;
        const float runW = ImGui::CalcTextSize(lr.c_str()).x + 24;
        const float total =
            ImGui::CalcTextSize(ls.c_str()).x + ImGui::CalcTextSize(lp.c_str()).x + 110 + 90 + runW + 5 * gap;
        AlignForWidth(ctx, total);
        auto samplesField = [&] {
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(ls.c_str());
            ImGui::SameLine();
            if (const auto typed = NumberField(ctx, ctx.tr("research.mc_samples"), "research/mc-samples", samples,
                                               {100, 100000, 0}, 110, false)) {
                samples = int(*typed);
                edited = true;
            }
        };
        auto spreadField = [&] {
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(lp.c_str());
            ImGui::SameLine();
            if (const auto typed = NumberField(ctx, ctx.tr("research.mc_spread"), "research/mc-spread", spread,
                                               {0, 2, 3}, 90, false)) {
                spread = *typed;
                edited = true;
            }
        };
        bool run = false;
        auto runButton = [&] { run = Button(ctx, ctx.tr("research.mc_run"), "research/mc-run", ImVec2(runW, 0)); };
        if (ctx.rtl()) {
            runButton();
            ImGui::SameLine();
            spreadField();
            ImGui::SameLine();
            samplesField();
        } else {
            samplesField();
            ImGui::SameLine();
            spreadField();
            ImGui::SameLine();
            runButton();
        }
        // A field's text that is not a number is said here; Run uses the values in use, as it says.
        FieldProblems(ctx, "research/mc-", ImGui::GetContentRegionAvail().x);
        if (edited) push(out, research_action::MonteCarloDraft{samples, spread});
        if (run) push(out, research_action::MonteCarlo{samples, spread});
    }
    if (r.mcRequested) {
        Text(ctx, ctx.tr("research.mc_running"), kMuted);
        return;
    }
    if (!r.monteCarlo) return;
    const ahp::MonteCarloReport& mc = *r.monteCarlo;
    Text(ctx, format(ctx.tr("research.mc_done"), ctx.integer(mc.samples), ctx.number(mc.spread, 3)));
    ctx.mark("research/mc-done");
    std::vector<const ahp::LeafUncertainty*> order;
    for (const auto& leaf : mc.leaves) order.push_back(&leaf);
    std::vector<int> baseRank(h.nodes().size(), 0);
    for (std::size_t k = 0; k < mc.base.leafRanking.size(); ++k) baseRank[mc.base.leafRanking[k]] = int(k) + 1;
    std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return baseRank[a->node] < baseRank[b->node]; });
    double maxP95 = 1e-9;
    for (const auto* leaf : order) maxP95 = std::max(maxP95, leaf->p95);

    const int columns = 7;
    TableSemantics table(ctx, "research/montecarlo", ctx.tr("research.section.uncertainty"));
    if (!ImGui::BeginTable("montecarlo", columns,
                           ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit))
        return;
    table.begin();
    const std::vector<std::string> head = {ctx.tr("research.col.rank"),         ctx.tr("research.col.node"),
                                           ctx.tr("research.col.global"),       ctx.tr("research.col.mean"),
                                           ctx.tr("research.col.interval"),     ctx.tr("research.col.p_rank"),
                                           ctx.tr("research.col.interval_plot")};
    SetupColumns(ctx, {40, -1, 70, 70, 130, 90, 190}, head);
    HeaderRow(ctx, head);
    for (const auto* leaf : order) {
        ImGui::TableNextRow();
        auto at = [&](int k) { ImGui::TableSetColumnIndex(Column(ctx, k, columns)); };
        const int rank = baseRank[leaf->node];
        at(0);
        NumberCell(ctx, ctx.integer(rank));
        at(1);
        Cell(ctx, ctx.label(leaf->node));
        at(2);
        NumberCell(ctx, ctx.number(leaf->baseWeight, 4));
        at(3);
        NumberCell(ctx, ctx.number(leaf->mean, 4));
        at(4);
        Cell(ctx, ctx.number(leaf->p05, 4) + " – " + ctx.number(leaf->p95, 4));  // low end first in reading order
        at(5);
        const double p = rank >= 1 && rank <= int(leaf->rankProbability.size()) ? leaf->rankProbability[rank - 1] : 0.0;
        NumberCell(ctx, ctx.percent(100 * p, 1), p >= 0.5 ? kGood : IM_COL32(180, 110, 20, 255));
        at(6);
        // The 5-95% interval as a bar with the mean marked, on a shared scale.
        const ImVec2 c = ImGui::GetCursorScreenPos();
        const float w = ImGui::GetContentRegionAvail().x - 4, hgt = ImGui::GetTextLineHeight();
        auto X = [&](double v) { return c.x + float(v / maxP95) * w; };
        ImDrawList* draw = ImGui::GetWindowDrawList();
        draw->AddLine(ImVec2(c.x, c.y + hgt / 2), ImVec2(c.x + w, c.y + hgt / 2), IM_COL32(225, 228, 235, 255));
        draw->AddRectFilled(ImVec2(X(leaf->p05), c.y + 3),
                            ImVec2(std::max(X(leaf->p95), X(leaf->p05) + 1.5f), c.y + hgt - 3),
                            IM_COL32(120, 170, 230, 255), 2);
        draw->AddLine(ImVec2(X(leaf->mean), c.y + 1), ImVec2(X(leaf->mean), c.y + hgt - 1), IM_COL32(20, 50, 90, 255),
                      2);
        ImGui::Dummy(ImVec2(w, hgt));
    }
    ImGui::EndTable();
    table.end();
}

}  // namespace ui
