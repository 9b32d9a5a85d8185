"""Second-round producer variants on top of vlayout.VDoc:

* rows allowed to break across a page (a long deviation cut in the middle:
  the row's cells drawn open at the break, text top-aligned and flowing on),
* forced page breaks before given rows,
* where the text of a merged cell cut by a break goes: the first fitting
  piece (default), the largest piece, or repeated on every piece,
* running heads with a rule under them, page numbers `- 3 -`, a diagonal
  watermark drawn with a rotated text matrix,
* fonts: CJK in STSong-Light /UniGB-UTF16-H with Latin runs in a Type1
  standard font (Helvetica, WinAnsiEncoding); simple TrueType fonts whose
  /Encoding is a /Differences array of uniXXXX glyph names (no ToUnicode,
  several fonts because one byte holds only so many glyphs).
"""
import hashlib
import math

from layout import PAD_H, PAD_V
from pdfwriter import PDF, Name, Stream, ser, CIDFontUCS2, _STSONG_W
from vlayout import VDoc, _winansi


class CIDFontUTF16(CIDFontUCS2):
    encoding = "UniGB-UTF16-H"


class DiffFonts:
    """A family of simple TrueType fonts (not embedded) whose codes
    0x20-0x7E are WinAnsi ASCII and whose codes 0x80-0xFF (and 0x7F) are
    named in a /Differences array as uniXXXX.  Widths: STSong ASCII, 1000
    for the rest (the layout widths)."""

    CODES = list(range(0x7F, 0x100))

    def __init__(self, chars, base="SimSun"):
        self.base = base
        other = sorted({c for c in chars if not (0x20 <= ord(c) <= 0x7E) and c != "\n"})
        self.map = {}  # char -> (font index, code)
        for i, ch in enumerate(other):
            self.map[ch] = (i // len(self.CODES), self.CODES[i % len(self.CODES)])
        self.n = max(1, (len(other) + len(self.CODES) - 1) // len(self.CODES))

    def width(self, text, size):
        return CIDFontUCS2().width(text, size)

    def runs(self, s):
        """[(font index, bytes, text)]; ASCII joins the current run."""
        out = []
        for ch in s:
            if 0x20 <= ord(ch) <= 0x7E:
                if out:
                    out[-1][1].append(ord(ch))
                    out[-1][2] += ch
                else:
                    out.append([0, bytearray([ord(ch)]), ch])
            else:
                fi, code = self.map[ch]
                if out and out[-1][0] == fi:
                    out[-1][1].append(code)
                    out[-1][2] += ch
                else:
                    out.append([fi, bytearray([code]), ch])
        return [(fi, bytes(b), t) for fi, b, t in out]

    def make_all(self, pdf):
        refs = {}
        for fi in range(self.n):
            diffs = []
            inv = sorted(((code, ch) for ch, (f, code) in self.map.items() if f == fi))
            prev = None
            for code, ch in inv:
                if prev is None or code != prev + 1:
                    diffs.append(code)
                diffs.append(Name(f"uni{ord(ch):04X}"))
                prev = code
            widths = list(_STSONG_W) + [1000] * (0xFF - 0x7E)
            desc = pdf.add({"Type": Name("FontDescriptor"), "FontName": Name(self.base), "Flags": 32,
                            "FontBBox": [-8, -145, 1000, 859], "ItalicAngle": 0, "Ascent": 859,
                            "Descent": -141, "CapHeight": 859, "StemV": 80})
            refs[f"F{fi + 1}"] = pdf.add({
                "Type": Name("Font"), "Subtype": Name("TrueType"), "BaseFont": Name(self.base),
                "FirstChar": 32, "LastChar": 255, "Widths": widths,
                "Encoding": {"Type": Name("Encoding"), "BaseEncoding": Name("WinAnsiEncoding"),
                             "Differences": diffs},
                "FontDescriptor": desc})
        return refs


def helvetica(pdf):
    """Type1 standard font, WinAnsi, with Widths equal to the layout's
    (STSong ASCII) advances so runs end where the layout put them."""
    widths = list(_STSONG_W) + [1000] * (255 - 126)
    return pdf.add({"Type": Name("Font"), "Subtype": Name("Type1"), "BaseFont": Name("Helvetica"),
                    "FirstChar": 32, "LastChar": 255, "Widths": widths,
                    "Encoding": Name("WinAnsiEncoding")})


class VDoc2(VDoc):
    def __init__(self, font, *, split_rows=False, force_breaks=(), label_piece="first", split_at=None, running_head=None,
                 head_rule=True, page_num=None, watermark=None, font_mode="single", **kw):
        super().__init__(font, **kw)
        self.split_rows = split_rows
        self.force_breaks = set(force_breaks)
        self.label_piece = label_piece
        self.running_head, self.head_rule = running_head, head_rule
        self.page_num, self.watermark = page_num, watermark
        self.font_mode = font_mode
        self.split_log = []
        self.split_at = split_at or {}   # row -> lines kept on the first page (forces that break)

    def place(self, heads, t, new_page=True, min_rows_first=6, gap=24):
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
        L = self.leading
        row_segs = []     # per row: [(page, y0, y1)]
        split_k = {}      # row -> lines on the first piece
        for r in range(t.n_rows):
            if r in self.force_breaks:
                self.new_page()
            forced = r in self.split_at
            if forced:
                k0 = self.split_at[r]
                assert self.room() >= k0 * L + PAD_V, ("split_at: not enough room", r, self.room())
                self.split_log.append(("room", round(self.room(), 1)))
            if h[r] > self.room() or forced:
                k = self.split_at[r] if forced else int((self.room() - PAD_V) // L)
                nlines = int(round((h[r] - 2 * PAD_V) / L))
                if self.split_rows and k >= 3 and nlines - k >= 2:
                    a = k * L + 2 * PAD_V if forced else self.room()
                    p = len(self.pages) - 1
                    seg1 = (p, self.y, self.y + a)
                    self.new_page()
                    b = max((nlines - k) * L + 2 * PAD_V, self.min_row)
                    seg2 = (p + 1, self.y, self.y + b)
                    self.y += b
                    row_segs.append([seg1, seg2])
                    split_k[r] = k
                    self.split_log.append((r, p + 1, k, nlines))
                    continue
                self.new_page()
            row_segs.append([(len(self.pages) - 1, self.y, self.y + h[r])])
            self.y += h[r]
        xs = [self.left]
        for w in t.col_widths:
            xs.append(xs[-1] + w)
        first_top, last_bot = {}, {}
        for segs in row_segs:
            for p, y0, y1 in segs:
                first_top.setdefault(p, y0)
                last_bot[p] = y1
        drawn = set()

        def seg_line(p, x1, y1, x2, y2):
            k = (p, round(x1, 2), round(y1, 2), round(x2, 2), round(y2, 2))
            if k in drawn:
                return
            drawn.add(k)
            outer = (x1 == x2 and (abs(x1 - xs[0]) < 0.01 or abs(x1 - xs[-1]) < 0.01)) or \
                    (y1 == y2 and (abs(y1 - first_top[p]) < 0.01 or abs(y1 - last_bot[p]) < 0.01))
            w = self.outer_lw if (outer and self.outer_lw) else self.lw
            self.pages[p].append(("L", k[1], round(self.ph - k[2], 2), k[3], round(self.ph - k[4], 2), w))

        def put(p, x0, x1, base, ln, align):
            w = self.font.width(ln, self.size)
            if align == "l":
                x = x0 + PAD_H
            elif align == "r":
                x = x1 - PAD_H - w
            else:
                x = (x0 + x1 - w) / 2
            self.pages[p].append(("T", round(x, 2), round(self.ph - base, 2), self.size, ln))

        for c in sorted(t.cells, key=lambda c: (c.row, c.col)):
            pieces = []   # (page, y0, y1) merged per page
            for r in range(c.row, c.row + c.rowspan):
                for p, y0, y1 in row_segs[r]:
                    if pieces and pieces[-1][0] == p and abs(pieces[-1][2] - y0) < 0.01:
                        pieces[-1] = (p, pieces[-1][1], y1)
                    else:
                        pieces.append((p, y0, y1))
            x0, x1 = xs[c.col], xs[c.col + c.colspan]
            for i, (p, y0, y1) in enumerate(pieces):
                seg_line(p, x0, y0, x0, y1)
                seg_line(p, x1, y0, x1, y1)
                if i == 0:
                    seg_line(p, x0, y0, x1, y0)
                if i == len(pieces) - 1:
                    seg_line(p, x0, y1, x1, y1)
            lines = wr[id(c)]
            if not lines:
                continue
            off = (self.leading - self.size) / 2 + self.size * 0.88
            if c.rowspan == 1 and c.row in split_k:
                # a row broken across pages: top-aligned, the lines flow on
                k = split_k[c.row]
                for i, ln in enumerate(lines):
                    if i < k:
                        p, y0, _ = pieces[0]
                        put(p, x0, x1, y0 + PAD_V + i * L + off, ln, c.align)
                    else:
                        p, y0, _ = pieces[1]
                        put(p, x0, x1, y0 + PAD_V + (i - k) * L + off, ln, c.align)
                continue
            need = len(lines) * L
            fit = [g for g in pieces if g[2] - g[1] >= need + 2 * PAD_V - 0.01]
            if self.label_piece == "repeat" and len(fit) > 1:
                chosen = fit
            elif self.label_piece == "largest" and fit:
                chosen = [max(fit, key=lambda g: g[2] - g[1])]
            else:
                chosen = [fit[0] if fit else max(pieces, key=lambda g: g[2] - g[1])]
            for p, y0, y1 in chosen:
                ytop = y0 + (y1 - y0 - need) / 2
                for i, ln in enumerate(lines):
                    put(p, x0, x1, ytop + i * L + off, ln, c.align)
        pages = sorted({p + 1 for segs in row_segs for p, _, _ in segs})
        return pages, t.grid_json(pages)

    # ---- text output for the new font modes
    def _text_op(self, x, y, size, s, angle=0):
        if angle:
            c, sn = round(math.cos(angle), 4), round(math.sin(angle), 4)
            mat = lambda cx: f"{c:g} {sn:g} {-sn:g} {c:g} {round(cx, 2)} {y} Tm "
        else:
            mat = lambda cx: f"1 0 0 1 {round(cx, 2)} {y} Tm "
        if self.font_mode == "type1mixed":
            runs = []
            for ch in s:
                latin = ch == " " or (ord(ch) < 0x2E80 and _winansi(ch) and ord(ch) < 0x7F)
                if runs and runs[-1][0] == latin:
                    runs[-1][1] += ch
                else:
                    runs.append([latin, ch])
            out = [b"BT "]
            cx = x
            for latin, run in runs:
                if latin:
                    out.append(f"/F2 {size:g} Tf ".encode() + mat(cx).encode() + ser(run.encode("cp1252")) + b" Tj ")
                else:
                    out.append(f"/F1 {size:g} Tf ".encode() + mat(cx).encode() + ser(self.font.encode(run)) + b" Tj ")
                cx += self.font.width(run, size)
            out.append(b"ET\n")
            return b"".join(out)
        if self.font_mode == "diff":
            out = [b"BT "]
            cx = x
            for fi, b, txt in self.font.runs(s):
                out.append(f"/F{fi + 1} {size:g} Tf ".encode() + mat(cx).encode() + ser(b) + b" Tj ")
                cx += self.font.width(txt, size)
            out.append(b"ET\n")
            return b"".join(out)
        if angle:
            return (f"BT /F1 {size:g} Tf ".encode() + mat(x).encode() + ser(self.font.encode(s)) + b" Tj ET\n")
        return super()._text_op(x, y, size, s)

    def extras(self, n):
        """running head + rule, page number, watermark for page n (0-based)"""
        out = []
        total = len(self.pages)
        if self.running_head:
            w = self.font.width(self.running_head, 9)
            out.append(self._text_op(round(self.pw - 40 - w, 2), round(self.ph - 32, 2), 9, self.running_head))
            if self.head_rule:
                out.append(f"0.75 w 40 {self.ph - 36:.2f} m {self.pw - 40:.2f} {self.ph - 36:.2f} l S\n".encode())
        if self.page_num:
            s = self.page_num.format(n=n + 1, total=total)
            w = self.font.width(s, 10)
            out.append(self._text_op(round((self.pw - w) / 2, 2), 26, 10, s))
        if self.watermark:
            text, size = self.watermark
            ang = math.radians(35)
            w = self.font.width(text, size)
            cx, cy = self.pw / 2, self.ph / 2
            x0 = cx - math.cos(ang) * w / 2
            y0 = cy - math.sin(ang) * w / 2
            out.append(b"q 0.82 g\n" + self._text_op(round(x0, 2), round(y0, 2), size, text, angle=ang) + b"Q\n")
        return b"".join(out)


def build_pdf2(pages, doc, media, *, producer=b"jixiao samplegen", id_seed=b""):
    pdf = PDF()
    if doc.font_mode == "diff":
        fonts = doc.font.make_all(pdf)
    else:
        fonts = {"F1": doc.font.make(pdf)}
        if doc.font_mode == "type1mixed":
            fonts["F2"] = helvetica(pdf)
    pages_ref = pdf.reserve()
    kids = []
    for content in pages:
        c = pdf.add(Stream(content))
        kids.append(pdf.add({"Type": Name("Page"), "Parent": pages_ref, "MediaBox": media,
                             "Resources": {"Font": fonts, "ProcSet": [Name("PDF"), Name("Text")]},
                             "Contents": c}))
    pdf.set(pages_ref, {"Type": Name("Pages"), "Kids": kids, "Count": len(kids)})
    root = pdf.add({"Type": Name("Catalog"), "Pages": pages_ref})
    info = pdf.add({"Producer": producer, "Creator": b"tools/samplegen/gen_variants2.py"})
    return pdf.write(root, info, hashlib.md5(id_seed + b"".join(pages)).digest())
