#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Quick start, command 2: install what is missing, then build and run the whole test suite,
# once in a normal (warnings as errors) build and once under AddressSanitizer + UBSan.
set -eu
cd "$(dirname "$0")/.."
sh scripts/install-deps.sh test
jobs=$(nproc)

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DCOOPNET_WERROR=ON >/dev/null
cmake --build build -j"$jobs"
ctest --test-dir build --output-on-failure -j"$jobs" -LE valgrind
# the CLI under valgrind --leak-check=full (tests/valgrind_cli.sh)
ctest --test-dir build --output-on-failure -L valgrind

cmake -S . -B build-sanitize -DCMAKE_BUILD_TYPE=Debug -DCOOPNET_WERROR=ON -DCOOPNET_SANITIZE=ON >/dev/null
cmake --build build-sanitize -j"$jobs"
# fontconfig (loaded by pango) keeps its caches for the life of the process: tests/lsan.supp.
# temporal_intervals_reference (a Python brute force over thousands of small runs, 250 s in the
# plain build) runs in the plain build only: under the sanitizers it takes over 5 minutes, and
# the reach code it drives is run under them by reach_cli and test_temporal.
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp:print_suppressions=0 \
    ctest --test-dir build-sanitize --output-on-failure -j"$jobs" -E '^temporal_intervals_reference$'
