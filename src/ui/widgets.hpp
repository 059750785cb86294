// Small drawing helpers every screen shares: direction-aware text (shaped and reordered for
// Persian), localised numbers, and the registry of named widget rectangles that the end-to-end
// tests use to click like a person.
#pragma once

#include "ui/state.hpp"
#include "ui/strings.hpp"

#include <imgui.h>

#include <map>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>
#include <vector>

namespace ui {

// Logical UTF-8 -> what ImGui must draw left to right (FriBidi shaping + reordering), cached
// because labels are drawn every frame. The references it returns stay valid until the next
// beginFrame() or clear().
class ShapedTextCache {
public:
    const std::string& visual(const std::string& logical);
    // Lines of `logical` wrapped to `width` (measured with the current font) in visual order.
    const std::vector<std::string>& wrapped(const std::string& logical, float width, bool rtl);
    // Called before a frame is drawn: keeps the caches bounded (typed text grows them).
    void beginFrame();
    void clear() { cache_.clear(); wrapped_.clear(); }

private:
    static constexpr std::size_t kMaxEntries = 4096;
    std::unordered_map<std::string, std::string> cache_;
    std::unordered_map<std::string, std::vector<std::string>> wrapped_;
};

// A widget's rectangle and the clip rectangle of the window it is in (a widget scrolled out of
// its window is recorded, but not clickable until it is inside its clip rectangle).
struct WidgetRect { float x0, y0, x1, y1, clipX0, clipY0, clipX1, clipY1; };
using WidgetRegistry = std::map<std::string, WidgetRect>;

// What a screen needs besides the state: words, shaping, and where to record widgets.
struct ScreenContext {
    const AppState& state;
    const Strings& strings;
    ShapedTextCache& shaper;
    WidgetRegistry& widgets;
    ImFont* titleFont = nullptr;
    bool scrollToTop = false;
    bool rtl() const { return state.language == "fa"; }
    // Phone-sized window, upright (narrower than 720) or on its side (lower than 500): single
    // column layouts, no side tree.
    bool narrow() const;
    // A phone in either orientation: every tap target at least kFingerTarget (App::frame sets the
    // frame padding; the scale sizes its own cells).
    bool fingerSized() const;
    // The last item is hovered by a pointer that can hover (a mouse or a pen, not a finger):
    // only then does it show a tooltip.
    bool wantsTooltip() const;
    // Records that a tooltip is on screen (widget "tooltip", for the tests).
    void markTooltip() const;

    const std::string& tr(const std::string& key) const { return strings.get(state.language, key); }
    const std::string& visual(const std::string& logical) const { return shaper.visual(logical); }
    // A node's label in the current language (falls back to English, then to its id).
    const std::string& label(int node) const;
    // Numbers in the reader's digits.
    std::string number(double value, int decimals) const;
    std::string integer(long value) const;
    // Records the last item's rectangle under `id`.
    void mark(const std::string& id) const;
};

// Text aligned to the reading direction (right in Persian), wrapped to the available width.
void Text(const ScreenContext& ctx, const std::string& logical, ImU32 color = 0);
// Text wrapped inside a box of `width` starting at the cursor, aligned to its start or end.
void TextInBox(const ScreenContext& ctx, const std::string& logical, float width, bool alignEnd);
void TextCentered(const ScreenContext& ctx, const std::string& logical, ImU32 color = 0);
void Title(const ScreenContext& ctx, const std::string& logical);
// A button whose label is shaped; `id` keeps it stable across languages.
bool Button(const ScreenContext& ctx, const std::string& logical, const std::string& id,
            ImVec2 size = ImVec2(0, 0));
// Buttons side by side from the reading-direction start (stacked when the line is too narrow).
// Returns the index of the one pressed, or -1. Button `primary` (if any) is drawn in `primaryColor`.
int ButtonRow(const ScreenContext& ctx, const std::vector<std::pair<std::string, std::string>>& labelAndId,
              int primary = -1, ImU32 primaryColor = 0);
// Places the next item at the reading-direction start of the line, `width` wide.
void AlignForWidth(const ScreenContext& ctx, float width);
// `logical` as a tooltip of the last item while a mouse or a pen hovers it (never after a tap).
void HoverTooltip(const ScreenContext& ctx, const std::string& logical);
// A horizontal bar 0..1 with a text on it.
void Bar(const ScreenContext& ctx, float fraction, const std::string& text, ImU32 color, float width);

// Secondary text (hints, captions, counts).
constexpr ImU32 kMuted = IM_COL32(110, 118, 130, 255);

// Touch guidance for tap targets (WCAG 2.5.5, Apple's and Google's 44-48): in CSS pixels.
constexpr float kFingerTarget = 44.0f;

// Traffic-light colours for consistency verdicts.
ImU32 verdictColor(double cr, double threshold);

}  // namespace ui
