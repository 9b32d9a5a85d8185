#!/usr/bin/env python3
"""Regenerate every round and family into a temporary directory and compare
each written file byte for byte with the committed one.

    python3 tools/samplegen/test_regen.py      (or: make samples-check)

A round whose external tools are missing is SKIPPED, loudly. Files listed
in KNOWN_DIFFERENT do not reproduce, for the reason given; they are checked
to still differ (so a fix shows up) but never fail the test."""
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, HERE)
import gen  # noqa: E402

# committed file -> why the generator cannot give its bytes
KNOWN_DIFFERENT = {  # checked 2026-12-02: old scripts give the same bytes as gen.py here
    "tests/hostile/encrypted_userpw.pdf": "AES-256 uses random IVs and salts",
    "samples/variant4_06_ocr_scan_invisible_text.pdf": "page image rasterised by pdftoppm: poppler version",
    "samples/variant4_06_ocr_scan_invisible_text.grid.json": "holds the sha256 of the PDF above",
    "samples/variant4_12_filing_date_lines.truth.json":
        "truth edited by hand after generation (extra: 填报单位/填报日期, commit cf90eb6)",
    "samples/variant5_10_real_wording_of_misses.expected_checks.json":
        "expected checks edited by hand after generation (commit 705508f)",
    "samples-pending/producer_09_writer_noborders.pdf": "LibreOffice Writer output of this borderless table differs run to run",
    "samples-pending/producer_09_writer_noborders.grid.json": "holds the sha256 of the PDF above",
}


def missing_tools(needs):
    return [t for t in needs if shutil.which(t) is None]


def written_files(root):
    for dirpath, _, files in os.walk(root):
        for f in files:
            yield os.path.relpath(os.path.join(dirpath, f), root)


class Regenerate(unittest.TestCase):
    skipped = []

    def regen(self, kind, key, needs):
        miss = missing_tools(needs)
        if miss:
            self.skipped.append(f"{kind} {key}: needs {', '.join(miss)}")
            self.skipTest(f"SKIPPED: {kind} {key} needs {', '.join(miss)}")
        with tempfile.TemporaryDirectory() as out:
            t0 = time.time()
            subprocess.run([sys.executable, os.path.join(HERE, "gen.py"), f"--{kind}", key, "--out", out],
                           check=True, stdout=subprocess.DEVNULL)
            files = sorted(written_files(out))
            self.assertTrue(files, f"{kind} {key} wrote nothing")
            bad, known = [], []
            for rel in files:
                committed = os.path.join(REPO, rel)
                same = os.path.exists(committed) and filecmp.cmp(committed, os.path.join(out, rel), shallow=False)
                if rel in KNOWN_DIFFERENT:
                    known.append(rel)
                    if same:
                        print(f"\nnote: {rel} reproduces now: drop it from KNOWN_DIFFERENT", file=sys.stderr)
                elif not same:
                    bad.append(rel)
            ok = len(files) - len(bad) - len(known)
            print(f"\n{kind} {key}: {ok}/{len(files)} files byte for byte, {len(known)} known to differ "
                  f"({time.time() - t0:.1f}s)", file=sys.stderr)
            self.assertEqual(bad, [], f"{kind} {key}: these differ from the committed files")


def _add(kind, key, needs):
    setattr(Regenerate, f"test_{kind}_{key}", lambda self: self.regen(kind, key, needs))


for _k, (_, _, _needs) in gen.ROUNDS.items():
    _add("round", _k, _needs)
for _k, (_, _, _needs) in gen.FAMILIES.items():
    _add("family", _k, _needs)


if __name__ == "__main__":
    prog = unittest.main(exit=False, verbosity=2)
    if Regenerate.skipped:
        print("\n*** SKIPPED (external producers missing) ***\n  " + "\n  ".join(Regenerate.skipped),
              file=sys.stderr)
    sys.exit(not prog.result.wasSuccessful())
