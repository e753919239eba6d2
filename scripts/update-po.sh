#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Extracts the translatable texts of the figures and the report (po/POTFILES) into
# po/coopnet.pot and merges them into po/fr.po and po/ar.po (Debian's gettext: xgettext,
# msgmerge). New texts arrive untranslated; the po test fails until they are translated.
# Usage: scripts/update-po.sh [POT]   (POT: write the template there and merge nothing)
set -eu
cd "$(dirname "$0")/.."
pot=${1:-po/coopnet.pot}
xgettext --language=C --from-code=UTF-8 --add-comments=TRANSLATORS: \
    --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=P_:1,2 \
    --package-name=coopnet --msgid-bugs-address=none \
    --files-from=po/POTFILES --sort-by-file -o "$pot"
[ $# -gt 0 ] && exit 0
for language in fr ar; do
    msgmerge --quiet --update --backup=none --no-fuzzy-matching "po/$language.po" "$pot"
done
