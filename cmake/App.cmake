# The questionnaire: UI library (screens, state, intents) + platform layer (GLFW, GL renderer,
# browser bridge) -> build/native/ahp-app, or build/web/ahp-app.{js,wasm} + the page in web/.
include(${CMAKE_CURRENT_LIST_DIR}/Embed.cmake)

file(GLOB AHP_UI_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/ui/*.cpp)
add_library(ahp_ui STATIC ${AHP_UI_SOURCES})
target_link_libraries(ahp_ui PUBLIC ahp_engine ahp_model ahp_text dep_imgui dep_json)

file(GLOB AHP_PLATFORM_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/platform/*.cpp)
add_executable(ahp-app ${AHP_PLATFORM_SOURCES})
target_include_directories(ahp-app PRIVATE ${CMAKE_SOURCE_DIR}/src)
target_link_libraries(ahp-app PRIVATE ahp_ui)

set(NOTO /usr/share/fonts/truetype/noto)
ahp_embed_files(ahp-app
  shader_imgui_vert ${CMAKE_SOURCE_DIR}/shaders/imgui.vert.glsl
  shader_imgui_frag ${CMAKE_SOURCE_DIR}/shaders/imgui.frag.glsl
  model_egov_qom ${CMAKE_SOURCE_DIR}/assets/models/egov-qom.json
  strings_en ${CMAKE_SOURCE_DIR}/assets/strings/en.json
  strings_fa ${CMAKE_SOURCE_DIR}/assets/strings/fa.json
  font_latin ${NOTO}/NotoSans-Regular.ttf
  font_arabic ${NOTO}/NotoSansArabic-Regular.ttf)

if(EMSCRIPTEN)
  set(AHP_WEB_EXPORTS "['_main','_ahp_state_json','_ahp_widgets_json','_ahp_frame_count']")
  target_link_options(ahp-app PRIVATE
    -sUSE_GLFW=3 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2
    -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=33554432
    -sEXPORTED_FUNCTIONS=${AHP_WEB_EXPORTS}
    -sEXPORTED_RUNTIME_METHODS=['ccall','cwrap','UTF8ToString']
    -sENVIRONMENT=web)
  # The page and its static files are ours (web/); emcc only writes the .js and .wasm.
  file(GLOB AHP_WEB_FILES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/web/*)
  foreach(f ${AHP_WEB_FILES})
    get_filename_component(name ${f} NAME)
    add_custom_command(TARGET ahp-app POST_BUILD
      COMMAND ${CMAKE_COMMAND} -E copy_if_different ${f} ${CMAKE_BINARY_DIR}/${name})
  endforeach()
else()
  find_package(PkgConfig REQUIRED)
  pkg_check_modules(GLFW3 REQUIRED IMPORTED_TARGET glfw3)
  find_package(OpenGL REQUIRED)
  target_link_libraries(ahp-app PRIVATE PkgConfig::GLFW3 OpenGL::GL)
endif()
