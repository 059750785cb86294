#include "ui/widgets.hpp"

#include "text/bidi.hpp"

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
        it = cache_.emplace(logical, ahp::text::toVisual(logical)).first;
    }
    return it->second;
}

const std::vector<std::string>& ShapedTextCache::wrapped(const std::string& logical, float width, bool rtl) {
    // Font size and width are part of the key: the same text wraps differently elsewhere.
    const std::string key = std::to_string(int(width)) + (rtl ? "r" : "l") +
                            std::to_string(int(ImGui::GetFontSize() * 10)) + "|" + logical;
    auto it = wrapped_.find(key);
    if (it == wrapped_.end()) {
        auto lines = ahp::text::wrapVisual(
            logical, width,
            [](std::string_view visual) {
                return ImGui::CalcTextSize(visual.data(), visual.data() + visual.size()).x;
            },
            rtl ? ahp::text::Direction::RightToLeft : ahp::text::Direction::LeftToRight);
        it = wrapped_.emplace(key, std::move(lines)).first;
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

void ScreenContext::markTooltip() const { widgets["tooltip"] = {0, 0, 0, 0, 0, 0, 0, 0}; }

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
    return rtl() && state.persianDigits ? ahp::text::toPersianDigits(buffer) : std::string(buffer);
}

std::string ScreenContext::integer(long value) const {
    const std::string text = std::to_string(value);
    return rtl() && state.persianDigits ? ahp::text::toPersianDigits(text) : text;
}

void ScreenContext::mark(const std::string& id) const {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 c0 = draw->GetClipRectMin(), c1 = draw->GetClipRectMax();
    widgets[id] = {a.x, a.y, b.x, b.y, c0.x, c0.y, c1.x, c1.y};
}

void TextInBox(const ScreenContext& ctx, const std::string& logical, float width, bool alignEnd) {
    const float startX = ImGui::GetCursorPosX();
    const std::vector<std::string>& lines = ctx.shaper.wrapped(logical, width, ctx.rtl());
    for (const std::string& line : lines) {
        if (alignEnd) {
            const float w = ImGui::CalcTextSize(line.c_str()).x;
            ImGui::SetCursorPosX(startX + std::max(0.0f, width - w));
        } else {
            ImGui::SetCursorPosX(startX);
        }
        ImGui::TextUnformatted(line.c_str());
    }
    if (lines.empty()) ImGui::NewLine();
}

void Text(const ScreenContext& ctx, const std::string& logical, ImU32 color) {
    if (color) ImGui::PushStyleColor(ImGuiCol_Text, color);
    TextInBox(ctx, logical, ImGui::GetContentRegionAvail().x, ctx.rtl());
    if (color) ImGui::PopStyleColor();
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
}

void Title(const ScreenContext& ctx, const std::string& logical) {
    if (ctx.titleFont) ImGui::PushFont(ctx.titleFont);
    Text(ctx, logical, IM_COL32(20, 50, 90, 255));
    if (ctx.titleFont) ImGui::PopFont();
}

bool Button(const ScreenContext& ctx, const std::string& logical, const std::string& id, ImVec2 size) {
    const std::string text = ctx.visual(logical) + "##" + id;
    const bool pressed = ImGui::Button(text.c_str(), size);
    ctx.mark(id);
    return pressed;
}

int ButtonRow(const ScreenContext& ctx, const std::vector<std::pair<std::string, std::string>>& labelAndId,
              int primary, ImU32 primaryColor) {
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
        if (Button(ctx, labelAndId[k].first, labelAndId[k].second, ImVec2(widths[k], 0))) pressed = int(k);
        if (colored) ImGui::PopStyleColor(2);
    }
    return pressed;
}

void HoverTooltip(const ScreenContext& ctx, const std::string& logical) {
    if (!ctx.wantsTooltip()) return;
    ImGui::SetTooltip("%s", ctx.visual(logical).c_str());
    ctx.markTooltip();
}

void AlignForWidth(const ScreenContext& ctx, float width) {
    if (!ctx.rtl()) return;
    const float avail = ImGui::GetContentRegionAvail().x;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, avail - width));
}

void Bar(const ScreenContext& ctx, float fraction, const std::string& text, ImU32 color, float width) {
    const float height = ImGui::GetTextLineHeight() + 4;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    fraction = std::clamp(fraction, 0.0f, 1.0f);
    draw->AddRectFilled(p, ImVec2(p.x + width, p.y + height), IM_COL32(225, 229, 235, 255), 3);
    const float filled = width * fraction;
    if (ctx.rtl())  // bars grow from the right in Persian
        draw->AddRectFilled(ImVec2(p.x + width - filled, p.y), ImVec2(p.x + width, p.y + height), color, 3);
    else
        draw->AddRectFilled(p, ImVec2(p.x + filled, p.y + height), color, 3);
    const std::string& v = ctx.visual(text);
    const float tw = ImGui::CalcTextSize(v.c_str()).x;
    const float tx = ctx.rtl() ? p.x + width - tw - 4 : p.x + 4;
    draw->AddText(ImVec2(tx, p.y + 2), IM_COL32(20, 20, 30, 255), v.c_str());
    ImGui::Dummy(ImVec2(width, height));
}

ImU32 verdictColor(double cr, double threshold) {
    if (cr <= threshold) return IM_COL32(46, 140, 70, 255);        // green: acceptable
    if (cr <= threshold * 2) return IM_COL32(214, 140, 20, 255);   // amber: revise if you can
    return IM_COL32(200, 50, 50, 255);                             // red: revise
}

}  // namespace ui
