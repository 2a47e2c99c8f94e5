#!/usr/bin/env bash
# Renders a `waymark eval --format html` report in a real headless browser (Chromium from
# Debian's packages) and checks the screenshot is a real, non-blank page.
#
#   Scripts/html-report-check.sh                 # report from `waymark eval` on the dev set
#   Scripts/html-report-check.sh --fixture       # report from the test fixture (richer: every
#                                                # phase populated; use until the pipeline lands)
#   Scripts/html-report-check.sh REPORT.html     # an existing report
#
# Environment: REPORT_PNG (default /tmp/report.png). Installs chromium with apt-get if missing.
# Prints the time each step took. Look at the PNG after a layout change.
set -euo pipefail
cd "$(dirname "$0")/.."

png="${REPORT_PNG:-/tmp/report.png}"
mode="${1:-eval}"
now() { date +%s.%N; }
took() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}s')" "$1" "$(now)"; }

start=$(now)
if ! command -v chromium >/dev/null 2>&1; then
    echo "== installing chromium (Debian package)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq chromium >/dev/null
    echo "   install took $(took "$start")"
fi

start=$(now)
case "$mode" in
    --fixture)
        html=/tmp/waymark-sample-report.html
        rm -f "$html"
        echo "== writing the fixture report with the WaymarkReview tests"
        WAYMARK_REPORT_SAMPLE="$html" swift test --filter ScorecardRendererTests >/dev/null
        ;;
    eval)
        html=/tmp/waymark-report.html
        labels=../shared/eval/dev_messages.jsonl
        [ -f "$labels" ] || labels=Tests/Fixtures/WaymarkReview/gold-messages.jsonl
        echo "== waymark eval $labels --format html"
        swift build --product waymark >/dev/null
        .build/debug/waymark eval "$labels" --format html --misses --output "$html"
        ;;
    *)
        html="$mode"
        ;;
esac
[ -s "$html" ] || { echo "no report at $html" >&2; exit 1; }
echo "   report ready in $(took "$start"): $html"

start=$(now)
rm -f "$png"
timeout 120 chromium --headless --disable-gpu --no-sandbox --disable-dev-shm-usage --hide-scrollbars \
    --screenshot="$png" --window-size=1200,1600 "file://$(realpath "$html")" >/dev/null 2>&1 || true
echo "   render took $(took "$start")"

python3 - "$png" <<'PY'
import struct, sys, zlib
path = sys.argv[1]
try:
    data = open(path, "rb").read()
except OSError:
    sys.exit(f"FAIL: no screenshot at {path}")
if data[:8] != b"\x89PNG\r\n\x1a\n":
    sys.exit("FAIL: not a PNG")
width, height, depth, colour = struct.unpack(">IIBB", data[16:26])
if (width, height) != (1200, 1600):
    sys.exit(f"FAIL: screenshot is {width}x{height}, expected 1200x1600")
# Decode the image data and count distinct pixel rows: a blank or error page has very few.
pos, idat = 8, b""
while pos < len(data):
    length, kind = struct.unpack(">I4s", data[pos:pos + 8])
    if kind == b"IDAT":
        idat += data[pos + 8:pos + 8 + length]
    pos += 12 + length
raw = zlib.decompress(idat)
stride = len(raw) // height
rows = {raw[i * stride + 1:(i + 1) * stride] for i in range(height)}
if len(data) < 30000 or len(rows) < 200:
    sys.exit(f"FAIL: screenshot looks blank ({len(data)} bytes, {len(rows)} distinct rows)")
print(f"OK: {path} {width}x{height}, {len(data)} bytes, {len(rows)} distinct rows")
PY
