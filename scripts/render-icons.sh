#!/usr/bin/env bash
# Renders packaging/icon.svg to the PNGs electron-builder takes: packaging/icon.png (1024 px,
# converted to .icns and .ico for macOS and Windows) and packaging/icons/<N>x<N>.png (Linux).
# The PNGs are committed; run this after editing the SVG. Needs rsvg-convert (Debian: librsvg2-bin).
set -euo pipefail
cd "$(dirname "$0")/../packaging"
command -v rsvg-convert >/dev/null || { echo "render-icons: rsvg-convert not found (apt-get install librsvg2-bin)" >&2; exit 1; }
rsvg-convert -w 1024 -h 1024 icon.svg -o icon.png
mkdir -p icons
for n in 16 24 32 48 64 128 256 512; do
  rsvg-convert -w "$n" -h "$n" icon.svg -o "icons/${n}x${n}.png"
done
echo "render-icons: wrote packaging/icon.png and packaging/icons/*.png"
