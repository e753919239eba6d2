#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A bundle directory name is bytes, not text (issue 18): a name that is not UTF-8, or holds a
# Unicode noncharacter or a control character, must not reach an output raw. Each export must be
# valid UTF-8 without noncharacters, and coopnet must read its own GraphML export back.
# usage: unicode_names.sh COOPNET SOURCE_DIR
coopnet=$1
small=$2/tests/data/small
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAILED: $*" >&2; failed=1; }

# text is valid UTF-8 without noncharacters or C0 controls other than tab/LF/CR
check_text() {
    python3 - "$1" <<'PY'
import re, sys
data = open(sys.argv[1], 'rb').read()
try:
    text = data.decode('utf-8')
except UnicodeDecodeError as e:
    sys.exit('not UTF-8: %s' % e)
bad = re.search('[\ufdd0-\ufdef\ufffe\uffff\U0001fffe\U0001ffff\U0010fffe\U0010ffff\x00-\x08\x0b\x0c\x0e-\x1f\x1b]', text)
if bad:
    sys.exit('forbidden character U+%04X' % ord(bad.group(0)))
PY
}

names=($'latin1-caf\xe9' $'nonchar-\xef\xbf\xbe' $'plane-\xf4\x8f\xbf\xbf' $'esc-\x1b]0;x\x07')
for name in "${names[@]}"; do
    shown=$(printf '%q' "$name")
    cp -r "$small" "$tmp/$name"
    for format in graphml gexf; do
        out="$tmp/out.$format"
        if ! "$coopnet" convert "$tmp/$name" -o "$out" 2>"$tmp/err"; then
            fail "convert $shown to $format: $(cat "$tmp/err")"
            continue
        fi
        problem=$(check_text "$out" 2>&1) || fail "convert $shown to $format: $problem"
    done
    "$coopnet" validate "$tmp/out.graphml" >/dev/null 2>"$tmp/err" ||
        fail "$shown: coopnet cannot read its own GraphML back: $(cat "$tmp/err")"
    rm -rf "${tmp:?}/$name"
done
exit $failed
