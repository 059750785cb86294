// The model editor's logic (src/ui/editor.hpp): every editing operation, the problems listed as
// you go, and serialisation that model::parseModel accepts (an unchanged model keeps its hash).
#include "ui/editor.hpp"
#include "../model/test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

using namespace ui;

namespace {

// Nodes out of pre-order on purpose (C is listed before B's child), a note and a weight kept.
const char* kSmall = R"({
  "format": "ahp-model", "version": 1, "id": "small",
  "title": {"en": "Small", "fa": "کوچک"},
  "languages": ["fa", "en"],
  "settings": {"method": "geometric"},
  "nodes": [
    {"id": "G", "parent": null, "labels": {"en": "Goal", "fa": "هدف"}},
    {"id": "A", "parent": "G", "labels": {"en": "Cost", "fa": "هزینه"}, "description": {"en": "money"}},
    {"id": "B", "parent": "G", "labels": {"en": "Quality", "fa": "کیفیت"}, "reported_local_weight": 0.4},
    {"id": "C", "parent": "G", "labels": {"en": "Speed", "fa": "سرعت"}, "note": {"en": "fast"}},
    {"id": "A1", "parent": "A", "labels": {"en": "Up front", "fa": "اولیه"}},
    {"id": "A2", "parent": "A", "labels": {"en": "Running", "fa": "جاری"}}
  ]
})";

int uidOf(const ModelDocument& doc, const std::string& id) {
    for (const EditorNode& n : doc.nodes)
        if (n.id == id) return n.uid;
    FAIL("no node " << id);
    return -1;
}

std::vector<std::string> childIdsOf(const ModelDocument& doc, const std::string& id) {
    std::vector<std::string> ids;
    for (int uid : childrenOf(doc, uidOf(doc, id))) ids.push_back(node(doc, uid)->id);
    return ids;
}

bool hasProblem(const std::vector<EditorProblem>& problems, const std::string& key, const std::string& argument = "*") {
    return std::any_of(problems.begin(), problems.end(), [&](const EditorProblem& p) {
        return p.key == key && (argument == "*" || p.argument == argument);
    });
}

model::Model reparse(const ModelDocument& doc) { return model::parseModel(documentText(doc), "edited"); }

const model::LocalizedText kNewLabels = {{"en", "New item"}, {"fa", "گزینهٔ تازه"}};

}  // namespace

TEST_CASE("editor: an unchanged model serialises to the same model and hash") {
    for (const std::string& text : {std::string(kSmall), test::readSourceFile("assets/models/egov-qom.json")}) {
        const model::Model original = model::parseModel(text, "original");
        const ModelDocument doc = documentFromText(text, "original");
        CHECK(documentHash(doc) == original.hash);
        const model::Model again = reparse(doc);
        CHECK(again.hash == original.hash);
        CHECK(again.hierarchy.nodes().size() == original.hierarchy.nodes().size());
        CHECK(again.hierarchy.comparisonSets() == original.hierarchy.comparisonSets());
        CHECK(validate(doc).size() ==
              std::size_t(std::count_if(validate(doc).begin(), validate(doc).end(), [](const EditorProblem& p) {
                  return p.severity == EditorProblem::Severity::Info;
              })));
    }
    const ModelDocument study = documentFromText(test::readSourceFile("assets/models/egov-qom.json"));
    CHECK(study.nodes.size() == 52);
    // The study has sets of two items but no parent with one child: no remarks at all.
    CHECK(validate(study).empty());
}

TEST_CASE("editor: an invalid model is not opened; the parser names the field") {
    std::string text = kSmall;
    text.replace(text.find("\"parent\": \"A\""), 13, "\"parent\": \"Z\"");
    try {
        documentFromText(text, "bad.json");
        FAIL("accepted");
    } catch (const model::ModelError& e) {
        CHECK(std::string(e.what()).find("bad.json: nodes[4].parent: unknown node id \"Z\"") != std::string::npos);
    }
}

TEST_CASE("editor: looking at the tree") {
    const ModelDocument doc = documentFromText(kSmall);
    const auto rows = treeRows(doc);
    std::vector<std::string> order;
    for (const auto& [uid, depth] : rows) order.push_back(node(doc, uid)->id + ":" + std::to_string(depth));
    CHECK(order == std::vector<std::string>{"G:0", "A:1", "A1:2", "A2:2", "B:1", "C:1"});
    CHECK(subtreeSize(doc, uidOf(doc, "A")) == 3);
    CHECK(subtreeSize(doc, uidOf(doc, "G")) == 6);
    CHECK(isInSubtree(doc, uidOf(doc, "A2"), uidOf(doc, "A")));
    CHECK_FALSE(isInSubtree(doc, uidOf(doc, "B"), uidOf(doc, "A")));
    CHECK(nodeName(doc, uidOf(doc, "B"), "fa") == "کیفیت");
    CHECK(nodeName(doc, uidOf(doc, "B"), "en") == "Quality");
    // A can move under G (where it is) or B or C; never under itself or A1/A2.
    std::vector<std::string> parents;
    for (int uid : validParents(doc, uidOf(doc, "A"))) parents.push_back(node(doc, uid)->id);
    CHECK(parents == std::vector<std::string>{"G", "B", "C"});
    CHECK(validParents(doc, uidOf(doc, "G")).empty());
}

TEST_CASE("editor: add a child and a sibling") {
    ModelDocument doc = documentFromText(kSmall);
    const int b1 = addChild(doc, uidOf(doc, "B"), kNewLabels);
    REQUIRE(b1 > 0);
    CHECK(node(doc, b1)->id == "N1");
    CHECK(nodeText(*node(doc, b1), "labels", "fa") == "گزینهٔ تازه");
    CHECK(childIdsOf(doc, "B") == std::vector<std::string>{"N1"});
    // B now has one child: a remark, not an error.
    auto problems = validate(doc);
    CHECK_FALSE(hasErrors(problems));
    REQUIRE(hasProblem(problems, "editor.problem.one_child"));
    CHECK(std::find_if(problems.begin(), problems.end(), [](const EditorProblem& p) {
              return p.key == "editor.problem.one_child";
          })->uid == uidOf(doc, "B"));

    const int b2 = addSibling(doc, b1, kNewLabels);
    CHECK(node(doc, b2)->id == "N2");
    CHECK_FALSE(hasProblem(validate(doc), "editor.problem.one_child"));
    const int a15 = addSibling(doc, uidOf(doc, "A1"), {{"en", "Between"}, {"fa", "میان"}});
    CHECK(childIdsOf(doc, "A") == std::vector<std::string>{"A1", "N3", "A2"});
    CHECK(addSibling(doc, uidOf(doc, "G"), kNewLabels) == -1);  // the goal has no siblings
    CHECK(addChild(doc, 9999, kNewLabels) == -1);

    const model::Model m = reparse(doc);
    CHECK(m.hierarchy.comparisonSets().size() == 3);  // G, A, B
    CHECK(model::childIds(m.hierarchy, *m.hierarchy.find("A")) == std::vector<std::string>{"A1", "N3", "A2"});
    CHECK(m.hash != model::parseModel(kSmall).hash);
    (void)a15;
}

TEST_CASE("editor: labels, descriptions, ids, title and settings") {
    ModelDocument doc = documentFromText(kSmall);
    const int a = uidOf(doc, "A");
    CHECK(setLabel(doc, a, "en", "Costs"));
    CHECK_FALSE(setLabel(doc, a, "en", "Costs"));  // no change
    CHECK(setLabel(doc, a, "fa", "هزینه‌ها"));
    CHECK(setDescription(doc, a, "fa", "پول"));
    CHECK(setDescription(doc, a, "en", ""));  // removed
    CHECK(node(doc, a)->fields["description"] == nlohmann::json{{"fa", "پول"}});
    CHECK(setDescription(doc, a, "fa", ""));
    CHECK_FALSE(node(doc, a)->fields.contains("description"));
    CHECK_FALSE(setDescription(doc, a, "fa", ""));

    // Renaming keeps the children (parents are uids while editing, ids when written).
    CHECK(setId(doc, a, "COST"));
    CHECK(childIdsOf(doc, "COST") == std::vector<std::string>{"A1", "A2"});
    CHECK(setTitle(doc, "en", "Smaller"));
    CHECK(setModelId(doc, "small-2"));
    CHECK(setSetting(doc, "method", "eigen"));
    CHECK(setSetting(doc, "ri", "alonso-lamata"));
    CHECK(setSetting(doc, "cr_threshold", 0.08));
    CHECK(settingString(doc, "method", "") == "eigen");
    CHECK(crThreshold(doc) == Approx(0.08));

    const model::Model m = reparse(doc);
    CHECK(m.id == "small-2");
    CHECK(m.title.at("en") == "Smaller");
    CHECK(m.settings.method == ahp::PriorityMethod::Eigenvector);
    CHECK(m.settings.riTable == ahp::RandomIndexTable::AlonsoLamata2006);
    CHECK(m.settings.crThreshold == Approx(0.08));
    CHECK(model::nodeLabel(m, "COST", "fa") == "هزینه‌ها");
    CHECK(model::childIds(m.hierarchy, *m.hierarchy.find("COST")) == std::vector<std::string>{"A1", "A2"});
    CHECK(m.reportedLocalWeights.at("B") == Approx(0.4));  // kept
    CHECK(m.notes.at("C").at("en") == "fast");
    CHECK(validate(doc).empty());
}

TEST_CASE("editor: move up and down among siblings") {
    ModelDocument doc = documentFromText(kSmall);
    CHECK(moveUp(doc, uidOf(doc, "C")));
    CHECK(childIdsOf(doc, "G") == std::vector<std::string>{"A", "C", "B"});
    CHECK(moveUp(doc, uidOf(doc, "C")));
    CHECK(childIdsOf(doc, "G") == std::vector<std::string>{"C", "A", "B"});
    CHECK_FALSE(moveUp(doc, uidOf(doc, "C")));  // first already
    CHECK(moveDown(doc, uidOf(doc, "A")));
    CHECK(childIdsOf(doc, "G") == std::vector<std::string>{"C", "B", "A"});
    CHECK_FALSE(moveDown(doc, uidOf(doc, "A")));  // last already
    CHECK_FALSE(moveDown(doc, uidOf(doc, "G")));
    CHECK(childIdsOf(doc, "A") == std::vector<std::string>{"A1", "A2"});  // others untouched
    const model::Model m = reparse(doc);
    CHECK(model::childIds(m.hierarchy, m.hierarchy.root()) == std::vector<std::string>{"C", "B", "A"});
}

TEST_CASE("editor: move to another parent; never under itself or its descendants") {
    ModelDocument doc = documentFromText(kSmall);
    const int a = uidOf(doc, "A"), a1 = uidOf(doc, "A1"), g = uidOf(doc, "G");
    CHECK_FALSE(reparent(doc, a, a));
    CHECK_FALSE(reparent(doc, a, a1));  // under its own child: refused, nothing changes
    CHECK_FALSE(reparent(doc, g, a));   // the goal stays the goal
    CHECK_FALSE(reparent(doc, a, g));   // already there
    CHECK(childIdsOf(doc, "A") == std::vector<std::string>{"A1", "A2"});

    CHECK(reparent(doc, uidOf(doc, "A2"), uidOf(doc, "C")));  // A2 becomes C's last child
    CHECK(childIdsOf(doc, "C") == std::vector<std::string>{"A2"});
    CHECK(childIdsOf(doc, "A") == std::vector<std::string>{"A1"});
    auto problems = validate(doc);
    CHECK(hasProblem(problems, "editor.problem.one_child"));
    CHECK_FALSE(hasErrors(problems));
    CHECK(reparent(doc, a, uidOf(doc, "B")));  // a whole subtree moves
    CHECK(childIdsOf(doc, "B") == std::vector<std::string>{"A"});
    CHECK(childIdsOf(doc, "G") == std::vector<std::string>{"B", "C"});
    const model::Model m = reparse(doc);
    CHECK(model::nodeDepth(m.hierarchy, *m.hierarchy.find("A1")) == 3);

    // The editor action says why a move was refused.
    EditorState e;
    editorOpen(e, kSmall, "small.json");
    editorApply(e, editor_action::Reparent{uidOf(e.doc, "A"), uidOf(e.doc, "A2")}, {});
    CHECK(e.status.key == "editor.status.move_refused");
    CHECK_FALSE(e.dirty);
}

TEST_CASE("editor: delete a subtree; the goal stays") {
    ModelDocument doc = documentFromText(kSmall);
    CHECK(removeSubtree(doc, uidOf(doc, "G")) == 0);
    CHECK(removeSubtree(doc, uidOf(doc, "A")) == 3);
    CHECK(doc.nodes.size() == 3);
    CHECK(childIdsOf(doc, "G") == std::vector<std::string>{"B", "C"});
    CHECK(removeSubtree(doc, uidOf(doc, "B")) == 1);
    CHECK(hasProblem(validate(doc), "editor.problem.one_child"));
    CHECK(removeSubtree(doc, uidOf(doc, "C")) == 1);
    auto problems = validate(doc);
    CHECK(hasErrors(problems));
    CHECK(hasProblem(problems, "editor.problem.goal_alone"));
}

TEST_CASE("editor: problems as you go") {
    ModelDocument doc = documentFromText(kSmall);
    const int b = uidOf(doc, "B");
    setId(doc, b, "A");  // duplicate
    auto problems = validate(doc);
    CHECK(hasProblem(problems, "editor.problem.id_duplicate", "A"));
    CHECK(std::count_if(problems.begin(), problems.end(),
                        [](const EditorProblem& p) { return p.key == "editor.problem.id_duplicate"; }) == 1);
    setId(doc, b, "B B");
    CHECK(hasProblem(validate(doc), "editor.problem.id_invalid", "B B"));
    setId(doc, b, "");
    CHECK(hasProblem(validate(doc), "editor.problem.id_empty"));
    setId(doc, b, "B");
    CHECK(validate(doc).empty());

    setLabel(doc, b, "fa", "");
    problems = validate(doc);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].key == "editor.problem.label_missing");
    CHECK(problems[0].argument == "fa");
    CHECK(problems[0].uid == b);
    CHECK(problems[0].severity == EditorProblem::Severity::Error);
    setLabel(doc, b, "fa", "کیفیت");

    setTitle(doc, "en", "");
    CHECK(hasProblem(validate(doc), "editor.problem.title_missing", "en"));
    setTitle(doc, "en", "Small");
    setModelId(doc, "a b");
    CHECK(hasProblem(validate(doc), "editor.problem.model_id"));
    setModelId(doc, "small");
    setSetting(doc, "cr_threshold", 0.0);
    CHECK(hasProblem(validate(doc), "editor.problem.cr_threshold"));
    setSetting(doc, "cr_threshold", 0.1);
    CHECK(validate(doc).empty());

    for (int k = 0; k < 8; ++k) addChild(doc, uidOf(doc, "G"), kNewLabels);  // 11 items
    problems = validate(doc);
    CHECK(hasProblem(problems, "editor.problem.many_children", "11"));
    CHECK_FALSE(hasErrors(problems));
}

// The effects an editor action returned, of one kind.
template <typename T>
std::vector<T> effectsOf(const Effects& effects) {
    std::vector<T> found;
    for (const Effect& effect : effects)
        if (const T* e = std::get_if<T>(&effect)) found.push_back(*e);
    return found;
}

TEST_CASE("editor: state, confirmations and what it asks of the platform") {
    EditorState e;
    editorOpen(e, kSmall, "small.json");
    const std::string original = e.hash;
    CHECK(e.valid);
    CHECK(e.sets == 2);
    CHECK(e.judgments == 4);
    CHECK(node(e.doc, e.selected)->id == "G");

    EditorContext context;
    context.questionnaireHash = original;
    context.answered = 3;

    CHECK(editorApply(e, editor_action::UseForQuestionnaire{}, context).empty());
    CHECK(e.status.key == "editor.status.already_used");
    CHECK(editorApply(e, editor_action::AddChild{uidOf(e.doc, "B"), kNewLabels}, context).empty());
    CHECK(e.dirty);
    CHECK(node(e.doc, e.selected)->id == "N1");
    CHECK(e.hash != original);
    CHECK(e.judgments == 4);  // B has one child: nothing asked there

    // The expert has answers to another model: ask first.
    CHECK(editorApply(e, editor_action::UseForQuestionnaire{}, context).empty());
    CHECK(e.confirm == EditorState::Confirm::UseModel);
    CHECK(editorApply(e, editor_action::Answer{false}, context).empty());
    editorApply(e, editor_action::UseForQuestionnaire{}, context);
    const auto used = effectsOf<effect::UseModel>(editorApply(e, editor_action::Answer{true}, context));
    REQUIRE(used.size() == 1);
    CHECK(model::parseModel(used[0].json).hash == e.hash);
    CHECK(used[0].sourceName == "small.json");

    // A subtree is deleted only after a yes; a leaf at once.
    editorApply(e, editor_action::Delete{uidOf(e.doc, "A")}, context);
    CHECK(e.confirm == EditorState::Confirm::Delete);
    editorApply(e, editor_action::Answer{false}, context);
    CHECK(e.doc.nodes.size() == 7);
    editorApply(e, editor_action::Delete{uidOf(e.doc, "A")}, context);
    editorApply(e, editor_action::Answer{true}, context);
    CHECK(e.doc.nodes.size() == 4);
    CHECK(node(e.doc, e.selected)->id == "G");
    editorApply(e, editor_action::Delete{uidOf(e.doc, "N1")}, context);
    CHECK(e.doc.nodes.size() == 3);
    CHECK(node(e.doc, e.selected)->id == "B");

    // Download: the model file, named after the model (the outcome reaches the status through
    // the reducer: reducer_test.cpp).
    const auto downloads = effectsOf<effect::Download>(editorApply(e, editor_action::Download{}, context));
    REQUIRE(downloads.size() == 1);
    CHECK(downloads[0].filename == "small.json");
    CHECK(downloads[0].requester == Requester::Editor);
    CHECK(model::parseModel(downloads[0].bytes).hash == e.hash);

    // Share link without a page: the model file instead.
    const auto linkFile = effectsOf<effect::Download>(editorApply(e, editor_action::ShareLink{}, context));
    REQUIRE(linkFile.size() == 1);
    CHECK(linkFile[0].requester == Requester::EditorLinkFile);
    // With a page: the link arrives later; one for an older document is dropped.
    context.canShareLink = true;
    auto links = effectsOf<effect::ShareLink>(editorApply(e, editor_action::ShareLink{}, context));
    REQUIRE(links.size() == 1);
    CHECK(model::parseModel(links[0].modelJson).hash == e.hash);
    CHECK(e.shareLinkPending);
    *links[0].reply.lock() = {true, Outcome::success("https://example.org/#model=abc"), true};
    editorPoll(e);
    CHECK(e.status.key == "editor.status.link_copied");
    CHECK(e.shareLink == "https://example.org/#model=abc");
    links = effectsOf<effect::ShareLink>(editorApply(e, editor_action::ShareLink{}, context));
    editorApply(e, editor_action::SetLabel{uidOf(e.doc, "B"), "en", "Q"}, context);
    CHECK(links[0].reply.expired());  // the late answer has nowhere to go
    editorPoll(e);
    CHECK(e.shareLink.empty());
    links = effectsOf<effect::ShareLink>(editorApply(e, editor_action::ShareLink{}, context));
    *links[0].reply.lock() = {true, Outcome::failure("clipboard blocked"), false};
    editorPoll(e);
    CHECK(e.status.key == "editor.status.link_failed");
    CHECK(e.status.argument == "clipboard blocked");

    // Loading a file over unsaved changes asks first; a bad file says why and changes nothing.
    editorApply(e, editor_action::LoadFiles{{{"bad.json", "{"}}}, context);
    CHECK(e.loadError.find("bad.json") == 0);
    CHECK(e.doc.nodes.size() == 3);
    // A file too large to read (the page did not read it): its message, nothing changed.
    editorApply(e, editor_action::LoadFiles{{}, {"huge.json: the file is 50 MB; a model file is at most 5 MB"}},
                context);
    CHECK(e.loadError.find("huge.json: the file is 50 MB") == 0);
    CHECK(e.doc.nodes.size() == 3);
    CHECK(e.confirm == EditorState::Confirm::None);
    editorApply(e, editor_action::LoadFiles{{{"again.json", kSmall}}}, context);
    CHECK(e.confirm == EditorState::Confirm::Replace);
    editorApply(e, editor_action::Answer{true}, context);
    CHECK(e.hash == original);
    CHECK(e.sourceName == "again.json");
    CHECK(e.loadError.empty());

    const nlohmann::json j = editorJson(e);
    CHECK(j["nodes"] == 6);
    CHECK(j["hash"] == original);
    CHECK(j["problems"].empty());
    CHECK(j["tree"][1]["id"] == "A");
}

TEST_CASE("editor: an invalid document is neither used nor shared") {
    EditorState e;
    editorOpen(e, kSmall, "small.json");
    EditorContext context;
    context.canShareLink = true;
    CHECK(editorApply(e, editor_action::SetId{uidOf(e.doc, "B"), "A"}, context).empty());
    CHECK_FALSE(e.valid);
    CHECK(editorApply(e, editor_action::UseForQuestionnaire{}, context).empty());
    CHECK(e.status.key == "editor.status.fix_first");
    CHECK(editorApply(e, editor_action::ShareLink{}, context).empty());
    CHECK(editorApply(e, editor_action::DownloadSurveyPage{}, context).empty());
    const nlohmann::json j = editorJson(e);
    CHECK(j["problems"][0]["key"] == "editor.problem.id_duplicate");
    CHECK(j["problems"][0]["severity"] == "error");
}
