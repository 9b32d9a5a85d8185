//! Which front end a file needs, from its bytes rather than its name.
//!
//! Districts rename files freely: a `.xls` attachment is often an HTML table
//! (a common export trick), and a `.doc` may be a `.docx`. So the choice is
//! made by content: the PDF header, the zip signature and the part names
//! inside it, the OLE2 (compound file) signature and the names of its
//! streams, and `<html`/`<table` near the start. The file name is never
//! consulted.

use std::io::Cursor;

/// The kinds of input jixiao tells apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// A PDF (`%PDF-` in the first KiB).
    Pdf,
    /// An Office Open XML workbook (xlsx, xlsm, xlsb): a zip with `xl/workbook.*`.
    Xlsx,
    /// A binary Excel or WPS 表格 workbook (xls, et): OLE2 with a `Workbook` or `Book` stream.
    Xls,
    /// An OpenDocument spreadsheet (ods): a zip whose `mimetype` says so.
    Ods,
    /// A Word document (docx): a zip with `word/document.xml`.
    Docx,
    /// An old binary Word document (doc): OLE2 with a `WordDocument` stream. Not read.
    Doc,
    /// An HTML page (`<html`, `<!doctype html` or `<table` at the start).
    Html,
    /// Another zip or OLE2 container (a presentation, an archive). Not read.
    OtherContainer,
    /// Anything else: tried as a tab-separated text layout.
    Text,
}

impl Format {
    /// A short lower-case name for messages (`xlsx`, `docx`, `html`, ...).
    pub fn name(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Xlsx => "xlsx",
            Format::Xls => "xls",
            Format::Ods => "ods",
            Format::Docx => "docx",
            Format::Doc => "doc",
            Format::Html => "html",
            Format::OtherContainer => "container",
            Format::Text => "text",
        }
    }
}

const ZIP: &[u8] = b"PK\x03\x04";
const OLE2: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// The format of a file's bytes.
pub fn detect(bytes: &[u8]) -> Format {
    let head = &bytes[..bytes.len().min(1024)];
    if head.windows(5).any(|w| w == b"%PDF-") {
        return Format::Pdf;
    }
    if bytes.starts_with(ZIP) {
        return zip_format(bytes);
    }
    if bytes.starts_with(OLE2) {
        return ole2_format(bytes);
    }
    if looks_like_html(head) {
        return Format::Html;
    }
    Format::Text
}

/// Zip containers by their part names.
fn zip_format(bytes: &[u8]) -> Format {
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Format::OtherContainer;
    };
    let has = |archive: &zip::ZipArchive<_>, name: &str| archive.index_for_name(name).is_some();
    if has(&archive, "word/document.xml") {
        return Format::Docx;
    }
    if has(&archive, "xl/workbook.xml") || has(&archive, "xl/workbook.bin") {
        return Format::Xlsx;
    }
    if let Ok(mut part) = archive.by_name("mimetype") {
        let mut mime = String::new();
        if std::io::Read::read_to_string(&mut part, &mut mime).is_ok()
            && mime.trim() == "application/vnd.oasis.opendocument.spreadsheet"
        {
            return Format::Ods;
        }
    }
    Format::OtherContainer
}

/// OLE2 compound files by the names of their streams. The names live in the
/// directory as UTF-16LE; looking for them anywhere in the file finds them
/// without walking the sector chains, and a name in cell text would be
/// stored differently (BIFF strings are mostly one byte per character).
fn ole2_format(bytes: &[u8]) -> Format {
    let utf16 = |s: &str| -> Vec<u8> { s.encode_utf16().flat_map(u16::to_le_bytes).collect() };
    // A directory entry name is followed by its NUL terminator.
    let has = |name: &str| {
        let mut needle = utf16(name);
        needle.extend_from_slice(&[0, 0]);
        bytes.windows(needle.len()).any(|w| w == needle.as_slice())
    };
    if has("Workbook") || has("Book") {
        Format::Xls
    } else if has("WordDocument") {
        Format::Doc
    } else {
        Format::OtherContainer
    }
}

/// `<html`, `<!doctype html` or a bare `<table` after a BOM, whitespace
/// and comments, in any ASCII-compatible encoding (UTF-16 pages are rare
/// enough not to be sniffed).
fn looks_like_html(head: &[u8]) -> bool {
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let find = |s: &[u8]| lower.windows(s.len()).any(|w| w == s);
    let start = lower.iter().position(|b| !b.is_ascii_whitespace() && *b < 0x80);
    let starts_with_tag = start.is_some_and(|i| lower[i] == b'<');
    starts_with_tag && (find(b"<html") || find(b"<!doctype html") || find(b"<table"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_pdf_and_text_by_content() {
        assert_eq!(detect(b"%PDF-1.4\n..."), Format::Pdf);
        assert_eq!(detect(b"\xEF\xBB\xBF<!DOCTYPE html><html>"), Format::Html);
        assert_eq!(detect(b"  <table border=1><tr><td>x</td></tr></table>"), Format::Html);
        assert_eq!(detect("项目名称\t\tX\n".as_bytes()), Format::Text);
        assert_eq!(detect(b"a <html> in the middle of text"), Format::Text);
    }

    #[test]
    fn ole2_streams_tell_word_from_excel() {
        let mut doc = OLE2.to_vec();
        doc.resize(512, 0);
        doc.extend("WordDocument".encode_utf16().flat_map(u16::to_le_bytes));
        doc.extend([0, 0]);
        assert_eq!(detect(&doc), Format::Doc);
        let mut xls = OLE2.to_vec();
        xls.resize(512, 0);
        xls.extend("Workbook".encode_utf16().flat_map(u16::to_le_bytes));
        xls.extend([0, 0]);
        assert_eq!(detect(&xls), Format::Xls);
        assert_eq!(detect(OLE2), Format::OtherContainer);
    }
}
