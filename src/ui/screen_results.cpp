#include "ui/screens.hpp"

#include <algorithm>

namespace ui {

namespace {

void ranking(const ScreenContext& ctx) {
    const AppState& s = ctx.state;
    Title(ctx, ctx.tr("results.ranking"));
    if (!s.result.unsolved.empty())
        Text(ctx, format(ctx.tr("results.unsolved"), ctx.integer(long(s.result.unsolved.size()))),
             IM_COL32(200, 50, 50, 255));
    const float width = ImGui::GetContentRegionAvail().x;
    const double top =
        s.result.leafRanking.empty() ? 1.0 : std::max(1e-12, s.result.globalWeight[s.result.leafRanking.front()]);
    int rank = 0;
    for (int leaf : s.result.leafRanking) {
        ++rank;
        const double w = s.result.globalWeight[leaf];
        const std::string text = ctx.integer(rank) + ". " + ctx.label(leaf) + "  " + ctx.number(w, 4);
        Bar(ctx, float(w / top), text, IM_COL32(150, 190, 235, 255), width);
        ctx.mark("rank/" + std::to_string(rank));
    }
}

void setTables(const ScreenContext& ctx) {
    const AppState& s = ctx.state;
    Title(ctx, ctx.tr("results.local"));
    Text(ctx, ctx.tr("results.study_note"), kMuted);
    const int columns = 5;
    for (const SetView& set : s.sets) {
        ImGui::Spacing();
        std::string heading = ctx.label(set.parent);
        if (set.solvable && set.items.size() > 2) heading += "  —  CR " + ctx.number(set.consistency.cr, 3);
        const ImU32 color =
            set.solvable ? verdictColor(set.consistency.cr, ahp::graduatedCrThreshold(int(set.items.size()))) : kMuted;
        TableSemantics table(ctx, "local/" + set.parentId, heading, true);
        TableCaption(ctx, heading, color);
        ImGui::PushID(set.parentId.c_str());
        if (ImGui::BeginTable("local", columns,
                              ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
            table.begin();
            auto column = [&](int k) { return ctx.rtl() ? columns - 1 - k : k; };
            const char* keys[columns] = {"results.col_item", "results.col_weight", "results.col_rank",
                                         "results.col_study", "results.col_study_rank"};
            for (int c = 0; c < columns; ++c)
                ImGui::TableSetupColumn(nullptr, ImGuiTableColumnFlags_WidthStretch, c == column(0) ? 4.0f : 1.0f);
            ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
            for (int c = 0; c < columns; ++c) {
                ImGui::TableSetColumnIndex(column(c));
                Text(ctx, ctx.tr(keys[c]));
            }
            // Ranks by weight (the study's own rank lists sometimes disagree with its weights).
            const int n = int(set.items.size());
            std::vector<double> reported(n, -1);
            for (int k = 0; k < n; ++k) {
                const auto it = s.model.reportedLocalWeights.find(s.model.hierarchy.node(set.items[k]).id);
                if (it != s.model.reportedLocalWeights.end()) reported[k] = it->second;
            }
            auto rankOf = [&](const auto& values, int k) {
                int r = 1;
                for (int m = 0; m < n; ++m) r += values[m] > values[k];
                return r;
            };
            for (int k = 0; k < n; ++k) {
                ImGui::TableNextRow();
                ImGui::TableSetColumnIndex(column(0));
                const std::string& nodeId = s.model.hierarchy.node(set.items[k]).id;
                std::string label = ctx.label(set.items[k]);
                const auto note = s.model.notes.find(nodeId);
                const bool hasNote = note != s.model.notes.end();
                if (hasNote) label += " *";
                Text(ctx, label);
                if (hasNote) {  // a finger cannot hover: the note is written out under the label
                    const auto text =
                        note->second.count(s.language) ? note->second.at(s.language) : note->second.begin()->second;
                    if (s.pointerHovers)
                        HoverTooltip(ctx, text);
                    else
                        Text(ctx, "* " + text, kMuted);
                }
                ImGui::TableSetColumnIndex(column(1));
                Text(ctx, set.solvable ? ctx.number(set.weights[k], 4) : "-");
                ImGui::TableSetColumnIndex(column(2));
                Text(ctx, set.solvable ? ctx.integer(rankOf(set.weights, k)) : "-");
                ImGui::TableSetColumnIndex(column(3));
                Text(ctx, reported[k] >= 0 ? ctx.number(reported[k], 4) : "-");
                ImGui::TableSetColumnIndex(column(4));
                Text(ctx, reported[k] >= 0 ? ctx.integer(rankOf(reported, k)) : "-");
            }
            ImGui::EndTable();
            table.end();
        }
        for (int item : set.items) {  // errata and other notes, spelled out under the table
            const auto note = s.model.notes.find(s.model.hierarchy.node(item).id);
            if (note == s.model.notes.end()) continue;
            const auto text =
                note->second.count(s.language) ? note->second.at(s.language) : note->second.begin()->second;
            Text(ctx, "* " + text, IM_COL32(170, 100, 20, 255));
        }
        ImGui::PopID();
    }
}
}  // namespace

// Before the results: the sets still above their consistency threshold, each a link to it.
// The expert may still hand in (it is their judgment); the response file records them.
void reviewNotice(const ScreenContext& ctx, Intents& out) {
    const AppState& s = ctx.state;
    std::vector<int> above;
    for (int k = 0; k < int(s.sets.size()); ++k)
        if (s.sets[k].aboveThreshold) above.push_back(k);
    if (above.empty()) return;
    Text(ctx, format(ctx.tr("results.review_notice"), ctx.integer(long(above.size()))), IM_COL32(200, 50, 50, 255));
    ctx.mark("review-notice");
    std::vector<std::pair<std::string, std::string>> links;
    for (int k : above) links.push_back({"! " + ctx.label(s.sets[k].parent), "review/" + s.sets[k].parentId});
    const int pressed = ButtonRow(ctx, links, -1, 0, Role::Link);
    if (pressed >= 0) out.push_back(intent::GoToSet{above[pressed]});
    ImGui::Separator();
}

void drawResults(const ScreenContext& ctx, Intents& out) {
    const AppState& s = ctx.state;
    reviewNotice(ctx, out);
    Text(ctx, format(ctx.tr("results.summary"), ctx.integer(s.answered), ctx.integer(s.total)), kMuted);
    if (s.answered < s.total) {
        const std::string& back = ctx.tr("results.back_to_questions");
        AlignForWidth(ctx, ImGui::CalcTextSize(ctx.visual(back).c_str()).x + 2 * ImGui::GetStyle().FramePadding.x);
        if (Button(ctx, back, "results-back")) out.push_back(intent::GoTo{Screen::Compare});
    }
    drawFileButtons(ctx, out, false, true);
    ImGui::Separator();
    if (ctx.narrow()) {
        ranking(ctx);
        setTables(ctx);
        return;
    }
    const float avail = ImGui::GetContentRegionAvail().x;
    const float col = (avail - 16) / 2;
    auto left = [&] {
        ImGui::BeginChild("results-a", ImVec2(col, 0));
        ranking(ctx);
        ImGui::EndChild();
    };
    auto right = [&] {
        ImGui::BeginChild("results-b", ImVec2(col, 0));
        setTables(ctx);
        ImGui::EndChild();
    };
    if (ctx.rtl()) {
        right();
        ImGui::SameLine();
        left();
    } else {
        left();
        ImGui::SameLine();
        right();
    }
}

void drawTopBar(const ScreenContext& ctx, Intents& out) {
    const AppState& s = ctx.state;
    const float avail = ImGui::GetContentRegionAvail().x;
    const float y = ImGui::GetCursorPosY();
    const float x0 = ImGui::GetCursorPosX();
    const ImVec2 barStart = ImGui::GetCursorScreenPos();
    // Language switch at the far end; the other language's name is the label.
    const std::string& other = s.language == "fa" ? std::string("en") : std::string("fa");
    const std::string& langLabel = ctx.strings.get(other, "language.name");
    const float lw = ImGui::CalcTextSize(ctx.visual(langLabel).c_str()).x + 24;
    ImGui::SetCursorPos(ImVec2(ctx.rtl() ? x0 : x0 + avail - lw, y));
    // The screen tabs are a tab list for assistive technology; it is recorded first (reading order).
    ctx.widgets.reserve("nav");
    if (Button(ctx, langLabel, "language", ImVec2(lw, 0))) out.push_back(intent::SetLanguage{other});
    float reserved = lw;  // room the first row of tabs leaves for these switches
    if (ctx.rtl()) {      // Persian or Latin digits for numbers (Persian mode only)
        const std::string& digits = ctx.tr(s.persianDigits ? "digits.button_latin" : "digits.button_persian");
        const float dw = ImGui::CalcTextSize(ctx.visual(digits).c_str()).x + 24;
        ImGui::SetCursorPos(ImVec2(x0 + lw + 6, y));
        if (Button(ctx, digits, "digits", ImVec2(dw, 0))) out.push_back(intent::TogglePersianDigits{});
        HoverTooltip(ctx, ctx.tr(s.persianDigits ? "digits.on" : "digits.off"));
        reserved += dw + 6;
    }
    // Screen tabs.
    const std::string tabs[5] = {ctx.tr("nav.welcome"), ctx.tr("nav.questions"), ctx.tr("nav.results"),
                                 ctx.tr("nav.research"), ctx.tr("nav.editor")};
    const char* ids[5] = {"nav-welcome", "nav-questions", "nav-results", "nav-research", "nav-editor"};
    const Screen screens[5] = {Screen::Welcome, Screen::Compare, Screen::Results, Screen::Research, Screen::Editor};
    // Tabs flow from the reading start and wrap to another row when the window is narrow (the
    // first row leaves room for the language switch).
    const float gap = 6;
    float rowY = y, used = 0, room = avail - reserved - gap;
    const int tabCount = s.hasWorkbench ? 5 : 3;  // the researcher's two only where there is a workbench
    for (int k = 0; k < tabCount; ++k) {
        const float w = ImGui::CalcTextSize(ctx.visual(tabs[k]).c_str()).x + 20;
        if (used > 0 && used + w > room) {
            rowY += ImGui::GetFrameHeight() + gap;
            used = 0;
            room = avail;
        }
        ImGui::SetCursorPos(ImVec2(ctx.rtl() ? x0 + avail - used - w : x0 + used, rowY));
        const bool active = s.screen == screens[k];
        if (active) ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(36, 99, 170, 255));
        if (active) ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 255, 255, 255));
        Semantics tab{Role::Tab};
        tab.selected = active;
        tab.parent = "nav";
        if (Button(ctx, tabs[k], ids[k], ImVec2(w, 0), std::move(tab))) out.push_back(intent::GoTo{screens[k]});
        if (active) ImGui::PopStyleColor(2);
        used += w + gap;
    }
    ctx.markRect("nav", barStart, ImVec2(barStart.x + avail, barStart.y + (rowY - y) + ImGui::GetFrameHeight()),
                 {Role::TabList, ctx.tr("a11y.tabs")});
    // Progress across all judgments.
    ImGui::SetCursorPos(ImVec2(x0, rowY + ImGui::GetFrameHeight() + 6));
    const std::string progress = format(ctx.tr("progress"), ctx.integer(s.answered), ctx.integer(s.total));
    Bar(ctx, s.total ? float(s.answered) / float(s.total) : 0.0f, progress, IM_COL32(120, 190, 140, 255), avail);
    Semantics bar{Role::ProgressBar, progress};
    bar.value = progress;
    bar.valueNow = float(s.answered);
    bar.valueMax = float(s.total);
    ctx.mark("progress", bar);
    ImGui::Separator();
}

}  // namespace ui
