// Saving and loading answers: file buttons, the status line, the list of files that could not
// be loaded, the shared link's error page and the confirmation popup.
#include "ui/screens.hpp"

#include "text/bidi.hpp"

#include <algorithm>

namespace ui {

namespace {
// A technical message (file names, JSON paths: English) keeps left-to-right order even in the
// Persian interface, where it is aligned to the right while it fits on one line.
void Message(const ScreenContext& ctx, const std::string& text, ImU32 color) {
    if (text::hasRightToLeft(text)) {
        Text(ctx, text, color);
        return;
    }
    const float avail = ImGui::GetContentRegionAvail().x;
    const float width = ImGui::CalcTextSize(text.c_str()).x;
    if (ctx.rtl() && width < avail) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + avail - width);
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}
}  // namespace

void drawFileButtons(const ScreenContext& ctx, Intents& out, bool withStartOver, bool withCsv) {
    std::vector<std::pair<std::string, std::string>> buttons;
    if (ctx.state.canSend) buttons.push_back({ctx.tr("send.button"), "send"});
    buttons.push_back({ctx.tr("files.download"), "download-json"});
    if (withCsv) buttons.push_back({ctx.tr("files.download_csv"), "download-csv"});
    if (ctx.state.canPickFiles) buttons.push_back({ctx.tr("files.import"), "import"});
    if (withStartOver) buttons.push_back({ctx.tr("files.start_over"), "start-over"});
    const int pressed = ButtonRow(ctx, buttons);
    if (pressed < 0) return;
    const std::string& id = buttons[pressed].second;
    if (id == "send") out.push_back(intent::SendAnswers{});
    if (id == "download-json") out.push_back(intent::Download{false});
    if (id == "download-csv") out.push_back(intent::Download{true});
    if (id == "import") out.push_back(intent::PickFiles{});
    if (id == "start-over") out.push_back(intent::RequestStartOver{});
}

void drawNotices(const ScreenContext& ctx, Intents& out) {
    const AppState& s = ctx.state;
    if (!s.autosaveProblem.empty()) {  // lasting: until an autosave succeeds
        Text(ctx, ctx.tr("status.autosave_failed"), kBad);
        Message(ctx, s.autosaveProblem, kMuted);
        ctx.mark("autosave-failed");
    }
    if (!s.status.key.empty()) {
        const bool bad = s.status.key == "status.save_failed" || s.status.key == "status.need_name";
        const std::string& pattern = ctx.tr(s.status.key);
        if (s.status.key == "status.save_failed") {  // the reason is the system's, in English
            Text(ctx, format(pattern, ""), kBad);
            Message(ctx, s.status.argument, kBad);
        } else {
            Text(ctx, format(pattern, s.status.argument), bad ? kBad : kGood);
        }
        ctx.mark("status");
    }
    if (!s.importProblems.empty()) {
        Text(ctx, ctx.tr("import.problems"), kBad);
        for (const auto& problem : s.importProblems) {
            drawFileProblem(ctx, problem.file, problem.code, problem.args, problem.message);
            ctx.mark("import-problem/" + problem.file);
        }
        if (ButtonRow(ctx, {{ctx.tr("import.dismiss"), "dismiss-problems"}}) == 0)
            out.push_back(intent::DismissImportProblems{});
        ImGui::Separator();
    }
}

void drawFileProblem(const ScreenContext& ctx, const std::string& file, const std::string& code,
                     const std::vector<std::string>& args, const std::string& detail) {
    const std::string key = ctx.strings.has("en", "problem." + code) ? "problem." + code : "problem.invalid";
    auto arg = [&](std::size_t k) { return k < args.size() ? args[k] : std::string(); };
    Text(ctx, "• " + isolate(file) + ": " + format(ctx.tr(key), arg(0), arg(1), arg(2)), kBad);
    Message(ctx, detail, kMuted);
}

void drawLinkError(const ScreenContext& ctx, Intents& out) {
    ImGui::Spacing();
    Title(ctx, ctx.tr("link.bad_title"));
    ctx.mark("link-error");
    Text(ctx, ctx.tr("link.bad_body"));
    Text(ctx, ctx.tr("link.detail"), kMuted);
    Message(ctx, ctx.state.linkError, kMuted);
    ImGui::Spacing();
    if (ButtonRow(ctx, {{ctx.tr("link.use_builtin"), "use-builtin"}}) == 0) out.push_back(intent::DismissLinkError{});
}

void drawConfirm(const ScreenContext& ctx, Intents& out) {
    const AppState& s = ctx.state;
    if (s.confirm == AppState::Confirm::None) return;
    const bool startOver = s.confirm == AppState::Confirm::StartOver;
    const int answer =
        ConfirmPopup(ctx, "##confirm", "", ctx.tr(startOver ? "confirm.start_over_title" : "confirm.replace_title"),
                     startOver ? ctx.tr("confirm.start_over_body")
                               : format(ctx.tr("confirm.replace_body"), ctx.integer(s.answered), s.confirmFile),
                     ctx.tr(startOver ? "confirm.start_over_yes" : "confirm.replace_yes"), startOver);
    if (answer >= 0) out.push_back(intent::Answer{answer == 1});
}

}  // namespace ui
