"""Producer variants on top of layout.py: heading lines (cover, title, year,
unit line), border styles (stroked lines with an outer width, thin filled
rectangles like Chromium/WPS), text styles (Tj, TJ arrays with kerning,
lines split into separate runs), landscape pages drawn under /Rotate 90,
pages with a MediaBox larger than their CropBox, and an embedded TrueType
font WITH a /ToUnicode CMap."""
import hashlib

from layout import Doc, wrap, PAD_H, PAD_V
from pdfwriter import PDF, Name, Stream, TTFIdentity, ser

A4 = (595.28, 841.89)


class VDoc(Doc):
    def __init__(self, font, *, page=A4, border="lines", lw=0.5, outer_lw=None, text_mode="Tj",
                 kern=0, footer=None, margin_t=50.0, margin_b=50.0, left=40.0, **kw):
        super().__init__(font, left=left, **kw)
        self.pw, self.ph = page
        self.border, self.lw, self.outer_lw = border, lw, outer_lw
        self.text_mode, self.kern = text_mode, kern
        self.footer = footer
        self.margin_t, self.margin_b = margin_t, margin_b

    def new_page(self):
        self.pages.append([])
        self.y = self.margin_t

    def room(self):
        return self.ph - self.margin_b - self.y

    def head_line(self, s, size, align, table_w):
        w = self.font.width(s, size)
        x = {"c": self.left + (table_w - w) / 2, "l": self.left, "r": self.left + table_w - w}[align]
        self.pages[-1].append(("T", round(x, 2), round(self.ph - (self.y + size * 0.88), 2), size, s))
        self.y += size + 8

    def place(self, heads, t, new_page=True, min_rows_first=6, gap=24):
        """heads: [(text, size, align)] drawn above the table."""
        h, wr = self.row_heights(t)
        table_w = sum(t.col_widths)
        head = sum(s + 8 for _, s, _ in heads)
        if self.y is None or new_page or self.room() < head + sum(h[:min_rows_first]) + gap:
            if self.y is None or self.pages[-1]:
                self.new_page()
        else:
            self.y += gap
        for s, size, align in heads:
            self.head_line(s, size, align, table_w)
        row_page, row_top = [], []
        for r in range(t.n_rows):
            if h[r] > self.room():
                self.new_page()
            row_page.append(len(self.pages) - 1)
            row_top.append(self.y)
            self.y += h[r]
        xs = [self.left]
        for w in t.col_widths:
            xs.append(xs[-1] + w)
        drawn = set()
        # table outline per page (for the outer line width)
        first_top = {}
        last_bot = {}
        for r in range(t.n_rows):
            p = row_page[r]
            first_top.setdefault(p, row_top[r])
            last_bot[p] = row_top[r] + h[r]

        def seg_line(p, x1, y1, x2, y2):
            k = (p, round(x1, 2), round(y1, 2), round(x2, 2), round(y2, 2))
            if k in drawn:
                return
            drawn.add(k)
            outer = (x1 == x2 and (abs(x1 - xs[0]) < 0.01 or abs(x1 - xs[-1]) < 0.01)) or \
                    (y1 == y2 and (abs(y1 - first_top[p]) < 0.01 or abs(y1 - last_bot[p]) < 0.01))
            w = self.outer_lw if (outer and self.outer_lw) else self.lw
            self.pages[p].append(("L", k[1], round(self.ph - k[2], 2), k[3], round(self.ph - k[4], 2), w))

        for c in sorted(t.cells, key=lambda c: (c.row, c.col)):
            rows = list(range(c.row, c.row + c.rowspan))
            segs = []
            for r in rows:
                if segs and row_page[segs[-1][-1]] == row_page[r]:
                    segs[-1].append(r)
                else:
                    segs.append([r])
            x0, x1 = xs[c.col], xs[c.col + c.colspan]
            geo = []
            for s in segs:
                p = row_page[s[0]]
                y0, y1 = row_top[s[0]], row_top[s[-1]] + h[s[-1]]
                geo.append((p, y0, y1))
                if self.border == "cellrects" and s[0] == c.row and s[-1] == rows[-1]:
                    # Excel/Word style: every cell stroked as its own rectangle
                    self.pages[p].append(("R", round(x0, 2), round(self.ph - y1, 2), round(x1 - x0, 2),
                                          round(y1 - y0, 2), self.lw))
                    continue
                seg_line(p, x0, y0, x0, y1)
                seg_line(p, x1, y0, x1, y1)
                if s[0] == c.row:
                    seg_line(p, x0, y0, x1, y0)
                if s[-1] == rows[-1]:
                    seg_line(p, x0, y1, x1, y1)
            lines = wr[id(c)]
            if not lines:
                continue
            need = len(lines) * self.leading
            fit = [g for g in geo if g[2] - g[1] >= need + 2 * PAD_V - 0.01]
            p, y0, y1 = fit[0] if fit else max(geo, key=lambda g: g[2] - g[1])
            ytop = y0 + (y1 - y0 - need) / 2
            for i, ln in enumerate(lines):
                w = self.font.width(ln, self.size)
                if c.align == "l":
                    x = x0 + PAD_H
                elif c.align == "r":
                    x = x1 - PAD_H - w
                else:
                    x = (x0 + x1 - w) / 2
                base = ytop + i * self.leading + (self.leading - self.size) / 2 + self.size * 0.88
                self.pages[p].append(("T", round(x, 2), round(self.ph - base, 2), self.size, ln))
        self.last_row_page = row_page
        pages = sorted({p + 1 for p in row_page})
        return pages, t.grid_json(pages)

    # ---- output
    def _text_op(self, x, y, size, s):
        f = self.font
        if self.text_mode == "mixed":
            # Word style: Latin runs (digits, %, ., —) in a simple WinAnsi
            # font /F2, CJK runs in the CID font /F1, one BT, Tf switches
            runs = []
            for ch in s:
                latin = ch == " " or (ord(ch) < 0x2E80 and _winansi(ch))
                if runs and runs[-1][0] == latin:
                    runs[-1][1] += ch
                else:
                    runs.append([latin, ch])
            out = [b"BT "]
            cx = x
            for latin, run in runs:
                if latin:
                    out.append(f"/F2 {size:g} Tf 1 0 0 1 {round(cx, 2)} {y} Tm ".encode()
                               + ser(run.encode("cp1252")) + b" Tj ")
                else:
                    out.append(f"/F1 {size:g} Tf 1 0 0 1 {round(cx, 2)} {y} Tm ".encode() + ser(f.encode(run))
                               + b" Tj ")
                cx += f.width(run, size)
            out.append(b"ET\n")
            return b"".join(out)
        if self.text_mode == "TJ" and len(s) > 1:
            # Word-style: TJ array, a small kerning number between glyph
            # pairs (alternating sign so the line keeps its measured width)
            parts = []
            sign = 1
            for i, ch in enumerate(s):
                parts.append(ser(f.encode(ch)))
                if i < len(s) - 1 and i % 2 == 0:
                    parts.append(str(sign * self.kern).encode())
                    sign = -sign
            return (f"BT /F1 {size:g} Tf {x} {y} Td [".encode() + b" ".join(parts) + b"] TJ ET\n")
        if self.text_mode == "runs" and len(s) > 3:
            # the line drawn as separate runs, each positioned on its own
            k = len(s) // 2
            a, b = s[:k], s[k:]
            if b.startswith(" "):
                a, b = a + " ", b[1:]
            xb = round(x + f.width(a, size), 2)
            return (f"BT /F1 {size:g} Tf 1 0 0 1 {x} {y} Tm ".encode() + ser(f.encode(a)) + b" Tj ET\n"
                    + f"BT /F1 {size:g} Tf 1 0 0 1 {xb} {y} Tm ".encode() + ser(f.encode(b)) + b" Tj ET\n")
        if self.text_mode == "scaled":
            # Skia/Word style: 1pt font scaled by the text matrix
            return (f"BT /F1 1 Tf {size:g} 0 0 {size:g} {x} {y} Tm ".encode() + ser(f.encode(s)) + b" Tj ET\n")
        if self.text_mode == "tz":
            # horizontal scaling and character spacing (Excel shrink-to-fit)
            return (f"BT /F1 {size:g} Tf 85 Tz 0.3 Tc 1 0 0 1 {x} {y} Tm ".encode() + ser(f.encode(s))
                    + b" Tj ET\n")
        return (f"BT /F1 {size:g} Tf 1 0 0 1 {x} {y} Tm ".encode() + ser(f.encode(s)) + b" Tj ET\n")

    def contents(self, prefix=b"", extra=None):
        out = []
        for n, ops in enumerate(self.pages):
            parts = [prefix, b"q\n"]
            if self.border == "rects":
                parts.append(b"0 0 0 rg\n")
                for op in ops:
                    if op[0] == "L":
                        _, x1, y1, x2, y2, w = op
                        if y1 == y2:
                            parts.append(f"{x1 - w / 2:.2f} {y1 - w / 2:.2f} {x2 - x1 + w:.2f} {w:.2f} re f\n".encode())
                        else:
                            lo, hi = min(y1, y2), max(y1, y2)
                            parts.append(f"{x1 - w / 2:.2f} {lo - w / 2:.2f} {w:.2f} {hi - lo + w:.2f} re f\n".encode())
            else:
                cur = None
                parts.append(b"0 G\n")
                for op in ops:
                    if op[0] == "R":
                        _, x, y, w_, h_, w = op
                        if w != cur:
                            parts.append(f"{w:g} w\n".encode())
                            cur = w
                        parts.append(f"{x} {y} {w_} {h_} re S\n".encode())
                    if op[0] == "L":
                        _, x1, y1, x2, y2, w = op
                        if w != cur:
                            parts.append(f"{w:g} w\n".encode())
                            cur = w
                        parts.append(f"{x1} {y1} m {x2} {y2} l S\n".encode())
            parts.append(b"0 g\n")
            for op in ops:
                if op[0] == "T":
                    parts.append(self._text_op(op[1], op[2], op[3], op[4]))
            if extra:
                parts.append(extra(n))
            if self.footer:
                ft = self.footer.format(n=n + 1, total=len(self.pages))
                w = self.font.width(ft, 9)
                parts.append(self._text_op(round((self.pw - w) / 2, 2), 28, 9, ft))
            parts.append(b"Q\n")
            out.append(b"".join(parts))
        return out


def _winansi(ch):
    try:
        ch.encode("cp1252")
        return True
    except UnicodeEncodeError:
        return False


def winansi_font(pdf, base="TimesNewRomanPSMT"):
    """A simple TrueType font, not embedded, WinAnsiEncoding, with the
    STSong-Light ASCII advances (so layout widths agree) and 1000 for the
    other WinAnsi code points (— is 0x97)."""
    from pdfwriter import _STSONG_W
    widths = list(_STSONG_W) + [1000] * (255 - 126)
    desc = pdf.add({"Type": Name("FontDescriptor"), "FontName": Name(base), "Flags": 34,
                    "FontBBox": [-568, -216, 2046, 1694], "ItalicAngle": 0, "Ascent": 891,
                    "Descent": -216, "CapHeight": 662, "StemV": 80})
    return pdf.add({"Type": Name("Font"), "Subtype": Name("TrueType"), "BaseFont": Name(base),
                    "FirstChar": 32, "LastChar": 255, "Widths": widths,
                    "Encoding": Name("WinAnsiEncoding"), "FontDescriptor": desc})


class TTFToUnicode(TTFIdentity):
    """Embedded TrueType subset, Identity-H, WITH a /ToUnicode CMap (what
    Word, WPS and LibreOffice write)."""

    def make(self, pdf):
        ref = super().make(pdf)
        font = pdf.objs[ref.num]
        lines = [f"<{g:04X}> <{ord(ch):04X}>" for ch, g in sorted(self.gid.items(), key=lambda x: x[1])]
        body = []
        for i in range(0, len(lines), 100):
            chunk = lines[i:i + 100]
            body.append(f"{len(chunk)} beginbfchar\n" + "\n".join(chunk) + "\nendbfchar")
        cmap = ("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
                + "\n".join(body) + "\nendcmap\nCMapName currentdict /CIDResource defineresource pop\nend\nend\n")
        font["ToUnicode"] = pdf.add(Stream(cmap.encode()))
        return ref


def build_pdf_v(pages, font, media, *, rotate=None, crop=None, producer=b"jixiao samplegen", id_seed=b"",
                latin=False):
    """pages: content streams; media: [x0 y0 x1 y1] for every page."""
    pdf = PDF()
    fref = font.make(pdf)
    fonts = {"F1": fref}
    if latin:
        fonts["F2"] = winansi_font(pdf)
    pages_ref = pdf.reserve()
    kids = []
    for content in pages:
        c = pdf.add(Stream(content))
        d = {"Type": Name("Page"), "Parent": pages_ref, "MediaBox": media,
             "Resources": {"Font": fonts, "ProcSet": [Name("PDF"), Name("Text")]},
             "Contents": c}
        if crop:
            d["CropBox"] = crop
        if rotate:
            d["Rotate"] = rotate
        kids.append(pdf.add(d))
    pdf.set(pages_ref, {"Type": Name("Pages"), "Kids": kids, "Count": len(kids)})
    root = pdf.add({"Type": Name("Catalog"), "Pages": pages_ref})
    info = pdf.add({"Producer": producer, "Creator": b"tools/samplegen/gen_variants.py"})
    return pdf.write(root, info, hashlib.md5(id_seed + b"".join(pages)).digest())
