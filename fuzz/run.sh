#!/usr/bin/env bash
# `make fuzz`: runs every fuzz target for FUZZ_SECS seconds (default 60) on
# FUZZ_JOBS jobs (default 2, one per core), under AddressSanitizer, with
# the limits of issue #13 (2 s and 512 MB an input), and prints each
# target's exec count, exec rate and corpus size. Seeds come from the
# repository's samples (examples/seeds.rs); crashes land in
# artifacts/TARGET/. Needs nightly and cargo-fuzz (`cargo install cargo-fuzz`).
#
#   FUZZ_SECS=1800 FUZZ_TARGETS="pdf_to_rows fonts" bash fuzz/run.sh
set -euo pipefail
cd "$(dirname "$0")"
secs=${FUZZ_SECS:-60}
jobs=${FUZZ_JOBS:-2}
cargo run --quiet --release --example seeds
cargo +nightly fuzz build -O
targets=${FUZZ_TARGETS:-$(cargo +nightly fuzz list)}
dict_of() {
  case $1 in
    pdf_to_rows|content_stream) echo dicts/pdf.dict ;;
    fonts) echo dicts/cmap.dict ;;
    *) echo "" ;;
  esac
}
printf '%-16s %8s %12s %10s %8s %s\n' target seconds execs execs/s corpus crashes
for t in $targets; do
  mkdir -p "corpus/$t" "artifacts/$t" "logs/$t"
  dict=$(dict_of "$t")
  (cd "logs/$t" && rm -f fuzz-*.log &&
    ../../target/x86_64-unknown-linux-gnu/release/"$t" ../../corpus/"$t" \
      -max_total_time="$secs" -jobs="$jobs" -workers="$jobs" -timeout=2 \
      -rss_limit_mb=512 -malloc_limit_mb=512 -print_final_stats=1 \
      -artifact_prefix=../../artifacts/"$t"/ ${dict:+-dict=../../$dict} \
      >/dev/null 2>&1) || true
  # Each job's log ends with its final stats (stat::number_of_executed_units).
  execs=$(cat "logs/$t"/fuzz-*.log 2>/dev/null |
    awk '/stat::number_of_executed_units/ {s += $2} END {print s + 0}')
  corpus=$(find "corpus/$t" -type f | wc -l)
  crashes=$(find "artifacts/$t" -type f | wc -l)
  printf '%-16s %8s %12s %10s %8s %s\n' "$t" "$secs" "$execs" \
    "$((execs / (secs > 0 ? secs : 1)))" "$corpus" "$crashes"
done
