#!/usr/bin/env python3
"""Compare `jixiao extract` on the variant5 samples with their truth (records,
checks and rescored ignored) and with NAME.expected_checks.json (findings).

    python3 tools/samplegen/compare5.py [JIXIAO] [DIR ...]

Expected-checks semantics: every entry without "optional": true must fire
(same form index, code, severity, path). Anything that fires and is not
listed is UNEXPECTED, except `repaired` (info), which is ignored; entries
with "optional": true may or may not fire.
"""
import glob
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
IGNORE = {"checks", "rescored", "source"}


def diff(a, b, path=""):
    out = []
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b)):
            if k in IGNORE:
                continue
            out += diff(a.get(k), b.get(k), f"{path}.{k}")
    elif isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            out.append(f"{path}: {len(a)} items vs {len(b)}")
        for i, (x, y) in enumerate(zip(a, b)):
            out += diff(x, y, f"{path}[{i}]")
    elif a != b and not (isinstance(a, (int, float)) and isinstance(b, (int, float)) and abs(a - b) < 1e-9):
        out.append(f"{path}: truth {a!r} got {b!r}")
    return out


def main():
    jx = sys.argv[1] if len(sys.argv) > 1 else "/work/target-redteam/release/jixiao"
    dirs = sys.argv[2:] or [os.path.join(ROOT, "samples"), os.path.join(ROOT, "samples-pending")]
    total_bad = 0
    for d in dirs:
        for exp_path in sorted(glob.glob(os.path.join(d, "variant*_*.expected_checks.json"))):
            name = os.path.basename(exp_path)[: -len(".expected_checks.json")]
            src = next(p for p in (os.path.join(d, name + e) for e in (".pdf", ".txt")) if os.path.exists(p))
            r = subprocess.run([jx, "extract", src], capture_output=True)
            print(f"== {os.path.relpath(src, ROOT)}")
            if r.returncode:
                print("  extract failed:", r.stderr.decode()[:400])
                total_bad += 1
                continue
            got = json.loads(r.stdout)
            truth = json.load(open(os.path.join(d, name + ".truth.json")))
            rd = diff(truth, got)
            print(f"  records: {'exact' if not rd else str(len(rd)) + ' differences'}")
            for x in rd[:30]:
                print("   ", x)
            exp = json.load(open(exp_path))
            fired = [(i, c["code"], c["severity"], c["path"], c["message"]) for i, rec in enumerate(got)
                     for c in rec.get("checks", []) if c["code"] != "repaired"]
            key = lambda e: (e["form"], e["code"], e["severity"], e["path"])
            fk = {(i, c, s, p) for i, c, s, p, _ in fired}
            ek = {key(e) for e in exp}
            for e in exp:
                if key(e) in fk:
                    msg = next(m for i, c, s, p, m in fired if (i, c, s, p) == key(e))
                    print(f"  ok        form {e['form']} {e['severity']} {e['code']} {e['path']}: {msg}")
                elif not e.get("optional"):
                    print(f"  MISSING   form {e['form']} {e['severity']} {e['code']} {e['path']} ({e['why']})")
                    total_bad += 1
                else:
                    print(f"  (optional, not fired) form {e['form']} {e['code']} {e['path']}")
            for i, c, s, p, m in fired:
                if (i, c, s, p) not in ek:
                    print(f"  UNEXPECTED form {i} {s} {c} {p}: {m}")
                    total_bad += 1
            for i, rec in enumerate(got):
                print(f"  form {i} rescored {rec.get('rescored')}")
    print("problems:", total_bad)


if __name__ == "__main__":
    main()
