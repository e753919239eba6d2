#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# --lang fr|ar (issue 20): the catalogues hold every text of the source, translated; charts and
# reports rendered in French and Arabic carry the translated texts and no English heading, in the
# C locale (the language is an option, not the locale); an Arabic chart is mirrored (its legend
# starts on the right); default titles name the subject, not the bundle's folder.
# usage: l10n_tests.sh COOPNET SOURCE_DIR
set -u
coopnet=$1
source_dir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}
# the text of a PDF with spaces and bidi marks removed (pdftotext splits Arabic words)
flat_text() { pdftotext "$1" - | tr -d ' \n' | sed 's/\xe2\x80[\x8e\x8f\xaa-\xae]//g'; }
expect_in() { # text file what
    grep -qF -- "$1" "$2" || fail "$3: no '$1'"
}
expect_not_in() {
    grep -qF -- "$1" "$2" && fail "$3: '$1' left in English"
}
export LANG=C LC_ALL=C
unset LANGUAGE

# 1. every translatable text of the source is in each catalogue, translated, none fuzzy
if command -v xgettext >/dev/null && command -v msgcmp >/dev/null; then
    (cd "$source_dir" && scripts/update-po.sh "$work/coopnet.pot") || fail "xgettext failed"
    for language in fr ar; do
        msgcmp "$source_dir/po/$language.po" "$work/coopnet.pot" 2>"$work/msgcmp" ||
            fail "po/$language.po lacks texts of the source: $(head -3 "$work/msgcmp")"
        statistics=$(msgfmt --check --statistics -o /dev/null "$source_dir/po/$language.po" 2>&1)
        case $statistics in
        *untranslated* | *fuzzy*) fail "po/$language.po: $statistics" ;;
        esac
    done
else
    echo "skipped the catalogue check: no xgettext/msgcmp (Debian gettext)"
fi

mena=$source_dir/datasets/mena-hub
# a copy under a folder name no title may show
mkdir -p "$work/zz-folder-name" && cp "$mena"/*.csv "$work/zz-folder-name/"

# 2. a French chart: title, legend (levels), axis, source line
"$coopnet" chart ranking "$work/zz-folder-name" --lang fr --quiet -o "$work/fr.pdf" ||
    fail "chart --lang fr failed"
pdftotext "$work/fr.pdf" "$work/fr.txt"
for text in "Les 15 premiers acteurs par degré" "régional" "international" "Source :" \
    "mars 2023"; do
    expect_in "$text" "$work/fr.txt" "French chart"
done
expect_not_in "Top 15" "$work/fr.txt" "French chart"
expect_not_in "coloured by level" "$work/fr.txt" "French chart"
head -1 "$work/fr.txt" | grep -q "zz-folder-name" && fail "the chart's title names the folder"

# 3. an Arabic chart: its texts, and mirrored: the legend's first entry (local, blue) on the right
"$coopnet" chart ranking "$mena" --lang ar --quiet -o "$work/ar.pdf" || fail "chart --lang ar"
flat_text "$work/ar.pdf" >"$work/ar.flat"
for text in "حسب" "الدرجة" "وطني" "دولي" "المصدر"; do
    expect_in "$text" "$work/ar.flat" "Arabic chart"
done
expect_not_in "degree" "$work/ar.flat" "Arabic chart"
for language in en ar; do
    "$coopnet" chart ranking "$mena" --lang $language --quiet -o "$work/legend-$language.png" \
        --width 1000 --height 750 --dpi 100 || fail "chart --lang $language png"
done
/usr/bin/python3 - "$work/legend-en.png" "$work/legend-ar.png" <<'PY' || fail "legend side"
# The legend row is the one row where the four level colours all appear; its swatches run
# local, regional, national, international from the start of the line: left to right in
# English, right to left in Arabic.
import sys
from PIL import Image
colours = [(0x00, 0x72, 0xB2), (0x00, 0x9E, 0x73), (0xD5, 0x5E, 0x00), (0xCC, 0x79, 0xA7)]
def legend_xs(path):
    image = Image.open(path).convert("RGB")
    width, height = image.size
    pixels = image.load()
    for y in range(height):
        xs = []
        for colour in colours:
            found = [x for x in range(width) if pixels[x, y] == colour]
            if not found:
                break
            xs.append(sum(found) / len(found))
        if len(xs) == 4:
            return xs, width
    sys.exit("%s: no legend row with the four level colours" % path)
english, width = legend_xs(sys.argv[1])
arabic, _ = legend_xs(sys.argv[2])
if not (english == sorted(english) and english[0] < width / 2):
    sys.exit("English legend not left to right from the left: %s" % english)
if not (arabic == sorted(arabic, reverse=True) and arabic[0] > width / 2):
    sys.exit("Arabic legend not right to left from the right: %s" % arabic)
PY

# 4. the report in French and Arabic: the page titles translated, none left in English
english_headings=("Title and scope" "The geography" "Who holds it together" "Groups and brokers"
    "Dependence on the convener" "Peer-learning reach" "Change over time"
    "Sources and method notes" "Contents" "Actors by level" "Method notes" "Page 1 of")
"$coopnet" report "$work/zz-folder-name" --lang fr --quiet -o "$work/report-fr.pdf" ||
    fail "report --lang fr"
pdftotext "$work/report-fr.pdf" "$work/report-fr.txt"
for text in "La géographie" "Qui assure la cohésion" \
    "Coopération nationale-locale" "Groupes et intermédiaires" "Dépendance envers l'organisateur" \
    "Évolution dans le temps" "Sources et notes de méthode" "Sommaire" "Acteurs par niveau" \
    "Notes de méthode" "Page 1 sur 11" "Degré" "Intermédiarité"; do
    expect_in "$text" "$work/report-fr.txt" "French report"
done
for text in "${english_headings[@]}"; do
    expect_not_in "$text" "$work/report-fr.txt" "French report"
done
title=$(pdfinfo "$work/report-fr.pdf" | sed -n 's/^Title: *//p')
case $title in
"Coopération nationale-locale : Maroc, Irak, Jordanie et 6 autres pays, 2023–2025") ;;
*) fail "French report title: '$title'" ;;
esac
"$coopnet" report "$work/zz-folder-name" --lang ar --quiet -o "$work/report-ar.pdf" || fail "report --lang ar"
flat_text "$work/report-ar.pdf" >"$work/report-ar.flat"
for text in "الجغرافيا" "المحتويات" "النطاق" "منهجية" "الصفحة1من11"; do # no lam-alef: pdftotext splits it
    expect_in "$text" "$work/report-ar.flat" "Arabic report"
done
for text in "${english_headings[@]}"; do
    expect_not_in "$(echo "$text" | tr -d ' ')" "$work/report-ar.flat" "Arabic report"
done
title=$(pdfinfo "$work/report-ar.pdf" | sed -n 's/^Title: *//p')
case $title in
"التعاون الوطني المحلي في المغرب، العراق، الأردن و6 بلدان أخرى، 2023–2025") ;;
*) fail "Arabic report title: '$title'" ;;
esac

# 5. the English default titles: the subject, not the folder
"$coopnet" report "$work/zz-folder-name" --quiet -o "$work/report-en.pdf" || fail "report en"
title=$(pdfinfo "$work/report-en.pdf" | sed -n 's/^Title: *//p')
[ "$title" = "National-local cooperation in Morocco, Iraq, Jordan and 6 other countries, 2023–2025" ] ||
    fail "English report title: '$title'"
for layout in fr geo; do
    "$coopnet" render "$work/zz-folder-name" --layout $layout --quiet -o "$work/$layout.pdf" ||
        fail "render --layout $layout"
    pdftotext "$work/$layout.pdf" - | head -2 | grep -q "zz-folder-name" &&
        fail "render --layout $layout: the title names the folder"
done

# a three-line --title keeps the contents above the footer (the rule at y = 800 pt): the whole
# contents is in the page's text above y = 795
"$coopnet" report "$mena" --quiet -o "$work/long-title.pdf" --title "$(printf \
    'A first line of a long title about cooperation\nA second line naming the programme and its donors\nA third line with the period 2023 to 2025')" ||
    fail "report with a three-line title"
pdftotext -f 1 -l 1 -x 0 -y 0 -W 595 -H 795 "$work/long-title.pdf" "$work/long-title.txt"
for text in "Groups and brokers" "Sources and method notes"; do
    expect_in "$text" "$work/long-title.txt" "contents above the footer with a long title"
done

# 6. a bad language is a usage error; batch passes the lang key
"$coopnet" chart ranking "$mena" --lang de -o "$work/x.png" 2>"$work/stderr"
[ $? = 2 ] || fail "--lang de: exit status not 2"
grep -q "unknown language 'de': use en, fr or ar" "$work/stderr" || fail "--lang de: message"
cat >"$work/jobs.ini" <<INI
[arabic]
command = chart
args = ranking $mena
lang = ar
output = $work/batch-ar.pdf
INI
"$coopnet" batch --quiet "$work/jobs.ini" >/dev/null 2>&1 || fail "batch with lang = ar"
flat_text "$work/batch-ar.pdf" | grep -qF "الدرجة" || fail "batch lang = ar: not Arabic"

indic_digits() { grep -qF -e ٠ -e ١ -e ٢ -e ٣ -e ٤ -e ٥ -e ٦ -e ٧ -e ٨ -e ٩; }
# 5. digits: Western by default in Arabic; --digits arabic writes Arabic-Indic digits in the
# report and the charts, and names such as "G20" or "Q1" keep theirs; the commentary is Arabic
"$coopnet" report "$mena" --lang ar --quiet -o "$work/digits-latin.pdf" || fail "report --lang ar"
"$coopnet" report "$mena" --lang ar --digits arabic --quiet -o "$work/digits-arabic.pdf" ||
    fail "report --digits arabic"
flat_text "$work/digits-latin.pdf" | indic_digits && fail "report --lang ar: Arabic-Indic digits by default"
flat_text "$work/digits-arabic.pdf" | indic_digits || fail "report --digits arabic: no Arabic-Indic digit"
flat_text "$work/digits-arabic.pdf" | grep -qF "يرتبطالفاعلونالبالغعددهم٤٦" ||
    fail "report --digits arabic: page 2 does not count the actors in Arabic-Indic digits"
flat_text "$work/digits-latin.pdf" | grep -qF "يشملهذاالتقرير" || fail "report --lang ar: the scope is not Arabic"
"$coopnet" chart ranking "$mena" --lang ar --digits arabic --quiet -o "$work/digits.pdf" ||
    fail "chart --digits arabic"
flat_text "$work/digits.pdf" | indic_digits || fail "chart --digits arabic: no Arabic-Indic digit"
"$coopnet" report "$mena" --digits roman -o "$work/x.pdf" 2>"$work/digits.err"
[ $? -eq 2 ] || fail "--digits roman: not a usage error"
grep -qF "unknown digits 'roman': use latin or arabic" "$work/digits.err" || fail "--digits roman: message"

# 6. bundle.ini: the report's default title is its title, in the report's language where given;
# an unknown key is a warning at bundle.ini:LINE; a file without a group is an error (exit 3)
mkdir -p "$work/ini" && cp "$mena"/*.csv "$work/ini/"
printf '# test\n[bundle]\ntitle = Titre anglais du lot\ntitle[ar] = عنوان المجموعة\ncolour = blue\n' >"$work/ini/bundle.ini"
"$coopnet" validate "$work/ini" >/dev/null 2>"$work/ini.err"
grep -qF "bundle.ini:5: warning: unknown key 'colour' ignored" "$work/ini.err" || fail "bundle.ini: unknown key not warned at its line"
"$coopnet" report "$work/ini" --quiet -o "$work/ini-en.pdf" || fail "report of a bundle with bundle.ini"
pdftotext -l 1 "$work/ini-en.pdf" - | tr '\n' ' ' | grep -qF "Titre anglais du lot" || fail "report: the title of bundle.ini not used"
"$coopnet" report "$work/ini" --lang ar --quiet -o "$work/ini-ar.pdf" || fail "report --lang ar of a bundle with bundle.ini"
flat_text "$work/ini-ar.pdf" | grep -qF "عنوانالمجموعة" || fail "report --lang ar: title[ar] of bundle.ini not used"
"$coopnet" chart ranking "$work/ini" --quiet -o "$work/ini.pdf" || fail "chart of a bundle with bundle.ini"
pdftotext "$work/ini.pdf" - | tr '\n' ' ' | grep -qF "Source: Titre anglais du lot" || fail "chart: the source line does not name bundle.ini's title"
printf 'title = no group\n' >"$work/ini/bundle.ini"
"$coopnet" validate "$work/ini" >/dev/null 2>&1
[ $? -eq 3 ] || fail "bundle.ini without a group: not a data error"

# 7. no page's text runs into the footer, in any language (French and Arabic texts are longer:
# page 7's list of actors and page 10's notes once did): every word of the MENA report and of
# the bundle without coordinates starts above the footer's rule (content ends at 782 pt, the
# rule is at 800 pt, the footer's words start at 803 pt or lower)
below_content() {
    pdftotext -bbox "$1" - | awk '
        /<page / { page++ }
        /<word / {
            match($0, /yMin="[0-9.]+"/); ymin = substr($0, RSTART + 6, RLENGTH - 7) + 0
            if (ymin > 786 && ymin < 799) {
                word = $0; sub(/.*">/, "", word); sub(/<\/word>.*/, "", word)
                print "page " page ": " word
            }
        }'
}
"$coopnet" report "$mena" --lang fr --quiet -o "$work/mena-fr.pdf" || fail "report --lang fr of MENA"
"$coopnet" report "$mena" --quiet -o "$work/mena-en.pdf" || fail "report of MENA"
# French numbers take the decimal comma in the text, the tables and the charts; a version keeps
# its points; the --data of a chart keeps the point (it is for other programs)
pdftotext "$work/mena-fr.pdf" "$work/mena-fr.txt"
for text in "(densité 0,32)" "relié à 14,5 autres"; do
    expect_in "$text" "$work/mena-fr.txt" "French decimal comma"
done
grep -qE "coopnet [0-9]+\.[0-9]+\.[0-9]+" "$work/mena-fr.txt" || fail "French report: the version lost its points"
grep -qE "(^|[^0-9.])[0-9]+\.[0-9]+([^0-9.]|$)" <(grep -v "coopnet [0-9]" "$work/mena-fr.txt") &&
    fail "French report: a decimal point left: $(grep -v "coopnet [0-9]" "$work/mena-fr.txt" | grep -oE "[^ ]*[0-9]+\.[0-9]+[^ ]*" | head -3 | tr '\n' ' ')"
"$coopnet" chart ranking "$mena" --measure betweenness --lang fr --quiet --data "$work/ranking-fr.csv" \
    -o "$work/ranking-fr.pdf" || fail "chart ranking --lang fr"
pdftotext "$work/ranking-fr.pdf" - | grep -qE "^[0-9]+,[0-9]+$" || fail "French chart: no decimal comma"
grep -qE "[0-9]\.[0-9]" "$work/ranking-fr.csv" || fail "French chart --data: the point was changed"
# the --data labels are the ones drawn: Tangier is "Tanger" (name_fr) in a French chart
grep -q ",tangier,Tanger," "$work/ranking-fr.csv" || fail "French chart --data: the label is not the one drawn"
for pdf in mena-en mena-fr digits-latin report-en report-fr report-ar; do
    below=$(below_content "$work/$pdf.pdf" | head -3 | tr '\n' ' ')
    [ -z "$below" ] || fail "$pdf.pdf: text runs into the footer: $below"
done

[ $failures -eq 0 ] || { echo "$failures failure(s)" >&2; exit 1; }
echo "l10n tests passed"
