"""Form templates: the cells each layout prints. National 财预〔2020〕10号
(9 columns) and Shanghai (8 columns), the configurable variant tables
(table, table8, table4, table6), department forms, text dumps, and the
HTML pages of the template families; fund-row arithmetic."""
from decimal import Decimal as D
from decimal import ROUND_DOWN
from decimal import ROUND_HALF_UP
import html
from samplegen.truth import D, dev_parts, family_place as place, grade_of, num
from samplegen.layout import Cell, Table


def trunc2(x):
    return x.quantize(D("0.01"), rounding=ROUND_DOWN)


def round2(x):
    return x.quantize(D("0.01"), rounding=ROUND_HALF_UP)


def fmt(x, sep=False, pct=False):
    s = f"{x:,.2f}" if sep else f"{x:.2f}"
    return s + ("%" if pct else "")


def fund_rows(rows, weight, *, sep=False, pct=False, wfmt=lambda w: f"{w}", sub_weight="—",
              sub_score="—", sub_rate=True, zero_rate="—"):
    """rows: [(label, category, initial, annual, executed)] with Decimal
    amounts (None -> printed as '-').  Row 0 is the total and carries the
    weight.  Returns the printed fund dicts and the fund score."""
    out = []
    score_total = None
    for i, (label, cat, ini, ann, exe) in enumerate(rows):
        amt = lambda v: "-" if v is None else fmt(v, sep)
        if ann and exe is not None:
            rate = trunc2(exe / ann * 100)
            rate_s = fmt(rate, pct=pct)
        else:
            rate = None
            rate_s = zero_rate
        if i == 0:
            exact = min(rate, D(100)) * D(weight) / 100
            assert exact.quantize(D("0.001")) != exact.quantize(D("0.01")) + D("0.005"), ("rounding tie", label, exact)
            score = round2(exact)
            score_total = score
            w_s, sc_s = wfmt(weight), fmt(score)
        else:
            w_s, sc_s = sub_weight, sub_score
            if not sub_rate:
                rate_s = "—"
        out.append(dict(label=label, category=cat, init=amt(ini), annual=amt(ann), executed=amt(exe),
                        weight=w_s, rate=rate_s, score=sc_s))
    return out, score_total


def _merge_runs(keys):
    """consecutive equal keys -> [(start, length)]"""
    runs = []
    for i, k in enumerate(keys):
        if runs and keys[runs[-1][0]] == k:
            runs[-1][1] += 1
        else:
            runs.append([i, 1])
    return runs


def _indicator_cells(cells, r0, c0, inds, col_l1, col_l2):
    """level1/level2 merged over consecutive equal values."""
    for s, n in _merge_runs([i[0] for i in inds]):
        cells.append(Cell(r0 + s, col_l1, inds[s][0], rowspan=n))
    for s, n in _merge_runs([(i[0], i[1]) for i in inds]):
        cells.append(Cell(r0 + s, col_l2, inds[s][1], rowspan=n))


def _fund_and_goal_rows(C, f, col, label, align, spans):
    """The fund rows from row 3 (label cell at column 1 with `label`, the six
    values from `col`, aligned by align(key)), then the two goal rows
    (预期目标 / 实际完成情况 over spans columns) after them. -> the next row"""
    for i, fr in enumerate(f["funds"]):
        r = 3 + i
        C.append(Cell(r, 1, fr["label"], **label))
        for k, key in enumerate(["init", "annual", "executed", "weight", "rate", "score"]):
            C.append(Cell(r, col + k, fr[key], align=align(key)))
    r = 3 + len(f["funds"])
    e, a = spans
    C += [Cell(r, 0, "年度总体目标", rowspan=2), Cell(r, 1, "预期目标", colspan=e),
          Cell(r, 1 + e, "实际完成情况", colspan=a),
          Cell(r + 1, 1, f["goals"][0], colspan=e, align="l"),
          Cell(r + 1, 1 + e, f["goals"][1], colspan=a, align="l")]
    return r + 2


def national_table(f):
    """财预〔2020〕10号 项目支出绩效自评表, 9 columns."""
    cw = [38, 52, 58, 100, 62, 62, 36, 40, 67]
    C = []
    C += [Cell(0, 0, "项目名称", colspan=2), Cell(0, 2, f["project_name"], colspan=7, align="l")]
    C += [Cell(1, 0, "主管部门", colspan=2), Cell(1, 2, f["department"], colspan=3, align="l"),
          Cell(1, 5, "实施单位"), Cell(1, 6, f["implementer"], colspan=3, align="l")]
    nf = len(f["funds"])
    C += [Cell(2, 0, f.get("fund_head", "项目资金（万元）"), rowspan=1 + nf), Cell(2, 1, "", colspan=2)]
    for k, hd in enumerate(["年初预算数", "全年预算数（A）", "全年执行数（B）", "分值", "执行率（B/A）", "得分"]):
        C.append(Cell(2, 3 + k, hd))
    h = _fund_and_goal_rows(C, f, 3, dict(colspan=2, align="l"),
                            lambda key: "c" if key in ("weight", "score") else "r", (4, 4))
    inds = f["indicators"]
    C.append(Cell(h, 0, "绩效指标", rowspan=1 + len(inds)))
    for k, hd in enumerate(["一级指标", "二级指标", "三级指标", "年度指标值（A）", "实际完成值（B）",
                            "分值", "得分", "偏差原因分析及改进措施"]):
        C.append(Cell(h, 1 + k, hd))
    _indicator_cells(C, h + 1, 0, inds, 1, 2)
    for i, (l1, l2, name, tgt, act, w, sc, dev) in enumerate(inds):
        r = h + 1 + i
        C += [Cell(r, 3, name, align="l"), Cell(r, 4, tgt), Cell(r, 5, act), Cell(r, 6, w),
              Cell(r, 7, sc), Cell(r, 8, dev, align="l")]
    t = h + 1 + len(inds)
    C += [Cell(t, 0, "总分", colspan=6), Cell(t, 6, f["total_weight"]), Cell(t, 7, f["total_score"]),
          Cell(t, 8, "")]
    return Table(cw, C)


def shanghai_table(f):
    """The Shanghai 财政项目支出绩效自评表 layout of the corpus, 8 columns."""
    cw = [36, 50, 95, 75, 75, 45, 45, 94]
    C = []
    C += [Cell(0, 0, "项目名称", colspan=2), Cell(0, 2, f["project_name"], colspan=6)]
    C += [Cell(1, 0, "主管部门", colspan=2), Cell(1, 2, f["department"], colspan=2),
          Cell(1, 4, "实施单位"), Cell(1, 5, f["implementer"], colspan=3)]
    nf = len(f["funds"])
    C += [Cell(2, 0, "项目资金(万元)", rowspan=1 + nf), Cell(2, 1, "")]
    for k, hd in enumerate(["年初预算数", "全年预算数", "全年执行数", "分值", "执行率(%)", "得分"]):
        C.append(Cell(2, 2 + k, hd))
    h = _fund_and_goal_rows(C, f, 2, {}, lambda key: "c", (3, 4))
    for k, hd in enumerate(["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
                            "偏差原因分析及改进措施"]):
        C.append(Cell(h, k, hd))
    inds = f["indicators"]
    _indicator_cells(C, h + 1, 0, inds, 0, 1)
    for i, (l1, l2, name, tgt, act, w, sc, dev) in enumerate(inds):
        r = h + 1 + i
        C += [Cell(r, 2, name), Cell(r, 3, tgt), Cell(r, 4, act), Cell(r, 5, w), Cell(r, 6, sc),
              Cell(r, 7, dev, align="l")]
    t = h + 1 + len(inds)
    C += [Cell(t, 0, "总分", colspan=5), Cell(t, 5, f["total_weight"]), Cell(t, 6, f["total_score"]),
          Cell(t, 7, "")]
    if f.get("grade") is not None:
        C += [Cell(t + 1, 0, "评分等级", colspan=2), Cell(t + 1, 2, f["grade"], colspan=6)]
    return Table(cw, C)


FUND_HEAD = {"init": "年初预算数", "annual": "全年预算数", "executed": "全年执行数",
             "weight": "分值", "rate": "执行率", "score": "得分"}


IND_HEAD = {"name": "三级指标", "tgt": "年度指标值", "act": "实际完成值", "w": "分值", "sc": "得分",
            "dev": "偏差原因分析及改进措施"}


IND_IDX = {"name": 2, "tgt": 3, "act": 4, "w": 5, "sc": 6, "dev": 7}


def funds(rows, weight, *, rate_fmt="{:.2f}", amt_fmt="{:.2f}", wfmt=str, sub="—", zero_rate="—"):
    """rows: [(label, category, initial, annual, executed)]; rate_fmt and
    amt_fmt: format strings ("{:.2f}%", "{:,.2f}") or functions; returns
    (printed fund dicts, fund score Decimal)."""
    rate_fmt = rate_fmt.format if isinstance(rate_fmt, str) else rate_fmt
    amt_fmt = amt_fmt.format if isinstance(amt_fmt, str) else amt_fmt
    out = []
    fs = None
    for i, (label, cat, ini, ann, exe) in enumerate(rows):
        amt = lambda v: "—" if v is None else amt_fmt(v)
        if ann and exe is not None:
            rate = trunc2(exe / ann * 100)
            rate_s = rate_fmt(rate)
        else:
            rate_s = zero_rate
        if i == 0:
            exact = min(rate, D(100)) * D(weight) / 100
            assert exact.quantize(D("0.001")) != exact.quantize(D("0.01")) + D("0.005"), ("tie", exact)
            fs = round2(exact)
            w_s, sc_s = wfmt(weight), f"{fs:.2f}"
        else:
            w_s, sc_s = sub, sub
        out.append(dict(label=label, category=cat, init=amt(ini), annual=amt(ann), executed=amt(exe),
                        weight=w_s, rate=rate_s, score=sc_s))
    return out, fs


def pct_trim(r):
    """96.50 -> '96.5%', 100.00 -> '100%'"""
    s = f"{r:.2f}".rstrip("0").rstrip(".")
    return s + "%"


def partial(act, tgt, w, op=">="):
    """the usual rule for a missed target, rounded half-up to 2 places"""
    a, t, w = D(act), D(tgt), D(w)
    return f"{round2((a / t if op == '>=' else t / a) * w):.2f}".rstrip("0").rstrip(".")


def total_of_v(fs, inds):
    s = fs + sum(D(i[6]) for i in inds)
    return f"{s:.2f}"


def table(f):
    cw = f.get("widths", [38, 52, 58, 100, 62, 62, 36, 40, 67])
    assert len(cw) == 9
    C = []
    r = 0
    hdr = f.get("header", "national")
    if hdr == "national":
        C += [Cell(0, 0, "项目名称", colspan=2), Cell(0, 2, f["project_name"], colspan=7, align="l")]
        C += [Cell(1, 0, "主管部门", colspan=2), Cell(1, 2, f["department"], colspan=3, align="l"),
              Cell(1, 5, "实施单位"), Cell(1, 6, f["implementer"], colspan=3, align="l")]
        r = 2
    elif hdr == "rows":
        for lab, val in [("项目名称", f["project_name"]), ("项目编码", f["code"]),
                         ("主管部门", f["department"]), ("实施单位", f["implementer"])]:
            C += [Cell(r, 0, lab, colspan=2), Cell(r, 2, val, colspan=7, align="l")]
            r += 1
        C += [Cell(r, 0, "项目负责人", colspan=2), Cell(r, 2, f["leader"], colspan=3, align="l"),
              Cell(r, 5, "联系电话"), Cell(r, 6, f["phone"], colspan=3, align="l")]
        r += 1
    # ---- funds
    fc = f["fund_cols"]
    heads = f.get("fund_heads", {})
    nf = len(f["funds"])
    lab_span = 9 - 1 - len(fc)
    c0 = 1 + lab_span
    C += [Cell(r, 0, f.get("fund_head", "项目资金（万元）"), rowspan=1 + nf), Cell(r, 1, "", colspan=lab_span)]
    for k, key in enumerate(fc):
        C.append(Cell(r, c0 + k, heads.get(key, FUND_HEAD[key])))
    for i, fr in enumerate(f["funds"]):
        C.append(Cell(r + 1 + i, 1, fr["label"], colspan=lab_span, align="l"))
        for k, key in enumerate(fc):
            C.append(Cell(r + 1 + i, c0 + k, fr[key], align="c" if key in ("weight", "score") else "r"))
    r += 1 + nf
    # ---- goals
    g = f.get("goal_layout", "cols")
    exp, ach = f["goals"]
    if g == "cols":
        C += [Cell(r, 0, "年度总体目标", rowspan=2), Cell(r, 1, "预期目标", colspan=4),
              Cell(r, 5, "实际完成情况", colspan=4),
              Cell(r + 1, 1, exp, colspan=4, align="l"), Cell(r + 1, 5, ach, colspan=4, align="l")]
        r += 2
    elif g == "merged":
        C += [Cell(r, 0, "年度总体目标"), Cell(r, 1, exp, colspan=8, align="l")]
        r += 1
    elif g == "rows":
        C += [Cell(r, 0, "年度总体目标", rowspan=2), Cell(r, 1, "预期目标", colspan=2),
              Cell(r, 3, exp, colspan=6, align="l"),
              Cell(r + 1, 1, "实际完成情况", colspan=2), Cell(r + 1, 3, ach, colspan=6, align="l")]
        r += 2
    # ---- indicators
    order = f.get("ind_order", ["name", "tgt", "act", "w", "sc", "dev"])
    inds = f["indicators"]
    C.append(Cell(r, 0, "绩效指标", rowspan=1 + len(inds)))
    for k, hd in enumerate(["一级指标", "二级指标"] + [f.get("ind_heads", {}).get(x, IND_HEAD[x]) for x in order]):
        C.append(Cell(r, 1 + k, hd))
    _indicator_cells(C, r + 1, 0, inds, 1, 2)
    for i, ind in enumerate(inds):
        for k, key in enumerate(order):
            C.append(Cell(r + 1 + i, 3 + k, ind[IND_IDX[key]], align="l" if key in ("name", "dev") else "c"))
    r += 1 + len(inds)
    # ---- total / grade
    cw_, cs_ = 3 + order.index("w"), 3 + order.index("sc")
    tot = f.get("total_layout", "row")
    if tot in ("row", "same_row"):
        assert cs_ == cw_ + 1
        C += [Cell(r, 0, "总分", colspan=cw_), Cell(r, cw_, f["total_weight"]), Cell(r, cs_, f["total_score"])]
        rest = 9 - cs_ - 1
        if rest:
            last = f"{f['grade_label']}：{f['grade']}" if tot == "same_row" else ""
            C.append(Cell(r, cs_ + 1, last, colspan=rest))
        r += 1
        if tot == "row" and f.get("grade") and f.get("grade_label"):
            C += [Cell(r, 0, f["grade_label"], colspan=3), Cell(r, 3, f["grade"], colspan=6)]
            r += 1
    elif tot == "row_split":   # 总分 | w | grade label | grade | score...  (w and sc columns not adjacent)
        C += [Cell(r, 0, "总分", colspan=cw_), Cell(r, cw_, f["total_weight"])]
        mid = cs_ - cw_ - 1
        if mid:
            C.append(Cell(r, cw_ + 1, "", colspan=mid))
        C.append(Cell(r, cs_, f["total_score"]))
        if cs_ < 8:
            C.append(Cell(r, cs_ + 1, "", colspan=8 - cs_))
        r += 1
        if f.get("grade"):
            C += [Cell(r, 0, f["grade_label"], colspan=3), Cell(r, 3, f["grade"], colspan=6)]
            r += 1
    return Table(cw, C)


def table_of(f):
    return national_table(f) if f["template"] == "national" else shanghai_table(f)


def family_text_dump(fam):
    cells, n_rows, n_cols = place(fam["rows"])
    grid = [[""] * n_cols for _ in range(n_rows)]
    for r, c, _, _, text in cells:
        grid[r][c] = text
    lines = fam["head"] + ["\t".join(row) for row in grid] + fam["foot"]
    return "\n".join(lines) + "\n"


FAMILY_CSS = ("@page { size: A4 landscape; margin: 12mm; }"
       "body { font-family: 'WenQuanYi Micro Hei'; font-size: 10pt; }"
       "h3 { text-align: center; margin: 4px; } p { margin: 2px; }"
       "table { border-collapse: collapse; width: 100%; }"
       "td { border: 1px solid #000; padding: 3px 4px; text-align: center; }")


def family_html_page(fam):
    out = [f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{fam['name']}</title>"
           f"<style>{FAMILY_CSS}</style></head><body>"]
    out.append(f"<h3>{html.escape(fam['head'][0])}</h3>")
    out += [f"<p>{html.escape(line)}</p>" for line in fam["head"][1:]]
    out.append("<table>")
    for row in fam["rows"]:
        tds = "".join(
            f"<td{f' colspan={cs}' if cs > 1 else ''}{f' rowspan={rs}' if rs > 1 else ''}>"
            f"{html.escape(text)}</td>" for text, cs, rs in row)
        out.append(f"<tr>{tds}</tr>")
    out.append("</table>")
    out += [f"<p>{html.escape(line)}</p>" for line in fam["foot"]]
    out.append("</body></html>\n")
    return "\n".join(out)


NT = "项目支出绩效自评表"


def form_v(**kw):
    f = dict(title_truth=NT, fund_unit="万元", total_weight="100", grade=None)
    f.update(kw)
    return f


DT = "部门整体支出绩效自评表"


def total_of(fs, inds):
    return f"{fs + sum(num(i[6]) or 0 for i in inds):.2f}"


def dept_table(f):
    """部门整体: a 部门（单位）名称 row instead of 项目名称 / 主管部门 / 实施单位."""
    t = table(dict(f, header="none"))
    cells = [Cell(c.row + 1, c.col, c.text, c.rowspan, c.colspan, c.align) for c in t.cells]
    cells += [Cell(0, 0, "部门（单位）名称", colspan=2), Cell(0, 2, f["department"], colspan=7, align="l")]
    return Table(t.col_widths, cells)


def heading_row(label):
    return dict(label=label, category=None, init="", annual="", executed="", weight="", rate="", score="",
                heading=True)


# ------------------------------------------------------------------ 07 (text dump of 01)
def txt_dump(f, t, title, year_line):
    """Tab-separated rows like a copy from a PDF viewer: each grid row one
    line, a merged cell's text in its first row/column, the other cells
    empty.  Returns the list of lines (cells lists)."""
    grid = {}
    for c in t.cells:
        for r in range(c.row, c.row + c.rowspan):
            for k in range(c.col, c.col + c.colspan):
                grid[(r, k)] = ""
        grid[(c.row, c.col)] = c.text.replace("\n", "")
    return [[grid[(r, k)] for k in range(t.n_cols)] for r in range(t.n_rows)]


ALLCOLS = ["init", "annual", "executed", "weight", "rate", "score"]


W8 = [50, 58, 100, 70, 66, 36, 40, 95]


# ------------------------------------------------------------------ 8-column tables
def table8(f):
    """Shanghai-like 8 columns (一级 | 二级 | 三级 | 指标值 | 完成值 | 分值 | 得分 | 偏差)
    with header / fund head / indicator head variants."""
    C = []
    r = 0
    hdr = f.get("header", "national8")
    if hdr == "national8":
        C += [Cell(0, 0, "项目名称", colspan=2), Cell(0, 2, f["project_name"], colspan=6, align="l"),
              Cell(1, 0, "主管部门", colspan=2), Cell(1, 2, f["department"], colspan=2, align="l"),
              Cell(1, 4, "实施单位"), Cell(1, 5, f["implementer"], colspan=3, align="l")]
    elif hdr == "dept_only":     # no 实施单位 at all
        C += [Cell(0, 0, "项目名称", colspan=2), Cell(0, 2, f["project_name"], colspan=6, align="l"),
              Cell(1, 0, "主管部门", colspan=2), Cell(1, 2, f["department"], colspan=6, align="l")]
    elif hdr == "wide3":         # labels one column wide, values 7 / 3 / 3 columns
        C += [Cell(0, 0, "项目名称"), Cell(0, 1, f["project_name"], colspan=7, align="l"),
              Cell(1, 0, "主管部门"), Cell(1, 1, f["department"], colspan=3, align="l"),
              Cell(1, 4, "实施单位"), Cell(1, 5, f["implementer"], colspan=3, align="l")]
    r = 2
    # funds
    fh = f.get("fund_layout", "inline")
    heads = {"init": "年初预算数", "annual": "全年预算数", "executed": "全年执行数", "weight": "分值",
             "rate": "执行率", "score": "得分"}
    if fh == "tworow":
        C.append(Cell(r, 0, f.get("fund_head", "项目资金（万元）"), colspan=8))
        r += 1
        C.append(Cell(r, 0, "", colspan=2))
    else:
        C.append(Cell(r, 0, f.get("fund_head", "项目资金（万元）"), colspan=2))
    for k, key in enumerate(ALLCOLS):
        C.append(Cell(r, 2 + k, heads[key]))
    r += 1
    for fr in f["funds"]:
        C.append(Cell(r, 0, fr["label"], colspan=2, align="l"))
        for k, key in enumerate(ALLCOLS):
            C.append(Cell(r, 2 + k, fr[key], align="c" if key in ("weight", "score") else "r"))
        r += 1
    # goals
    exp, ach = f["goals"]
    C += [Cell(r, 0, "年度总体目标", rowspan=2), Cell(r, 1, "预期目标", colspan=3),
          Cell(r, 4, "实际完成情况", colspan=4),
          Cell(r + 1, 1, exp, colspan=3, align="l"), Cell(r + 1, 4, ach, colspan=4, align="l")]
    r += 2
    # indicators
    f["_ind_head_row"] = r
    if f.get("ind_head", "one") == "tworow":
        C.append(Cell(r, 0, "绩效指标", colspan=3))
        for k, hd in enumerate(["年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]):
            C.append(Cell(r, 3 + k, hd, rowspan=2))
        for k, hd in enumerate(["一级指标", "二级指标", "三级指标"]):
            C.append(Cell(r + 1, k, hd))
        r += 2
    else:
        for k, hd in enumerate(["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
                                "偏差原因分析及改进措施"]):
            C.append(Cell(r, k, hd))
        r += 1
    inds = f["indicators"]
    _indicator_cells(C, r, 0, inds, 0, 1)
    for i, ind in enumerate(inds):
        for k in range(2, 8):
            C.append(Cell(r + i, k, ind[k], align="l" if k in (2, 7) else "c"))
    r += len(inds)
    f["_total_row"] = r
    C += [Cell(r, 0, "总分", colspan=5), Cell(r, 5, f["total_weight"]), Cell(r, 6, f["total_score"]),
          Cell(r, 7, "")]
    r += 1
    if f.get("grade"):
        C += [Cell(r, 0, f["grade_label"], colspan=5), Cell(r, 5, f["grade"], colspan=3)]
    return Table(f.get("widths", W8), C)


def heads_for(year=2023, title=NT):
    return [(title, 16, "c"), (f"（{year}年度）", 11, "c")]


IND_HEAD4 = {"l1": "一级指标", "l2": "二级指标", "name": "三级指标", "tgt": "年度指标值", "act": "实际完成值",
            "w": "分值", "sc": "得分", "dev": "偏差原因分析及改进措施", "devr": "偏差原因", "devm": "改进措施"}


IND_IDX4 = {"l1": 0, "l2": 1, "name": 2, "tgt": 3, "act": 4, "w": 5, "sc": 6}


IND8 = ["l1", "l2", "name", "tgt", "act", "w", "sc", "dev"]


WNAT = [38, 52, 58, 100, 62, 62, 36, 40, 67]


# ------------------------------------------------------------------ form data helpers
def mkform(name, dept, impl, rows, weight, inds, goals, *, rate_fmt=None, amt_fmt=None, **kw):
    fkw = {}
    if rate_fmt:
        fkw["rate_fmt"] = rate_fmt
    if amt_fmt:
        fkw["amt_fmt"] = amt_fmt
    fl, fs = funds(rows, weight, **fkw)
    tot = sum((D(i[6]) for i in inds), fs)
    f = dict(title_truth=NT, year=2023, fund_unit="万元", project_name=name, department=dept, implementer=impl,
             funds=fl, fund_score=fs, fund_blocks=[list(range(1, len(rows)))] if len(rows) > 1 else [],
             goals=goals, indicators=inds, total_weight="100", total_score=f"{tot:.2f}", grade=grade_of(tot),
             fund_cols=ALLCOLS, national=True, widths=WNAT, ind_cols=IND8, goal_layout="cols",
             fund_head="项目资金（万元）")
    f["header_rows"] = NAT_HEADER
    f["tail"] = dict(total="总分", after="grade")
    f.update(kw)
    return f


# A form's header_rows: rows of cells (text, span[, align]); a text "{key}" is the
# form's f[key], a span <= 0 is the table's width plus it (0: the whole row).
NAT_HEADER = [[("项目名称", 2), ("{project_name}", -2, "l")],
              [("主管部门", 2), ("{department}", 3, "l"), ("实施单位", 1), ("{implementer}", -6, "l")]]
GRADE_ROWS = [[("评分等级", 3), ("{grade}", -3)]]


def spec_rows(rows, f, n):
    """header_rows-style rows of a form: placeholders filled, spans made absolute"""
    out = []
    for row in rows:
        cells = []
        for text, span, *align in row:
            if isinstance(text, str) and len(text) > 2 and text[0] == "{" and text[-1] == "}":
                text = f[text[1:-1]]
            cells.append((text, span if span > 0 else n + span, *align))
        out.append(cells)
    return out


def tail_rows(f, pos, n):
    """tail = {"total": label, "after": rows or "grade"} (None: no total row):
    label | weight | score | (rest empty), then the rows after it ("grade":
    GRADE_ROWS when the form has a grade)"""
    tail = f["tail"]
    if not tail:
        return []
    w, sc = pos["w"], pos["sc"]
    assert sc == w + 1
    out = [[(tail["total"], w), (f["total_weight"], 1), (f["total_score"], 1)] + ([("", n - sc - 1)] if n - sc - 1 else [])]
    after = tail.get("after", [])
    if after == "grade":
        after = GRADE_ROWS if f.get("grade") else []
    return out + spec_rows(after, f, n)


# ------------------------------------------------------------------ the table
def table4(f):
    cw = f["widths"]
    n = len(cw)
    nat = f["national"]
    C = []
    r = 0

    def put_row(row):
        nonlocal r
        c = 0
        for item in row:
            text, span = item[0], item[1]
            al = item[2] if len(item) > 2 else "c"
            C.append(Cell(r, c, text, colspan=span, align=al))
            c += span
        assert c == n, (row, c, n)
        r += 1

    for row in spec_rows(f["header_rows"], f, n):
        put_row(row)
    # ---- funds
    fc = f["fund_cols"]
    k = len(fc)
    heads = dict(FUND_HEAD, **f.get("fund_heads", {}))
    nf = len(f["funds"])
    wrow = 1 if f.get("fund_weight_row") else 0
    if nat:
        lab_span = n - 1 - k
        C.append(Cell(r, 0, f["fund_head"], rowspan=1 + nf + wrow))
        C.append(Cell(r, 1, f.get("fund_label_head", ""), colspan=lab_span))
        lc = 1
    else:
        lab_span = n - k
        C.append(Cell(r, 0, f["fund_head"], colspan=lab_span))
        lc = 0
    c0 = lc + lab_span
    for j, key in enumerate(fc):
        C.append(Cell(r, c0 + j, heads[key]))
    r += 1
    for fr in f["funds"]:
        C.append(Cell(r, lc, fr["label"], colspan=lab_span, align="l"))
        for j, key in enumerate(fc):
            C.append(Cell(r, c0 + j, fr[key], align="c" if key in ("weight", "score") else "r"))
        r += 1
    if wrow:
        C += [Cell(r, lc, f.get("fund_weight_label", "分值"), colspan=lab_span), Cell(r, c0, f["funds"][0]["weight"],
                                                                                     colspan=k)]
        r += 1
    # ---- goals
    gl = f["goal_layout"]
    g = f["goals"]
    a = f.get("goal_split", (n - 1) // 2)
    if gl == "cols":
        C += [Cell(r, 0, "年度总体目标", rowspan=2), Cell(r, 1, "预期目标", colspan=a),
              Cell(r, 1 + a, "实际完成情况", colspan=n - 1 - a),
              Cell(r + 1, 1, g[0], colspan=a, align="l"), Cell(r + 1, 1 + a, g[1], colspan=n - 1 - a, align="l")]
        r += 2
    elif gl == "merged":
        C += [Cell(r, 0, "年度总体目标"), Cell(r, 1, g[0], colspan=n - 1, align="l")]
        r += 1
    elif gl == "multirow":
        C += [Cell(r, 0, "年度总体目标", rowspan=1 + len(g)), Cell(r, 1, "预期目标", colspan=a),
              Cell(r, 1 + a, "实际完成情况", colspan=n - 1 - a)]
        for i, (e, ac) in enumerate(g):
            C += [Cell(r + 1 + i, 1, e, colspan=a, align="l"), Cell(r + 1 + i, 1 + a, ac, colspan=n - 1 - a, align="l")]
        r += 1 + len(g)
    # ---- indicators
    cols = f["ind_cols"]
    ih = dict(IND_HEAD4, **f.get("ind_heads", {}))
    inds = f["indicators"]
    base = 1 if nat else 0
    assert base + len(cols) == n
    if nat:
        C.append(Cell(r, 0, "绩效指标", rowspan=1 + len(inds)))
    for j, key in enumerate(cols):
        C.append(Cell(r, base + j, ih[key]))
    f["_ind_head_row"] = r
    r += 1
    if "l2" in cols:
        _indicator_cells(C, r, 0, inds, base + cols.index("l1"), base + cols.index("l2"))
    else:   # a template without a 二级 column (round 6): 一级 merged over its rows
        from samplegen.templates import _merge_runs
        for s_, n_ in _merge_runs([i[0] for i in inds]):
            C.append(Cell(r + s_, base + cols.index("l1"), inds[s_][0], rowspan=n_))
    for i, ind in enumerate(inds):
        rp = dev_parts(ind[7])
        for j, key in enumerate(cols):
            if key in ("l1", "l2"):
                continue
            text = {"dev": lambda: "\n".join(x for x in rp if x), "devr": lambda: rp[0],
                    "devm": lambda: rp[1]}.get(key, lambda: ind[IND_IDX4[key]])()
            C.append(Cell(r + i, base + j, text, align="l" if key in ("name", "dev", "devr", "devm") else "c"))
    r += len(inds)
    f["_total_row"] = r
    pos = {"w": base + cols.index("w"), "sc": base + cols.index("sc")}
    for row in tail_rows(f, pos, n):
        put_row(row)
    return Table(cw, C)


def insert_tasks(t, f):
    """the 年度主要任务 block (任务名称 | 主要内容 | 预算数 | 执行数) right above 年度总体目标"""
    tasks = f.get("tasks")
    if not tasks:
        return t
    g = next(c.row for c in t.cells if c.text == "年度总体目标")
    k = 1 + len(tasks)
    cells = [Cell(c.row + k if c.row >= g else c.row, c.col, c.text, c.rowspan, c.colspan, c.align) for c in t.cells]
    n = t.n_cols
    assert n == 9
    cells += [Cell(g, 0, "年度主要任务", rowspan=k), Cell(g, 1, "任务名称", colspan=2), Cell(g, 3, "主要内容", colspan=3),
              Cell(g, 6, "预算数", colspan=2), Cell(g, 8, "执行数")]
    for i, (name, what, bud, exe) in enumerate(tasks):
        r = g + 1 + i
        cells += [Cell(r, 1, name, colspan=2, align="l"), Cell(r, 3, what, colspan=3, align="l"),
                  Cell(r, 6, bud, colspan=2, align="r"), Cell(r, 8, exe, align="r")]
    return Table(t.col_widths, cells)


def table6(f):
    return insert_tasks(table4(f), f)


WSIDE = [30, 40, 44, 74, 46, 46, 28, 30, 52]


# ------------------------------------------------------------------ text dumps of whole files
def txt_forms(forms, make_table=None):
    """Forms one after another as tab-separated text (title (the first head's, or NT), year line, blank,
    then txt_dump's rows), a blank line between forms; table4 by default."""
    lines = []
    for i, f in enumerate(forms):
        t = (make_table or table4)(f)
        if i:
            lines.append("")
        title = f["heads"][0][0] if f.get("heads") else NT
        lines += [title, f"（{f['year']}年度）", ""]
        lines += ["\t".join(c) for c in txt_dump(f, t, title, "")]
    return "\n".join(lines) + "\n"


def txt_collapsed(f, spaced, trailing_every=3):
    """The form exported by another tool: UTF-8 BOM, CRLF, only real cells
    written (merged continuations left out), so an empty cell shows as two
    consecutive tabs; two trailing spaces on every row r with r %
    trailing_every == 1; labels replaced by their `spaced` spellings."""
    t = table(f)
    rows = {}
    for c in sorted(t.cells, key=lambda c: (c.row, c.col)):
        rows.setdefault(c.row, []).append(c.text.replace("\n", ""))
    lines = [NT, f"（{f['year']}年度）", ""]
    for r in sorted(rows):
        ln = "\t".join(spaced.get(x, x) for x in rows[r])
        if r % trailing_every == 1:
            ln += "  "
        lines.append(ln)
    txt = "\ufeff" + "\r\n".join(lines) + "\r\n"
    assert "\t\t" in txt
    return txt


def txt_edited(f, year_line, shift_left=(), shift_right=None, cut=None, blank_before=None):
    """txt_dump of the form's table with a copy's defects: rows in shift_left
    lose their (empty) first cell, shift_right = (row, text of its cell 2)
    gets an extra empty cell in front, cut = {row, col, keep, rest}: that
    cell printed as keep, then a blank line and a row holding only rest (a
    label cut by a page break); a blank line before row blank_before."""
    t = table(f)
    rows = txt_dump(f, t, NT, year_line)
    for r in shift_left:
        assert rows[r][0] == "" and rows[r][1] == ""
        rows[r] = rows[r][1:]
    if shift_right:
        r, text = shift_right
        assert rows[r][2] == text, rows[r]
        rows[r] = [""] + rows[r]
    if cut:
        cells = rows[cut["row"]]
        assert cells[cut["col"]] == cut["keep"] + cut["rest"], cells
        width = len(cells)
        cells[cut["col"]] = cut["keep"]
    lines = [NT, year_line, ""]
    for r, cells in enumerate(rows):
        if r == blank_before:
            lines.append("")
        lines.append("\t".join(cells))
        if cut and r == cut["row"]:
            lines.append("")
            lines.append("\t".join([""] * cut["col"] + [cut["rest"]] + [""] * (width - cut["col"] - 1)))
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------ round 7: dumps as a PDF text copy prints them
FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def fullwidth_digits(f):
    """The form with every digit it prints in an amount, rate, weight, score,
    target, actual, goal or total written full-width (８６.５２): the strings
    written, so the truth is read from them too."""
    w = lambda s: s.translate(FULLWIDTH)
    return dict(f, funds=[{k: (w(v) if k in ALLCOLS else v) for k, v in fr.items()} for fr in f["funds"]],
                indicators=[i[:3] + tuple(w(x) for x in i[3:7]) + i[7:] for i in f["indicators"]],
                goals=tuple(w(g) for g in f["goals"]), total_weight=w(f["total_weight"]),
                total_score=w(f["total_score"]))


def rows7(f, merged="top"):
    """A form's rows as a text copy of its PDF prints them: a cell of span k
    is its text and k-1 empty cells; a label merged over several rows (the
    fund head, the goal label, 绩效指标, runs of equal 一级/二级 labels) sits
    in the first row it spans, or in the last (merged="bottom": exports that
    bottom-align merged cells). A row is as wide as its spans add up to, so
    rows may differ in width (as the copy gives them). The layout is the
    form's: header_rows (spec_rows), fund_head / fund_heads / fund_pad
    (empty cells after the fund values), goal_label / goal_heads / goal_spans,
    ind_label (a first column over the indicator block, or None) /
    ind_heads, tail (tail_rows)."""
    assert merged in ("top", "bottom")
    rows = []
    base = 1 if f.get("ind_label") else 0
    n = base + len(f["ind_heads"])

    def put(cells):
        out = []
        for text, span, *_ in cells:
            out += [text] + [""] * (span - 1)
        rows.append(out)

    def label(col, first, count, text):
        r = first + (count - 1 if merged == "bottom" else 0)
        assert rows[r][col] == "", (rows[r], col)
        rows[r][col] = text

    for row in spec_rows(f["header_rows"], f, n):
        put(row)
    pad = [("", f["fund_pad"])] if f.get("fund_pad") else []
    r0 = len(rows)
    put([("", 1), ("", 1)] + [(h, 1) for h in f["fund_heads"]] + pad)
    for fr in f["funds"]:
        put([("", 1), (fr["label"], 1)] + [(fr[k], 1) for k in ALLCOLS] + pad)
    label(0, r0, 1 + len(f["funds"]), f["fund_head"])
    r0 = len(rows)
    put([("", 1)] + list(f["goal_heads"]))
    (e, a), (exp, ach) = f["goal_spans"], f["goals"]
    put([("", 1), (exp, e), (ach, a)])
    label(0, r0, 2, f["goal_label"])
    r0 = len(rows)
    inds = f["indicators"]
    put([("", 1)] * base + [(h, 1) for h in f["ind_heads"]])
    for ind in inds:
        put([("", 1)] * (base + 2) + [(x, 1) for x in ind[2:8]])
    if base:
        label(0, r0, 1 + len(inds), f["ind_label"])
    for s, k in _merge_runs([i[0] for i in inds]):
        label(base, r0 + 1 + s, k, inds[s][0])
    for s, k in _merge_runs([(i[0], i[1]) for i in inds]):
        label(base + 1, r0 + 1 + s, k, inds[s][1])
    for row in tail_rows(f, {"w": base + 5, "sc": base + 6}, n):
        put(row)
    return rows


def txt_copy(f, merged="top", cuts=(), new_page=None):
    """The text file of rows7(f): the form's head lines ("{title}", "{year}"
    filled), then one line per row, cells tab-separated, a blank line at the
    end. A cell holding a line break prints its lines as rows: the first in
    its row, the others in rows of their own under it (the other cells
    empty). cuts: a merged label cut by a page break, dict(text, keep,
    to_col): `keep` stays in its row, then a blank line and a row holding the
    rest alone in column to_col (where the next page's text lands).
    new_page = dict(before, lines): lines (filled like the head lines) printed
    above the row one of whose cells starts with `before` (a page break with
    the title repeated)."""
    fill = lambda s: s.format(title=f["title"], year=f["year"])
    grid = rows7(f, merged)
    blocks = []
    for row in grid:
        parts = [c.split("\n") for c in row]
        k = max(len(p) for p in parts)
        blocks.append([[p[j] if j < len(p) else "" for p in parts] for j in range(k)])
    for cut in cuts:
        at = [(r, c) for r, row in enumerate(grid) for c, x in enumerate(row) if x == cut["text"]]
        assert len(at) == 1, (cut, at)
        (r, c), keep = at[0], cut["keep"]
        assert cut["text"].startswith(keep) and len(blocks[r]) == 1, cut
        blocks[r][0][c] = keep
        rest = [""] * len(grid[r])
        rest[cut["to_col"]] = cut["text"][len(keep):]
        blocks[r] += [None, rest]
    if new_page:
        at = [r for r, row in enumerate(grid) if any(x.split("\n")[0] == new_page["before"] for x in row)]
        assert len(at) == 1, (new_page, at)
        blocks[at[0]][:0] = [fill(s) for s in new_page["lines"]]
    lines = [fill(s) for s in f["head_lines"]]
    for b in blocks:
        lines += ["" if x is None else x if isinstance(x, str) else "\t".join(x) for x in b]
    return "\n".join(lines + [""]) + "\n"
