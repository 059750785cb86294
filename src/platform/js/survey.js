// The survey's way around: the model an expert chose stays chosen, the editor's survey page
// (this page with a model inside), and "Send my answers" (share sheet, else download + mail).
// A --js-library (services_web.cpp); the page (web/index.html) provides ahpRememberModel,
// ahpForgetModel and ahpSurveyTemplate.
mergeInto(LibraryManager.library, {
  // Two tabs of one survey: when another tab saves a session, this one merges it in
  // (App::sessionChangedElsewhere), so neither overwrites the other's answers.
  ahp_js_watch_sessions: function () {
    window.addEventListener('storage', function (e) {
      if (e.key && /^ahp:.*:session$/.test(e.key) && typeof _ahp_session_changed === 'function') _ahp_session_changed();
    });
  },

  ahp_js_choose_model: function (json) {
    var text = UTF8ToString(json);
    if (text === '') {
      if (window.ahpForgetModel) window.ahpForgetModel();  // reloads with the page's own survey
    } else if (window.ahpRememberModel) {
      window.ahpRememberModel(text);
    }
  },

  // The template (this very page as it was served, or ahp-survey.html beside a hosted page)
  // with the model element's content replaced by `data` (already escaped: model::surveyModelData).
  ahp_js_download_survey_page__deps: ['$ahpSaveBlob'],
  ahp_js_download_survey_page: function (name, data) {
    var fileName = UTF8ToString(name), content = UTF8ToString(data);
    var open = '<script type="application/json" id="ahp-survey-model">', close = '</' + 'script>';
    window.ahpSurveyPageError = undefined;
    Promise.resolve(window.ahpSurveyTemplate ? window.ahpSurveyTemplate() : Promise.reject(new Error('no template')))
      .then(function (html) {
        var begin = html.indexOf(open);
        var end = begin < 0 ? -1 : html.indexOf(close, begin + open.length);
        if (end < 0) throw new Error('the page template has no model element');
        var page = html.slice(0, begin + open.length) + content + html.slice(end);
        ahpSaveBlob(new Blob([page], {type: 'text/html'}), fileName);
      })
      .catch(function (e) {
        window.ahpSurveyPageError = String((e && e.message) || e);
        console.warn('ahp: no survey page: ' + window.ahpSurveyPageError);
      });
  },

  // Phones (navigator.canShare with files): the system share sheet, straight into mail or a
  // messenger. Elsewhere, or when sharing is refused: the download, then the mail program
  // with subject and body filled in (the expert attaches the file).
  ahp_js_send_answers__deps: ['$ahpSaveBlob'],
  ahp_js_send_answers: function (name, mime, bytes, size, mailto) {
    var fileName = UTF8ToString(name), type = UTF8ToString(mime), link = UTF8ToString(mailto);
    var data = HEAPU8.slice(bytes, bytes + size);
    function downloadAndMail() {
      ahpSaveBlob(new Blob([data], {type: type}), fileName);
      if (link) {
        window.ahpLastMailto = link;  // for tests: where the mail went
        var mail = document.createElement('a');
        mail.href = link;
        mail.style.display = 'none';
        document.body.appendChild(mail);
        setTimeout(function () { mail.click(); mail.remove(); }, 300);
      }
    }
    var file = null;
    try { file = new File([data], fileName, {type: type}); } catch (e) { file = null; }
    if (file && navigator.canShare && navigator.share && navigator.canShare({files: [file]})) {
      navigator.share({files: [file], title: fileName}).catch(function (e) {
        if (!e || e.name !== 'AbortError') downloadAndMail();  // the expert closing the sheet is not an error
      });
    } else {
      downloadAndMail();
    }
  },
});
