#include "ui/screens.hpp"

#include <algorithm>
#include <array>
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
// The consistency verdict, brighter than kGood / kBad: it is the answer to the expert's work.
const ImU32 kVerdictGood = IM_COL32(46, 140, 70, 255);
const ImU32 kVerdictBad = IM_COL32(200, 50, 50, 255);

std::string ratioText(const ScreenContext& ctx, double value) {
    if (value >= 1)
        return ctx.number(value, std::fabs(value - std::round(value)) < 1e-9 ? 0 : 2) + " : " + ctx.integer(1);
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

// How the 17 positions are laid out. A desktop: one line of 26 px circles with the strength
// under each. A phone: cells a finger's width (kFingerTarget) with the strength inside, on one
// line when they fit (on its side), else folded into three lines.
struct ScaleLayout {
    float cell = 26;    // a position's width
    float height = 26;  // and height
    bool folded = false;
    int perLine = 17;          // folded: positions per line of each side (8, or 4 on a tiny screen)
    bool numbersBelow = true;  // the strength under a circle (desktop), else inside the cell
};

ScaleLayout scaleLayout(const ScreenContext& ctx, float avail) {
    ScaleLayout l;
    if (!ctx.fingerSized()) {
        if (ctx.narrow()) l.cell = l.height = std::floor(std::min(28.0f, avail / 17.0f));
        return l;
    }
    l.numbersBelow = false;
    if (avail / 17.0f >= kFingerTarget) {
        l.cell = l.height = std::floor(std::min(56.0f, avail / 17.0f));
        return l;
    }
    l.folded = true;
    l.perLine = avail / 8.0f >= kFingerTarget ? 8 : 4;
    l.cell = std::floor(std::min(l.perLine == 8 ? 56.0f : 72.0f, avail / float(l.perLine)));
    l.height = std::max(kFingerTarget, std::min(l.cell, 48.0f));
    return l;
}

// The look of scale position `pos` in the last item's rectangle: the row item's side in blue,
// the column item's in orange, "equal" in grey; the chosen one filled.
void drawScalePosition(const ScreenContext& ctx, int pos, bool chosen, const ScaleLayout& layout) {
    const ImVec2 r0 = ImGui::GetItemRectMin(), r1 = ImGui::GetItemRectMax();
    // Scrolled out of view: nothing to draw (the 17 positions of every row are most of a
    // frame's vertices). The margin keeps the number under a circle at the window's edge.
    if (!ImGui::IsRectVisible(ImVec2(r0.x, r0.y - layout.cell), ImVec2(r1.x, r1.y + layout.cell))) return;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 c((r0.x + r1.x) / 2, (r0.y + r1.y) / 2);
    const int distance = std::abs(pos - 8);
    const bool hovered = ImGui::IsItemHovered() && ctx.state.pointerHovers;
    const bool focused = ImGui::IsItemFocused() && ImGui::GetIO().NavVisible;
    // Colours follow the screen's sides (left blue, right orange); folded, the row item's lines.
    const bool firstSide = (pos < 8) != (ctx.rtl() && !layout.folded);
    const ImU32 side = pos == 8 ? IM_COL32(90, 90, 100, 255) : firstSide ? kAccent : IM_COL32(160, 80, 40, 255);
    const std::string number = pos == 8 && layout.folded ? ctx.visual(ctx.integer(1) + " " + ctx.tr("scale.equal"))
                                                         : ctx.integer(distance + 1);
    const ImVec2 size = ImGui::CalcTextSize(number.c_str());
    if (layout.numbersBelow) {
        const float radius = layout.cell * (0.20f + 0.025f * distance);
        // Segments as ImGui picks them for the radius (at most 0.3 px off the circle): a fixed 20
        // gave the small ones more than they show, a quarter of the compare screen's vertices.
        if (chosen)
            draw->AddCircleFilled(c, radius + 2, side);
        else
            draw->AddCircle(c, radius, hovered || focused ? side : IM_COL32(150, 155, 165, 255), 0,
                            hovered || focused ? 2.5f : 1.5f);
        // Odd strengths only when the circles are small.
        if (layout.cell >= 24 || distance % 2 == 0)
            draw->AddText(ImVec2(c.x - size.x / 2, c.y + layout.cell / 2), kMuted, number.c_str());
        return;
    }
    const ImVec2 a(r0.x + 2, r0.y + 2), b(r1.x - 2, r1.y - 2);
    if (chosen)
        draw->AddRectFilled(a, b, side, 6);
    else
        draw->AddRectFilled(a, b, IM_COL32(255, 255, 255, 255), 6);
    draw->AddRect(a, b, chosen || focused ? side : IM_COL32(170, 175, 185, 255), 6, 0, focused ? 2.5f : 1.2f);
    draw->AddText(ImVec2(c.x - size.x / 2, c.y - size.y / 2), chosen ? IM_COL32(255, 255, 255, 255) : side,
                  number.c_str());
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
    // Adaptive questioning: the pair the engine would ask next is marked (any other may be answered too).
    if (set.adaptive && set.next && set.next->first == i && set.next->second == j) {
        TextCentered(ctx, ctx.tr(set.settled ? "compare.next_optional" : "compare.next_question"), kAccent);
        ctx.mark("next-question/" + set.parentId);
    }
    // For assistive technology the row is a radio group named with both items and the
    // question; its radios follow the scale's reading order (position 0 first).
    const ImVec2 rowStart = ImGui::GetCursorScreenPos();
    // The group's and the 17 radios' semantics, built when the row's words change (their places
    // in reading order taken now; each is recorded with its rectangle as it is drawn).
    const std::string rowKey =
        id + '\x1f' + ctx.state.language + (ctx.state.persianDigits ? "1" : "0") + ctx.label(a) + '\x1f' + ctx.label(b);
    std::vector<Semantics>& radios = ctx.semantics.get(rowKey, [&] {
        std::vector<Semantics> made(18);  // 0-16 the positions, 17 the group
        made[17] = {Role::RadioGroup, format(ctx.tr("a11y.judgment"), ctx.label(a), ctx.label(b))};
        for (int position = 0; position < 17; ++position) {
            const int distance = std::abs(position - 8);
            Semantics& r = made[position];
            r.role = Role::Radio;
            r.name = distance == 0
                         ? format(ctx.tr("a11y.position_equal"), ctx.integer(1))
                         : format(ctx.tr("a11y.position"), ctx.label(position < 8 ? a : b),
                                  ctx.tr("scale.intensity." + std::to_string(distance + 1)), ctx.integer(distance + 1));
            r.parent = id;
        }
        return made;
    });
    const Semantics& group = radios[17];
    ctx.widgets.reserve(id);
    std::array<std::string, 17> radioIds;
    for (int position = 0; position < 17; ++position) {
        radios[position].checked = position == selected;
        radioIds[position] = id + "/" + std::to_string(position);
        ctx.widgets.reserve(radioIds[position]);
    }
    auto radio = [&](int position) -> const Semantics& { return radios[position]; };
    const float avail = ImGui::GetContentRegionAvail().x;
    const float startX = ImGui::GetCursorPosX();
    const float rowTop = ImGui::GetCursorPosY();
    const ScaleLayout layout = scaleLayout(ctx, avail);
    // In Persian the row item (a) is on the right, so the scale is mirrored.
    const int leftItem = ctx.rtl() ? b : a, rightItem = ctx.rtl() ? a : b;
    auto drawLabel = [&](int node, bool alignRight, float x, float width) {
        ImGui::SetCursorPosX(x);
        TextInBox(ctx, ctx.label(node), width, alignRight);
    };
    // One position of the scale in its cell at (x, y) of the window; screen slots run left to
    // right, so in Persian slot k shows position 16 - k.
    auto position = [&](int pos, float x, float y, float width) {
        ImGui::SetCursorPos(ImVec2(x, y));
        ImGui::PushID(pos);
        bool clicked = ImGui::InvisibleButton("pos", ImVec2(width, layout.height));
        const std::string& positionId = radioIds[pos];
        ctx.mark(positionId, radio(pos));
        // The mirror's radio chooses a position; choosing the chosen one again keeps it.
        if (ctx.activated(positionId) && pos != selected) clicked = true;
        drawScalePosition(ctx, pos, pos == selected, layout);
        // The keyboard's place shows like a hover, under the position; a finger hovers nothing
        // (no tooltip after a tap).
        if (ctx.wantsTooltip())
            Tooltip(ctx, verbalJudgment(ctx, a, b, scaleValueAt(pos)));
        else if (ctx.keyboardAt(positionId))
            Tooltip(ctx, verbalJudgment(ctx, a, b, scaleValueAt(pos)), true);
        if (clicked) {
            if (pos == selected)
                out.push_back(intent::ClearJudgment{setIndex, i, j});
            else
                out.push_back(intent::SetJudgment{setIndex, i, j, scaleValueAt(pos)});
        }
        ImGui::PopID();
    };
    auto slotX = [&](int slot, int slots, float cell, float lineX, float lineWidth) {
        const int k = ctx.rtl() ? slots - 1 - slot : slot;  // from the reading start
        return lineX + (lineWidth - cell * float(slots)) / 2 + cell * float(k);
    };
    float bottom = rowTop;
    if (layout.folded) {
        // Upright phone: the row item's 8 positions (9 .. 2), "equal", the column item's 8
        // (2 .. 9), each line under the item it favours.
        const float textWidth = avail;
        ImGui::SetCursorPos(ImVec2(startX, rowTop));
        TextInBox(ctx, format(ctx.tr("scale.more_important"), ctx.label(a)), textWidth, ctx.rtl());
        float y = ImGui::GetCursorPosY();
        const int lines = 8 / layout.perLine;
        for (int line = 0; line < lines; ++line, y += layout.height)
            for (int k = 0; k < layout.perLine; ++k)
                position(line * layout.perLine + k, slotX(k, layout.perLine, layout.cell, startX, avail), y,
                         layout.cell);
        y += 4;
        const float equalWidth = std::min(avail, layout.cell * 4);
        position(8, startX + (avail - equalWidth) / 2, y, equalWidth);
        ImGui::SetCursorPos(ImVec2(startX, y + layout.height + 6));
        TextInBox(ctx, format(ctx.tr("scale.more_important"), ctx.label(b)), textWidth, ctx.rtl());
        y = ImGui::GetCursorPosY();
        for (int line = 0; line < lines; ++line, y += layout.height)
            for (int k = 0; k < layout.perLine; ++k)
                position(9 + line * layout.perLine + k, slotX(k, layout.perLine, layout.cell, startX, avail), y,
                         layout.cell);
        bottom = y + 4;
    } else {
        const float scaleWidth = layout.cell * 17;
        float scaleX = startX, scaleY = rowTop;
        if (ctx.narrow()) {
            // Phone on its side, or a small window: the two labels above, the scale below.
            drawLabel(leftItem, false, startX, avail * 0.5f - 4);
            const float afterLeft = ImGui::GetCursorPosY();
            ImGui::SetCursorPosY(rowTop);
            drawLabel(rightItem, true, startX + avail * 0.5f + 4, avail * 0.5f - 4);
            scaleY = std::max(afterLeft, ImGui::GetCursorPosY()) + 2;
            scaleX = startX + (avail - scaleWidth) / 2;
            bottom = scaleY;
        } else {
            const float labelWidth = (avail - scaleWidth - 24) / 2;
            drawLabel(leftItem, true, startX, labelWidth);
            const float afterLeft = ImGui::GetCursorPosY();
            ImGui::SetCursorPos(ImVec2(startX + labelWidth + 12 + scaleWidth + 12, rowTop));
            drawLabel(rightItem, false, startX + labelWidth + 12 + scaleWidth + 12, labelWidth);
            scaleX = startX + labelWidth + 12;
            bottom = std::max(afterLeft, ImGui::GetCursorPosY());
        }
        for (int k = 0; k < 17; ++k) position(ctx.rtl() ? 16 - k : k, scaleX + k * layout.cell, scaleY, layout.cell);
        bottom = std::max(bottom, scaleY + layout.height + (layout.numbersBelow ? ImGui::GetTextLineHeight() + 2 : 2));
    }
    ImGui::SetCursorPos(ImVec2(startX, bottom));
    // The chosen judgment in words, with its ratio.
    if (value) {
        const std::string sentence = verbalJudgment(ctx, a, b, *value) + "  (" + ratioText(ctx, *value) + ")";
        TextCentered(ctx, sentence, kAccent);
    } else {
        TextCentered(ctx, ctx.tr(layout.numbersBelow ? "compare.not_answered" : "compare.not_answered_touch"), kMuted);
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
        ImGui::PushID(k);
        const float width = ImGui::GetContentRegionAvail().x;
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float h = ImGui::GetTextLineHeight();
        // A label longer than the panel wraps (a long Persian name lost its end to the edge).
        const float textWidth = std::max(h, width - indent - h - 4);
        const float pitch = ImGui::GetTextLineHeightWithSpacing();
        const WrappedText& label = ctx.shaper.wrapped(ctx.label(set.parent), textWidth, ctx.rtl());
        const float itemHeight = LinesHeight(label.lines.size(), pitch);
        bool clicked = ImGui::Selectable("##set", k == s.currentSet, 0, ImVec2(width, itemHeight));
        Semantics item{Role::Button,
                       ctx.label(set.parent) + " (" + ctx.integer(set.answered) + "/" + ctx.integer(set.total) + ")"};
        item.selected = k == s.currentSet;
        ctx.mark("tree/" + set.parentId, item);
        clicked |= ctx.activated("tree/" + set.parentId);
        ImDrawList* draw = ImGui::GetWindowDrawList();
        const float dotX = ctx.rtl() ? p.x + width - indent - h / 2 : p.x + indent + h / 2;
        const ImVec2 dot(dotX, p.y + h / 2);
        // Done: every pair answered, or (adaptive) settled. A set above its CR threshold is drawn
        // as a red warning triangle with "!" (a symbol as well as a colour).
        const bool done = set.answered == set.total || (set.adaptive && set.settled);
        const ImU32 color = set.aboveThreshold ? kVerdictBad
                            : done             ? kVerdictGood
                            : set.answered > 0 ? IM_COL32(214, 140, 20, 255)
                                               : IM_COL32(170, 170, 180, 255);
        if (set.aboveThreshold) {
            const float r = h * 0.42f;
            draw->AddTriangleFilled(ImVec2(dot.x, dot.y - r), ImVec2(dot.x - r, dot.y + r * 0.8f),
                                    ImVec2(dot.x + r, dot.y + r * 0.8f), color);
            const ImVec2 bang = ImGui::CalcTextSize("!");
            draw->AddText(ImVec2(dot.x - bang.x / 2, dot.y - bang.y * 0.42f), IM_COL32(255, 255, 255, 255), "!");
            ctx.mark("tree-warning/" + set.parentId);
        } else if (done) {
            draw->AddCircleFilled(dot, h * 0.28f, color);
        } else {
            draw->AddCircle(dot, h * 0.28f, color, 12, 2);
        }
        if (set.aboveThreshold) HoverTooltip(ctx, ctx.tr("compare.tree_above"));
        const float textLeft = ctx.rtl() ? p.x + width - indent - h - 4 - textWidth : p.x + indent + h + 4;
        // The label's lines fit its row (itemHeight is theirs): no clip rectangle of its own, which
        // split the panel's drawing into two draw calls a row, each a call into WebGL.
        DrawLines(ctx, label, ImVec2(textLeft, p.y), textWidth, pitch, ImGui::GetColorU32(ImGuiCol_Text));
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
    if (set.adaptive) {
        // Adaptive: the engine says when the answers so far settle the weights.
        if (set.answered < set.total)
            Text(ctx, ctx.tr(set.settled ? "compare.settled" : "compare.not_settled"),
                 set.settled ? kVerdictGood : kMuted);
        if (set.settled) ctx.mark("settled/" + set.parentId);
        if (!set.solvable) return;
    } else if (set.answered < set.total) {
        Text(ctx, format(ctx.tr("compare.answer_all"), ctx.integer(set.total - set.answered)), kMuted);
        if (!set.solvable) return;
    }
    const double threshold = ahp::graduatedCrThreshold(n);
    const double cr = set.consistency.cr;
    const ImU32 color = verdictColor(cr, threshold);
    const std::string verdict = cr <= threshold       ? ctx.tr("compare.consistent")
                                : cr <= 2 * threshold ? ctx.tr("compare.slightly_inconsistent")
                                                      : ctx.tr("compare.inconsistent");
    const std::string line =
        format(ctx.tr("compare.cr_line"), ctx.number(cr, 3), ctx.number(threshold, 2)) + "  " + verdict;
    // A badge as wide as its text, which wraps on a phone rather than running off the screen.
    const float pitch = ImGui::GetTextLineHeightWithSpacing();
    const WrappedText& badge =
        ctx.shaper.wrapped(line, std::max(1.0f, ImGui::GetContentRegionAvail().x - 16), ctx.rtl());
    const float textWidth = badge.widest();
    const ImVec2 size(textWidth + 16, LinesHeight(badge.lines.size(), pitch) + 8);
    AlignForWidth(ctx, size.x);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + size.x, p.y + size.y), color, 4);
    DrawLines(ctx, badge, ImVec2(p.x + 8, p.y + 4), textWidth, pitch, IM_COL32(255, 255, 255, 255));
    ImGui::Dummy(size);
    Semantics verdictLine{Role::Text, line};
    verdictLine.live = true;  // announced when it changes
    ctx.mark("cr/" + set.parentId, verdictLine);
    ImGui::Dummy(ImVec2(1, 4));

    // The engine's suggestion (one rule for the page and the CLI): it always lowers CR; after it
    // is used the next one follows while the set is still above its threshold.
    if (set.suggestion) {
        const ahp::Suggestion& change = *set.suggestion;
        const int a = set.items[change.i], b = set.items[change.j];
        Text(ctx, format(ctx.tr("compare.suggest_title"), ctx.label(a), ctx.label(b)));
        Text(ctx,
             format(ctx.tr("compare.suggest_detail"), ratioText(ctx, change.value), ratioText(ctx, change.suggested),
                    ctx.number(change.crIfChanged, 3)),
             kMuted);
        if (!change.reachesThreshold) Text(ctx, ctx.tr("compare.suggest_partial"), kMuted);
        const std::string label = format(ctx.tr("compare.use_suggested"), ratioText(ctx, change.suggested));
        const float bw = ImGui::CalcTextSize(ctx.visual(label).c_str()).x + 24;
        AlignForWidth(ctx, bw);
        Semantics announced{Role::Button};
        announced.live = true;  // announced when it appears or changes
        if (Button(ctx, label, "use-suggested", ImVec2(bw, 0), std::move(announced)))
            out.push_back(intent::SetJudgment{setIndex, change.i, change.j, change.suggested});
    } else if (cr > threshold) {
        Text(ctx, ctx.tr("compare.no_suggestion"), kMuted);
    }
}

void matrixTable(const ScreenContext& ctx, const SetView& set) {
    const int n = int(set.items.size());
    const auto it = ctx.state.judgments.find(set.parentId);
    if (it == ctx.state.judgments.end()) return;
    TableSemantics table(ctx, "matrix/" + set.parentId, ctx.tr("compare.matrix"), true);
    TableCaption(ctx, ctx.tr("compare.matrix"), kMuted);
    if (!ImGui::BeginTable("matrix", n + 1, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit)) return;
    table.begin();
    auto column = [&](int k) { return ctx.rtl() ? n - k : k; };  // mirror columns in Persian
    auto cell = [&](const std::string& text) {
        ImGui::TextUnformatted(text.c_str());
        table.cell(text);
    };
    for (int c = 0; c <= n; ++c) ImGui::TableSetupColumn(nullptr, ImGuiTableColumnFlags_WidthFixed, 54);
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(column(0));
    table.cell("");  // the corner: the header row starts here
    for (int k = 0; k < n; ++k) {
        ImGui::TableSetColumnIndex(column(k + 1));
        cell(ctx.state.model.hierarchy.node(set.items[k]).id);
    }
    for (int r = 0; r < n; ++r) {
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(column(0));
        cell(ctx.state.model.hierarchy.node(set.items[r]).id);
        for (int c = 0; c < n; ++c) {
            ImGui::TableSetColumnIndex(column(c + 1));
            const std::optional<double> v = it->second.get(r, c);
            cell(v ? (*v >= 1 ? ctx.number(*v, std::fabs(*v - std::round(*v)) < 1e-9 ? 0 : 2)
                              : ctx.integer(1) + "/" +
                                    ctx.number(1 / *v, std::fabs(1 / *v - std::round(1 / *v)) < 1e-9 ? 0 : 2))
                   : "-");
        }
    }
    ImGui::EndTable();
    table.end();
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
    // The groups come first in reading order (Tab, the screen reader's mirror), on the left in
    // English and on the right in Persian: drawn first either way, then the set beside them.
    if (showTree) {
        const ImVec2 start = ImGui::GetCursorPos();
        if (ctx.rtl()) ImGui::SetCursorPosX(start.x + mainWidth + ImGui::GetStyle().ItemSpacing.x);
        drawTreePanel();
        if (ctx.rtl())
            ImGui::SetCursorPos(start);
        else
            ImGui::SameLine();
    }

    ImGui::BeginChild("set", ImVec2(mainWidth, height), false);
    if (ctx.scrollToTop) ImGui::SetScrollY(0);
    // Where this set sits: its parent's path.
    std::string path;
    for (int n = s.model.hierarchy.node(set.parent).parent; n >= 0; n = s.model.hierarchy.node(n).parent)
        path = ctx.label(n) + (path.empty() ? "" : "  ›  " + path);
    if (!path.empty()) Text(ctx, path, kMuted);
    Title(ctx, format(ctx.tr("compare.title"), ctx.label(set.parent)));
    Text(ctx, format(ctx.tr("compare.question"), ctx.label(set.parent)), kMuted);
    Text(ctx,
         format(ctx.tr("compare.set_progress"), ctx.integer(setIndex + 1), ctx.integer(long(s.sets.size())),
                ctx.integer(set.answered) + "/" + ctx.integer(set.total)),
         kMuted);
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
    const float bh = std::max(36.0f, ImGui::GetFrameHeight());
    if (Button(ctx, backLabel, "back", ImVec2(bw, bh)))
        out.push_back(setIndex == 0 ? Intent{intent::GoTo{Screen::Welcome}} : Intent{intent::GoToSet{setIndex - 1}});
    ImGui::SetCursorPos(ImVec2(ctx.rtl() ? x0 : right, y));
    if (Button(ctx, nextLabel, "next", ImVec2(bw, bh)))
        out.push_back(last ? Intent{intent::GoTo{Screen::Results}} : Intent{intent::GoToSet{setIndex + 1}});
    ImGui::Dummy(ImVec2(1, 20));
    ImGui::EndChild();
}

}  // namespace ui
