// The model editor: the tree of the model (select a node), the selected node's id, labels and
// descriptions, buttons to add, move and delete, the model's title and settings, the problems
// found as you go, and the model file / share link / questionnaire buttons. Logic: editor.cpp.
#include "ui/screens.hpp"

#include "text/bidi.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <optional>

namespace ui {

namespace {
const ImU32 kRemark = IM_COL32(160, 100, 10, 255);

void push(Intents& out, EditorAction action) { out.push_back(intent::Editor{std::move(action)}); }

std::string languageName(const ScreenContext& ctx, const std::string& code) {
    const std::string key = "editor.lang." + code;
    return ctx.strings.has(ctx.state.language, key) ? ctx.tr(key) : code;
}

// A labelled text field, aligned to the reading direction; a multi-line one shows Persian content
// shaped under it (ImGui draws the typed text unshaped). Returns true with `value` changed when edited.
bool Field(const ScreenContext& ctx, const std::string& label, const std::string& id, std::string& value,
           float height = 0) {
    Text(ctx, label, kMuted);
    const float width = ImGui::GetContentRegionAvail().x;
    if (height <= 0) {  // one line: the shared text field (the browser's own on the web)
        std::string edited;
        const bool changed = TextField(ctx, label, id, value, edited, width);
        if (changed) value = edited;
        return changed;
    }
    const bool changed = InputString("##" + id, value, width, height);
    ctx.mark(id);
    if (!value.empty() && text::hasRightToLeft(value)) {
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(60, 70, 90, 255));
        TextInBox(ctx, value, width, ctx.rtl());
        ImGui::PopStyleColor();
    }
    return changed;
}

// A combo box under its label; each item is marked `id`/`mark`.
struct ChoiceItem {
    std::string text, value, mark;
};
std::optional<std::string> Choice(const ScreenContext& ctx, const std::string& label, const std::string& id,
                                  const std::vector<ChoiceItem>& items, const std::string& current) {
    std::string preview = current;
    for (const ChoiceItem& item : items)
        if (item.value == current) preview = item.text;
    Text(ctx, label, kMuted);
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::SetNextItemWidth(width);
    std::optional<std::string> chosen;
    const bool open = ImGui::BeginCombo(("##" + id).c_str(), ctx.visual(preview).c_str());
    ctx.mark(id);
    if (open) {
        for (const ChoiceItem& item : items) {
            const std::string& v = ctx.visual(item.text);
            if (ImGui::Selectable((v + "##" + item.value).c_str(), item.value == current)) chosen = item.value;
            ctx.mark(id + "/" + item.mark);
        }
        ImGui::EndCombo();
    }
    return chosen;
}

model::LocalizedText newLabels(const ScreenContext& ctx, const ModelDocument& doc) {
    model::LocalizedText labels;
    for (const std::string& language : documentLanguages(doc))
        labels[language] = ctx.strings.get(language, "editor.new_item");
    return labels;
}

std::string problemText(const ScreenContext& ctx, const EditorState& e, const EditorProblem& p) {
    std::string argument = p.argument;
    if (p.key == "editor.problem.label_missing" || p.key == "editor.problem.title_missing")
        argument = languageName(ctx, p.argument);
    else if (p.key == "editor.problem.many_children")
        argument = ctx.integer(std::atol(p.argument.c_str()));
    return format(ctx.tr(p.key), nodeName(e.doc, p.uid, ctx.state.language), argument);
}

// --- parts of the screen -------------------------------------------------------------------------

void toolbar(const ScreenContext& ctx, const EditorState& e, Intents& out) {
    std::vector<std::pair<std::string, std::string>> buttons = {{ctx.tr("editor.download"), "editor/download"}};
    if (ctx.state.canMakeSurveyPage) buttons.push_back({ctx.tr("editor.page"), "editor/page"});
    if (ctx.state.canPickFiles) buttons.push_back({ctx.tr("editor.load"), "editor/load"});
    buttons.push_back({ctx.tr("editor.use"), "editor/use"});
    buttons.push_back({ctx.tr("editor.share"), "editor/share"});
    if (e.dirty || e.hash != ctx.state.model.hash) buttons.push_back({ctx.tr("editor.revert"), "editor/revert"});
    const int pressed = ButtonRow(ctx, buttons);
    if (pressed < 0) return;
    const std::string& id = buttons[std::size_t(pressed)].second;
    if (id == "editor/download") push(out, editor_action::Download{});
    if (id == "editor/page") push(out, editor_action::DownloadSurveyPage{});
    if (id == "editor/load") push(out, editor_action::PickFile{});
    if (id == "editor/use") push(out, editor_action::UseForQuestionnaire{});
    if (id == "editor/share") push(out, editor_action::ShareLink{});
    if (id == "editor/revert") push(out, editor_action::Revert{});
}

// A technical message (a parser's, a path: English) keeps left-to-right order.
void Message(const ScreenContext& ctx, const std::string& text, ImU32 color) {
    if (text::hasRightToLeft(text)) {
        Text(ctx, text, color);
        return;
    }
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    const float width = ImGui::CalcTextSize(text.c_str()).x, avail = ImGui::GetContentRegionAvail().x;
    if (ctx.rtl() && width < avail) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + avail - width);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

void notices(const ScreenContext& ctx, const EditorState& e, Intents& out) {
    if (!e.status.key.empty()) {
        const bool bad = e.status.key == "editor.status.save_failed" || e.status.key == "editor.status.use_failed" ||
                         e.status.key == "editor.status.link_failed" || e.status.key == "editor.status.fix_first" ||
                         e.status.key == "editor.status.move_refused";
        const bool technical = e.status.key == "editor.status.save_failed" ||
                               e.status.key == "editor.status.use_failed" ||
                               e.status.key == "editor.status.link_failed";
        const std::string argument = e.status.key == "editor.status.deleted"
                                         ? ctx.integer(std::atol(e.status.argument.c_str()))
                                     : technical ? std::string()
                                                 : e.status.argument;
        Text(ctx, format(ctx.tr(e.status.key), argument), bad ? kBad : kGood);
        ctx.mark("editor/status");
        if (technical) Message(ctx, e.status.argument, kBad);
    }
    if (!e.loadError.empty()) {
        Text(ctx, ctx.tr("editor.load_failed"), kBad);
        Message(ctx, e.loadError, kBad);
        ctx.mark("editor/load-error");
        if (ButtonRow(ctx, {{ctx.tr("import.dismiss"), "editor/dismiss-load-error"}}) == 0)
            push(out, editor_action::DismissLoadError{});
    }
    if (e.shareLinkPending) Text(ctx, ctx.tr("editor.link_pending"), kMuted);
    if (!e.shareLink.empty()) {
        Text(ctx, ctx.tr("editor.link_label"));
        std::string link = e.shareLink;  // read-only: select it and copy
        InputString("##editor-share-link", link, ImGui::GetContentRegionAvail().x, 0, ImGuiInputTextFlags_ReadOnly);
        ctx.mark("editor/share-link");
        Text(ctx, ctx.tr(e.shareLinkCopied ? "editor.link_copied_hint" : "editor.link_hint"), kMuted);
    }
    if (!e.shareLinkFile.empty()) {
        Text(ctx, ctx.tr("editor.link_file"));
        std::string path = e.shareLinkFile;
        InputString("##editor-share-file", path, ImGui::GetContentRegionAvail().x, 0, ImGuiInputTextFlags_ReadOnly);
        ctx.mark("editor/share-file");
    }
}

void problems(const ScreenContext& ctx, const EditorState& e) {
    const int errors = int(std::count_if(e.problems.begin(), e.problems.end(), [](const EditorProblem& p) {
        return p.severity == EditorProblem::Severity::Error;
    }));
    if (e.problems.empty()) {
        Text(ctx, ctx.tr("editor.no_problems"), kGood);
        ctx.mark("editor/problems");
        return;
    }
    const std::string heading =
        errors > 0 ? format(ctx.tr("editor.problems"), ctx.integer(errors)) : ctx.tr("editor.only_remarks");
    Text(ctx, heading, errors > 0 ? kBad : kGood);
    ctx.mark("editor/problems");
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const float height = std::min(float(e.problems.size()) * line + 10, 5.5f * line + 10);
    ImGui::BeginChild("editor-problems", ImVec2(0, height), true);
    int k = 0;
    for (const EditorProblem& p : e.problems) {
        const bool error = p.severity == EditorProblem::Severity::Error;
        const std::string bullet = "\xE2\x80\xA2 ";
        if (p.key == "editor.problem.parser") {
            Text(ctx, bullet + ctx.tr(p.key), kBad);
            Message(ctx, p.detail, kBad);
        } else {
            Text(ctx, bullet + problemText(ctx, e, p), error ? kBad : kRemark);
        }
        ctx.mark("editor/problem/" + std::to_string(k++));
    }
    ImGui::EndChild();
}

void tree(const ScreenContext& ctx, const EditorState& e, Intents& out) {
    Title(ctx, ctx.tr("editor.tree"));
    std::map<int, int> worst;  // uid -> 2 error, 1 remark
    for (const EditorProblem& p : e.problems)
        worst[p.uid] = std::max(worst[p.uid], p.severity == EditorProblem::Severity::Error ? 2 : 1);
    const float width = ImGui::GetContentRegionAvail().x;
    const float indentStep = 18;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    for (const auto& [uid, depth] : treeRows(e.doc)) {
        const EditorNode& n = *node(e.doc, uid);
        const int children = int(childrenOf(e.doc, uid).size());
        const std::string name = nodeName(e.doc, uid, ctx.state.language);
        const std::string id = n.id.empty() ? "?" : n.id;
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        ImGui::PushID(uid);
        const bool clicked = ImGui::Selectable("##node", uid == e.selected, 0, ImVec2(width, 0));
        ImGui::PopID();
        // To the keyboard and a screen reader a row is a button (the mirror's), named by its
        // label and id, with its level and number of items; the selected row is the current one.
        Semantics row{Role::Button, name + " (" + id + ")"};
        row.selected = uid == e.selected;
        row.description = format(ctx.tr("editor.tree_row"), ctx.integer(depth + 1), ctx.integer(children));
        ctx.mark("editor/node/" + n.id, row);
        if (clicked || ctx.activated("editor/node/" + n.id)) push(out, editor_action::Select{uid});
        // A parent shows how many items it has, beside the label on the reading-end side.
        const std::string count = children == 0 ? ""
                                  : ctx.rtl()   ? "[" + ctx.integer(children) + "] "
                                                : " [" + ctx.integer(children) + "]";
        const std::string marker = children > 0 ? "" : ctx.rtl() ? " \xC2\xB7" : "\xC2\xB7 ";  // a leaf: a dot
        const auto problem = worst.find(uid);
        const ImU32 labelColor = problem == worst.end() ? IM_COL32(20, 30, 45, 255)
                                 : problem->second == 2 ? kBad
                                                        : kRemark;
        const float wId = ImGui::CalcTextSize(id.c_str()).x;
        const float wMarker = ImGui::CalcTextSize(marker.c_str()).x, wCount = ImGui::CalcTextSize(count.c_str()).x;
        const float gap = 8, indent = float(depth) * indentStep + 4;
        // A label too long for the row is cut, so that its count and id stay in view; the
        // whole label is the row's tooltip (and in the node's details when selected).
        const float room = width - indent - wMarker - wCount - gap - wId - 4;
        const ElidedText elided = Elided(ctx, name, room);
        if (elided.cut) HoverTooltip(ctx, name);
        const std::string& label = elided.visual;
        const float wLabel = elided.width;
        if (ctx.rtl()) {  // from the right: marker, label, count, then the id (muted)
            float x = pos.x + width - indent - wMarker;
            draw->AddText(ImVec2(x, pos.y), kMuted, marker.c_str());
            x -= wLabel;
            draw->AddText(ImVec2(x, pos.y), labelColor, label.c_str());
            x -= wCount;
            draw->AddText(ImVec2(x, pos.y), kMuted, count.c_str());
            x -= gap + wId;
            draw->AddText(ImVec2(x, pos.y), kMuted, id.c_str());
        } else {
            float x = pos.x + indent;
            draw->AddText(ImVec2(x, pos.y), kMuted, marker.c_str());
            x += wMarker;
            draw->AddText(ImVec2(x, pos.y), labelColor, label.c_str());
            x += wLabel;
            draw->AddText(ImVec2(x, pos.y), kMuted, count.c_str());
            x += wCount + gap;
            draw->AddText(ImVec2(x, pos.y), kMuted, id.c_str());
        }
    }
}

void nodeDetails(const ScreenContext& ctx, const EditorState& e, Intents& out) {
    const EditorNode* n = node(e.doc, e.selected);
    if (!n) return;
    const bool goal = n->parent < 0;
    Title(ctx, format(ctx.tr(goal ? "editor.goal_title" : "editor.node_title"),
                      nodeName(e.doc, n->uid, ctx.state.language)));
    const int uid = n->uid;
    ImGui::PushID(uid);
    std::string id = n->id;
    if (Field(ctx, ctx.tr("editor.id"), "editor/id", id)) push(out, editor_action::SetId{uid, id});
    for (const std::string& language : documentLanguages(e.doc)) {
        std::string label = nodeText(*n, "labels", language);
        if (Field(ctx, format(ctx.tr("editor.label"), languageName(ctx, language)), "editor/label/" + language, label))
            push(out, editor_action::SetLabel{uid, language, label});
    }
    for (const std::string& language : documentLanguages(e.doc)) {
        std::string description = nodeText(*n, "description", language);
        if (Field(ctx, format(ctx.tr("editor.description"), languageName(ctx, language)),
                  "editor/description/" + language, description, ImGui::GetTextLineHeight() * 2.6f))
            push(out, editor_action::SetDescription{uid, language, description});
    }
    ImGui::PopID();

    // What can be done with it.
    ImGui::Spacing();
    std::vector<std::pair<std::string, std::string>> buttons = {{ctx.tr("editor.add_child"), "editor/add-child"}};
    if (!goal) buttons.push_back({ctx.tr("editor.add_sibling"), "editor/add-sibling"});
    const std::vector<int> siblings = goal ? std::vector<int>{} : childrenOf(e.doc, n->parent);
    const auto at = std::find(siblings.begin(), siblings.end(), uid);
    if (!siblings.empty() && at != siblings.begin()) buttons.push_back({ctx.tr("editor.move_up"), "editor/move-up"});
    if (!siblings.empty() && at + 1 != siblings.end())
        buttons.push_back({ctx.tr("editor.move_down"), "editor/move-down"});
    const int pressed = ButtonRow(ctx, buttons);
    if (pressed >= 0) {
        const std::string& which = buttons[std::size_t(pressed)].second;
        if (which == "editor/add-child") push(out, editor_action::AddChild{uid, newLabels(ctx, e.doc)});
        if (which == "editor/add-sibling") push(out, editor_action::AddSibling{uid, newLabels(ctx, e.doc)});
        if (which == "editor/move-up") push(out, editor_action::MoveUp{uid});
        if (which == "editor/move-down") push(out, editor_action::MoveDown{uid});
    }
    if (goal) return;
    std::vector<ChoiceItem> parents;
    for (int candidate : validParents(e.doc, uid)) {
        const EditorNode* p = node(e.doc, candidate);
        parents.push_back(
            {nodeName(e.doc, candidate, ctx.state.language) + " (" + p->id + ")", std::to_string(candidate), p->id});
    }
    if (const auto chosen = Choice(ctx, ctx.tr("editor.move_to"), "editor/move-to", parents, std::to_string(n->parent)))
        push(out, editor_action::Reparent{uid, std::atoi(chosen->c_str())});
    ImGui::Spacing();
    const int below = subtreeSize(e.doc, uid) - 1;
    const std::string deleteLabel =
        below > 0 ? format(ctx.tr("editor.delete_subtree"), ctx.integer(below)) : ctx.tr("editor.delete");
    if (ButtonRow(ctx, {{deleteLabel, "editor/delete"}}, 0, IM_COL32(190, 60, 50, 255)) == 0)
        push(out, editor_action::Delete{uid});
}

void modelDetails(const ScreenContext& ctx, const EditorState& e, Intents& out) {
    Title(ctx, ctx.tr("editor.model_title"));
    std::string modelId =
        e.doc.top.contains("id") && e.doc.top["id"].is_string() ? e.doc.top["id"].get<std::string>() : "";
    if (Field(ctx, ctx.tr("editor.model_id"), "editor/model-id", modelId))
        push(out, editor_action::SetModelId{modelId});
    for (const std::string& language : documentLanguages(e.doc)) {
        std::string title = documentString(e.doc, "title", language);
        if (Field(ctx, format(ctx.tr("editor.title"), languageName(ctx, language)), "editor/title/" + language, title))
            push(out, editor_action::SetTitle{language, title});
    }
    const std::vector<ChoiceItem> methods = {{ctx.tr("editor.method.eigen"), "eigen", "eigen"},
                                             {ctx.tr("editor.method.geometric"), "geometric", "geometric"},
                                             {ctx.tr("editor.method.normalized"), "normalized", "normalized"}};
    if (const auto chosen =
            Choice(ctx, ctx.tr("editor.method"), "editor/method", methods, settingString(e.doc, "method", "eigen")))
        push(out, editor_action::SetSetting{"method", *chosen});
    const std::vector<ChoiceItem> tables = {{ctx.tr("editor.ri.saaty"), "saaty", "saaty"},
                                            {ctx.tr("editor.ri.alonso-lamata"), "alonso-lamata", "alonso-lamata"},
                                            {ctx.tr("editor.ri.donegan-dodd"), "donegan-dodd", "donegan-dodd"}};
    if (const auto chosen = Choice(ctx, ctx.tr("editor.ri"), "editor/ri", tables, settingString(e.doc, "ri", "saaty")))
        push(out, editor_action::SetSetting{"ri", *chosen});
    Text(ctx, ctx.tr("editor.cr_threshold"), kMuted);
    double threshold = crThreshold(e.doc);
    const float width = std::min(ImGui::GetContentRegionAvail().x, 200.0f);
    AlignForWidth(ctx, width);
    if (const auto typed =
            NumberField(ctx, ctx.tr("editor.cr_threshold"), "editor/cr", threshold, {0.01, 1.0, 3}, width))
        push(out, editor_action::SetSetting{"cr_threshold", *typed});
}

void summary(const ScreenContext& ctx, const EditorState& e) {
    Text(ctx,
         format(ctx.tr("editor.counts"), ctx.integer(long(e.doc.nodes.size())), ctx.integer(e.sets),
                ctx.integer(e.judgments)),
         kMuted);
    const bool same = e.hash == ctx.state.model.hash;
    Text(ctx, format(ctx.tr(same ? "editor.hash_same" : "editor.hash_changed"), e.hash, ctx.state.model.hash),
         same ? kMuted : kRemark);
    ctx.mark("editor/hash");
}

void confirm(const ScreenContext& ctx, const EditorState& e, Intents& out) {
    if (e.confirm == EditorState::Confirm::None) return;
    std::string title, body, yes;
    bool destructive = true;
    if (e.confirm == EditorState::Confirm::Delete) {
        const std::string name = nodeName(e.doc, e.confirmUid, ctx.state.language);
        title = format(ctx.tr("editor.confirm.delete_title"), name);
        body = format(ctx.tr("editor.confirm.delete_body"), name, ctx.integer(subtreeSize(e.doc, e.confirmUid) - 1));
        yes = ctx.tr("editor.confirm.delete_yes");
    } else if (e.confirm == EditorState::Confirm::UseModel) {
        title = ctx.tr("editor.confirm.use_title");
        body = format(ctx.tr("editor.confirm.use_body"), ctx.integer(ctx.state.answered));
        yes = ctx.tr("editor.confirm.use_yes");
        destructive = false;
    } else {
        title = ctx.tr("editor.confirm.replace_title");
        body = format(ctx.tr("editor.confirm.replace_body"), e.pendingSource);
        yes = ctx.tr("editor.confirm.replace_yes");
    }
    const int answer = ConfirmPopup(ctx, "##editor-confirm", "editor/", title, body, yes, destructive);
    if (answer >= 0) push(out, editor_action::Answer{answer == 1});
}
}  // namespace

void drawEditor(const ScreenContext& ctx, Intents& out) {
    const EditorState& e = ctx.state.editor;
    Title(ctx, ctx.tr("editor.heading"));
    Text(ctx, ctx.tr("editor.intro"), kMuted);
    toolbar(ctx, e, out);
    notices(ctx, e, out);
    summary(ctx, e);
    problems(ctx, e);
    ImGui::Separator();
    if (ctx.narrow()) {
        tree(ctx, e, out);
        ImGui::Separator();
        nodeDetails(ctx, e, out);
        ImGui::Separator();
        modelDetails(ctx, e, out);
    } else {
        const float avail = ImGui::GetContentRegionAvail().x;
        const float treeWidth = std::max(260.0f, avail * 0.40f), gap = 12;
        const float detailsWidth = avail - treeWidth - gap;
        auto treeColumn = [&] {
            ImGui::BeginChild("editor-tree", ImVec2(treeWidth, 0), true);
            tree(ctx, e, out);
            ImGui::EndChild();
        };
        auto detailsColumn = [&] {
            ImGui::BeginChild("editor-details", ImVec2(detailsWidth, 0), true);
            nodeDetails(ctx, e, out);
            ImGui::Separator();
            modelDetails(ctx, e, out);
            ImGui::EndChild();
        };
        if (ctx.rtl()) {
            detailsColumn();
            ImGui::SameLine(0, gap);
            treeColumn();
        } else {
            treeColumn();
            ImGui::SameLine(0, gap);
            detailsColumn();
        }
    }
    confirm(ctx, e, out);
}

}  // namespace ui
