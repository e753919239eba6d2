#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a fixed list of coopnet invocations under valgrind (ctest label 'valgrind'): every one
# must be free of memory errors and leaks, whatever its exit status (good data, bad data, usage
# errors, output failures). Usage: valgrind_cli.sh COOPNET_BINARY SOURCE_DIR
set -u
coopnet=$1
source_dir=$2
datasets=$source_dir/datasets
failures=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# bad inputs made here, so that the error paths run too
mkdir -p "$work/bad" "$work/semicolon"
printf 'id,name,level\na,A,city\nb,Gab\xe8s,local\nc,"open\n' >"$work/bad/actors.csv"
printf 'id,title,date\ne,E,31/01/2024\n' >"$work/bad/events.csv"
printf 'event,actor\ne,a\nx,y\n' >"$work/bad/participation.csv"
printf 'id;name;level\na;A;local\n' >"$work/semicolon/actors.csv"
printf 'id,title,date\n' >"$work/semicolon/events.csv"
printf 'event,actor\n' >"$work/semicolon/participation.csv"
printf '<graphml><graph><node id="a"/><edge source="a" target="b"/>' >"$work/broken.graphml"
ln -s /dev/full "$work/full.csv"

# run EXPECTED_STATUS ARGS...
run() {
    local expected=$1
    shift
    valgrind --quiet --leak-check=full --errors-for-leak-kinds=definite,possible \
        --error-exitcode=99 --log-file="$work/valgrind.log" "$coopnet" "$@" >/dev/null 2>&1
    local got=$?
    if [ "$got" -ne "$expected" ] || [ -s "$work/valgrind.log" ]; then
        echo "FAILED: coopnet $* exited $got (expected $expected)" >&2
        cat "$work/valgrind.log" >&2
        failures=$((failures + 1))
    fi
}

run 0 --version
run 0 help
run 2 frobnicate
run 2 convert
run 0 validate "$datasets/mena-hub"
run 0 validate "$datasets/davis-southern-women"
run 0 info "$datasets/mena-hub"
run 0 convert "$datasets/mena-hub" -o "$work/mena.graphml"
run 0 convert "$datasets/mena-hub" -o "$work/mena.gexf"
run 0 convert --layer events --weighting newman "$datasets/davis-southern-women" -o "$work/d.net"
run 0 convert --as-of 2024-01 --level local,national "$datasets/mena-hub" -o "$work/m.csv"
run 0 validate "$work/mena.graphml"
# the option parser: lists given twice, an error after an allocation, old spellings, --help
run 2 info --exclude scn --exclude scn_mena_hub,scn "$datasets/mena-hub" # a repeat is refused (no leak)
run 0 info --exclude scn_mena_hub,scn "$datasets/mena-hub"
run 2 info --exclude scn --layer friends "$datasets/mena-hub"
run 2 reach --from saida --from fes,saida "$datasets/mena-hub"
run 2 chart reach-curve --from saida,fes --top 0 "$datasets/mena-hub" -o "$work/c.png"
run 0 nlc --summary --exclude scn_mena_hub "$datasets/mena-hub"
run 0 backbone --correction holm "$datasets/mena-hub"
run 0 backbone --model fixed-row "$datasets/davis-southern-women" -o "$work/bb.csv"
run 2 backbone --alpha 2 "$datasets/davis-southern-women"
run 1 backbone "$datasets/davis-southern-women" -o "$work/full.csv"
run 0 info --backbone sdsm "$datasets/mena-hub"
run 0 centrality --help
# explore's failures before it draws (drawing goes through fontconfig, whose caches valgrind
# reports as lost, as for render)
run 2 explore "$datasets/mena-hub"
run 1 explore --d3 "$work/no-d3.js" "$datasets/mena-hub" -o "$work/m.html"
run 0 whatif --without scn_mena_hub,fes "$datasets/mena-hub"
run 0 whatif --rank --top 5 --format json "$datasets/mena-hub"
run 2 whatif --without scn_mena_hub,nobody "$datasets/mena-hub"
run 0 centrality --two-mode --events --exclude scn_mena_hub "$datasets/mena-hub"
run 2 centrality --two-mode --measure degree,pagerank "$datasets/mena-hub"
run 3 validate "$work/bad"
run 3 validate "$work/semicolon"
run 3 validate "$work/broken.graphml"
run 1 validate "$work/nothing-here"
run 1 convert "$datasets/mena-hub" -o "$work/full.csv"
run 1 convert "$datasets/mena-hub" -o "$work/missing/out.csv"
run 2 convert --exclude no_such_actor "$datasets/mena-hub" -o "$work/x.csv"
run 0 import attendance "$source_dir/tests/data/import/attendance-fr.csv" -o "$work/imported"
run 0 import attendance "$source_dir/tests/data/import/attendance-en.csv" --ties "$source_dir/tests/data/import/ties-en.csv" --map "organisation=Org Name" -o "$work/imported"
run 3 import attendance "$source_dir/tests/data/import/bad-date.csv" -o "$work/not-imported"
run 3 import attendance "$source_dir/tests/data/import/ambiguous-date.csv" -o "$work/not-imported"
run 2 import attendance "$source_dir/tests/data/import/attendance-fr.csv" -o "$work/x" --map nonsense
# Excel workbooks: a good one (merged cells, dates, two sheets), a cell error, malformed XML
mkdir -p "$work/workbooks"
/usr/bin/python3 "$source_dir/tests/data/import/make_workbooks.py" "$work/workbooks"
run 0 import attendance "$work/workbooks/log.xlsx" --sheet "Attendance 2024" --ties "$work/workbooks/log.xlsx" --ties-sheet MoUs -o "$work/imported-xlsx"
run 3 import attendance "$work/workbooks/errors.xlsx" -o "$work/not-imported"
run 3 import attendance "$work/workbooks/malformed.xlsx" -o "$work/not-imported"
run 3 import attendance "$work/workbooks/bomb.xlsx" -o "$work/not-imported"
# the duplicates: listed, then merged
run 0 dedupe "$source_dir/tests/data/duplicates" -o "$work/decisions.csv"
run 0 dedupe "$source_dir/tests/data/duplicates" --apply "$work/decisions.csv" -o "$work/merged"
run 0 validate "$work/imported"
run 0 validate "$source_dir/tests/data/duplicates"
run 0 validate "$source_dir/tests/data/sources"

if [ $failures -gt 0 ]; then
    echo "$failures invocation(s) with valgrind findings or a wrong status" >&2
    exit 1
fi
echo "valgrind: all invocations clean"
