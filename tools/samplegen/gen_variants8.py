#!/usr/bin/env python3
"""Eighth round of variant samples (samples/variant8_NN_*): PDF producer
quirks not tried before -- grey cell shading (large filled rectangles drawn
before the rulings and the text, whole header rows filled) with coloured
borders; white lines drawn through merged cells (Excel/Word "hidden
gridlines": invisible on paper); a three-line table (三线表: only three
horizontal rules); Word's "repeat header row" on every page plus a row that
breaks across pages; text in Type3 fonts with /ToUnicode only (glyph names
meaningless); text with 2 Tr (fill+stroke, fake bold) each clipped to its
cell by `re W n`.

Truth and grid come from the strings drawn here, never from jixiao. The grid
is the LOGICAL table as a reader sees it (merged cells stay merged even where
white lines cross them; a repeated header row is listed once).
Places (潆州市, 石渠县) are fictional.

    python3 tools/samplegen/gen_variants8.py [--pending variant8_03,...]
"""
import argparse
import hashlib
import os
import sys
from decimal import Decimal as D

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))

from layout import PAD_V  # noqa: E402
from pdfwriter import PDF, Name, Stream, CIDFontUCS2, ser  # noqa: E402
from gen_variants2 import clean  # noqa: E402
from gen_variants3 import emit, heads_for  # noqa: E402
from gen_variants4 import check4, grid_doc4  # noqa: E402
from gen_variants5 import frows, ind, inds_clean  # noqa: E402
from gen_variants6 import F, VDoc6, table6, record6, f_signed, f_nol2  # noqa: E402

A4 = (595.28, 841.89)
HEADER_TEXTS = {"项目名称", "主管部门", "实施单位", "项目资金（万元）", "年初预算数", "全年预算数", "全年执行数",
                "分值", "执行率", "得分", "年度总体目标", "预期目标", "实际完成情况", "绩效指标", "一级指标",
                "二级指标", "三级指标", "年度指标值", "实际完成值", "偏差原因分析及改进措施", "总分", "评分等级",
                "年度资金总额", "其中：当年财政拨款", "上年结转资金", "其他资金"}
ROW_HEADS = {"一级指标", "年初预算数"}     # these rows are filled full width as one rectangle


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


# ------------------------------------------------------------------ Type3 fonts with ToUnicode
class Type3Fonts:
    """every character (ASCII too) in one of several Type3 fonts; codes
    1..255, glyph names /g0001.. (meaningless), one shared CharProc (a small
    box), the text only via /ToUnicode."""

    def __init__(self, chars):
        allc = sorted(set(chars) - {"\n"})
        self.map = {ch: (i // 255, 1 + i % 255) for i, ch in enumerate(allc)}
        self.n = (len(allc) + 254) // 255
        self.u = CIDFontUCS2()

    def width(self, text, size):
        return self.u.width(text, size)

    def runs(self, s):
        out = []
        for ch in s:
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
            inv = sorted((code, ch) for ch, (f, code) in self.map.items() if f == fi)
            procs, widths, diffs, bf = {}, [0] * 255, [], []
            for code, ch in inv:
                w = int(self.u.width(ch, 1000))
                gname = f"g{fi:02d}{code:03d}"
                if ch == " ":
                    proc = f"{w} 0 0 0 0 0 d1\n".encode()
                else:
                    proc = f"{w} 0 40 -60 {w - 40} 760 d1\n60 -40 {w - 120} 780 re f\n".encode()
                procs[gname] = pdf.add(Stream(proc))
                widths[code - 1] = w
                diffs += [code, Name(gname)]
                bf.append(f"<{code:02X}> <{ch.encode('utf-16-be').hex().upper()}>")
            cmap = ("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                    "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                    "1 begincodespacerange\n<00> <FF>\nendcodespacerange\n"
                    + "".join(f"{len(bf[i:i + 100])} beginbfchar\n" + "\n".join(bf[i:i + 100]) + "\nendbfchar\n"
                              for i in range(0, len(bf), 100))
                    + "endcmap\nCMapName currentdict /CIDResource defineresource pop\nend\nend\n")
            refs[f"F{fi + 1}"] = pdf.add({
                "Type": Name("Font"), "Subtype": Name("Type3"), "FontBBox": [0, -140, 1000, 860],
                "FontMatrix": [0.001, 0, 0, 0.001, 0, 0], "CharProcs": procs,
                "Encoding": {"Type": Name("Encoding"), "Differences": diffs},
                "FirstChar": 1, "LastChar": 255, "Widths": widths, "Resources": {},
                "ToUnicode": pdf.add(Stream(cmap.encode()))})
        return refs


# ------------------------------------------------------------------ rendering
class VDoc8(VDoc6):
    """mode: 'shade' (grey fills + coloured borders) | 'white' (white lines
    through merged cells, borders dark blue) | 'threeline' | 'type3' |
    'fakebold' (2 Tr + a clip rectangle per cell text) | None"""
    mode = None
    repeat_row = None       # (cells of the header row, height, xs) drawn at the top of every new page
    in_table = False

    def new_page(self):
        super().new_page()
        if self.in_table == "start":        # the form's own first page: no repeated head
            self.in_table = True
            return
        if self.repeat_row and self.in_table:
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

    def _text_op(self, x, y, size, s, angle=0):
        if self.mode == "type3":
            out = [b"BT "]
            cx = x
            for fi, b, txt in self.font.runs(s):
                out.append(f"/F{fi + 1} {size:g} Tf 1 0 0 1 {round(cx, 2)} {y} Tm <{b.hex().upper()}> Tj ".encode())
                cx += self.font.width(txt, size)
            out.append(b"ET\n")
            return b"".join(out)
        return super()._text_op(x, y, size, s, angle)

    def contents(self, prefix=b"", extra=None):
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


def build_pdf8(pages, doc, *, producer, id_seed, media=(0, 0, A4[0], A4[1])):
    pdf = PDF()
    fonts = doc.font.make_all(pdf) if doc.mode == "type3" else {"F1": CIDFontUCS2().make(pdf)}
    pages_ref = pdf.reserve()
    kids = []
    for content in pages:
        c = pdf.add(Stream(content))
        kids.append(pdf.add({"Type": Name("Page"), "Parent": pages_ref, "MediaBox": list(media),
                             "Resources": {"Font": fonts, "ProcSet": [Name("PDF"), Name("Text")]},
                             "Contents": c}))
    pdf.set(pages_ref, {"Type": Name("Pages"), "Kids": kids, "Count": len(kids)})
    root = pdf.add({"Type": Name("Catalog"), "Pages": pages_ref})
    info = pdf.add({"Producer": producer, "Creator": b"tools/samplegen/gen_variants8.py"})
    return pdf.write(root, info, hashlib.md5(id_seed + b"".join(pages)).digest())


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
    doc = VDoc8(font, **(doc_kw or {}))
    doc.mode = mode
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
        pages, g = doc.place3(f.get("heads", heads_for(f["year"])), t, new_page=True, breaks=())
        doc.in_table = False
        grids.append(g)
    return doc, grids, [record6(f) for f in forms]


WSIDE = [30, 40, 44, 74, 46, 46, 28, 30, 52]       # 390pt: two forms side by side on landscape A4


def render_side(forms):
    """forms in pairs, left (x=22) and right (x=430) on one landscape page, tops aligned"""
    for f in forms:
        check4(f)
    doc = VDoc8(CIDFontUCS2(), page=(A4[1], A4[0]), size=7.0, leading=9.0, min_row=14.0, margin_t=30.0,
                margin_b=30.0, left=22.0)
    grids = []
    for i, f in enumerate(forms):
        t = table6(f)
        heads = [(f"{f['title_truth']}", 13, "c"), (f"（{f['year']}年度）", 9, "c")]
        if i % 2 == 0:
            doc.left = 22.0
            pages, g = doc.place3(heads, t, new_page=True, breaks=())
            top = doc.pages and doc.margin_t
        else:
            doc.left = 430.0
            doc.y = top - 24
            n = len(doc.pages)
            pages, g = doc.place3(heads, t, new_page=False, breaks=())
            assert len(doc.pages) == n, "right form must fit on the same page"
        assert len(pages) == 1, pages
        grids.append(g)
    return doc, grids, [record6(f) for f in forms]


# ------------------------------------------------------------------ data
P, Q, S = "产出指标", "效益指标", "满意度指标"


def f_a():
    inds = [ind(P, "数量指标", "改造农村户厕", "≥1,800户", "1,826户", 20, 20),
            ind(P, "质量指标", "户厕改造验收合格率", "≥95%", "97.3%", 15, 15),
            ind(P, "时效指标", "改造任务完成时间", "10月底前", "10月底前", 10, 10),
            ind(P, "成本指标", "户均改造补助标准", "≤3,000元", "2,950元", 10, 10),
            ind(Q, "生态效益指标", "粪污无害化处理率", "≥90%", "88%", 15, "14.67",
                "部分山区村组粪污收运车辆未到位，收运频次不足；下一步增配收运车辆2台。"),
            ind(S, "服务对象满意度指标", "农户满意度", "≥90%", "94%", 20, 20)]
    return F("潆州市农村人居环境整治户厕改造", frows("540.00", "528.36", "40.00", "39.10"), inds,
             dept="潆州市农业农村局", impl="潆州市农村社会事业促进中心")


def f_b():
    return F("潆州市城区公共自行车系统运维", frows("236.00", "231.52"), inds_clean(),
             dept="潆州市交通运输局", impl="潆州市公共交通服务中心")


LONG_DEV = ("受汛期持续降雨影响，部分标段土方开挖和管道铺设工期顺延约45天，第三季度完成投资低于计划进度。"
            "项目单位已于9月调整施工组织方案，增加两个作业班组并实行分段流水作业，同时协调供电部门保障施工用电。"
            "截至年底尚有1.2公里管网未完成闭水试验，已列入次年一季度重点任务清单，由区水务局按周调度推进。"
            "下一步将完善汛期施工应急预案，提前储备排水设备和防汛物资，并在招标文件中明确雨季施工措施费用，"
            "避免同类因素再次影响工程进度；同时加强对施工单位的履约考核，将进度滞后情况纳入信用评价。"
            "对已完工段落，组织第三方检测机构开展管道内窥检测，发现的3处渗漏点已督促施工单位完成修复。")


def f_long():
    inds = [ind(P, "数量指标", "新建雨污分流管网长度", "≥8.5公里", "7.3公里", 15, "12.88", LONG_DEV),
            ind(P, "数量指标", "改造老旧小区排水户数", "≥2,600户", "2,640户", 10, 10),
            ind(P, "质量指标", "管网闭水试验合格率", "=100%", "100%", 10, 10),
            ind(P, "时效指标", "主体工程完工时间", "12月底前", "12月底前", 10, 10),
            ind(P, "成本指标", "每公里综合造价", "≤320万元", "316万元", 10, 10),
            ind(Q, "社会效益指标", "城区内涝积水点消除数", "≥12处", "12处", 10, 10),
            ind(Q, "生态效益指标", "污水集中收集率", "≥75%", "76.2%", 10, 10),
            ind(Q, "可持续影响指标", "管网运维责任落实率", "=100%", "100%", 5, 5),
            ind(S, "服务对象满意度指标", "沿线居民满意度", "≥85%", "88%", 10, 10)]
    return F("石渠县城区雨污分流改造", frows("2860.00", "2790.40", "300.00", "286.50"), inds,
             dept="石渠县住房和城乡建设局", impl="石渠县城市建设投资有限公司", amt_fmt=lambda v: f"{v:,.2f}")


# ------------------------------------------------------------------ samples
SAMPLES = [
    ("variant8_01_grey_shading_coloured_borders", lambda: [f_a(), f_b()], dict(mode="shade"),
     "grey cell shading drawn before the rulings and text: every label/header cell filled 0.88 g as its own "
     "rectangle, the fund column-name row and the indicator head row filled 0.78 g as ONE rectangle across the "
     "whole table width; all rulings stroked in blue (0.25 0.4 0.7 RG)", ["cell_shading", "row_shading", "coloured_rulings"]),
    ("variant8_02_white_lines_through_merged_cells", lambda: [f_a(), f_nol2()], dict(mode="white"),
     "rulings dark blue; WHITE 0.6pt lines drawn (after the rulings) along every row/column boundary crossing a "
     "merged cell (年度资金 label, 一级/二级 labels, 项目名称 value, goals, ...) - invisible on paper. Truth grid: "
     "what a reader sees (merged cells stay merged)", ["white_lines_in_merged_cells", "coloured_rulings"]),
    ("variant8_03_three_line_table", lambda: [f_a(), f_b()], dict(mode="threeline"),
     "三线表: no vertical lines and no inner rules; only a 1pt rule at the top and bottom of each table and a 0.5pt "
     "rule under the indicator head row (一级指标 | 二级指标 | ...)", ["three_line_table"]),
    ("variant8_04_repeat_header_row_split_row", lambda: [f_long()], dict(repeat=True, doc_kw=dict(split_rows=True)),
     "Word 'repeat header row': the indicator head row (一级指标 ... 偏差原因分析及改进措施) drawn again at the top of "
     "every continuation page; the first indicator row (26-line deviation) is allowed to break across pages "
     "(cells open at the break, text flowing on). Grid: the logical table, head row once", ["repeat_header_row", "row_split_across_pages"]),
    ("variant8_05_type3_fonts_tounicode", lambda: [f_a(), f_signed()], dict(mode="type3"),
     "all text (ASCII too) in Type3 fonts (F1..F3, codes 1..255, glyph names /gFFCCC meaningless, every glyph a "
     "box drawn by a CharProc with d1) with a /ToUnicode CMap - the only way to the text; strings written as hex "
     "(codes 0x0A/0x0D would be EOLs in literal strings)", ["type3_fonts", "tounicode_only"]),
    ("variant8_06_fake_bold_clipped_cells", lambda: [f_a(), f_b()], dict(mode="fakebold"),
     "every text run drawn with 2 Tr (fill + stroke, 0.35 w: fake bold) inside q ... re W n ... Q clipping it to "
     "its cell (clip rectangles 0.5pt inside the rulings, never painted)", ["render_mode_2", "clip_path_per_cell"]),
    ("variant8_07_two_forms_side_by_side_landscape", lambda: [side(f_a()), side(f_b()), side(f_nol2()),
                                                              side(f_signed())], dict(side_by_side=True),
     "landscape A4 pages, each with TWO forms side by side (left form at x=22, right form at x=430, tops aligned, "
     "each with its own title and year line; 7pt text, 9 columns 390pt wide); 4 forms on 2 pages; reading order "
     "left form then right form", ["two_forms_side_by_side", "landscape"]),
]


def side(f):
    f["widths"] = WSIDE
    return f


def build(spec):
    name, forms_fn, opts, what, options = spec
    doc, grids, truth = render8(forms_fn(), **opts)
    media = (0, 0, doc.pw, doc.ph)
    if doc.split_log:
        print("  split:", doc.split_log)
    pages = doc.contents()
    pdf = build_pdf8(pages, doc, producer=what.encode(), id_seed=name.encode(), media=media)
    grid = grid_doc4(name, pdf, what, options, grids, len(pages))
    grid["producer"]["style"] = "samplegen-variant8"
    return name, pdf, truth, grid


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pending", default="")
    a = ap.parse_args()
    pend = [p for p in a.pending.split(",") if p]
    for spec in SAMPLES:
        name, pdf, truth, grid = build(spec)
        out = os.path.join(ROOT, "samples-pending" if any(name.startswith(p) for p in pend) else "samples")
        for d in ("samples", "samples-pending"):
            clean(name, os.path.join(ROOT, d), exts=(".pdf", ".truth.json", ".grid.json"))
        emit(out, name, pdf, truth, grid)


if __name__ == "__main__":
    main()
