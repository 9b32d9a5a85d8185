"""Text normalisation (SCHEMA.md) and the value parsers used to derive the
truth from the strings the generator draws."""
import re
from decimal import Decimal

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
_NUM = re.compile(r"^([+-]?\d[\d,]*(?:\.\d+)?)(.*)$")

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
    res.update(op=op, value=float(num.replace(",", "")), unit=unit)
    return res

def parse_number(text):
    """amount / weight / score / rate cell -> float or None."""
    t = normalise(text)
    if t in ("", "-", "—", "－", "/"):
        return None
    t = t.replace(",", "")
    if t.endswith("%") or t.endswith("％"):
        t = t[:-1]
    return float(Decimal(t))
