# Build steps of the web page, run as `cmake -DMODE=... -DSOURCE_DIR=... -DBINARY_DIR=... -P`:
#
#   MODE=stamp-sw     web/sw.js -> BINARY_DIR/sw.js with @AHP_BUILD_ID@ replaced by a hash of
#                     index.html (the survey, program included), @AHP_WORKBENCH_ID@ by one of ahp-workbench.*
#                     and ahp-reader.* (a new build gets a new cache).
#   MODE=page         web/index.html -> BINARY_DIR/index.in.html with the welcome text (below).
#   MODE=single-html  web/index.html + web/icon.svg -> BINARY_DIR/ahp-survey.in.html: the page
#                     that runs from disk (file://) without any other file.
# cmake/inline_program.py then puts the survey's program into each (-> index.html and
# ahp-survey.html): the hosted page carries it too, one request instead of three (issue 11).

# The page paints the built-in study's welcome (its title, purpose and how pairwise comparison
# works, in Persian and English, from the model and assets/strings) while the WebAssembly
# loads: "<!-- ahp:welcome -->" in web/index.html becomes that text.
# `page` with `marker` replaced by `text`; a page without the marker stops the build (`what`
# names what would have gone there).
function(ahp_fill_marker out page marker text what)
  string(FIND "${page}" "${marker}" at)
  if(at LESS 0)
    message(FATAL_ERROR "web/index.html has no ${marker} line for ${what}")
  endif()
  string(REPLACE "${marker}" "${text}" page "${page}")
  set(${out} "${page}" PARENT_SCOPE)
endfunction()

function(ahp_html_escape out text)
  string(REPLACE "&" "&amp;" text "${text}")
  string(REPLACE "<" "&lt;" text "${text}")
  string(REPLACE ">" "&gt;" text "${text}")
  string(REPLACE "\"" "&quot;" text "${text}")
  set(${out} "${text}" PARENT_SCOPE)
endfunction()
function(ahp_welcome_page out page)
  file(READ ${SOURCE_DIR}/assets/models/egov-qom.json model)
  set(blocks "")
  foreach(lang fa en)
    file(READ ${SOURCE_DIR}/assets/strings/${lang}.json strings)
    string(JSON title GET "${model}" title ${lang})
    string(JSON purpose GET "${model}" purpose ${lang})
    string(JSON how_title GET "${strings}" "welcome.how_title")
    string(JSON how_body GET "${strings}" "welcome.how_body")
    foreach(v title purpose how_title how_body)
      ahp_html_escape(${v} "${${v}}")
    endforeach()
    if(lang STREQUAL "fa")
      set(dir rtl)
    else()
      set(dir ltr)
    endif()
    string(APPEND blocks "<div class=\"welcome\" lang=\"${lang}\" dir=\"${dir}\" hidden><h1>${title}</h1><p>${purpose}</p><h2>${how_title}</h2><p>${how_body}</p></div>\n")
  endforeach()
  ahp_fill_marker(page "${page}" "<!-- ahp:welcome -->" "${blocks}" "the welcome text")
  set(${out} "${page}" PARENT_SCOPE)
endfunction()

# The page's own scripts, inlined where web/index.html says <!-- ahp:NAME --> (no extra request
# before the program loads): web/share-link.js, the share-link decoder, and web/inflate.js, the
# inflater of the program's blocks where the browser has none (both also run under Node by tests).
function(ahp_inline_scripts out page)
  foreach(name share-link inflate)
    file(READ ${SOURCE_DIR}/web/${name}.js code)
    if(code MATCHES "</[sS][cC][rR][iI][pP][tT]|<!--")
      message(FATAL_ERROR "web/${name}.js must not contain \"</script\" or \"<!--\" (it is inlined)")
    endif()
    ahp_fill_marker(page "${page}" "<!-- ahp:${name} -->" "<script>\n${code}</script>" "web/${name}.js")
  endforeach()
  set(${out} "${page}" PARENT_SCOPE)
endfunction()

if(MODE STREQUAL "page")
  file(READ ${SOURCE_DIR}/web/index.html page)
  ahp_welcome_page(page "${page}")
  ahp_inline_scripts(page "${page}")
  ahp_fill_marker(page "${page}" "<!-- ahp:single-file-flag -->" "" "the single file's flag")
  file(WRITE ${BINARY_DIR}/index.in.html.tmp "${page}")
  file(RENAME ${BINARY_DIR}/index.in.html.tmp ${BINARY_DIR}/index.in.html)

elseif(MODE STREQUAL "stamp-sw")
  file(SHA256 ${BINARY_DIR}/index.html build_id)
  string(SUBSTRING "${build_id}" 0 16 build_id)
  file(SHA256 ${BINARY_DIR}/ahp-workbench.wasm wasm_hash)
  file(SHA256 ${BINARY_DIR}/ahp-workbench.js js_hash)
  file(SHA256 ${BINARY_DIR}/ahp-reader.wasm reader_wasm_hash)
  file(SHA256 ${BINARY_DIR}/ahp-reader.js reader_js_hash)
  string(SHA256 workbench_id "${wasm_hash}${js_hash}${reader_wasm_hash}${reader_js_hash}")
  string(SUBSTRING "${workbench_id}" 0 16 workbench_id)
  file(READ ${SOURCE_DIR}/web/sw.js sw)
  string(REPLACE "@AHP_BUILD_ID@" "${build_id}" sw "${sw}")
  string(REPLACE "@AHP_WORKBENCH_ID@" "${workbench_id}" sw "${sw}")
  file(WRITE ${BINARY_DIR}/sw.js.tmp "${sw}")
  file(RENAME ${BINARY_DIR}/sw.js.tmp ${BINARY_DIR}/sw.js)

elseif(MODE STREQUAL "single-html")
  file(READ ${SOURCE_DIR}/web/index.html page)
  ahp_welcome_page(page "${page}")
  ahp_inline_scripts(page "${page}")
  file(READ ${SOURCE_DIR}/web/icon.svg icon)

  # The icon as a data: URL (percent-encoding the few characters that need it).
  string(REGEX REPLACE "[\r\n]+ *" " " icon "${icon}")
  string(REPLACE "%" "%25" icon "${icon}")
  string(REPLACE "#" "%23" icon "${icon}")
  string(REPLACE "\"" "'" icon "${icon}")
  string(REPLACE "<" "%3C" icon "${icon}")
  string(REPLACE ">" "%3E" icon "${icon}")

  ahp_fill_marker(page "${page}" "<!-- ahp:single-file-flag -->"
    "<script>window.AHP_SINGLE_FILE = true;</script>" "the single file's flag (read by the head's script)")
  string(REPLACE "href=\"icon.svg\"" "href=\"data:image/svg+xml,${icon}\"" page "${page}")
  file(WRITE ${BINARY_DIR}/ahp-survey.in.html.tmp "${page}")
  file(RENAME ${BINARY_DIR}/ahp-survey.in.html.tmp ${BINARY_DIR}/ahp-survey.in.html)

else()
  message(FATAL_ERROR "SingleFile.cmake: unknown MODE '${MODE}'")
endif()
