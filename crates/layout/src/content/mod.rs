//! The content-stream interpreter: the only place that knows PDF operators.
//!
//! [`interpret`] runs a page's (or form's) content through a small state
//! machine (graphics state stack, CTM, text state, path) and reports what it
//! sees to a [`Sink`]: glyphs with their page-space boxes, ruling lines,
//! images, marked-content sections and warnings. Operators are first decoded
//! into the typed [`ops::Op`] enum; unknown operators and bad operands are
//! skipped with a warning.
//!
//! It does not render, clip, or run Type3 glyph procedures, and ignores
//! colour: a white line still counts as a ruling.

pub mod actual_text;
mod fonts;
pub mod ops;
pub mod path;
pub mod state;
mod text;

use std::collections::HashSet;

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object};

use crate::font::report::FontUsage;
use crate::font::FontCache;
use crate::pdf::obj;
use crate::{Glyph, Page, Ruling, Warning, WarningKind};
use ops::{decode_operation, Op};
use path::Path;
use state::{GraphicsState, Matrix, TextState};

/// Where the interpreter reports what it finds. Tests collect through it;
/// [`PageSink`] builds a [`Page`].
pub trait Sink {
    /// A glyph, in page space.
    fn glyph(&mut self, glyph: Glyph);
    /// A ruling line, in page space.
    fn ruling(&mut self, ruling: Ruling);
    /// An image was painted (image XObject or inline image).
    fn image(&mut self);
    /// A `BMC`/`BDC` section begins. Glyphs inside `/Artifact` sections
    /// (page headers and footers in tagged PDFs) are still reported.
    fn begin_marked_content(&mut self, _tag: &[u8]) {}
    /// The innermost marked-content section ends.
    fn end_marked_content(&mut self) {}
    /// A recovered anomaly.
    fn warning(&mut self, warning: Warning);
    /// At the end of the page: each font used, with its glyphs counted by
    /// where their text came from.
    fn font_usage(&mut self, _usage: Vec<FontUsage>) {}
}

/// A [`Sink`] that fills a [`Page`].
#[derive(Debug, Default)]
pub struct PageSink {
    /// The page being filled.
    pub page: Page,
}

impl Sink for PageSink {
    fn glyph(&mut self, glyph: Glyph) {
        self.page.glyphs.push(glyph);
    }
    fn ruling(&mut self, ruling: Ruling) {
        self.page.rulings.push(ruling);
    }
    fn image(&mut self) {
        self.page.has_images = true;
    }
    fn warning(&mut self, warning: Warning) {
        self.page.warnings.push(warning);
    }
    fn font_usage(&mut self, usage: Vec<FontUsage>) {
        self.page.fonts = usage;
    }
}

/// Bounds on the work one page may cost.
#[derive(Clone, Debug)]
pub struct ContentLimits {
    /// Most operators run per page, form XObjects included.
    pub max_operators: usize,
    /// Deepest nesting of form XObjects.
    pub max_xobject_depth: usize,
    /// Largest decompressed content or font stream, in bytes.
    pub max_stream_size: usize,
    /// When to stop interpreting (see `PdfSettings::deadline`).
    pub deadline: Option<std::time::Instant>,
}

/// At most this many warnings of one kind (unknown operator, bad operand)
/// are kept per page, so a garbage stream gives a short report.
const MAX_WARNINGS_PER_PAGE: usize = 50;

/// Runs `content` with `resources`, starting from `initial` (user space →
/// page space), reporting to `sink`. Glyphs and rulings carry `page`.
#[allow(clippy::too_many_arguments)]
pub fn interpret(
    doc: &Document,
    content: &[u8],
    resources: Option<&Dictionary>,
    initial: Matrix,
    page: u32,
    limits: &ContentLimits,
    fonts: &mut FontCache,
    sink: &mut dyn Sink,
) {
    let mut interp = Interpreter {
        doc,
        sink,
        limits,
        fonts,
        page,
        operators: 0,
        stopped: false,
        warnings: 0,
        gs: GraphicsState {
            ctm: initial,
            text: TextState::default(),
            stroke_white: false,
            fill_white: false,
        },
        stack: Vec::new(),
        path: Path::default(),
        tm: Matrix::IDENTITY,
        tlm: Matrix::IDENTITY,
        depth: 0,
        forms: HashSet::new(),
        warned_fonts: HashSet::new(),
        warned_slant: false,
        marked: Vec::new(),
        font_usage: Vec::new(),
    };
    interp.run(content, resources);
    // A span left open at the end of the page still stands for its glyphs.
    while !interp.marked.is_empty() {
        interp.end_marked();
    }
    interp.report_fonts();
}

struct Interpreter<'a, 's> {
    doc: &'a Document,
    sink: &'s mut dyn Sink,
    limits: &'s ContentLimits,
    fonts: &'s mut FontCache,
    page: u32,
    operators: usize,
    stopped: bool,
    warnings: usize,
    gs: GraphicsState,
    stack: Vec<GraphicsState>,
    path: Path,
    /// Text matrix and text line matrix (not part of the saved state).
    tm: Matrix,
    tlm: Matrix,
    depth: usize,
    /// Forms being run (object ids), to refuse a form that draws itself.
    forms: HashSet<lopdf::ObjectId>,
    /// Font resource names already warned about.
    warned_fonts: HashSet<Vec<u8>>,
    /// Whether slanted text was already reported on this page.
    warned_slant: bool,
    /// Open marked-content sections; `Some` for those with `/ActualText`.
    marked: Vec<Option<actual_text::Span>>,
    /// Each font used on this page, with its glyph tally.
    font_usage: Vec<(std::sync::Arc<crate::font::Font>, FontUsage)>,
}

impl Interpreter<'_, '_> {
    fn warn(&mut self, kind: WarningKind) {
        self.warnings += 1;
        if self.warnings <= MAX_WARNINGS_PER_PAGE {
            self.sink.warning(Warning::on(self.page, kind));
        } else if self.warnings == MAX_WARNINGS_PER_PAGE + 1 {
            self.sink.warning(Warning::on(self.page, WarningKind::Suppressed));
        }
    }

    /// Runs one content stream. The `q` stack is restored to its depth at
    /// entry afterwards, so an unbalanced `q` cannot leak out of a form or page.
    fn run(&mut self, content: &[u8], resources: Option<&Dictionary>) {
        let base = self.stack.len();
        for operation in Content::decode_iter(content) {
            if self.stopped {
                break;
            }
            let operation = match operation {
                Ok(op) => op,
                Err(e) => {
                    self.warn(WarningKind::ContentUnreadable(e.to_string()));
                    break;
                }
            };
            self.operators += 1;
            if self.operators > self.limits.max_operators {
                self.warn(WarningKind::OperatorLimit(self.limits.max_operators));
                self.stopped = true;
                break;
            }
            if self.operators.is_multiple_of(crate::pdf::DEADLINE_CHECK_OPERATORS)
                && self.limits.deadline.is_some_and(|d| std::time::Instant::now() >= d)
            {
                // The caller sees the deadline passed and fails the file.
                self.stopped = true;
                break;
            }
            match decode_operation(&operation) {
                Ok(op) => self.execute(op, resources),
                Err(e) => self.warn(WarningKind::SkippedOperator(e)),
            }
        }
        if self.stack.len() > base {
            self.stack.truncate(base + 1);
            if let Some(saved) = self.stack.pop() {
                self.gs = saved;
            }
        }
    }

    fn page_point(&self, x: f64, y: f64) -> (f64, f64) {
        self.gs.ctm.apply(x, y)
    }

    fn execute(&mut self, op: Op, resources: Option<&Dictionary>) {
        match op {
            Op::Save => self.stack.push(self.gs.clone()),
            Op::Restore => {
                // An unbalanced Q is ignored, as viewers do.
                if let Some(saved) = self.stack.pop() {
                    self.gs = saved;
                }
            }
            Op::Transform(m) => {
                let m = Matrix(m);
                if m.is_finite() {
                    self.gs.ctm = m.then(&self.gs.ctm);
                }
            }
            Op::StrokeWhite(white) => self.gs.stroke_white = white,
            Op::FillWhite(white) => self.gs.fill_white = white,
            Op::LineWidth(_) | Op::Clip | Op::Ignored => {}
            Op::MoveTo(x, y) => self.path.move_to(self.page_point(x, y)),
            Op::LineTo(x, y) => self.path.line_to(self.page_point(x, y)),
            Op::CurveTo(x, y) => self.path.curve_to(self.page_point(x, y)),
            Op::ClosePath => self.path.close(),
            Op::Rect(x, y, w, h) => {
                let corners = [
                    self.page_point(x, y),
                    self.page_point(x + w, y),
                    self.page_point(x + w, y + h),
                    self.page_point(x, y + h),
                ];
                self.path.rect(corners);
            }
            Op::Stroke => self.paint(false, true, false),
            Op::CloseStroke => self.paint(false, true, true),
            Op::Fill => self.paint(true, false, false),
            Op::FillStroke => self.paint(true, true, false),
            Op::CloseFillStroke => self.paint(true, true, true),
            Op::EndPath => self.path.clear(),
            Op::BeginText => {
                self.tm = Matrix::IDENTITY;
                self.tlm = Matrix::IDENTITY;
            }
            Op::EndText => {}
            Op::CharSpacing(v) => self.gs.text.char_spacing = v,
            Op::WordSpacing(v) => self.gs.text.word_spacing = v,
            Op::HorizontalScaling(v) => self.gs.text.horizontal_scaling = v / 100.0,
            Op::Leading(v) => self.gs.text.leading = v,
            Op::Font(name, size) => self.set_font(&name, size, resources),
            Op::RenderMode(mode) => self.gs.text.render_mode = mode,
            Op::Rise(v) => self.gs.text.rise = v,
            Op::MoveText(x, y) => self.move_text(x, y),
            Op::MoveTextSetLeading(x, y) => {
                self.gs.text.leading = -y;
                self.move_text(x, y);
            }
            Op::TextMatrix(m) => {
                let m = Matrix(m);
                if m.is_finite() {
                    self.tm = m;
                    self.tlm = m;
                }
            }
            Op::NextLine => self.move_text(0.0, -self.gs.text.leading),
            Op::ShowText(bytes) => self.show_text(&bytes),
            Op::ShowTextArray(items) => self.show_text_array(&items),
            Op::NextLineShowText(bytes) => {
                self.move_text(0.0, -self.gs.text.leading);
                self.show_text(&bytes);
            }
            Op::NextLineShowTextSpaced(aw, ac, bytes) => {
                self.gs.text.word_spacing = aw;
                self.gs.text.char_spacing = ac;
                self.move_text(0.0, -self.gs.text.leading);
                self.show_text(&bytes);
            }
            Op::XObject(name) => self.draw_xobject(&name, resources),
            Op::InlineImage => self.sink.image(),
            Op::BeginMarked(tag) => {
                self.marked.push(None);
                self.sink.begin_marked_content(&tag)
            }
            Op::BeginMarkedProps(tag, props) => {
                // Inside a span with /ActualText, inner ones are part of it.
                let span = (!self.marked.iter().any(Option::is_some))
                    .then(|| actual_text::actual_text(self.doc, &props, resources))
                    .flatten()
                    .map(actual_text::Span::new);
                self.marked.push(span);
                self.sink.begin_marked_content(&tag)
            }
            Op::EndMarked => self.end_marked(),
        }
    }

    /// Ends the innermost marked-content section; a span with `/ActualText`
    /// hands its text to the sink in place of its glyphs.
    fn end_marked(&mut self) {
        if let Some(Some(span)) = self.marked.pop() {
            for glyph in span.finish() {
                self.sink.glyph(glyph);
            }
        }
        self.sink.end_marked_content();
    }

    /// A glyph to report, held back while an `/ActualText` span is open.
    fn emit_glyph(&mut self, glyph: Glyph) {
        match self.marked.iter_mut().find_map(Option::as_mut) {
            Some(span) => span.push(glyph),
            None => self.sink.glyph(glyph),
        }
    }

    fn move_text(&mut self, x: f64, y: f64) {
        self.tlm = Matrix::translate(x, y).then(&self.tlm);
        self.tm = self.tlm;
    }

    fn paint(&mut self, fill: bool, stroke: bool, close: bool) {
        if close {
            self.path.close();
        }
        // White lines print as nothing: they are no borders (producers draw
        // them over merged cells).
        if stroke && !self.gs.stroke_white {
            for r in self.path.stroke_rulings(self.page) {
                self.sink.ruling(r);
            }
        }
        if fill && !self.gs.fill_white {
            for r in self.path.fill_rulings(self.page) {
                self.sink.ruling(r);
            }
        }
        self.path.clear();
    }

    fn set_font(&mut self, name: &[u8], size: f64, resources: Option<&Dictionary>) {
        self.gs.text.size = size;
        let entry = resources
            .and_then(|r| obj::get_dict(self.doc, r, b"Font"))
            .and_then(|fonts| fonts.get(name).ok());
        let loaded =
            entry.and_then(|entry| self.fonts.get(self.doc, entry, self.limits.max_stream_size));
        match loaded {
            Some((font, warnings)) => {
                for problem in warnings {
                    self.warn(WarningKind::Font { font: font.base_font.clone(), problem });
                }
                self.note_font(name, &font);
                self.gs.text.font = Some(font);
            }
            None => {
                self.gs.text.font = None;
                if self.warned_fonts.insert(name.to_vec()) {
                    self.warn(WarningKind::FontNotFound(obj::name_str(name)));
                }
            }
        }
    }

    fn draw_xobject(&mut self, name: &[u8], resources: Option<&Dictionary>) {
        let doc = self.doc;
        let Some(entry) = resources
            .and_then(|r| obj::get_dict(doc, r, b"XObject"))
            .and_then(|x| x.get(name).ok())
        else {
            self.warn(WarningKind::XObjectNotFound(obj::name_str(name)));
            return;
        };
        let id = entry.as_reference().ok();
        let Object::Stream(stream) = obj::resolve(doc, entry) else {
            self.warn(WarningKind::XObjectNotStream(obj::name_str(name)));
            return;
        };
        match obj::get_name(doc, &stream.dict, b"Subtype") {
            Some(b"Image") => self.sink.image(),
            Some(b"Form") => {
                if self.depth >= self.limits.max_xobject_depth {
                    let depth = self.limits.max_xobject_depth;
                    self.warn(WarningKind::XObjectTooDeep { name: obj::name_str(name), depth });
                    return;
                }
                if let Some(id) = id {
                    if !self.forms.insert(id) {
                        self.warn(WarningKind::XObjectDrawsItself(id));
                        return;
                    }
                }
                let content = match obj::stream_content(stream, self.limits.max_stream_size) {
                    Ok(c) => c,
                    Err(e) => {
                        let name = obj::name_str(name);
                        self.warn(WarningKind::XObjectUnreadable { name, error: e.to_string() });
                        if let Some(id) = id {
                            self.forms.remove(&id);
                        }
                        return;
                    }
                };
                let matrix = obj::get_array(doc, &stream.dict, b"Matrix")
                    .and_then(|a| obj::nums(doc, a))
                    .and_then(|m| <[f64; 6]>::try_from(m).ok())
                    .map_or(Matrix::IDENTITY, Matrix);
                let form_resources = obj::get_dict(doc, &stream.dict, b"Resources").or(resources);
                let saved = (self.gs.clone(), std::mem::take(&mut self.path), self.tm, self.tlm);
                self.stack.push(self.gs.clone());
                if matrix.is_finite() {
                    self.gs.ctm = matrix.then(&self.gs.ctm);
                }
                self.depth += 1;
                self.run(&content, form_resources);
                self.depth -= 1;
                self.stack.pop();
                (self.gs, self.path, self.tm, self.tlm) = saved;
                if let Some(id) = id {
                    self.forms.remove(&id);
                }
            }
            other => {
                let subtype = other.map(obj::name_str).unwrap_or_default();
                self.warn(WarningKind::XObjectIgnored { name: obj::name_str(name), subtype });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Orientation;
    use lopdf::{dictionary, Stream};

    #[derive(Default)]
    struct Collect {
        glyphs: Vec<Glyph>,
        rulings: Vec<Ruling>,
        images: usize,
        marked: Vec<String>,
        warnings: Vec<Warning>,
    }

    impl Sink for Collect {
        fn glyph(&mut self, glyph: Glyph) {
            self.glyphs.push(glyph);
        }
        fn ruling(&mut self, ruling: Ruling) {
            self.rulings.push(ruling);
        }
        fn image(&mut self) {
            self.images += 1;
        }
        fn begin_marked_content(&mut self, tag: &[u8]) {
            self.marked.push(String::from_utf8_lossy(tag).into_owned());
        }
        fn end_marked_content(&mut self) {
            self.marked.push("end".into());
        }
        fn warning(&mut self, warning: Warning) {
            self.warnings.push(warning);
        }
    }

    /// A page 800 points high: user y up → page y down.
    const FLIP: Matrix = Matrix([1.0, 0.0, 0.0, -1.0, 0.0, 800.0]);

    const LIMITS: ContentLimits = ContentLimits {
        max_operators: 10_000,
        max_xobject_depth: 4,
        max_stream_size: 1 << 20,
        deadline: None,
    };

    /// A document with /F1 (simple font, every glyph 500/1000 wide, ascent
    /// 800, descent -200), form /Fm (matrix: translate 100 0) drawing a
    /// rule, image /Im, and a form /Loop that draws itself.
    fn fixture() -> (Document, Dictionary) {
        let mut doc = Document::with_version("1.7");
        let descriptor =
            doc.add_object(dictionary! { "Ascent" => 800, "Descent" => -200, "Flags" => 32 });
        let font = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "Test",
            "FirstChar" => 32, "Widths" => vec![Object::Integer(500); 95],
            "Encoding" => "WinAnsiEncoding", "FontDescriptor" => descriptor,
        });
        // A symbolic font whose codes 0x41–0x42 name glyphs nothing knows.
        let symbolic = doc.add_object(dictionary! { "Flags" => 4 });
        let unknown = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Odd",
            "Encoding" => dictionary! { "Differences" => vec![
                Object::Integer(0x41), Object::Name(b".notdef".to_vec()),
                Object::Name(b"glyphX".to_vec()),
            ] },
            "FontDescriptor" => symbolic,
        });
        let form = doc.add_object(Stream::new(
            dictionary! { "Subtype" => "Form", "Matrix" => vec![1.into(), 0.into(), 0.into(), 1.into(), 100.into(), 0.into()] },
            b"q 0 0 m 50 0 l S".to_vec(),
        ));
        let image = doc.add_object(Stream::new(dictionary! { "Subtype" => "Image" }, vec![0]));
        let loop_id = doc.new_object_id();
        let resources = dictionary! {
            "Font" => dictionary! { "F1" => font, "F2" => unknown },
            "XObject" => dictionary! { "Fm" => form, "Im" => image, "Loop" => loop_id },
        };
        doc.objects.insert(
            loop_id,
            Object::Stream(Stream::new(
                dictionary! { "Subtype" => "Form", "Resources" => resources.clone() },
                b"/Loop Do".to_vec(),
            )),
        );
        (doc, resources)
    }

    fn run(content: &[u8]) -> Collect {
        let (doc, resources) = fixture();
        let mut sink = Collect::default();
        let mut fonts = FontCache::default();
        interpret(&doc, content, Some(&resources), FLIP, 1, &LIMITS, &mut fonts, &mut sink);
        sink
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn glyph_boxes_follow_text_matrix() {
        let out = run(b"BT /F1 10 Tf 1 0 0 1 100 700 Tm (AB) Tj ET");
        assert_eq!(out.glyphs.iter().map(|g| g.text.as_str()).collect::<String>(), "AB");
        let a = &out.glyphs[0].bbox;
        // Baseline at page y 100; ascent 8, descent 2; width 5.
        assert!(
            close(a.x0, 100.0)
                && close(a.x1, 105.0)
                && close(a.top, 92.0)
                && close(a.bottom, 102.0),
            "{a:?}"
        );
        assert!(close(out.glyphs[1].bbox.x0, 105.0));
        assert!(close(out.glyphs[0].font_size, 10.0));
        assert_eq!(out.glyphs[0].page, 1);
    }

    #[test]
    fn spacing_scaling_and_tj_adjustments() {
        // Tc 1, Tw 3 (applies to the space), Tz 200; TJ -1000 moves 10 right (scaled: 20).
        let out = run(b"BT /F1 10 Tf 1 Tc 3 Tw 200 Tz 0 700 Td (A B) Tj [(C) -1000 (D)] TJ ET");
        let x: Vec<f64> = out.glyphs.iter().map(|g| g.bbox.x0).collect();
        // A at 0; advance (5+1)*2 = 12; space: (5+1+3)*2 = 18; B at 30; C at 42; D at 42+12+20.
        assert_eq!(x, vec![0.0, 12.0, 30.0, 42.0, 74.0]);
        assert!(close(out.glyphs[0].bbox.width(), 10.0));
    }

    #[test]
    fn leading_and_next_line_operators() {
        let out = run(
            b"BT /F1 10 Tf 12 TL 0 700 Td (A) Tj T* (B) Tj 0 -20 TD (C) Tj (D) ' 1 2 (E) \" ET",
        );
        let tops: Vec<f64> = out.glyphs.iter().map(|g| g.bbox.top + 8.0).collect();
        assert_eq!(tops, vec![100.0, 112.0, 132.0, 152.0, 172.0]);
    }

    #[test]
    fn ctm_and_save_restore() {
        let out = run(
            b"q 2 0 0 2 0 0 cm BT /F1 10 Tf 0 300 Td (A) Tj ET Q BT /F1 10 Tf 0 300 Td (B) Tj ET",
        );
        assert!(
            close(out.glyphs[0].font_size, 20.0)
                && close(out.glyphs[0].bbox.top, 800.0 - 600.0 - 16.0)
        );
        assert!(
            close(out.glyphs[1].font_size, 10.0)
                && close(out.glyphs[1].bbox.top, 800.0 - 300.0 - 8.0)
        );
    }

    #[test]
    fn render_modes() {
        let out = run(b"BT /F1 10 Tf 7 Tr (A) Tj 3 Tr (B) Tj ET");
        assert_eq!(out.glyphs.iter().map(|g| g.text.as_str()).collect::<String>(), "B");
        // The clipped glyph still advanced.
        assert!(close(out.glyphs[0].bbox.x0, 5.0));
    }

    #[test]
    fn rulings_from_strokes_and_thin_fills() {
        let out = run(b"10 10 m 110 10 l S 0 0 100 1 re f 0 0 100 50 re f 10 20 30 40 re S 0 0 m 50 50 l S 0 0 m 10 0 20 5 30 0 c S");
        // Stroked line (1) + thin fill (1) + stroked rect (4); background fill, diagonal and curve: none.
        assert_eq!(out.rulings.len(), 6, "{:?}", out.rulings);
        let thin = out.rulings[1];
        assert_eq!(thin.orientation, Orientation::Horizontal);
        assert!(close(thin.pos, 799.5) && close(thin.start, 0.0) && close(thin.end, 100.0));
        assert_eq!(
            out.rulings[0],
            Ruling {
                orientation: Orientation::Horizontal,
                pos: 790.0,
                start: 10.0,
                end: 110.0,
                page: 1
            }
        );
    }

    #[test]
    fn form_xobject_matrix_images_and_recursion() {
        let out =
            run(b"/Fm Do /Im Do BI /W 1 /H 1 /BPC 8 /CS /G ID \x00 EI /Loop Do 0 0 m 10 0 l S");
        // The form's rule, shifted by its /Matrix; its unbalanced q does not leak.
        assert_eq!(out.rulings[0].start, 100.0);
        assert_eq!(
            out.rulings[1],
            Ruling {
                orientation: Orientation::Horizontal,
                pos: 800.0,
                start: 0.0,
                end: 10.0,
                page: 1
            }
        );
        assert_eq!(out.images, 2);
        let draws_itself = |w: &Warning| matches!(w.kind, WarningKind::XObjectDrawsItself(_));
        assert!(out.warnings.iter().any(draws_itself), "{:?}", out.warnings);
    }

    #[test]
    fn marked_content_and_warnings() {
        let out = run(
            b"/Artifact BMC BT /F1 10 Tf (A) Tj ET EMC /P <</MCID 0>> BDC EMC 1 2 zz /F9 12 Tf",
        );
        assert_eq!(out.marked, vec!["Artifact", "end", "P", "end"]);
        assert_eq!(out.glyphs.len(), 1);
        let kinds: Vec<&WarningKind> = out.warnings.iter().map(|w| &w.kind).collect();
        assert!(kinds
            .iter()
            .any(|k| matches!(k, WarningKind::SkippedOperator(e) if e.contains("zz"))));
        assert!(kinds.contains(&&WarningKind::FontNotFound("F9".into())), "{kinds:?}");
    }

    #[test]
    fn operator_limit() {
        let (doc, resources) = fixture();
        let mut sink = Collect::default();
        let limits = ContentLimits { max_operators: 5, ..LIMITS };
        let content = b"0 0 m 10 0 l S ".repeat(10);
        interpret(
            &doc,
            &content,
            Some(&resources),
            FLIP,
            1,
            &limits,
            &mut FontCache::default(),
            &mut sink,
        );
        assert_eq!(sink.rulings.len(), 1);
        let limit = Warning::on(1, WarningKind::OperatorLimit(5));
        assert!(sink.warnings.contains(&limit), "{:?}", sink.warnings);
    }

    #[test]
    fn actual_text_replaces_the_glyphs_it_spans() {
        // <FEFF80F6> is 胶 in UTF-16BE; the glyph drawn says A.
        let out = run(b"BT /F1 10 Tf /Span <</ActualText <FEFF80F6>>> BDC (A) Tj EMC (B) Tj ET");
        let text: Vec<&str> = out.glyphs.iter().map(|g| g.text.as_str()).collect();
        assert_eq!(text, vec!["\u{80F6}", "B"]);
        // As many characters as glyphs: one each, in order.
        let out = run(b"BT /F1 10 Tf /Span <</ActualText (fi)>> BDC (AB) Tj EMC ET");
        let text: Vec<&str> = out.glyphs.iter().map(|g| g.text.as_str()).collect();
        assert_eq!(text, vec!["f", "i"]);
        // Otherwise one glyph over the span; an unclosed span ends with the page.
        let out = run(b"BT /F1 10 Tf /Span <</ActualText (x)>> BDC (AB) Tj ET");
        assert_eq!(out.glyphs.len(), 1);
        assert_eq!(out.glyphs[0].text, "x");
        assert!(out.glyphs[0].bbox.x1 > out.glyphs[0].bbox.x0 + 5.0);
    }

    #[test]
    fn unknown_glyphs_are_counted_per_font() {
        let out = run(b"BT /F2 10 Tf (AB) Tj (A) Tj /F1 10 Tf (A) Tj ET");
        let unknown = out.glyphs.iter().filter(|g| g.text == "\u{FFFD}").count();
        assert_eq!(unknown, 3);
        let unknown = Warning::on(1, WarningKind::UnknownGlyphs { font: "Odd".into(), count: 3 });
        assert_eq!(out.warnings, vec![unknown]);
    }
}
