# engine_bench: timings of the engine (priorities, consistency, AIJ over the study, Monte Carlo),
# one JSON line per benchmark. Not part of `all`: scripts/bench.sh builds it natively
# (build/native) and for WebAssembly (build/web, run under Node.js) and prints them side by side.
if(TARGET ahp_model)
  add_executable(engine_bench EXCLUDE_FROM_ALL ${CMAKE_SOURCE_DIR}/bench/engine_bench.cpp)
  target_link_libraries(engine_bench PRIVATE ahp_model)
  target_compile_definitions(engine_bench PRIVATE AHP_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
  if(EMSCRIPTEN)
    # Linked as the app is (cmake/App.cmake): LTO and wasm-opt at the app's level, the app's
    # allocator; the -O3 default here gave the engine a faster link than the page ships with.
    target_link_options(engine_bench PRIVATE -sNODERAWFS=1 -sEXIT_RUNTIME=1 -sALLOW_MEMORY_GROWTH=1
      ${AHP_WEB_SIZE_OPT} -sMALLOC=emmalloc)
  endif()
endif()
# questioning_bench: adaptive questioning simulated (share of pairs asked, distance of the weights
# at the stop from every answer's, per set size and over the study). Native only, in bench.sh.
if(TARGET ahp_model)
  add_executable(questioning_bench EXCLUDE_FROM_ALL ${CMAKE_SOURCE_DIR}/bench/questioning_bench.cpp)
  target_link_libraries(questioning_bench PRIVATE ahp_model)
  target_compile_definitions(questioning_bench PRIVATE AHP_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
endif()

# load_bench: loading 1,000 / 5,000 / 10,000 response files (model::loadGroup and the
# researcher tab's frame-by-frame loading); scripts/bench.sh runs it and times `ahp group`.
if(TARGET ahp_ui_core)
  add_executable(load_bench EXCLUDE_FROM_ALL ${CMAKE_SOURCE_DIR}/bench/load_bench.cpp)
  target_link_libraries(load_bench PRIVATE ahp_ui_core)
  target_compile_definitions(load_bench PRIVATE AHP_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
  if(EMSCRIPTEN)
    target_link_options(load_bench PRIVATE -sNODERAWFS=1 -sEXIT_RUNTIME=1 -sALLOW_MEMORY_GROWTH=1)
  endif()
endif()
