#include "ui/screens.hpp"

#include <algorithm>

#include "text/bidi.hpp"

#include <cstring>

namespace ui {

namespace {
const std::string& modelText(const ScreenContext& ctx, const std::map<std::string, std::string>& texts) {
    static const std::string empty;
    for (const std::string& lang : {ctx.state.language, std::string("en")}) {
        const auto it = texts.find(lang);
        if (it != texts.end()) return it->second;
    }
    return empty;
}

// A text field whose content is shown shaped beside it while typing (ImGui draws the raw
// logical text, which for Persian is unshaped).
bool Field(const ScreenContext& ctx, const std::string& labelKey, const std::string& id,
           const std::string& value, std::string& edited, bool takeFocus = false) {
    Text(ctx, ctx.tr(labelKey));
    char buffer[256];
    std::strncpy(buffer, value.c_str(), sizeof buffer - 1);
    buffer[sizeof buffer - 1] = 0;
    const float width = std::min(ImGui::GetContentRegionAvail().x, 420.0f);
    AlignForWidth(ctx, width);
    ImGui::SetNextItemWidth(width);
    if (takeFocus) ImGui::SetKeyboardFocusHere();
    const bool changed = ImGui::InputText(("##" + id).c_str(), buffer, sizeof buffer);
    ctx.mark(id);
    if (changed) edited = buffer;
    if (!value.empty() && ahp::text::hasRightToLeft(value)) {
        const std::string& v = ctx.visual(value);
        AlignForWidth(ctx, ImGui::CalcTextSize(v.c_str()).x);
        ImGui::TextDisabled("%s", v.c_str());
    }
    return changed;
}
}  // namespace

void drawWelcome(const ScreenContext& ctx, Intents& out) {
    const AppState& s = ctx.state;
    if (s.modelChosen && ButtonRow(ctx, {{ctx.tr("survey.back"), "back-to-page-survey"}}) == 0)
        out.push_back(intent::BackToPageSurvey{});
    Title(ctx, modelText(ctx, s.model.title));
    ImGui::Spacing();
    Text(ctx, modelText(ctx, s.model.purpose));
    if (const std::string& instructions = modelText(ctx, s.model.instructions); !instructions.empty()) {
        ImGui::Spacing();
        Text(ctx, instructions);
        ctx.mark("instructions");
    }
    if (!s.model.contact.empty()) {
        Text(ctx, format(ctx.tr("welcome.contact"), s.model.contact), IM_COL32(60, 70, 90, 255));
        ctx.mark("contact");
    }
    ImGui::Separator();

    Title(ctx, ctx.tr("welcome.how_title"));
    Text(ctx, ctx.tr("welcome.how_body"));
    Text(ctx, ctx.tr("welcome.how_example"), IM_COL32(60, 70, 90, 255));
    Text(ctx, format(ctx.tr("welcome.how_count"), ctx.integer(s.total), ctx.integer(long(s.sets.size()))));
    ImGui::Separator();

    std::string name = s.expertName, role = s.expertRole;
    // Each ask for a name (a download without one) moves the keyboard focus to the field once.
    static int focusedAsk = 0;
    const bool takeFocus = s.askName && focusedAsk != s.askNameCount;
    if (takeFocus) {
        focusedAsk = s.askNameCount;
        ImGui::SetScrollHereY(0.5f);
    }
    bool changed = Field(ctx, "welcome.name", "expert-name", s.expertName, name, takeFocus);
    if (s.askName) {
        Text(ctx, ctx.tr("welcome.name_needed"), IM_COL32(170, 40, 40, 255));
        ctx.mark("name-needed");
    }
    changed |= Field(ctx, "welcome.role", "expert-role", s.expertRole, role);
    if (changed) out.push_back(intent::SetExpert{name, role});

    ImGui::Spacing();
    const std::string& startLabel = ctx.tr(s.answered > 0 ? "welcome.continue" : "welcome.start");
    const float w = std::max(200.0f, ImGui::CalcTextSize(ctx.visual(startLabel).c_str()).x + 40);
    AlignForWidth(ctx, w);
    if (Button(ctx, startLabel, "start", ImVec2(w, std::max(40.0f, ImGui::GetFrameHeight())))) out.push_back(intent::GoTo{Screen::Compare});

    if (s.canRestorePrevious && ButtonRow(ctx, {{ctx.tr("welcome.restore"), "restore-previous"}}) == 0)
        out.push_back(intent::RestorePrevious{});

    ImGui::Spacing();
    ImGui::Separator();
    if (s.canSaveSession) Text(ctx, ctx.tr("files.autosave_note"), IM_COL32(110, 118, 130, 255));
    Text(ctx, ctx.tr("files.drop_hint"), IM_COL32(110, 118, 130, 255));
    drawFileButtons(ctx, out, true, false);
}

}  // namespace ui
