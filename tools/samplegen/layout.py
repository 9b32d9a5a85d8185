"""Ruled-table layout: wraps cell text, sizes rows, paginates forms over A4
pages and emits PDF content streams (lines + text).  Merged cells are drawn
without inner lines; a merged cell cut by a page break is drawn open at the
break (no bottom line on the first page, no top line on the next)."""
from textnorm import is_cjk, normalise

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
        wr = {}
        h = [self.min_row] * t.n_rows
        for c in t.cells:
            w = sum(t.col_widths[c.col:c.col + c.colspan]) - 2 * PAD_H
            wr[id(c)] = wrap(c.text, w, self.font, self.size) if c.text else []
        for c in sorted(t.cells, key=lambda c: c.rowspan):
            need = len(wr[id(c)]) * self.leading + 2 * PAD_V
            have = sum(h[c.row:c.row + c.rowspan])
            if need > have:
                h[c.row + c.rowspan - 1] += need - have
        return h, wr

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
                    from pdfwriter import ser
                    parts.append(f"BT /F1 {op[3]:g} Tf 1 0 0 1 {op[1]} {op[2]} Tm ".encode()
                                 + ser(self.font.encode(op[4])) + b" Tj ET\n")
            out.append(b"".join(parts))
        return out
