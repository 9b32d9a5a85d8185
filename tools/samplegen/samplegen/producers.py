"""External renderers: the HTML, xlsx, docx and LaTeX sources a real author
would write, and the runs of WeasyPrint, wkhtmltopdf, Chromium,
LibreOffice, Ghostscript (pdftocairo -ps, ps2pdf), XeLaTeX and pdftoppm;
SOURCE_DATE_EPOCH, then pikepdf fixes dates, XMP, /ID and subset tags."""
import hashlib
import html
import io
import os
import re
import subprocess
import tempfile
from samplegen.templates import table_of
from samplegen.office import FIXED, as_number, docx_document, docx_forms, html_table, save_docx, write_zip_fixed
from samplegen.assemble import build_pdf
from samplegen.fonts import CIDFontUCS2
from samplegen.layout import Doc
from samplegen.truth import check_form, record, write_json


HTML_FONT = "WenQuanYi Micro Hei"


# TrueType CJK fonts, as on office PCs (SimSun, Microsoft YaHei). A CFF font
# (Noto CJK) loses its text on the cairo PostScript path: its glyph names
# are CIDs of an Identity ordering, which nothing maps (poppler neither).
OFFICE_FONTS = {"xlsx": "WenQuanYi Micro Hei", "docx": "WenQuanYi Micro Hei"}


LATEX_CJK_FONT = "Noto Serif CJK SC"


PT_PER_CHAR = 5.25


SHEET_FONT_SIZE = 9.0


SHEET_LINE = 12.0


SHEET_PAD = 5.0


# ------------------------------------------------------------ HTML
def html_doc(forms, letter_spaced=False):
    spacing = "letter-spacing:0.6em;" if letter_spaced else ""
    css = (f"@page {{ size: A4; margin: 15mm 12mm; }}\n"
           f"body {{ font-family: '{HTML_FONT}'; font-size: 9pt; }}\n"
           f"h2 {{ text-align: center; font-size: 15pt; margin: 0 0 4pt 0; {spacing} }}\n"
           "p.year { text-align: center; margin: 0 0 6pt 0; }\n"
           "table { border-collapse: collapse; width: 100%; }\n"
           "td { border: 0.75pt solid #000; padding: 2pt 3pt; text-align: center; }\n"
           ".form + .form { page-break-before: always; }\n")
    body = []
    for f in forms:
        t = table_of(f)
        cols = "".join(f'<col style="width:{w / sum(t.col_widths) * 100:.2f}%">' for w in t.col_widths)
        table = html_table(t).replace('<table border="1" cellspacing="0" cellpadding="2" '
                                      'style="border-collapse:collapse">', f"<table><colgroup>{cols}</colgroup>")
        body.append(f'<div class="form"><h2>{html.escape(f["title"])}</h2>\n'
                    f'<p class="year">{html.escape(f["year_line"])}</p>\n{table}</div>\n')
    return ('<!DOCTYPE html>\n<html lang="zh-CN">\n<head><meta charset="utf-8"><title>绩效自评表</title>'
            f'<style>\n{css}</style></head>\n<body>\n{"".join(body)}</body>\n</html>\n')


# ------------------------------------------------------------ xlsx (Calc)
def write_xlsx(tmp, forms):
    import openpyxl
    from openpyxl.styles import Alignment, Border, Font, Side
    wb = openpyxl.Workbook()
    wb.properties.created = wb.properties.modified = FIXED
    wb.properties.creator = "samplegen"
    side = Side(style="thin")
    border = Border(left=side, right=side, top=side, bottom=side)
    font = Font(name=OFFICE_FONTS["xlsx"], size=SHEET_FONT_SIZE)
    for k, f in enumerate(forms):
        ws = wb.active if k == 0 else wb.create_sheet()
        ws.title = f"自评表{k + 1}"
        t = table_of(f)
        # The title spread over the sheet width (分散对齐, "distributed"), as
        # Chinese spreadsheets often set it: each glyph is placed on its own.
        for r, text, size, how in ((1, f["title"], 15, "distributed"), (2, f["year_line"], 10, "center")):
            c = ws.cell(row=r, column=1, value=text)
            c.font = Font(name=OFFICE_FONTS["xlsx"], size=size)
            c.alignment = Alignment(horizontal=how, indent=0 if how == "center" else 12)
            ws.row_dimensions[r].height = size * 1.6
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=t.n_cols)
        for c in t.cells:
            n = as_number(c.text)
            cell = ws.cell(row=c.row + 3, column=c.col + 1, value=n[0] if n else c.text)
            if n:
                cell.number_format = n[1]
            elif c.text.startswith("="):
                cell.data_type = "s"
            cell.font = font
            horizontal = {"l": "left", "r": "right"}.get(c.align, "center")
            cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal=horizontal)
            for r in range(c.row, c.row + c.rowspan):
                for col in range(c.col, c.col + c.colspan):
                    ws.cell(row=r + 3, column=col + 1).border = border
            if c.rowspan > 1 or c.colspan > 1:
                ws.merge_cells(start_row=c.row + 3, start_column=c.col + 1,
                               end_row=c.row + 2 + c.rowspan, end_column=c.col + c.colspan)
        for i, w in enumerate(t.col_widths):
            ws.column_dimensions[openpyxl.utils.get_column_letter(i + 1)].width = w / PT_PER_CHAR
        for r, h in row_heights(t).items():
            ws.row_dimensions[r + 3].height = h
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 1
        ws.sheet_properties.pageSetUpPr.fitToPage = True
    path = os.path.join(tmp, "forms.xlsx")
    buf = io.BytesIO()
    wb.save(buf)
    write_zip_fixed(path, buf.getvalue())
    return path


def text_width(text, size):
    """Printed width of a cell text, points: CJK full width, the rest half."""
    return sum(size if ord(ch) > 0x2000 else size * 0.55 for ch in text)


def row_heights(t):
    """Row heights that show every one-row cell's wrapped text, as Calc's
    optimal height would (openpyxl writes none)."""
    heights = {}
    for c in t.cells:
        if c.rowspan == 1:
            width = sum(t.col_widths[c.col:c.col + c.colspan]) - SHEET_PAD
            lines = max(1, -(-int(text_width(c.text, SHEET_FONT_SIZE)) // int(width)))
            heights[c.row] = max(heights.get(c.row, 0), lines * SHEET_LINE + SHEET_PAD)
    return heights


# ------------------------------------------------------------ docx (Writer)
def write_docx(tmp, forms, borders=True):
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt
    d = docx_document()
    style = d.styles["Normal"]
    style.font.size = Pt(8)
    style.font.name = OFFICE_FONTS["docx"]
    style.element.rPr.rFonts.set(qn("w:eastAsia"), OFFICE_FONTS["docx"])
    style.paragraph_format.space_after = Pt(0)
    for s in d.sections:
        s.page_width, s.page_height = Mm(210), Mm(297)
        s.left_margin = s.right_margin = Mm(12)
        s.top_margin = s.bottom_margin = Mm(15)
    align = {"l": WD_ALIGN_PARAGRAPH.LEFT, "r": WD_ALIGN_PARAGRAPH.RIGHT}
    for _, cells in docx_forms(d, forms, (15, 10), grid=borders, widths=lambda w: Pt(w * 0.97)):
        for c, cell in cells:
            cell.paragraphs[0].text = c.text
            cell.paragraphs[0].alignment = align.get(c.align, WD_ALIGN_PARAGRAPH.CENTER)
    path = os.path.join(tmp, "forms.docx")
    save_docx(d, path)
    return path


# ------------------------------------------------------------ LaTeX
TEX_SPECIAL = {"\\": r"\textbackslash{}", "%": r"\%", "&": r"\&", "#": r"\#", "_": r"\_",
               "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}", "^": r"\^{}", "$": r"\$"}


TABCOLSEP = 2.0


ROW_GAP = 4.0


def tex(text):
    return "".join(TEX_SPECIAL.get(ch, ch) for ch in text)


def _colspec(width, align, rules, left_rule):
    a = {"l": r"\raggedright", "r": r"\raggedleft"}.get(align if rules else "l", r"\centering")
    bar = "|" if rules else ""
    return f"{bar if left_rule else ''}>{{{a}\\arraybackslash}}p{{{width - 2 * TABCOLSEP:.1f}pt}}{bar}"


def _row_tex(t, r, by_pos, rules):
    """One LaTeX row: each slot is a cell starting here, or the slot of a
    cell from above (an empty multicolumn of its width)."""
    out, k = [], 0
    while k < t.n_cols:
        c = by_pos[(r, k)]
        width = sum(t.col_widths[c.col:c.col + c.colspan])
        spec = _colspec(width, c.align, rules, c.col == 0)
        body = ""
        if c.row == r:
            body = tex(c.text)
            if c.rowspan > 1:
                body = f"\\multirow{{{c.rowspan}}}{{=}}{{{body}}}"
        out.append(f"\\multicolumn{{{c.colspan}}}{{{spec}}}{{{body}}}")
        k += c.colspan
    return " & ".join(out) + r" \\"


def _clines(t, r, by_pos):
    """\\cline under the cells that end on row r."""
    ends = [by_pos[(r, k)].row + by_pos[(r, k)].rowspan - 1 == r for k in range(t.n_cols)]
    out, k = [], 0
    while k < t.n_cols:
        if ends[k]:
            j = k
            while j + 1 < t.n_cols and ends[j + 1]:
                j += 1
            out.append(f"\\cline{{{k + 1}-{j + 1}}}")
            k = j + 1
        else:
            k += 1
    return "".join(out) if not all(ends) else r"\hline"


def latex_table(t, rules):
    by_pos = {}
    for c in t.cells:
        for r in range(c.row, c.row + c.rowspan):
            for k in range(c.col, c.col + c.colspan):
                by_pos[(r, k)] = c
    spec = "".join(_colspec(w, "c", rules, i == 0) for i, w in enumerate(t.col_widths))
    lines = [f"\\begin{{longtable}}{{{spec}}}", r"\hline" if rules else ""]
    for r in range(t.n_rows):
        lines.append(_row_tex(t, r, by_pos, rules))
        lines.append(_clines(t, r, by_pos) if rules else f"\\addlinespace[{ROW_GAP}pt]")
    lines.append(r"\end{longtable}")
    return "\n".join(lines)


def latex_doc(forms, rules=True):
    head = [r"\documentclass[10pt]{article}",
            r"\usepackage[a4paper,margin=15mm]{geometry}",
            r"\usepackage{xeCJK}", r"\usepackage{longtable}", r"\usepackage{multirow}",
            r"\usepackage{array}", r"\usepackage{booktabs}",
            f"\\setCJKmainfont{{{LATEX_CJK_FONT}}}",
            # ≤ ≥ set in the CJK font, as Chinese authors expect, and no glue
            # between Chinese and Latin runs (tables are set tight).
            r'\xeCJKDeclareCharClass{CJK}{"2264, "2265}', r"\xeCJKsetup{CJKecglue={}}",
            f"\\setlength{{\\tabcolsep}}{{{TABCOLSEP}pt}}", r"\setlength{\LTpre}{4pt}",
            # Without rules the author sets the table smaller, so that no
            # cell's text runs into its neighbour's.
            r"\pagestyle{empty}", r"\begin{document}", r"\footnotesize" if rules else r"\scriptsize"]
    body = []
    for i, f in enumerate(forms):
        if i:
            body.append(r"\newpage")
        body += [f"\\begin{{center}}{{\\Large {tex(f['title'])}}}\\\\[4pt]{tex(f['year_line'])}\\end{{center}}",
                 latex_table(table_of(f), rules)]
    return "\n".join(head + body + [r"\end{document}", ""])


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


def html_file(tmp, forms, **kw):
    path = os.path.join(tmp, "forms.html")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(html_doc(forms, **kw))
    return path


def tex_file(tmp, forms, rules=True):
    path = os.path.join(tmp, "forms.tex")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(latex_doc(forms, rules=rules))
    return path


def weasyprint(src, tmp):
    out = os.path.join(tmp, "w.pdf")
    run(["python3", "-m", "weasyprint", src, out], tmp)
    return out


def wkhtmltopdf(src, tmp):
    out = os.path.join(tmp, "k.pdf")
    run(["wkhtmltopdf", "-q", "--page-size", "A4", "--disable-smart-shrinking", src, out], tmp)
    return out


def xelatex(src, tmp):
    for _ in range(2):  # longtable settles its column widths on the second run
        run(["xelatex", "-interaction=batchmode", os.path.basename(src)], tmp)
    return os.path.splitext(src)[0] + ".pdf"


def cid_norules(tmp, forms, align="l"):
    """samplegen's cid layout (layout.Doc) without its lines, every cell
    aligned by `align`: text stays vertically centred in its rows."""
    font = CIDFontUCS2()
    doc = Doc(font)
    for f in forms:
        t = table_of(f)
        for c in t.cells:
            c.align = align
        doc.place_form(f["title"], f["year_line"], t)
    pages = [b"".join(line for line in page.splitlines(keepends=True) if not line.endswith(b" l S\n"))
             for page in doc.contents()]
    out = os.path.join(tmp, "cid.pdf")
    with open(out, "wb") as fh:
        fh.write(build_pdf(pages, font, id_seed=b"producer_08_cid_norules"))
    return out


# a recipe's "source" -> its writer (tmp, forms, **options) -> the path written
SOURCES = {"html": html_file, "xlsx": write_xlsx, "docx": write_docx, "tex": tex_file, "samplegen": cid_norules}
# a recipe's "render" (and "then") -> (path, tmp) -> the PDF written; "samplegen" writes the PDF itself
RENDERERS = {"weasyprint": weasyprint, "wkhtmltopdf": wkhtmltopdf, "soffice": office_pdf, "xelatex": xelatex,
             "ghostscript": ghostscript, None: lambda path, tmp: path}


def make_pdf(recipe, forms, tmp):
    """A recipe (cases/producers.py RECIPES): write the source, render it, then the optional second pass."""
    path = SOURCES[recipe["source"]](tmp, forms, **recipe.get("options", {}))
    path = RENDERERS[recipe.get("render")](path, tmp)
    return RENDERERS[recipe.get("then")](path, tmp)


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


def emit_producer(name, recipe, forms, out_dir):
    for f in forms:
        check_form(f, f["fund_score"])
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(out_dir, name + ".pdf")
        normalise_pdf(make_pdf(recipe, forms, tmp), out)
    blob = open(out, "rb").read()
    n_pages, pages = pages_of(out, forms)
    grids = [table_of(f).grid_json(p) for f, p in zip(forms, pages)]
    write_json(os.path.join(out_dir, name + ".truth.json"), [record(f) for f in forms])
    write_json(os.path.join(out_dir, name + ".grid.json"),
               {"source": {"file": name + ".pdf", "sha256": hashlib.sha256(blob).hexdigest()},
                "producer": {"style": "producer", "producer": recipe["producer"], "source": recipe["source"],
                             "templates": [f["template"] for f in forms]},
                "expect": "tables", "n_pages": n_pages, "tables": grids})
    print(f"{name}.pdf  {len(blob)} bytes  {n_pages} pages  forms on pages {pages}")


def print_pdf(producer, html_path, pdf_path):
    if producer == "wk":
        subprocess.run(["wkhtmltopdf", "--quiet", "-O", "Landscape", "--enable-local-file-access",
                        html_path, pdf_path], check=True)
    else:
        with tempfile.TemporaryDirectory() as profile:
            subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                            "--no-first-run", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync",
                            f"--user-data-dir={profile}", "--no-pdf-header-footer",
                            f"--print-to-pdf={pdf_path}", "file://" + html_path],
                           check=True, capture_output=True)
    import pikepdf
    with pikepdf.open(pdf_path, allow_overwriting_input=True) as pdf:
        for key in ("/CreationDate", "/ModDate"):
            if key in pdf.docinfo:
                del pdf.docinfo[key]
        fixed_subset_tags(pdf)
        pdf.save(pdf_path, static_id=True, deterministic_id=False)
        return len(pdf.pages)


def fixed_subset_tags(pdf):
    """wkhtmltopdf names font subsets at random (QNAAAA+, QTAAAA+): the tag
    is any six capitals (PDF 32000 §9.6.4), so derive it from the name."""
    import pikepdf
    renamed = {}
    for obj in pdf.objects:
        if not isinstance(obj, pikepdf.Dictionary):
            continue
        for key in ("/BaseFont", "/FontName"):
            name = str(obj.get(key, ""))
            if re.match(r"^/[A-Z]{6}\+", name):
                base = name[8:]
                tag = renamed.setdefault(base, "".join(
                    chr(65 + b % 26) for b in hashlib.sha256(base.encode()).digest()[:6]))
                obj[key] = pikepdf.Name(f"/{tag}+{base}")


def rasterise(pdf, dpi=150):
    """page images of a PDF (poppler's pdftoppm), grey, as PIL images"""
    from PIL import Image
    with tempfile.TemporaryDirectory() as td:
        p = os.path.join(td, "in.pdf")
        with open(p, "wb") as fh:
            fh.write(pdf)
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", p, os.path.join(td, "pg")], check=True)
        out = []
        for fn in sorted(x for x in os.listdir(td) if x.startswith("pg")):
            im = Image.open(os.path.join(td, fn))
            im.load()
            out.append(im.convert("L"))
        return out
