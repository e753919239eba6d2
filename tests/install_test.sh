#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the build into a temporary prefix and uses it as a stranger would:
#  - every promised file is there (headers, shared and static library, tool, coopnet.pc, CMake
#    package, man page, bash completion);
#  - tests/install/example.c builds and runs against the installed library through pkg-config
#    and through find_package(coopnet) (shared and static), and its figures agree with
#    `coopnet info`;
#  - the man page lists every command and groff reads it without a warning;
#  - the completion offers every command, and every option and value it offers is accepted.
# Usage: install_test.sh BUILD_DIR SOURCE_DIR C_COMPILER
set -u
build=$1 source=$2 compiler=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix
failures=0 checks=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}
check() { # check DESCRIPTION COMMAND...
    local what=$1
    shift
    checks=$((checks + 1))
    "$@" || fail "$what"
}

if ! cmake --install "$build" --prefix "$prefix" >"$tmp/install.log" 2>&1; then
    cat "$tmp/install.log" >&2
    echo "0 passed, 1 failed"
    exit 1
fi

# --- the installed files
libdir=$(dirname "$(find "$prefix" -name libcoopnet.a | head -n 1)")
for file in bin/coopnet include/coopnet/coopnet.h include/coopnet/graph.h \
    share/man/man1/coopnet.1 share/bash-completion/completions/coopnet; do
    check "installed $file" test -f "$prefix/$file"
done
for file in libcoopnet.a libcoopnet.so pkgconfig/coopnet.pc cmake/coopnet/coopnetConfig.cmake \
    cmake/coopnet/coopnetConfigVersion.cmake cmake/coopnet/coopnetTargets.cmake; do
    check "installed lib/.../$file" test -e "$libdir/$file"
done
for header in "$source"/include/coopnet/*.h; do
    check "installed header $(basename "$header")" \
        cmp -s "$header" "$prefix/include/coopnet/$(basename "$header")"
done
coopnet=$prefix/bin/coopnet
check "installed tool runs" "$coopnet" --version >/dev/null

# --- the example program, against the installed library
bundle=$source/datasets/mena-hub
# "cooperation graph: 46 actors, 333 links, density ..." -> "46 actors, 333 links"
graph_line() { "$coopnet" info --quiet "$@" | sed -n 's/^cooperation graph: \([^,]*, [^,]*\),.*/\1/p'; }
expected_all="mena-hub: $(graph_line "$bundle")"
expected_excluded="mena-hub: $(graph_line "$bundle" --exclude scn_mena_hub)"
check "coopnet info gives the graph size" test "$expected_all" != "mena-hub: "

check_example() { # check_example HOW PROGRAM [ENV...]
    local how=$1 program=$2
    shift 2
    local output
    output=$(env "$@" "$program" "$bundle" 2>"$tmp/stderr")
    check "$how: runs" test $? -eq 0
    check "$how: graph size ('${output%%$'\n'*}' vs '$expected_all')" \
        test "${output%%$'\n'*}" = "$expected_all"
    check "$how: lists five actors" test "$(printf '%s\n' "$output" | grep -c '^  ')" -eq 5
    output=$(env "$@" "$program" "$bundle" scn_mena_hub 2>/dev/null)
    check "$how: exclusion" test "${output%%$'\n'*}" = "$expected_excluded"
    env "$@" "$program" "$bundle" no_such_actor >/dev/null 2>"$tmp/stderr"
    check "$how: unknown actor gives exit 2" test $? -eq 2
    check "$how: unknown actor is named" grep -q "'no_such_actor'" "$tmp/stderr"
    env "$@" "$program" "$tmp/no-such-bundle" >/dev/null 2>"$tmp/stderr"
    check "$how: missing bundle gives exit 1" test $? -eq 1
}

# docs/api.md shows example.c as its worked example: the two must not drift apart
awk '/^## A worked example/ { section = 1 } section && /^```c$/ { inside = 1; next }
     inside && /^```$/ { exit } inside { print }' "$source/docs/api.md" >"$tmp/api-example.c"
check "docs/api.md shows tests/install/example.c verbatim" \
    cmp -s "$tmp/api-example.c" "$source/tests/install/example.c"

export PKG_CONFIG_PATH=$libdir/pkgconfig
check "pkg-config knows coopnet" pkg-config --exists coopnet
check "pkg-config version" test "$(pkg-config --modversion coopnet)" = \
    "$("$coopnet" --version | cut -d' ' -f2)"
# shellcheck disable=SC2046
if "$compiler" -std=c11 -Wall -Wextra -Werror "$source/tests/install/example.c" \
    $(pkg-config --cflags --libs coopnet) -o "$tmp/example_pkgconfig" 2>"$tmp/cc.log"; then
    check_example pkg-config "$tmp/example_pkgconfig" LD_LIBRARY_PATH="$libdir"
    check "pkg-config: linked the installed shared library" \
        grep -q "$libdir/libcoopnet.so" <(LD_LIBRARY_PATH="$libdir" ldd "$tmp/example_pkgconfig")
else
    cat "$tmp/cc.log" >&2
    fail "pkg-config: example.c does not build"
fi

if cmake -S "$source/tests/install" -B "$tmp/consumer" -DCMAKE_PREFIX_PATH="$prefix" \
    -DCMAKE_C_COMPILER="$compiler" >"$tmp/cmake.log" 2>&1 &&
    cmake --build "$tmp/consumer" >>"$tmp/cmake.log" 2>&1; then
    # no LD_LIBRARY_PATH: CMake's build RPATH must find the installed library
    check_example "find_package, coopnet::coopnet" "$tmp/consumer/example_shared"
    check_example "find_package, coopnet::coopnet_static" "$tmp/consumer/example_static"
    check "coopnet::coopnet_static has no libcoopnet.so" \
        test -z "$(ldd "$tmp/consumer/example_static" | grep libcoopnet)"
else
    cat "$tmp/cmake.log" >&2
    fail "find_package: the consumer project does not build"
fi

# --- man page and completion cover every command
mapfile -t commands < <("$coopnet" help | sed -n '/^Commands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p')
check "coopnet help lists commands" test "${#commands[@]}" -ge 3
man=$prefix/share/man/man1/coopnet.1
check "man page header" grep -q '^\.TH COOPNET 1 ' "$man"
if command -v groff >/dev/null; then
    check "groff reads the man page without warnings" \
        test -z "$(groff -ww -man -Tutf8 -z "$man" 2>&1)"
fi

# Runs the completion function on a command line, in an empty directory so that no file name
# is offered; prints the candidates, one a line.
mkdir "$tmp/empty"
complete_line() {
    (cd "$tmp/empty" && bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _coopnet
             printf "%s\n" "${COMPREPLY[@]}"' _ "$prefix/share/bash-completion/completions/coopnet" "$@")
}
check "completion: 'coopnet con' -> convert" test "$(complete_line coopnet con)" = convert
check "completion: 'coopnet info --we' -> --weighting" \
    test "$(complete_line coopnet info --we)" = --weighting
check "completion: '--layer' values" \
    test "$(complete_line coopnet info --layer '' | sort | tr '\n' ' ')" = "all events formal ties "
first_words=$(complete_line coopnet '')
for command in "${commands[@]}"; do
    check "man page has 'coopnet $command'" grep -q "^\\.SS \"coopnet $command\"" "$man"
    check "completion offers '$command'" grep -qx -- "$command" <<<"$first_words"
    options=$(complete_line coopnet "$command" -)
    check "completion offers options of '$command'" grep -qx -- --help <<<"$options"
    for option in $options; do
        # an option the command does not know would be reported before --help is seen
        "$coopnet" "$command" "$option" x --help >/dev/null 2>"$tmp/stderr"
        check "'coopnet $command' accepts '$option'" \
            test -z "$(grep 'unknown option' "$tmp/stderr")"
        for value in $(complete_line coopnet "$command" "$option" ''); do
            check "'coopnet $command $option $value' accepted" \
                "$coopnet" "$command" "$option" "$value" --help >/dev/null
        done
    done
done

echo "$((checks - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
