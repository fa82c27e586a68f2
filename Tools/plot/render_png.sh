#!/usr/bin/env bash
# Renders an SVG from 'tabnas plot' to PNG with headless Chromium, to look at it or check it.
#
#   Tools/plot/render_png.sh figure.svg [figure.png]
#
# Needs chromium (Debian: apt-get install chromium). The PNG is never written over an
# existing file.
set -euo pipefail
svg="${1:?usage: render_png.sh FIGURE.svg [FIGURE.png]}"
png="${2:-${svg%.svg}.png}"
[ -e "$png" ] && { echo "refusing to overwrite $png" >&2; exit 1; }
command -v chromium >/dev/null || { echo "render_png.sh: chromium is not installed (Debian: apt-get install chromium); the SVG itself opens in any browser" >&2; exit 1; }
size=$(sed -n 's/.*<svg[^>]* width="\([0-9]*\)" height="\([0-9]*\)".*/\1,\2/p' "$svg" | head -1)
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size="${size:-880,540}" \
  --screenshot="$png" "file://$(cd "$(dirname "$svg")" && pwd)/$(basename "$svg")" 2>/dev/null
echo "wrote $png"
