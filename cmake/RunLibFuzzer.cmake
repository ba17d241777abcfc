# SPDX-License-Identifier: GPL-3.0-or-later
#
# Script mode (cmake -P): runs one libFuzzer binary for a bounded time on a
# copy of its seeds and fails on any crash, sanitizer report, leak, hang or
# out-of-memory. The seed files follow the script name:
#
#   cmake -DFUZZER=<binary> -DWORK_DIR=<folder> -DSECONDS=<s> [-DFRESH=ON]
#         [-DSECONDS_VARIABLE=<environment variable>] [-DOPTIONS=<flags>]
#         [-DTOOLS_DIR=<folder with llvm-symbolizer>]
#         -P RunLibFuzzer.cmake <seed files>
#
# WORK_DIR/corpus holds the copied seeds and what libFuzzer adds to them;
# FRESH=ON starts it anew. A failing input lands in WORK_DIR/artifacts.

foreach(required FUZZER WORK_DIR SECONDS)
    if(NOT DEFINED ${required})
        message(FATAL_ERROR "RunLibFuzzer.cmake needs -D${required}=...")
    endif()
endforeach()
if(NOT EXISTS "${FUZZER}")
    message(FATAL_ERROR "${FUZZER} is missing: build the target classdesk_libfuzzer first.")
endif()
if(TOOLS_DIR)
    set(ENV{PATH} "${TOOLS_DIR}:$ENV{PATH}")
endif()
if(SECONDS_VARIABLE AND DEFINED ENV{${SECONDS_VARIABLE}})
    set(SECONDS "$ENV{${SECONDS_VARIABLE}}")
endif()

# The seeds are the arguments after the script's own name.
set(seeds "")
set(after_script FALSE)
math(EXPR last "${CMAKE_ARGC} - 1")
foreach(index RANGE ${last})
    if(after_script)
        list(APPEND seeds "${CMAKE_ARGV${index}}")
    elseif(CMAKE_ARGV${index} STREQUAL "-P")
        math(EXPR script_index "${index} + 1")
    elseif(DEFINED script_index AND index EQUAL script_index)
        set(after_script TRUE)
    endif()
endforeach()

set(corpus "${WORK_DIR}/corpus")
set(artifacts "${WORK_DIR}/artifacts")
if(FRESH)
    file(REMOVE_RECURSE "${corpus}")
endif()
file(REMOVE_RECURSE "${artifacts}")
file(MAKE_DIRECTORY "${corpus}" "${artifacts}")
# libFuzzer fuzzes the files of a folder, but only replays files named on
# its command line, so the seeds are copied into the corpus folder.
file(COPY ${seeds} DESTINATION "${corpus}")

separate_arguments(options UNIX_COMMAND "${OPTIONS}")
# -max_total_time is checked between inputs; -timeout bounds each input, so
# the run ends well within this limit unless libFuzzer itself is stuck.
math(EXPR limit "${SECONDS} + 300")
message(STATUS "Running ${FUZZER} for ${SECONDS} s on ${corpus}")
execute_process(
    COMMAND "${FUZZER}" -max_total_time=${SECONDS} -print_final_stats=1
            -artifact_prefix=${artifacts}/ ${options} "${corpus}"
    WORKING_DIRECTORY "${WORK_DIR}"
    RESULT_VARIABLE exit_code
    TIMEOUT ${limit})

file(GLOB corpus_files "${corpus}/*")
list(LENGTH corpus_files corpus_size)
file(GLOB failures "${artifacts}/*")
if(NOT exit_code EQUAL 0 OR failures)
    list(JOIN failures "\n  " failure_list)
    message(FATAL_ERROR
        "libFuzzer failed (${exit_code}). Inputs it saved:\n  ${failure_list}\n"
        "Replay one with: ${FUZZER} <file>")
endif()
message(STATUS "No crash, leak, hang or out-of-memory; the corpus has ${corpus_size} inputs.")
