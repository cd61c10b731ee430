#!/bin/sh
# Install this Alama folder for the current user: the programs on PATH, the menu entry, the
# icon and the .alama file type. Nothing needs root. Run it again after unpacking a newer build;
# `./install.sh --uninstall` removes what it put in place (your projects are never touched).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
bin=$HOME/.local/bin
lib=$HOME/.local/lib/alama

if [ "${1:-}" = "--uninstall" ]; then
    rm -rf "$lib" "$bin/alama" "$bin/alama-gui" "$data/applications/alama.desktop" \
        "$data/mime/packages/alama-mime.xml"
    find "$data/icons/hicolor" -name 'alama.png' -o -name 'alama.svg' 2>/dev/null | xargs rm -f
else
    if [ "$here" != "$lib" ]; then
        rm -rf "$lib"
        mkdir -p "$(dirname "$lib")"
        cp -a "$here" "$lib"
    fi
    mkdir -p "$bin" "$data/applications" "$data/mime/packages" "$data/icons/hicolor/scalable/apps"
    ln -sf "$lib/alama" "$bin/alama"
    ln -sf "$lib/alama-gui" "$bin/alama-gui"
    sed "s|^Exec=alama-gui|Exec=$lib/alama-gui|" "$lib/share/alama.desktop" \
        > "$data/applications/alama.desktop"
    cp "$lib/share/alama-mime.xml" "$data/mime/packages/"
    cp "$lib/share/icons/alama.svg" "$data/icons/hicolor/scalable/apps/alama.svg"
    for png in "$lib"/share/icons/alama-*.png; do
        size=$(basename "$png" .png | sed 's/alama-//')
        mkdir -p "$data/icons/hicolor/${size}x${size}/apps"
        cp "$png" "$data/icons/hicolor/${size}x${size}/apps/alama.png"
    done
    echo "Alama is installed: open it from the menu, or run 'alama' (is $bin on your PATH?)."
fi
# Let the desktop notice, where the tools exist.
command -v update-desktop-database >/dev/null && update-desktop-database -q "$data/applications" || true
command -v update-mime-database >/dev/null && update-mime-database "$data/mime" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
