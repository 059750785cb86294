// The questionnaire app: owns the state, draws the current screen, applies the intents the
// screens return and recomputes everything derived from the answers (through the engine).
// Knows nothing about windows, GL or the browser: the platform layer calls it once a frame.
#pragma once

#include <memory>
#include <string>
#include <string_view>

struct ImFont;

namespace ui {

struct Resources {  // bytes the platform embedded at build time
    std::string_view modelJson;
    std::string_view stringsEn, stringsFa;
    std::string_view fontLatin, fontArabic;
};

class App {
public:
    explicit App(const Resources& resources);
    ~App();

    // (Re)builds the ImGui font atlas for a framebuffer of `pixelRatio` pixels per UI unit.
    void buildFonts(float pixelRatio);
    // Start-up options from the command line or the page's URL: "lang" (fa, en), "screen"
    // (welcome, compare, results), "set" (1-based comparison set). Unknown values are ignored.
    void setOption(const std::string& key, const std::string& value);
    // Draws one frame (between ImGui::NewFrame and ImGui::Render).
    void frame();

    // The test interface: the state (answers, weights, CRs...) and the widgets' rectangles.
    std::string stateJson() const;
    std::string widgetsJson() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace ui
