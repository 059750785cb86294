#include "ui/editor.hpp"

#include "model/survey_page.hpp"

#include "model/hash.hpp"
#include "model/json_text.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>

namespace ui {

using nlohmann::json;

// --- The document ------------------------------------------------------------------------------

ModelDocument documentFromText(const std::string& text, const std::string& sourceName) {
    model::parseModel(text, sourceName);  // throws with the field named
    json document = model::parseJsonText(text, sourceName);
    ModelDocument doc;
    std::map<std::string, int> uidById;
    for (const json& n : document.at("nodes")) {
        EditorNode node;
        node.uid = doc.nextUid++;
        node.id = n.at("id").get<std::string>();
        uidById[node.id] = node.uid;
        for (auto it = n.begin(); it != n.end(); ++it)
            if (it.key() != "id" && it.key() != "parent") node.fields[it.key()] = *it;
        doc.nodes.push_back(std::move(node));
    }
    std::size_t k = 0;
    for (const json& n : document.at("nodes")) {
        const json& parent = n.at("parent");
        doc.nodes[k++].parent = parent.is_null() ? -1 : uidById.at(parent.get<std::string>());
    }
    document.erase("nodes");
    doc.top = std::move(document);
    return doc;
}

json documentJson(const ModelDocument& doc) {
    json document = doc.top;
    json nodes = json::array();
    for (const EditorNode& n : doc.nodes) {
        json o = n.fields;
        o["id"] = n.id;
        const EditorNode* parent = node(doc, n.parent);
        o["parent"] = parent ? json(parent->id) : json();
        nodes.push_back(std::move(o));
    }
    document["nodes"] = std::move(nodes);
    return document;
}

std::string documentText(const ModelDocument& doc) {
    return documentJson(doc).dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

std::string documentHash(const ModelDocument& doc) {
    return model::fnv1a64Hex(model::canonicalModelText(documentJson(doc)));
}

std::vector<std::string> documentLanguages(const ModelDocument& doc) {
    std::vector<std::string> languages;
    const auto it = doc.top.find("languages");
    if (it != doc.top.end() && it->is_array())
        for (const json& code : *it)
            if (code.is_string()) languages.push_back(code.get<std::string>());
    return languages;
}

std::string documentString(const ModelDocument& doc, const std::string& member, const std::string& language) {
    const auto it = doc.top.find(member);
    if (it == doc.top.end() || !it->is_object()) return "";
    const auto text = it->find(language);
    return text != it->end() && text->is_string() ? text->get<std::string>() : "";
}

std::string settingString(const ModelDocument& doc, const std::string& name, const std::string& fallback) {
    const auto settings = doc.top.find("settings");
    if (settings == doc.top.end() || !settings->is_object()) return fallback;
    const auto it = settings->find(name);
    return it != settings->end() && it->is_string() ? it->get<std::string>() : fallback;
}

double crThreshold(const ModelDocument& doc) {
    const auto settings = doc.top.find("settings");
    if (settings == doc.top.end() || !settings->is_object()) return 0.1;
    const auto it = settings->find("cr_threshold");
    return it != settings->end() && it->is_number() ? it->get<double>() : 0.1;
}

// --- Looking at the tree -----------------------------------------------------------------------

int findNode(const ModelDocument& doc, int uid) {
    for (std::size_t k = 0; k < doc.nodes.size(); ++k)
        if (doc.nodes[k].uid == uid) return int(k);
    return -1;
}

const EditorNode* node(const ModelDocument& doc, int uid) {
    const int k = findNode(doc, uid);
    return k < 0 ? nullptr : &doc.nodes[std::size_t(k)];
}

int rootUid(const ModelDocument& doc) {
    for (const EditorNode& n : doc.nodes)
        if (n.parent < 0) return n.uid;
    return -1;
}

std::vector<int> childrenOf(const ModelDocument& doc, int uid) {
    std::vector<int> children;
    for (const EditorNode& n : doc.nodes)
        if (n.parent == uid && uid >= 0) children.push_back(n.uid);
    return children;
}

bool isInSubtree(const ModelDocument& doc, int uid, int subtreeRoot) {
    // Walk up from uid; the step limit guards against a cycle (never made by the operations).
    for (std::size_t steps = 0; uid >= 0 && steps <= doc.nodes.size(); ++steps) {
        if (uid == subtreeRoot) return true;
        const EditorNode* n = node(doc, uid);
        if (!n) return false;
        uid = n->parent;
    }
    return false;
}

int subtreeSize(const ModelDocument& doc, int uid) {
    if (!node(doc, uid)) return 0;
    int count = 0;
    for (const EditorNode& n : doc.nodes) count += isInSubtree(doc, n.uid, uid);
    return count;
}

std::vector<std::pair<int, int>> treeRows(const ModelDocument& doc) {
    std::vector<std::pair<int, int>> rows;
    std::set<int> seen;
    std::vector<std::pair<int, int>> stack;
    if (rootUid(doc) >= 0) stack.push_back({rootUid(doc), 0});
    while (!stack.empty()) {
        const auto [uid, depth] = stack.back();
        stack.pop_back();
        if (!seen.insert(uid).second) continue;
        rows.push_back({uid, depth});
        const std::vector<int> children = childrenOf(doc, uid);
        for (auto it = children.rbegin(); it != children.rend(); ++it) stack.push_back({*it, depth + 1});
    }
    return rows;
}

std::vector<int> validParents(const ModelDocument& doc, int uid) {
    std::vector<int> parents;
    const EditorNode* n = node(doc, uid);
    if (!n || n->parent < 0) return parents;
    for (const auto& [candidate, depth] : treeRows(doc))
        if (!isInSubtree(doc, candidate, uid)) parents.push_back(candidate);
    return parents;
}

std::string nodeText(const EditorNode& n, const std::string& member, const std::string& language) {
    const auto it = n.fields.find(member);
    if (it == n.fields.end() || !it->is_object()) return "";
    const auto text = it->find(language);
    return text != it->end() && text->is_string() ? text->get<std::string>() : "";
}

std::string nodeName(const ModelDocument& doc, int uid, const std::string& language) {
    const EditorNode* n = node(doc, uid);
    if (!n) return "";
    std::string text = nodeText(*n, "labels", language);
    const std::vector<std::string> languages = documentLanguages(doc);
    if (text.empty() && !languages.empty()) text = nodeText(*n, "labels", languages.front());
    if (text.empty()) text = n->id;
    return text;
}

// --- Editing -----------------------------------------------------------------------------------

std::string uniqueId(const ModelDocument& doc, const std::string& prefix) {
    std::set<std::string> used;
    for (const EditorNode& n : doc.nodes) used.insert(n.id);
    for (int k = 1;; ++k) {
        std::string id = prefix + std::to_string(k);
        if (!used.count(id)) return id;
    }
}

namespace {
EditorNode newNode(ModelDocument& doc, int parent, const model::LocalizedText& labels) {
    EditorNode n;
    n.uid = doc.nextUid++;
    n.parent = parent;
    n.id = uniqueId(doc);
    json l = json::object();
    for (const std::string& language : documentLanguages(doc)) {
        const auto it = labels.find(language);
        l[language] = it != labels.end() ? it->second : std::string();
    }
    n.fields["labels"] = std::move(l);
    return n;
}

// The sibling entry before (step -1) or after (+1) node k in file order, or -1.
int siblingIndex(const ModelDocument& doc, int k, int step) {
    for (int at = k + step; at >= 0 && at < int(doc.nodes.size()); at += step)
        if (doc.nodes[std::size_t(at)].parent == doc.nodes[std::size_t(k)].parent) return at;
    return -1;
}

EditorNode* mutableNode(ModelDocument& doc, int uid) {
    const int k = findNode(doc, uid);
    return k < 0 ? nullptr : &doc.nodes[std::size_t(k)];
}

bool setText(json& object, const std::string& member, const std::string& language, const std::string& text,
             bool eraseEmpty) {
    if (!object.contains(member) || !object[member].is_object()) {
        if (eraseEmpty && text.empty()) return false;
        object[member] = json::object();
    }
    json& texts = object[member];
    const auto it = texts.find(language);
    if (eraseEmpty && text.empty()) {
        if (it == texts.end()) return false;
        texts.erase(it);
        if (texts.empty()) object.erase(member);
        return true;
    }
    if (it != texts.end() && it->is_string() && it->get<std::string>() == text) return false;
    texts[language] = text;
    return true;
}
}  // namespace

int addChild(ModelDocument& doc, int parent, const model::LocalizedText& labels) {
    if (!node(doc, parent)) return -1;
    doc.nodes.push_back(newNode(doc, parent, labels));
    return doc.nodes.back().uid;
}

int addSibling(ModelDocument& doc, int uid, const model::LocalizedText& labels) {
    const int k = findNode(doc, uid);
    if (k < 0 || doc.nodes[std::size_t(k)].parent < 0) return -1;
    EditorNode n = newNode(doc, doc.nodes[std::size_t(k)].parent, labels);
    const int created = n.uid;
    doc.nodes.insert(doc.nodes.begin() + k + 1, std::move(n));
    return created;
}

bool moveUp(ModelDocument& doc, int uid) {
    const int k = findNode(doc, uid);
    if (k < 0) return false;
    const int other = siblingIndex(doc, k, -1);
    if (other < 0) return false;
    std::swap(doc.nodes[std::size_t(k)], doc.nodes[std::size_t(other)]);
    return true;
}

bool moveDown(ModelDocument& doc, int uid) {
    const int k = findNode(doc, uid);
    if (k < 0) return false;
    const int other = siblingIndex(doc, k, +1);
    if (other < 0) return false;
    std::swap(doc.nodes[std::size_t(k)], doc.nodes[std::size_t(other)]);
    return true;
}

bool reparent(ModelDocument& doc, int uid, int newParent) {
    const int k = findNode(doc, uid);
    if (k < 0 || doc.nodes[std::size_t(k)].parent < 0 || !node(doc, newParent)) return false;
    if (isInSubtree(doc, newParent, uid)) return false;  // itself or one of its descendants
    if (doc.nodes[std::size_t(k)].parent == newParent) return false;
    EditorNode moved = std::move(doc.nodes[std::size_t(k)]);
    doc.nodes.erase(doc.nodes.begin() + k);
    moved.parent = newParent;
    doc.nodes.push_back(std::move(moved));  // the new parent's last child
    return true;
}

int removeSubtree(ModelDocument& doc, int uid) {
    const EditorNode* n = node(doc, uid);
    if (!n || n->parent < 0) return 0;
    std::set<int> doomed;
    for (const EditorNode& m : doc.nodes)
        if (isInSubtree(doc, m.uid, uid)) doomed.insert(m.uid);
    doc.nodes.erase(std::remove_if(doc.nodes.begin(), doc.nodes.end(),
                                   [&](const EditorNode& m) { return doomed.count(m.uid) > 0; }),
                    doc.nodes.end());
    return int(doomed.size());
}

bool setId(ModelDocument& doc, int uid, const std::string& id) {
    EditorNode* n = mutableNode(doc, uid);
    if (!n || n->id == id) return false;
    n->id = id;
    return true;
}

bool setLabel(ModelDocument& doc, int uid, const std::string& language, const std::string& text) {
    EditorNode* n = mutableNode(doc, uid);
    return n && setText(n->fields, "labels", language, text, false);
}

bool setDescription(ModelDocument& doc, int uid, const std::string& language, const std::string& text) {
    EditorNode* n = mutableNode(doc, uid);
    return n && setText(n->fields, "description", language, text, true);
}

bool setModelId(ModelDocument& doc, const std::string& id) {
    if (doc.top.contains("id") && doc.top["id"] == id) return false;
    doc.top["id"] = id;
    return true;
}

bool setTitle(ModelDocument& doc, const std::string& language, const std::string& text) {
    return setText(doc.top, "title", language, text, false);
}

bool setSetting(ModelDocument& doc, const std::string& name, const json& value) {
    if (!doc.top.contains("settings") || !doc.top["settings"].is_object()) doc.top["settings"] = json::object();
    json& settings = doc.top["settings"];
    if (settings.contains(name) && settings[name] == value) return false;
    settings[name] = value;
    return true;
}

// --- Validation --------------------------------------------------------------------------------

std::vector<EditorProblem> validate(const ModelDocument& doc) {
    using Severity = EditorProblem::Severity;
    std::vector<EditorProblem> problems;
    auto add = [&](Severity severity, std::string key, int uid, std::string argument = {}) {
        problems.push_back({severity, std::move(key), uid, std::move(argument), {}});
    };
    const std::vector<std::string> languages = documentLanguages(doc);

    const std::string modelId =
        doc.top.contains("id") && doc.top["id"].is_string() ? doc.top["id"].get<std::string>() : "";
    if (!model::isValidId(modelId)) add(Severity::Error, "editor.problem.model_id", -1, modelId);
    for (const std::string& language : languages)
        if (documentString(doc, "title", language).empty())
            add(Severity::Error, "editor.problem.title_missing", -1, language);
    const double threshold = crThreshold(doc);
    if (!(threshold > 0 && threshold <= 1)) add(Severity::Error, "editor.problem.cr_threshold", -1);

    const int root = rootUid(doc);
    if (root < 0) add(Severity::Error, "editor.problem.no_goal", -1);

    std::map<std::string, int> idCount;
    for (const EditorNode& n : doc.nodes) ++idCount[n.id];
    std::set<std::string> reportedDuplicates;
    for (const auto& [uid, depth] : treeRows(doc)) {
        const EditorNode& n = *node(doc, uid);
        if (n.id.empty())
            add(Severity::Error, "editor.problem.id_empty", uid);
        else if (!model::isValidId(n.id))
            add(Severity::Error, "editor.problem.id_invalid", uid, n.id);
        else if (idCount[n.id] > 1 && reportedDuplicates.insert(n.id).second)
            add(Severity::Error, "editor.problem.id_duplicate", uid, n.id);
        for (const std::string& language : languages)
            if (nodeText(n, "labels", language).empty())
                add(Severity::Error, "editor.problem.label_missing", uid, language);
        const std::size_t children = childrenOf(doc, uid).size();
        if (uid == root && children == 0) add(Severity::Error, "editor.problem.goal_alone", uid);
        if (children == 1) add(Severity::Info, "editor.problem.one_child", uid);
        if (children > 9) add(Severity::Info, "editor.problem.many_children", uid, std::to_string(children));
    }
    // Whatever the checks above miss, the parser does not: its message is shown as it is.
    if (!hasErrors(problems)) {
        try {
            model::parseModel(documentJson(doc).dump(), "model");
        } catch (const std::exception& e) {
            problems.push_back({Severity::Error, "editor.problem.parser", -1, {}, e.what()});
        }
    }
    return problems;
}

bool hasErrors(const std::vector<EditorProblem>& problems) {
    return std::any_of(problems.begin(), problems.end(),
                       [](const EditorProblem& p) { return p.severity == EditorProblem::Severity::Error; });
}

// --- The editor's state and actions ------------------------------------------------------------

namespace {
void install(EditorState& e, ModelDocument doc, const std::string& sourceName) {
    e.doc = std::move(doc);
    e.sourceName = sourceName;
    e.loaded = true;
    e.dirty = false;
    e.selected = rootUid(e.doc);
    e.confirm = EditorState::Confirm::None;
    e.pending.reset();
    e.loadError.clear();
    editorRefresh(e);
}

std::string fileStem(const ModelDocument& doc) {
    std::string id = doc.top.contains("id") && doc.top["id"].is_string() ? doc.top["id"].get<std::string>() : "";
    std::string stem;
    for (char c : id) stem += std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' ? c : '-';
    return stem.empty() ? "model" : stem;
}

effect::UseModel useModel(const EditorState& e) { return {documentText(e.doc), e.sourceName}; }

void replaceWithPending(EditorState& e) {
    if (!e.pending) return;
    ModelDocument doc = std::move(*e.pending);
    const std::string source = e.pendingSource;
    install(e, std::move(doc), source);
    e.status = {"editor.status.opened", source};
}
}  // namespace

void editorOpen(EditorState& e, const std::string& modelText, const std::string& sourceName) {
    try {
        install(e, documentFromText(modelText, sourceName), sourceName);
    } catch (const std::exception& error) {
        e = EditorState{};
        e.loaded = true;
        e.loadError = error.what();
        editorRefresh(e);
    }
}

void editorRefresh(EditorState& e) {
    e.problems = validate(e.doc);
    e.valid = !hasErrors(e.problems);
    e.hash = documentHash(e.doc);
    e.sets = e.judgments = 0;
    for (const auto& [uid, depth] : treeRows(e.doc)) {
        const int n = int(childrenOf(e.doc, uid).size());
        if (n >= 2) {
            ++e.sets;
            e.judgments += n * (n - 1) / 2;
        }
    }
    if (!node(e.doc, e.selected)) e.selected = rootUid(e.doc);
}

Effects editorApply(EditorState& e, const EditorAction& action, const EditorContext& context) {
    namespace a = editor_action;
    bool changed = false;
    Effects effects;
    std::visit(
        [&](const auto& act) {
            using T = std::decay_t<decltype(act)>;
            if constexpr (std::is_same_v<T, a::Select>) {
                if (node(e.doc, act.uid)) e.selected = act.uid;
            } else if constexpr (std::is_same_v<T, a::AddChild>) {
                const int created = addChild(e.doc, act.uid, act.labels);
                if (created >= 0) e.selected = created, changed = true;
            } else if constexpr (std::is_same_v<T, a::AddSibling>) {
                const int created = addSibling(e.doc, act.uid, act.labels);
                if (created >= 0) e.selected = created, changed = true;
            } else if constexpr (std::is_same_v<T, a::MoveUp>) {
                changed = moveUp(e.doc, act.uid);
            } else if constexpr (std::is_same_v<T, a::MoveDown>) {
                changed = moveDown(e.doc, act.uid);
            } else if constexpr (std::is_same_v<T, a::Reparent>) {
                changed = reparent(e.doc, act.uid, act.parent);
                if (!changed && isInSubtree(e.doc, act.parent, act.uid)) e.status = {"editor.status.move_refused", ""};
            } else if constexpr (std::is_same_v<T, a::Delete>) {
                const EditorNode* n = node(e.doc, act.uid);
                if (n && n->parent >= 0) {
                    if (subtreeSize(e.doc, act.uid) > 1) {
                        e.confirm = EditorState::Confirm::Delete;
                        e.confirmUid = act.uid;
                    } else {
                        const int parent = n->parent;
                        changed = removeSubtree(e.doc, act.uid) > 0;
                        e.selected = parent;
                    }
                }
            } else if constexpr (std::is_same_v<T, a::SetId>) {
                changed = setId(e.doc, act.uid, act.id);
            } else if constexpr (std::is_same_v<T, a::SetLabel>) {
                changed = setLabel(e.doc, act.uid, act.language, act.text);
            } else if constexpr (std::is_same_v<T, a::SetDescription>) {
                changed = setDescription(e.doc, act.uid, act.language, act.text);
            } else if constexpr (std::is_same_v<T, a::SetModelId>) {
                changed = setModelId(e.doc, act.id);
            } else if constexpr (std::is_same_v<T, a::SetTitle>) {
                changed = setTitle(e.doc, act.language, act.text);
            } else if constexpr (std::is_same_v<T, a::SetSetting>) {
                changed = setSetting(e.doc, act.name, act.value);
            } else if constexpr (std::is_same_v<T, a::Answer>) {
                const EditorState::Confirm question = e.confirm;
                e.confirm = EditorState::Confirm::None;
                if (question == EditorState::Confirm::Delete && act.yes) {
                    const EditorNode* n = node(e.doc, e.confirmUid);
                    const int parent = n ? n->parent : -1;
                    const int removed = removeSubtree(e.doc, e.confirmUid);
                    if (removed > 0) {
                        changed = true;
                        e.selected = parent;
                        e.status = {"editor.status.deleted", std::to_string(removed)};
                    }
                } else if (question == EditorState::Confirm::UseModel && act.yes) {
                    effects.push_back(useModel(e));
                } else if (question == EditorState::Confirm::Replace && act.yes) {
                    replaceWithPending(e);
                }
                if (question == EditorState::Confirm::Replace) e.pending.reset();
                e.confirmUid = -1;
            } else if constexpr (std::is_same_v<T, a::Download>) {
                effects.push_back(effect::Download{Requester::Editor, fileStem(e.doc) + ".json", "application/json",
                                                   documentText(e.doc)});
            } else if constexpr (std::is_same_v<T, a::DownloadSurveyPage>) {
                if (!e.valid) {
                    e.status = {"editor.status.fix_first", ""};
                    return;
                }
                effects.push_back(
                    effect::DownloadSurveyPage{fileStem(e.doc) + ".html", model::surveyModelData(documentText(e.doc))});
            } else if constexpr (std::is_same_v<T, a::PickFile>) {
                effects.push_back(effect::PickFiles{false});
            } else if constexpr (std::is_same_v<T, a::LoadFiles>) {
                if (act.files.empty()) {  // nothing read: the last refused file says why
                    if (!act.refused.empty()) e.loadError = act.refused.back();
                    return;
                }
                const auto& [name, bytes] = act.files.back();  // one model at a time: the last given
                try {
                    e.pending = documentFromText(bytes, name);
                    e.pendingSource = name;
                    e.loadError.clear();
                    if (e.dirty)
                        e.confirm = EditorState::Confirm::Replace;
                    else
                        replaceWithPending(e);
                } catch (const std::exception& error) {
                    e.loadError = error.what();
                }
            } else if constexpr (std::is_same_v<T, a::UseForQuestionnaire>) {
                if (!e.valid) {
                    e.status = {"editor.status.fix_first", ""};
                } else if (e.hash == context.questionnaireHash) {
                    e.status = {"editor.status.already_used", ""};
                } else if (context.answered > 0) {
                    e.confirm = EditorState::Confirm::UseModel;
                } else {
                    effects.push_back(useModel(e));
                }
            } else if constexpr (std::is_same_v<T, a::ShareLink>) {
                if (!e.valid) {
                    e.status = {"editor.status.fix_first", ""};
                    return;
                }
                e.shareLink.clear();
                e.shareLinkFile.clear();
                const std::string text = documentText(e.doc);
                if (context.canShareLink) {
                    e.shareLinkPending = true;
                    e.shareReply = std::make_shared<ShareLinkReply>();
                    effects.push_back(effect::ShareLink{text, e.shareReply});
                } else {  // no page to build a link: the model file instead
                    effects.push_back(effect::Download{Requester::EditorLinkFile, fileStem(e.doc) + ".json",
                                                       "application/json", text});
                }
            } else if constexpr (std::is_same_v<T, a::Revert>) {
                try {
                    const std::string source =
                        context.questionnaireSource.empty() ? "model" : context.questionnaireSource;
                    e.pending = documentFromText(context.questionnaireText, source);
                    e.pendingSource = source;
                    if (e.dirty)
                        e.confirm = EditorState::Confirm::Replace;
                    else
                        replaceWithPending(e);
                } catch (const std::exception& error) {
                    e.loadError = error.what();
                }
            } else if constexpr (std::is_same_v<T, a::DismissLoadError>) {
                e.loadError.clear();
            }
        },
        action);
    if (changed) {
        e.dirty = true;
        e.shareReply.reset();  // a link being made is for the old document
        e.shareLink.clear();
        e.shareLinkFile.clear();
        e.shareLinkPending = false;
        e.shareLinkCopied = false;
        editorRefresh(e);
    }
    return effects;
}

json editorJson(const EditorState& e) {
    json j;
    j["loaded"] = e.loaded;
    j["nodes"] = e.doc.nodes.size();
    j["hash"] = e.hash;
    j["valid"] = e.valid;
    j["dirty"] = e.dirty;
    j["sets"] = e.sets;
    j["judgments"] = e.judgments;
    j["cr_threshold"] = crThreshold(e.doc);
    j["model_id"] = e.doc.top.contains("id") ? e.doc.top["id"] : json("");
    const EditorNode* selected = node(e.doc, e.selected);
    j["selected"] = selected ? selected->id : "";
    j["selected_labels"] =
        selected && selected->fields.contains("labels") ? selected->fields["labels"] : json::object();
    json problems = json::array();
    for (const EditorProblem& p : e.problems) {
        const EditorNode* n = node(e.doc, p.uid);
        problems.push_back({{"severity", p.severity == EditorProblem::Severity::Error ? "error" : "info"},
                            {"key", p.key},
                            {"node", n ? n->id : ""},
                            {"argument", p.argument},
                            {"detail", p.detail}});
    }
    j["problems"] = problems;
    json tree = json::array();
    for (const auto& [uid, depth] : treeRows(e.doc)) {
        const EditorNode& n = *node(e.doc, uid);
        const EditorNode* parent = node(e.doc, n.parent);
        tree.push_back({{"id", n.id},
                        {"parent", parent ? json(parent->id) : json()},
                        {"depth", depth},
                        {"labels", n.fields.contains("labels") ? n.fields["labels"] : json::object()}});
    }
    j["tree"] = tree;
    static const char* confirms[] = {"", "delete", "use-model", "replace"};
    j["confirm"] = confirms[int(e.confirm)];
    j["share_link"] = e.shareLink;
    j["share_link_file"] = e.shareLinkFile;
    j["share_link_pending"] = e.shareLinkPending;
    j["share_link_copied"] = e.shareLinkCopied;
    j["status"] = {{"key", e.status.key}, {"argument", e.status.argument}};
    j["load_error"] = e.loadError;
    return j;
}

void editorPoll(EditorState& e) {
    if (!e.shareReply || !e.shareReply->done) return;
    const ShareLinkReply reply = *e.shareReply;
    e.shareReply.reset();
    e.shareLinkPending = false;
    e.shareLink = reply.link.value;
    e.shareLinkCopied = reply.copied;
    e.status = !reply.link.ok ? EditorState::Status{"editor.status.link_failed", reply.link.error}
               : reply.copied ? EditorState::Status{"editor.status.link_copied", ""}
                              : EditorState::Status{"editor.status.link_ready", ""};
}

}  // namespace ui
