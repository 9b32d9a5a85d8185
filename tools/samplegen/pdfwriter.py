"""A minimal PDF writer: pages of vector lines and text, three kinds of CJK
font:

* ``CIDFontUCS2``  STSong-Light, not embedded, /UniGB-UCS2-H (UTF-16BE codes)
* ``CIDFontGBK``   STSong-Light, not embedded, /GBK-EUC-H (1-byte ASCII,
                   2-byte GBK codes, written as literal strings with escapes)
* ``TTFIdentity``  an embedded TrueType subset (CIDFontType2, /Identity-H,
                   CIDToGIDMap /Identity) written WITHOUT /ToUnicode
"""
import io
import zlib


class Ref:
    def __init__(self, num):
        self.num = num

    def __repr__(self):
        return f"{self.num} 0 R"


class Name(str):
    pass


class Raw(str):
    """Already serialised PDF syntax."""


def ser(o):
    if isinstance(o, Ref):
        return repr(o).encode()
    if isinstance(o, Raw):
        return o.encode("latin-1")
    if isinstance(o, Name):
        return b"/" + o.encode("latin-1")
    if isinstance(o, bool):
        return b"true" if o else b"false"
    if isinstance(o, int):
        return str(o).encode()
    if isinstance(o, float):
        s = f"{o:.4f}".rstrip("0").rstrip(".")
        return (s if s not in ("", "-") else "0").encode()
    if isinstance(o, bytes):  # literal string
        return b"(" + o.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"
    if isinstance(o, str):
        return ser(o.encode("latin-1"))
    if isinstance(o, (list, tuple)):
        return b"[" + b" ".join(ser(x) for x in o) + b"]"
    if isinstance(o, dict):
        return b"<<" + b"".join(b"/" + k.encode() + b" " + ser(v) for k, v in o.items()) + b">>"
    if o is None:
        return b"null"
    raise TypeError(type(o))


class Stream:
    def __init__(self, data, d=None, compress=True):
        self.d = dict(d or {})
        if compress:
            data = zlib.compress(data, 9)
            self.d["Filter"] = Name("FlateDecode")
        self.data = data


class PDF:
    def __init__(self):
        self.objs = [None]  # 1-based

    def add(self, obj):
        self.objs.append(obj)
        return Ref(len(self.objs) - 1)

    def reserve(self):
        return self.add(None)

    def set(self, ref, obj):
        self.objs[ref.num] = obj

    def write(self, root, info=None, id_bytes=None):
        out = io.BytesIO()
        out.write(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
        offsets = [0]
        for i, o in enumerate(self.objs[1:], 1):
            offsets.append(out.tell())
            out.write(f"{i} 0 obj\n".encode())
            if isinstance(o, Stream):
                d = dict(o.d)
                d["Length"] = len(o.data)
                out.write(ser(d) + b"\nstream\n" + o.data + b"\nendstream")
            else:
                out.write(ser(o))
            out.write(b"\nendobj\n")
        xref = out.tell()
        out.write(f"xref\n0 {len(self.objs)}\n0000000000 65535 f \n".encode())
        for off in offsets[1:]:
            out.write(f"{off:010d} 00000 n \n".encode())
        tr = {"Size": len(self.objs), "Root": root}
        if info:
            tr["Info"] = info
        if id_bytes:
            h = Raw("<" + id_bytes.hex() + ">")
            tr["ID"] = [h, h]
        out.write(b"trailer\n" + ser(tr) + f"\nstartxref\n{xref}\n%%EOF\n".encode())
        return out.getvalue()


# ---------------------------------------------------------------- fonts

# STSong-Light widths of Adobe-GB1 CIDs 1..95 (the proportional ASCII glyphs),
# the same table reportlab writes for this font.
_STSONG_W = [207, 270, 342, 467, 462, 797, 710, 239, 374, 374, 423, 605, 238, 375, 238, 334,
             462, 462, 462, 462, 462, 462, 462, 462, 462, 462, 238, 238, 605, 605, 605, 344,
             748, 684, 560, 695, 739, 563, 511, 729, 793, 318, 312, 666, 526, 896, 758, 772,
             544, 772, 628, 465, 607, 753, 711, 972, 647, 620, 607, 374, 333, 374, 606, 500,
             239, 417, 503, 427, 529, 415, 264, 444, 518, 241, 230, 495, 228, 793, 527, 524,
             524, 504, 338, 336, 277, 517, 450, 652, 466, 452, 407, 370, 258, 370, 605]

_STSONG_DESC = {"Type": Name("FontDescriptor"), "FontName": Name("STSong-Light"), "Flags": 6,
                "FontBBox": [-25, -254, 1000, 880], "ItalicAngle": 0, "Ascent": 880,
                "Descent": -120, "CapHeight": 880, "StemV": 93}


class CIDFontUCS2:
    """STSong-Light, UniGB-UCS2-H; ASCII U+0020..U+007E map to CIDs 1..95."""
    encoding = "UniGB-UCS2-H"

    def width(self, text, size):
        w = 0
        for ch in text:
            o = ord(ch)
            w += _STSONG_W[o - 0x20] if 0x20 <= o <= 0x7E else 1000
        return w * size / 1000.0

    def encode(self, text):
        return Raw("<" + text.encode("utf-16-be").hex().upper() + ">")

    def make(self, pdf):
        desc = pdf.add(dict(_STSONG_DESC))
        cid = pdf.add({"Type": Name("Font"), "Subtype": Name("CIDFontType0"),
                       "BaseFont": Name("STSong-Light"),
                       "CIDSystemInfo": {"Registry": b"Adobe", "Ordering": b"GB1", "Supplement": 2},
                       "FontDescriptor": desc, "DW": 1000, "W": [1, _STSONG_W]})
        return pdf.add({"Type": Name("Font"), "Subtype": Name("Type0"),
                        "BaseFont": Name("STSong-Light"), "Encoding": Name(self.encoding),
                        "DescendantFonts": [cid]})


class CIDFontGBK(CIDFontUCS2):
    """STSong-Light, GBK-EUC-H: 0x21..0x7E -> CIDs 814..907 (half width,
    500), 0x20 -> CID 7716, two-byte GBK codes -> full-width CIDs."""
    encoding = "GBK-EUC-H"

    def width(self, text, size):
        return sum(500 if ord(ch) < 0x80 else 1000 for ch in text) * size / 1000.0

    def encode(self, text):
        b = text.encode("gbk")
        assert b.decode("gbk") == text
        return b  # literal string, escaped by ser()

    def make(self, pdf):
        desc = pdf.add(dict(_STSONG_DESC))
        cid = pdf.add({"Type": Name("Font"), "Subtype": Name("CIDFontType0"),
                       "BaseFont": Name("STSong-Light"),
                       "CIDSystemInfo": {"Registry": b"Adobe", "Ordering": b"GB1", "Supplement": 2},
                       "FontDescriptor": desc, "DW": 1000,
                       "W": [814, 907, 500, 7716, 7716, 500]})
        return pdf.add({"Type": Name("Font"), "Subtype": Name("Type0"),
                        "BaseFont": Name("STSong-Light"), "Encoding": Name(self.encoding),
                        "DescendantFonts": [cid]})


class TTFIdentity:
    """An embedded TrueType subset, Identity-H, no ToUnicode.  The subset
    keeps its (3,1) cmap so the text can be recovered from the font."""

    def __init__(self, path, chars, font_number=0, tag="JXSAMP"):
        from fontTools.ttLib import TTFont
        from fontTools import subset
        f = TTFont(path, fontNumber=font_number, recalcTimestamp=False)
        opts = subset.Options()
        opts.hinting = False
        opts.layout_features = []
        opts.notdef_outline = True
        opts.name_IDs = [0, 1, 2, 3, 4, 5, 6]
        opts.name_languages = ["*"]
        opts.drop_tables += ["GSUB", "GPOS", "GDEF", "BASE", "JSTF", "DSIG", "vhea", "vmtx",
                             "gasp", "kern", "EBDT", "EBLC", "EBSC", "prep", "fpgm", "cvt "]
        sub = subset.Subsetter(opts)
        sub.populate(unicodes={ord(c) for c in set(chars)} | {0x20})
        sub.subset(f)
        buf = io.BytesIO()
        f.save(buf)
        self.data = buf.getvalue()
        f = TTFont(io.BytesIO(self.data))
        self.upem = f["head"].unitsPerEm
        cmap = f.getBestCmap()
        self.gid = {}
        self.adv = {}
        for cp, gname in cmap.items():
            g = f.getGlyphID(gname)
            self.gid[chr(cp)] = g
            self.adv[g] = round(f["hmtx"][gname][0] * 1000 / self.upem)
        self.num_glyphs = f["maxp"].numGlyphs
        head, hhea, os2 = f["head"], f["hhea"], f["OS/2"]
        s = 1000 / self.upem
        self.bbox = [round(head.xMin * s), round(head.yMin * s), round(head.xMax * s), round(head.yMax * s)]
        self.ascent = round(hhea.ascent * s)
        self.descent = round(hhea.descent * s)
        self.cap = round(getattr(os2, "sCapHeight", hhea.ascent) * s) or self.ascent
        fam = f["name"].getDebugName(6) or "CJKFont"
        self.basefont = tag + "+" + fam.replace(" ", "")

    def width(self, text, size):
        return sum(self.adv[self.gid[c]] for c in text) * size / 1000.0

    def encode(self, text):
        return Raw("<" + b"".join(self.gid[c].to_bytes(2, "big") for c in text).hex().upper() + ">")

    def make(self, pdf):
        ff = pdf.add(Stream(self.data, {"Length1": len(self.data)}))
        desc = pdf.add({"Type": Name("FontDescriptor"), "FontName": Name(self.basefont),
                        "Flags": 4, "FontBBox": self.bbox, "ItalicAngle": 0,
                        "Ascent": self.ascent, "Descent": self.descent, "CapHeight": self.cap,
                        "StemV": 80, "FontFile2": ff})
        w = []
        for g in sorted(self.adv):
            w += [g, [self.adv[g]]]
        cid = pdf.add({"Type": Name("Font"), "Subtype": Name("CIDFontType2"),
                       "BaseFont": Name(self.basefont),
                       "CIDSystemInfo": {"Registry": b"Adobe", "Ordering": b"Identity", "Supplement": 0},
                       "FontDescriptor": desc, "DW": 1000, "W": w,
                       "CIDToGIDMap": Name("Identity")})
        return pdf.add({"Type": Name("Font"), "Subtype": Name("Type0"),
                        "BaseFont": Name(self.basefont), "Encoding": Name("Identity-H"),
                        "DescendantFonts": [cid]})


def build_pdf(pages, font, page_size=(595.28, 841.89), info_title=None, id_seed=b""):
    """pages: list of content bytes (using /F1 for ``font``)."""
    import hashlib
    pdf = PDF()
    fref = font.make(pdf)
    pages_ref = pdf.reserve()
    kids = []
    for content in pages:
        c = pdf.add(Stream(content))
        kids.append(pdf.add({"Type": Name("Page"), "Parent": pages_ref,
                             "MediaBox": [0, 0, page_size[0], page_size[1]],
                             "Resources": {"Font": {"F1": fref}, "ProcSet": [Name("PDF"), Name("Text")]},
                             "Contents": c}))
    pdf.set(pages_ref, {"Type": Name("Pages"), "Kids": kids, "Count": len(kids)})
    root = pdf.add({"Type": Name("Catalog"), "Pages": pages_ref})
    info = pdf.add({"Producer": b"jixiao samplegen", "Creator": b"tools/samplegen"})
    return pdf.write(root, info, hashlib.md5(id_seed + b"".join(pages)).digest())
