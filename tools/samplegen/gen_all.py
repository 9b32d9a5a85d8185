#!/usr/bin/env python3
"""Build the samples/ PDFs (with .truth.json and .grid.json) and the
tests/hostile/ files.  Run from anywhere:  python3 tools/samplegen/gen_all.py"""
import hashlib
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
SAMPLES = os.path.join(ROOT, "samples")

import data  # noqa: E402
from forms import national_table, shanghai_table, check_form, record  # noqa: E402
from layout import Doc  # noqa: E402
from pdfwriter import CIDFontUCS2, CIDFontGBK, TTFIdentity, build_pdf  # noqa: E402

TTF_CANDIDATES = ["/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
                  "/usr/share/fonts/truetype/arphic/uming.ttc"]


def table_of(f):
    return national_table(f) if f["template"] == "national" else shanghai_table(f)


def all_chars(forms):
    s = set()
    for f in forms:
        s |= set(f["title"]) | set(f["year_line"])
        for c in table_of(f).cells:
            s |= set(c.text)
    return "".join(sorted(s - {"\n"}))


def render(forms, font, flow=False):
    doc = Doc(font)
    grids, row_pages = [], []
    for i, f in enumerate(forms):
        check_form(f, f["fund_score"])
        t = table_of(f)
        pages, grid = doc.place_form(f["title"], f["year_line"], t, new_page=(i == 0 or not flow))
        grids.append((t, grid, doc.last_row_page))
    return doc, grids


def write_json(path, obj):
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(obj, fh, ensure_ascii=False, indent=1)
        fh.write("\n")


def emit(name, forms, pdf_bytes, n_pages, grids, producer):
    pdf_path = os.path.join(SAMPLES, name + ".pdf")
    with open(pdf_path, "wb") as fh:
        fh.write(pdf_bytes)
    assert len(pdf_bytes) < 300_000, (name, len(pdf_bytes))
    sha = hashlib.sha256(pdf_bytes).hexdigest()
    write_json(os.path.join(SAMPLES, name + ".truth.json"), [record(f) for f in forms])
    write_json(os.path.join(SAMPLES, name + ".grid.json"),
               {"source": {"file": name + ".pdf", "sha256": sha}, "producer": producer,
                "expect": "tables", "n_pages": n_pages, "tables": [g for _, g, _ in grids]})
    print(f"{name}.pdf  {len(pdf_bytes)} bytes  {n_pages} pages  forms on pages "
          + " ".join("-".join(map(str, (g['pages'][0], g['pages'][-1]))) if len(g['pages']) > 1
                     else str(g['pages'][0]) for _, g, _ in grids))


def spans_break(t, row_page, col):
    return [c.text for c in t.cells if c.col == col and c.rowspan > 1
            and row_page[c.row] != row_page[c.row + c.rowspan - 1]]


def main():
    os.makedirs(SAMPLES, exist_ok=True)
    # national_01: two forms, each starting on a new page; form 2 runs over a page break
    forms = data.national_01()
    font = CIDFontUCS2()
    doc, grids = render(forms, font)
    t, g, rp = grids[1]
    assert len(g["pages"]) == 2, g["pages"]
    assert spans_break(t, rp, 1), "no merged 一级指标 cell across the break"
    print("  national_01 form 2: across the break:", spans_break(t, rp, 0) + spans_break(t, rp, 1))
    emit("national_01", forms, build_pdf(doc.contents(), font, id_seed=b"national_01"), len(doc.pages), grids,
         {"style": "samplegen", "template": "national", "font": "STSong-Light UniGB-UCS2-H (not embedded)",
          "options": ["break_forms", "merged_cell_across_page_break"]})

    # national_02: central/local funds, separators, dashes; form 2 follows form 1 on the same page
    forms = data.national_02()
    doc, grids = render(forms, font, flow=True)
    emit("national_02", forms, build_pdf(doc.contents(), font, id_seed=b"national_02"), len(doc.pages), grids,
         {"style": "samplegen", "template": "national", "font": "STSong-Light UniGB-UCS2-H (not embedded)",
          "options": ["flow_forms", "central_local_funds", "thousands_separators", "dash_cells"]})

    # gbk_01: Shanghai layout, STSong-Light with GBK-EUC-H
    forms = data.gbk_01()
    gfont = CIDFontGBK()
    doc, grids = render(forms, gfont)
    emit("gbk_01", forms, build_pdf(doc.contents(), gfont, id_seed=b"gbk_01"), len(doc.pages), grids,
         {"style": "samplegen", "template": "shanghai", "font": "STSong-Light GBK-EUC-H (not embedded)",
          "options": ["gbk_only_chars", "literal_strings"]})

    # notounicode_01: embedded TrueType subset, Identity-H, no ToUnicode
    forms = data.notounicode_01()
    ttf = next(p for p in TTF_CANDIDATES if os.path.exists(p))
    tfont = TTFIdentity(ttf, all_chars(forms))
    doc, grids = render(forms, tfont)
    pdf = build_pdf(doc.contents(), tfont, id_seed=b"notounicode_01")
    assert b"ToUnicode" not in pdf
    emit("notounicode_01", forms, pdf, len(doc.pages), grids,
         {"style": "samplegen", "template": "shanghai",
          "font": f"{tfont.basefont} embedded TrueType subset, Identity-H, no ToUnicode",
          "options": ["no_tounicode"]})

    # encrypted_01: empty user password, owner password set, printing forbidden
    import io
    import pikepdf
    forms = data.encrypted_01()
    doc, grids = render(forms, font)
    plain = build_pdf(doc.contents(), font, id_seed=b"encrypted_01")
    with pikepdf.open(io.BytesIO(plain)) as p:
        out = io.BytesIO()
        p.save(out, static_id=True,
               encryption=pikepdf.Encryption(owner="jixiao-owner", user="", R=3, aes=False, metadata=False,
                                             allow=pikepdf.Permissions(print_lowres=False,
                                                                       print_highres=False)))
    emit("encrypted_01", forms, out.getvalue(), len(doc.pages), grids,
         {"style": "samplegen", "template": "national", "font": "STSong-Light UniGB-UCS2-H (not embedded)",
          "options": ["encrypted RC4-128 (R=3)", "user password empty", "owner password set",
                      "printing forbidden"]})

    import hostile
    hostile.main(ROOT)


if __name__ == "__main__":
    main()
