// The researcher's desk: load many experts' response files, choose who counts, and read the
// group results as the study reported them (screen_research_views.cpp draws the sections).
#include "ui/screen_research.hpp"

#include <algorithm>
#include <cmath>

namespace ui {

bool Cell(const ScreenContext& ctx, const std::string& logical, ImU32 color) {
    if (ctx.table) ctx.table->cell(logical);  // whole, for assistive technology
    // A cell draws up to its column's edge, over the padding on its end side (ImGui's clip).
    const float avail = ImGui::GetContentRegionAvail().x, padding = ImGui::GetStyle().CellPadding.x;
    const ElidedText v = Elided(ctx, logical, avail + padding);
    if (ctx.rtl()) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(-padding, avail - v.width));
    if (color) ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::TextUnformatted(v.visual.c_str());
    if (color) ImGui::PopStyleColor();
    return v.cut;
}

void NumberCell(const ScreenContext& ctx, const std::string& digits, ImU32 color) {
    if (ctx.table) ctx.table->cell(digits);
    if (ctx.rtl()) {
        const float w = ImGui::CalcTextSize(digits.c_str()).x;
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, ImGui::GetContentRegionAvail().x - w));
    }
    if (color) ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::TextUnformatted(digits.c_str());
    if (color) ImGui::PopStyleColor();
}

void SetupColumns(const ScreenContext& ctx, const std::vector<float>& widths,
                  const std::vector<std::string>& headings) {
    const int n = int(widths.size());
    const float padding = 2 * ImGui::GetStyle().CellPadding.x;
    for (int v = 0; v < n; ++v) {
        const int k = ctx.rtl() ? n - 1 - v : v;
        if (widths[k] < 0) {
            ImGui::TableSetupColumn(nullptr, ImGuiTableColumnFlags_WidthStretch, -widths[k]);
        } else {
            // At least as wide as its heading, which is longer in one language than the other.
            const float heading = k < int(headings.size()) ? ImGui::CalcTextSize(ctx.visual(headings[k]).c_str()).x : 0;
            ImGui::TableSetupColumn(nullptr, ImGuiTableColumnFlags_WidthFixed, std::max(widths[k], heading + padding));
        }
    }
}

void HeaderRow(const ScreenContext& ctx, const std::vector<std::string>& labels) {
    const int n = int(labels.size());
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int k = 0; k < n; ++k) {
        ImGui::TableSetColumnIndex(Column(ctx, k, n));
        Cell(ctx, labels[k], IM_COL32(30, 40, 60, 255));
    }
}

std::optional<bool> CheckboxBox(const ScreenContext& ctx, const std::string& label, const std::string& id, bool value) {
    bool v = value;
    bool pressed = ImGui::Checkbox(("##" + id).c_str(), &v);
    Semantics semantics{Role::Checkbox, label};
    semantics.checked = value;
    ctx.mark(id, semantics);
    if (ctx.activated(id)) {  // the mirror's checkbox: Space, a click, a screen reader
        pressed = true;
        v = !value;
    }
    if (pressed) return v;
    return std::nullopt;
}

std::string levelWord(const ScreenContext& ctx, const std::string& level) {
    std::string key = "research.level." + level;
    std::replace(key.begin(), key.end(), ' ', '_');
    return ctx.tr(key);
}

namespace {

void push(Intents& out, ResearchAction action) { out.push_back(intent::Research{std::move(action)}); }

void fileBar(const ScreenContext& ctx, const ResearchState& r, Intents& out) {
    std::vector<std::pair<std::string, std::string>> buttons;
    if (ctx.state.canPickFiles) buttons.push_back({ctx.tr("research.load"), "research/load"});
    if (ctx.state.canPickFolder) buttons.push_back({ctx.tr("research.load_folder"), "research/load-folder"});
    const std::size_t problems = r.group.skipped.size() + r.group.duplicates.size() + r.group.superseded.size();
    if (!r.experts.empty() || problems > 0) buttons.push_back({ctx.tr("research.clear"), "research/clear"});
    if (!buttons.empty()) {
        const int pressed = ButtonRow(ctx, buttons);
        if (pressed >= 0 && buttons[pressed].second == "research/load") out.push_back(intent::PickFiles{});
        if (pressed >= 0 && buttons[pressed].second == "research/load-folder") out.push_back(intent::PickFiles{true});
        if (pressed >= 0 && buttons[pressed].second == "research/clear") {
            push(out, research_action::Clear{});
            ForgetFieldDrafts(ctx, "research/weight/");  // the rows go with the files
        }
    }
    if (!ctx.state.canPickFiles) Text(ctx, ctx.tr("research.no_picker"), kMuted);
    if (!r.queue.empty() || r.coming > 0) {
        const int total = r.batchTotal + r.coming;
        const float fraction = total ? float(r.processed) / float(total) : 0.0f;
        Bar(ctx, fraction, format(ctx.tr("research.loading"), ctx.integer(r.processed), ctx.integer(total)),
            IM_COL32(120, 170, 230, 255), ImGui::GetContentRegionAvail().x);
        ctx.mark("research/progress");
    } else if (r.build) {  // thousands of experts: the group results take a few frames
        Bar(ctx, float(r.buildProgress),
            format(ctx.tr("research.computing"), ctx.integer(long(std::lround(r.buildProgress * 100)))),
            IM_COL32(120, 170, 230, 255), ImGui::GetContentRegionAvail().x);
        ctx.mark("research/progress");
    }
    const int included =
        int(std::count_if(r.experts.begin(), r.experts.end(), [](const ResearchExpert& e) { return e.included; }));
    Text(ctx,
         format(ctx.tr("research.summary"), ctx.integer(long(r.experts.size())), ctx.integer(included),
                ctx.integer(long(r.group.skipped.size() + r.group.superseded.size()))),
         kMuted);
    ctx.mark("research/summary");

    // Files that were not used (or are left out until switched on): which file, and why.
    if (problems > 0 && !(r.problemsDismissed && r.problemsShown == problems)) {
        Text(ctx, ctx.tr("research.problems"), kBad);
        const std::size_t limit = 12;
        std::size_t shown = 0;
        for (const auto& s : r.group.skipped) {
            if (shown++ >= limit) break;
            drawFileProblem(ctx, s.file, s.code, s.args, s.message);
            ctx.mark("research/problem/" + s.file);
        }
        for (const auto& d : r.group.superseded) {
            if (shown++ >= limit) break;
            Text(ctx, "• " + format(ctx.tr("research.superseded"), isolate(d.file), isolate(d.supersededBy)), kBad);
            ctx.mark("research/problem/" + d.file);
        }
        for (const auto& d : r.group.duplicates) {
            if (shown++ >= limit) break;
            Text(ctx, "• " + format(ctx.tr("research.duplicate"), isolate(d.file), isolate(d.firstFile)), kBad);
            ctx.mark("research/problem/" + d.file);
        }
        if (problems > limit)
            Text(ctx, format(ctx.tr("research.more_problems"), ctx.integer(long(problems - limit))), kBad);
        if (ButtonRow(ctx, {{ctx.tr("import.dismiss"), "research/dismiss"}}) == 0)
            push(out, research_action::DismissProblems{});
    }
}

void sections(const ScreenContext& ctx, const ResearchState& r, Intents& out) {
    const std::vector<std::pair<std::string, std::string>> buttons = {
        {ctx.tr("research.section.experts"), "research/section/experts"},
        {ctx.tr("research.section.group"), "research/section/group"},
        {ctx.tr("research.section.sensitivity"), "research/section/sensitivity"},
        {ctx.tr("research.section.uncertainty"), "research/section/uncertainty"},
        {ctx.tr("research.section.reports"), "research/section/reports"},
    };
    const int pressed = ButtonRow(ctx, buttons, int(r.section), IM_COL32(36, 99, 170, 255));
    if (pressed >= 0) push(out, research_action::Section{ResearchSection(pressed)});
}

void experts(const ScreenContext& ctx, const ResearchState& r, Intents& out) {
    const AppState& s = ctx.state;
    const ahp::Hierarchy& h = s.model.hierarchy;
    const std::vector<int> sets = h.comparisonSets();

    // The rule: [x] leave out a set's matrix when its CR is above [0.10]. On one line where it
    // fits; on a phone the sentence wraps above the box and the field, which then stay on screen.
    {
        const std::string& label = ctx.visual(ctx.tr("research.cr_rule"));
        const float box = ImGui::GetFrameHeight(), gap = ImGui::GetStyle().ItemInnerSpacing.x, input = 90;
        const float labelWidth = ImGui::CalcTextSize(label.c_str()).x;
        const bool oneLine = box + gap + labelWidth + gap + input <= ImGui::GetContentRegionAvail().x;
        if (!oneLine) Text(ctx, ctx.tr("research.cr_rule"));
        AlignForWidth(ctx, box + gap + (oneLine ? labelWidth + gap : 0) + input);
        bool on = r.crRuleOn;
        double value = r.crRule;
        bool changed = false;
        auto checkbox = [&] {
            if (const auto toggled = CheckboxBox(ctx, ctx.tr("research.cr_rule"), "research/cr-rule", on)) {
                on = *toggled;
                changed = true;
            }
        };
        auto field = [&] {
            if (const auto typed = NumberField(ctx, ctx.tr("research.cr_rule_value"), "research/cr-rule-value", value,
                                               {0.0, 10.0, 3}, input, false)) {
                value = *typed;
                changed = true;
            }
        };
        auto text = [&] {
            if (!oneLine) return;
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(label.c_str());
            ImGui::SameLine(0, gap);
        };
        if (ctx.rtl()) {
            field();
            ImGui::SameLine(0, gap);
            text();
            checkbox();
        } else {
            checkbox();
            ImGui::SameLine(0, gap);
            text();
            field();
        }
        FieldProblems(ctx, "research/cr-rule-value", ImGui::GetContentRegionAvail().x);
        if (changed) push(out, research_action::CrRule{on, value});
    }
    Text(ctx, ctx.tr("research.experts_note"), kMuted);
    if (r.experts.empty()) {
        Text(ctx, ctx.tr("research.no_experts"));
        return;
    }

    // #, name, role, answered, CR per set..., distance, include, weight
    const int nSets = int(sets.size());
    const int columns = 4 + nSets + 3;
    std::vector<float> widths = {36, -2, -1.5f, 70};
    for (int k = 0; k < nSets; ++k) widths.push_back(46);
    widths.push_back(64);
    widths.push_back(44);
    widths.push_back(76);
    const float rowHeight = ImGui::GetFrameHeightWithSpacing();
    const float wanted = rowHeight * float(r.experts.size() + 1) + 8;
    const float height = std::min(wanted, std::max(260.0f, ImGui::GetContentRegionAvail().y));
    TableSemantics table(ctx, "research/experts", ctx.tr("research.section.experts"));
    if (!ImGui::BeginTable(
            "experts", columns,
            ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit,
            ImVec2(0, height)))
        return;
    table.begin();
    ImGui::TableSetupScrollFreeze(0, 1);
    std::vector<std::string> head = {"#", ctx.tr("research.col.name"), ctx.tr("research.col.role"),
                                     ctx.tr("research.col.answered")};
    for (int set : sets) head.push_back(h.node(set).id);
    head.push_back(ctx.tr("research.col.distance"));
    head.push_back(ctx.tr("research.col.include"));
    head.push_back(ctx.tr("research.col.weight"));
    SetupColumns(ctx, widths, head);
    HeaderRow(ctx, head);
    // Hovering a set's column header names the set.
    for (int k = 0; k < nSets; ++k) {
        ImGui::TableSetColumnIndex(Column(ctx, 4 + k, columns));
        HoverTooltip(ctx, ctx.label(sets[k]));
    }

    ImGuiListClipper clipper;
    clipper.Begin(int(r.experts.size()));
    while (clipper.Step()) {
        for (int e = clipper.DisplayStart; e < clipper.DisplayEnd; ++e) {
            const ResearchExpert& x = r.experts[e];
            const model::Expert& who = r.group.responses[e].response.expert;
            ImGui::TableNextRow();
            ImGui::PushID(e);
            int k = 0;
            auto at = [&](int logical) { ImGui::TableSetColumnIndex(Column(ctx, logical, columns)); };
            at(k++);
            NumberCell(ctx, ctx.integer(e + 1));
            at(k++);
            const bool nameCut = Cell(ctx, who.name, x.included ? 0 : kMuted);
            HoverTooltip(ctx,
                         nameCut ? who.name + " \xE2\x80\x94 " + r.group.responses[e].file : r.group.responses[e].file);
            at(k++);
            if (Cell(ctx, who.role, kMuted)) HoverTooltip(ctx, who.role);
            ctx.mark("research/role/" + std::to_string(e));
            at(k++);
            NumberCell(ctx, ctx.percent(x.total ? 100.0 * x.answered / x.total : 0.0, 0),
                       x.answered == x.total ? 0 : IM_COL32(180, 110, 20, 255));
            for (int set = 0; set < nSets; ++set) {
                at(k++);
                const auto& cr = x.cr[set];
                if (!cr) {
                    NumberCell(ctx, "–", kMuted);
                    continue;
                }
                const int n = int(h.node(sets[set]).children.size());
                if (n > 2) {
                    const ImU32 color = verdictColor(*cr, ahp::graduatedCrThreshold(n));
                    ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, (color & 0x00FFFFFF) | 0x38000000);
                }
                const bool ruledOut = r.crRuleOn && *cr > r.crRule;
                NumberCell(ctx, ctx.number(*cr, 3), ruledOut ? kMuted : 0);
            }
            at(k++);
            NumberCell(ctx, std::isfinite(x.meanDistance) ? ctx.number(x.meanDistance, 3) : "–");
            at(k++);
            if (const auto included = CheckboxBox(
                    ctx,
                    format(ctx.tr("research.include_expert"), who.name.empty() ? r.group.responses[e].file : who.name),
                    "research/include/" + std::to_string(e), x.included))
                push(out, research_action::Include{e, *included});
            table.cell(ctx.tr(x.included ? "research.used" : "research.not_used"));  // what the checkbox shows
            at(k++);
            if (const auto typed = NumberField(
                    ctx, format(ctx.tr("research.weight_of"), who.name.empty() ? r.group.responses[e].file : who.name),
                    "research/weight/" + std::to_string(e), x.weight, {0.01, 1000.0, 2},
                    ImGui::GetContentRegionAvail().x, false))
                push(out, research_action::Weight{e, *typed});
            table.cell(ctx.number(x.weight, 2));
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
    table.end();
    FieldProblems(ctx, "research/weight/", ImGui::GetContentRegionAvail().x);
}

void reports(const ScreenContext& ctx, const ResearchState& r, Intents& out) {
    Text(ctx, ctx.tr("research.reports_note"), kMuted);
    const int pressed = ButtonRow(ctx, {{ctx.tr("research.download_csv"), "research/download-csv"},
                                        {ctx.tr("research.download_json"), "research/download-json"},
                                        {ctx.tr("research.download_md"), "research/download-md"}});
    if (pressed >= 0) push(out, research_action::Download{pressed});
    if (!r.status.key.empty()) {
        const bool bad = r.status.key == "research.status.failed" || r.status.key == "research.status.no_results";
        Text(ctx, format(ctx.tr(r.status.key), r.status.argument), bad ? kBad : kGood);
        ctx.mark("research/status");
    }
}

}  // namespace

void drawResearch(const ScreenContext& ctx, Intents& out) {
    const ResearchState& r = ctx.state.research;
    ImGui::PushStyleColor(ImGuiCol_FrameBg, IM_COL32(226, 231, 239, 255));  // inputs and boxes stand out
    ImGui::PushStyleColor(ImGuiCol_FrameBgHovered, IM_COL32(208, 220, 236, 255));
    Title(ctx, ctx.tr("research.title"));
    Text(ctx, ctx.tr("research.intro"), kMuted);
    fileBar(ctx, r, out);
    ImGui::Separator();
    sections(ctx, r, out);
    ImGui::Spacing();
    switch (r.section) {
    case ResearchSection::Experts: experts(ctx, r, out); break;
    case ResearchSection::Group: drawResearchGroup(ctx, out); break;
    case ResearchSection::Sensitivity: drawResearchSensitivity(ctx, out); break;
    case ResearchSection::Uncertainty: drawResearchUncertainty(ctx, out); break;
    case ResearchSection::Reports: reports(ctx, r, out); break;
    }
    ImGui::PopStyleColor(2);
}

}  // namespace ui
