//! Small, panic-free helpers over lopdf objects, shared by `content` and `font`.

use lopdf::{Dictionary, Document, Object, Stream};

/// Follows references (bounded by lopdf's own reference limit).
pub(crate) fn resolve<'a>(doc: &'a Document, obj: &'a Object) -> &'a Object {
    match doc.dereference(obj) {
        Ok((_, target)) => target,
        Err(_) => &Object::Null,
    }
}

/// `dict[key]`, references followed.
pub(crate) fn get<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    let obj = dict.get(key).ok()?;
    match resolve(doc, obj) {
        Object::Null => None,
        other => Some(other),
    }
}

/// `dict[key]` as a dictionary (a stream's dictionary counts).
pub(crate) fn get_dict<'a>(
    doc: &'a Document,
    dict: &'a Dictionary,
    key: &[u8],
) -> Option<&'a Dictionary> {
    match get(doc, dict, key)? {
        Object::Dictionary(d) => Some(d),
        Object::Stream(s) => Some(&s.dict),
        _ => None,
    }
}

/// `dict[key]` as a stream.
pub(crate) fn get_stream<'a>(
    doc: &'a Document,
    dict: &'a Dictionary,
    key: &[u8],
) -> Option<&'a Stream> {
    match get(doc, dict, key)? {
        Object::Stream(s) => Some(s),
        _ => None,
    }
}

/// `dict[key]` as an array.
pub(crate) fn get_array<'a>(
    doc: &'a Document,
    dict: &'a Dictionary,
    key: &[u8],
) -> Option<&'a Vec<Object>> {
    match get(doc, dict, key)? {
        Object::Array(a) => Some(a),
        _ => None,
    }
}

/// `dict[key]` as a name.
pub(crate) fn get_name<'a>(
    doc: &'a Document,
    dict: &'a Dictionary,
    key: &[u8],
) -> Option<&'a [u8]> {
    match get(doc, dict, key)? {
        Object::Name(n) => Some(n),
        _ => None,
    }
}

/// `dict[key]` as a number.
pub(crate) fn get_num(doc: &Document, dict: &Dictionary, key: &[u8]) -> Option<f64> {
    get(doc, dict, key).and_then(num)
}

/// An integer or real as `f64`; `None` for anything else or a non-finite value.
pub(crate) fn num(obj: &Object) -> Option<f64> {
    let v = match obj {
        Object::Integer(i) => *i as f64,
        Object::Real(r) => f64::from(*r),
        _ => return None,
    };
    v.is_finite().then_some(v)
}

/// An array of numbers (references inside followed); `None` if any is not a number.
pub(crate) fn nums(doc: &Document, arr: &[Object]) -> Option<Vec<f64>> {
    arr.iter().map(|o| num(resolve(doc, o))).collect()
}

/// A stream's decoded content, bounded by `limit` bytes.
pub(crate) fn stream_content(stream: &Stream, limit: usize) -> Result<Vec<u8>, String> {
    stream.get_plain_content_with_limit(limit).map_err(|e| e.to_string())
}

/// Lossy text of a name, for messages.
pub(crate) fn name_str(name: &[u8]) -> String {
    String::from_utf8_lossy(name).into_owned()
}
