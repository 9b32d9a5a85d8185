#!/usr/bin/env python3
"""Regenerate the samples: python3 tools/samplegen/gen.py --all | --round N | --family F
(--out DIR writes under DIR instead of the repo; --list names the rounds and families)."""
import argparse
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))

# name -> (runner in samplegen.run, what it writes, external tools it needs)
ROUNDS = {
    "0": ("base", "national_01/02, gbk_01, notounicode_01, encrypted_01, tests/hostile/", ()),
    "1": ("round1", "variant_NN_*", ()),
    "2": ("round2", "variant2_NN_*", ()),
    "3": ("round3", "variant3_NN_*, tests/hostile-extra/", ()),
    "4": ("round4", "variant4_NN_*", ("pdftoppm",)),
    "5": ("round5", "variant5_NN_* with expected_checks", ()),
    "6": ("round6", "variant6_NN_*", ()),
    "7": ("round7", "variant7_NN_* (text dumps)", ()),
    "8": ("round8", "variant8_NN_*", ()),
}
FAMILIES = {
    "office": ("office", "office_NN_* (xlsx, xls, ods, docx, html, doc)", ()),
    "bundles": ("bundles", "bundle_report_NN, notaform_NN", ()),
    "families": ("families", "family_XX_* (txt, html, wkhtmltopdf, chromium)", ("wkhtmltopdf", "chromium")),
    "producers": ("producers", "producer_NN_* (real producers)",
                  ("wkhtmltopdf", "soffice", "gs", "pdftocairo", "xelatex")),
}


def targets(args):
    if args.all:
        return [("round", k) for k in ROUNDS] + [("family", k) for k in FAMILIES]
    return [("round", r) for r in args.round] + [("family", f) for f in args.family]


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--round", action="append", default=[], choices=list(ROUNDS))
    ap.add_argument("--family", action="append", default=[], choices=list(FAMILIES))
    ap.add_argument("--all", action="store_true")
    ap.add_argument("--out", help="write samples/, samples-pending/, tests/ under DIR (default: the repo)")
    ap.add_argument("--list", action="store_true")
    args = ap.parse_args()
    if args.list or not targets(args):
        for kind, table in (("round", ROUNDS), ("family", FAMILIES)):
            for k, (_, what, needs) in table.items():
                print(f"--{kind} {k:10} {what}" + (f"  (needs {', '.join(needs)})" if needs else ""))
        return
    if args.out:
        os.environ["SAMPLEGEN_OUT"] = os.path.abspath(args.out)
    sys.path.insert(0, HERE)
    from samplegen import run
    for kind, key in targets(args):
        fn = (ROUNDS if kind == "round" else FAMILIES)[key][0]
        t0 = time.time()
        getattr(run, fn)()
        print(f"== {kind} {key}: {time.time() - t0:.1f}s", file=sys.stderr)


if __name__ == "__main__":
    main()
