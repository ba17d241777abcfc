# SPDX-License-Identifier: GPL-3.0-or-later
#
# Fuzz targets with libFuzzer, next to a GCC build.
#
# libFuzzer needs the code under test compiled by Clang with coverage
# instrumentation, while the main build uses GCC. So the main build
# configures this same source tree a second time, with Clang and
# CLASSDESK_BUILD_FUZZERS=ON, in <build>/libfuzzer, and builds only the fuzz
# targets there (target classdesk_libfuzzer). The fuzz tests of the main
# build run those binaries. Without a working Clang and libFuzzer the fuzz
# tests fall back to the GCC mutation drivers.

option(CLASSDESK_BUILD_FUZZERS
    "This build is the libFuzzer build: Clang instruments all ClassDesk code and only the fuzz targets are built"
    OFF)

if(CLASSDESK_BUILD_FUZZERS)
    if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        message(FATAL_ERROR "CLASSDESK_BUILD_FUZZERS needs Clang (configure with CMAKE_CXX_COMPILER=clang++-19).")
    endif()
    # Everything this build compiles is ClassDesk code under test, so the
    # instrumentation is set for the whole tree rather than per target.
    # UndefinedBehaviorSanitizer stops at its first report, so libFuzzer
    # sees it as a crash.
    add_compile_options(-fsanitize=fuzzer-no-link,address,undefined
                        -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
    # Debian 12's libstdc++ calls the deprecated std::get_temporary_buffer in
    # std::stable_sort, which Clang 19 reports at every caller.
    add_compile_options(-Wno-deprecated-declarations)
    add_link_options(-fsanitize=address,undefined)
    add_custom_target(classdesk_fuzzers)
    set(CLASSDESK_LIBFUZZER OFF)
elseif(BUILD_TESTING AND NOT WIN32)
    option(CLASSDESK_LIBFUZZER "Build the fuzz targets with Clang and libFuzzer in a sub-build and test with them" ON)
    if(NOT CLASSDESK_LIBFUZZER)
        message(STATUS "libFuzzer: off (CLASSDESK_LIBFUZZER), so the fuzz tests use the mutation drivers.")
    endif()
else()
    if(BUILD_TESTING)
        message(STATUS "libFuzzer: not set up on Windows, so the fuzz tests use the mutation drivers.")
    endif()
    set(CLASSDESK_LIBFUZZER OFF)
endif()

# Checks that `compiler` builds a libFuzzer binary with the sanitizers and the
# C++ library features ClassDesk uses (std::expected needs Clang 19 with
# Debian 12's libstdc++). Sets `result` to TRUE or FALSE, and `reason`.
function(_classdesk_probe_libfuzzer compiler result reason)
    set(folder "${CMAKE_BINARY_DIR}/CMakeFiles/libfuzzer-probe")
    file(MAKE_DIRECTORY "${folder}")
    file(WRITE "${folder}/probe.cpp" [=[
#include <cstddef>
#include <cstdint>
#include <expected>
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::expected<std::size_t, int> length = size;
    return data && *length > 0 ? 0 : 0;
}
]=])
    execute_process(
        COMMAND "${compiler}" -std=c++23 -fsanitize=fuzzer,address,undefined probe.cpp -o probe
        WORKING_DIRECTORY "${folder}"
        RESULT_VARIABLE exit_code
        OUTPUT_VARIABLE output
        ERROR_VARIABLE output)
    if(exit_code EQUAL 0)
        set(${result} TRUE PARENT_SCOPE)
    else()
        string(REGEX MATCH "[^\n]*error[^\n]*" first_error "${output}")
        set(${result} FALSE PARENT_SCOPE)
        set(${reason} "${first_error}" PARENT_SCOPE)
    endif()
endfunction()

if(CLASSDESK_LIBFUZZER)
    find_program(CLASSDESK_FUZZ_CLANG NAMES clang++-19 clang++-20 clang++-21 clang++
                 DOC "Clang used for the libFuzzer sub-build")
    set(_classdesk_libfuzzer_hint
        "On Debian 12: apt-get install clang-19 libclang-rt-19-dev (scripts/setup-debian.sh does it), or set CLASSDESK_FUZZ_CLANG.")
    if(NOT CLASSDESK_FUZZ_CLANG)
        message(WARNING "libFuzzer: no clang++ found, so the fuzz tests use the mutation drivers. ${_classdesk_libfuzzer_hint}")
        set(CLASSDESK_LIBFUZZER OFF)
    else()
        # The probe takes a second or two; its answer is kept per compiler.
        if(NOT _CLASSDESK_LIBFUZZER_PROBED STREQUAL CLASSDESK_FUZZ_CLANG)
            _classdesk_probe_libfuzzer("${CLASSDESK_FUZZ_CLANG}" works reason)
            set(_CLASSDESK_LIBFUZZER_WORKS ${works} CACHE INTERNAL "")
            set(_CLASSDESK_LIBFUZZER_REASON "${reason}" CACHE INTERNAL "")
            set(_CLASSDESK_LIBFUZZER_PROBED "${CLASSDESK_FUZZ_CLANG}" CACHE INTERNAL "")
        endif()
        if(NOT _CLASSDESK_LIBFUZZER_WORKS)
            message(WARNING
                "libFuzzer: ${CLASSDESK_FUZZ_CLANG} cannot build the fuzz targets (${_CLASSDESK_LIBFUZZER_REASON}), "
                "so the fuzz tests use the mutation drivers. ${_classdesk_libfuzzer_hint}")
            set(CLASSDESK_LIBFUZZER OFF)
        endif()
    endif()
endif()

if(CLASSDESK_LIBFUZZER)
    include(ExternalProject)
    set(CLASSDESK_LIBFUZZER_BINARY_DIR "${PROJECT_BINARY_DIR}/libfuzzer")
    # The sanitizers look for llvm-symbolizer on PATH to name functions in
    # their reports; Debian keeps it beside the real clang++.
    get_filename_component(_classdesk_clang_path "${CLASSDESK_FUZZ_CLANG}" REALPATH)
    get_filename_component(CLASSDESK_LIBFUZZER_TOOLS_DIR "${_classdesk_clang_path}" DIRECTORY)
    message(STATUS "libFuzzer: fuzz targets built with ${CLASSDESK_FUZZ_CLANG} in ${CLASSDESK_LIBFUZZER_BINARY_DIR}")
    # One compile job: the sub-build runs beside the main build's own jobs.
    set(CLASSDESK_LIBFUZZER_JOBS 1 CACHE STRING "Parallel compile jobs of the libFuzzer sub-build")
    ExternalProject_Add(classdesk_libfuzzer
        SOURCE_DIR "${PROJECT_SOURCE_DIR}"
        BINARY_DIR "${CLASSDESK_LIBFUZZER_BINARY_DIR}"
        CMAKE_GENERATOR "${CMAKE_GENERATOR}"
        CMAKE_CACHE_ARGS
            -DCMAKE_CXX_COMPILER:FILEPATH=${CLASSDESK_FUZZ_CLANG}
            -DCMAKE_BUILD_TYPE:STRING=RelWithDebInfo
            -DCLASSDESK_BUILD_FUZZERS:BOOL=ON
            -DCLASSDESK_BUILD_BENCHMARKS:BOOL=OFF
            -DCLASSDESK_SANITIZERS:BOOL=OFF
            # The GCC build holds the line on warnings; Clang's own warnings
            # in this build must not stop the fuzz tests.
            -DCLASSDESK_WARNINGS_AS_ERRORS:BOOL=OFF
            -DCLASSDESK_SPREADSHEET_IMPORT:BOOL=${CLASSDESK_SPREADSHEET_IMPORT}
            -DBUILD_TESTING:BOOL=ON
        BUILD_COMMAND ${CMAKE_COMMAND} --build <BINARY_DIR> --target classdesk_fuzzers
                      --parallel ${CLASSDESK_LIBFUZZER_JOBS}
        INSTALL_COMMAND ""
        # The sub-build's own Ninja decides what changed.
        BUILD_ALWAYS ON)
endif()

# classdesk_add_fuzz_target(<name> SOURCES <files> LIBRARIES <targets>
#     DRIVER_SOURCES <files> [DRIVER_LIBRARIES <targets>]
#     SEEDS <files> [OPTIONS <libFuzzer flags>] [SHORT_SECONDS <s>] [LONG_SECONDS <s>]
#     [LABELS <labels of the short test>])
#
# In the libFuzzer build: <name> is a libFuzzer binary. Elsewhere: <name> is
# linked with the GCC driver, and when the libFuzzer sub-build is on, the
# tests <name>_short (default suite) and <name> (label fuzz) run the
# sub-build's binary on a copy of SEEDS. Sets <name>_LIBFUZZER_TESTS in the
# caller to TRUE when it added those tests; otherwise the caller adds tests
# for the GCC driver.
function(classdesk_add_fuzz_target name)
    cmake_parse_arguments(PARSE_ARGV 1 FUZZ "" "SHORT_SECONDS;LONG_SECONDS"
        "SOURCES;LIBRARIES;DRIVER_SOURCES;DRIVER_LIBRARIES;SEEDS;OPTIONS;LABELS")
    if(NOT FUZZ_SHORT_SECONDS)
        set(FUZZ_SHORT_SECONDS 60)
    endif()
    if(NOT FUZZ_LONG_SECONDS)
        set(FUZZ_LONG_SECONDS 600)
    endif()

    add_executable(${name} ${FUZZ_SOURCES})
    target_link_libraries(${name} PRIVATE ${FUZZ_LIBRARIES})
    classdesk_configure_target(${name})
    set(${name}_LIBFUZZER_TESTS FALSE PARENT_SCOPE)

    if(CLASSDESK_BUILD_FUZZERS)
        target_compile_definitions(${name} PRIVATE CLASSDESK_LIBFUZZER)
        target_link_options(${name} PRIVATE -fsanitize=fuzzer)
        add_dependencies(classdesk_fuzzers ${name})
        return()
    endif()

    target_sources(${name} PRIVATE ${FUZZ_DRIVER_SOURCES})
    target_link_libraries(${name} PRIVATE ${FUZZ_DRIVER_LIBRARIES})
    if(NOT CLASSDESK_LIBFUZZER)
        return()
    endif()

    file(RELATIVE_PATH folder "${PROJECT_BINARY_DIR}" "${CMAKE_CURRENT_BINARY_DIR}")
    set(fuzzer "${CLASSDESK_LIBFUZZER_BINARY_DIR}/${folder}/${name}")
    set(work "${CMAKE_CURRENT_BINARY_DIR}/${name}-libfuzzer")
    set(runner "${PROJECT_SOURCE_DIR}/cmake/RunLibFuzzer.cmake")
    string(REPLACE ";" " " options "${FUZZ_OPTIONS}")

    # Short: a fresh copy of the seeds and a fixed libFuzzer seed every time.
    add_test(NAME ${name}_short
        COMMAND ${CMAKE_COMMAND} -DFUZZER=${fuzzer} -DTOOLS_DIR=${CLASSDESK_LIBFUZZER_TOOLS_DIR}
                -DWORK_DIR=${work}/short -DFRESH=ON
                -DSECONDS=${FUZZ_SHORT_SECONDS} "-DOPTIONS=-seed=1 ${options}"
                -P ${runner} ${FUZZ_SEEDS})
    math(EXPR short_timeout "${FUZZ_SHORT_SECONDS} * 2 + 60")
    set_tests_properties(${name}_short PROPERTIES LABELS "${FUZZ_LABELS}" TIMEOUT ${short_timeout})
    # Long: the corpus in the build folder grows from one long run to the
    # next. CLASSDESK_FUZZ_SECONDS sets the time; the runner bounds the run
    # itself, so the ctest timeout is only a backstop.
    add_test(NAME ${name}
        COMMAND ${CMAKE_COMMAND} -DFUZZER=${fuzzer} -DTOOLS_DIR=${CLASSDESK_LIBFUZZER_TOOLS_DIR}
                -DWORK_DIR=${work}/long
                -DSECONDS=${FUZZ_LONG_SECONDS} -DSECONDS_VARIABLE=CLASSDESK_FUZZ_SECONDS
                "-DOPTIONS=${options}" -P ${runner} ${FUZZ_SEEDS})
    set_tests_properties(${name} PROPERTIES LABELS fuzz TIMEOUT 604800)
    set(${name}_LIBFUZZER_TESTS TRUE PARENT_SCOPE)
endfunction()
