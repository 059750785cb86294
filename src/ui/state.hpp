// Everything the screens draw from, and everything they can ask for. Screens read AppState and
// push Intents; the App applies intents and recomputes what derives from the answers.
#pragma once

#include <ahp/ahp.hpp>
#include "model/model.hpp"

#include <map>
#include <string>
#include <variant>
#include <vector>

namespace ui {

enum class Screen { Welcome, Compare, Results };

// What the questionnaire shows about one comparison set, derived from the answers.
struct SetView {
    std::string parentId;
    int parent = 0;                 // node index
    std::vector<int> items;         // child node indices
    int answered = 0, total = 0;
    bool solvable = false;          // enough judgments to compute weights
    Eigen::VectorXd weights;        // when solvable
    ahp::ConsistencyReport consistency;
    std::vector<ahp::JudgmentAdvice> advice;  // worst first, when solvable and n >= 3
};

struct AppState {
    Screen screen = Screen::Welcome;
    std::string language = "fa";
    bool persianDigits = true;
    std::string expertName, expertRole;

    model::Model model;                 // the questionnaire: hierarchy, labels, settings
    ahp::HierarchyJudgments judgments;  // parent id -> matrix over its children
    int currentSet = 0;                 // index into sets

    // Derived from the answers by App::recompute().
    std::vector<SetView> sets;
    ahp::HierarchyResult result;
    int answered = 0, total = 0;
    std::string error;                  // shown in a banner, e.g. a model that failed to load
};

// --- Intents: what a screen asks the App to do --------------------------------------------------
namespace intent {
struct SetLanguage { std::string language; };
struct TogglePersianDigits {};
struct SetExpert { std::string name, role; };
struct GoTo { Screen screen; };
struct GoToSet { int set; };
struct SetJudgment { int set; int i, j; double value; };  // value = a_ij, i < j
struct ClearJudgment { int set; int i, j; };
}  // namespace intent

using Intent = std::variant<intent::SetLanguage, intent::TogglePersianDigits, intent::SetExpert,
                            intent::GoTo, intent::GoToSet, intent::SetJudgment,
                            intent::ClearJudgment>;
using Intents = std::vector<Intent>;

}  // namespace ui
