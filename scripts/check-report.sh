#!/usr/bin/env bash
# Open report.html in a real headless browser (Debian's chromium) and check what it built.
#
#   bash scripts/check-report.sh                      # renders the demo report first (clinicscan demo)
#   bash scripts/check-report.sh REPORT.html [OUT]    # checks an existing report
#   bash scripts/check-report.sh --install ...        # apt-get install chromium first if it is missing
#
# Writes OUT/report.png (a full-width screenshot: look at it) and OUT/report.dom.html (the DOM
# the browser parsed), then checks that the DOM has the report's headings and charts and no
# <script>, <img> or <iframe> element (page text is escaped, so none can appear). Exit codes:
# 0 fine, 1 a check failed, 3 chromium is not installed.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = "--install" ]; then
  shift
  if ! command -v chromium >/dev/null 2>&1; then
    echo "==> installing chromium (apt-get)"
    apt-get update -qq && apt-get install -y -qq chromium >/dev/null
  fi
fi
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "chromium is not installed: run 'apt-get install -y chromium' (or this script with --install)" >&2
  exit 3
fi

out=${2:-$(mktemp -d)}
mkdir -p "$out"
report=${1:-}
if [ -z "$report" ]; then
  clinicscan=.venv/bin/clinicscan
  [ -x "$clinicscan" ] || clinicscan=clinicscan
  echo "==> rendering the demo report into $out/demo"
  "$clinicscan" demo --out "$out/demo" >/dev/null
  report="$out/demo/report.html"
fi
[ -f "$report" ] || { echo "no report at $report" >&2; exit 1; }
url="file://$(cd "$(dirname "$report")" && pwd)/$(basename "$report")"

run_browser() {
  # a throwaway profile, so runs never share state or a lock
  local profile
  profile=$(mktemp -d)
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --no-first-run --hide-scrollbars \
    --user-data-dir="$profile" "$@" 2>/dev/null
  local status=$?
  rm -rf "$profile"
  return $status
}

run_browser --window-size=1280,4000 --screenshot="$out/report.png" "$url" >/dev/null
run_browser --dump-dom "$url" > "$out/report.dom.html"

failed=0
check() {  # check DESCRIPTION COMMAND...
  local what=$1
  shift
  if "$@"; then echo "ok: $what"; else echo "FAILED: $what" >&2; failed=1; fi
}
dom="$out/report.dom.html"
check "screenshot written ($out/report.png)" test -s "$out/report.png"
check "screenshot is not blank (over 20 KB)" test "$(stat -c %s "$out/report.png" 2>/dev/null || echo 0)" -gt 20000
check "title heading" grep -q '<h1>Stem-cell clinic claims and the evidence</h1>' "$dom"
for section in flagged charts places businesses clinics method; do
  check "section #$section" grep -q "<h2 id=\"$section\">" "$dom"
done
check "inline SVG charts" grep -q '<svg' "$dom"
check "no <script> element" bash -c "! grep -qi '<script' '$dom'"
check "no <img> or <iframe> element" bash -c "! grep -qiE '<(img|iframe)[ >]' '$dom'"
if [ "$failed" -ne 0 ]; then
  echo "report check failed; the browser's DOM is in $dom" >&2
  exit 1
fi
echo "report.html renders in $("$browser" --version 2>/dev/null | head -1); screenshot: $out/report.png"
