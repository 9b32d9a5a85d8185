"""Truth: SCHEMA text normalisation and value parsers, the record builders
(one, `record`, for every template),
the consistency checks every consistent form must pass, and grid json.
Everything is derived from the strings drawn, never from jixiao."""
from decimal import Decimal
from decimal import Decimal as D
import hashlib
import json
import re


def is_cjk(ch):
    o = ord(ch)
    return (0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF
            or 0x20000 <= o <= 0x2FFFF or 0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFFEF)


_WS = re.compile(r"\s+")


def normalise(s):
    out = []
    pos = 0
    for m in _WS.finditer(s):
        out.append(s[pos:m.start()])
        before = s[m.start() - 1] if m.start() > 0 else ""
        after = s[m.end()] if m.end() < len(s) else ""
        if (before and is_cjk(before)) or (after and is_cjk(after)):
            pass
        else:
            out.append(" ")
        pos = m.end()
    out.append(s[pos:])
    return "".join(out).strip()


_OPS = [("≥", ">="), ("≤", "<="), (">=", ">="), ("<=", "<="), ("＞=", ">="), ("＜=", "<="),
        ("＞", ">"), ("＜", "<"), (">", ">"), ("<", "<"), ("＝", "="), ("=", "=")]


# thousands grouped by commas (3,013.00) or by spaces (1 200.00, 12 000人次)
_GROUP_SP = "[ \u00a0\u2009\u202f]"
_NUM = re.compile(r"^([+-]?(?:\d{1,3}(?:" + _GROUP_SP + r"\d{3})+(?!\d)|\d[\d,]*)(?:\.\d+)?)(.*)$")
_SPACE_GROUPS = re.compile(r"^([+-]?\d{1,3}(?:" + _GROUP_SP + r"\d{3})+)(?=$|[.%％])")


def ungroup(t):
    """a number's thousands separators removed: '3,013.00', '1 200.00' -> '3013.00', '1200.00'"""
    m = _SPACE_GROUPS.match(t)
    if m:
        t = re.sub(_GROUP_SP, "", m.group(1)) + t[m.end():]
    return t.replace(",", "")


def parse_value(text):
    """target/actual cell -> {text, op, value, unit} (SCHEMA §1)."""
    t = normalise(text)
    res = {"text": t, "op": None, "value": None, "unit": None}
    rest = t
    op = None
    for sym, o in _OPS:
        if rest.startswith(sym):
            op = o
            rest = rest[len(sym):].strip()
            break
    m = _NUM.match(rest)
    if not m:
        return res
    num, tail = m.group(1), m.group(2).strip()
    unit = None
    if tail:
        mb = re.match(r"^[(（](.+)[)）]$", tail)
        unit = mb.group(1).strip() if mb else tail
        if re.search(r"\d", unit):  # not a plain unit: treat the cell as text
            return res
    res.update(op=op, value=float(ungroup(num)), unit=unit)
    return res


def parse_number(text):
    """amount / weight / score / rate cell -> float or None."""
    t = normalise(text)
    if t in ("", "-", "—", "－", "/"):
        return None
    t = ungroup(t)
    if t.endswith("%") or t.endswith("％"):
        t = t[:-1]
    return float(Decimal(t))


D = Decimal


def check_form(f, fund_score):
    w = D(f["funds"][0]["weight"]) + sum(D(i[5]) for i in f["indicators"])
    assert w == D(f["total_weight"]), (f["project_name"], w)
    s = fund_score + sum(D(i[6]) for i in f["indicators"])
    if not f.get("deliberate_total_mismatch"):
        assert s == D(f["total_score"]), (f["project_name"], s, f["total_score"])
    for ind in f["indicators"]:
        if D(ind[6]) < D(ind[5]):
            assert ind[7], ("deviation missing", ind)


def write_json(path, obj, final_newline=True):
    """indent 1, UTF-8 as is; final_newline=False: the file ends at its last
    bracket (as round 7's truths were first written)"""
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(obj, fh, ensure_ascii=False, indent=1)
        if final_newline:
            fh.write("\n")


# ------------------------------------------------------------ writers
def family_place(rows):
    """HTML table model: each cell's (row, col, rowspan, colspan, text)."""
    taken, out = set(), []
    for r, row in enumerate(rows):
        c = 0
        for text, cs, rs in row:
            while (r, c) in taken:
                c += 1
            out.append((r, c, rs, cs, text))
            for dr in range(rs):
                for dc in range(cs):
                    taken.add((r + dr, c + dc))
            c += cs
    n_cols = max(c + cs for _, c, _, cs, _ in out)
    return out, len(rows), n_cols


def family_grid_json(fam, name, producer, n_pages, sha):
    cells, n_rows, n_cols = family_place(fam["rows"])
    table = dict(pages=list(range(1, n_pages + 1)), n_rows=n_rows, n_cols=n_cols,
                 cells=[dict(row=r, col=c, rowspan=rs, colspan=cs, text=normalise(t))
                        for r, c, rs, cs, t in cells])
    return dict(source=dict(file=name, sha256=sha),
                producer=dict(style=producer, template=f"family {fam['name'].upper()}"),
                expect="tables", n_pages=n_pages, tables=[table])


def num(s):
    return None if s in ("—", "-", "") else D(ungroup(s.rstrip("%")))


def check2(f):
    """A consistent variant form: weights and scores add up to the totals,
    a lost point has a deviation, the grade fits the total, fund sub-rows
    add up per block; '—' weight/score on unscored rows and label-only fund
    rows allowed."""
    fs = f["fund_score"]
    w = num(f["funds"][0]["weight"]) + sum(num(i[5]) or 0 for i in f["indicators"])
    assert w == D(f["total_weight"]), (f.get("project_name"), w)
    s = fs + sum(num(i[6]) or 0 for i in f["indicators"])
    assert s == D(f["total_score"]), (f.get("project_name"), s, f["total_score"])
    for ind in f["indicators"]:
        if num(ind[5]) is None:
            assert num(ind[6]) is None
            continue
        assert num(ind[6]) <= num(ind[5]), ind
        if num(ind[6]) < num(ind[5]):
            assert ind[7], ("deviation missing", ind)
    g = f.get("grade")
    if g:
        assert g == grade_of(f["total_score"]), (g, f["total_score"])
    # fund sub-rows add up (per block)
    for blk in f.get("fund_blocks", []):
        for key in ("init", "annual", "executed"):
            tot = num(f["funds"][0][key])
            parts = [num(f["funds"][i][key]) for i in blk]
            assert sum(parts) == tot, (key, blk, parts, tot)


def _unit_note(v):
    """'≥95%（省定标准）': the bracketed note after the unit is not part of
    the unit (text keeps it)."""
    u = v["unit"]
    if u and u.split("（")[0] in ("%", "％") and "（" in u:
        v["unit"] = u.split("（")[0] or None
    return v


def grade_of(t):
    t = D(t)
    return "优" if t >= 90 else "良" if t >= 80 else "中" if t >= 60 else "差"


# ------------------------------------------------------------------ writing
def grid_doc(name, pdf, what, options, grids, n_pages, style="samplegen-variant3"):
    """The NAME.grid.json of a generated PDF (corpus format, SCHEMA §2)."""
    return {"source": {"file": name + ".pdf", "sha256": hashlib.sha256(pdf).hexdigest()},
            "producer": {"style": style, "what": what, "options": options},
            "expect": "tables", "n_pages": n_pages, "tables": grids}


# ------------------------------------------------------------------ deviation split over two columns
def dev_parts(dev):
    return list(dev) if isinstance(dev, tuple) else [dev, ""]


def dev_truth(dev):
    """Truth convention (SCHEMA §1b): 偏差原因 and 改进措施 printed in two
    columns give `deviation` and `improvement`, each null when empty; one
    column gives `deviation` alone."""
    if isinstance(dev, tuple):
        return {"deviation": normalise(dev[0]) or None, "improvement": normalise(dev[1]) or None}
    return {"deviation": normalise(dev) or None}


def pnum(t):
    """a weight / score cell; a trailing 分 (10分, 9.33分) is a unit, not text"""
    return parse_number(t[:-1] if t.endswith("分") else t)


def check4(f):
    strip = lambda t: t[:-1] if t.endswith("分") else t
    g = dict(f, indicators=[i[:5] + (strip(i[5]), strip(i[6]), "\n".join(dev_parts(i[7]))) for i in f["indicators"]])
    if g.get("total_weight"):
        g["total_weight"], g["total_score"] = strip(g["total_weight"]), strip(g["total_score"])
    g["funds"] = [dict(fr, weight=strip(fr["weight"])) for fr in f["funds"]]
    if g.get("total_weight") is None:   # the form prints no total: check what it would be
        g["total_weight"] = "100"
        g["total_score"] = f"{sum((D(i[6]) for i in f['indicators']), f['fund_score']):.2f}"
    if g.get("grade") and g.get("grade") not in "优良中差":
        g["grade"] = g["grade"][0]     # 优秀 -> 优 for the arithmetic check
    check2(g)


def grid_doc4(name, pdf, what, options, grids, n_pages):
    return grid_doc(name, pdf, what, options, grids, n_pages, style="samplegen-variant4")


def record(f):
    """The record (SCHEMA §1) of one form, from the strings its template prints:
    a template without a fund column gives null there; weights and scores may
    carry the unit 分; a bracketed note after a % unit is not the unit; empty
    name / implementer / 二级 cells give null; goals by goal_layout (merged:
    one cell, the expected goal; multirow: the rows joined); a department
    form has no project name or implementer; heads == [] (no title, no year
    line) gives title and year null. The title is title_truth where the
    template sets one, else the printed title."""
    cols = f.get("fund_cols")
    fl = []
    for i, fr in enumerate(f["funds"]):
        if fr.get("heading"):       # a label-only row (heading_row)
            continue
        get = (lambda key: (pnum if key == "weight" else parse_number)(fr[key])
               if cols is None or key in cols else None)
        w = pnum(fr["weight"]) if f.get("fund_weight_row") and i == 0 else get("weight")
        fl.append({"label": normalise(fr["label"]).rstrip(":："), "category": fr["category"],
                   "initial_budget": get("init"), "annual_budget": get("annual"), "executed": get("executed"),
                   "weight": w, "execution_rate": get("rate"), "score": get("score")})
    inds = []
    for l1, l2, name, tgt, act, w, sc, dev in f["indicators"]:
        inds.append({"level1": normalise(l1), "level2": normalise(l2) or None, "name": normalise(name),
                     "target": _unit_note(parse_value(tgt)), "actual": _unit_note(parse_value(act)),
                     "weight": pnum(w), "score": pnum(sc), **dev_truth(dev)})
    g = f["goals"]
    layout = f.get("goal_layout")
    if layout == "multirow":
        exp = normalise("\n".join(e for e, _ in g)) or None
        ach = normalise("\n".join(a for _, a in g)) or None
    elif layout == "merged":
        exp, ach = normalise(g[0]) or None, None
    else:
        exp, ach = normalise(g[0]) or None, normalise(g[1]) if g[1] else None
    tw, ts = f.get("total_weight"), f.get("total_score")
    dept = f.get("kind") == "department"
    no_heads = f.get("heads") == []
    return {"schema_version": 1, "kind": "department" if dept else "project",
            "title": None if no_heads else f["title_truth"] if "title_truth" in f else normalise(f["title"]),
            "year": None if no_heads else f["year"],
            "project_name": None if dept else normalise(f["project_name"]) or None,
            "department": normalise(f["department"]),
            "implementer": None if dept else normalise(f["implementer"]) or None,
            "fund_unit": f["fund_unit"], "funds": fl,
            "goals": {"expected": exp, "achieved": ach}, "indicators": inds,
            "total_weight": pnum(tw) if tw is not None else None,
            "total_score": pnum(ts) if ts is not None else None,
            "grade": f.get("grade"), "checks": []}


# ------------------------------------------------------------ family records (cases/families.py)
LEVEL1_CLASS = [("产出", "output"), ("项目完成", "output"), ("效益", "benefit"), ("效果", "benefit"),
                ("满意度", "satisfaction"), ("成本", "cost"), ("决策", "decision"),
                ("管理", "management"), ("过程", "management")]


def points(label):
    m = re.search(r"[(（]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]\s*$", label or "")
    return float(m.group(1)) if m else None


def level1_class(label):
    if label is None:
        return None
    for word, cls in LEVEL1_CLASS:
        if word in label:
            return cls
    return "other"


def family_fund(label, category, initial, annual, executed, weight, rate, score, reason=None):
    n = lambda v: None if v is None else parse_number(v)
    return dict(label=normalise(label).rstrip(":："), category=category, initial_budget=n(initial),
                annual_budget=n(annual), executed=n(executed), weight=n(weight),
                execution_rate=n(rate), score=n(score), reason=reason)


def family_ind(l1, l2, name, target, actual, weight, score, deviation=None, **more):
    t, a = parse_value(target or ""), parse_value(actual or "")
    if more.get("unit"):
        for v in (t, a):
            if v["value"] is not None and v["unit"] is None:
                v["unit"] = more["unit"]
    if more.get("nature") in ("≥", "≤", "=", ">", "<"):
        op = {"≥": ">=", "≤": "<=", "=": "=", ">": ">", "<": "<"}[more["nature"]]
        if t["value"] is not None and t["op"] is None:
            t["op"] = op
    n = lambda v: None if v in (None, "") else parse_number(v)
    # No target or actual column (rubric forms): text "" and nothing parsed
    # (docs/SCHEMA.md §3), one shape for every template.
    out = dict(level1=l1, level2=l2, name=name, target=t, actual=a, weight=n(weight), score=n(score),
               deviation=deviation, level1_weight=points(l1), level2_weight=points(l2),
               level1_class=level1_class(l1), nature=more.get("nature"),
               review_score=n(more.get("review")), criteria=more.get("criteria"),
               explanation=more.get("explanation"), core=more.get("core"))
    return out


def family_record(**kw):
    base = dict(schema_version=1, kind="project", title=None, year=None, project_name=None,
                department=None, implementer=None, fund_unit=None, funds=[],
                goals=dict(expected=None, achieved=None), indicators=[], total_weight=None,
                total_score=None, grade=None, review_score=None, conclusion=None,
                problems=None, measures=None, extra=[])
    base.update(kw)
    return base


def family_ex(label, value):
    return dict(label=label, value=value)


def check7(f):
    """check2 for a form holding only printed strings (round 7): the fund
    score is the printed one, the fund rows after the total add up to it."""
    check2(dict(f, fund_score=num(f["funds"][0]["score"]), fund_blocks=[list(range(1, len(f["funds"])))]))
