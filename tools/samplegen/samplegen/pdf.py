"""PDF objects and the file writer: Ref, Name, Raw, ser (serialise), Stream
(Flate), PDF (objects, xref, trailer with a static /ID)."""
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
