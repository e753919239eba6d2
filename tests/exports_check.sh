#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The shared library exports exactly what include/coopnet/ declares with COOPNET_API, and every
# other global symbol of the library is named coopnet_i_* (internal, coopnet/api.h).
# usage: exports_check.sh LIBCOOPNET.so LIBCOOPNET.a INCLUDE_DIR
set -euo pipefail
shared=$1 static=$2 include=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# declared: the name before the first '(' or '[' of every COOPNET_API declaration (which may span
# lines: the declaration is joined up to its ';' first)
awk '/COOPNET_API/ && !/#define/ {decl = $0; while (decl !~ /;/ && (getline line) > 0) decl = decl " " line;
     if (match(decl, /coopnet_[a-z0-9_]+[ ]*[(\[]/)) { name = substr(decl, RSTART, RLENGTH);
     sub(/[ ]*[(\[]$/, "", name); print name } }' "$include"/coopnet/*.h | sort -u >"$work/declared"
# (symbols starting with __ are the toolchain's, e.g. ASan's __odr_asan.* markers)
nm -D --defined-only "$shared" | awk '$3 !~ /^__/ {print $3}' | sort -u >"$work/exported"
nm -g --defined-only "$static" | awk 'NF == 3 && $3 !~ /^__/ {print $3}' | sort -u >"$work/global"

status=0
if [ ! -s "$work/declared" ]; then
    echo "exports: no COOPNET_API declaration found under $include" >&2
    exit 1
fi
extra=$(comm -13 "$work/declared" "$work/exported")
missing=$(comm -23 "$work/declared" "$work/exported")
unnamed=$(comm -23 "$work/global" "$work/declared" | grep -v '^coopnet_i_' || true)
if [ -n "$extra" ]; then
    echo "exports: libcoopnet.so exports symbols no public header declares:" $extra >&2
    status=1
fi
if [ -n "$missing" ]; then
    echo "exports: declared in include/coopnet/ but not exported:" $missing >&2
    status=1
fi
if [ -n "$unnamed" ]; then
    echo "exports: internal symbols not named coopnet_i_*:" $unnamed >&2
    status=1
fi
[ $status -eq 0 ] && echo "exports: ok ($(wc -l <"$work/exported") public symbols," \
    "$(comm -23 "$work/global" "$work/declared" | wc -l) internal)"
exit $status
