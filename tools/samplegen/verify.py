#!/usr/bin/env python3
"""Independent check of the written samples: re-read each PDF with pikepdf
(the encrypted one with the empty user password), decode every Tj string
through its font (UTF-16BE for UniGB-UCS2-H, GBK bytes for GBK-EUC-H, the
inverted cmap of the embedded TrueType for Identity-H without ToUnicode) and
check that every grid cell's text, title and year line appears, in order."""
import io
import json
import os
import re
import sys

import pikepdf
from fontTools.ttLib import TTFont

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES = os.path.abspath(os.path.join(HERE, "..", "..", "samples"))
sys.path.insert(0, HERE)
from samplegen.truth import normalise  # noqa: E402


def decoder(font):
    enc = str(font.get("/Encoding"))
    if enc == "/UniGB-UCS2-H":
        return lambda b: b.decode("utf-16-be")
    if enc == "/GBK-EUC-H":
        return lambda b: b.decode("gbk")
    if enc == "/Identity-H":
        assert "/ToUnicode" not in font
        desc = font.DescendantFonts[0]
        ff = bytes(desc.FontDescriptor.FontFile2.read_bytes())
        tt = TTFont(io.BytesIO(ff))
        inv = {tt.getGlyphID(g): chr(cp) for cp, g in tt.getBestCmap().items()}
        return lambda b: "".join(inv[int.from_bytes(b[i:i + 2], "big")] for i in range(0, len(b), 2))
    raise ValueError(enc)


def page_text(page):
    fonts = {k: decoder(v) for k, v in page.Resources.Font.items()}
    cur = None
    out = []
    for operands, op in pikepdf.parse_content_stream(page):
        if str(op) == "Tf":
            cur = fonts[str(operands[0])]
        elif str(op) == "Tj":
            out.append(cur(bytes(operands[0])))
    return "".join(out)


def squash(s):
    return re.sub(r"\s+", "", s)


def main():
    bad = 0
    for name in ["national_01", "national_02", "gbk_01", "notounicode_01", "encrypted_01"]:
        pdf = pikepdf.open(os.path.join(SAMPLES, name + ".pdf"), password="")
        grid = json.load(open(os.path.join(SAMPLES, name + ".grid.json")))
        truth = json.load(open(os.path.join(SAMPLES, name + ".truth.json")))
        assert len(pdf.pages) == grid["n_pages"]
        texts = [squash(page_text(p)) for p in pdf.pages]
        full = "".join(texts)
        pos = 0
        for tbl, rec in zip(grid["tables"], truth):
            want = [rec["title"]] + [c["text"] for c in sorted(tbl["cells"], key=lambda c: (c["row"], c["col"])) if c["text"]]
            for w in want:
                i = full.find(squash(w), pos)
                if i < 0:
                    print(f"{name}: not found in order: {w!r}")
                    bad += 1
                else:
                    pos = i + len(squash(w))
            first = texts[tbl["pages"][0] - 1]
            assert squash(rec["title"]) in first, (name, "title not on first page")
            assert str(rec["year"]) + "年度" in first
        for rec in truth:
            for k in ("title", "project_name", "department", "implementer"):
                assert rec[k] == normalise(rec[k])
        print(f"{name}: {len(pdf.pages)} pages, {len(truth)} forms, text ok" + (" (encrypted)" if pdf.is_encrypted else ""))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
