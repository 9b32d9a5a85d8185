"""Ruled-table layout: Cell and Table (merged cells as spans), greedy wrap,
row heights, pagination and page breaks, and the content streams.
Doc is the plain national layout; VDoc, one class whose options are its
keywords, draws every variant (row splits, running heads, watermarks,
gaps, invisible text, ruling restyles, glyph-level text, shading, clips,
Type3)."""
import math
from samplegen.truth import is_cjk, normalise
from samplegen.pdf import ser
from samplegen.fonts import _winansi


PAGE_W, PAGE_H = 595.28, 841.89


MARGIN_L, MARGIN_T, MARGIN_B = 40.0, 50.0, 50.0


PAD_H, PAD_V = 3.0, 3.0


class Cell:
    def __init__(self, row, col, text, rowspan=1, colspan=1, align="c"):
        self.row, self.col, self.text = row, col, text
        self.rowspan, self.colspan, self.align = rowspan, colspan, align


class Table:
    def __init__(self, col_widths, cells):
        self.col_widths = col_widths
        self.cells = cells
        self.n_cols = len(col_widths)
        self.n_rows = max(c.row + c.rowspan for c in cells)
        seen = {}
        for c in cells:
            for r in range(c.row, c.row + c.rowspan):
                for k in range(c.col, c.col + c.colspan):
                    assert (r, k) not in seen, f"overlap at {(r, k)}: {c.text!r}"
                    seen[(r, k)] = c
        missing = [(r, k) for r in range(self.n_rows) for k in range(self.n_cols) if (r, k) not in seen]
        assert not missing, f"grid holes {missing}"

    def grid_json(self, pages):
        cells = sorted(self.cells, key=lambda c: (c.row, c.col))
        return {"pages": pages, "n_rows": self.n_rows, "n_cols": self.n_cols,
                "cells": [{"row": c.row, "col": c.col, "rowspan": c.rowspan, "colspan": c.colspan,
                           "text": normalise(c.text)} for c in cells]}


def _tokens(text):
    """Unbreakable units: one CJK char each, or a run of non-CJK non-space
    chars; spaces become None (a break opportunity that is dropped)."""
    toks = []
    cur = ""
    for ch in text:
        if ch.isspace():
            if cur:
                toks.append(cur)
                cur = ""
            toks.append(None)
        elif is_cjk(ch):
            if cur:
                toks.append(cur)
                cur = ""
            toks.append(ch)
        else:
            cur += ch
    if cur:
        toks.append(cur)
    return toks


def wrap(text, width, font, size):
    """Greedy wrap.  Lines only break next to a CJK character or at a space,
    so joining the lines with newlines normalises back to the text."""
    lines = []
    for para in text.split("\n"):
        line = ""
        for tok in _tokens(para):
            if tok is None:
                if line:
                    line += " "
                continue
            cand = line + tok
            if font.width(cand.rstrip(), size) <= width or not line.strip():
                line = cand
            else:
                lines.append(line.rstrip())
                line = tok
            assert font.width(line.rstrip(), size) <= width + 0.01, f"token too wide: {tok!r} in {text!r}"
        lines.append(line.rstrip())
    assert normalise("\n".join(lines)) == normalise(text), (lines, text)
    return lines


def row_heights(t, font, size, leading, min_row):
    """Each row's height (every cell's wrapped lines fit; a merged cell's
    excess goes to its last row) and each cell's lines, by id(cell)."""
    wr = {}
    h = [min_row] * t.n_rows
    for c in t.cells:
        w = sum(t.col_widths[c.col:c.col + c.colspan]) - 2 * PAD_H
        wr[id(c)] = wrap(c.text, w, font, size) if c.text else []
    for c in sorted(t.cells, key=lambda c: c.rowspan):
        need = len(wr[id(c)]) * leading + 2 * PAD_V
        have = sum(h[c.row:c.row + c.rowspan])
        if need > have:
            h[c.row + c.rowspan - 1] += need - have
    return h, wr


class Doc:
    def __init__(self, font, size=9.0, leading=11.5, min_row=18.0, title_size=16.0, year_size=11.0,
                 left=MARGIN_L):
        self.font, self.size, self.leading, self.min_row = font, size, leading, min_row
        self.title_size, self.year_size = title_size, year_size
        self.left = left
        self.pages = []  # each: list of ops
        self.y = None

    # ---- page handling
    def new_page(self):
        self.pages.append([])
        self.y = MARGIN_T

    def room(self):
        return PAGE_H - MARGIN_B - self.y

    # ---- primitives (top-down coordinates)
    def line(self, x1, y1, x2, y2):
        self.pages[-1].append(("L", round(x1, 2), round(PAGE_H - y1, 2), round(x2, 2), round(PAGE_H - y2, 2)))

    def text(self, x, baseline, s, size=None, page=None):
        p = self.pages[-1] if page is None else self.pages[page]
        p.append(("T", round(x, 2), round(PAGE_H - baseline, 2), size or self.size, s))

    def centred(self, s, size):
        w = self.font.width(s, size)
        self.text((PAGE_W - w) / 2, self.y + size * 0.88, s, size)
        self.y += size + 8

    # ---- forms
    def row_heights(self, t):
        return row_heights(t, self.font, self.size, self.leading, self.min_row)

    def place_form(self, title, year_line, t, new_page=True, min_rows_first=6):
        h, wr = self.row_heights(t)
        head = (self.title_size + 8) + (self.year_size + 8 if year_line else 0)
        if self.y is None or new_page or self.room() < head + sum(h[:min_rows_first]) + 20:
            if self.y is None or self.pages[-1]:
                self.new_page()
        else:
            self.y += 20
        self.centred(title, self.title_size)
        if year_line:
            self.centred(year_line, self.year_size)
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

        def seg_line(p, x1, y1, x2, y2):
            k = (p, round(x1, 2), round(y1, 2), round(x2, 2), round(y2, 2))
            if k not in drawn:
                drawn.add(k)
                self.pages[p].append(("L", k[1], round(PAGE_H - k[2], 2), k[3], round(PAGE_H - k[4], 2)))

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
                self.text(x, base, ln, page=p)
        self.last_row_page = row_page
        pages = sorted({row_page[0] + 1} | {p + 1 for p in row_page})
        return pages, t.grid_json(pages)

    # ---- output
    def contents(self):
        out = []
        for ops in self.pages:
            parts = [b"0.5 w 0 G 0 g\n"]
            for op in ops:
                if op[0] == "L":
                    parts.append(f"{op[1]} {op[2]} m {op[3]} {op[4]} l S\n".encode())
            for op in ops:
                if op[0] == "T":
                    from samplegen.pdf import ser
                    parts.append(f"BT /F1 {op[3]:g} Tf 1 0 0 1 {op[1]} {op[2]} Tm ".encode()
                                 + ser(self.font.encode(op[4])) + b" Tj ET\n")
            out.append(b"".join(parts))
        return out


A4 = (595.28, 841.89)


def crop_marks(media, crop):
    x0, y0, x1, y1 = crop
    s = []
    for x, y, dx, dy in [(x0, y0, -1, -1), (x1, y0, 1, -1), (x0, y1, -1, 1), (x1, y1, 1, 1)]:
        s.append(f"{x + dx * 6} {y} m {x + dx * 30} {y} l S {x} {y + dy * 6} m {x} {y + dy * 30} l S")
    return ("0.3 w 0 G " + " ".join(s) + "\n").encode()


class _Breaks(set):
    """force_breaks that also knows the rows preceded by a gap (a second
    table drawn after some space)."""

    def __init__(self, doc, breaks, gaps):
        super().__init__(breaks)
        self.doc, self.gaps = doc, gaps

    def __contains__(self, r):
        if r in self.gaps:
            self.doc._gap = self.gaps[r]
            return True
        return set.__contains__(self, r)


def _gap(k):
    """deterministic 0.5-1.0pt corner gap"""
    return 0.5 + (k * 37 % 11) / 20


HEADER_TEXTS = {"项目名称", "主管部门", "实施单位", "项目资金（万元）", "年初预算数", "全年预算数", "全年执行数",
                "分值", "执行率", "得分", "年度总体目标", "预期目标", "实际完成情况", "绩效指标", "一级指标",
                "二级指标", "三级指标", "年度指标值", "实际完成值", "偏差原因分析及改进措施", "总分", "评分等级",
                "年度资金总额", "其中：当年财政拨款", "上年结转资金", "其他资金"}


ROW_HEADS = {"一级指标", "年初预算数"}


# ------------------------------------------------------------------ geometry from the drawn rulings
def _lines(ops):
    hs = [(min(o[1], o[3]), max(o[1], o[3]), o[2]) for o in ops if o[0] == "L" and o[2] == o[4]]
    vs = [(min(o[2], o[4]), max(o[2], o[4]), o[1]) for o in ops if o[0] == "L" and o[1] == o[3]]
    return hs, vs


def cell_rect(hs, vs, x, y, size):
    """the ruled rectangle enclosing a text run starting at (x, baseline y)"""
    ym = y + size * 0.3
    left = [vx for lo, hi, vx in vs if lo - 0.01 <= ym <= hi + 0.01 and vx < x]
    right = [vx for lo, hi, vx in vs if lo - 0.01 <= ym <= hi + 0.01 and vx > x + 0.5]
    if not left or not right:
        return None
    x0, x1 = max(left), min(right)
    xm = (x0 + x1) / 2
    up = [hy for lo, hi, hy in hs if lo - 0.01 <= xm <= hi + 0.01 and hy > ym]
    dn = [hy for lo, hi, hy in hs if lo - 0.01 <= xm <= hi + 0.01 and hy < ym]
    if not up or not dn:
        return None
    return x0, max(dn), x1, min(up)


def _tm(y):
    """the text matrix placing a run at (x, y)"""
    return lambda cx: f"1 0 0 1 {round(cx, 2)} {y} Tm "


class VDoc:
    """The variant layout. Options (keywords, all off by default):
    page, left, margin_t, margin_b, size, leading, min_row: geometry;
    border (lines | rects | cellrects), lw, outer_lw: the rulings;
    text_mode (Tj | mixed | TJ with kern | runs | scaled | tz), font_mode
    (single | type1mixed | diff): how a line of text is written;
    split_rows, force_breaks, split_at, label_piece (first | largest |
    repeat): rows broken across pages and where a broken cell's text goes;
    footer, running_head, head_rule, page_num, watermark: page furniture;
    ocr: invisible text; ruling (gapcells | dashed | dotted, by restyle()),
    glyphs (abs_bt | abs_tm | negtc): glyph-level text; mode (shade | white |
    threeline | type3 | fakebold | plain): the styled writer; repeat_row:
    a header row drawn again at the top of every page a table runs onto."""
    _gap = None
    in_table = False

    def __init__(self, font, *, page=A4, border="lines", lw=0.5, outer_lw=None, text_mode="Tj", kern=0,
                 footer=None, margin_t=50.0, margin_b=50.0, left=40.0, size=9.0, leading=11.5, min_row=18.0,
                 split_rows=False, force_breaks=(), label_piece="first", split_at=None, running_head=None,
                 head_rule=True, page_num=None, watermark=None, font_mode="single",
                 ocr=False, ruling=None, glyphs=None, mode=None, repeat_row=None):
        self.font, self.size, self.leading, self.min_row = font, size, leading, min_row
        self.left = left
        self.pages = []  # each: list of ops
        self.y = None
        self.pw, self.ph = page
        self.border, self.lw, self.outer_lw = border, lw, outer_lw
        self.text_mode, self.kern = text_mode, kern
        self.footer = footer
        self.margin_t, self.margin_b = margin_t, margin_b
        self.split_rows = split_rows
        self.force_breaks = set(force_breaks)
        self.label_piece = label_piece
        self.running_head, self.head_rule = running_head, head_rule
        self.page_num, self.watermark = page_num, watermark
        self.font_mode = font_mode
        self.split_log = []
        self.split_at = split_at or {}   # row -> lines kept on the first page (forces that break)
        self.ocr, self.ruling, self.glyphs, self.mode = ocr, ruling, glyphs, mode
        self.repeat_row = repeat_row     # (cells of the header row, height, xs)

    # ---- pages
    def new_page(self):
        g, self._gap = self._gap, None
        if g is None or not self.pages or self.room() <= g + 60:
            self.pages.append([])
            self.y = self.margin_t
        else:
            self.y += g             # a gap (place(gaps=...)) instead of a page break
        if self.in_table == "start":        # the form's own first page: no repeated head
            self.in_table = True
            return
        if self.repeat_row and self.in_table:
            self._repeat_row()

    def _repeat_row(self):
        """the header row (repeat_row) drawn again at the top of a continuation page"""
        cells, hh, xs = self.repeat_row
        y0, y1 = self.y, self.y + hh
        for c, lines in cells:
            x0, x1 = xs[c.col], xs[c.col + c.colspan]
            for a in ((x0, y0, x1, y0), (x0, y1, x1, y1), (x0, y0, x0, y1), (x1, y0, x1, y1)):
                self.pages[-1].append(("L", round(a[0], 2), round(self.ph - a[1], 2), round(a[2], 2),
                                       round(self.ph - a[3], 2), self.lw))
            need = len(lines) * self.leading
            ytop = y0 + (hh - need) / 2
            off = (self.leading - self.size) / 2 + self.size * 0.88
            for i, ln in enumerate(lines):
                w = self.font.width(ln, self.size)
                self.pages[-1].append(("T", round((x0 + x1 - w) / 2, 2),
                                       round(self.ph - (ytop + i * self.leading + off), 2), self.size, ln))
        self.y = y1

    def room(self):
        return self.ph - self.margin_b - self.y

    def row_heights(self, t):
        return row_heights(t, self.font, self.size, self.leading, self.min_row)

    def head_line(self, s, size, align, table_w):
        w = self.font.width(s, size)
        x = {"c": self.left + (table_w - w) / 2, "l": self.left, "r": self.left + table_w - w}[align]
        self.pages[-1].append(("T", round(x, 2), round(self.ph - (self.y + size * 0.88), 2), size, s))
        self.y += size + 8

    def place(self, heads, t, new_page=True, min_rows_first=6, gap=24, breaks=None, gaps=None):
        """heads: [(text, size, align)] drawn above the table. breaks / gaps:
        rows that start a new page / follow a gap of so many points (a second
        table under the first), for this table only (else the doc's force_breaks)."""
        if breaks is not None or gaps:
            self.force_breaks = _Breaks(self, breaks or (), gaps or {})
            try:
                return self.place(heads, t, new_page=new_page, min_rows_first=min_rows_first, gap=gap)
            finally:
                self.force_breaks = set()
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
                if self.border == "cellrects" and len(pieces) == 1:
                    # Excel/Word style: every cell stroked as its own rectangle
                    self.pages[p].append(("R", round(x0, 2), round(self.ph - y1, 2), round(x1 - x0, 2),
                                          round(y1 - y0, 2), self.lw))
                    continue
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

    # ---- output
    def _text_op(self, x, y, size, s, angle=0):
        """one line of text: Type3 runs, glyph-level placing, or the font/text modes; invisible (3 Tr) with ocr"""
        if self.mode == "type3":
            return self._runs_op(x, size, [(f"F{fi + 1}", f"<{b.hex().upper()}>".encode(), txt)
                                           for fi, b, txt in self.font.runs(s)], _tm(y))
        if self.glyphs and not angle:
            return self._glyph_op(x, y, size, s)
        op = self._font_op(x, y, size, s, angle)
        return op.replace(b"BT ", b"BT 3 Tr ") if self.ocr else op

    def _runs_op(self, x, size, runs, mat):
        """runs: [(font resource name, the string operand, its text)], one BT, a Tf
        and a text matrix mat(x) per run, each run after the width of the last"""
        out = [b"BT "]
        cx = x
        for fname, operand, txt in runs:
            out.append(f"/{fname} {size:g} Tf ".encode() + mat(cx).encode() + operand + b" Tj ")
            cx += self.font.width(txt, size)
        out.append(b"ET\n")
        return b"".join(out)

    def _latin_runs(self, s, ascii_only=False):
        """s cut into WinAnsi runs (/F2, cp1252; ASCII alone with ascii_only) and CID runs (/F1)"""
        runs = []
        for ch in s:
            latin = ch == " " or (ord(ch) < 0x2E80 and _winansi(ch) and (not ascii_only or ord(ch) < 0x7F))
            if runs and runs[-1][0] == latin:
                runs[-1][1] += ch
            else:
                runs.append([latin, ch])
        return [("F2", ser(run.encode("cp1252")), run) if latin else ("F1", ser(self.font.encode(run)), run)
                for latin, run in runs]

    def _glyph_op(self, x, y, size, s):
        """glyphs: abs_bt | abs_tm | negtc"""
        f = self.font
        if self.glyphs == "negtc":
            return (f"BT /F1 {size:g} Tf -0.6 Tc 1 0 0 1 {x} {y} Tm ".encode() + ser(f.encode(s))
                    + b" Tj 0 Tc ET\n")
        out = [] if self.glyphs == "abs_bt" else [f"BT /F1 {size:g} Tf ".encode()]
        cx = x
        for ch in s:
            if ch != " ":
                if self.glyphs == "abs_bt":
                    out.append(f"BT /F1 {size:g} Tf {round(cx, 2)} {y} Td ".encode() + ser(f.encode(ch))
                               + b" Tj ET\n")
                else:
                    out.append(f"1 0 0 1 {round(cx, 2)} {y} Tm ".encode() + ser(f.encode(ch)) + b" Tj\n")
            cx += f.width(ch, size)
        if self.glyphs != "abs_bt":
            out.append(b"ET\n")
        return b"".join(out)

    def _font_op(self, x, y, size, s, angle=0):
        """font_mode: single | type1mixed | diff; a rotated line (angle)"""
        if angle:
            c, sn = round(math.cos(angle), 4), round(math.sin(angle), 4)
            mat = lambda cx: f"{c:g} {sn:g} {-sn:g} {c:g} {round(cx, 2)} {y} Tm "
        else:
            mat = _tm(y)
        if self.font_mode == "type1mixed":
            return self._runs_op(x, size, self._latin_runs(s, ascii_only=True), mat)
        if self.font_mode == "diff":
            return self._runs_op(x, size, [(f"F{fi + 1}", ser(b), txt) for fi, b, txt in self.font.runs(s)], mat)
        if angle:
            return (f"BT /F1 {size:g} Tf ".encode() + mat(x).encode() + ser(self.font.encode(s)) + b" Tj ET\n")
        return self._plain_op(x, y, size, s)

    def _plain_op(self, x, y, size, s):
        """text_mode: Tj | mixed | TJ | runs | scaled | tz"""
        f = self.font
        if self.text_mode == "mixed":
            # Word style: Latin runs (digits, %, ., —) in a simple WinAnsi
            # font /F2, CJK runs in the CID font /F1, one BT, Tf switches
            return self._runs_op(x, size, self._latin_runs(s), _tm(y))
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
        """the page content streams: the styled writer when a mode is set, else
        the rulings (border: lines | rects | cellrects), the text, extra(n), the footer"""
        if self.mode:
            return self._styled_contents()
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
                    if op[0] not in ("R", "L"):
                        continue
                    if op[-1] != cur:           # line width
                        cur = op[-1]
                        parts.append(f"{cur:g} w\n".encode())
                    if op[0] == "R":
                        parts.append(f"{op[1]} {op[2]} {op[3]} {op[4]} re S\n".encode())
                    else:
                        parts.append(f"{op[1]} {op[2]} m {op[3]} {op[4]} l S\n".encode())
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

    def restyle(self):
        """rewrite the ruling ops ("L", x1, y1, x2, y2, w) of every page"""
        if not self.ruling:
            return
        for p, ops in enumerate(self.pages):
            new = []
            for k, op in enumerate(ops):
                if op[0] != "L":
                    new.append(op)
                    continue
                _, x1, y1, x2, y2, w = op
                horiz = y1 == y2
                lo, hi = (min(x1, x2), max(x1, x2)) if horiz else (min(y1, y2), max(y1, y2))
                mk = (lambda a, b, w_, o=0.0: ("L", round(a, 2), round(y1 + o, 2), round(b, 2), round(y1 + o, 2), w_)) \
                    if horiz else \
                    (lambda a, b, w_, o=0.0: ("L", round(x1 + o, 2), round(a, 2), round(x1 + o, 2), round(b, 2), w_))
                if self.ruling == "gapcells":
                    if w == self.outer_lw:        # outer frame: two parallel lines 1pt apart
                        new += [mk(lo, hi, 0.3, -0.5), mk(lo, hi, 0.3, 0.5)]
                    else:
                        g = _gap(k + p)
                        new.append(mk(lo + g, hi - g, 0.4))
                else:
                    on, off = (3.0, 1.5) if self.ruling == "dashed" else (0.6, 1.0)
                    a = lo
                    while a < hi - 0.01:
                        b = min(a + on, hi)
                        new.append(mk(a, b, w))
                        a = b + off
            self.pages[p] = new

    def _styled_contents(self):
        """mode: shade | white | threeline | type3 | fakebold | plain (the same writer, no styling)"""
        out = []
        for n, ops in enumerate(self.pages):
            hs, vs = _lines(ops)
            parts = [b"q\n"]
            texts = [o for o in ops if o[0] == "T"]
            rects = {id(o): cell_rect(hs, vs, o[1], o[2], o[3]) for o in texts}
            if self.mode == "shade":
                left = min((v[2] for v in vs), default=0)
                right = max((v[2] for v in vs), default=0)
                done = set()
                for o in texts:
                    r = rects[id(o)]
                    if r is None or o[4] not in HEADER_TEXTS:
                        continue
                    x0, y0, x1, y1 = r
                    if o[4] in ROW_HEADS:
                        x0, x1 = left, right
                        grey = "0.78"
                    else:
                        grey = "0.88"
                    k = (round(x0, 1), round(y0, 1), round(x1, 1), round(y1, 1))
                    if k in done:
                        continue
                    done.add(k)
                    parts.append(f"{grey} g {x0:.2f} {y0:.2f} {x1 - x0:.2f} {y1 - y0:.2f} re f\n".encode())
            keep = [o for o in ops if o[0] == "L"]
            if self.mode == "threeline":
                ys = sorted({o[2] for o in keep if o[2] == o[4]})
                head = [o for o in texts if o[4] == "一级指标"]
                r = rects[id(head[0])] if head else None
                want = {ys[0], ys[-1]} | ({r[1]} if r else set())
                xl = min(v[2] for v in vs)
                xr = max(v[2] for v in vs)
                keep = []
                parts.append(b"0 G\n")
                for yy in sorted(want):
                    w = 1.0 if yy in (ys[0], ys[-1]) else 0.5
                    parts.append(f"{w:g} w {xl} {yy} m {xr} {yy} l S\n".encode())
            colour = {"shade": b"0.25 0.4 0.7 RG\n", "white": b"0 0 0.45 RG\n"}.get(self.mode, b"0 G\n")
            parts.append(colour)
            cur = None
            for o in keep:
                _, x1, y1, x2, y2, w = o
                if w != cur:
                    parts.append(f"{w:g} w\n".encode())
                    cur = w
                parts.append(f"{x1} {y1} m {x2} {y2} l S\n".encode())
            if self.mode == "white":
                # white lines along every row / column boundary that crosses a merged cell
                allx = sorted({v[2] for v in vs})
                ally = sorted({h[2] for h in hs})
                parts.append(b"1 G 0.6 w\n")
                seen = set()
                for o in texts:
                    r = rects[id(o)]
                    if r is None or r in seen:
                        continue
                    seen.add(r)
                    x0, y0, x1, y1 = r
                    for yy in ally:
                        if y0 + 0.5 < yy < y1 - 0.5:
                            parts.append(f"{x0} {yy} m {x1} {yy} l S\n".encode())
                    for xx in allx:
                        if x0 + 0.5 < xx < x1 - 0.5:
                            parts.append(f"{xx} {y0} m {xx} {y1} l S\n".encode())
            parts.append(b"0 g 0 G\n")
            for o in texts:
                op = self._text_op(o[1], o[2], o[3], o[4])
                if self.mode == "fakebold":
                    op = op.replace(b"BT ", b"BT 2 Tr ", 1)
                    r = rects[id(o)]
                    if r is not None:
                        x0, y0, x1, y1 = r
                        op = (f"q 0.35 w {x0 + 0.5:.2f} {y0 + 0.5:.2f} {x1 - x0 - 1:.2f} {y1 - y0 - 1:.2f} re W n\n"
                              .encode() + op + b"Q\n")
                    else:
                        op = b"q 0.35 w\n" + op + b"Q\n"
                parts.append(op)
            parts.append(b"Q\n")
            out.append(b"".join(parts))
        return out
