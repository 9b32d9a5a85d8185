#!/usr/bin/env bash
# make bench (issue #11): what provenance costs the extraction, and how fast
# review pages are made. The text-layer PDF samples, COPIES times each (made
# unique by a comment after %%EOF), through `extract -j 1 --out` with and
# without `--provenance` (RUNS runs each, interleaved, median; BASE=binary
# adds a build without provenance support as a third variant), then
# `review -j 1` (pages/s on one core, bytes per form). Writes review.md into
# the dated run directory of bench/run.sh. Not a test.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${BIN:-${CARGO_TARGET_DIR:-target}/release/jixiao}"
COPIES="${COPIES:-12}"
RUNS="${RUNS:-3}"
stamp="$(date -u +%Y-%m-%d)-$(hostname | tr -c 'a-zA-Z0-9\n' '-')"
out="bench/runs/$stamp"
mkdir -p "$out"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

samples=()
for pdf in samples/*.pdf; do
  grep -q '"no_text_layer"' "${pdf%.pdf}.grid.json" 2>/dev/null && continue
  samples+=("$pdf")
done
for i in $(seq 1 "$COPIES"); do
  d="$work/in/$(printf %04d "$i")"
  mkdir -p "$d"
  for pdf in "${samples[@]}"; do
    { cat "$pdf"; printf '\n%%dup %d\n' "$i"; } > "$d/$(basename "$pdf")"
  done
done
files=$(find "$work/in" -name '*.pdf' | wc -l)

timed() { # CPU seconds (user + system) of one run: on a machine shared with
  # other builds, steadier than wall time for a one-job run
  /usr/bin/time -f "%U %S" -o "$work/t" "$@" > /dev/null 2>&1 || true
  # GNU time says first when the exit status was not 0.
  tail -n1 "$work/t" | awk '{printf "%.2f\n", $1 + $2}'
}
echo "variant,run,seconds" > "$out/review-raw.csv"
for run in $(seq 1 "$RUNS"); do
  rm -rf "$work/a" "$work/b"
  echo "plain,$run,$(timed "$BIN" extract -q -j 1 "$work/in" --out "$work/a")" >> "$out/review-raw.csv"
  echo "provenance,$run,$(timed "$BIN" extract -q -j 1 "$work/in" --out "$work/b" --provenance)" >> "$out/review-raw.csv"
  if [ -n "${BASE:-}" ]; then
    rm -rf "$work/c"
    echo "base,$run,$(timed "$BASE" extract -q -j 1 "$work/in" --out "$work/c")" >> "$out/review-raw.csv"
  fi
done
# Review pages of one copy of the corpus.
rm -rf "$work/r"
secs=$(timed "$BIN" review -q -j 1 "$work/in/0001" -o "$work/r")
echo "review,1,$secs" >> "$out/review-raw.csv"

python3 - "$out/review-raw.csv" "$work/r" "$files" > "$out/review.md" <<'PY'
import csv, glob, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1])))
med = lambda v: statistics.median(float(r["seconds"]) for r in rows if r["variant"] == v)
plain, prov = med("plain"), med("provenance")
pages = forms = size = 0
for f in glob.glob(sys.argv[2] + "/**/*.html", recursive=True):
    if f.endswith("/index.html"):
        continue
    s = open(f, encoding="utf-8").read()
    pages += s.count("<figure")
    forms += s.count('<section class="form"')
    size += len(s.encode())
review = med("review")
print(f"# review and provenance bench ({sys.argv[3]} files)\n")
print("| what | CPU seconds (median) | note |\n| --- | --- | --- |")
print(f"| `extract -j 1 --out` | {plain:.2f} | |")
print(f"| `extract -j 1 --out --provenance` | {prov:.2f} | +{(prov / plain - 1) * 100:.1f}% |")
if any(r["variant"] == "base" for r in rows):
    base = med("base")
    print(f"| `extract -j 1 --out`, BASE build (no provenance code) | {base:.2f} | this build without the flag: {(plain / base - 1) * 100:+.1f}% |")
print(f"| `review -j 1` (one copy) | {review:.2f} | {pages} pages, {forms} forms: {pages / review:.1f} pages/s, {size / forms / 1024:.0f} KiB per form |")
PY
cat "$out/review.md"
