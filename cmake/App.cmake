# The questionnaire: UI library (screens, state, intents) + platform layer (GLFW, GL renderer,
# browser bridge) -> build/native/ahp-app, or build/web/ahp-app.{js,wasm} + the page in web/.
include(${CMAKE_CURRENT_LIST_DIR}/Embed.cmake)

file(GLOB AHP_UI_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/ui/*.cpp)
add_library(ahp_ui STATIC ${AHP_UI_SOURCES})
target_link_libraries(ahp_ui PUBLIC ahp_engine ahp_model ahp_text dep_imgui dep_json)
target_compile_definitions(ahp_ui PRIVATE AHP_APP_VERSION="${PROJECT_VERSION}")

# The platform layer and the embedded files, one object library linked into ahp-app (and, for
# the web, a second time into ahp-app-single: the wasm inlined for the offline single HTML file).
# One file per target: *_web.cpp under Emscripten, *_desktop.cpp natively (a runner with main()
# and the services); the rest is shared. The web's JavaScript is in src/platform/js/*.js.
file(GLOB AHP_PLATFORM_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/platform/*.cpp)
if(EMSCRIPTEN)
  list(FILTER AHP_PLATFORM_SOURCES EXCLUDE REGEX "_desktop\\.cpp$")
else()
  list(FILTER AHP_PLATFORM_SOURCES EXCLUDE REGEX "_web\\.cpp$")
endif()
add_library(ahp_platform OBJECT ${AHP_PLATFORM_SOURCES})
target_include_directories(ahp_platform PUBLIC ${CMAKE_SOURCE_DIR}/src)
target_link_libraries(ahp_platform PUBLIC ahp_ui)
add_executable(ahp-app)
target_link_libraries(ahp-app PRIVATE ahp_platform)

set(NOTO /usr/share/fonts/truetype/noto)
ahp_embed_files(ahp_platform
  shader_imgui_vert ${CMAKE_SOURCE_DIR}/shaders/imgui.vert.glsl
  shader_imgui_frag ${CMAKE_SOURCE_DIR}/shaders/imgui.frag.glsl
  model_egov_qom ${CMAKE_SOURCE_DIR}/assets/models/egov-qom.json
  strings_en ${CMAKE_SOURCE_DIR}/assets/strings/en.json
  strings_fa ${CMAKE_SOURCE_DIR}/assets/strings/fa.json
  font_latin ${NOTO}/NotoSans-Regular.ttf
  font_arabic ${NOTO}/NotoSansArabic-Regular.ttf)

if(EMSCRIPTEN)
  set(AHP_WEB_EXPORTS "['_main','_malloc','_free','_ahp_state_json','_ahp_widgets_json','_ahp_frame_count','_ahp_loop_count','_ahp_idle','_ahp_frame_stats_json','_ahp_frame_stats_reset','_ahp_import_add','_ahp_import_done','_ahp_load_model','_ahp_pointer_event','_ahp_share_link_done']")
  set(AHP_WEB_LINK_OPTIONS
    -sUSE_GLFW=3 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2
    -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=33554432
    -sEXPORTED_FUNCTIONS=${AHP_WEB_EXPORTS}
    -sEXPORTED_RUNTIME_METHODS=['ccall','cwrap','UTF8ToString','stringToUTF8','lengthBytesUTF8']
    -sENVIRONMENT=web)
  file(GLOB AHP_WEB_JS_LIBRARIES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/platform/js/*.js)
  foreach(js ${AHP_WEB_JS_LIBRARIES})
    list(APPEND AHP_WEB_LINK_OPTIONS "SHELL:--js-library ${js}")
  endforeach()
  target_link_options(ahp-app PRIVATE ${AHP_WEB_LINK_OPTIONS})
  set_property(TARGET ahp-app PROPERTY LINK_DEPENDS ${AHP_WEB_JS_LIBRARIES})
  # The page and its static files are ours (web/); emcc only writes the .js and .wasm.
  file(GLOB AHP_WEB_FILES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/web/*)
  foreach(f ${AHP_WEB_FILES})
    get_filename_component(name ${f} NAME)
    add_custom_command(TARGET ahp-app POST_BUILD
      COMMAND ${CMAKE_COMMAND} -E copy_if_different ${f} ${CMAKE_BINARY_DIR}/${name})
  endforeach()
  # The service worker's cache is named after the build, so a new build replaces the old files.
  add_custom_command(TARGET ahp-app POST_BUILD
    COMMAND ${CMAKE_COMMAND} -DMODE=stamp-sw -DSOURCE_DIR=${CMAKE_SOURCE_DIR} -DBINARY_DIR=${CMAKE_BINARY_DIR}
            -P ${CMAKE_SOURCE_DIR}/cmake/SingleFile.cmake)

  # The offline single file: the same objects linked with the wasm inlined as base64, then
  # inlined with the icon into a copy of web/index.html -> ahp-survey.html.
  add_executable(ahp-app-single)
  target_link_libraries(ahp-app-single PRIVATE ahp_platform)
  target_link_options(ahp-app-single PRIVATE ${AHP_WEB_LINK_OPTIONS} -sSINGLE_FILE=1)
  set_property(TARGET ahp-app-single PROPERTY LINK_DEPENDS ${AHP_WEB_JS_LIBRARIES})
  add_custom_command(OUTPUT ${CMAKE_BINARY_DIR}/ahp-survey.html
    COMMAND ${CMAKE_COMMAND} -DMODE=single-html -DSOURCE_DIR=${CMAKE_SOURCE_DIR} -DBINARY_DIR=${CMAKE_BINARY_DIR}
            -P ${CMAKE_SOURCE_DIR}/cmake/SingleFile.cmake
    DEPENDS ahp-app-single ${CMAKE_SOURCE_DIR}/web/index.html ${CMAKE_SOURCE_DIR}/web/icon.svg
            ${CMAKE_SOURCE_DIR}/cmake/SingleFile.cmake
    COMMENT "Inlining ahp-app-single.js into ahp-survey.html" VERBATIM)
  add_custom_target(ahp-survey-html ALL DEPENDS ${CMAKE_BINARY_DIR}/ahp-survey.html)
else()
  find_package(PkgConfig REQUIRED)
  pkg_check_modules(GLFW3 REQUIRED IMPORTED_TARGET glfw3)
  find_package(OpenGL REQUIRED)
  target_link_libraries(ahp_platform PUBLIC PkgConfig::GLFW3 OpenGL::GL)
endif()
