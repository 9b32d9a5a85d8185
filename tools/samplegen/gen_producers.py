#!/usr/bin/env python3
"""The forms of producer_data.py rendered by real PDF producers (issue #8):

  producer_01_weasyprint      HTML + CSS (letter-spaced title) → WeasyPrint
  producer_02_wkhtmltopdf     the same HTML → wkhtmltopdf (Qt 5 WebKit)
  producer_03_gs_calc         xlsx → LibreOffice Calc PDF → pdftocairo -ps → ps2pdf
  producer_04_gs_writer       docx → LibreOffice Writer PDF → pdftocairo -ps → ps2pdf
  producer_05_gs_html         HTML → wkhtmltopdf → pdftocairo -ps → ps2pdf
  producer_06_xelatex         LaTeX longtable + multirow + xeCJK, ruled → XeLaTeX
  producer_07_xelatex_norules the same table without any rule, cells left-aligned
  producer_09_writer_noborders docx whose table has no borders → LibreOffice Writer PDF
                              (cells top-aligned, merged labels in their first row)
  producer_08_cid_norules     the corpus's cid style (samplegen's own writer, STSong-Light
                              UniGB-UCS2-H) without rules, every cell left-aligned and
                              vertically centred in its row

Each PDF holds the national form on page 1 and the Shanghai form on page 2.
Truth (NAME.truth.json) and grids (NAME.grid.json) come from the strings
drawn (forms.py's tables), never from jixiao. Output is made reproducible:
SOURCE_DATE_EPOCH for the producers, then pikepdf drops dates and XMP
metadata and writes a static /ID.

Setup (used: WeasyPrint 70.0, wkhtmltopdf 0.12.6, LibreOffice 7.4,
poppler 22.12, Ghostscript 10.0, XeTeX 3.141592653-2.6-0.999995, TeX Live 2022):

    pip install weasyprint openpyxl python-docx pikepdf
    apt-get install wkhtmltopdf ghostscript poppler-utils libreoffice-calc \\
        libreoffice-writer texlive-xetex texlive-lang-chinese texlive-latex-extra \\
        fonts-wqy-microhei fonts-noto-cjk
    python3 tools/samplegen/gen_producers.py [--pending NAME,...] [NAME...]

`--pending` names go to samples-pending/ (jixiao does not read them right
yet, so they would fail `make test`; move them back once it does).
"""
import hashlib
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
SAMPLES = os.path.join(ROOT, "samples")
PENDING = os.path.join(ROOT, "samples-pending")

import producer_data  # noqa: E402
import producer_render as render  # noqa: E402
from forms import check_form, record  # noqa: E402
from office import table_of  # noqa: E402

ENV = dict(os.environ, SOURCE_DATE_EPOCH="1714554000", FORCE_SOURCE_DATE="1", TZ="UTC")


def run(cmd, cwd):
    subprocess.run(cmd, cwd=cwd, env=ENV, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)


def normalise_pdf(src, dst):
    """Drop dates and XMP metadata, write a static /ID (reproducible bytes)."""
    import pikepdf
    with pikepdf.open(src) as pdf:
        if "/Metadata" in pdf.Root:
            del pdf.Root["/Metadata"]
        if "/ID" in pdf.trailer:
            del pdf.trailer["/ID"]  # qpdf keeps a first /ID element it finds
        for key in ("/CreationDate", "/ModDate"):
            if key in pdf.docinfo:
                del pdf.docinfo[key]
        pdf.save(dst, static_id=True, deterministic_id=False, compress_streams=True,
                 object_stream_mode=pikepdf.ObjectStreamMode.preserve)


def office_pdf(src, tmp):
    run(["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{tmp}/lo",
         "--convert-to", "pdf", "--outdir", tmp, src], tmp)
    return os.path.splitext(src)[0] + ".pdf"


def ghostscript(pdf, tmp):
    """The print-to-PDF path: cairo PostScript, distilled by Ghostscript."""
    ps, out = os.path.join(tmp, "print.ps"), os.path.join(tmp, "distilled.pdf")
    run(["pdftocairo", "-ps", pdf, ps], tmp)
    run(["ps2pdf", "-dPDFSETTINGS=/default", ps, out], tmp)
    return out


def html_file(tmp, **kw):
    path = os.path.join(tmp, "forms.html")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(render.html_doc(producer_data.forms(), **kw))
    return path


def weasyprint(tmp):
    out = os.path.join(tmp, "w.pdf")
    run(["python3", "-m", "weasyprint", html_file(tmp, letter_spaced=True), out], tmp)
    return out


def wkhtmltopdf(tmp, **kw):
    out = os.path.join(tmp, "k.pdf")
    run(["wkhtmltopdf", "-q", "--page-size", "A4", "--disable-smart-shrinking",
         html_file(tmp, **kw), out], tmp)
    return out


def xelatex(tmp, rules):
    tex = os.path.join(tmp, "forms.tex")
    with open(tex, "w", encoding="utf-8") as fh:
        fh.write(render.latex_doc(producer_data.forms(), rules=rules))
    for _ in range(2):  # longtable settles its column widths on the second run
        run(["xelatex", "-interaction=batchmode", "forms.tex"], tmp)
    return os.path.join(tmp, "forms.pdf")


def cid_norules(tmp):
    """samplegen's cid layout (layout.Doc) without its lines, every cell
    left-aligned: text stays vertically centred in its rows."""
    from layout import Doc
    from pdfwriter import CIDFontUCS2, build_pdf
    font = CIDFontUCS2()
    doc = Doc(font)
    for f in producer_data.forms():
        t = table_of(f)
        for c in t.cells:
            c.align = "l"
        doc.place_form(f["title"], f["year_line"], t)
    pages = [b"".join(line for line in page.splitlines(keepends=True) if not line.endswith(b" l S\n"))
             for page in doc.contents()]
    out = os.path.join(tmp, "cid.pdf")
    with open(out, "wb") as fh:
        fh.write(build_pdf(pages, font, id_seed=b"producer_08_cid_norules"))
    return out


PRODUCERS = {
    "producer_01_weasyprint": (weasyprint, "WeasyPrint", "html"),
    "producer_02_wkhtmltopdf": (wkhtmltopdf, "wkhtmltopdf", "html"),
    "producer_03_gs_calc": (lambda t: ghostscript(office_pdf(render.write_xlsx(t, producer_data.forms()), t), t),
                            "LibreOffice Calc → pdftocairo -ps → ps2pdf", "xlsx"),
    "producer_04_gs_writer": (lambda t: ghostscript(office_pdf(render.write_docx(t, producer_data.forms()), t), t),
                              "LibreOffice Writer → pdftocairo -ps → ps2pdf", "docx"),
    "producer_05_gs_html": (lambda t: ghostscript(wkhtmltopdf(t, letter_spaced=True), t),
                            "wkhtmltopdf → pdftocairo -ps → ps2pdf", "html"),
    "producer_06_xelatex": (lambda t: xelatex(t, True), "XeLaTeX (xeCJK, longtable, multirow)", "tex"),
    "producer_07_xelatex_norules": (lambda t: xelatex(t, False), "XeLaTeX, no rules, left-aligned", "tex"),
    "producer_08_cid_norules": (cid_norules, "samplegen cid style, no rules, left-aligned", "samplegen"),
    "producer_09_writer_noborders": (lambda t: office_pdf(render.write_docx(t, producer_data.forms(), borders=False), t),
                                     "LibreOffice Writer, table without borders", "docx"),
}


def pages_of(pdf, forms):
    """The page each form's table is printed on: the page whose text (as
    pdftotext reads it) holds the form's project name."""
    n = int(next(line.split()[1] for line in subprocess.run(
        ["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout.splitlines()
        if line.startswith("Pages:")))
    texts = [subprocess.run(["pdftotext", "-f", str(p), "-l", str(p), pdf, "-"], capture_output=True,
                            text=True, check=True).stdout.replace(" ", "").replace("\n", "")
             for p in range(1, n + 1)]
    return n, [[p + 1 for p, t in enumerate(texts) if f["project_name"] in t] for f in forms]


def write_json(path, obj):
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(obj, fh, ensure_ascii=False, indent=1)
        fh.write("\n")


def emit(name, out_dir):
    make, producer, source = PRODUCERS[name]
    forms = producer_data.forms()
    for f in forms:
        check_form(f, f["fund_score"])
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(out_dir, name + ".pdf")
        normalise_pdf(make(tmp), out)
    blob = open(out, "rb").read()
    n_pages, pages = pages_of(out, forms)
    grids = [table_of(f).grid_json(p) for f, p in zip(forms, pages)]
    write_json(os.path.join(out_dir, name + ".truth.json"), [record(f) for f in forms])
    write_json(os.path.join(out_dir, name + ".grid.json"),
               {"source": {"file": name + ".pdf", "sha256": hashlib.sha256(blob).hexdigest()},
                "producer": {"style": "producer", "producer": producer, "source": source,
                             "templates": [f["template"] for f in forms]},
                "expect": "tables", "n_pages": n_pages, "tables": grids})
    print(f"{name}.pdf  {len(blob)} bytes  {n_pages} pages  forms on pages {pages}")


def main():
    args = sys.argv[1:]
    pending = set()
    if args[:1] == ["--pending"]:
        pending, args = set(args[1].split(",")), args[2:]
    for name in args or PRODUCERS:
        emit(name, PENDING if name in pending else SAMPLES)


if __name__ == "__main__":
    main()
