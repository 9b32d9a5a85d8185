#!/usr/bin/env bash
# make bench, part 2: the office samples (samples/office_NN_*) per input
# format against the PDFs of the same forms: field accuracy and exact forms
# against samples/office_NN.truth.json, and forms per second of
# `jixiao extract -j 1` on COPIES copies of each file (one process for all
# of them, so start-up is shared as in a bulk run). Writes
# bench/runs/<date>/formats.md (and prints it).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${CARGO_TARGET_DIR:-target}/release/jixiao"
COPIES="${COPIES:-50}"
RUNS="${RUNS:-3}"
stamp="$(date -u +%Y-%m-%d)-$(hostname | tr -c 'a-zA-Z0-9\n' '-')"
out="bench/runs/$stamp"
mkdir -p "$out"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cargo build --release --locked -q --example read_rate -p jixiao-layout
READ="${CARGO_TARGET_DIR:-target}/release/examples/read_rate"
python3 - "$BIN" "$COPIES" "$RUNS" "$work" "$READ" > "$out/formats.md" <<'PY'
import json, os, statistics, subprocess, sys, time
BIN, COPIES, RUNS, WORK, READ = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
SETS = {"office_01": ["national_02.pdf"], "office_02": ["gbk_01.pdf", "notounicode_01.pdf"],
        "office_03": ["national_01.pdf"]}
SKIP = {"checks", "rescored", "source"}

def leaves(e, g, out):
    """(compared, differing) leaf counts, as tests/putuo.rs compares."""
    if isinstance(e, dict):
        g = g if isinstance(g, dict) else {}
        for k, v in e.items():
            if k not in SKIP:
                leaves(v, g.get(k), out)
    elif isinstance(e, list) and isinstance(g, list) and len(e) == len(g):
        for a, b in zip(e, g):
            leaves(a, b, out)
    elif isinstance(e, list):
        n = [0, 0]; leaves(e, e, n); out[0] += n[0]; out[1] += n[0]
    else:
        out[0] += 1
        same = e == g or (isinstance(e, (int, float)) and isinstance(g, (int, float)) and float(e) == float(g))
        out[1] += 0 if same else 1

def extract(path):
    p = subprocess.run([BIN, "extract", path], capture_output=True)
    return json.loads(p.stdout) if p.returncode == 0 else []

def fmt_of(name):
    if name.endswith(".pdf"):
        return "pdf (same forms)"
    return name.split("_", 2)[2].rsplit(".", 1)[0].replace("_", " ")

stats = {}
for set_, pdfs in SETS.items():
    truth = json.load(open(f"samples/{set_}.truth.json"))
    files = sorted(f for f in os.listdir("samples") if f.startswith(set_ + "_") and not f.endswith(".json"))
    groups = [(f, [f], truth) for f in files] + [("pdf", pdfs, truth)]
    for label, members, tr in groups:
        got = sum((extract(f"samples/{m}") for m in members), [])
        fields = [0, 0]
        exact = 0
        for i, t in enumerate(tr):
            n = [0, 0]
            leaves(t, got[i] if i < len(got) else {}, n)
            fields[0] += n[0]; fields[1] += n[1]; exact += n[1] == 0
        d = os.path.join(WORK, f"{set_}-{label}")
        os.makedirs(d)
        for m in members:
            for k in range(COPIES):
                os.symlink(os.path.abspath(f"samples/{m}"), os.path.join(d, f"{k:03d}-{m}"))
        secs = []
        for _ in range(RUNS):
            t0 = time.perf_counter()
            subprocess.run([BIN, "extract", "-j", "1", d], capture_output=True)
            secs.append(time.perf_counter() - t0)
        rd = subprocess.run([READ, "200"] + [f"samples/{m}" for m in members], capture_output=True, text=True)
        read_secs = sum(float(l.split("\t")[3]) for l in rd.stdout.splitlines())
        s = stats.setdefault(fmt_of(label if label != "pdf" else "x.pdf"),
                             dict(forms=0, fields=0, wrong=0, exact=0, secs=0.0, bulk=0, read=0.0))
        s["read"] += read_secs
        s["forms"] += len(tr); s["fields"] += fields[0]; s["wrong"] += fields[1]; s["exact"] += exact
        s["secs"] += statistics.median(secs); s["bulk"] += len(tr) * COPIES

pdf = stats["pdf (same forms)"]
pdf_rate = pdf["bulk"] / pdf["secs"]
pdf_read = pdf["forms"] / pdf["read"]
print("| input format | forms | fields | field accuracy | forms exact | read forms/s | × PDF | end-to-end forms/s (-j 1) | × PDF |")
print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
for name, s in sorted(stats.items(), key=lambda kv: kv[0].startswith("pdf")):
    rate = s["bulk"] / s["secs"]
    read = s["forms"] / s["read"]
    acc = 100 * (s["fields"] - s["wrong"]) / s["fields"]
    print(f"| {name} | {s['forms']} | {s['fields']:,} | {acc:.2f}% | {s['exact']}/{s['forms']} "
          f"| {read:,.0f} | {read / pdf_read:.1f}× | {rate:,.0f} | {rate / pdf_rate:.1f}× |")
print()
print("read = the front end alone (bytes to rows, `read_rate` example, 200 reads); "
      "end-to-end = `jixiao extract` (rows, forms, records, audit).")
print(f"Each file {COPIES} times in one `jixiao extract -j 1 DIR`, median of {RUNS} runs; "
      "PDF = the PDF samples of the same forms (national_02, gbk_01, notounicode_01, national_01).")
PY
cat "$out/formats.md"
