#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs with apt-get what coopnet needs and the machine lacks (Debian 12, as root).
# Usage: scripts/install-deps.sh [build|test|bench]   (test adds what the test suite uses; bench
# adds graph-tool, a peer of bench/run that the tests do not need)
# libjs-d3 is read at run time by `coopnet explore` (inlined in its pages); chromium runs the
# explorer's browser test (tests/explore_browser.py) headless.
# Idempotent: when everything is there it only asks dpkg and returns at once.
set -eu
what=${1:-build}

packages="build-essential cmake pkg-config libigraph-dev libgsl-dev libcairo2-dev
libpango1.0-dev libxml2-dev libglib2.0-dev libzip-dev libnetcdf-dev libgeonames-dev
libgeonames-common gmt-dcw fonts-dejavu-core
fonts-noto-core gettext
poppler-utils libjs-d3"
if [ "$what" = test ] || [ "$what" = bench ]; then
    packages="$packages libxml2-utils python3 python3-networkx python3-igraph python3-pandas
valgrind clang libclang-rt-14-dev groff-base jupyter-nbconvert python3-ipykernel python3-matplotlib
python3-numpy python3-scipy python3-openpyxl chromium"
fi
if [ "$what" = bench ]; then
    packages="$packages python3-graph-tool"
fi

missing=""
for package in $packages; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $package"
    fi
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
    echo "coopnet needs these Debian packages:$missing" >&2
    echo "run this script as root, or: sudo apt-get install$missing" >&2
    exit 1
fi
echo "installing:$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >/dev/null
