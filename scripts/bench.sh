#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds and runs every benchmark program in bench/ (each bench/NAME_bench.cpp
# is the target NAME_bench) and prints each program's figures, which it
# measures next to a baseline in the same run. docs/benchmarks.md explains the
# figures and records the latest ones.
#
#   scripts/bench.sh                  every benchmark
#   scripts/bench.sh store_bench ...  only the named ones
#
# Environment:
#   CLASSDESK_BENCH_PRESET       CMake preset to build with (default ci)
#   CLASSDESK_BENCH_JOBS         parallel build jobs (default 2)
#   CLASSDESK_BENCH_ARGS_<name>  arguments for one program, e.g.
#                                CLASSDESK_BENCH_ARGS_upload_bench=256 (MiB)
#
# The output of each program is also written to build/<preset>/bench-results/.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

preset=${CLASSDESK_BENCH_PRESET:-ci}
jobs=${CLASSDESK_BENCH_JOBS:-2}
build="build/$preset"

if [ "$#" -gt 0 ]; then
    targets=("$@")
else
    targets=()
    for source in bench/*_bench.cpp; do
        targets+=("$(basename "$source" .cpp)")
    done
fi
if [ "${#targets[@]}" -eq 0 ]; then
    echo "bench.sh: no bench/*_bench.cpp found" >&2
    exit 2
fi

if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake --preset "$preset"
fi
cmake --build "$build" --parallel "$jobs" --target "${targets[@]}"

results="$build/bench-results"
mkdir -p "$results"

# The machine and revision, so figures from different runs can be compared.
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)
echo "== machine: $(uname -srm), ${cpu:-unknown CPU}, $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "== build: $preset ($(git rev-parse --short HEAD 2>/dev/null || echo 'no git'))"

failed=()
for target in "${targets[@]}"; do
    arguments_variable="CLASSDESK_BENCH_ARGS_${target}"
    read -r -a arguments <<< "${!arguments_variable:-}"
    echo
    echo "== $target ${arguments[*]}"
    if ! "$build/bench/$target" "${arguments[@]}" 2>&1 | tee "$results/$target.txt"; then
        failed+=("$target")
    fi
done

echo
if [ "${#failed[@]}" -gt 0 ]; then
    echo "== failed: ${failed[*]} (see $results/)" >&2
    exit 1
fi
echo "== all ${#targets[@]} benchmarks ran; results in $results/"
