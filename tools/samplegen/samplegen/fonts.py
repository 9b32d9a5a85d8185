"""The fonts samples are written in: STSong-Light (UniGB-UCS2-H, GBK-EUC-H,
UniGB-UTF16-H), embedded TrueType subsets with and without /ToUnicode,
WinAnsi TrueType and Type1 Helvetica, simple TrueType with /Differences,
Type3 fonts. Each has width(), encode() or runs(), and make(pdf)."""
import io
from samplegen.pdf import Name, Raw, Stream


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


def _winansi(ch):
    try:
        ch.encode("cp1252")
        return True
    except UnicodeEncodeError:
        return False


def winansi_font(pdf, base="TimesNewRomanPSMT"):
    """A simple TrueType font, not embedded, WinAnsiEncoding, with the
    STSong-Light ASCII advances (so layout widths agree) and 1000 for the
    other WinAnsi code points (— is 0x97)."""
    from samplegen.fonts import _STSONG_W
    widths = list(_STSONG_W) + [1000] * (255 - 126)
    desc = pdf.add({"Type": Name("FontDescriptor"), "FontName": Name(base), "Flags": 34,
                    "FontBBox": [-568, -216, 2046, 1694], "ItalicAngle": 0, "Ascent": 891,
                    "Descent": -216, "CapHeight": 662, "StemV": 80})
    return pdf.add({"Type": Name("Font"), "Subtype": Name("TrueType"), "BaseFont": Name(base),
                    "FirstChar": 32, "LastChar": 255, "Widths": widths,
                    "Encoding": Name("WinAnsiEncoding"), "FontDescriptor": desc})


class TTFToUnicode(TTFIdentity):
    """Embedded TrueType subset, Identity-H, WITH a /ToUnicode CMap (what
    Word, WPS and LibreOffice write)."""

    def make(self, pdf):
        ref = super().make(pdf)
        font = pdf.objs[ref.num]
        lines = [f"<{g:04X}> <{ord(ch):04X}>" for ch, g in sorted(self.gid.items(), key=lambda x: x[1])]
        body = []
        for i in range(0, len(lines), 100):
            chunk = lines[i:i + 100]
            body.append(f"{len(chunk)} beginbfchar\n" + "\n".join(chunk) + "\nendbfchar")
        cmap = ("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
                + "\n".join(body) + "\nendcmap\nCMapName currentdict /CIDResource defineresource pop\nend\nend\n")
        font["ToUnicode"] = pdf.add(Stream(cmap.encode()))
        return ref


class CIDFontUTF16(CIDFontUCS2):
    encoding = "UniGB-UTF16-H"


def glyph_runs(s, code_of):
    """[(font index, bytes, text)]: s cut where the font changes; code_of(ch,
    the current run's font index or None) -> (font index, code)."""
    out = []
    for ch in s:
        fi, code = code_of(ch, out[-1][0] if out else None)
        if out and out[-1][0] == fi:
            out[-1][1].append(code)
            out[-1][2] += ch
        else:
            out.append([fi, bytearray([code]), ch])
    return [(fi, bytes(b), t) for fi, b, t in out]


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
        """[(font index, bytes, text)]; ASCII joins the current run (font 0 first)."""
        return glyph_runs(s, lambda ch, cur: (cur or 0, ord(ch)) if 0x20 <= ord(ch) <= 0x7E else self.map[ch])

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


TTF_CANDIDATES = ["/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
                  "/usr/share/fonts/truetype/arphic/uming.ttc"]


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
        return glyph_runs(s, lambda ch, cur: self.map[ch])

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
