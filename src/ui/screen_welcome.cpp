#include "ui/screens.hpp"

#include "model/limits.hpp"
#include "model/response.hpp"
#include "text/bidi.hpp"

#include <algorithm>
#include <cstdio>
#include <ctime>

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

// "2026-11-27T09:30:00Z" -> "2026-11-27 13:00" in this device's time zone (what a person
// remembers), in the interface's digits.
std::string savedTime(const ScreenContext& ctx, const std::string& iso) {
    std::tm utc{};
    if (std::sscanf(iso.c_str(), "%d-%d-%dT%d:%d", &utc.tm_year, &utc.tm_mon, &utc.tm_mday, &utc.tm_hour,
                    &utc.tm_min) != 5)
        return iso;
    utc.tm_year -= 1900;
    utc.tm_mon -= 1;
    const std::time_t when = timegm(&utc);
    std::tm local{};
    char text[32];
    if (!localtime_r(&when, &local) || !std::strftime(text, sizeof text, "%Y-%m-%d %H:%M", &local)) return iso;
    return ctx.rtl() && ctx.state.persianDigits ? text::toPersianDigits(text) : std::string(text);
}

// The other experts' sessions saved on this device: continue one (this one stays saved).
void savedExperts(const ScreenContext& ctx, Intents& out) {
    const AppState& s = ctx.state;
    if (s.savedExperts.empty()) return;
    Title(ctx, ctx.tr("welcome.saved_title"));
    Text(ctx, ctx.tr("welcome.saved_note"), kMuted);
    for (std::size_t k = 0; k < s.savedExperts.size(); ++k) {
        const AppState::SavedExpert& e = s.savedExperts[k];
        const std::string who = model::trimmedName(e.name).empty()
                                    ? ctx.tr("welcome.saved_unnamed")
                                    : isolate(model::trimmedName(e.role).empty() ? e.name : e.name + ", " + e.role);
        Text(ctx, format(ctx.tr("welcome.saved_row"), who, ctx.integer(e.answered), ctx.integer(s.total),
                         savedTime(ctx, e.savedAt)));
        const std::string id = "continue-expert/" + std::to_string(k);
        if (ButtonRow(ctx, {{format(ctx.tr("welcome.saved_continue"), who), id}}) == 0)
            out.push_back(intent::ContinueExpert{e.slot});
    }
    ImGui::Separator();
}

// A labelled field (the browser's own text field on the web, see TextField).
bool Field(const ScreenContext& ctx, const std::string& labelKey, const std::string& id, const std::string& value,
           std::string& edited) {
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
    savedExperts(ctx, out);  // first: the next person at a shared computer sees it at once
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
    if (Button(ctx, startLabel, "start", ImVec2(w, std::max(40.0f, ImGui::GetFrameHeight()))))
        out.push_back(intent::GoTo{Screen::Compare});

    if (s.canRestorePrevious && ButtonRow(ctx, {{ctx.tr("welcome.restore"), "restore-previous"}}) == 0)
        out.push_back(intent::RestorePrevious{});
    if (s.canSaveSession && (s.answered > 0 || !model::trimmedName(s.expertName).empty()) &&
        ButtonRow(ctx, {{ctx.tr("welcome.new_expert"), "new-expert"}}) == 0)
        out.push_back(intent::NewExpert{});

    ImGui::Spacing();
    ImGui::Separator();
    if (s.canSaveSession) Text(ctx, ctx.tr("files.autosave_note"), kMuted);
    Text(ctx, ctx.tr("files.drop_hint"), kMuted);
    drawFileButtons(ctx, out, true, false);
}

}  // namespace ui
