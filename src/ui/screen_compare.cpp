#include "ui/screens.hpp"

#include <algorithm>
#include <cmath>

namespace ui {

int scalePositionOf(double value) {
    // Positions 0..7 are 9..2 (row item more important), 8 is equal, 9..16 are 1/2..1/9.
    const double strength = value >= 1 ? value : 1 / value;
    const int step = std::clamp(int(std::lround(strength)), 1, 9) - 1;  // 0..8
    return value >= 1 ? 8 - step : 8 + step;
}

double scaleValueAt(int position) {
    position = std::clamp(position, 0, 16);
    return position <= 8 ? double(9 - position) : 1.0 / double(position - 7);
}

namespace {

const ImU32 kAccent = IM_COL32(36, 99, 170, 255);
const ImU32 kMuted = IM_COL32(110, 118, 130, 255);

std::string ratioText(const ScreenContext& ctx, double value) {
    if (value >= 1) return ctx.number(value, std::fabs(value - std::round(value)) < 1e-9 ? 0 : 2) + " : " + ctx.integer(1);
    const double inverse = 1 / value;
    return ctx.integer(1) + " : " + ctx.number(inverse, std::fabs(inverse - std::round(inverse)) < 1e-9 ? 0 : 2);
}

// "A is strongly more important than B" for a_ij, in the reader's language.
std::string verbalJudgment(const ScreenContext& ctx, int a, int b, double value) {
    const double strength = value >= 1 ? value : 1 / value;
    const int intensity = std::clamp(int(std::lround(strength)), 1, 9);
    if (intensity == 1) return format(ctx.tr("scale.equal_sentence"), ctx.label(a), ctx.label(b));
    const std::string& word = ctx.tr("scale.intensity." + std::to_string(intensity));
    return value >= 1 ? format(ctx.tr("scale.sentence"), ctx.label(a), word, ctx.label(b))
                      : format(ctx.tr("scale.sentence"), ctx.label(b), word, ctx.label(a));
}

// One judgment: the two items at their own sides and 17 clickable positions between them.
void judgmentRow(const ScreenContext& ctx, int setIndex, int i, int j, Intents& out) {
    const SetView& set = ctx.state.sets[setIndex];
    const int a = set.items[i], b = set.items[j];
    const auto matrixIt = ctx.state.judgments.find(set.parentId);
    std::optional<double> value;
    if (matrixIt != ctx.state.judgments.end()) value = matrixIt->second.get(i, j);
    const int selected = value ? scalePositionOf(*value) : -1;
    const std::string id = "judgment/" + set.parentId + "/" + std::to_string(i + 1) + "-" + std::to_string(j + 1);

    ImGui::PushID(id.c_str());
    // For assistive technology the row is a radio group named with both items and the
    // question; its radios follow the scale's reading order (position 0 first).
    const ImVec2 rowStart = ImGui::GetCursorScreenPos();
    Semantics group{Role::RadioGroup, format(ctx.tr("a11y.judgment"), ctx.label(a), ctx.label(b))};
    ctx.markRect(id, rowStart, rowStart, group);
    auto radio = [&](int position) {
        const int distance = std::abs(position - 8);
        Semantics r{Role::Radio};
        r.name = distance == 0 ? format(ctx.tr("a11y.position_equal"), ctx.integer(1))
                               : format(ctx.tr("a11y.position"), ctx.label(position < 8 ? a : b),
                                        ctx.tr("scale.intensity." + std::to_string(distance + 1)), ctx.integer(distance + 1));
        r.parent = id;
        r.checked = position == selected;
        return r;
    };
    for (int position = 0; position < 17; ++position)
        ctx.markRect(id + "/" + std::to_string(position), rowStart, rowStart, radio(position));
    const float avail = ImGui::GetContentRegionAvail().x;
    const bool stacked = ctx.narrow();
    const float cell = stacked ? std::floor(std::min(28.0f, avail / 17.0f)) : 26.0f;
    const float scaleWidth = cell * 17;
    const float labelWidth = stacked ? avail : (avail - scaleWidth - 24) / 2;
    const float rowTop = ImGui::GetCursorPosY();
    const float startX = ImGui::GetCursorPosX();

    // Item labels: in Persian the row item (a) is on the right, so the scale is mirrored.
    const int leftItem = ctx.rtl() ? b : a, rightItem = ctx.rtl() ? a : b;
    auto drawLabel = [&](int node, bool alignRight, float x, float width) {
        ImGui::SetCursorPosX(x);
        TextInBox(ctx, ctx.label(node), width, alignRight);
    };
    float scaleX = startX;
    float scaleY = rowTop;
    if (stacked) {
        // Phone: the two labels on one line each, the scale below.
        drawLabel(leftItem, false, startX, avail * 0.5f - 4);
        const float afterLeft = ImGui::GetCursorPosY();
        ImGui::SetCursorPosY(rowTop);
        drawLabel(rightItem, true, startX + avail * 0.5f + 4, avail * 0.5f - 4);
        scaleY = std::max(afterLeft, ImGui::GetCursorPosY()) + 2;
        scaleX = startX + (avail - scaleWidth) / 2;
    } else {
        drawLabel(leftItem, true, startX, labelWidth);
        const float afterLeft = ImGui::GetCursorPosY();
        ImGui::SetCursorPos(ImVec2(startX + labelWidth + 12 + scaleWidth + 12, rowTop));
        drawLabel(rightItem, false, startX + labelWidth + 12 + scaleWidth + 12, labelWidth);
        scaleY = rowTop;
        scaleX = startX + labelWidth + 12;
        ImGui::SetCursorPosY(std::max(afterLeft, ImGui::GetCursorPosY()));
    }
    const float labelsBottom = ImGui::GetCursorPosY();

    // The 17 positions. Screen slot k (left to right) is scale position k, or 16-k in Persian.
    ImDrawList* draw = ImGui::GetWindowDrawList();
    for (int k = 0; k < 17; ++k) {
        const int position = ctx.rtl() ? 16 - k : k;
        ImGui::SetCursorPos(ImVec2(scaleX + k * cell, scaleY));
        ImGui::PushID(position);
        bool clicked = ImGui::InvisibleButton("pos", ImVec2(cell, cell));
        const std::string positionId = id + "/" + std::to_string(position);
        ctx.mark(positionId, radio(position));
        // The mirror's radio chooses a position; choosing the chosen one again keeps it.
        if (ctx.activated(positionId) && position != selected) clicked = true;
        const ImVec2 c = ImVec2((ImGui::GetItemRectMin().x + ImGui::GetItemRectMax().x) / 2,
                                (ImGui::GetItemRectMin().y + ImGui::GetItemRectMax().y) / 2);
        const int distance = std::abs(position - 8);
        const float radius = cell * (0.20f + 0.025f * distance);
        // Keyboard focus shows like a hover, but only while the keyboard is in use: a tapped
        // position keeps the focus and would otherwise keep its tooltip on screen.
        const bool hovered = ImGui::IsItemHovered() || (ImGui::IsItemFocused() && ImGui::GetIO().NavVisible);
        const ImU32 ring = position == 8 ? IM_COL32(90, 90, 100, 255)
                           : (position < 8) != ctx.rtl() ? IM_COL32(36, 99, 170, 255) : IM_COL32(160, 80, 40, 255);
        if (position == selected) draw->AddCircleFilled(c, radius + 2, ring, 20);
        else draw->AddCircle(c, radius, hovered ? ring : IM_COL32(150, 155, 165, 255), 20, hovered ? 2.5f : 1.5f);
        if (hovered) {
            const double v = scaleValueAt(position);
            ImGui::BeginTooltip();
            ImGui::TextUnformatted(ctx.visual(verbalJudgment(ctx, a, b, v)).c_str());
            ImGui::EndTooltip();
        }
        if (clicked) {
            if (position == selected) out.push_back(intent::ClearJudgment{setIndex, i, j});
            else out.push_back(intent::SetJudgment{setIndex, i, j, scaleValueAt(position)});
        }
        ImGui::PopID();
        // Scale numbers under the circles (odd ones only when cells are small).
        const int number = distance + 1;
        if (cell >= 24 || number % 2 == 1) {
            const std::string n = ctx.integer(number);
            const float tw = ImGui::CalcTextSize(n.c_str()).x;
            draw->AddText(ImVec2(c.x - tw / 2, c.y + cell / 2), kMuted, n.c_str());
        }
    }
    ImGui::SetCursorPos(ImVec2(startX, std::max(labelsBottom, scaleY + cell + ImGui::GetTextLineHeight() + 2)));
    // The chosen judgment in words, with its ratio.
    if (value) {
        const std::string sentence = verbalJudgment(ctx, a, b, *value) + "  (" + ratioText(ctx, *value) + ")";
        TextCentered(ctx, sentence, kAccent);
    } else {
        TextCentered(ctx, ctx.tr("compare.not_answered"), kMuted);
    }
    ctx.markRect(id, rowStart, ImVec2(rowStart.x + avail, ImGui::GetCursorScreenPos().y), group);
    ImGui::Separator();
    ImGui::PopID();
}

void setTree(const ScreenContext& ctx, Intents& out) {
    const AppState& s = ctx.state;
    Text(ctx, ctx.tr("compare.sets"), kMuted);
    for (int k = 0; k < int(s.sets.size()); ++k) {
        const SetView& set = s.sets[k];
        int depth = 0;
        for (int n = s.model.hierarchy.node(set.parent).parent; n >= 0; n = s.model.hierarchy.node(n).parent) ++depth;
        const float indent = 14.0f * depth;
        const std::string& text = ctx.visual(ctx.label(set.parent));
        ImGui::PushID(k);
        const float width = ImGui::GetContentRegionAvail().x;
        const ImVec2 p = ImGui::GetCursorScreenPos();
        bool clicked = ImGui::Selectable("##set", k == s.currentSet, 0, ImVec2(width, 0));
        Semantics item{Role::Button, ctx.label(set.parent) + " (" + ctx.integer(set.answered) + "/" + ctx.integer(set.total) + ")"};
        item.selected = k == s.currentSet;
        ctx.mark("tree/" + set.parentId, item);
        clicked |= ctx.activated("tree/" + set.parentId);
        ImDrawList* draw = ImGui::GetWindowDrawList();
        const float h = ImGui::GetTextLineHeight();
        const float dotX = ctx.rtl() ? p.x + width - indent - h / 2 : p.x + indent + h / 2;
        const ImVec2 dot(dotX, p.y + h / 2);
        const ImU32 color = set.answered == set.total ? IM_COL32(46, 140, 70, 255)
                            : set.answered > 0        ? IM_COL32(214, 140, 20, 255)
                                                      : IM_COL32(170, 170, 180, 255);
        if (set.answered == set.total) draw->AddCircleFilled(dot, h * 0.28f, color);
        else draw->AddCircle(dot, h * 0.28f, color, 12, 2);
        const float tw = ImGui::CalcTextSize(text.c_str()).x;
        const float tx = ctx.rtl() ? p.x + width - indent - h - 4 - tw : p.x + indent + h + 4;
        draw->PushClipRect(p, ImVec2(p.x + width, p.y + h), true);
        draw->AddText(ImVec2(tx, p.y), ImGui::GetColorU32(ImGuiCol_Text), text.c_str());
        draw->PopClipRect();
        if (clicked) out.push_back(intent::GoToSet{k});
        ImGui::PopID();
    }
}

void weightsChart(const ScreenContext& ctx, const SetView& set) {
    Text(ctx, ctx.tr("compare.weights"), kMuted);
    const float width = ImGui::GetContentRegionAvail().x;
    for (int k = 0; k < int(set.items.size()); ++k) {
        const double w = set.solvable ? set.weights[k] : 0.0;
        Text(ctx, ctx.label(set.items[k]));
        Bar(ctx, float(w), set.solvable ? ctx.number(w, 3) : "-", IM_COL32(120, 170, 225, 255), width);
    }
}

void consistencyPanel(const ScreenContext& ctx, int setIndex, Intents& out) {
    const SetView& set = ctx.state.sets[setIndex];
    const int n = int(set.items.size());
    if (n <= 2) {
        Text(ctx, ctx.tr("compare.two_items"), kMuted);
        return;
    }
    if (set.answered < set.total) {
        Text(ctx, format(ctx.tr("compare.answer_all"), ctx.integer(set.total - set.answered)), kMuted);
        if (!set.solvable) return;
    }
    const double threshold = ahp::graduatedCrThreshold(n);
    const double cr = set.consistency.cr;
    const ImU32 color = verdictColor(cr, threshold);
    const std::string verdict = cr <= threshold ? ctx.tr("compare.consistent")
                                : cr <= 2 * threshold ? ctx.tr("compare.slightly_inconsistent")
                                                      : ctx.tr("compare.inconsistent");
    const std::string line = format(ctx.tr("compare.cr_line"), ctx.number(cr, 3), ctx.number(threshold, 2)) + "  " + verdict;
    const std::string& v = ctx.visual(line);
    const float w = ImGui::CalcTextSize(v.c_str()).x + 16;
    AlignForWidth(ctx, w);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + w, p.y + ImGui::GetTextLineHeight() + 8), color, 4);
    ImGui::SetCursorScreenPos(ImVec2(p.x + 8, p.y + 4));
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 255, 255, 255));
    ImGui::TextUnformatted(v.c_str());
    ImGui::PopStyleColor();
    Semantics verdictLine{Role::Text, line};
    verdictLine.live = true;  // announced when it changes
    ctx.mark("cr/" + set.parentId, verdictLine);
    ImGui::Dummy(ImVec2(1, 4));

    if (cr > threshold && !set.advice.empty() && set.answered == set.total) {
        const ahp::JudgmentAdvice& worst = set.advice.front();
        const int a = set.items[worst.i], b = set.items[worst.j];
        Text(ctx, format(ctx.tr("compare.worst"), ctx.label(a), ctx.label(b)));
        Text(ctx, format(ctx.tr("compare.worst_detail"), ratioText(ctx, worst.value), ratioText(ctx, worst.implied),
                         ctx.number(worst.crIfChanged, 3)), kMuted);
        const std::string label = format(ctx.tr("compare.use_suggested"), ratioText(ctx, worst.suggested));
        const float bw = ImGui::CalcTextSize(ctx.visual(label).c_str()).x + 24;
        AlignForWidth(ctx, bw);
        if (Button(ctx, label, "use-suggested", ImVec2(bw, 0)))
            out.push_back(intent::SetJudgment{setIndex, worst.i, worst.j, worst.suggested});
        ctx.widgets["use-suggested"].semantics.live = true;  // announced when it appears or changes
    }
}

void matrixTable(const ScreenContext& ctx, const SetView& set) {
    const int n = int(set.items.size());
    const auto it = ctx.state.judgments.find(set.parentId);
    if (it == ctx.state.judgments.end()) return;
    Text(ctx, ctx.tr("compare.matrix"), kMuted);
    if (!ImGui::BeginTable("matrix", n + 1, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit)) return;
    auto column = [&](int k) { return ctx.rtl() ? n - k : k; };  // mirror columns in Persian
    for (int c = 0; c <= n; ++c) ImGui::TableSetupColumn(nullptr, ImGuiTableColumnFlags_WidthFixed, 54);
    ImGui::TableNextRow();
    for (int k = 0; k < n; ++k) {
        ImGui::TableSetColumnIndex(column(k + 1));
        ImGui::TextUnformatted(ctx.state.model.hierarchy.node(set.items[k]).id.c_str());
    }
    for (int r = 0; r < n; ++r) {
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(column(0));
        ImGui::TextUnformatted(ctx.state.model.hierarchy.node(set.items[r]).id.c_str());
        for (int c = 0; c < n; ++c) {
            ImGui::TableSetColumnIndex(column(c + 1));
            const std::optional<double> v = it->second.get(r, c);
            ImGui::TextUnformatted(v ? (*v >= 1 ? ctx.number(*v, std::fabs(*v - std::round(*v)) < 1e-9 ? 0 : 2)
                                                : ctx.integer(1) + "/" + ctx.number(1 / *v, std::fabs(1 / *v - std::round(1 / *v)) < 1e-9 ? 0 : 2)).c_str()
                                     : "-");
        }
    }
    ImGui::EndTable();
}

}  // namespace

void drawCompare(const ScreenContext& ctx, Intents& out) {
    const AppState& s = ctx.state;
    if (s.sets.empty()) return;
    const int setIndex = std::clamp(s.currentSet, 0, int(s.sets.size()) - 1);
    const SetView& set = s.sets[setIndex];
    const float avail = ImGui::GetContentRegionAvail().x;
    const bool showTree = !ctx.narrow();
    const float treeWidth = showTree ? std::min(300.0f, avail * 0.26f) : 0.0f;
    const float mainWidth = avail - treeWidth - (showTree ? ImGui::GetStyle().ItemSpacing.x : 0);
    const float height = ImGui::GetContentRegionAvail().y;

    auto drawTreePanel = [&] {
        ImGui::BeginChild("tree", ImVec2(treeWidth, height), true);
        setTree(ctx, out);
        ImGui::EndChild();
    };
    if (showTree && !ctx.rtl()) { drawTreePanel(); ImGui::SameLine(); }

    ImGui::BeginChild("set", ImVec2(mainWidth, height), false);
    if (ctx.scrollToTop) ImGui::SetScrollY(0);
    // Where this set sits: its parent's path.
    std::string path;
    for (int n = s.model.hierarchy.node(set.parent).parent; n >= 0; n = s.model.hierarchy.node(n).parent)
        path = ctx.label(n) + (path.empty() ? "" : "  ›  " + path);
    if (!path.empty()) Text(ctx, path, kMuted);
    Title(ctx, format(ctx.tr("compare.title"), ctx.label(set.parent)));
    Text(ctx, format(ctx.tr("compare.question"), ctx.label(set.parent)), kMuted);
    Text(ctx, format(ctx.tr("compare.set_progress"), ctx.integer(setIndex + 1), ctx.integer(long(s.sets.size())),
                     ctx.integer(set.answered) + "/" + ctx.integer(set.total)), kMuted);
    ImGui::Separator();
    const int n = int(set.items.size());
    for (int i = 0; i < n; ++i)
        for (int j = i + 1; j < n; ++j) judgmentRow(ctx, setIndex, i, j, out);

    // Live feedback: weights, consistency, the matrix.
    ImGui::Spacing();
    const bool twoColumns = mainWidth > 760;
    if (twoColumns && ImGui::BeginTable("live", 2, ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_PadOuterX)) {
        // Weights first in the reading direction, then consistency and the matrix.
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(ctx.rtl() ? 1 : 0);
        weightsChart(ctx, set);
        ImGui::TableSetColumnIndex(ctx.rtl() ? 0 : 1);
        consistencyPanel(ctx, setIndex, out);
        matrixTable(ctx, set);
        ImGui::EndTable();
    } else {
        weightsChart(ctx, set);
        ImGui::Spacing();
        consistencyPanel(ctx, setIndex, out);
        matrixTable(ctx, set);
    }

    // Back / next: "next" sits at the end of the reading direction.
    ImGui::Spacing();
    ImGui::Separator();
    const float bw = 140;
    const bool last = setIndex + 1 == int(s.sets.size());
    const std::string& backLabel = ctx.tr("compare.back");
    const std::string& nextLabel = ctx.tr(last ? "compare.finish" : "compare.next");
    const float x0 = ImGui::GetCursorPosX();
    const float right = x0 + ImGui::GetContentRegionAvail().x - bw;
    ImGui::SetCursorPosX(ctx.rtl() ? right : x0);
    const float y = ImGui::GetCursorPosY();
    if (Button(ctx, backLabel, "back", ImVec2(bw, 36)))
        out.push_back(setIndex == 0 ? Intent{intent::GoTo{Screen::Welcome}} : Intent{intent::GoToSet{setIndex - 1}});
    ImGui::SetCursorPos(ImVec2(ctx.rtl() ? x0 : right, y));
    if (Button(ctx, nextLabel, "next", ImVec2(bw, 36)))
        out.push_back(last ? Intent{intent::GoTo{Screen::Results}} : Intent{intent::GoToSet{setIndex + 1}});
    ImGui::Dummy(ImVec2(1, 20));
    ImGui::EndChild();

    if (showTree && ctx.rtl()) { ImGui::SameLine(); drawTreePanel(); }
}

}  // namespace ui
