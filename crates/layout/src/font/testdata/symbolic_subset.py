"""A tiny TrueType font for a unit test: glyphs g1..g3 with no glyph names
(post format 3), a Unicode cmap (项 目 A), a (3,0) symbol cmap (0xF001..) and
a (1,0) Mac cmap (codes 1..3), as producers' symbolic subsets carry."""
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib.tables._c_m_a_p import cmap_format_4, cmap_format_0
def box():
    p = TTGlyphPen(None); p.moveTo((100,0)); p.lineTo((100,700)); p.lineTo((500,700)); p.lineTo((500,0)); p.closePath(); return p.glyph()
names = [".notdef", "g1", "g2", "g3"]
fb = FontBuilder(1000, isTTF=True)
fb.setupGlyphOrder(names)
fb.setupCharacterMap({0x9879: "g1", 0x76EE: "g2", 0x41: "g3"})
fb.setupGlyf({n: box() for n in names})
fb.setupHorizontalMetrics({n: (600, 100) for n in names})
fb.setupHorizontalHeader(ascent=880, descent=-120)
fb.setupNameTable({"familyName": "JxSym", "styleName": "Regular"})
fb.setupOS2()
fb.setupPost(keepGlyphNames=False)
font = fb.font
cm = font["cmap"]
t30 = cmap_format_4(4); t30.platformID, t30.platEncID, t30.language = 3, 0, 0
t30.cmap = {0xF001: "g1", 0xF002: "g2", 0xF003: "g3"}
t10 = cmap_format_0(0); t10.platformID, t10.platEncID, t10.language = 1, 0, 0
t10.cmap = {i: ".notdef" for i in range(256)}; t10.cmap.update({1: "g1", 2: "g2", 3: "g3"})
cm.tables += [t30, t10]
import os
font.save(os.path.join(os.path.dirname(os.path.abspath(__file__)), "symbolic_subset.ttf"))
