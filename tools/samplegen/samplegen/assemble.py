"""Whole PDF files from content streams: page trees, fonts, media and crop
boxes, /Rotate; and the post-processing of written files (xref offsets
shifted, incremental updates)."""
import hashlib
import io
import re
import zlib
from samplegen.pdf import Name, PDF, Stream
from samplegen.fonts import CIDFontUCS2, helvetica, winansi_font
from samplegen.layout import A4


def write_pages(pdf, fonts, pages, media, *, producer, creator, id_seed, extra=None, mutate=None):
    """The page tree over the content streams (fonts: the resource dict, made
    before), the catalog and the info; extra: more keys for every page dict;
    mutate(i, Stream) may change a page's content stream object before it is
    written. -> the file's bytes (its /ID from id_seed and the contents)."""
    pages_ref = pdf.reserve()
    kids = []
    for i, content in enumerate(pages):
        s = Stream(content)
        if mutate:
            mutate(i, s)
        c = pdf.add(s)
        d = {"Type": Name("Page"), "Parent": pages_ref, "MediaBox": list(media),
             "Resources": {"Font": fonts, "ProcSet": [Name("PDF"), Name("Text")]},
             "Contents": c}
        d.update(extra or {})
        kids.append(pdf.add(d))
    pdf.set(pages_ref, {"Type": Name("Pages"), "Kids": kids, "Count": len(kids)})
    root = pdf.add({"Type": Name("Catalog"), "Pages": pages_ref})
    info = pdf.add({"Producer": producer, "Creator": creator})
    return pdf.write(root, info, hashlib.md5(id_seed + b"".join(pages)).digest())


def build_pdf(pages, font, page_size=(595.28, 841.89), id_seed=b""):
    """pages: list of content bytes (using /F1 for ``font``)."""
    pdf = PDF()
    fonts = {"F1": font.make(pdf)}
    return write_pages(pdf, fonts, pages, [0, 0, page_size[0], page_size[1]], producer=b"jixiao samplegen",
                       creator=b"tools/samplegen", id_seed=id_seed)


def build_pdf_v(pages, font, media, *, rotate=None, crop=None, producer=b"jixiao samplegen", id_seed=b"",
                latin=False):
    """pages: content streams; media: [x0 y0 x1 y1] for every page."""
    pdf = PDF()
    fonts = {"F1": font.make(pdf)}
    if latin:
        fonts["F2"] = winansi_font(pdf)
    extra = {}
    if crop:
        extra["CropBox"] = crop
    if rotate:
        extra["Rotate"] = rotate
    return write_pages(pdf, fonts, pages, media, producer=producer, creator=b"tools/samplegen/gen_variants.py",
                       id_seed=id_seed, extra=extra)


def build_pdf2(pages, doc, media, *, producer=b"jixiao samplegen", id_seed=b""):
    pdf = PDF()
    if doc.font_mode == "diff":
        fonts = doc.font.make_all(pdf)
    else:
        fonts = {"F1": doc.font.make(pdf)}
        if doc.font_mode == "type1mixed":
            fonts["F2"] = helvetica(pdf)
    return write_pages(pdf, fonts, pages, media, producer=producer, creator=b"tools/samplegen/gen_variants2.py",
                       id_seed=id_seed)


def build_pdf3(pages, media=(0, 0, A4[0], A4[1]), *, producer=b"jixiao samplegen", id_seed=b"", mutate=None):
    """The UCS2 font as /F1; mutate(i, Stream) may change a page's content
    stream object before it is written."""
    pdf = PDF()
    fonts = {"F1": CIDFontUCS2().make(pdf)}
    return write_pages(pdf, fonts, pages, media, producer=producer, creator=b"tools/samplegen/gen_variants3.py",
                       id_seed=id_seed, mutate=mutate)


# ------------------------------------------------------------------ damaged-file helpers
def xref_offsets_off(pdf):
    """every xref entry off by a few bytes (+2 / -3 alternating); startxref kept"""
    i = [0]

    def fix(m):
        i[0] += 1
        d = 2 if i[0] % 2 else -3
        return f"{int(m.group(1)) + d:010d} 00000 n \n".encode()
    start = pdf.rindex(b"\nxref\n")
    return pdf[:start] + re.sub(rb"(\d{10}) 00000 n \n", fix, pdf[start:])


def incremental_update(pdf, objnum, new_content):
    """append a new version of object objnum (a content stream) with an
    xref section and a trailer /Prev"""
    prev = int(re.findall(rb"startxref\s+(\d+)", pdf)[-1])
    trailer = pdf[pdf.rindex(b"trailer"):]
    size = int(re.search(rb"/Size (\d+)", trailer).group(1))
    root = re.search(rb"/Root (\d+ 0 R)", trailer).group(1)
    info = re.search(rb"/Info (\d+ 0 R)", trailer).group(1)
    ids = re.search(rb"/ID (\[[^\]]*\])", trailer).group(1)
    data = zlib.compress(new_content, 9)
    out = io.BytesIO()
    out.write(pdf)
    off = out.tell()
    out.write(f"{objnum} 0 obj\n<</Filter /FlateDecode /Length {len(data)}>>\nstream\n".encode() + data
              + b"\nendstream\nendobj\n")
    x = out.tell()
    out.write(f"xref\n0 1\n0000000000 65535 f \n{objnum} 1\n{off:010d} 00000 n \n".encode())
    out.write(b"trailer\n<</Size " + str(size).encode() + b" /Root " + root + b" /Info " + info + b" /ID " + ids
              + b" /Prev " + str(prev).encode() + b">>\nstartxref\n" + str(x).encode() + b"\n%%EOF\n")
    return out.getvalue()


def ucs2(s):
    return ("<" + s.encode("utf-16-be").hex().upper() + ">").encode()


def build_pdf8(pages, doc, *, producer, id_seed, media=(0, 0, A4[0], A4[1])):
    pdf = PDF()
    fonts = doc.font.make_all(pdf) if doc.mode == "type3" else {"F1": CIDFontUCS2().make(pdf)}
    return write_pages(pdf, fonts, pages, media, producer=producer, creator=b"tools/samplegen/gen_variants8.py",
                       id_seed=id_seed)
