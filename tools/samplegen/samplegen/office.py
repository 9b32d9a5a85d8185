"""Office formats of the same forms: xlsx, xls, ods, docx, HTML (UTF-8, GBK),
an HTML .xls and an old OLE2 .doc; zips with fixed member timestamps so
the output is the same byte for byte."""
import datetime
import html
import io
import re
import zipfile
from samplegen.templates import table_of


FIXED = datetime.datetime(2024, 5, 1, 9, 0, 0)


NOTE_LINES = ["填报说明", "1. 本表金额单位为万元。", "2. 各项目自评表见后续工作表。"]


SUMMARY = [["项目", "金额"], ["收入合计", "1,200.00"], ["支出合计", "1,150.00"]]


# ------------------------------------------------------------ numbers
def as_number(text):
    """Printed text -> (value, number format) when a spreadsheet would
    hold it as a number, else None."""
    t = text.strip()
    m = re.fullmatch(r"(-?\d+)(\.(\d+))?%", t)
    if m:
        d = len(m.group(3) or "")
        return float(t[:-1]) / 100, "0" + ("." + "0" * d if d else "") + "%"
    m = re.fullmatch(r"-?\d{1,3}(,\d{3})+(\.(\d+))?", t)
    if m:
        d = len(m.group(3) or "")
        return float(t.replace(",", "")), "#,##0" + ("." + "0" * d if d else "")
    m = re.fullmatch(r"-?\d+\.(\d+)", t)
    if m:
        return float(t), "0." + "0" * len(m.group(1))
    if re.fullmatch(r"-?\d+", t):
        return int(t), "General"
    return None


# ------------------------------------------------------------ sheet layout
class Placed:
    """A form laid out on a sheet: (row, col, rowspan, colspan, text) with
    0-based sheet coordinates, hidden rows and columns."""

    def __init__(self, f, hidden_col=True, hidden_rows=True):
        t = table_of(f)
        self.n_cols = t.n_cols + (1 if hidden_col else 0)
        c0 = 1 if hidden_col else 0
        self.cells = [(0, c0, 1, t.n_cols, f["title"]), (1, c0, 1, t.n_cols, f["year_line"])]
        r0 = 2
        self.hidden_rows, self.hidden_cols = [], [0] if hidden_col else []
        if hidden_rows:
            self.cells.append((2, c0, 1, 1, "内部编号:" + f["project_name"][:6]))
            self.hidden_rows.append(2)
            r0 = 3
        cells = [(c.row, c.col, c.rowspan, c.colspan, c.text) for c in t.cells]
        if hidden_rows:
            cells = self._insert_row(cells, 3, t.n_cols)  # inside the merged 项目资金 block
            self.hidden_rows.append(r0 + 3)
        self.cells += [(r + r0, c + c0, rs, cs, x) for r, c, rs, cs, x in cells]
        if hidden_col:
            for r in range(r0, r0 + t.n_rows + (1 if hidden_rows else 0)):
                self.cells.append((r, 0, 1, 1, f"辅助{r}"))
        self.n_rows = max(r + rs for r, _, rs, _, _ in self.cells)

    @staticmethod
    def _insert_row(cells, at, n_cols):
        out = []
        for r, c, rs, cs, x in cells:
            if r >= at:
                r += 1
            elif r + rs > at:
                rs += 1
            out.append((r, c, rs, cs, x))
        covered = {(r + dr, c + dc) for r, c, rs, cs, _ in out for dr in range(rs) for dc in range(cs)}
        free = [c for c in range(n_cols) if (at, c) not in covered]
        out.append((at, free[0], 1, 1, "小计(辅助行)"))
        return out


def sheet_cells(placed):
    return sorted(placed.cells)


# ------------------------------------------------------------ xlsx
def write_xlsx(path, forms, with_note=True):
    import openpyxl
    from openpyxl.styles import Alignment, Border, Side
    wb = openpyxl.Workbook()
    wb.properties.created = wb.properties.modified = FIXED
    wb.properties.creator = "samplegen"
    ws0 = wb.active
    side = Side(style="thin")
    border = Border(left=side, right=side, top=side, bottom=side)
    if with_note:
        ws0.title = "说明"
        for i, line in enumerate(NOTE_LINES):
            ws0.cell(row=i + 1, column=1, value=line)
        for i, row in enumerate(SUMMARY):
            for j, v in enumerate(row):
                n = as_number(v)
                cell = ws0.cell(row=len(NOTE_LINES) + 2 + i, column=1 + j, value=n[0] if n else v)
                if n:
                    cell.number_format = n[1]
    for k, f in enumerate(forms):
        ws = ws0 if (k == 0 and not with_note) else wb.create_sheet()
        ws.title = f"自评表{k + 1}"
        p = Placed(f)
        for r, c, rs, cs, text in sheet_cells(p):
            n = as_number(text)
            cell = ws.cell(row=r + 1, column=c + 1, value=n[0] if n else text)
            if n:
                cell.number_format = n[1]
            elif text.startswith("="):
                cell.data_type = "s"  # a target such as =46所 is text, not a formula
            cell.alignment = Alignment(wrap_text=True, vertical="center")
            if r >= 2:
                cell.border = border
            if rs > 1 or cs > 1:
                ws.merge_cells(start_row=r + 1, start_column=c + 1, end_row=r + rs, end_column=c + cs)
        for r in p.hidden_rows:
            ws.row_dimensions[r + 1].hidden = True
        for c in p.hidden_cols:
            ws.column_dimensions[openpyxl.utils.get_column_letter(c + 1)].hidden = True
    buf = io.BytesIO()
    wb.save(buf)
    write_zip_fixed(path, buf.getvalue())


# ------------------------------------------------------------ xls
def write_xls(path, forms, with_note=True):
    import xlwt
    wb = xlwt.Workbook(encoding="utf-8")
    styles = {}

    def style(fmt):
        if fmt not in styles:
            styles[fmt] = xlwt.easyxf("borders: left thin, right thin, top thin, bottom thin;"
                                      "alignment: wrap on, vert centre", num_format_str=fmt)
        return styles[fmt]

    if with_note:
        ws = wb.add_sheet("说明")
        for i, line in enumerate(NOTE_LINES):
            ws.write(i, 0, line)
        for i, row in enumerate(SUMMARY):
            for j, v in enumerate(row):
                ws.write(len(NOTE_LINES) + 1 + i, j, v)
    for k, f in enumerate(forms):
        ws = wb.add_sheet(f"自评表{k + 1}")
        p = Placed(f, hidden_col=False, hidden_rows=False)
        for r, c, rs, cs, text in sheet_cells(p):
            n = as_number(text)
            # calamine gives no number formats for xls: keep percents as text.
            if n and "%" not in n[1]:
                value, st = n[0], style(n[1])
            else:
                value, st = text, style("General")
            if rs > 1 or cs > 1:
                ws.write_merge(r, r + rs - 1, c, c + cs - 1, value, st)
            else:
                ws.write(r, c, value, st)
    buf = io.BytesIO()
    wb.save(buf)
    with open(path, "wb") as fh:
        fh.write(buf.getvalue())


# ------------------------------------------------------------ ods
ODS_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" office:version="1.2"')


def ods_cell(text, rs=1, cs=1):
    attrs = ""
    if rs > 1:
        attrs += f' table:number-rows-spanned="{rs}"'
    if cs > 1:
        attrs += f' table:number-columns-spanned="{cs}"'
    n = as_number(text) if text else None
    if n:
        kind = "percentage" if "%" in n[1] else "float"
        attrs += f' office:value-type="{kind}" office:value="{n[0]!r}"'
    elif text:
        attrs += ' office:value-type="string"'
    paras = "".join(f"<text:p>{html.escape(line, quote=False)}</text:p>" for line in text.split("\n")) if text else ""
    return f"<table:table-cell{attrs}>{paras}</table:table-cell>"


def ods_table(name, cells, n_rows, n_cols, hidden_rows=(), hidden_cols=()):
    grid = {}
    for r, c, rs, cs, text in cells:
        for dr in range(rs):
            for dc in range(cs):
                grid[(r + dr, c + dc)] = ("covered",) if (dr, dc) != (0, 0) else ("cell", text, rs, cs)
    out = [f'<table:table table:name="{name}">']
    for c in range(n_cols):
        vis = ' table:visibility="collapse"' if c in hidden_cols else ""
        out.append(f"<table:table-column{vis}/>")
    for r in range(n_rows):
        vis = ' table:visibility="collapse"' if r in hidden_rows else ""
        out.append(f"<table:table-row{vis}>")
        for c in range(n_cols):
            g = grid.get((r, c))
            if g is None:
                out.append("<table:table-cell/>")
            elif g[0] == "covered":
                out.append("<table:covered-table-cell/>")
            else:
                out.append(ods_cell(g[1], g[2], g[3]))
        out.append("</table:table-row>")
    out.append('<table:table-row table:number-rows-repeated="1048000"><table:table-cell '
               'table:number-columns-repeated="1024"/></table:table-row>')
    out.append("</table:table>")
    return "".join(out)


def write_ods(path, forms, with_note=True):
    tables = []
    if with_note:
        cells = [(i, 0, 1, 1, line) for i, line in enumerate(NOTE_LINES)]
        cells += [(len(NOTE_LINES) + 1 + i, j, 1, 1, v) for i, row in enumerate(SUMMARY) for j, v in enumerate(row)]
        tables.append(ods_table("说明", cells, len(NOTE_LINES) + 1 + len(SUMMARY), 2))
    for k, f in enumerate(forms):
        p = Placed(f)
        tables.append(ods_table(f"自评表{k + 1}", p.cells, p.n_rows, p.n_cols, p.hidden_rows, p.hidden_cols))
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODS_NS}>'
               f'<office:body><office:spreadsheet>{"".join(tables)}</office:spreadsheet></office:body>'
               f'</office:document-content>')
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '</manifest:manifest>')
    members = [("mimetype", b"application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED),
               ("content.xml", content.encode("utf-8"), zipfile.ZIP_DEFLATED),
               ("META-INF/manifest.xml", manifest.encode("utf-8"), zipfile.ZIP_DEFLATED)]
    write_members(path, members)


# ------------------------------------------------------------ docx
def docx_document():
    """A python-docx Document with fixed core properties (reproducible bytes)."""
    import docx
    d = docx.Document()
    cp = d.core_properties
    cp.created = cp.modified = cp.last_printed = FIXED
    cp.author = cp.last_modified_by = "samplegen"
    cp.revision = 1
    return d


def docx_forms(d, forms, sizes, grid=True, widths=None):
    """Per form (a page break between forms): its title and year line centred
    in the two font sizes, then its table (Table Grid style with grid, column
    widths widths(t's width) if given), merged cells merged. Yields
    (table, [(Cell, docx cell)]) for the caller to fill."""
    from docx.shared import Pt
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    for k, f in enumerate(forms):
        if k:
            d.add_page_break()
        for text, size in zip((f["title"], f["year_line"]), sizes):
            para = d.add_paragraph()
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
            para.add_run(text).font.size = Pt(size)
        t = table_of(f)
        table = d.add_table(rows=t.n_rows, cols=t.n_cols)
        if grid:
            table.style = "Table Grid"
        if widths:
            for i, w in enumerate(t.col_widths):
                for cell in table.columns[i].cells:
                    cell.width = widths(w)
        cells = []
        for c in sorted(t.cells, key=lambda c: (c.row, c.col)):
            cell = table.cell(c.row, c.col)
            if c.rowspan > 1 or c.colspan > 1:
                cell = cell.merge(table.cell(c.row + c.rowspan - 1, c.col + c.colspan - 1))
            cells.append((c, cell))
        yield table, cells


def save_docx(d, path):
    buf = io.BytesIO()
    d.save(buf)
    write_zip_fixed(path, buf.getvalue())


def write_docx(path, forms):
    from docx.shared import Cm
    d = docx_document()
    for table, cells in docx_forms(d, forms, (16, 11)):
        for c, cell in cells:
            lines = c.text.split("\n")
            cell.paragraphs[0].text = lines[0]
            for line in lines[1:]:
                cell.add_paragraph(line)
        for row in table.rows:
            row.height = Cm(1.6)  # tall rows: the table runs over a page break
    save_docx(d, path)


# ------------------------------------------------------------ html
NAV = ('<div class="top"><ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li>'
       '<li><a href="/czzj/">财政资金</a></li><li><a href="/hdjl/">互动交流</a></li></ul></div>\n'
       '<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 绩效信息</div>\n')


ATTACHMENTS = ('<table class="files"><tr><th>序号</th><th>附件名称</th><th>发布日期</th></tr>'
               '<tr><td>1</td><td><a href="a.pdf">项目支出绩效自评表.pdf</a></td><td>2024-05-01</td></tr>'
               '<tr><td>2</td><td><a href="b.xls">部门整体支出绩效自评表.xls</a></td><td>2024-05-01</td></tr>'
               '</table>\n')


FOOTER = '<div class="footer">版权所有：区财政局 &nbsp; 联系电话：021-00000000<br>网站标识码 0000000000</div>\n'


def html_table(t):
    rows = {}
    for c in sorted(t.cells, key=lambda c: (c.row, c.col)):
        rows.setdefault(c.row, []).append(c)
    out = ['<table border="1" cellspacing="0" cellpadding="2" style="border-collapse:collapse">']
    for r in range(t.n_rows):
        out.append("  <tr>")
        for c in rows.get(r, []):
            attrs = (f' rowspan="{c.rowspan}"' if c.rowspan > 1 else "") + \
                    (f' colspan="{c.colspan}"' if c.colspan > 1 else "")
            text = "<br>".join(html.escape(line) for line in c.text.split("\n"))
            out.append(f"    <td{attrs}>{text}</td>")
        out.append("  </tr>")
    out.append("</table>")
    return "\n".join(out)


def html_page(forms, charset, excel=False):
    head = f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">'
    if excel:
        body = "".join(f'<p align="center"><b>{html.escape(f["title"])}</b></p>\n<p align="center">'
                       f'{html.escape(f["year_line"])}</p>\n{html_table(table_of(f))}\n' for f in forms)
        return ('<html xmlns:o="urn:schemas-microsoft-com:office:office" '
                'xmlns:x="urn:schemas-microsoft-com:office:excel">\n'
                f'<head>{head}<style>td {{ mso-number-format:"\\@"; }}</style></head>\n<body>\n{body}</body></html>\n')
    forms_html = "".join(f'<h2 style="text-align:center">{html.escape(f["title"])}</h2>\n'
                         f'<p style="text-align:center">{html.escape(f["year_line"])}</p>\n'
                         f'{html_table(table_of(f))}\n' for f in forms)
    return (f'<!DOCTYPE html>\n<html lang="zh-CN">\n<head>{head}<title>绩效自评结果公开</title>'
            '<script>var _hmt = _hmt || [];</script><style>.nav li{display:inline}</style></head>\n'
            f'<body>\n{NAV}<div class="article"><h1>关于公开项目支出绩效自评结果的通知</h1>\n'
            '<p>现将本单位项目支出绩效自评情况公开如下。</p>\n'
            f'<div class="attach">附件：</div>\n{ATTACHMENTS}{forms_html}</div>\n{FOOTER}</body>\n</html>\n')


def write_text(path, text, encoding):
    with open(path, "wb") as fh:
        fh.write(text.encode(encoding))


# ------------------------------------------------------------ doc (OLE2)
def write_doc(path):
    """A minimal compound file whose directory names a WordDocument stream:
    what an old binary .doc looks like to a sniffer."""
    sector = 512
    header = bytearray(sector)
    header[0:8] = bytes.fromhex("D0CF11E0A1B11AE1")
    header[24:26] = (0x3E).to_bytes(2, "little")      # minor version
    header[26:28] = (3).to_bytes(2, "little")         # major version 3
    header[28:30] = (0xFFFE).to_bytes(2, "little")    # little-endian
    header[30:32] = (9).to_bytes(2, "little")         # 512-byte sectors
    header[32:34] = (6).to_bytes(2, "little")         # 64-byte mini sectors
    header[44:48] = (1).to_bytes(4, "little")         # one FAT sector
    header[48:52] = (1).to_bytes(4, "little")         # directory at sector 1
    header[56:60] = (4096).to_bytes(4, "little")      # mini stream cutoff
    header[60:64] = (0xFFFFFFFE).to_bytes(4, "little")
    header[68:72] = (0xFFFFFFFE).to_bytes(4, "little")
    header[76:80] = (0).to_bytes(4, "little")         # DIFAT[0] = sector 0
    for i in range(1, 109):
        header[76 + 4 * i:80 + 4 * i] = (0xFFFFFFFF).to_bytes(4, "little")
    fat = bytearray(b"\xff" * sector)
    fat[0:4] = (0xFFFFFFFD).to_bytes(4, "little")     # FAT sector
    fat[4:8] = (0xFFFFFFFE).to_bytes(4, "little")     # directory: end of chain
    fat[8:12] = (0xFFFFFFFE).to_bytes(4, "little")    # WordDocument stream
    directory = bytearray(sector)

    def entry(i, name, kind, start, size, child=0xFFFFFFFF):
        e = bytearray(128)
        raw = name.encode("utf-16-le") + b"\0\0"
        e[0:len(raw)] = raw
        e[64:66] = len(raw).to_bytes(2, "little")
        e[66] = kind
        e[67] = 1
        e[68:72] = e[72:76] = (0xFFFFFFFF).to_bytes(4, "little")
        e[76:80] = child.to_bytes(4, "little")
        e[116:120] = start.to_bytes(4, "little")
        e[120:124] = size.to_bytes(4, "little")
        directory[128 * i:128 * (i + 1)] = e

    entry(0, "Root Entry", 5, 0xFFFFFFFE, 0, child=1)
    entry(1, "WordDocument", 2, 2, sector)
    stream = bytearray(sector)
    stream[0:2] = (0xA5EC).to_bytes(2, "little")      # FIB magic of Word 97+
    with open(path, "wb") as fh:
        fh.write(bytes(header + fat + directory + stream))


# ------------------------------------------------------------ zips
def write_members(path, members):
    with zipfile.ZipFile(path, "w") as z:
        for name, blob, method in members:
            info = zipfile.ZipInfo(name, date_time=FIXED.timetuple()[:6])
            info.compress_type = method
            info.external_attr = 0o644 << 16
            z.writestr(info, blob)


def write_zip_fixed(path, blob):
    """Rewrite a zip with fixed member timestamps (the libraries stamp now)."""
    src = zipfile.ZipFile(io.BytesIO(blob))
    members = []
    for i in src.infolist():
        part = src.read(i.filename)
        if i.filename == "docProps/core.xml":  # openpyxl stamps modified at save time
            part = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2024-05-01T09:00:00Z", part)
        members.append((i.filename, part, i.compress_type))
    write_members(path, members)
