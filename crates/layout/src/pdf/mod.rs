//! PDF loading: the document (via lopdf), the page tree with its inherited
//! attributes (`/Resources`, `/MediaBox`, `/CropBox`, `/Rotate`), and the
//! page-space transform that makes every glyph and ruling come out in PDF
//! points with the origin at the top left of the page as displayed.
//!
//! [`pdf_to_pages`] is the entry point: bytes in, one [`Page`] per page out.
//! A broken page gives a page with warnings, never a failed document.
//!
//! Encrypted documents open when their user password is empty (the usual
//! "no copying" government PDF); any other password gives
//! [`Error::Encrypted`].

pub(crate) mod obj;

use std::ops::RangeInclusive;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::Instant;

use lopdf::{Dictionary, Document, LoadOptions, Object, ObjectId};

use crate::content::state::Matrix;
use crate::content::{interpret, ContentLimits, PageSink};
use crate::font::FontCache;
use crate::{Error, Page, Warning, WarningKind};

/// Limits that keep a hostile PDF from costing unbounded time or memory.
/// Settings are plain data: clone and reuse them across files and threads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PdfSettings {
    /// Largest size any single stream may decompress to (object streams,
    /// page content, form XObjects, fonts, CMaps). By default, 64 MiB.
    pub max_decompressed_size: usize,
    /// Deepest nesting of form XObjects drawn inside each other. By default, 16.
    pub max_xobject_depth: usize,
    /// Most content-stream operators run for one page, forms included; the
    /// rest of the page is skipped with a warning. By default, 2 000 000.
    pub max_operators_per_page: usize,
    /// Most pages read; later pages are ignored with a warning on the last
    /// page. By default, 10 000.
    pub max_pages: usize,
    /// The password to open an encrypted document with (user or owner).
    /// By default, none: only documents with an empty user password open.
    pub password: Option<String>,
    /// The 1-based pages to read, as inclusive ranges; the others are not
    /// interpreted. By default, none: every page.
    pub pages: Option<Vec<RangeInclusive<u32>>>,
    /// When to give up on the document: checked before each page and every
    /// [`DEADLINE_CHECK_OPERATORS`] operators, so a pathological file ends
    /// with [`Error::Timeout`] instead of holding its worker. By default,
    /// none.
    pub deadline: Option<Instant>,
}

/// How many content operators run between two looks at the clock: often
/// enough to stop within milliseconds, rare enough to cost nothing.
pub const DEADLINE_CHECK_OPERATORS: usize = 4096;

impl PdfSettings {
    /// Whether the 1-based page `number` is selected by [`PdfSettings::pages`].
    pub fn wants_page(&self, number: u32) -> bool {
        self.pages.as_ref().is_none_or(|ranges| ranges.iter().any(|r| r.contains(&number)))
    }

    fn past_deadline(&self) -> bool {
        self.deadline.is_some_and(|d| Instant::now() >= d)
    }
}

impl Default for PdfSettings {
    fn default() -> Self {
        PdfSettings {
            max_decompressed_size: 64 * 1024 * 1024,
            max_xobject_depth: 16,
            max_operators_per_page: 2_000_000,
            max_pages: 10_000,
            password: None,
            pages: None,
            deadline: None,
        }
    }
}

/// US Letter, the page size when a page has no usable `/MediaBox`. In points.
const FALLBACK_MEDIA_BOX: [f64; 4] = [0.0, 0.0, 612.0, 792.0];

/// Longest `/Parent` chain followed for inherited attributes (real trees
/// are a few levels deep; a cycle must not loop).
const MAX_PAGE_TREE_DEPTH: usize = 64;

/// The bytes with a catalog and trailer appended, pointing at the page tree
/// root found by scanning (a `/Type /Pages` object without `/Parent`), for
/// files whose own catalog or trailer was cut off. None when the file has
/// a catalog or no page tree.
fn with_synthetic_catalog(bytes: &[u8]) -> Option<Vec<u8>> {
    let objects = scan_object_headers(bytes);
    if objects.iter().any(|o| has_type(bytes, o, b"/Catalog")) {
        return None;
    }
    let root = objects
        .iter()
        .find(|o| has_type(bytes, o, b"/Pages") && find(&bytes[o.1..o.2], b"/Parent").is_none())?
        .0;
    let next = objects.iter().map(|(n, _, _)| *n).max()? + 1;
    let mut out = bytes.to_vec();
    out.extend_from_slice(
        format!(
            "\n{next} 0 obj\n<< /Type /Catalog /Pages {root} 0 R >>\nendobj\ntrailer\n<< /Root {next} 0 R /Size {} >>\n%%EOF\n",
            next + 1
        )
        .as_bytes(),
    );
    Some(out)
}

/// `(object number, body start, body end)` of every `N G obj` header; the
/// body runs to `endobj` or the next header (a cut file may lack `endobj`).
fn scan_object_headers(bytes: &[u8]) -> Vec<(u32, usize, usize)> {
    let mut heads = Vec::new();
    let mut i = 0;
    while let Some(at) = find(&bytes[i..], b" obj") {
        let end = i + at;
        let mut j = end;
        let mut fields = Vec::new();
        for _ in 0..2 {
            let stop = j;
            while j > 0 && bytes[j - 1].is_ascii_digit() {
                j -= 1;
            }
            fields.push(
                std::str::from_utf8(&bytes[j..stop]).ok().and_then(|t| t.parse::<u32>().ok()),
            );
            if j == 0 || bytes[j - 1] != b' ' {
                break;
            }
            j -= 1;
        }
        if let [Some(_generation), Some(number)] = fields[..] {
            heads.push((number, end + 4));
        }
        i = end + 4;
    }
    let ends: Vec<usize> = heads.iter().skip(1).map(|h| h.1).chain([bytes.len()]).collect();
    heads
        .iter()
        .zip(ends)
        .map(|(&(n, start), next)| {
            let end = find(&bytes[start..next], b"endobj").map_or(next, |e| start + e);
            (n, start, end)
        })
        .collect()
}

/// Whether an object's body says `/Type /KIND` (and not a longer name).
fn has_type(bytes: &[u8], &(_, start, end): &(u32, usize, usize), kind: &[u8]) -> bool {
    let body = &bytes[start..end];
    find(body, b"/Type").is_some_and(|at| {
        let rest = &body[at + b"/Type".len()..];
        let rest = &rest[rest.iter().take_while(|c| c.is_ascii_whitespace()).count()..];
        rest.starts_with(kind) && !rest.get(kind.len()).is_some_and(u8::is_ascii_alphanumeric)
    })
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Reads every page of a PDF: glyphs, rulings, images and warnings.
///
/// # Errors
/// [`Error::Load`] when the bytes are not a readable PDF (with lopdf's cause),
/// [`Error::Encrypted`] when a non-empty password is needed. Problems inside
/// a page are warnings on that page.
pub fn pdf_to_pages(bytes: &[u8], settings: &PdfSettings) -> Result<Vec<Page>, Error> {
    pdf_to_each_page(bytes, settings, |page| page)
}

/// Like [`pdf_to_pages`], but hands each page to `f` as soon as it is read
/// and keeps only what `f` returns, so a long document never holds every
/// page's glyphs at once.
pub fn pdf_to_each_page<T>(
    bytes: &[u8],
    settings: &PdfSettings,
    mut f: impl FnMut(Page) -> T,
) -> Result<Vec<T>, Error> {
    let options = LoadOptions {
        max_decompressed_size: Some(settings.max_decompressed_size),
        password: settings.password.clone(),
        ..LoadOptions::default()
    };
    let load = |b: &[u8]| {
        catch_unwind(AssertUnwindSafe(|| Document::load_mem_with_options(b, options.clone())))
            .map_err(|_| Error::Load("the PDF parser panicked on this input".into()))
    };
    let mut loaded = load(bytes)?;
    let mut recovered = false;
    if let (Err(_), Some(patched)) = (&loaded, with_synthetic_catalog(bytes)) {
        // A file cut off before its catalog (a truncated download) still
        // holds its first pages: give it a catalog over the page tree found.
        if let Ok(Ok(doc)) = load(&patched) {
            loaded = Ok(doc);
            recovered = true;
        }
    }
    let doc = match loaded {
        Ok(doc) => doc,
        Err(lopdf::Error::InvalidPassword) | Err(lopdf::Error::Decryption(_)) => {
            return Err(Error::Encrypted)
        }
        Err(e) => return Err(Error::Load(format!("{e}"))),
    };
    // lopdf tries the empty user password itself; if that failed, the
    // document is still encrypted and has no state to decrypt with.
    if doc.trailer.has(b"Encrypt") && doc.encryption_state.is_none() {
        return Err(Error::Encrypted);
    }
    let page_ids: Vec<ObjectId> = doc.page_iter().collect();
    if page_ids.is_empty() {
        return Err(Error::Load(
            "the document has no pages (page tree empty or unreadable)".into(),
        ));
    }
    let limits = ContentLimits {
        max_operators: settings.max_operators_per_page,
        max_xobject_depth: settings.max_xobject_depth,
        max_stream_size: settings.max_decompressed_size,
        deadline: settings.deadline,
    };
    let mut fonts = FontCache::default();
    let read = page_ids.len().min(settings.max_pages);
    let mut out = Vec::with_capacity(read);
    for (i, id) in page_ids.iter().take(settings.max_pages).enumerate() {
        let number = u32::try_from(i + 1).unwrap_or(u32::MAX);
        if settings.past_deadline() {
            return Err(Error::Timeout { page: number });
        }
        if !settings.wants_page(number) {
            continue;
        }
        let mut page =
            catch_unwind(AssertUnwindSafe(|| read_page(&doc, *id, number, &limits, &mut fonts)))
                .unwrap_or_else(|_| Page {
                    number,
                    warnings: vec![Warning::on(
                        number,
                        WarningKind::InterpreterPanic { object: *id },
                    )],
                    ..Page::default()
                });
        if i == 0 && !recovered {
            if let Some(how) = doc.xref_recovery {
                let kind = WarningKind::DamagedXref(format!("{how:?}"));
                page.warnings.insert(0, Warning::on(number, kind));
            }
        }
        if recovered && i == 0 {
            page.warnings.insert(0, Warning::on(number, WarningKind::NoCatalog));
        }
        if page_ids.len() > settings.max_pages && i + 1 == read {
            let kind = WarningKind::PageLimit { pages: page_ids.len(), read: settings.max_pages };
            page.warnings.push(Warning::on(number, kind));
        }
        out.push(f(page));
    }
    if settings.past_deadline() {
        // The last page may have been cut short by the deadline.
        return Err(Error::Timeout { page: u32::try_from(read).unwrap_or(u32::MAX) });
    }
    if out.is_empty() {
        return Err(Error::Load(format!(
            "none of the selected pages exists (the document has {} pages)",
            page_ids.len()
        )));
    }
    Ok(out)
}

/// Reads one page into a [`Page`].
fn read_page(
    doc: &Document,
    id: ObjectId,
    number: u32,
    limits: &ContentLimits,
    fonts: &mut FontCache,
) -> Page {
    let mut sink = PageSink { page: Page { number, ..Page::default() } };
    let Ok(dict) = doc.get_dictionary(id) else {
        sink.page.warnings.push(Warning::on(number, WarningKind::NotAPage { object: id }));
        return sink.page;
    };
    let geometry = PageGeometry::of(doc, dict, number, &mut sink.page.warnings);
    sink.page.width = geometry.width;
    sink.page.height = geometry.height;
    let content = match doc.get_page_content_with_limit(id, limits.max_stream_size) {
        Ok(c) => c,
        Err(e) => {
            let kind = WarningKind::ContentNotRead { object: id, error: e.to_string() };
            sink.page.warnings.push(Warning::on(number, kind));
            return sink.page;
        }
    };
    let resources = inherited(doc, dict, b"Resources").and_then(|o| match o {
        Object::Dictionary(d) => Some(d),
        _ => None,
    });
    interpret(doc, &content, resources, geometry.matrix, number, limits, fonts, &mut sink);
    sink.page
}

/// Size and user-space → page-space transform of a page.
#[derive(Clone, Debug, PartialEq)]
pub struct PageGeometry {
    /// Width after rotation, in points.
    pub width: f64,
    /// Height after rotation, in points.
    pub height: f64,
    /// Maps default user space to page space: top-left origin, y down,
    /// `/Rotate` applied, CropBox origin at (0, 0).
    pub matrix: Matrix,
}

impl PageGeometry {
    fn of(
        doc: &Document,
        page: &Dictionary,
        number: u32,
        warnings: &mut Vec<Warning>,
    ) -> PageGeometry {
        let media = inherited_box(doc, page, b"MediaBox");
        let media = media.unwrap_or_else(|| {
            warnings.push(Warning::on(number, WarningKind::NoMediaBox));
            FALLBACK_MEDIA_BOX
        });
        let crop = inherited_box(doc, page, b"CropBox").unwrap_or(media);
        let rotate = inherited(doc, page, b"Rotate").and_then(obj::num).unwrap_or(0.0);
        let rotate = rotate.rem_euclid(360.0);
        let quarter = (rotate / 90.0).round();
        if (rotate - quarter * 90.0).abs() > f64::EPSILON {
            let kind = WarningKind::OddRotate { rotate, used: quarter * 90.0 };
            warnings.push(Warning::on(number, kind));
        }
        PageGeometry::new(crop, (quarter as i64 * 90).rem_euclid(360))
    }

    /// The geometry of a page box `[x0 y0 x1 y1]` shown rotated clockwise by
    /// `rotate` degrees (0, 90, 180 or 270).
    pub fn new(page_box: [f64; 4], rotate: i64) -> PageGeometry {
        let [x0, y0, x1, y1] = page_box;
        let (w, h) = (x1 - x0, y1 - y0);
        // Each maps user (x, y) to top-left page coordinates of the page as shown.
        let (matrix, width, height) = match rotate {
            90 => (Matrix([0.0, 1.0, 1.0, 0.0, -y0, -x0]), h, w),
            180 => (Matrix([-1.0, 0.0, 0.0, 1.0, x1, -y0]), w, h),
            270 => (Matrix([0.0, -1.0, -1.0, 0.0, y1, x1]), h, w),
            _ => (Matrix([1.0, 0.0, 0.0, -1.0, -x0, y1]), w, h),
        };
        PageGeometry { width, height, matrix }
    }
}

/// An inheritable page attribute (ISO 32000-1, 7.7.3.4), references followed.
fn inherited<'a>(doc: &'a Document, page: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    let mut node = page;
    for _ in 0..MAX_PAGE_TREE_DEPTH {
        if let Some(value) = obj::get(doc, node, key) {
            return Some(value);
        }
        node = obj::get_dict(doc, node, b"Parent")?;
    }
    None
}

/// A page box as `[x0 y0 x1 y1]` with x0 < x1 and y0 < y1, if usable.
fn inherited_box(doc: &Document, page: &Dictionary, key: &[u8]) -> Option<[f64; 4]> {
    let Object::Array(arr) = inherited(doc, page, key)? else { return None };
    let v = obj::nums(doc, arr)?;
    let [a, b, c, d] = <[f64; 4]>::try_from(v).ok()?;
    let b = [a.min(c), b.min(d), a.max(c), b.max(d)];
    (b[2] - b[0] > 0.0 && b[3] - b[1] > 0.0).then_some(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(name: &str) -> Vec<u8> {
        std::fs::read(format!("{}/../../samples/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
    }

    #[test]
    fn a_passed_deadline_is_a_timeout() {
        let settings = PdfSettings { deadline: Some(Instant::now()), ..PdfSettings::default() };
        let err = pdf_to_pages(&sample("national_02.pdf"), &settings).unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::Timeout, "{err}");
    }

    #[test]
    fn pages_selects_and_password_opens() {
        let bytes = sample("national_02.pdf");
        let all = pdf_to_pages(&bytes, &PdfSettings::default()).unwrap();
        let settings = PdfSettings { pages: Some(vec![2..=2]), ..PdfSettings::default() };
        let some = pdf_to_pages(&bytes, &settings).unwrap();
        assert!(all.len() > 1);
        assert_eq!(some.iter().map(|p| p.number).collect::<Vec<_>>(), [2]);
        let locked = std::fs::read(format!(
            "{}/../../tests/hostile/encrypted_userpw.pdf",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap();
        let err = pdf_to_pages(&locked, &PdfSettings::default()).unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::Encrypted);
        let open = PdfSettings { password: Some("jixiao-user".into()), ..PdfSettings::default() };
        assert!(pdf_to_pages(&locked, &open).is_ok());
    }

    /// Damaged copies of real samples (bytes flipped, runs zeroed, the file
    /// cut) give pages or an error, never a panic: a deterministic stand-in
    /// for the fuzz targets that runs on stable.
    #[test]
    fn mutated_samples_never_panic() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../samples/");
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for name in ["seed_cid_02.pdf", "seed_html_02.pdf", "gbk_01.pdf", "notounicode_01.pdf"] {
            let original = std::fs::read(format!("{dir}{name}")).unwrap();
            for round in 0..25 {
                let mut bytes = original.clone();
                let len = bytes.len() as u64;
                match round % 3 {
                    0 => (0..8).for_each(|_| bytes[(next() % len) as usize] = next() as u8),
                    1 => {
                        let at = (next() % len) as usize;
                        let end = (at + 64).min(bytes.len());
                        bytes[at..end].fill(0);
                    }
                    _ => bytes.truncate((next() % len) as usize),
                }
                let lattice = crate::grid::LatticeSettings::default();
                let _ = crate::pdf_to_rows(&bytes, &PdfSettings::default(), &lattice);
            }
        }
    }

    #[test]
    fn rotation_maps_corners_to_top_left() {
        let media = [0.0, 0.0, 600.0, 800.0];
        // Unrotated: user top-left (0, 800) is page (0, 0).
        let g = PageGeometry::new(media, 0);
        assert_eq!((g.width, g.height), (600.0, 800.0));
        assert_eq!(g.matrix.apply(0.0, 800.0), (0.0, 0.0));
        assert_eq!(g.matrix.apply(600.0, 0.0), (600.0, 800.0));
        // /Rotate 90 (clockwise): the user bottom-left corner shows at the top left.
        let g = PageGeometry::new(media, 90);
        assert_eq!((g.width, g.height), (800.0, 600.0));
        assert_eq!(g.matrix.apply(0.0, 0.0), (0.0, 0.0));
        assert_eq!(g.matrix.apply(0.0, 800.0), (800.0, 0.0));
        assert_eq!(g.matrix.apply(600.0, 0.0), (0.0, 600.0));
        // 180: user top-right shows at the bottom left... and bottom-right at the top left.
        let g = PageGeometry::new(media, 180);
        assert_eq!(g.matrix.apply(600.0, 0.0), (0.0, 0.0));
        assert_eq!(g.matrix.apply(0.0, 800.0), (600.0, 800.0));
        // 270: user top-right shows at the top left.
        let g = PageGeometry::new(media, 270);
        assert_eq!((g.width, g.height), (800.0, 600.0));
        assert_eq!(g.matrix.apply(600.0, 800.0), (0.0, 0.0));
        assert_eq!(g.matrix.apply(0.0, 0.0), (800.0, 600.0));
    }

    #[test]
    fn crop_box_origin_moves_to_zero() {
        let g = PageGeometry::new([10.0, 20.0, 110.0, 220.0], 0);
        assert_eq!(g.matrix.apply(10.0, 220.0), (0.0, 0.0));
        assert_eq!((g.width, g.height), (100.0, 200.0));
    }

    /// Tests on the public sample corpus in `samples/`.
    mod corpus {
        use super::super::*;
        use std::path::PathBuf;

        fn samples() -> PathBuf {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../samples")
        }

        /// Whitespace removed, full-width ASCII folded (the truth files use
        /// half-width punctuation; forms print either).
        fn normalise(s: &str) -> String {
            s.chars()
                .filter(|c| !c.is_whitespace())
                .map(|c| match u32::from(c) {
                    0xFF01..=0xFF5E => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
                    _ => c,
                })
                .collect()
        }

        /// `needle` in `hay`, either whole or, for a name wrapped inside its
        /// cell, as a subsequence whose pieces are interleaved with at most
        /// [`MAX_WRAP_GAP`] characters of neighbouring cells in all.
        fn contains_wrapped(hay: &str, needle: &str) -> bool {
            const MAX_WRAP_GAP: usize = 120;
            if hay.contains(needle) {
                return true;
            }
            let hay: Vec<char> = hay.chars().collect();
            let needle: Vec<char> = needle.chars().collect();
            let Some(&first) = needle.first() else { return true };
            (0..hay.len()).filter(|&i| hay[i] == first).any(|start| {
                let mut k = 0;
                for &c in hay.iter().skip(start).take(needle.len() + MAX_WRAP_GAP) {
                    if k < needle.len() && c == needle[k] {
                        k += 1;
                    }
                }
                k == needle.len()
            })
        }

        fn pages_of(name: &str) -> Vec<Page> {
            let bytes =
                std::fs::read(samples().join(format!("{name}.pdf"))).expect("sample present");
            pdf_to_pages(&bytes, &PdfSettings::default()).expect("sample loads")
        }

        fn sample_names(prefix: &str) -> Vec<String> {
            let mut names: Vec<String> = std::fs::read_dir(samples())
                .expect("samples dir")
                .filter_map(|e| e.ok())
                .filter_map(|e| e.file_name().to_str().map(String::from))
                .filter(|n| n.starts_with(prefix) && n.ends_with(".pdf"))
                .map(|n| n.trim_end_matches(".pdf").to_string())
                .collect();
            names.sort();
            names
        }

        fn check_text_style(prefix: &str) {
            let names = sample_names(prefix);
            assert!(!names.is_empty(), "no {prefix} samples");
            for name in names {
                let pages = pages_of(&name);
                let text = normalise(
                    &pages
                        .iter()
                        .flat_map(|p| p.glyphs.iter().map(|g| g.text.as_str()))
                        .collect::<String>(),
                );
                let truth: serde_json::Value = serde_json::from_str(
                    &std::fs::read_to_string(samples().join(format!("{name}.truth.json")))
                        .expect("truth"),
                )
                .expect("truth parses");
                let mut missing = Vec::new();
                for record in truth.as_array().expect("array") {
                    let mut wanted =
                        vec![record["project_name"].as_str().unwrap_or_default().to_string()];
                    for ind in record["indicators"].as_array().into_iter().flatten() {
                        wanted.push(ind["name"].as_str().unwrap_or_default().to_string());
                    }
                    for w in wanted {
                        if !w.is_empty() && !contains_wrapped(&text, &normalise(&w)) {
                            missing.push(w);
                        }
                    }
                }
                assert!(missing.is_empty(), "{name}: not found in glyph text: {missing:?}");
                assert!(pages.iter().all(|p| p.width > 0.0 && p.height > 0.0));
                assert!(
                    pages.iter().any(|p| !p.rulings.is_empty()) || name.contains("cid_04"),
                    "{name}: no rulings"
                );
            }
        }

        /// `JIXIAO_DUMP=seed_html_02 cargo test -p jixiao-layout dump -- --ignored --nocapture`
        #[test]
        #[ignore = "debugging aid: prints a sample's glyphs"]
        fn dump() {
            let name = std::env::var("JIXIAO_DUMP").unwrap_or_else(|_| "seed_cid_01".into());
            for page in pages_of(&name).iter().take(2) {
                println!(
                    "page {} {}x{} rulings {} images {}",
                    page.number,
                    page.width,
                    page.height,
                    page.rulings.len(),
                    page.has_images
                );
                println!("warnings: {:?}", page.warnings);
                for g in page.glyphs.iter().take(60) {
                    println!(
                        "{:?} {:.1} {:.1} {:.1} {:.1} {:.1}",
                        g.text, g.bbox.x0, g.bbox.top, g.bbox.x1, g.bbox.bottom, g.font_size
                    );
                }
            }
        }

        #[test]
        fn cid_samples_text() {
            check_text_style("seed_cid_");
        }

        #[test]
        fn docx_samples_text() {
            check_text_style("seed_docx_");
        }

        #[test]
        fn html_samples_text() {
            check_text_style("seed_html_");
        }

        #[test]
        fn xlsx_samples_text() {
            check_text_style("seed_xlsx_");
        }

        /// GBK-EUC-H codes, the national template, Identity-H without
        /// ToUnicode, and an empty-user-password encrypted file.
        #[test]
        fn other_producer_samples_text() {
            for prefix in ["gbk_", "national_", "notounicode_", "encrypted_"] {
                check_text_style(prefix);
            }
        }

        #[test]
        fn scans_have_images_and_no_glyphs() {
            for name in sample_names("seed_scan_") {
                let pages = pages_of(&name);
                assert!(pages.iter().all(|p| p.glyphs.is_empty()), "{name} has glyphs");
                assert!(pages.iter().all(|p| p.has_images), "{name} lacks images");
            }
        }

        #[test]
        fn cid_03_rotated_pages_come_out_upright() {
            let pages = pages_of("seed_cid_03");
            let title = "财政项目支出绩效自评表";
            let mut found = 0;
            for page in &pages {
                // The title's glyphs, in content order: one line, left to right.
                let glyphs: Vec<_> = page.glyphs.iter().collect();
                let chars: Vec<char> = title.chars().collect();
                for start in 0..glyphs.len() {
                    let run = &glyphs[start..(start + chars.len()).min(glyphs.len())];
                    if run.len() == chars.len()
                        && run.iter().zip(&chars).all(|(g, c)| g.text.starts_with(*c))
                    {
                        found += 1;
                        assert!(
                            run.windows(2).all(|w| w[1].bbox.x0 > w[0].bbox.x0),
                            "page {}: not left to right",
                            page.number
                        );
                        assert!(
                            run.windows(2).all(|w| (w[1].bbox.top - w[0].bbox.top).abs() < 1.0),
                            "page {}: not one line",
                            page.number
                        );
                        assert!(run.iter().all(
                            |g| g.bbox.height() > 0.0 && g.bbox.height() < g.bbox.width() * 2.0
                        ));
                        break;
                    }
                }
            }
            assert!(found > 0, "title not found on any page");
        }
    }

    /// Hostile inputs: only "no panic, no hang" is asserted, apart from exact-output tests.
    mod hostile {
        use super::super::*;
        use lopdf::dictionary;

        fn minimal_pdf(content: &[u8]) -> Vec<u8> {
            let mut doc = Document::with_version("1.5");
            let content_id =
                doc.add_object(lopdf::Stream::new(lopdf::Dictionary::new(), content.to_vec()));
            let pages_id = doc.new_object_id();
            let page_id = doc.add_object(dictionary! {
                "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
                "MediaBox" => vec![0.into(), 0.into(), 200.into(), 200.into()],
            });
            doc.objects.insert(
                pages_id,
                Object::Dictionary(
                    dictionary! { "Type" => "Pages", "Kids" => vec![page_id.into()], "Count" => 1 },
                ),
            );
            let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
            doc.trailer.set("Root", catalog);
            let mut out = Vec::new();
            doc.save_to(&mut out).expect("save");
            out
        }

        fn hostile(name: &str) -> Result<Vec<Page>, Error> {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../../tests/hostile")
                .join(name);
            let bytes = std::fs::read(path).expect("hostile file present");
            pdf_to_pages(&bytes, &PdfSettings::default())
        }

        #[test]
        fn hostile_corpus_never_panics() {
            for name in ["truncated.pdf", "garbage.pdf", "empty.pdf", "notext.pdf"] {
                let _ = hostile(name);
            }
            assert!(hostile("empty.pdf").is_err());
            assert!(hostile("garbage.pdf").is_err());
        }

        #[test]
        fn hostile_user_password_is_encrypted_error() {
            assert!(
                matches!(hostile("encrypted_userpw.pdf"), Err(Error::Encrypted)),
                "{:?}",
                hostile("encrypted_userpw.pdf").map(|p| p.len())
            );
        }

        #[test]
        fn hostile_bomb_is_capped() {
            let settings = PdfSettings { max_decompressed_size: 4 << 20, ..PdfSettings::default() };
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../../tests/hostile/bomb.pdf");
            let bytes = std::fs::read(path).expect("present");
            match pdf_to_pages(&bytes, &settings) {
                Ok(pages) => assert!(
                    pages.iter().all(|p| p.glyphs.is_empty())
                        && pages.iter().any(|p| !p.warnings.is_empty())
                ),
                Err(e) => assert!(!e.to_string().is_empty()),
            }
        }

        #[test]
        fn hostile_recursive_forms_are_bounded() {
            let pages = hostile("deep_xobject.pdf").expect("loads");
            let warnings = pages.iter().flat_map(|p| &p.warnings).collect::<Vec<_>>();
            let kinds = warnings.iter().map(|w| &w.kind);
            assert!(
                kinds.clone().any(|k| matches!(k, WarningKind::XObjectDrawsItself(_))),
                "{warnings:?}"
            );
            assert!(
                kinds.clone().any(|k| matches!(k, WarningKind::XObjectTooDeep { .. })),
                "{warnings:?}"
            );
        }

        #[test]
        fn hostile_image_only_page() {
            let pages = hostile("notext.pdf").expect("loads");
            assert!(pages.iter().all(|p| p.glyphs.is_empty() && p.has_images));
        }

        #[test]
        fn empty_bytes() {
            assert!(matches!(pdf_to_pages(b"", &PdfSettings::default()), Err(Error::Load(_))));
        }

        #[test]
        fn random_bytes() {
            // A fixed xorshift sequence: reproducible noise.
            let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
            let bytes: Vec<u8> = (0..4096)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    x as u8
                })
                .collect();
            assert!(pdf_to_pages(&bytes, &PdfSettings::default()).is_err());
            let mut with_header = b"%PDF-1.4\n".to_vec();
            with_header.extend_from_slice(&bytes);
            let _ = pdf_to_pages(&with_header, &PdfSettings::default());
        }

        #[test]
        fn truncated_samples() {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../../samples/seed_cid_01.pdf");
            let bytes = std::fs::read(path).expect("sample");
            for cut in [10, bytes.len() / 3, bytes.len() / 2, bytes.len() - 20] {
                let _ = pdf_to_pages(&bytes[..cut], &PdfSettings::default());
            }
        }

        #[test]
        fn garbage_content_stream_gives_warnings() {
            let pdf = minimal_pdf(b"q 1 0 0 1 cm BT /F9 12 Tf (x) Tj ET zz 1 2 3 l ) ] >> <<< BI ID \xff\xfe EI Q Q Q q q");
            let pages = pdf_to_pages(&pdf, &PdfSettings::default()).expect("loads");
            assert_eq!(pages.len(), 1);
            assert!(!pages[0].warnings.is_empty());
            assert!(pages[0].glyphs.is_empty());
        }

        #[test]
        fn operator_limit_stops_the_page() {
            let content = b"0 0 m 10 0 l S ".repeat(1000);
            let settings = PdfSettings { max_operators_per_page: 30, ..PdfSettings::default() };
            let pages = pdf_to_pages(&minimal_pdf(&content), &settings).expect("loads");
            assert!(pages[0].rulings.len() <= 10);
            assert!(pages[0]
                .warnings
                .iter()
                .any(|w| matches!(w.kind, WarningKind::OperatorLimit(_))));
        }
    }
}
