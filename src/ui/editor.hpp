// The model editor's logic: a model document ("ahp-model" v1, docs/formats.md) being edited —
// add, rename, describe, move and delete nodes, the title and the settings — with validation
// after every change (a list of problems, errors and remarks) and serialisation to a model
// JSON that model::parseModel accepts. An unchanged document serialises to the same canonical
// text, so it keeps the original's hash.
// No drawing here (screen_editor.cpp draws), no platform: downloads, the file picker, share
// links and switching the questionnaire are returned as effects (ui/effects.hpp).
#pragma once

#include "model/model.hpp"
#include "ui/effects.hpp"

#include <nlohmann/json.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace ui {

// One node of the tree. Nodes are known by `uid` while editing: ids change as the user types
// and may collide for a while (a problem is listed), so parents are uids, not ids.
struct EditorNode {
    int uid = 0;
    int parent = -1;  // uid of the parent; -1 for the goal
    std::string id;
    // Every other member of the node as read ("labels", "description", "note",
    // "reported_local_weight"), kept as is unless edited.
    nlohmann::json fields = nlohmann::json::object();
};

struct ModelDocument {
    nlohmann::json top = nlohmann::json::object();  // every member but "nodes"
    std::vector<EditorNode> nodes;                  // file order; siblings keep this order
    int nextUid = 1;
};

// --- The document ------------------------------------------------------------------------------

// Reads a model text; throws model::ModelError (from model::parseModel, naming `sourceName`)
// when the model is not valid: the editor opens valid models only.
ModelDocument documentFromText(const std::string& json, const std::string& sourceName = "model");
nlohmann::json documentJson(const ModelDocument& doc);
// The model file: indented JSON (2 spaces), UTF-8.
std::string documentText(const ModelDocument& doc);
// FNV-1a of the canonical text, the same as model::Model::hash once parsed.
std::string documentHash(const ModelDocument& doc);

std::vector<std::string> documentLanguages(const ModelDocument& doc);
std::string documentString(const ModelDocument& doc, const std::string& member, const std::string& language);
std::string settingString(const ModelDocument& doc, const std::string& name, const std::string& fallback);
double crThreshold(const ModelDocument& doc);

// --- Looking at the tree -----------------------------------------------------------------------

int findNode(const ModelDocument& doc, int uid);  // index into nodes, -1 if none
const EditorNode* node(const ModelDocument& doc, int uid);
int rootUid(const ModelDocument& doc);                                 // -1 if none
std::vector<int> childrenOf(const ModelDocument& doc, int uid);        // uids in child order
bool isInSubtree(const ModelDocument& doc, int uid, int subtreeRoot);  // uid == root counts
int subtreeSize(const ModelDocument& doc, int uid);                    // the node included
// Pre-order from the goal: (uid, depth).
std::vector<std::pair<int, int>> treeRows(const ModelDocument& doc);
// Where `uid` may move: every node outside its own subtree (pre-order), the current parent
// included. Empty for the goal.
std::vector<int> validParents(const ModelDocument& doc, int uid);
std::string nodeText(const EditorNode& n, const std::string& member, const std::string& language);
// The node's label in `language`, else in the model's first language, else its id.
std::string nodeName(const ModelDocument& doc, int uid, const std::string& language);

// --- Editing (each returns whether anything changed, or the new node's uid / -1) ---------------

// "N1", "N2"...: the first `prefix`<k> no node uses.
std::string uniqueId(const ModelDocument& doc, const std::string& prefix = "N");
// A new last child of `parent`, with `labels` (language -> text) and a fresh id.
int addChild(ModelDocument& doc, int parent, const model::LocalizedText& labels);
// A new node right after `uid` among its siblings (-1 for the goal: it has none).
int addSibling(ModelDocument& doc, int uid, const model::LocalizedText& labels);
bool moveUp(ModelDocument& doc, int uid);
bool moveDown(ModelDocument& doc, int uid);
// Makes `uid` the last child of `newParent`. Refused (false) for the goal, an unknown node, or
// a new parent inside the node's own subtree.
bool reparent(ModelDocument& doc, int uid, int newParent);
// Deletes the node and everything under it; returns how many nodes went (0: refused, the goal).
int removeSubtree(ModelDocument& doc, int uid);
bool setId(ModelDocument& doc, int uid, const std::string& id);
bool setLabel(ModelDocument& doc, int uid, const std::string& language, const std::string& text);
// An empty text removes that language's description (and the member when none is left).
bool setDescription(ModelDocument& doc, int uid, const std::string& language, const std::string& text);
bool setModelId(ModelDocument& doc, const std::string& id);
bool setTitle(ModelDocument& doc, const std::string& language, const std::string& text);
bool setSetting(ModelDocument& doc, const std::string& name, const nlohmann::json& value);

// --- Validation --------------------------------------------------------------------------------

struct EditorProblem {
    enum class Severity { Error, Info };
    Severity severity = Severity::Error;
    std::string key;       // strings key: "editor.problem.<what>"; {0} the node, {1} `argument`
    int uid = -1;          // the node concerned (-1: the model)
    std::string argument;  // a language code, an id, a count...
    std::string detail;    // "editor.problem.parser": the parser's own message (English)
};
// Everything wrong or worth knowing, model first, then nodes in tree order. Errors keep the
// model from being used or shared; remarks (Info) do not.
std::vector<EditorProblem> validate(const ModelDocument& doc);
bool hasErrors(const std::vector<EditorProblem>& problems);

// --- The editor's state and actions ------------------------------------------------------------

struct EditorState {
    bool loaded = false;
    ModelDocument doc;
    std::string sourceName;  // where the document came from (a file name, "model")
    int selected = -1;       // uid
    bool dirty = false;      // changed since opened, loaded or downloaded

    // Derived after every change (editorRefresh).
    std::vector<EditorProblem> problems;
    std::string hash;
    bool valid = false;           // no errors: can be used, downloaded as valid, shared
    int sets = 0, judgments = 0;  // comparison sets and judgments it asks

    enum class Confirm { None, Delete, UseModel, Replace };
    Confirm confirm = Confirm::None;
    int confirmUid = -1;                   // Delete: the node
    std::optional<ModelDocument> pending;  // Replace: the document that would replace this one
    std::string pendingSource;

    std::string shareLink;         // for the current hash
    bool shareLinkCopied = false;  // the page also put it on the clipboard
    std::string shareLinkFile;     // natively: where the model file was written instead
    bool shareLinkPending = false;
    // The answer to the share link being made (effects.hpp: ShareLinkReply); editorPoll moves
    // it into the fields above.
    std::shared_ptr<ShareLinkReply> shareReply;

    struct Status {
        std::string key, argument;
    };
    Status status;          // strings key + its {0}
    std::string loadError;  // a model file that could not be opened (parser's words)
};

namespace editor_action {
struct Select {
    int uid;
};
struct AddChild {
    int uid;
    model::LocalizedText labels;
};  // labels of the new node
struct AddSibling {
    int uid;
    model::LocalizedText labels;
};
struct MoveUp {
    int uid;
};
struct MoveDown {
    int uid;
};
struct Reparent {
    int uid, parent;
};
struct Delete {
    int uid;
};  // asks first when the node has children
struct SetId {
    int uid;
    std::string id;
};
struct SetLabel {
    int uid;
    std::string language, text;
};
struct SetDescription {
    int uid;
    std::string language, text;
};
struct SetModelId {
    std::string id;
};
struct SetTitle {
    std::string language, text;
};
struct SetSetting {
    std::string name;
    nlohmann::json value;
};  // method, ri, cr_threshold
struct Answer {
    bool yes;
};  // to EditorState::confirm
struct Download {};
struct DownloadSurveyPage {};  // the page with this model inside, for the experts
struct PickFile {};
struct LoadFiles {
    std::vector<std::pair<std::string, std::string>> files;  // name, bytes
    std::vector<std::string> refused;                        // files not read (too large): their messages
};
struct UseForQuestionnaire {};
struct ShareLink {};
struct Revert {};  // start again from the questionnaire's model
struct DismissLoadError {};
}  // namespace editor_action
using EditorAction =
    std::variant<editor_action::Select, editor_action::AddChild, editor_action::AddSibling, editor_action::MoveUp,
                 editor_action::MoveDown, editor_action::Reparent, editor_action::Delete, editor_action::SetId,
                 editor_action::SetLabel, editor_action::SetDescription, editor_action::SetModelId,
                 editor_action::SetTitle, editor_action::SetSetting, editor_action::Answer, editor_action::Download,
                 editor_action::DownloadSurveyPage, editor_action::PickFile, editor_action::LoadFiles,
                 editor_action::UseForQuestionnaire, editor_action::ShareLink, editor_action::Revert,
                 editor_action::DismissLoadError>;

// What the editor reads of the questionnaire and the platform.
struct EditorContext {
    int answered = 0;                 // judgments the expert gave in the questionnaire now
    std::string questionnaireHash;    // the questionnaire's model
    std::string questionnaireText;    // ...its text (Revert)
    std::string questionnaireSource;  // ...and where it came from
    bool canShareLink = false;        // the platform makes share links (else: the model file)
};

// Opens `modelText` (the questionnaire's model) in the editor, the goal selected.
void editorOpen(EditorState& e, const std::string& modelText, const std::string& sourceName);
// Problems, hash and counts of the current document.
void editorRefresh(EditorState& e);
// Applies an action; what needs the platform is returned (downloads, the picker, a share link,
// the questionnaire taking the model): the outcomes come back through reportOutcome
// (ui/reducer.hpp), a share link through EditorState::shareReply.
Effects editorApply(EditorState& e, const EditorAction& action, const EditorContext& context);
// Takes in a share link that has arrived since (effect::ShareLink is answered later); the App
// calls it every frame.
void editorPoll(EditorState& e);

// The editor for tests: nodes, problems, hash, selection, share link.
nlohmann::json editorJson(const EditorState& e);

}  // namespace ui
