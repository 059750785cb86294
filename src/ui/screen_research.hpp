// Shared by the researcher screen's files (screen_research.cpp: files, experts, reports;
// screen_research_views.cpp: group tables, sensitivity, uncertainty).
#pragma once

#include "ui/screens.hpp"

#include <optional>
#include <string>
#include <vector>

namespace ui {

void drawResearchGroup(const ScreenContext& ctx, Intents& out);
void drawResearchSensitivity(const ScreenContext& ctx, Intents& out);
void drawResearchUncertainty(const ScreenContext& ctx, Intents& out);

// Table column of logical column k of n: mirrored in Persian.
inline int Column(const ScreenContext& ctx, int k, int n) { return ctx.rtl() ? n - 1 - k : k; }
// Columns in logical order: width > 0 fixed pixels (at least its heading's width), width < 0 a
// stretch weight of -width.
void SetupColumns(const ScreenContext& ctx, const std::vector<float>& widths, const std::vector<std::string>& headings);
void HeaderRow(const ScreenContext& ctx, const std::vector<std::string>& labels);
// Cell text aligned to the reading start, cut with an ellipsis when longer than its column
// (Elided): true when it was. NumberCell for digits (no shaping needed).
bool Cell(const ScreenContext& ctx, const std::string& logical, ImU32 color = 0);
void NumberCell(const ScreenContext& ctx, const std::string& digits, ImU32 color = 0);
// A checkbox's box, its label drawn by the caller; named `label` in the page's mirror, which
// toggles it too (Space, a click, a screen reader). Returns the new value when toggled.
std::optional<bool> CheckboxBox(const ScreenContext& ctx, const std::string& label, const std::string& id, bool value);
// The engine's consensus level ("very high") in the reader's language.
std::string levelWord(const ScreenContext& ctx, const std::string& level);

}  // namespace ui
