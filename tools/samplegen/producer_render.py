"""Sources the producers of gen_producers.py render: HTML + CSS, xlsx, docx
and LaTeX, each laying out forms.py's tables (cells with spans) as that
kind of author would."""
import html
import io
import os

from office import FIXED, as_number, html_table, table_of, write_zip_fixed

HTML_FONT = "WenQuanYi Micro Hei"
# TrueType CJK fonts, as on office PCs (SimSun, Microsoft YaHei). A CFF font
# (Noto CJK) loses its text on the cairo PostScript path: its glyph names
# are CIDs of an Identity ordering, which nothing maps (poppler neither).
OFFICE_FONTS = {"xlsx": "WenQuanYi Micro Hei", "docx": "WenQuanYi Micro Hei"}
LATEX_CJK_FONT = "Noto Serif CJK SC"
PT_PER_CHAR = 5.25  # spreadsheet column width unit (one digit of the default font), points
SHEET_FONT_SIZE = 9.0  # points
SHEET_LINE = 12.0  # line height of SHEET_FONT_SIZE text, points
SHEET_PAD = 5.0  # cell padding, both sides together, points


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
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt
    d = docx.Document()
    cp = d.core_properties
    cp.created = cp.modified = cp.last_printed = FIXED
    cp.author = cp.last_modified_by = "samplegen"
    cp.revision = 1
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
    for k, f in enumerate(forms):
        if k:
            d.add_page_break()
        for text, size in ((f["title"], 15), (f["year_line"], 10)):
            para = d.add_paragraph()
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
            para.add_run(text).font.size = Pt(size)
        t = table_of(f)
        table = d.add_table(rows=t.n_rows, cols=t.n_cols)
        if borders:
            table.style = "Table Grid"
        for i, w in enumerate(t.col_widths):
            for cell in table.columns[i].cells:
                cell.width = Pt(w * 0.97)
        for c in sorted(t.cells, key=lambda c: (c.row, c.col)):
            cell = table.cell(c.row, c.col)
            if c.rowspan > 1 or c.colspan > 1:
                cell = cell.merge(table.cell(c.row + c.rowspan - 1, c.col + c.colspan - 1))
            cell.paragraphs[0].text = c.text
            cell.paragraphs[0].alignment = align.get(c.align, WD_ALIGN_PARAGRAPH.CENTER)
    path = os.path.join(tmp, "forms.docx")
    buf = io.BytesIO()
    d.save(buf)
    write_zip_fixed(path, buf.getvalue())
    return path


# ------------------------------------------------------------ LaTeX
TEX_SPECIAL = {"\\": r"\textbackslash{}", "%": r"\%", "&": r"\&", "#": r"\#", "_": r"\_",
               "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}", "^": r"\^{}", "$": r"\$"}
TABCOLSEP = 2.0
ROW_GAP = 4.0  # space between the rows of a table without rules, points


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
