#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Executes every notebook in notebooks/ headless, top to bottom, on copies in a temporary
# directory (the committed notebooks and the source tree stay untouched), with the coopnet built
# by this build; fails when any cell raises. Also checks that the committed notebooks carry
# their outputs (they are meant to be read on a code host without running them).
# Skips (exit 77) only when Debian's jupyter-nbconvert is not installed
# (scripts/install-deps.sh test installs it).
# Usage: notebooks_test.sh COOPNET_BINARY SOURCE_DIR
set -u
coopnet=$1 source=$2
nbconvert=/usr/bin/jupyter-nbconvert
if [ ! -x "$nbconvert" ]; then
    echo "skipped: $nbconvert is not installed (apt-get install jupyter-nbconvert python3-ipykernel)"
    exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
export COOPNET="$coopnet" COOPNET_ROOT="$source" COOPNET_NOTEBOOK_OUT="$tmp/output"
export PYDEVD_DISABLE_FILE_VALIDATION=1 MPLBACKEND=Agg
for notebook in "$source"/notebooks/*.ipynb; do
    name=$(basename "$notebook")
    cp "$notebook" "$tmp/$name"
    if (cd "$tmp" && "$nbconvert" --to notebook --execute --ExecutePreprocessor.timeout=600 \
        --output "executed-$name" "$name") >"$tmp/log" 2>&1; then
        passed=$((passed + 1))
    else
        echo "FAIL: $name: a cell failed" >&2
        grep -v -e '^0.0' -e 'frozen_modules' "$tmp/log" | tail -n 30 >&2
        failed=$((failed + 1))
    fi
    # stored with outputs: every code cell was executed
    if /usr/bin/python3 - "$notebook" <<'PYTHON'; then
import json, sys
cells = json.load(open(sys.argv[1], encoding="utf-8"))["cells"]
code = [c for c in cells if c["cell_type"] == "code"]
sys.exit(0 if code and all(c.get("execution_count") for c in code) else 1)
PYTHON
        passed=$((passed + 1))
    else
        echo "FAIL: $name is committed without its outputs (run it with $nbconvert --execute --inplace)" >&2
        failed=$((failed + 1))
    fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
