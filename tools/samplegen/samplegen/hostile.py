"""tests/hostile/: files that must not crash (or hang, or eat memory)."""
import io
import os
import random
import zlib
from samplegen.pdf import Name, PDF, Stream


def _helv(pdf):
    return pdf.add({"Type": Name("Font"), "Subtype": Name("Type1"), "BaseFont": Name("Helvetica"),
                    "Encoding": Name("WinAnsiEncoding")})


def _one_page(pdf, contents, resources):
    pages = pdf.reserve()
    page = pdf.add({"Type": Name("Page"), "Parent": pages, "MediaBox": [0, 0, 595.28, 841.89],
                    "Resources": resources, "Contents": contents})
    pdf.set(pages, {"Type": Name("Pages"), "Kids": [page], "Count": 1})
    return pdf.add({"Type": Name("Catalog"), "Pages": pages})


def bomb():
    """Page content = a FlateDecode stream that inflates to 1 GiB of NUL
    bytes (NUL is PDF whitespace, so the content is even valid)."""
    co = zlib.compressobj(9)
    chunk = b"\0" * (1 << 20)
    parts = [co.compress(chunk) for _ in range(1024)]
    parts.append(co.flush())
    data = b"".join(parts)
    pdf = PDF()
    font = _helv(pdf)
    c = pdf.add(Stream(data, {"Filter": Name("FlateDecode")}, compress=False))
    root = _one_page(pdf, c, {"Font": {"F1": font}})
    return pdf.write(root)


def deep_xobject():
    """/X0 draws itself; /XA and /XB draw each other; /X1../X400 is a plain
    400-deep chain.  The page also shows a line of text."""
    pdf = PDF()
    font = _helv(pdf)
    x0 = pdf.reserve()
    xa, xb = pdf.reserve(), pdf.reserve()
    bbox = [0, 0, 595, 842]
    pdf.set(x0, Stream(b"q 0.99 0 0 0.99 1 1 cm /X0 Do Q\n", {"Type": Name("XObject"), "Subtype": Name("Form"),
                       "BBox": bbox, "Resources": {"XObject": {"X0": x0}}}))
    pdf.set(xa, Stream(b"/XB Do\n", {"Type": Name("XObject"), "Subtype": Name("Form"), "BBox": bbox,
                                    "Resources": {"XObject": {"XB": xb}}}))
    pdf.set(xb, Stream(b"/XA Do\n", {"Type": Name("XObject"), "Subtype": Name("Form"), "BBox": bbox,
                                    "Resources": {"XObject": {"XA": xa}}}))
    nxt = pdf.add(Stream(b"BT /F1 8 Tf 72 100 Td (bottom of the chain) Tj ET\n",
                         {"Type": Name("XObject"), "Subtype": Name("Form"), "BBox": bbox,
                          "Resources": {"Font": {"F1": font}}}))
    for _ in range(400):
        nxt = pdf.add(Stream(b"/N Do\n", {"Type": Name("XObject"), "Subtype": Name("Form"), "BBox": bbox,
                                          "Resources": {"XObject": {"N": nxt}}}))
    content = pdf.add(Stream(b"BT /F1 12 Tf 72 760 Td (recursive form xobjects) Tj ET\n"
                             b"q /X0 Do Q q /XA Do Q q /X1 Do Q\n"))
    root = _one_page(pdf, content, {"Font": {"F1": font}, "XObject": {"X0": x0, "XA": xa, "X1": nxt}})
    return pdf.write(root)


def notext():
    """One page, one image (a ruled table drawn as pixels), no text at all."""
    from PIL import Image, ImageDraw
    w, h = 1240, 1754  # A4 at 150 dpi
    im = Image.new("L", (w, h), 255)
    d = ImageDraw.Draw(im)
    d.rectangle([380, 120, 860, 150], fill=0)  # a "title" bar
    xs = [100, 180, 290, 500, 650, 800, 900, 1000, 1140]
    ys = list(range(220, 1500, 45))
    for x in xs:
        d.line([x, ys[0], x, ys[-1]], fill=0, width=2)
    for y in ys:
        d.line([xs[0], y, xs[-1], y], fill=0, width=2)
    rnd = random.Random(7)
    for y in ys[:-1]:
        for a, b in zip(xs, xs[1:]):
            if rnd.random() < 0.6:
                d.rectangle([a + 8, y + 15, a + 8 + rnd.randint(10, b - a - 16), y + 28], fill=90)
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=60)
    pdf = PDF()
    img = pdf.add(Stream(buf.getvalue(), {"Type": Name("XObject"), "Subtype": Name("Image"), "Width": w,
                                          "Height": h, "ColorSpace": Name("DeviceGray"),
                                          "BitsPerComponent": 8, "Filter": Name("DCTDecode")},
                         compress=False))
    content = pdf.add(Stream(b"q 595.28 0 0 841.89 0 0 cm /Im0 Do Q\n"))
    root = _one_page(pdf, content, {"XObject": {"Im0": img}})
    return pdf.write(root)


def main(root):
    import pikepdf
    out = os.path.join(root, "tests", "hostile")
    os.makedirs(out, exist_ok=True)
    src = open(os.path.join(root, "samples", "national_01.pdf"), "rb").read()
    files = {
        "truncated.pdf": src[: len(src) // 2],
        "garbage.pdf": b"%PDF-1.7\n" + random.Random(1234).randbytes(64 * 1024),
        "empty.pdf": b"",
        "bomb.pdf": bomb(),
        "deep_xobject.pdf": deep_xobject(),
        "notext.pdf": notext(),
    }
    with pikepdf.open(os.path.join(root, "samples", "gbk_01.pdf")) as p:
        buf = io.BytesIO()
        p.save(buf, static_id=True,
               encryption=pikepdf.Encryption(owner="jixiao-owner", user="jixiao-user", R=6))
        files["encrypted_userpw.pdf"] = buf.getvalue()
    for name, data in files.items():
        with open(os.path.join(out, name), "wb") as fh:
            fh.write(data)
        print(f"tests/hostile/{name}  {len(data)} bytes")
    assert len(files["bomb.pdf"]) < 2_000_000
