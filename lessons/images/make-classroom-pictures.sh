#!/bin/sh
# Regenerates the classroom pictures of lessons 6 and 7 with the tools themselves:
# the SVG drawings by backprop-trace, the PNGs as headless-Chromium screenshots of
# the pages backprop-trace and gradcheck write. Run from the package root:
#
#     sh lessons/images/make-classroom-pictures.sh
#
# Needs `chromium` (apt-get install chromium).
set -eu
swift build --product backprop-trace
swift build --product gradcheck
trace=.build/debug/backprop-trace
check=.build/debug/gradcheck
images=lessons/images
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$trace" --format svg --output "$images/backprop-2-3-1.svg"
"$trace" --format html --output "$work/trace.html"
# gradcheck exits with status 1 when the check fails, as it must here.
"$check" --bug wrong-weight-matrix --format html > "$work/check.html" || [ $? -eq 1 ]

shot() { # URL PNG WIDTH,HEIGHT
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$work/profile" \
        --window-size="$3" --screenshot="$2" "$1" 2>/dev/null
}
shot "file://$work/trace.html#step=9" "$images/backprop-page-bp2.png" 1400,1000
shot "file://$work/check.html" "$images/gradcheck-page-wrong-weight-matrix.png" 1200,1260
