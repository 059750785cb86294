// Small drawing helpers every screen shares: direction-aware text (shaped and reordered for
// Persian), localised numbers, and the registry of named widget rectangles that the end-to-end
// tests use to click like a person.
#pragma once

#include "model/limits.hpp"
#include "ui/state.hpp"
#include "ui/strings.hpp"

#include <imgui.h>

#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace ui {

// A name or typed text inside a sentence, bidi-isolated (FSI ... PDI) so that a Persian name in
// an English sentence, or the reverse, keeps its own order and does not reorder its neighbours.
inline std::string isolate(const std::string& name) { return "\u2068" + name + "\u2069"; }

// A text wrapped into lines in visual order, with each line's width in the font it was wrapped
// with (ImGui::CalcTextSize's): drawing it again needs no measuring.
struct WrappedText {
    std::vector<std::string> lines;
    std::vector<float> widths;
    float widest() const;
};

// Logical UTF-8 -> what ImGui must draw left to right (FriBidi shaping + reordering), cached
// because labels are drawn every frame. The references it returns stay valid until the next
// beginFrame() or clear().
class ShapedTextCache {
public:
    const std::string& visual(const std::string& logical);
    // `logical` wrapped to `width` (measured with the current font) in visual order.
    const WrappedText& wrapped(const std::string& logical, float width, bool rtl);
    // Called before a frame is drawn: keeps the caches bounded (typed text grows them).
    void beginFrame();
    void clear() {
        cache_.clear();
        wrapped_.clear();
    }

private:
    static constexpr std::size_t kMaxEntries = 4096;
    std::unordered_map<std::string, std::string> cache_;
    std::unordered_map<std::string, WrappedText> wrapped_;
    std::string key_;  // reused: a key made afresh copied every text on the screen each frame
};

// What assistive technology is told about a widget (the page mirrors it in real DOM elements:
// src/platform/js/a11y.js). `name` is logical text in the interface's language.
enum class Role {
    None,
    Button,
    TabList,
    Tab,
    RadioGroup,
    Radio,
    Checkbox,
    TextField,
    Heading,
    ProgressBar,
    Table,
    Link,
    Text
};
struct Semantics {
    Role role = Role::None;
    std::string name;
    std::string parent;                // the id of the group (radio group, tab list) it belongs to
    std::string value;                 // a text field's text; a progress bar's value text
    float valueNow = 0, valueMax = 0;  // a progress bar
    bool checked = false, selected = false, disabled = false, expanded = false;
    bool live = false;                // changes are announced politely (a verdict, a new suggestion)
    bool invalid = false;             // a text field whose text breaks a limit
    std::size_t maxLength = 0;        // a text field: the most characters it takes (kFieldCharacters)
    const char* inputMode = nullptr;  // a text field for numbers: "decimal" or "numeric" (a phone's keypad)
    std::string description;          // why it is invalid, or a hint
    int level = 0;                    // a heading's level
    bool autofocus = false;           // when it appears, the keyboard's place moves to it (a popup's safe answer)
    // A table (its name is the caption): cell texts row by row in logical order, the first
    // `headerRows` rows its column headers; `rowHeaders`: each row's first cell names the row.
    std::vector<std::vector<std::string>> rows;
    int headerRows = 0;
    bool rowHeaders = false;
    bool operator==(const Semantics& o) const {
        return role == o.role && name == o.name && parent == o.parent && value == o.value && valueNow == o.valueNow &&
               valueMax == o.valueMax && checked == o.checked && selected == o.selected && disabled == o.disabled &&
               expanded == o.expanded && live == o.live && invalid == o.invalid && description == o.description &&
               level == o.level && autofocus == o.autofocus && rows == o.rows && headerRows == o.headerRows &&
               rowHeaders == o.rowHeaders && maxLength == o.maxLength && inputMode == o.inputMode;
    }
    bool operator!=(const Semantics& o) const { return !(*this == o); }
};

// Semantics that stay the same from frame to frame (a judgment row's 17 radios, whose names
// take 50 lookups and formats to build), by a key naming everything they depend on. Bounded
// like the shaping cache; what get() returns stays valid until the next beginFrame().
class SemanticsMemo {
public:
    template <class Make>
    std::vector<Semantics>& get(const std::string& key, Make make) {
        auto it = memo_.find(key);
        if (it == memo_.end()) it = memo_.emplace(key, make()).first;
        return it->second;
    }
    void beginFrame() {
        if (memo_.size() > kMaxEntries) memo_.clear();
    }

private:
    static constexpr std::size_t kMaxEntries = 1024;
    std::unordered_map<std::string, std::vector<Semantics>> memo_;
};

// A widget's rectangle and the clip rectangle of the window it is in (a widget scrolled out of
// its window is recorded, but not clickable until it is inside its clip rectangle); `order` is
// when it was first drawn in the frame (reading order for the mirror).
struct WidgetRect {
    float x0, y0, x1, y1, clipX0, clipY0, clipX1, clipY1;
    int order = 0;
    Semantics semantics;
};

// The widgets of the frame being drawn, by id: for the tests, the page's mirror and the focus
// ring. Entries live from frame to frame, so a frame that draws what the last one drew reuses
// them (no allocation), and each carries the revision at which it last changed: the mirror sends
// what changed since it last looked, without keeping a copy.
class WidgetRegistry {
public:
    struct Entry : WidgetRect {
        long frame = -1;    // the frame that last drew it
        long revision = 0;  // when its rectangle, semantics or reading order last changed
    };
    using Entries = std::unordered_map<std::string, Entry>;

    void beginFrame();
    // Forgets the widgets this frame did not draw.
    void endFrame();
    // Records a widget drawn in this frame: its rectangle, clip rectangle and semantics.
    const Entry& record(const std::string& id, ImVec2 min, ImVec2 max, ImVec2 clipMin, ImVec2 clipMax,
                        const Semantics& semantics);
    // Gives `id` its place in reading order now (a group before its members, radios in the
    // scale's order however they are drawn); record() fills it in later in the frame.
    void reserve(const std::string& id);
    // The widget `id` if this frame drew it.
    const Entry* drawn(const std::string& id) const;
    // Widgets drawn so far in this frame.
    int drawnCount() const { return drawnCount_; }
    const Entries& entries() const { return entries_; }
    Entries::const_iterator begin() const { return entries_.begin(); }
    Entries::const_iterator end() const { return entries_.end(); }
    // The latest revision; the latest at which a widget was forgotten; the latest at which the
    // reading order changed (a widget came, went or moved in it).
    long revision() const { return revision_; }
    long removalRevision() const { return removalRevision_; }
    long orderRevision() const { return orderRevision_; }

private:
    Entries entries_;
    long frame_ = 0, revision_ = 0, removalRevision_ = 0, orderRevision_ = 0;
    int drawnCount_ = 0;
};

class TableSemantics;

// What the platform's mirror of the widgets did since the last frame: an element was activated
// (clicked, Space, Enter, a screen reader's default action), a text field's text changed, the
// focus moved. Screens read it through ScreenContext.
struct ExternalInput {
    std::string activated;                    // widget id
    std::map<std::string, std::string> text;  // text field id -> its whole text
    std::string focused;                      // widget id with the mirror's focus ("" none)
    bool focusVisible = false;                // focus moved by the keyboard: draw its ring
    bool focusMoved = false;                  // bring `focused` into view this frame
    std::string pressedOnCanvas;              // the pointer pressed this widget: the mirror's focus follows
    bool editFocused = false;                 // the desktop's Tab reached text field `focused`: edit it
    // Text field id -> the characters of a text it refused (over kFieldCharacters: the page
    // did not take it); kept, and said at the field, until the field's next edit.
    std::map<std::string, std::size_t> refused;
    // Number field id -> the text typed in it, until the field is left and the text is a number
    // in its range: the field shows it (and what is wrong with it) and nothing is applied.
    std::map<std::string, std::string> numberDrafts;
};

// What a screen needs besides the state: words, shaping, and where to record widgets.
struct ScreenContext {
    const AppState& state;
    const Strings& strings;
    ShapedTextCache& shaper;
    WidgetRegistry& widgets;
    SemanticsMemo& semantics;
    ImFont* titleFont = nullptr;
    bool scrollToTop = false;
    ExternalInput* external = nullptr;
    // The table being drawn collects the text of its cells (Text() in a cell goes there, not
    // to the mirror's loose text); null outside tables.
    mutable TableSemantics* table = nullptr;
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
    // The keyboard's place is on widget `id`, moved there by the keyboard (its ring is drawn).
    bool keyboardAt(const std::string& id) const;
    // Records the tooltip window being drawn, with its rectangle (widget "tooltip", for the tests).
    void markTooltip() const;

    const std::string& tr(std::string_view key) const { return strings.get(state.language, key); }
    const std::string& visual(const std::string& logical) const { return shaper.visual(logical); }
    // A node's label in the current language (falls back to English, then to its id).
    const std::string& label(int node) const;
    // Numbers in the reader's digits.
    std::string number(double value, int decimals) const;
    std::string integer(long value) const;
    // A percentage: "99%", and with Persian digits "۹۹٪" (the Arabic percent sign, U+066A).
    std::string percent(double percentage, int decimals) const;
    // Records the last item's rectangle under `id` (and what it is, for assistive technology).
    void mark(const std::string& id) const;
    void mark(const std::string& id, const Semantics& semantics) const;
    // Records a rectangle that is not ImGui's last item (a group around several items).
    void markRect(const std::string& id, ImVec2 min, ImVec2 max, const Semantics& semantics) const;
    // The mirror activated `id` this frame (consumed: true once).
    bool activated(const std::string& id) const;
    // The mirror's new text for field `id`, if it changed.
    const std::string* externalText(const std::string& id) const;
};

// A table for assistive technology: one Role::Table widget with its caption and the text of its
// cells, which are drawn as usual. Made before the caption is drawn (the rectangle starts there);
// begin() right after ImGui::BeginTable: from then on the text Text(), Cell() and NumberCell()
// draw, or cell() is given, goes into the cell ImGui is in (logical column order: Persian tables
// are drawn mirrored); end() right after ImGui::EndTable records the table. The first row is
// the header row.
class TableSemantics {
public:
    TableSemantics(const ScreenContext& ctx, std::string id, std::string caption, bool rowHeaders = false);
    ~TableSemantics();
    TableSemantics(const TableSemantics&) = delete;
    TableSemantics& operator=(const TableSemantics&) = delete;
    void begin();
    void cell(const std::string& logical);
    void end();

private:
    const ScreenContext& ctx_;
    std::string id_;
    Semantics semantics_;
    ImVec2 start_;
    int imguiRow_ = -1;
    TableSemantics* outer_ = nullptr;
    bool collecting_ = false;
};
// A table's caption, drawn as Text() is but recorded as the table's name (TableSemantics), not
// as loose text.
void TableCaption(const ScreenContext& ctx, const std::string& logical, ImU32 color = 0);

// Text aligned to the reading direction (right in Persian), wrapped to the available width.
void Text(const ScreenContext& ctx, const std::string& logical, ImU32 color = 0);
// Text wrapped inside a box of `width` starting at the cursor, aligned to its start or end.
void TextInBox(const ScreenContext& ctx, const std::string& logical, float width, bool alignEnd);
// ImGui::TextUnformatted for one line (no newline) whose width is known (WrappedText::widths):
// the same item, laid out and clipped the same way, without measuring the line again.
void TextLine(const std::string& visual, float width);
void TextCentered(const ScreenContext& ctx, const std::string& logical, ImU32 color = 0);
void Title(const ScreenContext& ctx, const std::string& logical);
// A button whose label is shaped; `id` keeps it stable across languages. `role` Tab for the top bar.
bool Button(const ScreenContext& ctx, const std::string& logical, const std::string& id, ImVec2 size = ImVec2(0, 0),
            Role role = Role::Button, bool selected = false);
// The same, told to assistive technology as `semantics` says (its name is `logical`).
bool Button(const ScreenContext& ctx, const std::string& logical, const std::string& id, ImVec2 size,
            Semantics semantics);
// An ImGui text field over a std::string (grown as the user types); multiline when height > 0.
bool InputString(const std::string& id, std::string& text, float width, float height = 0,
                 ImGuiInputTextFlags flags = 0);
// The most characters a text field takes at once: the longest text a file may hold. A longer
// text (a paste of megabytes) is refused at the field, its text before it kept, and the field
// says so; the browser's field refuses it before taking it (js/mirror.js: beforeinput).
constexpr std::size_t kFieldCharacters = model::limits::kTextCharacters;

// A one-line text field for `value` (logical UTF-8). Persian is drawn shaped and right to left
// (ImGui would draw the logical order unjoined). On the web the page puts a real <input> over
// it (the mirror); its text arrives through ExternalInput. `problem` (a message) is shown under
// the field and marks it invalid. Returns true with `edited` set when the text changed.
// `inputMode` "decimal" or "numeric": a phone shows its number keypad. `problemBelow` false: the
// caller shows the problem where its layout has room (FieldProblems), a field in a row or a cell.
bool TextField(const ScreenContext& ctx, const std::string& name, const std::string& id, const std::string& value,
               std::string& edited, float width, const std::string& problem = {}, const char* inputMode = nullptr,
               bool problemBelow = true);
// What a number field takes: [min, max], rounded to `decimals` places (0: a whole number).
struct NumberRange {
    double min, max;
    int decimals;
};
// A TextField for a number, typed with ASCII or Persian digits and '.' or '٫' (text::
// parseTypedNumber); a phone shows its number keypad. When the field is left (Enter, Tab, a
// click or a tap elsewhere), returns the new value, rounded, if the text is a number in `range`
// other than `value`. A text that is not one is kept in the field, not applied, and said under
// it in the interface's language (ExternalInput::numberDrafts).
std::optional<double> NumberField(const ScreenContext& ctx, const std::string& name, const std::string& id,
                                  double value, NumberRange range, float width, bool problemBelow = true);
// The problems of the number fields drawn this frame whose ids start with `idPrefix` and that
// keep theirs for the caller (problemBelow false), each after its field's name, `width` wide.
void FieldProblems(const ScreenContext& ctx, const std::string& idPrefix, float width);
// Drops what was typed, and not applied, into the number fields whose ids start with
// `idPrefix`: for fields whose rows go (an expert's weight, once the files are removed).
void ForgetFieldDrafts(const ScreenContext& ctx, const std::string& idPrefix);
// Buttons side by side from the reading-direction start (stacked when the line is too narrow).
// Returns the index of the one pressed, or -1. Button `primary` (if any) is drawn in `primaryColor`.
// `role` Link for buttons that lead somewhere (the mirror makes them links).
// Button `focused` (if any) takes the keyboard's place when it appears.
int ButtonRow(const ScreenContext& ctx, const std::vector<std::pair<std::string, std::string>>& labelAndId,
              int primary = -1, ImU32 primaryColor = 0, Role role = Role::Button, int focused = -1);
// A yes-or-no question in a modal popup in the middle of the window, drawn while the caller's
// question is pending: `title`, `body`, then the safe answer (confirm.cancel, widget
// `<idPrefix>confirm-no`, first in reading order; the keyboard lands on it) and `yes`
// (`<idPrefix>confirm-yes`, red when `destructive`, else blue). Escape is the safe answer.
// `popup` is ImGui's id for it. Returns 1 for yes, 0 for no, -1 while unanswered.
int ConfirmPopup(const ScreenContext& ctx, const char* popup, const std::string& idPrefix, const std::string& title,
                 const std::string& body, const std::string& yes, bool destructive);
// Places the next item at the reading-direction start of the line, `width` wide.
void AlignForWidth(const ScreenContext& ctx, float width);
// `logical` as a tooltip, now: on one line when it fits the screen, else wrapped to the screen's
// width (ImGui does not wrap a tooltip, and one wider than the screen ran off its edge). Beside
// the pointer, or with `underItem` under the last item (the keyboard's place has no pointer),
// above it when there is no room below.
void Tooltip(const ScreenContext& ctx, const std::string& logical, bool underItem = false);
// `logical` as a tooltip of the last item while a mouse or a pen hovers it (never after a tap).
void HoverTooltip(const ScreenContext& ctx, const std::string& logical);
// `logical` in visual order, cut to `width` when longer: its first line at that width (words
// whole, as wrapped) with an ellipsis at its reading end.
struct ElidedText {
    std::string visual;
    float width = 0;   // of `visual`, drawn
    bool cut = false;  // the ellipsis stands for the rest
};
ElidedText Elided(const ScreenContext& ctx, const std::string& logical, float width);
// Lines of text in visual order (ShapedTextCache::wrapped) drawn, not laid out as items, from
// `topLeft` in a box `width` wide, each aligned to the box's reading start and `pitch` below the
// one before: text inside a shape (a badge, a bar, a row of the set tree).
void DrawLines(const ScreenContext& ctx, const WrappedText& text, ImVec2 topLeft, float width, float pitch,
               ImU32 color);
// The height of `count` lines `pitch` apart (one line's height at least).
inline float LinesHeight(std::size_t count, float pitch) {
    return ImGui::GetTextLineHeight() + pitch * float(count > 1 ? count - 1 : 0);
}
// A horizontal bar 0..1 with a text on it (wrapped, the bar as tall as it needs).
void Bar(const ScreenContext& ctx, float fraction, const std::string& text, ImU32 color, float width);

// Secondary text (hints, captions, counts); what is fine and what is wrong (a file used or
// refused, a valid or invalid field, an expert within or over the threshold).
constexpr ImU32 kMuted = IM_COL32(110, 118, 130, 255);
constexpr ImU32 kGood = IM_COL32(40, 120, 60, 255);
constexpr ImU32 kBad = IM_COL32(180, 40, 40, 255);

// Touch guidance for tap targets (WCAG 2.5.5, Apple's and Google's 44-48): in CSS pixels.
constexpr float kFingerTarget = 44.0f;

// Traffic-light colours for consistency verdicts.
ImU32 verdictColor(double cr, double threshold);

}  // namespace ui
