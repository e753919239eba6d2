#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The option parser every command shares (src/cli/cli_options.c): --help, unknown options and
# missing values behave the same in every command; the same option means the same in every
# command that has it; every old spelling still works, with its one-line note; batch job keys
# take the new names and the old ones. usage: options_cli.sh COOPNET SOURCE_DIR
set -u
coopnet=$1
source_dir=$(cd "$2" && pwd)
mena=$source_dir/datasets/mena-hub
small=$source_dir/tests/data/small
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
checks=0

fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

# expect STATUS COMMAND...: runs it, keeps stdout in $work/out and stderr in $work/err
expect() {
    local want=$1
    shift
    checks=$((checks + 1))
    "$coopnet" "$@" >"$work/out" 2>"$work/err"
    local got=$?
    [ "$got" -eq "$want" ] || fail "exit $got (expected $want): coopnet $*: $(head -c 400 "$work/err")"
}
err_has() { grep -qF -- "$1" "$work/err" || fail "stderr lacks '$1': $(head -c 400 "$work/err")"; }
err_lacks() { ! grep -qF -- "$1" "$work/err" || fail "stderr has '$1': $(head -c 400 "$work/err")"; }
out_has() { grep -qF -- "$1" "$work/out" || fail "stdout lacks '$1': $(head -c 400 "$work/out")"; }
same_output() { # same_output WHAT FILE_A FILE_B
    cmp -s "$2" "$3" || fail "$1: outputs differ"
}

commands="validate info convert render chart centrality nlc groups brokerage communities reach
          reach-curve generate snapshots report batch"

# --- every command: --help, -h, unknown option, missing value ------------------------------
for command in $commands; do
    expect 0 "$command" --help
    out_has "usage: coopnet $command"
    out_has "Options:"
    out_has "  -h, --help"
    out_has "Exit status:"
    [ -s "$work/err" ] && fail "$command --help wrote on stderr"
    expect 0 "$command" -h
    out_has "usage: coopnet $command"
    expect 0 help "$command"
    out_has "usage: coopnet $command"
    # --help wins over anything else on the line
    expect 0 "$command" --no-such-option --help

    expect 2 "$command" --no-such-option "$small"
    err_has "coopnet $command: unknown option '--no-such-option'"
    err_has "usage: coopnet $command"
    err_has "Try 'coopnet $command --help' for more information."
    [ "$(grep -c '' "$work/err")" -le 6 ] || fail "$command: the usage error is not short"
    [ -s "$work/out" ] && fail "$command: usage error wrote on stdout"

    expect 2 "$command" -Z "$small"
    err_has "coopnet $command: unknown option '-Z'"

    # every command has --quiet, a flag: a value is refused the same way
    expect 2 "$command" --quiet=yes "$small"
    err_has "coopnet $command: option '--quiet' takes no value"
done

# a value missing at the end of the line, in every command that takes one
for spec in "info --layer" "convert --format" "render --layout" "chart --measure" \
    "centrality --measure" "nlc --table" "groups --by" "brokerage --by" "communities --seed" \
    "reach --from" "reach-curve --every" "generate --actors" "snapshots --every" \
    "report --country" "batch --jobs"; do
    set -- $spec
    expect 2 "$1" "$2"
    err_has "coopnet $1: option '$2' needs a value"
    err_has "Try 'coopnet $1 --help'"
done
expect 2 render -o
err_has "coopnet render: option '-o' needs a value (FILE)"

# --- the same option, the same meaning ---------------------------------------------------
# --every: the same words in any case, the same default (quarter), the same message
for every in year Year YEAR quarter Month; do
    expect 0 snapshots --every "$every" --measure degree --quiet "$mena"
    expect 0 reach-curve --every "$every" --quiet "$mena"
    expect 0 chart reach-curve --every "$every" --quiet "$mena" -o "$work/curve.png"
done
for command in "snapshots" "reach-curve" "chart reach-curve"; do
    expect 2 $command --every fortnight "$mena" -o "$work/x.png"
    err_has "unknown period 'fortnight' (expected month, quarter or year)"
done
expect 0 snapshots --measure degree --quiet "$mena"
cp "$work/out" "$work/default.csv"
expect 0 snapshots --every quarter --measure degree --quiet "$mena"
same_output "snapshots: --every defaults to quarter" "$work/default.csv" "$work/out"
expect 0 reach-curve --quiet "$mena"
cp "$work/out" "$work/default.csv"
expect 0 reach-curve --every QUARTER --quiet "$mena"
same_output "reach-curve: --every defaults to quarter" "$work/default.csv" "$work/out"

# --measure: the same names and message in centrality, snapshots and chart (and render --size-by)
for command in "centrality" "snapshots" "chart ranking"; do
    expect 2 $command --measure rank "$mena" -o "$work/x.png"
    err_has "unknown measure 'rank' (expected degree, strength, betweenness, closeness, harmonic, eigenvector, pagerank, coreness or constraint)"
done
expect 2 render --size-by rank "$mena" -o "$work/x.png"
err_has "unknown measure 'rank' (expected degree, strength, betweenness, closeness, harmonic, eigenvector, pagerank, coreness, constraint or none)"
expect 0 chart ranking --measure pagerank --quiet "$mena" -o "$work/ranking.svg"
expect 2 chart ranking --measure pagerank,degree "$mena" -o "$work/x.png"
err_has "too many measures in 'pagerank,degree'"

# --top, --seed, --window, --permutations, --jobs: one integer parser, one message
expect 2 centrality --top x "$mena"
err_has "--top needs a whole number >= 0, not 'x'"
expect 2 chart ranking --top 0 "$mena" -o "$work/x.png"
err_has "--top needs a whole number from 1 to 1000, not '0'"
for command in "groups --by level" "communities" "render" "chart snapshots" "generate -o $work/g"; do
    expect 2 $command --seed -1 "$mena" -o "$work/x.png"
    err_has "--seed needs a whole number >= 0, not '-1'"
done
expect 2 batch --jobs 0 "$work/none.ini"
err_has "--jobs needs a whole number from 1 to 64, not '0'"
# --permutations: one documented upper bound (issue 18: 99999999999999 was accepted, 1e12 refused)
# (timeout: an accepted bound runs for days)
for value in 99999999999999 10000001 1e12; do
    checks=$((checks + 1))
    timeout 20 "$coopnet" groups --by level --permutations "$value" "$mena" >"$work/out" 2>"$work/err"
    status=$?
    [ "$status" -eq 2 ] || fail "exit $status (expected 2): groups --permutations $value"
    err_has "--permutations needs a whole number from 0 to 10000000, not '$value'"
done

# --country: one check, one message in chart and report
for command in "chart nlc-matrix" "report"; do
    expect 2 $command --country ma "$mena" -o "$work/x.pdf"
    err_has "--country 'ma': expected an ISO 3166-1 alpha-2 code in upper case, such as MA"
done

# --from: actor ids, the same messages in reach and reach-curve; chart takes up to six
for command in reach reach-curve; do
    expect 2 $command --from nobody "$mena"
    err_has "coopnet $command: --from: unknown actor 'nobody'"
    expect 2 $command --from saida --exclude saida "$mena"
    err_has "--from: actor 'saida' is filtered out by --exclude or --level"
    expect 2 $command --from saida,fes "$mena"
    err_has "--from takes one actor id, not 'saida,fes'"
done
expect 2 chart reach-curve --from a,b,c,d,e,f,g "$mena" -o "$work/x.png"
err_has "--from takes at most 6 actors"

# --as-of: one date parser
for command in info centrality render report; do
    expect 2 $command --as-of 31/12/2024 "$mena" -o "$work/x.pdf"
    err_has "--as-of: "
done

# --table: the one way to choose the output table
expect 2 nlc --table pairs,summary "$mena"
err_has "unknown table 'pairs,summary' (expected pairs, summary or links)"
expect 2 groups --by level --table all "$mena"
err_has "unknown table 'all' (expected groups, actors or mixing)"
expect 0 communities --table summary --quiet "$mena"
out_has "community,actors,local,regional,national,international,countries"
expect 0 snapshots --table changes --measure degree --quiet "$mena"
out_has "from,to,measure,spearman"

# --format: the output format, in convert too
expect 0 convert --format csv --quiet "$small"
out_has "from,to,weight,events,ties"

# abbreviations: a unique prefix works, an ambiguous one is refused
expect 0 centrality --meas degree --quiet "$small"
out_has "id,name,level,country,degree"
expect 2 render --la fr "$small" -o "$work/x.png"
err_has "ambiguous option '--la'"

# --- old spellings: they work, say what they are now, and --quiet silences the note ----------
note() { echo "coopnet: note: --$1 is now --$2; the old spelling will be removed in the next release"; }
# alias_same OLD NEW OLD_WORDS NEW_WORDS COMMAND...: OLD_WORDS give what NEW_WORDS give, with
# the note "--OLD is now --NEW"
alias_same() {
    local old=$1 new=$2 old_words=$3 new_words=$4
    shift 4
    # shellcheck disable=SC2086
    expect 0 "$@" $old_words
    cp "$work/out" "$work/old.out"
    err_has "$(note "$old" "$new")"
    [ "$(grep -c 'coopnet: note:' "$work/err")" -eq 1 ] || fail "--$old: the note is not one line"
    # shellcheck disable=SC2086
    expect 0 "$@" $new_words
    same_output "$old_words and $new_words" "$work/old.out" "$work/out"
    err_lacks "coopnet: note:"
    # shellcheck disable=SC2086
    expect 0 "$@" $old_words --quiet
    err_lacks "coopnet: note:"
}
alias_same measures measure "--measures=degree,pagerank" "--measure=degree,pagerank" \
    centrality "$mena"
alias_same measures measure "--measures degree" "--measure degree" snapshots --every year "$mena"
alias_same summary "table summary" --summary "--table summary" nlc "$mena"
alias_same summary "table summary" --summary "--table=summary" communities "$mena"
alias_same changes "table changes" --changes "--table changes" \
    snapshots --every year --measure degree "$mena"
alias_same to format "--to csv" "--format csv" convert "$small"
alias_same to format "--to=gexf" "--format=gexf" convert "$small"
# an option with a value given twice is refused, whatever its spelling (the second value once
# replaced the first silently: --exclude a --exclude b excluded only b); flags may repeat
expect 2 centrality "$mena" --measures degree --measures degree --quiet
err_has "option '--measure' given twice: give it once"
expect 2 centrality "$mena" --exclude scn_mena_hub --exclude scn --quiet
err_has "option '--exclude' given twice: give it once with a comma-separated list (a,b)"
expect 2 reach "$mena" --from fes --from=saida --quiet
err_has "option '--from' given twice"
expect 2 render "$mena" -o "$work/a.png" -o "$work/b.png" --quiet
err_has "option '--output' given twice"
expect 0 centrality "$mena" --weighted --weighted --quiet
expect 0 nlc "$mena" --summary --summary
[ "$(grep -c 'coopnet: note:' "$work/err")" -eq 1 ] || fail "a note repeated"
expect 2 nlc --summary=yes "$mena"
err_has "option '--summary' takes no value"
# the help lists them
expect 0 nlc --help
out_has "  --summary (now --table summary)"
# --colour-by is a spelling, not an old one: no note
expect 0 render --colour-by country "$small" -o "$work/colour.svg"
err_lacks "note:"

# --- batch: INI keys become options, new names and old spellings alike -----------------------
mkdir -p "$work/jobs"
ln -s "$mena" "$work/jobs/mena"
cat >"$work/jobs/jobs.ini" <<'INI'
[defaults]
bundle = mena

[new-names]
command = nlc
table = summary
output = out/new.csv

[old-names]
command = nlc
summary = true
output = out/old.csv

[measure-new]
command = centrality
measure = degree,pagerank
output = out/measure-new.csv

[measure-old]
command = centrality
measures = degree,pagerank
output = out/measure-old.csv

[every-any-case]
command = snapshots
every = Year
measure = degree
output = out/every.csv
INI
expect 0 batch "$work/jobs/jobs.ini"
same_output "batch: table = summary and summary = true" "$work/jobs/out/new.csv" "$work/jobs/out/old.csv"
same_output "batch: measure and measures" "$work/jobs/out/measure-new.csv" "$work/jobs/out/measure-old.csv"
head -1 "$work/jobs/out/new.csv" | grep -q "^country,subnational,linked,national,share,formal,formal_share,co_attendees,co_attendee_share,unnamed_events$" ||
    fail "batch: the summary table"
err_has "[old-names] $(note summary "table summary")"
err_has "[measure-old] $(note measures measure)"
grep -q '^\[new-names\] coopnet: note' "$work/err" && fail "batch: a note for a new name"
[ -s "$work/jobs/out/every.csv" ] || fail "batch: every = Year"

if [ "$failures" -eq 0 ]; then
    echo "options CLI: all $checks runs passed"
    exit 0
fi
echo "options CLI: $failures failures"
exit 1
