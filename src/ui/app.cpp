#include "ui/app.hpp"

#include <cctype>
#include <chrono>
#include <cstdint>
#include <cstring>

#include "ui/reducer.hpp"
#include "ui/screens.hpp"
#include "ui/session.hpp"
#include "ui/state.hpp"
#include "ui/strings.hpp"
#include "ui/widgets.hpp"
#include "ui/workbench.hpp"

#include "model/limits.hpp"
#include "model/text_format.hpp"
#include "text/bidi.hpp"

#include <imgui.h>
#include <imgui_internal.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <utility>

#ifndef AHP_APP_VERSION
#define AHP_APP_VERSION "0.0.0"
#endif

namespace ui {

struct App::Impl {
    Resources resources;
    PlatformServices services;
    AppState state;
    Strings strings;
    ShapedTextCache shaper;
    WidgetRegistry widgets;
    SemanticsMemo semantics;
    ImFont* bodyFont = nullptr;
    ImFont* titleFont = nullptr;
    bool scrollToTop = false;     // a new screen or set starts at its top
    bool newPage = false;         // ...and the mirror's focus goes there
    std::string drawnLanguage;    // the language of the last frame drawn (its intents may change state's)
    std::string firstModelError;  // why the platform's first model did not open (App::App)
    ExternalInput external;       // from the platform's mirror, for the next frame
    std::vector<Key> keys;        // keyboard moves for the next frame (App::keyPressed)

    // Saving: `changed` is set by effect::SessionChanged (only intents that change what the
    // session holds produce it); the platform then saves the session once, off the frame
    // (App::saveSession).
    bool changed = false;
    // A save, off the frame, changed what the screen shows (the autosave notice came or went):
    // one more frame draws it.
    bool redraw = false;
    std::size_t importedCount = 0;  // files given (their bytes are not kept: only what was parsed)
    // The parts of a pick or drop received so far, for a screen that takes it whole (importFiles).
    std::vector<ImportedFile> importParts;
    std::vector<std::pair<std::string, std::uint64_t>> importPartsTooLarge;

    void loadModel(std::string_view json);
    void installModel(model::Model model);
    // The session this tab saves in, and what it holds (session.hpp: sessionSlotFor).
    void openSession(const std::string& slot = "", bool newExpert = false);
    void chooseSessionSlot(const std::string& slot, bool newExpert);
    void refreshSavedExperts();
    void switchExpert(const std::string& slot);  // "" = a new expert
    void saveIfChanged();
    void moveKeyboard(Key key);
    std::string now() const { return services.now ? services.now() : model::isoUtcNow(); }
    std::int64_t clockMs() const {
        return services.clockMs ? services.clockMs()
                                : std::chrono::duration_cast<std::chrono::milliseconds>(
                                      std::chrono::system_clock::now().time_since_epoch())
                                      .count();
    }
    std::int64_t changeTime() { return nextChangeTime(state, clockMs()); }
    // Takes what another tab saved of this session later than this one changed it.
    bool mergeSaved();
    void restorePrevious();
    // The questionnaire takes a model the editor made (and the page remembers it).
    Outcome useModel(const std::string& json, const std::string& source);
    // Applies an intent (reducer.hpp) and carries out its effects.
    void apply(const Intent& intent);
    void carryOut(const Effects& effects);
};

App::App(const Resources& resources, PlatformServices services, const FirstModel* first)
    : impl_(std::make_unique<Impl>()) {
    impl_->resources = resources;
    impl_->services = std::move(services);
    impl_->state.canPickFiles = bool(impl_->services.pickFiles);
    impl_->state.canDownload = bool(impl_->services.download);
    impl_->state.canShareLink = bool(impl_->services.shareLink);
    impl_->state.canSaveSession = bool(impl_->services.saveSession);
    impl_->state.canSend = bool(impl_->services.sendAnswers);
    impl_->state.canPickFolder = bool(impl_->services.pickFolder);
    impl_->state.canMakeSurveyPage = bool(impl_->services.downloadSurveyPage);
    impl_->state.hasWorkbench = workbench::linked() || bool(impl_->services.openWorkbench);
    impl_->strings.addLanguage("en", resources.stringsEn);
    impl_->strings.addLanguage("fa", resources.stringsFa);
    if (first) {
        const Outcome opened = loadModelText(first->text, first->source);
        if (!opened.ok) impl_->firstModelError = opened.error;
    }
    if (!first || !impl_->firstModelError.empty()) impl_->loadModel(resources.modelJson);

    ImGuiStyle& style = ImGui::GetStyle();
    ImGui::StyleColorsLight(&style);
    style.WindowRounding = 0;
    style.FrameRounding = 4;
    style.FramePadding = ImVec2(8, 5);
    style.ItemSpacing = ImVec2(8, 7);
    style.ScrollbarSize = 12;
    style.Colors[ImGuiCol_WindowBg] = ImVec4(0.97f, 0.975f, 0.98f, 1);
    style.Colors[ImGuiCol_Button] = ImVec4(0.86f, 0.90f, 0.95f, 1);
    style.Colors[ImGuiCol_ButtonHovered] = ImVec4(0.74f, 0.83f, 0.94f, 1);
    style.Colors[ImGuiCol_ButtonActive] = ImVec4(0.60f, 0.74f, 0.92f, 1);
}

App::~App() = default;

void App::Impl::loadModel(std::string_view json) {
    try {
        installModel(model::parseModel(std::string(json), "assets/models/egov-qom.json"));
        state.modelText = std::string(json);
        state.modelSource = "egov-qom.json";
    } catch (const std::exception& e) {
        state.error = e.what();
    }
}

// A new questionnaire: empty answers, then whatever was saved for exactly this model.
void App::Impl::installModel(model::Model parsed) {
    saveIfChanged();  // the answers to the questionnaire being replaced, if not saved yet
    state.model = std::move(parsed);
    state.judgments.clear();
    for (int parent : state.model.hierarchy.comparisonSets()) {
        const ahp::Node& node = state.model.hierarchy.node(parent);
        state.judgments.emplace(node.id, ahp::PairwiseMatrix(int(node.children.size())));
    }
    state.expertName.clear();
    state.expertRole.clear();
    workbench::reset(state);
    state.screen = Screen::Welcome;
    state.currentSet = 0;
    state.confirm = AppState::Confirm::None;
    state.pendingImport.reset();
    if (!state.model.languages.empty() &&
        (state.model.languages.front() == "fa" || state.model.languages.front() == "en"))
        state.language = state.model.languages.front();
    recompute(state);
    openSession();
}

// Which slot this tab saves in: `slot` when given (an expert chosen on the welcome screen);
// else the tab's own (a reload); else, or for `newExpert`, a new expert's.
void App::Impl::chooseSessionSlot(const std::string& slot, bool newExpert) {
    const std::string tabKey = state.model.id + ":" + state.model.hash;
    state.sessionSlot = !slot.empty() ? slot : !newExpert && services.tabSlot ? services.tabSlot(tabKey) : "";
    // Only a slot of this model: its hash, then nothing or '.' and letters and digits.
    const std::string& hash = state.model.hash;
    const std::string& chosen = state.sessionSlot;
    const bool ours =
        chosen.compare(0, hash.size(), hash) == 0 &&
        (chosen.size() == hash.size() ||
         (chosen[hash.size()] == '.' && std::all_of(chosen.begin() + long(hash.size()) + 1, chosen.end(), [](char c) {
              return std::isalnum(static_cast<unsigned char>(c)) != 0;
          })));
    if (!ours) {
        // Unique across the tabs of a device: the clock in ms, and bits of this tab's address.
        std::uint64_t unique = std::uint64_t(changeTime()) * 1000 + reinterpret_cast<std::uintptr_t>(this) % 997;
        std::string digits;
        for (; unique > 0; unique /= 36)
            digits.insert(digits.begin(), "0123456789abcdefghijklmnopqrstuvwxyz"[unique % 36]);
        state.sessionSlot = sessionSlotFor(hash, digits);
    }
    if (services.setTabSlot) services.setTabSlot(tabKey, state.sessionSlot);
}

void App::Impl::refreshSavedExperts() {
    state.savedExperts.clear();
    if (!services.listSessions || !services.loadSession) return;
    const std::string previous = kPreviousSuffix;
    for (const std::string& slot : services.listSessions(state.model.id, state.model.hash)) {
        const bool isCopy = slot.size() >= previous.size() &&
                            slot.compare(slot.size() - previous.size(), previous.size(), previous) == 0;
        if (slot == state.sessionSlot || isCopy) continue;
        if (const std::optional<std::string> text = services.loadSession(state.model.id, slot))
            if (auto saved = savedExpertFrom(state.model, slot, *text)) state.savedExperts.push_back(std::move(*saved));
    }
    std::sort(state.savedExperts.begin(), state.savedExperts.end(),
              [](const auto& a, const auto& b) { return a.savedAt > b.savedAt; });
}

void App::Impl::openSession(const std::string& slot, bool newExpert) {
    chooseSessionSlot(slot, newExpert);
    if (!services.loadSession) return;
    state.canRestorePrevious = services.loadSession(state.model.id, state.sessionSlot + kPreviousSuffix).has_value();
    if (const std::optional<std::string> text = services.loadSession(state.model.id, state.sessionSlot)) {
        try {
            restoreSession(state, *text, "saved session");  // unchanged if it throws
        } catch (const std::exception&) {
            // A saved session this version cannot read: start fresh; it is overwritten on the
            // first change.
        }
    }
    recompute(state);
    refreshSavedExperts();
    changed = false;
}

// Another expert's session of this device, or a new one: what this tab had is saved first
// (and listed from then on); nothing of one expert shows in another's.
void App::Impl::switchExpert(const std::string& slot) {
    saveIfChanged();
    clearAnswers(state);
    state.askName = false;
    state.status = {};
    openSession(slot, slot.empty());
    scrollToTop = true;
}

// Start over's copy back: the answers before it; what was answered since becomes the copy.
void App::Impl::restorePrevious() {
    if (!services.loadSession) return;
    const std::string slot = state.sessionSlot + kPreviousSuffix;
    const std::optional<std::string> text = services.loadSession(state.model.id, slot);
    if (!text) return;
    const std::string current = sessionText(state, now(), AHP_APP_VERSION);
    try {
        restoreSession(state, *text, "previous session");
    } catch (const std::exception& e) {
        state.status = {"status.save_failed", e.what()};
        return;
    }
    if (services.saveSession) services.saveSession(state.model.id, slot, current);
    for (auto& [key, time] : state.changeTimes) time = changeTime();  // these answers are now the newest
    state.changeTimes["expert"] = changeTime();
    recompute(state);
    state.status = {"status.restored", ""};
}

bool App::Impl::mergeSaved() {
    if (!services.loadSession) return false;
    const std::optional<std::string> text = services.loadSession(state.model.id, state.sessionSlot);
    if (!text) return false;
    try {
        model::ResponseReadOptions options;
        options.allowEmptyName = true;
        return mergeSession(state, model::parseResponse(state.model, *text, "saved session", options));
    } catch (const std::exception&) {
        return false;  // unreadable: this tab's answers replace it
    }
}

void App::Impl::saveIfChanged() {
    if (!changed) return;
    changed = false;
    if (!services.saveSession || !state.error.empty()) return;
    // A session that holds nothing (a visit that only looked) is not stored, so the welcome
    // screen's list of experts fills with real sessions only; one stored before is updated.
    const bool holdsNothing = state.answered == 0 && model::trimmedName(state.expertName).empty() &&
                              model::trimmedName(state.expertRole).empty();
    if (holdsNothing && !(services.loadSession && services.loadSession(state.model.id, state.sessionSlot))) return;
    // `changed` is only set by intents that change what is saved, so one serialisation (with
    // its time stamp) per change is enough; comparing a second, time-less copy cost as much.
    // Another tab may have saved answers since: they are merged in first, never overwritten.
    if (mergeSaved()) recompute(state);
    // A failure is a lasting notice until a save succeeds. The next change saves the whole
    // session again, so nothing is lost; retrying before it would only fail again (and keep
    // the page from ever being idle).
    const Outcome saved =
        services.saveSession(state.model.id, state.sessionSlot, sessionText(state, now(), AHP_APP_VERSION));
    const std::string problem = saved.ok ? "" : saved.error;
    redraw |= problem != state.autosaveProblem;
    state.autosaveProblem = problem;
}

void App::Impl::apply(const Intent& intent) {
    ReduceContext context;
    context.clockMs = clockMs();
    context.now = now();
    context.strings = &strings;
    carryOut(reduce(state, intent, context));
}

// The effects of an intent, in order, with the platform's services; each outcome goes back to
// the reducer. What the platform cannot do is dropped (effects.hpp).
void App::Impl::carryOut(const Effects& effects) {
    for (const Effect& effect : effects) {
        std::visit(
            [&](const auto& e) {
                using T = std::decay_t<decltype(e)>;
                if constexpr (std::is_same_v<T, effect::SessionChanged>) {
                    changed = true;
                } else if constexpr (std::is_same_v<T, effect::NewPage>) {
                    scrollToTop = true;
                } else if constexpr (std::is_same_v<T, effect::Download>) {
                    if (services.download) reportOutcome(state, effect, services.download(e.filename, e.mime, e.bytes));
                } else if constexpr (std::is_same_v<T, effect::SendAnswers>) {
                    if (services.sendAnswers)
                        reportOutcome(state, effect, services.sendAnswers(e.filename, e.mime, e.bytes, e.mailto));
                } else if constexpr (std::is_same_v<T, effect::DownloadSurveyPage>) {
                    if (!services.downloadSurveyPage) return;
                    services.downloadSurveyPage(e.filename, e.pageData);
                    reportOutcome(state, effect, Outcome::success());
                } else if constexpr (std::is_same_v<T, effect::ShareLink>) {
                    if (!services.shareLink) return;
                    // The callback holds only the weak reply slot: it cannot outlive what it fills.
                    services.shareLink(e.modelJson, [slot = e.reply](const Outcome& link, bool copied) {
                        if (const auto reply = slot.lock()) *reply = {true, link, copied};
                    });
                } else if constexpr (std::is_same_v<T, effect::UseModel>) {
                    reportOutcome(state, effect, useModel(e.json, e.sourceName));
                } else if constexpr (std::is_same_v<T, effect::PickFiles>) {
                    if (e.folder && services.pickFolder)
                        services.pickFolder();
                    else if (!e.folder && services.pickFiles)
                        services.pickFiles();
                } else if constexpr (std::is_same_v<T, effect::ChooseModel>) {
                    if (services.chooseModel) services.chooseModel(e.json);
                } else if constexpr (std::is_same_v<T, effect::OpenWorkbench>) {
                    if (!services.openWorkbench) return;
                    saveIfChanged();
                    services.openWorkbench(e.screen, e.language);
                } else if constexpr (std::is_same_v<T, effect::StoreSession>) {
                    // Start over's copy: when it cannot be stored, Restore finds nothing to restore.
                    if (services.saveSession) services.saveSession(state.model.id, e.slot, e.text);
                } else if constexpr (std::is_same_v<T, effect::ClearSession>) {
                    if (services.clearSession) services.clearSession(state.model.id, e.slot);
                } else if constexpr (std::is_same_v<T, effect::RestorePrevious>) {
                    restorePrevious();
                } else if constexpr (std::is_same_v<T, effect::SwitchExpert>) {
                    switchExpert(e.slot);
                }
            },
            effect);
    }
}

// The editor's model for the questionnaire (the editor stays open).
Outcome App::Impl::useModel(const std::string& json, const std::string& source) {
    try {
        installModel(model::parseModel(json, source));
    } catch (const std::exception& e) {
        return Outcome::failure(e.what());
    }
    state.modelText = json;
    state.modelSource = source;
    state.error.clear();
    state.screen = Screen::Editor;
    state.modelChosen = true;  // and remembered: the next visit opens it too
    if (services.chooseModel) services.chooseModel(json);
    return Outcome::success();
}

void App::setOption(const std::string& key, const std::string& value) {
    Impl& d = *impl_;
    if (key == "lang" && (value == "fa" || value == "en")) d.apply(intent::SetLanguage{value});
    if (key == "screen") {
        if (const std::optional<Screen> screen = screenFromName(value)) d.apply(intent::GoTo{*screen});
    }
    if (key == "research") {  // the researcher screen's section: experts, group, sensitivity, uncertainty, reports
        static const char* sections[] = {"experts", "group", "sensitivity", "uncertainty", "reports"};
        for (int k = 0; k < 5; ++k)
            if (value == sections[k]) d.apply(intent::Research{research_action::Section{ResearchSection(k)}});
    }
    if (key == "set") {
        const int set = std::atoi(value.c_str());
        if (set >= 1 && set <= int(d.state.sets.size())) d.state.currentSet = set - 1;  // the screen stays as chosen
    }
    if (key == "model-error") d.state.linkError = value;
    // The page's model was chosen by the expert (a #model= link, or remembered): once it has
    // loaded, the page remembers it for the next visit.
    if (key == "model-chosen" && value == "1" && d.state.linkError.empty() && d.state.error.empty()) {
        d.state.modelChosen = true;
        if (d.services.chooseModel) d.services.chooseModel(d.state.modelText);
    }
}

Outcome App::loadModelText(const std::string& json, const std::string& sourceName) {
    model::Model parsed;
    try {
        parsed = model::parseModel(json, sourceName);
    } catch (const std::exception& e) {
        return Outcome::failure(e.what());
    }
    impl_->installModel(std::move(parsed));
    impl_->state.modelText = json;
    impl_->state.modelSource = sourceName;
    impl_->state.error.clear();
    return Outcome::success();
}

void App::sessionChangedElsewhere() {
    if (impl_->mergeSaved()) recompute(impl_->state);
    impl_->refreshSavedExperts();  // another tab's expert, saved or changed
}

std::uint64_t App::importByteLimit() const {
    return impl_->state.screen == Screen::Editor ? model::limits::kModelBytes : model::limits::kResponseBytes;
}

bool App::takesParsedResponses() const { return impl_->state.screen == Screen::Research; }

bool App::takesParsedResponse(const model::Response& response) const {
    const model::Model& m = impl_->state.model;
    return takesParsedResponses() && response.modelId == m.id && response.modelHash == m.hash;
}

const std::string& App::modelText() const { return impl_->state.modelText; }

const std::string& App::firstModelError() const { return impl_->firstModelError; }

void App::importFiles(std::vector<ImportedFile> files,
                      const std::vector<std::pair<std::string, std::uint64_t>>& givenTooLarge, int coming) {
    Impl& d = *impl_;
    std::vector<std::pair<std::string, std::uint64_t>> tooLarge = givenTooLarge;
    const bool partsBefore = !d.importParts.empty() || !d.importPartsTooLarge.empty();
    if (d.state.screen != Screen::Research && (coming > 0 || partsBefore)) {  // whole choices only
        for (auto& file : files) d.importParts.push_back(std::move(file));
        d.importPartsTooLarge.insert(d.importPartsTooLarge.end(), tooLarge.begin(), tooLarge.end());
        if (coming > 0) return;
        files = std::move(d.importParts);
        tooLarge = std::move(d.importPartsTooLarge);
        d.importParts.clear();
        d.importPartsTooLarge.clear();
    }
    if (files.empty() && tooLarge.empty()) return;
    const bool editor = d.state.screen == Screen::Editor;
    const std::vector<AppState::FileProblem> refused =
        tooLargeFiles(tooLarge, importByteLimit(), editor ? "model" : "response");
    if (d.state.screen == Screen::Research) {  // the researcher's files: the group, not the answers
        workbench::addResponseFiles(d.state, std::move(files), refused,
                                    coming);  // moved: thousands of files are not copied
        return;
    }
    // Elsewhere files come as bytes (parsed ones only while takesParsedResponses()).
    std::vector<std::pair<std::string, std::string>> nameAndBytes;
    for (ImportedFile& file : files) nameAndBytes.emplace_back(std::move(file.name), std::move(file.bytes));
    if (editor) {  // a model file for the editor
        std::vector<std::string> messages;
        for (const auto& problem : refused) messages.push_back(problem.message);
        d.apply(intent::Editor{editor_action::LoadFiles{std::move(nameAndBytes), std::move(messages)}});
        return;
    }
    d.importedCount += tooLarge.size();
    d.state.importProblems.insert(d.state.importProblems.end(), refused.begin(), refused.end());
    if (nameAndBytes.empty()) return;
    const ImportCheck check = checkImports(d.state.model, nameAndBytes);
    d.importedCount += nameAndBytes.size();
    for (const auto& problem : check.problems)
        d.state.importProblems.push_back({problem.file, problem.message, problem.code, problem.args});
    if (check.good.empty()) return;
    // Several good files: the most recently saved one is offered (ties: the last given).
    const ImportCheck::Good* chosen = &check.good.front();
    for (const auto& good : check.good)
        if (good.response.savedAt >= chosen->response.savedAt) chosen = &good;
    d.state.pendingImport = chosen->response;
    d.state.confirmFile = chosen->file;
    if (d.state.answered > 0)
        d.state.confirm = AppState::Confirm::ReplaceAnswers;
    else
        d.carryOut(acceptImport(d.state));
}

void App::buildFonts(float pixelRatio) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    // Glyphs are rasterised at the framebuffer's density and drawn scaled back, so text is
    // crisp on HiDPI screens.
    static const ImWchar latinRanges[] = {0x0020, 0x00FF, 0x2010, 0x2027, 0x2030, 0x203A, 0x2190, 0x2193, 0};
    // Arabic script: the whole blocks, of which the atlas bakes only what the font holds. The
    // font is subset at build time (cmake/subset_font.py) to the letters as typed, their shaped
    // forms and those of every UI string (about 250 glyphs), so nothing is shaped at start-up:
    // that took 26 ms, 100 ms on a phone. tests/ui/fonts_test.cpp shapes every text to check it.
    static const ImWchar arabicRanges[] = {0x0600, 0x06FF, 0x200C, 0x200F, 0xFB50, 0xFDFF, 0xFE70, 0xFEFF, 0};
    // Horizontal oversampling places glyphs at half pixels; at 2 or more device pixels per CSS
    // pixel the density does that already, and the atlas builds in half the time.
    const int oversample = pixelRatio >= 2.0f ? 1 : 2;
    auto addFonts = [&](float size) {
        ImFontConfig latin;
        latin.FontDataOwnedByAtlas = false;
        latin.OversampleH = oversample;
        ImFont* font = io.Fonts->AddFontFromMemoryTTF(const_cast<char*>(impl_->resources.fontLatin.data()),
                                                      int(impl_->resources.fontLatin.size()), size * pixelRatio, &latin,
                                                      latinRanges);
        ImFontConfig arabic;
        arabic.FontDataOwnedByAtlas = false;
        arabic.MergeMode = true;
        arabic.OversampleH = oversample;
        // ImGui's size is a font's ascent + descent: 1.362 em for Noto Sans (hhea 1069 + 293), 2.112
        // em for Noto Sans Arabic (1374 + 738), whose letters are then 0.64 of the Latin ones (at
        // 1.2 times the size, as before, an alef stood as tall as a Latin x). It gets the same em,
        // and 10% more, as Persian is set beside Latin text; its glyphs share the Latin baseline.
        constexpr float kArabicSize = 2.112f / 1.362f * 1.1f;
        io.Fonts->AddFontFromMemoryTTF(const_cast<char*>(impl_->resources.fontArabic.data()),
                                       int(impl_->resources.fontArabic.size()), size * kArabicSize * pixelRatio,
                                       &arabic, arabicRanges);
        return font;
    };
    impl_->bodyFont = addFonts(17.0f);
    impl_->titleFont = addFonts(22.0f);
    io.Fonts->Build();
    io.FontGlobalScale = 1.0f / pixelRatio;
    impl_->shaper.clear();
}

// The keyboard's place moves over the widgets the last frame drew, in their reading order.
void App::Impl::moveKeyboard(Key key) {
    auto focusable = [](const WidgetRect& r) {
        const Role role = r.semantics.role;
        return !r.semantics.disabled && (role == Role::Button || role == Role::Tab || role == Role::Radio ||
                                         role == Role::Checkbox || role == Role::TextField || role == Role::Link);
    };
    std::vector<std::pair<int, const std::string*>> ordered;
    for (const auto& [id, r] : widgets)
        if (focusable(r)) ordered.emplace_back(r.order, &id);
    std::sort(ordered.begin(), ordered.end());
    const WidgetRegistry::Entry* current =
        widgets.entries().count(external.focused) ? &widgets.entries().at(external.focused) : nullptr;
    // One Tab stop per radio group: the focused radio, else its chosen one, else its first.
    std::map<std::string, const std::string*> groupStop;
    for (const auto& [order, id] : ordered) {
        const Semantics& r = widgets.entries().at(*id).semantics;
        if (r.role != Role::Radio) continue;
        const std::string*& stop = groupStop[r.parent];
        const bool focused = *id == external.focused;
        if (!stop || focused || (r.checked && *stop != external.focused)) stop = id;
    }
    auto isStop = [&](const std::string& id) {
        const Semantics& r = widgets.entries().at(id).semantics;
        return r.role != Role::Radio || *groupStop.at(r.parent) == id;
    };
    std::string target;
    const bool rtl = state.language == "fa";
    const bool inGroup = current && current->semantics.role == Role::Radio;
    if (key == Key::Tab || key == Key::ShiftTab || (!inGroup && (key == Key::Down || key == Key::Up))) {
        std::vector<const std::string*> stops;
        for (const auto& [order, id] : ordered)
            if (isStop(*id)) stops.push_back(id);
        if (stops.empty()) return;
        const bool forward = key == Key::Tab || key == Key::Down;
        const auto at =
            std::find_if(stops.begin(), stops.end(), [&](const std::string* id) { return *id == external.focused; });
        std::size_t k = at == stops.end() ? (forward ? stops.size() - 1 : 0) : std::size_t(at - stops.begin());
        k = forward ? (k + 1) % stops.size() : (k + stops.size() - 1) % stops.size();
        target = *stops[k];
    } else if (key == Key::Space || key == Key::Enter) {
        if (current) external.activated = external.focused;
        return;
    } else if (inGroup) {  // the arrows choose within the group, in reading order (mirrored in Persian)
        const bool next = key == Key::Down || key == (rtl ? Key::Left : Key::Right);
        std::vector<const std::string*> group;
        for (const auto& [order, id] : ordered) {
            const WidgetRect& r = widgets.entries().at(*id);
            if (r.semantics.role == Role::Radio && r.semantics.parent == current->semantics.parent) group.push_back(id);
        }
        const auto at =
            std::find_if(group.begin(), group.end(), [&](const std::string* id) { return *id == external.focused; });
        if (at == group.end()) return;
        const std::size_t k = std::size_t(at - group.begin());
        target = *group[next ? (k + 1) % group.size() : (k + group.size() - 1) % group.size()];
        external.activated = target;
    } else {
        return;
    }
    if (ImGui::GetIO().WantTextInput) ImGui::ClearActiveID();  // Tab leaves the text field
    external.focusMoved = target != external.focused;
    external.focused = target;
    external.focusVisible = true;
    external.editFocused = widgets.entries().at(target).semantics.role == Role::TextField;
}

void App::setPointerHovers(bool hovers) { impl_->state.pointerHovers = hovers; }

bool App::isFreshStart() const {
    const AppState& s = impl_->state;
    return s.screen == Screen::Welcome && s.answered == 0 && s.savedExperts.empty();
}

bool App::wantsFrames() const { return impl_->redraw || workbench::wantsFrames(impl_->state); }

void App::frame() {
    Impl& d = *impl_;
    d.redraw = false;
    d.widgets.beginFrame();
    d.semantics.beginFrame();
    d.shaper.beginFrame();
    workbench::step(d.state, d.state.modelText, d.state.modelSource);
    const ImGuiIO& io = ImGui::GetIO();
    // Escape closes any popup (a combo's list, a menu), with or without ImGui's keyboard
    // navigation (the web leaves the keyboard to the page's mirror); the confirmation popup
    // takes it as its safe answer (ConfirmPopup).
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false) && d.state.confirm == AppState::Confirm::None &&
        ImGui::GetCurrentContext()->OpenPopupStack.Size > 0)
        ImGui::ClosePopupToLevel(0, true);
    for (Key key : std::exchange(d.keys, {})) d.moveKeyboard(key);
    ScreenContext ctx{d.state, d.strings, d.shaper, d.widgets, d.semantics, d.titleFont, d.scrollToTop, &d.external};
    d.drawnLanguage = d.state.language;
    if (d.scrollToTop) d.newPage = true;
    d.scrollToTop = false;
    // On a phone every button and field is at least a finger's height.
    const bool finger = ctx.fingerSized();
    if (finger) {
        const ImVec2 padding = ImGui::GetStyle().FramePadding;
        ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                            ImVec2(padding.x + 4, std::max(padding.y, (kFingerTarget - ImGui::GetFontSize()) / 2)));
    }
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("questionnaire", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
    Intents intents;
    if (!d.state.error.empty()) {
        Text(ctx, d.state.error, IM_COL32(200, 50, 50, 255));
    } else if (!d.state.linkError.empty()) {
        drawLinkError(ctx, intents);
    } else {
        drawTopBar(ctx, intents);
        drawNotices(ctx, intents);
        ImGui::BeginChild("screen");
        if (ctx.scrollToTop) ImGui::SetScrollY(0);
        switch (d.state.screen) {
        case Screen::Welcome: drawWelcome(ctx, intents); break;
        case Screen::Compare: drawCompare(ctx, intents); break;
        case Screen::Results: drawResults(ctx, intents); break;
        case Screen::Research:
        case Screen::Editor: workbench::draw(d.state.screen, ctx, intents); break;
        }
        ImGui::EndChild();
        drawConfirm(ctx, intents);
    }
    ImGui::End();
    d.widgets.endFrame();
    if (finger) ImGui::PopStyleVar();
    // What the mirror did reaches the widgets drawn in this frame, or nothing.
    d.external.activated.clear();
    d.external.text.clear();
    for (const Intent& intent : intents) d.apply(intent);
}

bool App::hasUnsavedChanges() const { return impl_->changed; }

void App::saveSession() { impl_->saveIfChanged(); }

const WidgetRegistry& App::widgets() const { return impl_->widgets; }
const std::string& App::language() const { return impl_->drawnLanguage; }
bool App::takeNewPage() {
    const bool was = impl_->newPage;
    impl_->newPage = false;
    return was;
}
void App::mirrorActivate(const std::string& id) { impl_->external.activated = id; }
void App::mirrorText(const std::string& id, const std::string& text) { impl_->external.text[id] = text; }
void App::mirrorTextRefused(const std::string& id, std::size_t characters) { impl_->external.refused[id] = characters; }
void App::mirrorFocus(const std::string& id, bool visible) {
    impl_->external.focusMoved = id != impl_->external.focused && !id.empty() && visible;
    impl_->external.focused = id;
    impl_->external.focusVisible = visible;
}
bool App::takesKey(Key key) const {
    // A text field being edited keeps its keys (the arrows move its caret); Tab leaves it.
    return key == Key::Tab || key == Key::ShiftTab || !ImGui::GetIO().WantTextInput;
}

void App::keyPressed(Key key) { impl_->keys.push_back(key); }

std::string App::takePressedOnCanvas() { return std::exchange(impl_->external.pressedOnCanvas, std::string()); }

std::string App::stateJson() const {
    const AppState& s = impl_->state;
    nlohmann::json j;
    j["screen"] = screenName(s.screen);
    j["language"] = s.language;
    j["expert"] = {{"name", s.expertName}, {"role", s.expertRole}};
    j["answered"] = s.answered;
    j["total"] = s.total;
    j["current_set"] = s.sets.empty() ? "" : s.sets[std::clamp(s.currentSet, 0, int(s.sets.size()) - 1)].parentId;
    j["error"] = s.error;
    j["model"] = {{"id", s.model.id}, {"hash", s.model.hash}, {"chosen", s.modelChosen}, {"contact", s.model.contact}};
    j["ask_name"] = s.askName;
    j["can_restore_previous"] = s.canRestorePrevious;
    nlohmann::json saved = nlohmann::json::array();
    for (const AppState::SavedExpert& e : s.savedExperts)
        saved.push_back({{"name", e.name}, {"role", e.role}, {"answered", e.answered}, {"saved_at", e.savedAt}});
    j["saved_experts"] = saved;
    j["session_slot"] = s.sessionSlot;
    j["persian_digits"] = s.persianDigits;
    static const char* confirms[] = {"", "start-over", "replace-answers"};
    j["confirm"] = confirms[int(s.confirm)];
    j["confirm_file"] = s.confirmFile;
    nlohmann::json problems = nlohmann::json::array();
    for (const auto& p : s.importProblems)
        problems.push_back({{"file", p.file}, {"code", p.code}, {"message", p.message}});
    j["import_problems"] = problems;
    j["status"] = {{"key", s.status.key}, {"argument", s.status.argument}};
    j["link_error"] = s.linkError;
    j["autosave_problem"] = s.autosaveProblem;
    j["imported_files"] = impl_->importedCount;
    j["keyboard_focus"] = impl_->external.focused;
    nlohmann::json sets = nlohmann::json::array();
    nlohmann::json above = nlohmann::json::array();  // ids of the sets above their CR threshold
    for (const SetView& set : s.sets) {
        nlohmann::json o;
        o["id"] = set.parentId;
        o["answered"] = set.answered;
        o["total"] = set.total;
        std::vector<std::string> items;
        for (int item : set.items) items.push_back(s.model.hierarchy.node(item).id);
        o["items"] = items;
        nlohmann::json upper = nlohmann::json::array();
        for (const auto& v : s.judgments.at(set.parentId).upperTriangle())
            upper.push_back(v ? nlohmann::json(*v) : nlohmann::json());
        o["judgments"] = upper;
        if (set.solvable) {
            o["weights"] = std::vector<double>(set.weights.data(), set.weights.data() + set.weights.size());
            o["cr"] = model::jsonNumber(set.consistency.cr);
            o["lambda_max"] = model::jsonNumber(set.consistency.lambdaMax);
        }
        o["above_threshold"] = set.aboveThreshold;
        o["suggestion"] = nullptr;
        if (set.suggestion)
            o["suggestion"] = {{"i", set.suggestion->i + 1},
                               {"j", set.suggestion->j + 1},
                               {"value", set.suggestion->value},
                               {"suggested", set.suggestion->suggested},
                               {"steps", set.suggestion->steps},
                               {"cr_if_changed", model::jsonNumber(set.suggestion->crIfChanged)},
                               {"reaches_threshold", set.suggestion->reachesThreshold}};
        if (set.adaptive) {
            o["next"] =
                set.next ? nlohmann::json{{"i", set.next->first + 1}, {"j", set.next->second + 1}} : nlohmann::json();
            o["settled"] = set.settled;
        }
        if (set.aboveThreshold) above.push_back(set.parentId);
        sets.push_back(o);
    }
    j["sets"] = sets;
    j["above_threshold"] = above;
    j["questioning"] = s.model.adaptiveQuestioning ? "adaptive" : "all";
    nlohmann::json ranking = nlohmann::json::array();
    for (int leaf : s.result.leafRanking)
        ranking.push_back(
            {{"id", s.model.hierarchy.node(leaf).id}, {"weight", model::jsonNumber(s.result.globalWeight[leaf])}});
    j["ranking"] = ranking;
    j["workbench"] = workbench::linked();
    workbench::describe(s, j);
    return j.dump();
}

std::string App::widgetsJson() const {
    nlohmann::json j = nlohmann::json::object();
    for (const auto& [id, r] : impl_->widgets) j[id] = {r.x0, r.y0, r.x1, r.y1, r.clipX0, r.clipY0, r.clipX1, r.clipY1};
    return j.dump();
}

}  // namespace ui
