#!/usr/bin/env bash
# `make fuzz`: runs every fuzz target for FUZZ_SECS seconds (default 60) on
# FUZZ_JOBS processes (default 2, one per core; libFuzzer's fork mode), under
# AddressSanitizer, with
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
printf '%-16s %7s %12s %9s %7s %s\n' target seconds execs execs/s corpus 'oom/timeout/crash'
for t in $targets; do
  mkdir -p "corpus/$t" "artifacts/$t" "logs"
  dict=$(dict_of "$t")
  # Fork mode keeps fuzzing past a finding (each lands in artifacts/) and
  # merges what the workers learn into one corpus.
  "target/x86_64-unknown-linux-gnu/release/$t" "corpus/$t" \
    -fork="$jobs" -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
    -max_total_time="$secs" -max_len=65536 -timeout=2 -rss_limit_mb=512 -malloc_limit_mb=512 \
    -artifact_prefix="artifacts/$t/" ${dict:+-dict=$dict} \
    >"logs/$t.log" 2>&1 || true
  # The last status line: "#EXECS: cov: … corp: N … oom/timeout/crash: a/b/c time: Ss".
  last=$(grep -E '^#[0-9]+: cov:' "logs/$t.log" | tail -1)
  execs=$(sed -E 's/^#([0-9]+):.*/\1/' <<<"$last")
  found=$(sed -E 's#.*oom/timeout/crash: ([0-9/]+).*#\1#' <<<"$last")
  corpus=$(find "corpus/$t" -type f | wc -l)
  printf '%-16s %7s %12s %9s %7s %s\n' "$t" "$secs" "${execs:-0}" \
    "$(( ${execs:-0} / (secs > 0 ? secs : 1) ))" "$corpus" "${found:-?}"
done
