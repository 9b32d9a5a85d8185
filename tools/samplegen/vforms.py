"""A configurable 9-column 绩效自评表 (national-style first column of block
labels) for the variant samples: header block layouts, fund column order
and subsets, goal layouts, indicator column order, total/grade rows.
Returns the Table and the truth record, both from the same strings."""
from decimal import Decimal as D, ROUND_DOWN, ROUND_HALF_UP

from layout import Cell, Table
from textnorm import normalise, parse_number, parse_value
from forms import _indicator_cells, _merge_runs  # noqa: F401

FUND_HEAD = {"init": "年初预算数", "annual": "全年预算数", "executed": "全年执行数",
             "weight": "分值", "rate": "执行率", "score": "得分"}
IND_HEAD = {"name": "三级指标", "tgt": "年度指标值", "act": "实际完成值", "w": "分值", "sc": "得分",
            "dev": "偏差原因分析及改进措施"}
IND_IDX = {"name": 2, "tgt": 3, "act": 4, "w": 5, "sc": 6, "dev": 7}


def trunc2(x):
    return x.quantize(D("0.01"), rounding=ROUND_DOWN)


def round2(x):
    return x.quantize(D("0.01"), rounding=ROUND_HALF_UP)


def funds(rows, weight, *, rate_fmt=lambda r: f"{r:.2f}", amt_fmt=lambda v: f"{v:.2f}",
          wfmt=str, sub="—", zero_rate="—"):
    """rows: [(label, category, initial, annual, executed)]; returns
    (printed fund dicts, fund score Decimal)."""
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


def check(f):
    fs = f["fund_score"]
    w = D(f["funds"][0]["weight"].rstrip("%")) + sum(D(i[5]) for i in f["indicators"])
    assert w == D(f["total_weight"]), (f["project_name"], w)
    s = fs + sum(D(i[6]) for i in f["indicators"])
    assert s == D(f["total_score"]), (f["project_name"], s, f["total_score"])
    for ind in f["indicators"]:
        assert D(ind[6]) <= D(ind[5])
        if D(ind[6]) < D(ind[5]):
            assert ind[7], ("deviation missing", ind)
    g = f.get("grade")
    if g:
        t = D(f["total_score"])
        assert g == ("优" if t >= 90 else "良" if t >= 80 else "中" if t >= 60 else "差"), (g, t)


def total_of(fs, inds):
    s = fs + sum(D(i[6]) for i in inds)
    return f"{s:.2f}"


def record(f):
    fl = []
    for fr in f["funds"]:
        fl.append({"label": normalise(fr["label"]).rstrip(":："), "category": fr["category"],
                   "initial_budget": parse_number(fr["init"]) if "init" in f["fund_cols"] else None,
                   "annual_budget": parse_number(fr["annual"]),
                   "executed": parse_number(fr["executed"]),
                   "weight": parse_number(fr["weight"]),
                   "execution_rate": parse_number(fr["rate"]),
                   "score": parse_number(fr["score"])})
    inds = []
    for l1, l2, name, tgt, act, w, sc, dev in f["indicators"]:
        inds.append({"level1": normalise(l1), "level2": normalise(l2), "name": normalise(name),
                     "target": parse_value(tgt), "actual": parse_value(act),
                     "weight": parse_number(w), "score": parse_number(sc),
                     "deviation": normalise(dev) or None})
    exp, ach = f["goals"]
    return {"schema_version": 1, "kind": "project", "title": f["title_truth"], "year": f["year"],
            "project_name": normalise(f["project_name"]), "department": normalise(f["department"]),
            "implementer": normalise(f["implementer"]), "fund_unit": f["fund_unit"], "funds": fl,
            "goals": {"expected": normalise(exp) or None, "achieved": normalise(ach) if ach else None},
            "indicators": inds, "total_weight": parse_number(f["total_weight"]),
            "total_score": parse_number(f["total_score"]), "grade": f.get("grade"), "checks": []}


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
