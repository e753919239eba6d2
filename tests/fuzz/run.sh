#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs each libFuzzer target for a fixed time. Usage: tests/fuzz/run.sh SECONDS [TARGET...]
#   TARGET: csv, bundle, graphml, graphml_strict, date, jobs, jobs_many, xlsx (default: all). Environment:
#   BUILD_DIR  the COOPNET_FUZZ build (default build-fuzz; configured and built when missing:
#              CC=clang cmake -S . -B build-fuzz -DCOOPNET_FUZZ=ON)
#   JOBS       targets run at the same time (default: the number of cores)
# Each target starts from the committed seeds in tests/fuzz/corpus/<target> and grows a working
# corpus in BUILD_DIR/fuzz-corpus/<target> (kept between runs). Crashes, leaks, timeouts and
# out-of-memory inputs land in BUILD_DIR/fuzz-artifacts/<target>/. Prints one line per target
# (executions, coverage, corpus) and exits 1 when any target found something.
set -u
seconds=${1:?usage: run.sh SECONDS [TARGET...]}
shift
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${BUILD_DIR:-$root/build-fuzz}
jobs=${JOBS:-$(nproc)}
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(csv bundle graphml graphml_strict date jobs jobs_many xlsx)

if [ ! -f "$build/CMakeCache.txt" ]; then
    CC=clang cmake -S "$root" -B "$build" -DCOOPNET_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        >/dev/null || exit 1
fi
cmake --build "$build" -j"$(nproc)" >/dev/null || exit 1

run_target() {
    local target=$1 binary=$build/tests/fuzz/fuzz_$1
    local corpus=$build/fuzz-corpus/$target artifacts=$build/fuzz-artifacts/$target
    mkdir -p "$corpus" "$artifacts"
    local options=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
                   -artifact_prefix="$artifacts/")
    [ -f "$here/$target.dict" ] && options+=(-dict="$here/$target.dict")
    "$binary" "${options[@]}" "$corpus" "$here/corpus/$target" >"$build/fuzz-$target.log" 2>&1
}

pids=()
for target in "${targets[@]}"; do
    if [ ! -x "$build/tests/fuzz/fuzz_$target" ]; then
        echo "run.sh: unknown target '$target'" >&2
        exit 2
    fi
    while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do sleep 1; done
    run_target "$target" &
    pids+=($!)
done
wait "${pids[@]}"

found=0
printf '%-14s %12s %8s %8s %8s %s\n' target executions cov ft corpus findings
for target in "${targets[@]}"; do
    log=$build/fuzz-$target.log
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')
    last=$(grep -E '^#[0-9]+' "$log" | tail -1)
    cov=$(grep -o 'cov: [0-9]*' <<<"$last" | grep -o '[0-9]*')
    ft=$(grep -o 'ft: [0-9]*' <<<"$last" | grep -o '[0-9]*')
    corp=$(grep -o 'corp: [0-9]*' <<<"$last" | grep -o '[0-9]*')
    findings=$(find "$build/fuzz-artifacts/$target" -type f | wc -l)
    [ "$findings" -gt 0 ] && found=1
    if grep -q 'ERROR: \|SUMMARY: ' "$log"; then
        found=1
    fi
    printf '%-14s %12s %8s %8s %8s %s\n' "$target" "${runs:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}" \
        "$findings"
done
[ $found -eq 0 ] || echo "run.sh: findings in $build/fuzz-artifacts (logs: $build/fuzz-*.log)" >&2
exit $found
