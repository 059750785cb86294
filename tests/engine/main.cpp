// Catch2 v2 entry point for the engine tests (the tests live in the other files here).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
