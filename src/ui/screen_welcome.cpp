#include "ui/screens.hpp"

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

// Names and roles are one line of at most 200 characters: a longer one or one with control
// characters (a pasted tab or line break) gets a message at the field, and is kept as typed.
constexpr std::size_t kMaxFieldCharacters = 200;

std::string fieldProblem(const ScreenContext& ctx, const std::string& value) {
    std::size_t characters = 0;
    bool control = false;
    for (std::size_t k = 0; k < value.size(); ++k) {
        const unsigned char c = static_cast<unsigned char>(value[k]);
        if ((c & 0xC0) != 0x80) ++characters;  // a code point starts here
        if (c < 0x20 || c == 0x7F) control = true;
        if (c == 0xC2 && k + 1 < value.size() && static_cast<unsigned char>(value[k + 1]) < 0xA0) control = true;  // C1
    }
    if (control) return ctx.tr("welcome.field_control");
    if (characters > kMaxFieldCharacters)
        return format(ctx.tr("welcome.field_too_long"), ctx.integer(long(kMaxFieldCharacters)), ctx.integer(long(characters)));
    return {};
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
    Title(ctx, modelText(ctx, s.model.title));
    ImGui::Spacing();
    Text(ctx, modelText(ctx, s.model.purpose));
    ImGui::Separator();

    Title(ctx, ctx.tr("welcome.how_title"));
    Text(ctx, ctx.tr("welcome.how_body"));
    Text(ctx, ctx.tr("welcome.how_example"), IM_COL32(60, 70, 90, 255));
    Text(ctx, format(ctx.tr("welcome.how_count"), ctx.integer(s.total), ctx.integer(long(s.sets.size()))));
    ImGui::Separator();

    std::string name = s.expertName, role = s.expertRole;
    bool changed = Field(ctx, "welcome.name", "expert-name", s.expertName, name);
    changed |= Field(ctx, "welcome.role", "expert-role", s.expertRole, role);
    if (changed) out.push_back(intent::SetExpert{name, role});

    ImGui::Spacing();
    const std::string& startLabel = ctx.tr(s.answered > 0 ? "welcome.continue" : "welcome.start");
    const float w = std::max(200.0f, ImGui::CalcTextSize(ctx.visual(startLabel).c_str()).x + 40);
    AlignForWidth(ctx, w);
    if (Button(ctx, startLabel, "start", ImVec2(w, std::max(40.0f, ImGui::GetFrameHeight())))) out.push_back(intent::GoTo{Screen::Compare});

    ImGui::Spacing();
    ImGui::Separator();
    if (s.canSaveSession) Text(ctx, ctx.tr("files.autosave_note"), IM_COL32(110, 118, 130, 255));
    Text(ctx, ctx.tr("files.drop_hint"), IM_COL32(110, 118, 130, 255));
    drawFileButtons(ctx, out, true, false);
}

}  // namespace ui
