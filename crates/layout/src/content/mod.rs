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

pub mod ops;
pub mod path;
pub mod state;
mod text;

use std::collections::HashSet;

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object};

use crate::font::FontCache;
use crate::pdf::obj;
use crate::{Glyph, Page, Ruling};
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
    fn warning(&mut self, message: String);
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
    fn warning(&mut self, message: String) {
        self.page.warnings.push(message);
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
        gs: GraphicsState { ctm: initial, text: TextState::default() },
        stack: Vec::new(),
        path: Path::default(),
        tm: Matrix::IDENTITY,
        tlm: Matrix::IDENTITY,
        depth: 0,
        forms: HashSet::new(),
        warned_fonts: HashSet::new(),
    };
    interp.run(content, resources);
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
}

impl Interpreter<'_, '_> {
    fn warn(&mut self, message: String) {
        self.warnings += 1;
        if self.warnings <= MAX_WARNINGS_PER_PAGE {
            self.sink.warning(message);
        } else if self.warnings == MAX_WARNINGS_PER_PAGE + 1 {
            self.sink.warning(format!("page {}: more warnings suppressed", self.page));
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
                    self.warn(format!(
                        "page {}: content stream unreadable from here on: {e}",
                        self.page
                    ));
                    break;
                }
            };
            self.operators += 1;
            if self.operators > self.limits.max_operators {
                self.warn(format!(
                    "page {}: stopped after {} operators (max_operators_per_page)",
                    self.page, self.limits.max_operators
                ));
                self.stopped = true;
                break;
            }
            match decode_operation(&operation) {
                Ok(op) => self.execute(op, resources),
                Err(e) => self.warn(format!("page {}: skipped {e}", self.page)),
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
            Op::BeginMarked(tag) | Op::BeginMarkedProps(tag) => {
                self.sink.begin_marked_content(&tag)
            }
            Op::EndMarked => self.sink.end_marked_content(),
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
        if stroke {
            for r in self.path.stroke_rulings(self.page) {
                self.sink.ruling(r);
            }
        }
        if fill {
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
                for w in warnings {
                    self.warn(format!("page {}: {w}", self.page));
                }
                self.gs.text.font = Some(font);
            }
            None => {
                self.gs.text.font = None;
                if self.warned_fonts.insert(name.to_vec()) {
                    self.warn(format!(
                        "page {}: font resource /{} not found",
                        self.page,
                        obj::name_str(name)
                    ));
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
            self.warn(format!("page {}: XObject /{} not found", self.page, obj::name_str(name)));
            return;
        };
        let id = entry.as_reference().ok();
        let Object::Stream(stream) = obj::resolve(doc, entry) else {
            self.warn(format!(
                "page {}: XObject /{} is not a stream",
                self.page,
                obj::name_str(name)
            ));
            return;
        };
        match obj::get_name(doc, &stream.dict, b"Subtype") {
            Some(b"Image") => self.sink.image(),
            Some(b"Form") => {
                if self.depth >= self.limits.max_xobject_depth {
                    self.warn(format!(
                        "page {}: form XObject /{} nested deeper than {} (max_xobject_depth), skipped",
                        self.page,
                        obj::name_str(name),
                        self.limits.max_xobject_depth
                    ));
                    return;
                }
                if let Some(id) = id {
                    if !self.forms.insert(id) {
                        self.warn(format!(
                            "page {}: form XObject {} {} draws itself, skipped",
                            self.page, id.0, id.1
                        ));
                        return;
                    }
                }
                let content = match obj::stream_content(stream, self.limits.max_stream_size) {
                    Ok(c) => c,
                    Err(e) => {
                        self.warn(format!(
                            "page {}: form XObject /{}: {e}",
                            self.page,
                            obj::name_str(name)
                        ));
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
                self.warn(format!(
                    "page {}: XObject /{} of subtype {subtype:?} ignored",
                    self.page,
                    obj::name_str(name)
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {}
