"""One runner per round or family: take its case list, build every case,
write the files where paths.dest() says. gen.py picks the runners."""
import hashlib
import os
import shutil

from samplegen import paths
from samplegen.truth import write_json

TXT_EXTS = (".pdf", ".truth.json", ".grid.json", ".txt")
ALL_EXTS = TXT_EXTS + (".expected_checks.json",)


def clean(name, exts=ALL_EXTS):
    """Remove a sample from both samples/ and samples-pending/ (it moves
    between them when jixiao starts or stops reading it)."""
    for d in (paths.SAMPLES, paths.PENDING):
        for ext in exts:
            p = os.path.join(d, name + ext)
            if os.path.exists(p):
                os.remove(p)


def write_text(name, text, truth, newline=None, json_newline=True):
    out = paths.dest(name)
    os.makedirs(out, exist_ok=True)
    clean(name)
    with open(os.path.join(out, name + ".txt"), "w", encoding="utf-8", newline=newline) as fh:
        fh.write(text)
    write_json(os.path.join(out, name + ".truth.json"), truth, json_newline)
    print(f"{os.path.relpath(out, paths.ROOT)}/{name}.txt")


def run_base():
    from cases import base as data
    from samplegen.build import emit_base as emit, render_base as render, spans_break, all_chars
    from samplegen.fonts import CIDFontUCS2, CIDFontGBK, TTFIdentity, TTF_CANDIDATES
    from samplegen.assemble import build_pdf
    SAMPLES = paths.SAMPLES
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


def base():
    """national_01/02, gbk_01, notounicode_01, encrypted_01 and tests/hostile/."""
    from samplegen import hostile
    run_base()
    hostile.main(paths.ROOT)


def round1():
    from cases.round1 import CASES
    from samplegen.build import build_r1
    for spec in CASES:
        clean(spec["name"])
        build_r1(spec, paths.dest(spec["name"]))


def round2():
    from cases.round2 import CASES, TXT
    from samplegen.build import build_r2
    from samplegen.templates import txt_edited
    from samplegen.truth import record
    for spec in CASES:
        build_r2(spec, paths.dest(spec["name"]))
    edits = {k: v for k, v in TXT.items() if k not in ("name", "form", "year_line")}
    write_text(TXT["name"], txt_edited(TXT["form"], TXT["year_line"], **edits), [record(TXT["form"])])


def _emit_all(cases, build):
    from samplegen.build import emit
    for spec in cases:
        name, pdf, truth, grid = build(spec)
        emit(paths.dest(name), name, pdf, truth, grid)


def round3():
    from cases.round3 import CASES, HOSTILE, TXT
    from samplegen.build import build_r3
    from samplegen.templates import txt_collapsed
    from samplegen.truth import record
    _emit_all(CASES, build_r3)
    write_text(TXT["name"], txt_collapsed(TXT["form"], TXT["spaced"]), [record(TXT["form"])], newline="")
    hd = os.path.join(paths.ROOT, "tests", "hostile-extra")
    os.makedirs(hd, exist_ok=True)
    name, pdf, truth, _ = build_r3(HOSTILE)
    with open(os.path.join(hd, name + ".pdf"), "wb") as fh:
        fh.write(pdf)
    write_json(os.path.join(hd, name + ".form1.truth.json"), truth[:1])
    print(f"tests/hostile-extra/{name}.pdf")


def round4():
    from cases.round4 import CASES, TXT
    from samplegen.build import build_r4
    from samplegen.templates import txt_forms
    from samplegen.truth import check4, record
    _emit_all(CASES, build_r4)
    for f in TXT["forms"]:
        check4(f)
    write_text(TXT["name"], txt_forms(TXT["forms"]), [record(f) for f in TXT["forms"]])


def round5():
    from cases.round5 import CASES, TXT
    from samplegen.build import emit, render5
    from samplegen.assemble import build_pdf3
    from samplegen.templates import txt_forms
    from samplegen.truth import grid_doc4, record
    for name, forms, exp, what in CASES:
        out = paths.dest(name)
        clean(name)
        if name[:11] in TXT:
            write_text(name, txt_forms(forms), [record(f) for f in forms])
        else:
            doc, grids, truth, _ = render5(name, forms)
            pages = doc.contents(extra=doc.extras)
            pdf = build_pdf3(pages, id_seed=name.encode(), producer=what.encode())
            grid = grid_doc4(name, pdf, what, ["deliberate_inconsistencies"], grids, len(pages))
            grid["producer"]["style"] = "samplegen-variant5"
            emit(out, name, pdf, truth, grid)
        write_json(os.path.join(out, name + ".expected_checks.json"), exp)


def round6():
    from cases.round6 import CASES, TXT
    from samplegen.build import build_r6, emit
    from samplegen.templates import table6, txt_forms
    from samplegen.truth import check4, record
    for spec in CASES:
        name, pdf, truth, grid, exp = build_r6(spec)
        out = paths.dest(name)
        clean(name)
        emit(out, name, pdf, truth, grid)
        if exp is not None:
            write_json(os.path.join(out, name + ".expected_checks.json"), exp)
    for f in TXT["forms"]:
        check4(f)
    write_text(TXT["name"], txt_forms(TXT["forms"], table6), [record(f) for f in TXT["forms"]])


def round7():
    from cases.round7 import CASES
    from samplegen.templates import txt_copy
    from samplegen.truth import check7, record
    for spec in CASES:
        f = spec["form"]
        check7(f)
        text = txt_copy(f, spec.get("merged", "top"), spec.get("cuts", ()), spec.get("new_page"))
        write_text(spec["name"], text, [record(f)], json_newline=False)


def round8():
    from cases.round8 import CASES
    from samplegen.build import build_r8, emit
    for spec in CASES:
        name, pdf, truth, grid = build_r8(spec)
        clean(name)
        emit(paths.dest(name), name, pdf, truth, grid)


def office():
    from cases.office import SETS
    from samplegen.office import (write_xlsx, write_xls, write_ods, write_docx, write_text,
                                  html_page, write_doc)
    from samplegen.truth import check_form, record
    SAMPLES = paths.SAMPLES
    os.makedirs(SAMPLES, exist_ok=True)
    for name, forms, _ in SETS:
        for f in forms:
            check_form(f, f["fund_score"])
        truth = [record(f) for f in forms]
        for r in truth:
            r.pop("checks", None)
        write_json(os.path.join(SAMPLES, name + ".truth.json"), truth)
        base = os.path.join(SAMPLES, name)
        write_xlsx(base + "_xlsx.xlsx", forms)
        write_xls(base + "_xls.xls", forms)
        write_ods(base + "_ods.ods", forms)
        write_docx(base + "_docx.docx", forms)
        write_text(base + "_html.html", html_page(forms, "utf-8"), "utf-8")
        if name == "office_02":
            write_text(base + "_html_gbk.html", html_page(forms, "gb2312"), "gbk")
        if name == "office_01":
            write_text(base + "_xls_html.xls", html_page(forms, "utf-8", excel=True), "utf-8")
        print(name, len(forms), "forms")
    write_doc(os.path.join(SAMPLES, "office_00_doc.doc"))


def bundles():
    from cases import bundles as data
    from cases.base import national_02
    from samplegen.build import bundle_report_01, notaform_01, text_dumps
    from samplegen.fonts import CIDFontUCS2
    os.makedirs(paths.SAMPLES, exist_ok=True)
    font = CIDFontUCS2()
    bundle_report_01(font, data, national_02())
    notaform_01(font, data)
    text_dumps(data)


def families():
    from cases.families import FAMILIES
    from samplegen.producers import print_pdf
    from samplegen.templates import family_html_page, family_text_dump
    from samplegen.truth import family_grid_json
    os.makedirs(paths.SAMPLES, exist_ok=True)
    for make in FAMILIES:
        fam = make()
        stem = os.path.join(paths.SAMPLES, f"family_{fam['name']}")
        with open(stem + "_txt.txt", "w", encoding="utf-8") as f:
            f.write(family_text_dump(fam))
        with open(stem + "_html.html", "w", encoding="utf-8") as f:
            f.write(family_html_page(fam))
        write_json(stem + ".truth.json", fam["truth"])
        for producer, style in (("wk", "wkhtmltopdf 0.12.6 (Qt 5)"), ("chrome", "Chromium headless")):
            pdf = f"{stem}_{producer}.pdf"
            n_pages = print_pdf(producer, stem + "_html.html", pdf)
            sha = hashlib.sha256(open(pdf, "rb").read()).hexdigest()
            shutil.copyfile(stem + ".truth.json", f"{stem}_{producer}.truth.json")
            write_json(f"{stem}_{producer}.grid.json",
                       family_grid_json(fam, os.path.basename(pdf), style, n_pages, sha))
        print("wrote", stem + ".*")


def producers():
    from cases.producers import RECIPES, forms
    from samplegen.producers import emit_producer
    for name, recipe in RECIPES.items():
        os.makedirs(paths.dest(name), exist_ok=True)
        clean(name)
        emit_producer(name, recipe, forms(), paths.dest(name))
