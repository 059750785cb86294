#include "ui/app.hpp"

#include "ui/screens.hpp"
#include "ui/state.hpp"
#include "ui/strings.hpp"
#include "ui/widgets.hpp"

#include "text/bidi.hpp"

#include <imgui.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdlib>

namespace ui {

struct App::Impl {
    Resources resources;
    AppState state;
    Strings strings;
    ShapedTextCache shaper;
    WidgetRegistry widgets;
    ImFont* bodyFont = nullptr;
    ImFont* titleFont = nullptr;
    bool scrollToTop = false;  // a new screen or set starts at its top

    void loadModel(std::string_view json);
    void recompute();
    void apply(const Intent& intent);
};

App::App(const Resources& resources) : impl_(std::make_unique<Impl>()) {
    impl_->resources = resources;
    impl_->strings.addLanguage("en", resources.stringsEn);
    impl_->strings.addLanguage("fa", resources.stringsFa);
    impl_->loadModel(resources.modelJson);

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
        state.model = model::parseModel(std::string(json), "assets/models/egov-qom.json");
    } catch (const std::exception& e) {
        state.error = e.what();
        return;
    }
    state.judgments.clear();
    for (int parent : state.model.hierarchy.comparisonSets()) {
        const ahp::Node& node = state.model.hierarchy.node(parent);
        state.judgments.emplace(node.id, ahp::PairwiseMatrix(int(node.children.size())));
    }
    if (!state.model.languages.empty()) state.language = state.model.languages.front();
    recompute();
}

// Everything the screens show that derives from the answers.
void App::Impl::recompute() {
    const ahp::Hierarchy& h = state.model.hierarchy;
    const ahp::Settings& settings = state.model.settings;
    state.sets.clear();
    state.answered = state.total = 0;
    for (int parent : h.comparisonSets()) {
        SetView view;
        view.parent = parent;
        view.parentId = h.node(parent).id;
        view.items = h.node(parent).children;
        const ahp::PairwiseMatrix& m = state.judgments.at(view.parentId);
        view.answered = m.knownCount();
        view.total = m.judgmentCount();
        if (m.isConnected()) {
            view.solvable = true;
            view.weights = ahp::priorities(m, settings.method);
            view.consistency = ahp::consistency(m, view.weights, settings.method, settings.riTable);
            if (m.isComplete() && m.size() >= 3) view.advice = ahp::rankJudgments(m, settings.method, settings.riTable);
        }
        state.answered += view.answered;
        state.total += view.total;
        state.sets.push_back(std::move(view));
    }
    state.result = ahp::synthesize(h, state.judgments, settings);
}

void App::Impl::apply(const Intent& intent) {
    std::visit(
        [this](const auto& i) {
            using T = std::decay_t<decltype(i)>;
            if constexpr (std::is_same_v<T, intent::SetLanguage>) {
                state.language = i.language;
            } else if constexpr (std::is_same_v<T, intent::TogglePersianDigits>) {
                state.persianDigits = !state.persianDigits;
            } else if constexpr (std::is_same_v<T, intent::SetExpert>) {
                state.expertName = i.name;
                state.expertRole = i.role;
            } else if constexpr (std::is_same_v<T, intent::GoTo>) {
                state.screen = i.screen;
                scrollToTop = true;
            } else if constexpr (std::is_same_v<T, intent::GoToSet>) {
                state.currentSet = std::clamp(i.set, 0, int(state.sets.size()) - 1);
                state.screen = Screen::Compare;
                scrollToTop = true;
            } else if constexpr (std::is_same_v<T, intent::SetJudgment>) {
                state.judgments.at(state.sets.at(i.set).parentId).set(i.i, i.j, i.value);
                recompute();
            } else if constexpr (std::is_same_v<T, intent::ClearJudgment>) {
                state.judgments.at(state.sets.at(i.set).parentId).clear(i.i, i.j);
                recompute();
            }
        },
        intent);
}

void App::setOption(const std::string& key, const std::string& value) {
    Impl& d = *impl_;
    if (key == "lang" && (value == "fa" || value == "en")) d.apply(intent::SetLanguage{value});
    if (key == "screen") {
        if (value == "welcome") d.apply(intent::GoTo{Screen::Welcome});
        if (value == "compare") d.apply(intent::GoTo{Screen::Compare});
        if (value == "results") d.apply(intent::GoTo{Screen::Results});
    }
    if (key == "set") {
        const int set = std::atoi(value.c_str());
        if (set >= 1 && set <= int(d.state.sets.size())) d.apply(intent::GoToSet{set - 1});
    }
}

void App::buildFonts(float pixelRatio) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    // Glyphs are rasterised at the framebuffer's density and drawn scaled back, so text is
    // crisp on HiDPI screens.
    static const ImWchar latinRanges[] = {0x0020, 0x00FF, 0x2010, 0x2027, 0x2030, 0x203A, 0x2190, 0x2193, 0};
    // Arabic script after shaping: presentation forms, plus base letters and Persian digits.
    static const ImWchar arabicRanges[] = {0x0600, 0x06FF, 0x200C, 0x200F, 0xFB50, 0xFDFF, 0xFE70, 0xFEFF, 0};
    auto addFonts = [&](float size) {
        ImFontConfig latin;
        latin.FontDataOwnedByAtlas = false;
        latin.OversampleH = 2;
        ImFont* font = io.Fonts->AddFontFromMemoryTTF(const_cast<char*>(impl_->resources.fontLatin.data()),
                                                      int(impl_->resources.fontLatin.size()), size * pixelRatio,
                                                      &latin, latinRanges);
        ImFontConfig arabic;
        arabic.FontDataOwnedByAtlas = false;
        arabic.MergeMode = true;
        arabic.OversampleH = 2;
        // Noto Sans Arabic draws smaller than Noto Sans at the same pixel size; its glyphs share
        // the Latin baseline, so only the size is adjusted.
        io.Fonts->AddFontFromMemoryTTF(const_cast<char*>(impl_->resources.fontArabic.data()),
                                       int(impl_->resources.fontArabic.size()), size * 1.2f * pixelRatio, &arabic,
                                       arabicRanges);
        return font;
    };
    impl_->bodyFont = addFonts(17.0f);
    impl_->titleFont = addFonts(22.0f);
    io.Fonts->Build();
    io.FontGlobalScale = 1.0f / pixelRatio;
    impl_->shaper.clear();
}

void App::frame() {
    Impl& d = *impl_;
    d.widgets.clear();
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("questionnaire", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
    ScreenContext ctx{d.state, d.strings, d.shaper, d.widgets, d.titleFont, d.scrollToTop};
    d.scrollToTop = false;
    Intents intents;
    if (!d.state.error.empty()) {
        Text(ctx, d.state.error, IM_COL32(200, 50, 50, 255));
    } else {
        drawTopBar(ctx, intents);
        ImGui::BeginChild("screen");
        if (ctx.scrollToTop) ImGui::SetScrollY(0);
        switch (d.state.screen) {
        case Screen::Welcome: drawWelcome(ctx, intents); break;
        case Screen::Compare: drawCompare(ctx, intents); break;
        case Screen::Results: drawResults(ctx, intents); break;
        }
        ImGui::EndChild();
    }
    ImGui::End();
    for (const Intent& intent : intents) d.apply(intent);
}

namespace {
nlohmann::json finiteOrNull(double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(); }
}

std::string App::stateJson() const {
    const AppState& s = impl_->state;
    nlohmann::json j;
    static const char* screens[] = {"welcome", "compare", "results"};
    j["screen"] = screens[int(s.screen)];
    j["language"] = s.language;
    j["expert"] = {{"name", s.expertName}, {"role", s.expertRole}};
    j["answered"] = s.answered;
    j["total"] = s.total;
    j["current_set"] = s.sets.empty() ? "" : s.sets[std::clamp(s.currentSet, 0, int(s.sets.size()) - 1)].parentId;
    j["error"] = s.error;
    nlohmann::json sets = nlohmann::json::array();
    for (const SetView& set : s.sets) {
        nlohmann::json o;
        o["id"] = set.parentId;
        o["answered"] = set.answered;
        o["total"] = set.total;
        std::vector<std::string> items;
        for (int item : set.items) items.push_back(s.model.hierarchy.node(item).id);
        o["items"] = items;
        nlohmann::json upper = nlohmann::json::array();
        for (const auto& v : s.judgments.at(set.parentId).upperTriangle()) upper.push_back(v ? nlohmann::json(*v) : nlohmann::json());
        o["judgments"] = upper;
        if (set.solvable) {
            o["weights"] = std::vector<double>(set.weights.data(), set.weights.data() + set.weights.size());
            o["cr"] = finiteOrNull(set.consistency.cr);
            o["lambda_max"] = finiteOrNull(set.consistency.lambdaMax);
        }
        sets.push_back(o);
    }
    j["sets"] = sets;
    nlohmann::json ranking = nlohmann::json::array();
    for (int leaf : s.result.leafRanking)
        ranking.push_back({{"id", s.model.hierarchy.node(leaf).id}, {"weight", finiteOrNull(s.result.globalWeight[leaf])}});
    j["ranking"] = ranking;
    return j.dump();
}

std::string App::widgetsJson() const {
    nlohmann::json j = nlohmann::json::object();
    for (const auto& [id, r] : impl_->widgets) j[id] = {r.x0, r.y0, r.x1, r.y1};
    return j.dump();
}

}  // namespace ui
