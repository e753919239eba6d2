#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Quick start, command 1: install what is missing, build, and run the main job on the bundled
# MENA Regional Hub dataset: the multi-page PDF mapping report, mena-report.pdf.
set -eu
cd "$(dirname "$0")/.."
sh scripts/install-deps.sh build
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)" >/dev/null
./build/coopnet validate datasets/mena-hub
./build/coopnet info --quiet datasets/mena-hub
./build/coopnet report --quiet -o mena-report.pdf
echo "wrote mena-report.pdf"

