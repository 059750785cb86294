// The questionnaire app: owns the state, draws the current screen, applies the intents the
// screens return and recomputes everything derived from the answers (through the engine).
// Knows nothing about windows, GL or the browser: the platform layer calls it once a frame.
#pragma once

#include "ui/effects.hpp"
#include "ui/widgets.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

struct ImFont;

namespace ui {

struct Resources {  // bytes the platform embedded at build time
    std::string_view modelJson;
    std::string_view stringsEn, stringsFa;
    std::string_view fontLatin, fontArabic;
};

// What the platform does for the App: keeping the session between visits (browser storage or a
// file in the user's data folder), offering files for download, picking files. Any member may
// be empty: the App then does without (no autosave, no picker...). Errors: every call that can
// fail answers with an Outcome (effects.hpp), asynchronous ones through their callback; none
// throws.
struct PlatformServices {
    // The autosaved session of model (id, hash): a response document with a "session" member.
    // A failure (the answers could not be stored) gives a lasting notice; the app tries again
    // with the next change.
    std::function<Outcome(const std::string& modelId, const std::string& hash, const std::string& text)> saveSession;
    std::function<std::optional<std::string>(const std::string& modelId, const std::string& hash)> loadSession;
    std::function<void(const std::string& modelId, const std::string& hash)> clearSession;
    // The slots saved for model `modelId` whose names start with `prefix` (the model's hash:
    // one slot per expert, session.hpp: sessionSlotFor).
    std::function<std::vector<std::string>(const std::string& modelId, const std::string& prefix)> listSessions;
    // The slot this tab saves in (key: the model's id and hash), kept across reloads of the tab
    // and forgotten when it closes, so the next person at a shared computer starts fresh. Empty
    // where there are no tabs (the desktop: every start offers the saved sessions).
    std::function<std::string(const std::string& key)> tabSlot;
    std::function<void(const std::string& key, const std::string& slot)> setTabSlot;
    // Offers bytes as a file named `filename`. Its value: where it was written (a path,
    // natively) or "" (the browser's downloads).
    std::function<Outcome(const std::string& filename, const std::string& mime, const std::string& bytes)> download;
    // Opens a file picker; the chosen files arrive later through App::importFiles.
    std::function<void()> pickFiles;
    // Opens a folder picker; the folder's .json files arrive through App::importFiles.
    std::function<void()> pickFolder;
    // A link that opens the questionnaire with `modelJson` (the page's #model= link); `done`
    // gets the link (the Outcome's value) and whether it was copied to the clipboard, now or
    // later. Empty where there is no page (desktop).
    std::function<void(const std::string& modelJson, std::function<void(const Outcome& link, bool copied)> done)>
        shareLink;
    // The page remembers the model the expert chose ("Use this model", a #model= link) and opens
    // it at the next visit; "" forgets it and reopens the page's own survey (a reload).
    std::function<void(const std::string& modelJson)> chooseModel;
    // Offers this page with a model inside as `filename` (a survey page): `pageData` is the
    // model element's content (model::surveyModelData). Empty where there is no page.
    std::function<void(const std::string& filename, const std::string& pageData)> downloadSurveyPage;
    // "Send my answers": the system share sheet with the file where the browser can share
    // files, else the download and `mailto` (a mailto: link, "" when the model has no contact).
    std::function<Outcome(const std::string& filename, const std::string& mime, const std::string& bytes,
                          const std::string& mailto)>
        sendAnswers;
    // Opens the workbench page on `screen` ("research", "editor"), in `language`, where this
    // program has no workbench (ui/workbench.hpp): the survey page. Empty where there is none.
    std::function<void(const std::string& screen, const std::string& language)> openWorkbench;
    // Milliseconds since 1970 for the change times of judgments (defaults to the system clock).
    std::function<std::int64_t()> clockMs;
    // Current time, ISO-8601 UTC (defaults to model::isoUtcNow).
    std::function<std::string()> now;
};

// A model the platform opens the app with (a survey page's own, a shared link's, a file's)
// instead of the built-in study (Resources::modelJson).
struct FirstModel {
    std::string text;
    std::string source;  // names it in messages and in answer files
};

class App {
public:
    // Opens `first` when given; the built-in study when not, or when `first` does not load
    // (firstModelError() then says why). Only the model that opens is parsed.
    explicit App(const Resources& resources, PlatformServices services = {}, const FirstModel* first = nullptr);
    ~App();

    // (Re)builds the ImGui font atlas for a framebuffer of `pixelRatio` pixels per UI unit.
    void buildFonts(float pixelRatio);
    // Why the platform's first model did not open (the built-in study did instead), or "".
    const std::string& firstModelError() const;
    // Start-up options from the command line or the page's URL: "lang" (fa, en), "screen"
    // (welcome, compare, results), "set" (1-based comparison set), "model-error" (a shared
    // link's model could not be decoded: the message to show). Unknown values are ignored.
    void setOption(const std::string& key, const std::string& value);
    // The platform's last pointer: a mouse or a pen can hover (tooltips), a finger cannot.
    void setPointerHovers(bool hovers);
    // True while the app has work that needs frames without input (files loading a few per
    // frame, results waiting to be recomputed), or a save changed what it shows: the platform
    // draws nothing otherwise.
    bool wantsFrames() const;
    // Draws one frame (between ImGui::NewFrame and ImGui::Render). Does not save: writing the
    // session costs more than the rest of a click's frame, so the platform calls
    // saveSession() after the frame (the browser: when idle, and at once when the page is
    // hidden or closed; the desktop: after the frame is shown).
    void frame();
    // True when the next frame draws what a new expert first sees: the welcome screen, nothing
    // answered, no other expert's answers saved here. A returning expert's page reopens where
    // they left (the questions, the results, the experts saved on this device): the web page
    // brings the code of those screens in the program's second part, and starts such a page's
    // program once that part is in (runner_web.cpp).
    bool isFreshStart() const;
    // True when the session changed since it was last saved.
    bool hasUnsavedChanges() const;
    // Saves the session if it changed since it was last saved.
    void saveSession();

    // Replaces the questionnaire's model (e.g. one from a shared link) and restores that
    // model's saved session. On failure, the problem (naming `sourceName`); the current model
    // stays.
    Outcome loadModelText(const std::string& json, const std::string& sourceName);
    // Response files chosen or dropped by the user: each is checked against the model; each bad
    // file gets a message and changes nothing; a good one replaces the answers (after a
    // confirmation when there are answers already). No file's bytes are kept after this.
    // `tooLarge` (name, size): files of the same pick or drop the platform did not read because
    // each is over importByteLimit(); each gets the message a file found too large gets.
    // `coming`: files of the same pick or drop still to come in further calls (the page hands
    // thousands of files over in parts as it reads them, so that the Research tab starts on the
    // first ones); the other screens take the whole choice at once, when the last part comes.
    // On the Research screen a file may come parsed (ImportedFile::response), when
    // takesParsedResponses() said yes as it was handed over.
    void importFiles(std::vector<ImportedFile> files,
                     const std::vector<std::pair<std::string, std::uint64_t>>& tooLarge = {}, int coming = 0);
    // Whether response files may be handed over parsed (off the page's thread, against the
    // model of modelText()) rather than as their bytes: on the Research screen. And whether
    // this one may: one parsed against the current model.
    bool takesParsedResponses() const;
    bool takesParsedResponse(const model::Response& response) const;
    // The current model's text, as given.
    const std::string& modelText() const;
    // The largest file importFiles takes on the current screen (model/limits.hpp: a model file
    // in the editor, a response file elsewhere): the platform checks each file's size against
    // it before reading the file.
    std::uint64_t importByteLimit() const;
    // Another tab saved this model's session: its later changes are merged in (judgment by
    // judgment; nothing changed later here is lost).
    void sessionChangedElsewhere();

    // The test interface: the state (answers, weights, CRs...) and the widgets' rectangles.
    std::string stateJson() const;
    std::string widgetsJson() const;

    // The platform's mirror of the widgets (the page's DOM for assistive technology and the
    // browser's own text fields): what was drawn last frame, with its semantics and in which
    // language (a language chosen in a frame is drawn from the next: the page's lang and dir
    // change with the texts, in one layout)...
    const WidgetRegistry& widgets() const;
    const std::string& language() const;
    // ...whether the last frame showed a new screen or set (the mirror's focus goes to its top)...
    bool takeNewPage();
    // ...the widget the pointer pressed last frame ("" none; the mirror's focus follows it)...
    std::string takePressedOnCanvas();
    // ...and what the mirror's elements did, applied in the next frame as the canvas would:
    // `id` activated (a click, Space or Enter, a screen reader's action); text field `id` now
    // holds `text`; text field `id` refused a text of `characters` (over kFieldCharacters: it
    // kept its text); the focus is on `id` ("" none), moved there by the keyboard when `visible`.
    void mirrorActivate(const std::string& id);
    void mirrorText(const std::string& id, const std::string& text);
    void mirrorTextRefused(const std::string& id, std::size_t characters);
    void mirrorFocus(const std::string& id, bool visible);

    // The keyboard where there is no mirror (the desktop): the same order as the page's
    // elements (the widgets' reading order). Tab and Shift+Tab move between widgets, one stop
    // per radio group; Space and Enter press the focused one; the arrows move within a radio
    // group and choose (as a browser's radios do). Applied in the next frame.
    enum class Key { Tab, ShiftTab, Space, Enter, Left, Right, Up, Down };
    // Whether `key` moves the keyboard's place now (false: it belongs to a text field being edited).
    bool takesKey(Key key) const;
    void keyPressed(Key key);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace ui
