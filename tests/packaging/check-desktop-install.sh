#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: 2026 The Gatherscope developers
# The program as a desktop installs it: `cmake --install` into a scratch DESTDIR puts the
# binary, the desktop entry, the hicolor icons and the AppStream metainfo in their standard
# places, each valid; `cpack -G DEB` makes a .deb that declares its Debian dependencies.
# Usage: check-desktop-install.sh BUILD_DIR
set -euo pipefail
build=$1
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
id=org.gatherscope.Gatherscope
fail() { echo "desktop install: $*" >&2; exit 1; }

DESTDIR="$scratch/root" cmake --install "$build" --prefix /usr --component app >/dev/null
root=$scratch/root/usr
for file in bin/gatherscope share/applications/$id.desktop share/metainfo/$id.metainfo.xml \
    share/icons/hicolor/scalable/apps/$id.svg share/icons/hicolor/48x48/apps/$id.png \
    share/icons/hicolor/128x128/apps/$id.png share/icons/hicolor/256x256/apps/$id.png; do
    [ -f "$root/$file" ] || fail "missing $file"
done
[ -x "$root/bin/gatherscope" ] || fail "the binary is not executable"
version=$("$root/bin/gatherscope" --version)
[[ $version == "gatherscope "* ]] || fail "--version printed: $version"
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate --no-hints "$root/share/applications/$id.desktop"
fi
if command -v appstreamcli >/dev/null; then
    appstreamcli validate --no-net --explain "$root/share/metainfo/$id.metainfo.xml" >/dev/null ||
        fail "appstreamcli: $(appstreamcli validate --no-net "$root/share/metainfo/$id.metainfo.xml")"
fi

if command -v dpkg-deb >/dev/null; then
    (cd "$scratch" && cpack -G DEB --config "$build/CPackConfig.cmake" >/dev/null)
    deb=$(ls "$scratch"/gatherscope_*.deb)
    depends=$(dpkg-deb --field "$deb" Depends)
    [[ $depends == *libqt6widgets6* && $depends == *libqcoro6core0* ]] ||
        fail "the .deb depends on: $depends"
    # A program linked with mimalloc needs its library on the machine it is installed on.
    if readelf -d "$root/bin/gatherscope" | grep -q 'NEEDED.*libmimalloc'; then
        [[ $depends == *libmimalloc2.0* ]] || fail "linked with mimalloc, the .deb depends on: $depends"
    fi
    contents=$(dpkg-deb --contents "$deb")
    [[ $contents == *"./usr/bin/gatherscope"* ]] || fail "no binary in the .deb"
    if [[ $contents == *"include/gatherscope"* ]]; then
        fail "the .deb carries the library's headers"
    fi
fi
echo "desktop install: binary, desktop entry, icons and metainfo in place and valid; .deb made"
