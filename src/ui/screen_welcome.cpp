#include "ui/screens.hpp"

#include "model/limits.hpp"
#include "model/response.hpp"

#include <algorithm>

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

// Names and roles are one line of at most limits::kNameCharacters: a longer one or one with
// control or direction characters (a pasted tab or line break) gets a message at the field
// (the rule a response file is read with: model::isStorableName), and is kept as typed.
std::string fieldProblem(const ScreenContext& ctx, const std::string& value) {
    const std::string trimmed = model::trimmedName(value);
    if (model::isStorableName(trimmed)) return {};
    const std::size_t characters = model::characterCount(trimmed);
    if (characters > std::size_t(model::limits::kNameCharacters))
        return format(ctx.tr("welcome.field_too_long"), ctx.integer(long(model::limits::kNameCharacters)),
                      ctx.integer(long(characters)));
    return ctx.tr("welcome.field_control");
}

// A labelled field (the browser's own text field on the web, see TextField).
bool Field(const ScreenContext& ctx, const std::string& labelKey, const std::string& id,
           const std::string& value, std::string& edited) {
    Text(ctx, ctx.tr(labelKey));
    const float width = std::min(ImGui::GetContentRegionAvail().x, 420.0f);
    AlignForWidth(ctx, width);
    return TextField(ctx, ctx.tr(labelKey), id, value, edited, width, fieldProblem(ctx, value));
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
    // An ask for a name (a download without one) brings the field into view, its message
    // under it. (Taking the keyboard focus there would make ImGui's own field hold on to the
    // old text while the browser's field is typed into.)
    if (s.askName && ctx.scrollToTop) ImGui::SetScrollHereY(0.5f);
    bool changed = Field(ctx, "welcome.name", "expert-name", s.expertName, name);
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
