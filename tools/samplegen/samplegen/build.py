"""Builders: turn a case (forms + options) into the written PDF, truth and
grid of one sample, per layout family."""
import hashlib
import io
import json
import os
from samplegen.templates import dept_table, heads_for, national_table, table, table4, table6, table8, table_of
from samplegen.truth import check2, check4, check_form, grid_doc, grid_doc4, record, write_json
from samplegen.layout import A4, Cell, Doc, MARGIN_L, PAGE_W, Table, VDoc, crop_marks, wrap
from samplegen.paths import REPO_SAMPLES, ROOT, SAMPLES
from samplegen.assemble import (build_pdf, build_pdf2, build_pdf3, build_pdf8, build_pdf_v, incremental_update, ucs2,
                                xref_offsets_off)
from samplegen.pdf import Name, PDF, Stream
from samplegen.fonts import CIDFontGBK, CIDFontUCS2, CIDFontUTF16, DiffFonts, TTFToUnicode, TTF_CANDIDATES as TTF, Type3Fonts


def all_chars(forms):
    s = set()
    for f in forms:
        s |= set(f["title"]) | set(f["year_line"])
        for c in table_of(f).cells:
            s |= set(c.text)
    return "".join(sorted(s - {"\n"}))


def render_base(forms, font, flow=False):
    doc = Doc(font)
    grids, row_pages = [], []
    for i, f in enumerate(forms):
        check_form(f, f["fund_score"])
        t = table_of(f)
        pages, grid = doc.place_form(f["title"], f["year_line"], t, new_page=(i == 0 or not flow))
        grids.append((t, grid, doc.last_row_page))
    return doc, grids


def emit_base(name, forms, pdf_bytes, n_pages, grids, producer):
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


def prose(doc, lines, first_size=16.0):
    """Lines of free text (a heading, then wrapped paragraphs), top-down."""
    doc.new_page()
    doc.centred(lines[0], first_size)
    width = PAGE_W - 2 * MARGIN_L
    for para in lines[1:]:
        for ln in wrap(para, width, doc.font, doc.size):
            doc.text(MARGIN_L, doc.y + doc.size * 0.88, ln)
            doc.y += doc.leading
        doc.y += doc.leading / 2


def simple_table(rows, widths):
    return Table(widths, [Cell(r, k, t) for r, row in enumerate(rows) for k, t in enumerate(row)])


def emit_pdf(name, doc, font, forms, grids, producer, expect="tables"):
    pdf = build_pdf(doc.contents(), font, id_seed=name.encode())
    with open(os.path.join(SAMPLES, name + ".pdf"), "wb") as fh:
        fh.write(pdf)
    sha = hashlib.sha256(pdf).hexdigest()
    if forms:
        write_json(os.path.join(SAMPLES, name + ".truth.json"), [record(f) for f in forms])
    write_json(os.path.join(SAMPLES, name + ".grid.json"),
               {"source": {"file": name + ".pdf", "sha256": sha}, "producer": producer,
                "expect": expect, "n_pages": len(doc.pages), "tables": grids})
    print(f"{name}.pdf  {len(pdf)} bytes  {len(doc.pages)} pages  {len(forms)} forms")


def bundle_report_01(font, data, forms):
    """data: cases/bundles.py (CONTENTS, PROSE, SUMMARY); forms: the forms after them."""
    doc = Doc(font)
    prose(doc, data.CONTENTS)
    prose(doc, ["某县交通运输局2023年度部门决算及绩效自评报告"] + data.PROSE)
    doc.place_form("收入支出决算总表", "（2023年度）", simple_table(data.SUMMARY, [200, 100, 100, 100]))
    grids = []
    for f in forms:
        check_form(f, f["fund_score"])
        _, grid = doc.place_form(f["title"], f["year_line"], national_table(f))
        grids.append(grid)
    emit_pdf("bundle_report_01", doc, font, forms, grids,
             {"style": "samplegen", "template": "national", "font": "STSong-Light UniGB-UCS2-H",
              "options": ["contents_page", "prose", "other_table", "two_forms"]})


def notaform_01(font, data):
    doc = Doc(font)
    prose(doc, data.MANUAL)
    doc.place_form("参数表", None, simple_table(data.PARAMS, [120, 200, 100]), new_page=False)
    emit_pdf("notaform_01", doc, font, [], [],
             {"style": "samplegen", "font": "STSong-Light UniGB-UCS2-H", "options": ["not_a_form"]},
             expect="no_form_found")


def text_dumps(data):
    dept = open(os.path.join(REPO_SAMPLES, "department-2023.txt"), encoding="utf-8").read()
    basis = ("附件一\n部门整体支出绩效评价基础数据表\n"
             "财政供养人员情况\t编制数\t实有人数\n\t120\t116\n"
             "三公经费\t预算数\t决算数\n\t12.00\t10.50\n"
             "附件二\n")
    with open(os.path.join(SAMPLES, "bundle_report_02.txt"), "w", encoding="utf-8") as fh:
        fh.write(basis + dept)
    truth = json.load(open(os.path.join(REPO_SAMPLES, "department-2023.truth.json"), encoding="utf-8"))
    write_json(os.path.join(SAMPLES, "bundle_report_02.truth.json"), truth)
    with open(os.path.join(SAMPLES, "notaform_02.txt"), "w", encoding="utf-8") as fh:
        fh.write("收入支出决算总表\n（2023年度）\n" + "".join("\t".join(r) + "\n" for r in data.SUMMARY))
    print("bundle_report_02.txt, notaform_02.txt")


def build_r1(spec, outdir):
    forms = spec["forms"]
    for f in forms:
        check2(f)
    chars = set()
    tables = [table(f) for f in forms]
    for f, t, hs in zip(forms, tables, spec["heads"]):
        for c in t.cells:
            chars |= set(c.text)
        for h in hs:
            chars |= set(h[0])
    if spec["font"] == "ucs2":
        font = CIDFontUCS2()
    elif spec["font"] == "gbk":
        font = CIDFontGBK()
    else:
        font = TTFToUnicode(next(p for p in TTF if os.path.exists(p)), "".join(sorted(chars - {"\n"})),
                            tag="VARTTF")
    doc = VDoc(font, **spec["doc"])
    grids = []
    for i, (f, t, hs) in enumerate(zip(forms, tables, spec["heads"])):
        pages, g = doc.place(hs, t, new_page=(i == 0 or not spec.get("flow")))
        grids.append(g)
    if spec.get("one_page"):
        assert len(doc.pages) == 1, len(doc.pages)
    if spec.get("pages"):
        assert len(doc.pages) == spec["pages"], len(doc.pages)
    name = spec["name"]
    if spec.get("rotate"):
        # logical landscape (u, v) -> media (W - v, u) on a portrait page shown rotated clockwise
        W = A4[0]
        content = doc.contents(prefix=f"0 1 -1 0 {W} 0 cm\n".encode())
        pdf = build_pdf_v(content, font, [0, 0, A4[0], A4[1]], rotate=90, id_seed=name.encode())
    elif spec.get("crop"):
        sx, sy = spec["shift"]
        content = [c + crop_marks(spec["media"], spec["crop"]) for c in
                   doc.contents(prefix=f"1 0 0 1 {sx} {sy} cm\n".encode())]
        pdf = build_pdf_v(content, font, spec["media"], crop=spec["crop"], id_seed=name.encode())
    else:
        pdf = build_pdf_v(doc.contents(), font, [0, 0, A4[0], A4[1]], id_seed=name.encode(),
                          latin=spec["doc"].get("text_mode") == "mixed")
    os.makedirs(outdir, exist_ok=True)
    grid = grid_doc(name, pdf, spec["producer"], spec["options"], grids, len(doc.pages), style="samplegen-variant")
    emit(outdir, name, pdf, [record(f) for f in forms], grid)


def clean(name, outdir, exts=(".pdf", ".truth.json", ".grid.json", ".txt")):
    for d in (os.path.join(ROOT, "samples"), os.path.join(ROOT, "samples-pending")):
        for ext in exts:
            p = os.path.join(d, name + ext)
            if os.path.exists(p) and d != outdir:
                os.remove(p)


def build_r2(spec, outdir):
    forms = spec["forms"]
    for f in forms:
        check2(f)
    tables = [dept_table(f) if spec.get("dept") else table(f) for f in forms]
    chars = set()
    for t, hs in zip(tables, spec["heads"]):
        for c in t.cells:
            chars |= set(c.text)
        for h in hs:
            chars |= set(h[0])
    d = spec["doc"]
    for k in ("running_head", "page_num"):
        if d.get(k):
            chars |= set(d[k])
    if d.get("watermark"):
        chars |= set(d["watermark"][0])
    chars |= set("0123456789- ")
    font = {"ucs2": CIDFontUCS2, "utf16": CIDFontUTF16}.get(spec["font"])
    font = font() if font else DiffFonts(chars)
    doc = VDoc(font, **d)
    grids = []
    for i, (f, t, hs) in enumerate(zip(forms, tables, spec["heads"])):
        pages, g = doc.place(hs, t, new_page=(i == 0 or not spec.get("flow")))
        grids.append(g)
    if spec.get("pages"):
        assert len(doc.pages) == spec["pages"], len(doc.pages)
    if spec.get("expect_split"):
        assert doc.split_log, "no row was split"
    name = spec["name"]
    pdf = build_pdf2(doc.contents(extra=doc.extras), doc, [0, 0, A4[0], A4[1]], id_seed=name.encode(),
                     producer=spec["producer"].encode())
    grid = grid_doc(name, pdf, spec["producer"], spec["options"], grids, len(doc.pages), style="samplegen-variant2")
    emit(outdir, name, pdf, [record(f) for f in forms], grid)


def render_r3(spec):
    """-> (content streams, doc, grids, truth records)"""
    forms = spec["forms"]
    for f in forms:
        check2(f)
    tables = [table8(f) if f.get("t8") else table(f) for f in forms]
    doc = VDoc(CIDFontUCS2(), **spec.get("doc", {}))
    grids = []
    for i, (f, t) in enumerate(zip(forms, tables)):
        pages, g = doc.place(f.get("heads", heads_for(f["year"])), t,
                              new_page=(i == 0 or not spec.get("flow")),
                              breaks=f.get("breaks", ()), gaps=f.get("gaps", {}))
        grids.append(g)
    if spec.get("pages"):
        assert len(doc.pages) == spec["pages"], (spec["name"], len(doc.pages))
    if spec.get("form_pages"):
        assert [g["pages"] for g in grids] == spec["form_pages"], (spec["name"], [g["pages"] for g in grids])
    return doc.contents(extra=doc.extras), doc, grids, [record(f) for f in forms]


NOTES = ["填报说明：", "1. 本表金额单位为万元，保留两位小数。",
         "2. 执行率＝全年执行数÷全年预算数×100%，得分＝执行率×分值。",
         "3. 偏差原因分析及改进措施应逐项填写，未完成指标须说明原因。",
         "4. 评分等级：90分（含）以上为优，80分（含）至90分为良，60分（含）至80分为中，60分以下为差。",
         "5. 本表由项目实施单位填报，主管部门审核后报同级财政部门备案。"]


def notes_page():
    f = CIDFontUCS2()
    out = [b"q 0 g\n"]
    y = 780
    for ln in NOTES:
        out.append(f"BT /F1 10.5 Tf 1 0 0 1 56 {y} Tm ".encode() + f.encode(ln).encode() + b" Tj ET\n")
        y -= 22
    out.append(b"Q\n")
    return b"".join(out)


def emit(outdir, name, pdf, truth, grid):
    os.makedirs(outdir, exist_ok=True)
    clean(name, outdir)
    with open(os.path.join(outdir, name + ".pdf"), "wb") as fh:
        fh.write(pdf)
    write_json(os.path.join(outdir, name + ".truth.json"), truth)
    write_json(os.path.join(outdir, name + ".grid.json"), grid)
    print(f"{os.path.relpath(outdir, ROOT)}/{name}.pdf {len(pdf)} bytes, {grid['n_pages']} pages, "
          f"forms on {[t['pages'] for t in grid['tables']]}")


def case(name, forms, what, options, **spec):
    """A round 3/4 case as data: its forms, what it tests (the PDF's /Producer),
    the grid options, and layout options and post-processing steps (build_r3, build_r4)."""
    return dict(name=name, forms=forms, what=what, options=options, **spec)


def _cutter(cut):
    """cut = {"page": i, "keep": fraction}: page i's compressed content stream cut short"""
    if not cut:
        return None

    def mutate(i, s):
        if i == cut["page"]:
            s.data = s.data[:int(len(s.data) * cut["keep"])]
    return mutate


def _qpdf(pdf, save):
    """saved again by qpdf (pikepdf) with the save options (object_stream_mode by name)"""
    import pikepdf
    save = dict(save)
    if "object_stream_mode" in save:
        save["object_stream_mode"] = getattr(pikepdf.ObjectStreamMode, save["object_stream_mode"])
    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(pdf)) as p:
        p.save(out, static_id=True, **save)
    return out.getvalue()


def _incremental(pages, spec):
    """update = {"old": text, "new": text}: page 1 first written with old in place of
    new, then an incremental update replaces its content stream by the real one"""
    import pikepdf
    up = spec["update"]
    new = pages[0]
    assert new.count(ucs2(up["new"])) == 1
    old = new.replace(ucs2(up["new"]), ucs2(up["old"]))
    pdf = build_pdf3([old], id_seed=spec["name"].encode(), producer=spec["what"].encode())
    with pikepdf.open(io.BytesIO(pdf)) as p:
        objnum = p.pages[0].obj.Contents.objgen[0]
    return incremental_update(pdf, objnum, new)


def build_r3(spec):
    """A round 3 case -> (name, pdf, truth, grid). Post-processing named in the case:
    notes_page (a 填报说明 page after the forms), cut, update, xref_off, qpdf."""
    name = spec["name"]
    pages, doc, grids, truth = render_r3(spec)
    if spec.get("update"):
        pdf = _incremental(pages, spec)
    else:
        pages = pages + ([notes_page()] if spec.get("notes_page") else [])
        pdf = build_pdf3(pages, id_seed=name.encode(), producer=spec["what"].encode(), mutate=_cutter(spec.get("cut")))
    if spec.get("xref_off"):
        pdf = xref_offsets_off(pdf)
    if spec.get("qpdf"):
        pdf = _qpdf(pdf, spec["qpdf"])
    return name, pdf, truth, grid_doc(name, pdf, spec["what"], spec["options"], grids, len(pages))


def render_r4(spec):
    forms = spec["forms"]
    for f in forms:
        check4(f)
    tables = [table4(f) for f in forms]
    doc = VDoc(CIDFontUCS2(), **spec.get("doc", {}))
    grids = []
    for i, (f, t) in enumerate(zip(forms, tables)):
        if i in spec.get("blank_before", ()):
            doc.new_page()
            doc.pages[-1].append(("X",))     # a page with nothing but the running head / page number
        pages, g = doc.place(f.get("heads", heads_for(f["year"])), t,
                              new_page=(i == 0 or not spec.get("flow")),
                              breaks=f.get("breaks", ()))
        doc.y += 6
        for text, size, align in f.get("after_lines", ()):   # signature / date lines under the table
            doc.head_line(text, size, align, sum(t.col_widths))
        grids.append(g)
    if spec.get("pages"):
        assert len(doc.pages) == spec["pages"], (spec["name"], len(doc.pages))
    if spec.get("form_pages"):
        assert [g["pages"] for g in grids] == spec["form_pages"], (spec["name"], [g["pages"] for g in grids])
    return doc, grids, [record(f) for f in forms], tables


def build_r4(spec):
    """A round 4 case -> (name, pdf, truth, grid); ocr: the pages as images under invisible text."""
    name = spec["name"]
    doc, grids, truth, _ = render_r4(spec)
    if spec.get("ocr"):
        pdf, n_pages = ocr_scan_pdf(name, spec["what"], doc)
    else:
        pages = doc.contents(extra=doc.extras)
        pdf, n_pages = build_pdf3(pages, id_seed=name.encode(), producer=spec["what"].encode()), len(pages)
    return name, pdf, truth, grid_doc4(name, pdf, spec["what"], spec["options"], grids, n_pages)


def ocr_scan_pdf(name, what, doc):
    """An OCR'd scan: each page a 150 dpi grey image of the drawn page, with the
    text drawn again over it invisibly (3 Tr), no rulings. -> (pdf, pages)"""
    from samplegen.producers import rasterise
    visible = build_pdf3(doc.contents(), id_seed=name.encode(), producer=b"raster source")
    images = rasterise(visible)
    doc.ocr = True
    for ops in doc.pages:
        ops[:] = [op for op in ops if op[0] == "T"]
    texts = doc.contents()
    pdf = PDF()
    fonts = {"F1": CIDFontUCS2().make(pdf)}
    pages_ref = pdf.reserve()
    kids = []
    for i, (im, txt) in enumerate(zip(images, texts)):
        img = pdf.add(Stream(im.tobytes(), {"Type": Name("XObject"), "Subtype": Name("Image"), "Width": im.width,
                                            "Height": im.height, "ColorSpace": Name("DeviceGray"),
                                            "BitsPerComponent": 8}))
        content = f"q {A4[0]} 0 0 {A4[1]} 0 0 cm /Im0 Do Q\n".encode() + txt
        c = pdf.add(Stream(content))
        kids.append(pdf.add({"Type": Name("Page"), "Parent": pages_ref, "MediaBox": [0, 0, A4[0], A4[1]],
                             "Resources": {"Font": fonts, "XObject": {"Im0": img},
                                           "ProcSet": [Name("PDF"), Name("Text"), Name("ImageB")]},
                             "Contents": c}))
    pdf.set(pages_ref, {"Type": Name("Pages"), "Kids": kids, "Count": len(kids)})
    root = pdf.add({"Type": Name("Catalog"), "Pages": pages_ref})
    info = pdf.add({"Producer": what.encode(), "Creator": b"tools/samplegen/gen_variants4.py"})
    return pdf.write(root, info, hashlib.md5(name.encode() + b"".join(texts)).digest()), len(texts)


def render5(name, forms):
    """gen_variants4.render without check4 (the forms are inconsistent on purpose)"""
    tables = [table4(f) for f in forms]
    doc = VDoc(CIDFontUCS2())
    grids = []
    for i, (f, t) in enumerate(zip(forms, tables)):
        pages, g = doc.place(heads_for(f["year"]), t, new_page=True, breaks=())
        grids.append(g)
    return doc, grids, [record(f) for f in forms], tables


def render6(forms, *, doc_kw=None, ruling=None, glyphs=None, check=True):
    if check:
        for f in forms:
            check4(f)
    tables = [table6(f) for f in forms]
    doc = VDoc(CIDFontUCS2(), ruling=ruling, glyphs=glyphs, **(doc_kw or {}))
    grids = []
    for f, t in zip(forms, tables):
        pages, g = doc.place(f.get("heads", heads_for(f["year"])), t, new_page=True, breaks=())
        grids.append(g)
    doc.restyle()
    return doc, grids, [record(f) for f in forms], tables


def build_r6(r):
    name, forms, opts, what, options = r[:5]
    exp = r[5] if len(r) > 5 else None
    opts = dict(opts)
    check = exp is None
    if opts.get("ruling") == "dashed_dotted" or opts.get("glyphs") == "abs_bt_tm":
        # one style per form: render each form with its own doc, pages concatenated
        styles = (["dashed", "dotted"] if opts.get("ruling") else [None, None])
        gl = (["abs_bt", "abs_tm"] if opts.get("glyphs") else [None, None])
        pages, grids, truth = [], [], []
        for f, ru, g in zip(forms, styles, gl):
            doc, gr, tr, _ = render6([f], ruling=ru, glyphs=g, check=check)
            ps = doc.contents(extra=doc.extras)
            for x in gr:
                x["pages"] = [p + len(pages) for p in x["pages"]]
            pages += ps
            grids += gr
            truth += tr
    else:
        doc, grids, truth, _ = render6(forms, check=check, **opts)
        pages = doc.contents(extra=doc.extras)
    pdf = build_pdf3(pages, id_seed=name.encode(), producer=what.encode())
    grid = grid_doc4(name, pdf, what, options, grids, len(pages))
    grid["producer"]["style"] = "samplegen-variant6"
    return name, pdf, truth, grid, exp


def render8(forms, mode=None, repeat=False, doc_kw=None, side_by_side=False):
    if side_by_side:
        return render_side(forms)
    for f in forms:
        check4(f)
    tables = [table6(f) for f in forms]
    font = CIDFontUCS2()
    if mode == "type3":
        chars = set()
        for f, t in zip(forms, tables):
            for c in t.cells:
                chars |= set(c.text)
            for h in f.get("heads", heads_for(f["year"])):
                chars |= set(h[0])
        font = Type3Fonts(chars)
    doc = VDoc(font, mode=mode or "plain", **(doc_kw or {}))
    grids = []
    for f, t in zip(forms, tables):
        if repeat:
            h, wr = doc.row_heights(t)
            r = next(c.row for c in t.cells if c.text == "一级指标")
            cells = [(c, wr[id(c)]) for c in t.cells if c.row == r]
            xs = [doc.left]
            for w in t.col_widths:
                xs.append(xs[-1] + w)
            doc.repeat_row = (cells, h[r], xs)
        doc.in_table = "start"
        pages, g = doc.place(f.get("heads", heads_for(f["year"])), t, new_page=True, breaks=())
        doc.in_table = False
        grids.append(g)
    return doc, grids, [record(f) for f in forms]


def render_side(forms):
    """forms in pairs, left (x=22) and right (x=430) on one landscape page, tops aligned"""
    for f in forms:
        check4(f)
    doc = VDoc(CIDFontUCS2(), mode="plain", page=(A4[1], A4[0]), size=7.0, leading=9.0, min_row=14.0, margin_t=30.0,
                margin_b=30.0, left=22.0)
    grids = []
    for i, f in enumerate(forms):
        t = table6(f)
        heads = [(f"{f['title_truth']}", 13, "c"), (f"（{f['year']}年度）", 9, "c")]
        if i % 2 == 0:
            doc.left = 22.0
            pages, g = doc.place(heads, t, new_page=True, breaks=())
            top = doc.pages and doc.margin_t
        else:
            doc.left = 430.0
            doc.y = top - 24
            n = len(doc.pages)
            pages, g = doc.place(heads, t, new_page=False, breaks=())
            assert len(doc.pages) == n, "right form must fit on the same page"
        assert len(pages) == 1, pages
        grids.append(g)
    return doc, grids, [record(f) for f in forms]


def build_r8(spec):
    name, forms, opts, what, options = spec
    doc, grids, truth = render8(forms, **opts)
    media = (0, 0, doc.pw, doc.ph)
    if doc.split_log:
        print("  split:", doc.split_log)
    pages = doc.contents()
    pdf = build_pdf8(pages, doc, producer=what.encode(), id_seed=name.encode(), media=media)
    grid = grid_doc4(name, pdf, what, options, grids, len(pages))
    grid["producer"]["style"] = "samplegen-variant8"
    return name, pdf, truth, grid
