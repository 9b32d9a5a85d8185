#!/usr/bin/env bash
# make bench: the bulk path at scale. Replicates the text-layer PDF samples
# to at least FILES files (default 10,000), each copy made unique by a PDF
# comment after %%EOF (identical bytes would be skipped as duplicates), and
# runs `jixiao extract --out` over them on 1 job and on all cores, then
# `pdftotext -layout` on the same files as the floor. Prints pages/s,
# forms/s and peak RSS, writes a dated run under bench/runs/. Not a test.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${BIN:-${CARGO_TARGET_DIR:-target}/profiling/jixiao}"
FILES="${FILES:-10000}"
RUNS="${RUNS:-1}"
[ -x "$BIN" ] || BIN="${CARGO_TARGET_DIR:-target}/release/jixiao"

# GNU time for peak RSS and poppler's pdftotext for the floor.
need=()
[ -x /usr/bin/time ] || need+=(time)
command -v pdftotext >/dev/null || need+=(poppler-utils)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null
fi

stamp="$(date -u +%Y-%m-%d)-$(hostname | tr -c 'a-zA-Z0-9\n' '-')"
out="bench/runs/$stamp"
mkdir -p "$out"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/in"

# The corpus: every PDF sample with a text layer, copied until FILES.
samples=()
pages_per_round=0
for pdf in samples/*.pdf; do
  grid="${pdf%.pdf}.grid.json"
  grep -q '"no_text_layer"' "$grid" 2>/dev/null && continue
  samples+=("$pdf")
  n=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["n_pages"])' "$grid")
  pages_per_round=$((pages_per_round + n))
done
copies=$(( (FILES + ${#samples[@]} - 1) / ${#samples[@]} ))
for i in $(seq 1 "$copies"); do
  d="$work/in/$(printf %04d "$i")"
  mkdir -p "$d"
  for pdf in "${samples[@]}"; do
    { cat "$pdf"; printf '\n%%dup %d\n' "$i"; } > "$d/$(basename "$pdf")"
  done
done
files=$(find "$work/in" -name '*.pdf' | wc -l)
pages=$((pages_per_round * copies))

echo "tool,jobs,run,seconds,peak_rss_kb,files,pages,forms" > "$out/raw.csv"
measure() { # name jobs forms-from-summary? cmd...
  local name=$1 jobs=$2; shift 2
  for run in $(seq 1 "$RUNS"); do
    rm -rf "$work/out"
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" > /dev/null 2>&1 || true
    # GNU time puts "Command exited with non-zero status 2" first when some
    # inputs failed (the non-form samples do, by design): the figures are last.
    read -r secs rss < <(tail -n 1 "$work/time")
    forms=0
    if [ -f "$work/out/summary.json" ]; then
      forms=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["forms"])' "$work/out/summary.json")
    fi
    echo "$name,$jobs,$run,$secs,$rss,$files,$pages,$forms" >> "$out/raw.csv"
  done
}
cores=$(nproc)
measure jixiao 1 "$BIN" extract -q -j 1 "$work/in" --out "$work/out"
measure jixiao "$cores" "$BIN" extract -q -j "$cores" "$work/in" --out "$work/out"
measure pdftotext 1 sh -c "find '$work/in' -name '*.pdf' -print0 | xargs -0 -n1 sh -c 'pdftotext -layout \"\$0\" - >/dev/null'"

summary=$(python3 - "$out/raw.csv" <<'PY'
import csv, sys, statistics
rows = list(csv.DictReader(open(sys.argv[1])))
keys = sorted({(r["tool"], int(r["jobs"])) for r in rows}, key=lambda k: (k[0] != "jixiao", k))
floor = None
for r in rows:
    if r["tool"] == "pdftotext":
        floor = int(r["pages"]) / max(float(r["seconds"]), 1e-9)
print("| tool | jobs | files | pages | forms | median s | pages/s | forms/s | peak RSS MiB | × pdftotext |")
print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
for tool, jobs in keys:
    rs = [r for r in rows if r["tool"] == tool and int(r["jobs"]) == jobs]
    secs = statistics.median(float(r["seconds"]) for r in rs)
    rss = max(int(r["peak_rss_kb"]) for r in rs) / 1024
    pages, files, forms = int(rs[0]["pages"]), int(rs[0]["files"]), int(rs[0]["forms"])
    pps = pages / max(secs, 1e-9)
    fps = f"{forms / max(secs, 1e-9):.0f}" if forms else "–"
    ratio = f"{pps / floor:.2f}" if floor else "–"
    print(f"| {tool} | {jobs} | {files:,} | {pages:,} | {forms:,} | {secs:.1f} | {pps:,.0f} | {fps} | {rss:.1f} | {ratio} |")
PY
)
{
  echo "# bench run $stamp"
  echo
  echo "Corpus: the ${#samples[@]} PDFs of samples/ with a text layer, each $copies times,"
  echo "made unique by a comment after %%EOF ($files files, $pages pages); $RUNS run(s) each,"
  echo "median time, peak RSS of the process (GNU time)."
  echo
  echo "$summary"
  echo
  echo "## Command"
  echo '```'
  echo "FILES=$FILES RUNS=$RUNS make bench"
  echo "$BIN extract -q -j N <corpus> --out <dir>    # the whole dataset written"
  echo "pdftotext -layout FILE -                    # one process per file"
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
  pdftotext -v 2>&1 | sed -n 1p
  echo '```'
} > "$out/README.md"
cat "$out/README.md"
