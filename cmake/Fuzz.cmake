# libFuzzer targets (clang only): fuzz_model, fuzz_response, fuzz_matrix, fuzz_model_tree from tests/fuzz/.
# Included from CMakeLists.txt when AHP_FUZZ is ON; scripts/fuzz.sh builds and runs them.
# The engine and model libraries are instrumented for coverage (fuzzer-no-link) and built with
# AddressSanitizer + UndefinedBehaviorSanitizer, so memory errors and UB are crashes too.
if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  message(FATAL_ERROR "AHP_FUZZ needs clang (e.g. -DCMAKE_CXX_COMPILER=clang++-14)")
endif()

set(AHP_FUZZ_FLAGS -g -fno-omit-frame-pointer -fsanitize=address,undefined
    -fno-sanitize-recover=undefined)
foreach(lib ahp_engine ahp_model)
  target_compile_options(${lib} PRIVATE ${AHP_FUZZ_FLAGS} -fsanitize=fuzzer-no-link)
endforeach()

foreach(target fuzz_model fuzz_response fuzz_matrix fuzz_model_tree)
  add_executable(${target} ${CMAKE_SOURCE_DIR}/tests/fuzz/${target}.cpp)
  target_link_libraries(${target} PRIVATE ahp_model)
  target_compile_definitions(${target} PRIVATE AHP_FUZZ_TRAP AHP_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
  target_compile_options(${target} PRIVATE ${AHP_FUZZ_FLAGS} -fsanitize=fuzzer)
  target_link_options(${target} PRIVATE -fsanitize=fuzzer,address,undefined)
endforeach()
add_custom_target(fuzzers DEPENDS fuzz_model fuzz_response fuzz_matrix fuzz_model_tree)
