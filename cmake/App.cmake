# The questionnaire: UI library (screens, state, intents) + platform layer (GLFW, GL renderer,
# browser bridge) -> build/native/ahp-app, or build/web/ahp-app.{js,wasm} + the page in web/.
include(${CMAKE_CURRENT_LIST_DIR}/Embed.cmake)

# ahp_ui_core: the state, the reducer, the session, the editor's and the researcher's logic and
# the strings; built without ImGui, so "no drawing here" is checked by the compiler. Its
# reducer reaches the editor and the desk through workbench.hpp, defined by the program's choice
# of workbench below. ahp_ui: the App and the screens (ImGui) on top of it.
set(AHP_UI_CORE_NAMES reducer session editor research strings)
set(AHP_UI_CORE_SOURCES)
foreach(name ${AHP_UI_CORE_NAMES})
  list(APPEND AHP_UI_CORE_SOURCES ${CMAKE_SOURCE_DIR}/src/ui/${name}.cpp)
endforeach()
add_library(ahp_ui_core STATIC ${AHP_UI_CORE_SOURCES})
target_include_directories(ahp_ui_core PUBLIC ${CMAKE_SOURCE_DIR}/src)
target_link_libraries(ahp_ui_core PUBLIC ahp_engine ahp_model dep_json)
target_compile_definitions(ahp_ui_core PRIVATE AHP_APP_VERSION="${PROJECT_VERSION}")
file(GLOB AHP_UI_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/ui/*.cpp)
list(FILTER AHP_UI_SOURCES EXCLUDE REGEX "/workbench(_absent)?\\.cpp$")
list(REMOVE_ITEM AHP_UI_SOURCES ${AHP_UI_CORE_SOURCES})
add_library(ahp_ui STATIC ${AHP_UI_SOURCES})
target_link_libraries(ahp_ui PUBLIC ahp_ui_core ahp_text dep_imgui dep_json)
target_compile_definitions(ahp_ui PRIVATE AHP_APP_VERSION="${PROJECT_VERSION}")
# Each program links one of these (src/ui/workbench.hpp): the researcher's workbench (the editor
# and the group analysis), or none (the web's survey page: Research and Editor open the
# workbench page, ahp-workbench.{js,wasm}).
add_library(ahp_workbench OBJECT ${CMAKE_SOURCE_DIR}/src/ui/workbench.cpp)
target_link_libraries(ahp_workbench PUBLIC ahp_ui)
add_library(ahp_workbench_absent OBJECT ${CMAKE_SOURCE_DIR}/src/ui/workbench_absent.cpp)
target_link_libraries(ahp_workbench_absent PUBLIC ahp_ui)

# The platform layer and the embedded files, one object library linked into ahp-app (and, for
# the web, into ahp-workbench).
# One file per target: *_web.cpp under Emscripten, *_desktop.cpp natively (a runner with main()
# and the services); the rest is shared. The web's JavaScript is in src/platform/js/*.js.
file(GLOB AHP_PLATFORM_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/platform/*.cpp)
list(FILTER AHP_PLATFORM_SOURCES EXCLUDE REGEX "/reader_web\\.cpp$")  # a program of its own, below
if(EMSCRIPTEN)
  list(FILTER AHP_PLATFORM_SOURCES EXCLUDE REGEX "_desktop\\.cpp$")
else()
  list(FILTER AHP_PLATFORM_SOURCES EXCLUDE REGEX "_web\\.cpp$")
endif()
add_library(ahp_platform OBJECT ${AHP_PLATFORM_SOURCES})
target_include_directories(ahp_platform PUBLIC ${CMAKE_SOURCE_DIR}/src)
target_link_libraries(ahp_platform PUBLIC ahp_ui)
add_executable(ahp-app)
if(EMSCRIPTEN)
  target_link_libraries(ahp-app PRIVATE ahp_platform ahp_workbench_absent)  # the survey page
else()
  target_link_libraries(ahp-app PRIVATE ahp_platform ahp_workbench)
endif()

# The fonts, subset at build time to what the interface draws (cmake/subset_font.py, with
# Debian's python3-fonttools: /usr/bin/python3, whatever python3 comes first on the PATH).
set(NOTO /usr/share/fonts/truetype/noto)
find_program(AHP_SYSTEM_PYTHON python3 PATHS /usr/bin NO_DEFAULT_PATH)
find_program(AHP_SYSTEM_PYTHON python3)
set(AHP_FONT_DIR ${CMAKE_BINARY_DIR}/fonts)
set(AHP_FONT_TEXTS ${CMAKE_SOURCE_DIR}/assets/strings/en.json ${CMAKE_SOURCE_DIR}/assets/strings/fa.json
    ${CMAKE_SOURCE_DIR}/assets/models/egov-qom.json)
foreach(pair "latin;NotoSans" "arabic;NotoSansArabic")
  list(GET pair 0 which)
  list(GET pair 1 family)
  add_custom_command(OUTPUT ${AHP_FONT_DIR}/${family}-subset.ttf
    COMMAND ${CMAKE_COMMAND} -E make_directory ${AHP_FONT_DIR}
    COMMAND ${AHP_SYSTEM_PYTHON} ${CMAKE_SOURCE_DIR}/cmake/subset_font.py ${which}
            ${NOTO}/${family}-Regular.ttf ${AHP_FONT_DIR}/${family}-subset.ttf ${AHP_FONT_TEXTS}
    DEPENDS ${NOTO}/${family}-Regular.ttf ${CMAKE_SOURCE_DIR}/cmake/subset_font.py ${AHP_FONT_TEXTS}
    COMMENT "Subsetting ${family}" VERBATIM)
endforeach()
# The string tables as ui::Strings reads them (cmake/strings_table.py): <lang>.strings whole, for
# the programs with the workbench; survey-<lang>.strings without the researcher's texts, for the
# survey page (issue 11: 7 KB of the bytes before its first frame).
set(AHP_STRINGS_DIR ${CMAKE_BINARY_DIR}/strings)
set(AHP_STRING_TABLES)
foreach(language en fa)
  foreach(table "${language};" "survey-${language};--without;research.;--without;editor.")
    list(POP_FRONT table name)
    add_custom_command(OUTPUT ${AHP_STRINGS_DIR}/${name}.strings
      COMMAND ${CMAKE_COMMAND} -E make_directory ${AHP_STRINGS_DIR}
      COMMAND ${AHP_SYSTEM_PYTHON} ${CMAKE_SOURCE_DIR}/cmake/strings_table.py
              ${CMAKE_SOURCE_DIR}/assets/strings/${language}.json ${AHP_STRINGS_DIR}/${name}.strings ${table}
      DEPENDS ${CMAKE_SOURCE_DIR}/assets/strings/${language}.json ${CMAKE_SOURCE_DIR}/cmake/strings_table.py
      COMMENT "String table ${name}" VERBATIM)
    list(APPEND AHP_STRING_TABLES ${AHP_STRINGS_DIR}/${name}.strings)
  endforeach()
endforeach()
add_custom_target(ahp_string_tables DEPENDS ${AHP_STRING_TABLES})
add_custom_target(ahp_fonts DEPENDS ${AHP_FONT_DIR}/NotoSans-subset.ttf ${AHP_FONT_DIR}/NotoSansArabic-subset.ttf)
ahp_embed_files(ahp_platform
  shader_imgui_vert ${CMAKE_SOURCE_DIR}/shaders/imgui.vert.glsl
  shader_imgui_frag ${CMAKE_SOURCE_DIR}/shaders/imgui.frag.glsl
  model_egov_qom ${CMAKE_SOURCE_DIR}/assets/models/egov-qom.json
  font_latin ${AHP_FONT_DIR}/NotoSans-subset.ttf
  font_arabic ${AHP_FONT_DIR}/NotoSansArabic-subset.ttf)

ahp_embed_files(ahp_workbench strings_en ${AHP_STRINGS_DIR}/en.strings strings_fa ${AHP_STRINGS_DIR}/fa.strings)
ahp_embed_files(ahp_workbench_absent
  strings_en ${AHP_STRINGS_DIR}/survey-en.strings strings_fa ${AHP_STRINGS_DIR}/survey-fa.strings)

if(EMSCRIPTEN)
  # Bytes before speed on the web (issue 11): the code is compiled and linked -Oz (binaryen's
  # wasm-opt -Oz at the link). Measured, ahp-app.wasm gzip: -O3 509 KB; -Oz outside the engine
  # 402 KB; a second wasm-opt -Oz --converge over the linked file gained 0.4% and is not run.
  # The engine is the exception, -O2: at -Oz Eigen's small functions stay calls and the engine
  # ran 7-12x slower in wasm (engine_bench: weights + consistency n=9 127 us vs 15 us; the UI's
  # set report n=9, what a click on a 9-item set computes, 77 ms vs 6 ms), and -O2 cost no bytes
  # (gzip: the survey 1.4 KB smaller, the workbench 2.4 KB larger).
  set(AHP_WEB_SIZE_OPT -Oz CACHE STRING "Optimisation of the web app's code outside the engine")
  set(AHP_WEB_ENGINE_OPT -O2 CACHE STRING "Optimisation of the engine's code on the web")
  target_compile_options(ahp_engine PRIVATE ${AHP_WEB_ENGINE_OPT})
  foreach(t dep_imgui fribidi_wasm ahp_model ahp_text ahp_ui_core ahp_ui ahp_platform ahp_workbench ahp_workbench_absent)
    if(TARGET ${t})
      target_compile_options(${t} PRIVATE ${AHP_WEB_SIZE_OPT})
    endif()
  endforeach()
  set(AHP_WEB_EXPORTS "['_main','_malloc','_free','_ahp_state_json','_ahp_widgets_json','_ahp_frame_count','_ahp_loop_count','_ahp_idle','_ahp_frame_stats_json','_ahp_frame_stats_reset','_ahp_import_limit','_ahp_import_add','_ahp_import_too_large','_ahp_import_done','_ahp_load_model','_ahp_pointer_event','_ahp_share_link_done','_ahp_save_session']")
  set(AHP_WEB_LINK_OPTIONS
    -sUSE_GLFW=3 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2
    -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=33554432
    # What src/platform/js and the tests call (ccall and cwrap are not: 437 B of gzip).
    -sEXPORTED_RUNTIME_METHODS=['UTF8ToString','stringToUTF8','lengthBytesUTF8']
    -sENVIRONMENT=web ${AHP_WEB_SIZE_OPT} -sMALLOC=emmalloc
    # A function with one caller stays a function of its own unless it is small (binaryen's
    # default inlines it whatever its size). Chrome compiles each function at its first call, on
    # the page's thread: the runner's frame, into which the whole frame had been inlined, was
    # 28 KB, and the App's frame held every screen, all compiled for a welcome screen (lazy
    # compiles of the first frame, CPU 4x: 319 ms -> 83 ms), and all kept in the first part of
    # the program. Slow 4G, CPU 4x, gzip, medians of 6 loads taken in turn: first frame 3.17 s
    # -> 2.70 s with a limit of 100; 30 the same within the noise (2.61 s against 2.55 s in a
    # second round) and the first part 4 KB smaller; the frame CPU of a click unchanged.
    -sBINARYEN_EXTRA_PASSES=--one-caller-inline-max-function-size=30
    -sFILESYSTEM=0  # no file system: files come and go through the page (13 KB of JavaScript)
    # WebGL2's core is all the renderer uses: no extension is enabled at start-up (enabling
    # them all took 45 ms of a phone-speed start) and their code is left out.
    -sGL_SUPPORT_AUTOMATIC_ENABLE_EXTENSIONS=0 -sGL_SUPPORT_SIMPLE_ENABLE_EXTENSIONS=0
    # Bytes of JavaScript (gzip), issue 11: the runtime reads only the Module fields that
    # web/index.html sets (-322 B); it decodes text with TextDecoder, which every browser with
    # WebGL2 has (-145 B); no deferral of fullscreen or pointer-lock requests, never made (-325 B).
    -sINCOMING_MODULE_JS_API=['canvas','arguments','onAbort','print','printErr','instantiateWasm','loadSplitModule']
    -sTEXTDECODER=2 -sHTML5_SUPPORT_DEFERRING_USER_SENSITIVE_REQUESTS=0)
  file(GLOB AHP_WEB_JS_LIBRARIES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/platform/js/*.js)
  foreach(js ${AHP_WEB_JS_LIBRARIES})
    list(APPEND AHP_WEB_LINK_OPTIONS "SHELL:--js-library ${js}")
  endforeach()
  # The runtime's JavaScript minified after the link (emcc only strips whitespace without the
  # Closure Compiler, which Debian does not have in a usable version): Debian's uglifyjs renames
  # the runtime's names, top-level ones too (the page and the tests reach it through Module
  # only): ahp-app.js 27.7 KB -> 20.7 KB gzip.
  find_program(AHP_UGLIFYJS uglifyjs REQUIRED)
  function(ahp_minify_runtime target)
    set(js $<TARGET_FILE:${target}>)
    add_custom_command(TARGET ${target} POST_BUILD
      COMMAND ${AHP_UGLIFYJS} ${js} --compress toplevel,passes=2 --mangle toplevel,reserved=[Module] -o ${js}.min
      COMMAND ${CMAKE_COMMAND} -E rename ${js}.min ${js}
      VERBATIM)
  endfunction()
  # The survey in two parts (issue 11): what its first frame runs, and the rest, which the page
  # loads once the first frame is drawn (cmake/split_program.py, web/first-frame-functions.txt).
  # The link keeps function names for the split (wasm-split writes none) and writes an
  # instrumented copy that records what runs (tests/web/first_frame_functions.mjs lists it).
  find_program(AHP_WASM_SPLIT wasm-split REQUIRED)
  set(AHP_FIRST_FRAME_FUNCTIONS ${CMAKE_SOURCE_DIR}/web/first-frame-functions.txt)
  target_link_options(ahp-app PRIVATE ${AHP_WEB_LINK_OPTIONS} -sEXPORTED_FUNCTIONS=${AHP_WEB_EXPORTS}
                      -sSPLIT_MODULE=1 -Wno-experimental --profiling-funcs)
  set_property(TARGET ahp-app PROPERTY LINK_DEPENDS ${AHP_WEB_JS_LIBRARIES} ${AHP_FIRST_FRAME_FUNCTIONS}
                                                    ${CMAKE_SOURCE_DIR}/cmake/split_program.py)
  ahp_minify_runtime(ahp-app)
  add_custom_command(TARGET ahp-app POST_BUILD
    COMMAND ${CMAKE_COMMAND} -E rename ${CMAKE_BINARY_DIR}/ahp-app.wasm ${CMAKE_BINARY_DIR}/ahp-app.instrumented.wasm
    COMMAND ${AHP_SYSTEM_PYTHON} ${CMAKE_SOURCE_DIR}/cmake/split_program.py ${AHP_WASM_SPLIT}
            ${CMAKE_BINARY_DIR}/ahp-app.wasm.orig ${AHP_FIRST_FRAME_FUNCTIONS}
            ${CMAKE_BINARY_DIR}/ahp-app.wasm ${CMAKE_BINARY_DIR}/ahp-app.deferred.wasm
    VERBATIM)
  # The workbench page: the same page and objects with the researcher's workbench linked in;
  # index.html loads it for ?screen=research and ?screen=editor.
  add_executable(ahp-workbench)
  target_link_libraries(ahp-workbench PRIVATE ahp_platform ahp_workbench)
  # It takes response files parsed by the reading worker (web_bridge.cpp); the survey page does not.
  string(REPLACE "]" ",'_ahp_import_model_text','_ahp_import_add_parsed']" AHP_WORKBENCH_EXPORTS ${AHP_WEB_EXPORTS})
  target_link_options(ahp-workbench PRIVATE ${AHP_WEB_LINK_OPTIONS} -sEXPORTED_FUNCTIONS=${AHP_WORKBENCH_EXPORTS})
  set_property(TARGET ahp-workbench PROPERTY LINK_DEPENDS ${AHP_WEB_JS_LIBRARIES})
  ahp_minify_runtime(ahp-workbench)
  # The workbench's reading worker (src/platform/reader_web.cpp): the file parser alone, loaded
  # by the worker when the Research tab is given files. Built for speed (-O2: it parses
  # thousands of files) with the usual allocator, as bytes matter less here than on the survey.
  add_executable(ahp-reader ${CMAKE_SOURCE_DIR}/src/platform/reader_web.cpp)
  target_link_libraries(ahp-reader PRIVATE ahp_model)
  target_link_options(ahp-reader PRIVATE
    -sENVIRONMENT=worker -sMODULARIZE=1 -sEXPORT_NAME=AhpReader -sFILESYSTEM=0
    -sALLOW_MEMORY_GROWTH=1 -O2
    -sEXPORTED_FUNCTIONS=['_malloc','_free','_ahp_reader_set_model','_ahp_reader_parse','_ahp_reader_record_size'])
  # The page and its static files are ours (web/); emcc only writes the .js and .wasm.
  file(GLOB AHP_WEB_FILES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/web/*)
  foreach(f ${AHP_WEB_FILES})
    get_filename_component(name ${f} NAME)
    # share-link.js, inflate.js: inlined; first-frame-functions.txt: read by the split
    if(NOT name MATCHES "^(index\\.html|sw\\.js|share-link\\.js|inflate\\.js|first-frame-functions\\.txt)$")
      add_custom_command(TARGET ahp-app POST_BUILD
        COMMAND ${CMAKE_COMMAND} -E copy_if_different ${f} ${CMAKE_BINARY_DIR}/${name})
    endif()
  endforeach()
  # The pages: web/index.html with the study's welcome text (painted while the program loads)
  # and its scripts minified (cmake/minify_page_scripts.py), then the survey's program put
  # inside (cmake/inline_program.py): index.html, the hosted page, and ahp-survey.html, the
  # single file that runs from disk. The service worker's cache is
  # named after the build (a new build replaces the old files).
  foreach(page index ahp-survey)
    if(page STREQUAL "index")
      set(mode page)
    else()
      set(mode single-html)
    endif()
    add_custom_command(OUTPUT ${CMAKE_BINARY_DIR}/${page}.in.html
      COMMAND ${CMAKE_COMMAND} -DMODE=${mode} -DSOURCE_DIR=${CMAKE_SOURCE_DIR} -DBINARY_DIR=${CMAKE_BINARY_DIR}
              -P ${CMAKE_SOURCE_DIR}/cmake/SingleFile.cmake
      COMMAND ${AHP_SYSTEM_PYTHON} ${CMAKE_SOURCE_DIR}/cmake/minify_page_scripts.py ${AHP_UGLIFYJS}
              ${CMAKE_BINARY_DIR}/${page}.in.html
      DEPENDS ${CMAKE_SOURCE_DIR}/web/index.html ${CMAKE_SOURCE_DIR}/web/share-link.js ${CMAKE_SOURCE_DIR}/web/inflate.js
              ${CMAKE_SOURCE_DIR}/web/icon.svg
              ${CMAKE_SOURCE_DIR}/cmake/SingleFile.cmake ${CMAKE_SOURCE_DIR}/cmake/minify_page_scripts.py
              ${AHP_FONT_TEXTS}
      COMMENT "Writing ${page}.in.html with the welcome text" VERBATIM)
    add_custom_command(OUTPUT ${CMAKE_BINARY_DIR}/${page}.html
      COMMAND ${AHP_SYSTEM_PYTHON} ${CMAKE_SOURCE_DIR}/cmake/inline_program.py ${CMAKE_BINARY_DIR}/${page}.in.html
              $<TARGET_FILE:ahp-app> ${CMAKE_BINARY_DIR}/${page}.html
              ${CMAKE_BINARY_DIR}/ahp-app.wasm ${CMAKE_BINARY_DIR}/ahp-app.deferred.wasm
      DEPENDS ${CMAKE_BINARY_DIR}/${page}.in.html ahp-app ${CMAKE_SOURCE_DIR}/cmake/inline_program.py
      COMMENT "Putting the survey's program into ${page}.html" VERBATIM)
  endforeach()
  add_custom_command(OUTPUT ${CMAKE_BINARY_DIR}/sw.js
    COMMAND ${CMAKE_COMMAND} -DMODE=stamp-sw -DSOURCE_DIR=${CMAKE_SOURCE_DIR} -DBINARY_DIR=${CMAKE_BINARY_DIR}
            -P ${CMAKE_SOURCE_DIR}/cmake/SingleFile.cmake
    DEPENDS ${CMAKE_BINARY_DIR}/index.html ahp-workbench ahp-reader ${CMAKE_SOURCE_DIR}/web/sw.js
            ${CMAKE_SOURCE_DIR}/cmake/SingleFile.cmake
    COMMENT "Stamping sw.js with the build's hash" VERBATIM)
  add_custom_target(ahp-page ALL DEPENDS ${CMAKE_BINARY_DIR}/index.html ${CMAKE_BINARY_DIR}/ahp-survey.html
                                          ${CMAKE_BINARY_DIR}/sw.js)

  # build/site: the folder to upload to a static host, with precompressed copies (cmake/Site.cmake).
  set(AHP_SITE_DIR ${CMAKE_SOURCE_DIR}/build/site CACHE PATH "Where the build writes the site to upload")
  find_program(AHP_GZIP gzip REQUIRED)
  find_program(AHP_ZOPFLI zopfli)  # optional: smaller .gz files when Debian's zopfli is installed
  find_program(AHP_BROTLI brotli)  # optional: .br beside .gz when Debian's brotli is installed
  add_custom_command(OUTPUT ${AHP_SITE_DIR}/index.html
    COMMAND ${CMAKE_COMMAND} -DSOURCE_DIR=${CMAKE_SOURCE_DIR} -DBINARY_DIR=${CMAKE_BINARY_DIR} -DSITE_DIR=${AHP_SITE_DIR}
            -DGZIP=${AHP_GZIP} -DZOPFLI=$<$<BOOL:${AHP_ZOPFLI}>:${AHP_ZOPFLI}>
            -DBROTLI=$<$<BOOL:${AHP_BROTLI}>:${AHP_BROTLI}>
            -P ${CMAKE_SOURCE_DIR}/cmake/Site.cmake
    DEPENDS ahp-workbench ahp-reader ${CMAKE_BINARY_DIR}/index.html ${CMAKE_BINARY_DIR}/ahp-survey.html
            ${CMAKE_BINARY_DIR}/sw.js ${AHP_WEB_FILES}
            ${CMAKE_SOURCE_DIR}/cmake/Site.cmake
    COMMENT "Writing the site to upload: ${AHP_SITE_DIR}" VERBATIM)
  add_custom_target(ahp-site ALL DEPENDS ${AHP_SITE_DIR}/index.html)
else()
  find_package(PkgConfig REQUIRED)
  pkg_check_modules(GLFW3 REQUIRED IMPORTED_TARGET glfw3)
  find_package(OpenGL REQUIRED)
  target_link_libraries(ahp_platform PUBLIC PkgConfig::GLFW3 OpenGL::GL)
endif()
