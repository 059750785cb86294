// The questionnaire's screens. Each draws from the state and pushes intents; none computes.
#pragma once

#include "ui/widgets.hpp"

namespace ui {

void drawTopBar(const ScreenContext& ctx, Intents& out);
void drawWelcome(const ScreenContext& ctx, Intents& out);
void drawCompare(const ScreenContext& ctx, Intents& out);
void drawResults(const ScreenContext& ctx, Intents& out);
void drawResearch(const ScreenContext& ctx, Intents& out);  // screen_research*.cpp
void drawEditor(const ScreenContext& ctx, Intents& out);    // screen_editor.cpp

// Saving and loading answers (screen_files.cpp): the status line and the bad-file list under
// the top bar, the shared link's error page, the confirmation popup, and the file buttons.
void drawNotices(const ScreenContext& ctx, Intents& out);
void drawLinkError(const ScreenContext& ctx, Intents& out);
void drawConfirm(const ScreenContext& ctx, Intents& out);
void drawFileButtons(const ScreenContext& ctx, Intents& out, bool withStartOver, bool withCsv);
// A file that could not be used: "• NAME: <the problem in the interface's language>" (strings
// "problem.<code>" with the error's arguments), then the technical detail (the model layer's
// English message, left to right) under it.
void drawFileProblem(const ScreenContext& ctx, const std::string& file, const std::string& code,
                     const std::vector<std::string>& args, const std::string& detail);

// The 17-position verbal scale: position 0..16 <-> a_ij in {9..2, 1, 1/2..1/9}.
int scalePositionOf(double value);  // nearest position; 8 (equal) for 1
double scaleValueAt(int position);

}  // namespace ui
