#include "ui/widgets.hpp"

#include "text/bidi.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

namespace ui {

void ShapedTextCache::beginFrame() {
    // Typed text grows the caches; they are emptied only here, between frames, so the
    // references a frame holds stay valid until it ends.
    if (cache_.size() > kMaxEntries) cache_.clear();
    if (wrapped_.size() > kMaxEntries) wrapped_.clear();
}

const std::string& ShapedTextCache::visual(const std::string& logical) {
    auto it = cache_.find(logical);
    if (it == cache_.end()) {
        it = cache_.emplace(logical, text::toVisual(logical)).first;
    }
    return it->second;
}

float WrappedText::widest() const {
    float most = 0;
    for (float w : widths) most = std::max(most, w);
    return most;
}

const WrappedText& ShapedTextCache::wrapped(const std::string& logical, float width, bool rtl) {
    // Font size and width are part of the key: the same text wraps differently elsewhere.
    key_.clear();
    key_ += std::to_string(int(width));
    key_ += rtl ? 'r' : 'l';
    key_ += std::to_string(int(ImGui::GetFontSize() * 10));
    key_ += '|';
    key_ += logical;
    auto it = wrapped_.find(key_);
    if (it == wrapped_.end()) {
        auto measure = [](std::string_view visual) {
            return ImGui::CalcTextSize(visual.data(), visual.data() + visual.size()).x;
        };
        WrappedText text;
        text.lines = text::wrapVisual(logical, width, measure,
                                      rtl ? text::Direction::RightToLeft : text::Direction::LeftToRight);
        for (const std::string& line : text.lines) text.widths.push_back(measure(line));
        it = wrapped_.emplace(key_, std::move(text)).first;
    }
    return it->second;
}

bool ScreenContext::narrow() const {
    const ImVec2 size = ImGui::GetIO().DisplaySize;
    return size.x < 720 || size.y < 500;
}

bool ScreenContext::fingerSized() const {
    const ImVec2 size = ImGui::GetIO().DisplaySize;
    return std::min(size.x, size.y) < 500;
}

bool ScreenContext::wantsTooltip() const { return state.pointerHovers && ImGui::IsItemHovered(); }

bool ScreenContext::keyboardAt(const std::string& id) const {
    return external && external->focusVisible && external->focused == id;
}

void WidgetRegistry::beginFrame() {
    ++frame_;
    drawnCount_ = 0;
}

void WidgetRegistry::endFrame() {
    for (auto it = entries_.begin(); it != entries_.end();)
        if (it->second.frame != frame_) {
            it = entries_.erase(it);
            removalRevision_ = orderRevision_ = ++revision_;
        } else {
            ++it;
        }
}

void WidgetRegistry::reserve(const std::string& id) {
    auto it = entries_.find(id);
    const bool created = it == entries_.end();
    if (created) it = entries_.emplace(id, Entry{}).first;
    Entry& e = it->second;
    if (e.frame == frame_) return;
    e.frame = frame_;
    if (created || e.order != drawnCount_) {
        e.order = drawnCount_;
        e.revision = orderRevision_ = ++revision_;
    }
    ++drawnCount_;
}

const WidgetRegistry::Entry& WidgetRegistry::record(const std::string& id, ImVec2 a, ImVec2 b, ImVec2 c0, ImVec2 c1,
                                                    const Semantics& semantics) {
    auto it = entries_.find(id);
    const bool created = it == entries_.end();
    if (created) it = entries_.emplace(id, Entry{}).first;
    Entry& e = it->second;
    bool changed = created, orderChanged = false;
    if (e.frame != frame_) {  // first drawn first: its place in reading order
        e.frame = frame_;
        orderChanged = created || e.order != drawnCount_;
        e.order = drawnCount_++;
    }
    const float rect[8] = {a.x, a.y, b.x, b.y, c0.x, c0.y, c1.x, c1.y};
    float* const fields[8] = {&e.x0, &e.y0, &e.x1, &e.y1, &e.clipX0, &e.clipY0, &e.clipX1, &e.clipY1};
    for (int k = 0; k < 8; ++k)
        if (*fields[k] != rect[k]) {
            *fields[k] = rect[k];
            changed = true;
        }
    if (e.semantics != semantics) {
        e.semantics = semantics;
        changed = true;
    }
    if (changed || orderChanged) e.revision = ++revision_;
    if (orderChanged) orderRevision_ = revision_;
    return e;
}

const WidgetRegistry::Entry* WidgetRegistry::drawn(const std::string& id) const {
    const auto it = entries_.find(id);
    return it != entries_.end() && it->second.frame == frame_ ? &it->second : nullptr;
}

void ScreenContext::markTooltip() const {
    const ImVec2 min = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    const ImVec2 max(min.x + size.x, min.y + size.y);
    widgets.record("tooltip", min, max, min, max, Semantics{});
}

const std::string& ScreenContext::label(int node) const {
    const ahp::Node& n = state.model.hierarchy.node(node);
    for (const std::string& lang : {state.language, std::string("en")}) {
        const auto it = n.labels.find(lang);
        if (it != n.labels.end() && !it->second.empty()) return it->second;
    }
    return n.id;
}

std::string ScreenContext::number(double value, int decimals) const {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, std::isfinite(value) ? value : 0.0);
    return rtl() && state.persianDigits ? text::toPersianDigits(buffer) : std::string(buffer);
}

std::string ScreenContext::integer(long value) const {
    const std::string text = std::to_string(value);
    return rtl() && state.persianDigits ? text::toPersianDigits(text) : text;
}

std::string ScreenContext::percent(double percentage, int decimals) const {
    return number(percentage, decimals) + (rtl() && state.persianDigits ? "\u066A" : "%");
}

void ScreenContext::mark(const std::string& id) const {
    const WidgetRegistry::Entry* earlier = widgets.drawn(id);  // recorded before in this frame: keep what it is
    mark(id, earlier ? earlier->semantics : Semantics{});
}

void ScreenContext::mark(const std::string& id, const Semantics& semantics) const {
    markRect(id, ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), semantics);
    const Role role = semantics.role;
    // A click on a widget (a text field too) moves the keyboard's place there: Tab goes on from it.
    if (external && ImGui::IsItemActivated() &&
        (role == Role::Button || role == Role::Tab || role == Role::Radio || role == Role::Checkbox ||
         role == Role::Link || role == Role::TextField))
        external->pressedOnCanvas = id;
    // The mirror's focus moved here: scroll it into view (ImGui scrolls to the last item).
    if (external && external->focusMoved && external->focused == id) {
        const WidgetRect& r = *widgets.drawn(id);
        if (r.y0 < r.clipY0 || r.y1 > r.clipY1) ImGui::SetScrollHereY(0.5f);
        external->focusMoved = false;
    }
}

void ScreenContext::markRect(const std::string& id, ImVec2 a, ImVec2 b, const Semantics& semantics) const {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 c0 = draw->GetClipRectMin(), c1 = draw->GetClipRectMax();
    widgets.record(id, a, b, c0, c1, semantics);
    // The keyboard's place, drawn on the canvas (the mirror's elements are transparent).
    if (keyboardAt(id) && b.x > a.x && b.y > a.y) {
        ImDrawList* top = ImGui::GetForegroundDrawList();
        top->PushClipRect(c0, c1, true);
        top->AddRect(ImVec2(a.x - 2, a.y - 2), ImVec2(b.x + 2, b.y + 2), IM_COL32(20, 90, 200, 255), 4, 0, 2.5f);
        top->PopClipRect();
    }
}

bool ScreenContext::activated(const std::string& id) const {
    if (!external || external->activated.empty() || external->activated != id) return false;
    external->activated.clear();
    return true;
}

const std::string* ScreenContext::externalText(const std::string& id) const {
    if (!external) return nullptr;
    const auto it = external->text.find(id);
    return it == external->text.end() ? nullptr : &it->second;
}

namespace {
int resizeCallback(ImGuiInputTextCallbackData* data) {
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        auto* text = static_cast<std::string*>(data->UserData);
        text->resize(std::size_t(data->BufTextLen));
        data->Buf = text->data();
    }
    return 0;
}
// Where the text of a paragraph went: `id`s are given by reading order ("text/N").
std::string nextTextId(const ScreenContext& ctx) { return "text/" + std::to_string(ctx.widgets.drawnCount()); }
}  // namespace

bool InputString(const std::string& id, std::string& text, float width, float height, ImGuiInputTextFlags flags) {
    flags |= ImGuiInputTextFlags_CallbackResize;
    if (height > 0)
        return ImGui::InputTextMultiline(id.c_str(), text.data(), text.capacity() + 1, ImVec2(width, height), flags,
                                         resizeCallback, &text);
    ImGui::SetNextItemWidth(width);
    return ImGui::InputText(id.c_str(), text.data(), text.capacity() + 1, flags, resizeCallback, &text);
}

namespace {
// What is wrong with field `id`, in red under it (widget id + "/problem"); nothing if `problem` is empty.
void FieldProblem(const ScreenContext& ctx, const std::string& id, const std::string& problem, float width) {
    if (problem.empty()) return;
    const ImVec2 start = ImGui::GetCursorScreenPos();
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(190, 40, 40, 255));
    TextInBox(ctx, problem, width, ctx.rtl());
    ImGui::PopStyleColor();
    ctx.markRect(id + "/problem", start, ImVec2(start.x + width, ImGui::GetCursorScreenPos().y), {Role::Text, problem});
}
}  // namespace

bool TextField(const ScreenContext& ctx, const std::string& name, const std::string& id, const std::string& value,
               std::string& edited, float width, const std::string& problem, const char* inputMode, bool problemBelow) {
    std::string text = value;
    // ImGui draws the logical order unjoined: text with right-to-left letters is drawn by the
    // app (shaped, reordered) over a field whose own text is transparent. Intents apply at the
    // end of each frame, so `value` is what ImGui's buffer held before this frame's typing.
    const bool drawShaped = text::hasRightToLeft(value);
    if (drawShaped) ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(0, 0, 0, 0));
    if (ctx.external && ctx.external->editFocused && ctx.external->focused == id) {
        ImGui::SetKeyboardFocusHere();
        ctx.external->editFocused = false;
    }
    const bool typedHere = InputString("##" + id, text, width);
    if (drawShaped) ImGui::PopStyleColor();
    bool changed = typedHere;
    if (changed) edited = text;
    // The browser's field (the mirror) sends its whole text as it changes.
    if (const std::string* typed = ctx.externalText(id); typed && *typed != value) {
        edited = *typed;
        changed = true;
    }
    std::map<std::string, std::size_t> noRefusals;
    std::map<std::string, std::size_t>& refused = ctx.external ? ctx.external->refused : noRefusals;
    if (changed && edited != value) {
        refused.erase(id);  // the field took an edit: an earlier refusal is over
        // Over the field's limit (ImGui's own field: a paste on the desktop): refused, the text
        // before it kept; the field lets go of its copy.
        if (const std::size_t characters = model::characterCount(edited); characters > kFieldCharacters) {
            refused[id] = characters;
            changed = false;
            edited.clear();
            if (typedHere) ImGui::ClearActiveID();
        }
    }
    const auto refusal = refused.find(id);
    const std::string shownProblem =
        refusal == refused.end()
            ? problem
            : format(ctx.tr("field.refused"), ctx.integer(long(refusal->second)), ctx.integer(long(kFieldCharacters)));
    Semantics semantics{Role::TextField, name};
    semantics.value = value;
    semantics.invalid = !shownProblem.empty();
    semantics.description = shownProblem;
    semantics.maxLength = kFieldCharacters;
    semantics.inputMode = inputMode;
    ctx.mark(id, semantics);
    if (drawShaped) {
        const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
        const ImVec2 pad = ImGui::GetStyle().FramePadding;
        const std::string& v = ctx.visual(typedHere && changed ? text : value);
        const float w = ImGui::CalcTextSize(v.c_str()).x;
        // Right-to-left text starts at the right; one too long for the box shows its start.
        const float x = std::max(a.x + pad.x, b.x - pad.x - w);
        ImDrawList* draw = ImGui::GetWindowDrawList();
        draw->PushClipRect(ImVec2(a.x + pad.x, a.y), ImVec2(b.x - pad.x, b.y), true);
        draw->AddText(ImVec2(x, a.y + pad.y), ImGui::GetColorU32(ImGuiCol_Text), v.c_str());
        // The caret at the logical end (the left end of right-to-left text), blinking.
        if (ImGui::IsItemActive() && std::fmod(ImGui::GetTime(), 1.2) < 0.8)
            draw->AddLine(ImVec2(x - 1, a.y + pad.y), ImVec2(x - 1, b.y - pad.y), ImGui::GetColorU32(ImGuiCol_Text),
                          1.5f);
        draw->PopClipRect();
    }
    if (problemBelow) FieldProblem(ctx, id, shownProblem, width);
    return changed;
}

namespace {
// `value` as the field shows it: in the interface's digits, without trailing zeros ("0.1", "3").
std::string fieldNumber(const ScreenContext& ctx, double value, int decimals) {
    std::string shown = ctx.number(value, decimals);
    auto endsWith = [&](std::string_view tail) {
        return shown.size() >= tail.size() && shown.compare(shown.size() - tail.size(), tail.size(), tail) == 0;
    };
    if (decimals <= 0) return shown;
    while (endsWith("0") || endsWith("\u06F0")) shown.resize(shown.size() - (shown.back() == '0' ? 1 : 2));
    if (endsWith(".")) shown.pop_back();
    if (endsWith("\u066B")) shown.resize(shown.size() - 2);
    return shown;
}
}  // namespace

std::optional<double> NumberField(const ScreenContext& ctx, const std::string& name, const std::string& id,
                                  double value, NumberRange range, float width, bool problemBelow) {
    std::map<std::string, std::string> noDrafts;
    std::map<std::string, std::string>& drafts = ctx.external ? ctx.external->numberDrafts : noDrafts;
    auto parsed = [&](const std::string& text) -> std::optional<double> {
        const std::optional<double> typed = text::parseTypedNumber(text);
        if (!typed || *typed < range.min || *typed > range.max) return std::nullopt;
        const double scale = std::pow(10.0, range.decimals);
        return std::clamp(std::round(*typed * scale) / scale, range.min, range.max);
    };
    const std::string inUse = fieldNumber(ctx, value, range.decimals);
    const auto draft = drafts.find(id);
    std::string problem;
    if (draft != drafts.end() && !parsed(draft->second)) {
        const std::string from = fieldNumber(ctx, range.min, range.decimals);
        const std::string to = fieldNumber(ctx, range.max, range.decimals);
        problem = draft->second.find_first_not_of(" ") == std::string::npos
                      ? format(ctx.tr("field.number_empty"), from, to, inUse)
                      : format(ctx.tr("field.number"), isolate(draft->second), from, to, inUse);
    }
    std::string edited;
    if (TextField(ctx, name, id, draft != drafts.end() ? draft->second : inUse, edited, width, problem,
                  range.decimals > 0 ? "decimal" : "numeric", problemBelow))
        drafts[id] = edited;
    // What is typed applies once the field is left (Enter, Tab, a click or a tap elsewhere):
    // typing over "2.5" passes through "2." and "2", which nobody meant. The field is being
    // edited while ImGui's field is active (the desktop) or the page's field has the focus (the
    // web; on the desktop the keyboard's place stays on a field that Enter has just left).
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    const ImGuiID field = ImGui::GetID(("##" + id).c_str());
    const bool editing =
        g.ActiveId == field || (ctx.external && ctx.external->focused == id && g.ActiveIdPreviousFrame != field);
    const auto typed = drafts.find(id);
    if (editing || typed == drafts.end()) return std::nullopt;
    const std::optional<double> number = parsed(typed->second);
    if (!number) return std::nullopt;  // kept, and said, until it is one
    drafts.erase(typed);
    if (*number == value) return std::nullopt;
    return number;
}

void FieldProblems(const ScreenContext& ctx, const std::string& idPrefix, float width) {
    if (!ctx.external) return;
    for (const auto& [id, text] : ctx.external->numberDrafts) {
        if (id.compare(0, idPrefix.size(), idPrefix) != 0) continue;
        const WidgetRegistry::Entry* field = ctx.widgets.drawn(id);
        if (field && !field->semantics.description.empty())
            FieldProblem(ctx, id, isolate(field->semantics.name) + ": " + field->semantics.description, width);
    }
}

void ForgetFieldDrafts(const ScreenContext& ctx, const std::string& idPrefix) {
    if (!ctx.external) return;
    auto& drafts = ctx.external->numberDrafts;
    for (auto it = drafts.lower_bound(idPrefix);
         it != drafts.end() && it->first.compare(0, idPrefix.size(), idPrefix) == 0;)
        it = drafts.erase(it);
}

void TextInBox(const ScreenContext& ctx, const std::string& logical, float width, bool alignEnd) {
    const float startX = ImGui::GetCursorPosX();
    const WrappedText& text = ctx.shaper.wrapped(logical, width, ctx.rtl());
    for (std::size_t k = 0; k < text.lines.size(); ++k) {
        ImGui::SetCursorPosX(alignEnd ? startX + std::max(0.0f, width - text.widths[k]) : startX);
        TextLine(text.lines[k], text.widths[k]);
    }
    if (text.lines.empty()) ImGui::NewLine();
}

void TextLine(const std::string& visual, float width) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (window->SkipItems) return;
    // ImGui::TextEx's own paths for a long text or a wrapping position, which measure anyway.
    if (visual.size() > 2000 || window->DC.TextWrapPos >= 0.0f) {
        ImGui::TextUnformatted(visual.c_str(), visual.c_str() + visual.size());
        return;
    }
    const ImVec2 pos(window->DC.CursorPos.x, window->DC.CursorPos.y + window->DC.CurrLineTextBaseOffset);
    const ImRect box(pos, ImVec2(pos.x + width, pos.y + ImGui::GetFontSize()));
    ImGui::ItemSize(box.GetSize(), 0.0f);
    if (!ImGui::ItemAdd(box, 0)) return;  // off the window's visible part: laid out, not drawn
    ImGui::RenderTextWrapped(box.Min, visual.c_str(), visual.c_str() + visual.size(), 0.0f);
}

namespace {
// Draws a paragraph; returns its rectangle.
std::pair<ImVec2, ImVec2> Paragraph(const ScreenContext& ctx, const std::string& logical, ImU32 color) {
    if (color) ImGui::PushStyleColor(ImGuiCol_Text, color);
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    TextInBox(ctx, logical, width, ctx.rtl());
    if (color) ImGui::PopStyleColor();
    const ImVec2 end = ImGui::GetCursorScreenPos();
    return {start, ImVec2(start.x + width, std::max(start.y + 1, end.y - ImGui::GetStyle().ItemSpacing.y))};
}
}  // namespace

void Text(const ScreenContext& ctx, const std::string& logical, ImU32 color) {
    const auto [a, b] = Paragraph(ctx, logical, color);
    if (ctx.table)
        ctx.table->cell(logical);  // a table's cell: the table tells it
    else
        ctx.markRect(nextTextId(ctx), a, b, {Role::Text, logical});
}

void TableCaption(const ScreenContext& ctx, const std::string& logical, ImU32 color) { Paragraph(ctx, logical, color); }

TableSemantics::TableSemantics(const ScreenContext& ctx, std::string id, std::string caption, bool rowHeaders)
    : ctx_(ctx), id_(std::move(id)), start_(ImGui::GetCursorScreenPos()) {
    semantics_.role = Role::Table;
    semantics_.name = std::move(caption);
    semantics_.headerRows = 1;
    semantics_.rowHeaders = rowHeaders;
}

TableSemantics::~TableSemantics() {
    if (collecting_) ctx_.table = outer_;
}

void TableSemantics::begin() {
    outer_ = ctx_.table;
    ctx_.table = this;
    collecting_ = true;
}

void TableSemantics::cell(const std::string& logical) {
    if (!collecting_) return;
    const int columns = ImGui::TableGetColumnCount(), column = ImGui::TableGetColumnIndex();
    if (columns <= 0 || column < 0) return;
    // A new ImGui row is a new row (a clipped table draws only the rows on screen).
    if (ImGui::TableGetRowIndex() != imguiRow_ || semantics_.rows.empty()) {
        imguiRow_ = ImGui::TableGetRowIndex();
        semantics_.rows.emplace_back(std::size_t(columns));
    }
    std::string& text = semantics_.rows.back()[std::size_t(ctx_.rtl() ? columns - 1 - column : column)];
    text += text.empty() ? logical : " " + logical;
}

void TableSemantics::end() {
    if (!collecting_) return;
    ctx_.table = outer_;
    collecting_ = false;
    // ImGui::EndTable left the table's outer rectangle as the last item.
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    ctx_.markRect(id_, ImVec2(std::min(a.x, start_.x), std::min(a.y, start_.y)), ImVec2(std::max(b.x, start_.x), b.y),
                  std::move(semantics_));
}

void TextCentered(const ScreenContext& ctx, const std::string& logical, ImU32 color) {
    const std::string& v = ctx.visual(logical);
    const float w = ImGui::CalcTextSize(v.c_str()).x;
    const float avail = ImGui::GetContentRegionAvail().x;
    if (w > avail) {  // too long to centre on one line (a phone): wrap it instead
        Text(ctx, logical, color);
        return;
    }
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, (avail - w) * 0.5f));
    if (color) ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::TextUnformatted(v.c_str());
    if (color) ImGui::PopStyleColor();
    if (ctx.table)
        ctx.table->cell(logical);
    else
        ctx.mark(nextTextId(ctx), {Role::Text, logical});
}

void Title(const ScreenContext& ctx, const std::string& logical) {
    if (ctx.titleFont) ImGui::PushFont(ctx.titleFont);
    const auto [a, b] = Paragraph(ctx, logical, IM_COL32(20, 50, 90, 255));
    if (ctx.titleFont) ImGui::PopFont();
    Semantics heading{Role::Heading, logical};
    heading.level = 2;
    ctx.markRect(nextTextId(ctx), a, b, heading);
}

bool Button(const ScreenContext& ctx, const std::string& logical, const std::string& id, ImVec2 size, Role role,
            bool selected) {
    Semantics semantics{role};
    semantics.selected = selected;
    return Button(ctx, logical, id, size, std::move(semantics));
}

bool Button(const ScreenContext& ctx, const std::string& logical, const std::string& id, ImVec2 size,
            Semantics semantics) {
    const std::string text = ctx.visual(logical) + "##" + id;
    const bool pressed = ImGui::Button(text.c_str(), size);
    semantics.name = logical;
    ctx.mark(id, semantics);
    return pressed || ctx.activated(id);
}

int ButtonRow(const ScreenContext& ctx, const std::vector<std::pair<std::string, std::string>>& labelAndId, int primary,
              ImU32 primaryColor, Role role, int focused) {
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    std::vector<float> widths;
    float total = 0;
    for (const auto& [label, id] : labelAndId) {
        widths.push_back(ImGui::CalcTextSize(ctx.visual(label).c_str()).x + 2 * ImGui::GetStyle().FramePadding.x + 8);
        total += widths.back() + (widths.size() > 1 ? spacing : 0);
    }
    const float avail = ImGui::GetContentRegionAvail().x;
    const float startX = ImGui::GetCursorPosX();
    const bool stacked = total > avail;
    int pressed = -1;
    float offset = 0;  // from the reading-direction start
    for (std::size_t k = 0; k < labelAndId.size(); ++k) {
        if (stacked) {
            AlignForWidth(ctx, widths[k]);
        } else {
            if (k > 0) ImGui::SameLine();
            ImGui::SetCursorPosX(ctx.rtl() ? startX + avail - offset - widths[k] : startX + offset);
            offset += widths[k] + spacing;
        }
        const bool colored = int(k) == primary && primaryColor != 0;
        if (colored) {
            ImGui::PushStyleColor(ImGuiCol_Button, primaryColor);
            ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 255, 255, 255));
        }
        Semantics semantics{role};
        semantics.autofocus = int(k) == focused;
        if (Button(ctx, labelAndId[k].first, labelAndId[k].second, ImVec2(widths[k], 0), std::move(semantics)))
            pressed = int(k);
        if (colored) ImGui::PopStyleColor(2);
    }
    return pressed;
}

void Tooltip(const ScreenContext& ctx, const std::string& logical, bool underItem) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    // The screen's width less the tooltip's padding and a margin each side; at most 32 em,
    // a line a reader follows on a wide screen.
    const float widest =
        std::min(display.x - 2 * (style.WindowPadding.x + style.DisplaySafeAreaPadding.x), 32 * ImGui::GetFontSize());
    const float wrapWidth = std::max(widest, 4 * ImGui::GetFontSize());
    const std::string& line = ctx.visual(logical);
    const float lineWidth = ImGui::CalcTextSize(line.c_str()).x;
    const bool oneLine = lineWidth <= widest;
    if (underItem) {
        // ImGui keeps a tooltip it is told where to put where it is told: kept on the screen here.
        const std::size_t lines = oneLine ? 1 : ctx.shaper.wrapped(logical, wrapWidth, ctx.rtl()).lines.size();
        const ImVec2 size((oneLine ? lineWidth : wrapWidth) + 2 * style.WindowPadding.x,
                          float(lines) * ImGui::GetTextLineHeightWithSpacing() + 2 * style.WindowPadding.y);
        const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
        const float margin = style.DisplaySafeAreaPadding.x, gap = style.ItemSpacing.y;
        const float x = std::clamp((a.x + b.x - size.x) / 2, margin, std::max(margin, display.x - size.x - margin));
        const float y = b.y + gap + size.y <= display.y || a.y - gap - size.y < 0 ? b.y + gap : a.y - gap - size.y;
        ImGui::SetNextWindowPos(ImVec2(x, y));
    }
    ImGui::BeginTooltip();
    if (oneLine)
        ImGui::TextUnformatted(line.c_str());
    else
        TextInBox(ctx, logical, wrapWidth, ctx.rtl());
    ctx.markTooltip();
    ImGui::EndTooltip();
}

void HoverTooltip(const ScreenContext& ctx, const std::string& logical) {
    if (ctx.wantsTooltip()) Tooltip(ctx, logical);
}

ElidedText Elided(const ScreenContext& ctx, const std::string& logical, float width) {
    const std::string& whole = ctx.visual(logical);
    const float wholeWidth = ImGui::CalcTextSize(whole.c_str()).x;
    if (wholeWidth <= width) return {whole, wholeWidth, false};
    const std::string ellipsis = "\xE2\x80\xA6";
    const float wEllipsis = ImGui::CalcTextSize(ellipsis.c_str()).x;
    const WrappedText& text = ctx.shaper.wrapped(logical, std::max(1.0f, width - wEllipsis), ctx.rtl());
    if (text.lines.empty()) return {ellipsis, wEllipsis, true};
    const std::string cut = ctx.rtl() ? ellipsis + text.lines.front() : text.lines.front() + ellipsis;
    return {cut, ImGui::CalcTextSize(cut.c_str()).x, true};
}

int ConfirmPopup(const ScreenContext& ctx, const char* popup, const std::string& idPrefix, const std::string& title,
                 const std::string& body, const std::string& yes, bool destructive) {
    if (!ImGui::IsPopupOpen(popup)) ImGui::OpenPopup(popup);
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    // Width fixed, height fitted when it appears (fitting every frame would block its input).
    ImGui::SetNextWindowSize(ImVec2(std::min(520.0f, display.x - 32), 0), ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal(popup, nullptr,
                                ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                                    ImGuiWindowFlags_NoSavedSettings))
        return -1;
    Title(ctx, title);
    Text(ctx, body);
    ImGui::Spacing();
    const std::string no = idPrefix + "confirm-no";
    // The safe answer comes first in reading order; the colours tell them apart.
    const int pressed = ButtonRow(ctx, {{ctx.tr("confirm.cancel"), no}, {yes, idPrefix + "confirm-yes"}}, 1,
                                  destructive ? IM_COL32(190, 60, 50, 255) : IM_COL32(36, 99, 170, 255), Role::Button,
                                  0);  // the keyboard lands on the safe answer
    // Escape is the safe answer (the keyboard's way out of any popup).
    const bool escape = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
    const int answer = pressed == 1 ? 1 : pressed == 0 || escape ? 0 : -1;
    if (answer >= 0) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return answer;
}

void AlignForWidth(const ScreenContext& ctx, float width) {
    if (!ctx.rtl()) return;
    const float avail = ImGui::GetContentRegionAvail().x;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, avail - width));
}

void DrawLines(const ScreenContext& ctx, const WrappedText& text, ImVec2 topLeft, float width, float pitch,
               ImU32 color) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    for (std::size_t k = 0; k < text.lines.size(); ++k) {
        const float x = ctx.rtl() ? topLeft.x + width - text.widths[k] : topLeft.x;
        const std::string& line = text.lines[k];
        draw->AddText(ImVec2(x, topLeft.y + pitch * float(k)), color, line.c_str(), line.c_str() + line.size());
    }
}

void Bar(const ScreenContext& ctx, float fraction, const std::string& text, ImU32 color, float width) {
    // The bar is as tall as its text's lines: on a phone a long Persian indicator name pushed its
    // weight out of sight.
    const float pitch = ImGui::GetTextLineHeight() + 2;
    const WrappedText& wrapped = ctx.shaper.wrapped(text, std::max(1.0f, width - 8), ctx.rtl());
    const float height = LinesHeight(wrapped.lines.size(), pitch) + 4;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    fraction = std::clamp(fraction, 0.0f, 1.0f);
    draw->AddRectFilled(p, ImVec2(p.x + width, p.y + height), IM_COL32(225, 229, 235, 255), 3);
    const float filled = width * fraction;
    if (ctx.rtl())  // bars grow from the right in Persian
        draw->AddRectFilled(ImVec2(p.x + width - filled, p.y), ImVec2(p.x + width, p.y + height), color, 3);
    else
        draw->AddRectFilled(p, ImVec2(p.x + filled, p.y + height), color, 3);
    DrawLines(ctx, wrapped, ImVec2(p.x + 4, p.y + 2), width - 8, pitch, IM_COL32(20, 20, 30, 255));
    ImGui::Dummy(ImVec2(width, height));
}

ImU32 verdictColor(double cr, double threshold) {
    if (cr <= threshold) return IM_COL32(46, 140, 70, 255);       // green: acceptable
    if (cr <= threshold * 2) return IM_COL32(214, 140, 20, 255);  // amber: revise if you can
    return IM_COL32(200, 50, 50, 255);                            // red: revise
}

}  // namespace ui
