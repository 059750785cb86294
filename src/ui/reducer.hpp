// Applying an intent: (state, intent) -> (state, effects). The state is changed in place and
// everything that needs the platform (saving, offering files, opening pages, share links...)
// is returned as data (effects.hpp) for the App to carry out; nothing here draws (this is the
// ui_core library, built without ImGui) or calls the platform. "The session changed" is an
// effect too (effect::SessionChanged), produced only where what the saved session holds
// changed: the answers, the expert, where they are (screen, set) and how they read (language,
// digits). The researcher's desk, the editor, dialogs and notices never produce it.
#pragma once

#include "ui/effects.hpp"
#include "ui/state.hpp"
#include "ui/strings.hpp"

#include <cstdint>
#include <string>

namespace ui {

// What applying an intent reads from outside the state.
struct ReduceContext {
    std::int64_t clockMs = 0;          // now, ms since 1970 (the change times of judgments)
    std::string now;                   // now, ISO-8601 UTC (files' saved_at)
    const Strings* strings = nullptr;  // the interface's strings (the mail's subject and body)
};

Effects reduce(AppState& state, const Intent& intent, const ReduceContext& context);

// The platform's answer to an effect the App carried out: status lines, the editor's "dirty"...
// Effects without an answer (SessionChanged, PickFiles...) change nothing here.
void reportOutcome(AppState& state, const Effect& effect, const Outcome& outcome);

// The response file waiting in state.pendingImport replaces the answers.
Effects acceptImport(AppState& state);

// A change time (ms since 1970) strictly after the last one given, so the order of changes in
// one tab survives a coarse clock.
std::int64_t nextChangeTime(AppState& state, std::int64_t clockMs);

// What the screens show of one comparison set (node index `parent`), from its answers.
SetView setView(const AppState& state, int parent);
// Everything the screens show that derives from the answers; `changedSet` >= 0 when only that
// set's answers changed (a click): the other sets' views stay as they are.
void recompute(AppState& state, int changedSet = -1);

}  // namespace ui
