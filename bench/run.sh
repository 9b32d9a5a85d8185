#!/usr/bin/env bash
# make bench: pages per second and peak RSS of `jixiao extract` on the PDF
# samples, repeated to a bulk corpus, beside pdftotext (when installed) as a
# peer that only extracts text. Writes a dated run under bench/runs/.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${CARGO_TARGET_DIR:-target}/release/jixiao"
COPIES="${COPIES:-20}"
RUNS="${RUNS:-3}"
stamp="$(date -u +%Y-%m-%d)-$(hostname | tr -c 'a-zA-Z0-9\n' '-')"
out="bench/runs/$stamp"
mkdir -p "$out"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The bulk corpus: every PDF sample that has a text layer, COPIES times.
pages_one=0
for pdf in samples/*.pdf; do
  grid="${pdf%.pdf}.grid.json"
  grep -q '"no_text_layer"' "$grid" 2>/dev/null && continue
  n=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["n_pages"])' "$grid")
  pages_one=$((pages_one + n))
  for i in $(seq 1 "$COPIES"); do ln -s "$PWD/$pdf" "$work/$(basename "${pdf%.pdf}")-$i.pdf"; done
done
files=$(ls "$work" | wc -l)
pages=$((pages_one * COPIES))

echo "tool,jobs,run,seconds,peak_rss_kb,files,pages" > "$out/raw.csv"
measure() { # name jobs cmd...
  local name=$1 jobs=$2; shift 2
  for run in $(seq 1 "$RUNS"); do
    /usr/bin/time -f "%e %M" -o "$work.time" "$@" > /dev/null 2>&1 || true
    read -r secs rss < "$work.time"
    echo "$name,$jobs,$run,$secs,$rss,$files,$pages" >> "$out/raw.csv"
  done
}
measure jixiao 1 "$BIN" extract -j 1 "$work"
measure jixiao "$(nproc)" "$BIN" extract -j "$(nproc)" "$work"
if command -v pdftotext >/dev/null; then
  measure pdftotext 1 sh -c "for f in $work/*.pdf; do pdftotext -layout \"\$f\" - ; done"
fi

summary=$(python3 - "$out/raw.csv" <<'PY'
import csv, sys, statistics
rows = list(csv.DictReader(open(sys.argv[1])))
keys = sorted({(r["tool"], int(r["jobs"])) for r in rows})
print("| tool | jobs | pages | median s | pages/s | peak RSS MiB |")
print("| --- | --- | --- | --- | --- | --- |")
for tool, jobs in keys:
    rs = [r for r in rows if r["tool"] == tool and int(r["jobs"]) == jobs]
    secs = statistics.median(float(r["seconds"]) for r in rs)
    rss = max(int(r["peak_rss_kb"]) for r in rs) / 1024
    pages = int(rs[0]["pages"])
    print(f"| {tool} | {jobs} | {pages} | {secs:.2f} | {pages / max(secs, 1e-9):.0f} | {rss:.1f} |")
PY
)
{
  echo "# bench run $stamp"
  echo
  echo "Corpus: the $((files / COPIES)) PDFs of samples/ with a text layer, each $COPIES times"
  echo "($files files, $pages pages); $RUNS runs each, median time, peak RSS of the process."
  echo
  echo "$summary"
  echo
  echo "## Command"
  echo '```'
  echo "COPIES=$COPIES RUNS=$RUNS make bench"
  echo "$BIN extract -j N <corpus dir>; pdftotext -layout FILE - (one process per file)"
  echo '```'
  echo
  echo "## Machine"
  echo '```'
  echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  echo "$(free -h | awk '/Mem:/ {print $2}') memory, $(uname -sr)"
  echo '```'
  echo
  echo "## Versions"
  echo '```'
  "$BIN" --version
  rustc --version
  if command -v pdftotext >/dev/null; then pdftotext -v 2>&1 | sed -n 1p; fi
  echo '```'
} > "$out/README.md"
cat "$out/README.md"
