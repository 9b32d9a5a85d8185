"""Form templates -> (Table, truth record).  The truth is derived from the
very strings that are drawn."""
from decimal import Decimal, ROUND_HALF_UP, ROUND_DOWN
from layout import Cell, Table
from textnorm import normalise, parse_number, parse_value

D = Decimal


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


def check_form(f, fund_score):
    w = D(f["funds"][0]["weight"]) + sum(D(i[5]) for i in f["indicators"])
    assert w == D(f["total_weight"]), (f["project_name"], w)
    s = fund_score + sum(D(i[6]) for i in f["indicators"])
    if not f.get("deliberate_total_mismatch"):
        assert s == D(f["total_score"]), (f["project_name"], s, f["total_score"])
    for ind in f["indicators"]:
        if D(ind[6]) < D(ind[5]):
            assert ind[7], ("deviation missing", ind)


def _merge_runs(keys):
    """consecutive equal keys -> [(start, length)]"""
    runs = []
    for i, k in enumerate(keys):
        if runs and keys[runs[-1][0]] == k:
            runs[-1][1] += 1
        else:
            runs.append([i, 1])
    return runs


def record(f):
    funds = []
    for fr in f["funds"]:
        lab = normalise(fr["label"]).rstrip(":：")
        funds.append({"label": lab, "category": fr["category"],
                      "initial_budget": parse_number(fr["init"]),
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
    return {"schema_version": 1, "kind": "project", "title": normalise(f["title"]),
            "year": f["year"], "project_name": normalise(f["project_name"]),
            "department": normalise(f["department"]), "implementer": normalise(f["implementer"]),
            "fund_unit": f["fund_unit"], "funds": funds,
            "goals": {"expected": normalise(f["goals"][0]), "achieved": normalise(f["goals"][1])},
            "indicators": inds, "total_weight": parse_number(f["total_weight"]),
            "total_score": parse_number(f["total_score"]), "grade": f.get("grade"),
            "checks": []}


def _indicator_cells(cells, r0, c0, inds, col_l1, col_l2):
    """level1/level2 merged over consecutive equal values."""
    for s, n in _merge_runs([i[0] for i in inds]):
        cells.append(Cell(r0 + s, col_l1, inds[s][0], rowspan=n))
    for s, n in _merge_runs([(i[0], i[1]) for i in inds]):
        cells.append(Cell(r0 + s, col_l2, inds[s][1], rowspan=n))


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
    for i, fr in enumerate(f["funds"]):
        r = 3 + i
        C.append(Cell(r, 1, fr["label"], colspan=2, align="l"))
        for k, key in enumerate(["init", "annual", "executed", "weight", "rate", "score"]):
            C.append(Cell(r, 3 + k, fr[key], align="c" if key in ("weight", "score") else "r"))
    r = 3 + nf
    C += [Cell(r, 0, "年度总体目标", rowspan=2), Cell(r, 1, "预期目标", colspan=4),
          Cell(r, 5, "实际完成情况", colspan=4),
          Cell(r + 1, 1, f["goals"][0], colspan=4, align="l"),
          Cell(r + 1, 5, f["goals"][1], colspan=4, align="l")]
    h = r + 2
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
    for i, fr in enumerate(f["funds"]):
        r = 3 + i
        C.append(Cell(r, 1, fr["label"]))
        for k, key in enumerate(["init", "annual", "executed", "weight", "rate", "score"]):
            C.append(Cell(r, 2 + k, fr[key]))
    r = 3 + nf
    C += [Cell(r, 0, "年度总体目标", rowspan=2), Cell(r, 1, "预期目标", colspan=3),
          Cell(r, 4, "实际完成情况", colspan=4),
          Cell(r + 1, 1, f["goals"][0], colspan=3, align="l"),
          Cell(r + 1, 4, f["goals"][1], colspan=4, align="l")]
    h = r + 2
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
