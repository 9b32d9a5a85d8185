//! The layout crate's one error type.

/// What went wrong, for callers that branch on it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The bytes are not a PDF we can parse.
    Malformed,
    /// Encrypted with a password we do not have.
    Encrypted,
    /// A page has no text layer (image-only scan).
    NoTextLayer,
    /// A resource limit was hit (decompressed size, nesting depth).
    Limit,
    /// A setting was given a value it cannot take.
    Setting,
    /// A file kind jixiao recognises but does not read (old binary Word
    /// `.doc`), or one it does not recognise at all.
    UnsupportedFormat,
    /// The deadline of `PdfSettings::deadline` passed.
    Timeout,
}

/// An error from reading a document (PDF, spreadsheet, Word, HTML).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The document could not be loaded.
    #[error("cannot read PDF: {0}")]
    Load(String),
    /// Encrypted with a non-empty user password.
    #[error("PDF is encrypted and needs a password")]
    Encrypted,
    /// Image-only pages without any text.
    #[error("no text layer on page(s) {pages:?}")]
    NoTextLayer {
        /// The 1-based pages without text.
        pages: Vec<u32>,
    },
    /// A resource limit was hit.
    #[error("limit exceeded: {0}")]
    Limit(String),
    /// A grid setting was given a value it cannot take.
    #[error("grid setting {name} must be a finite number >= 0, got {value}")]
    Setting {
        /// The setting's builder method name.
        name: &'static str,
        /// The offending value.
        value: f64,
    },
    /// A spreadsheet, Word or HTML file that could not be parsed.
    #[error("cannot read {format}: {reason}")]
    Office {
        /// The format it was recognised as (`xlsx`, `docx`, ...).
        format: &'static str,
        /// What the parser said.
        reason: String,
    },
    /// A file kind that is not read, with what to do about it.
    #[error("unsupported format: {0}")]
    UnsupportedFormat(String),
    /// The deadline passed while reading.
    #[error("time limit reached on page {page}")]
    Timeout {
        /// The 1-based page being read when the deadline passed.
        page: u32,
    },
    /// An error on a given page.
    #[error("page {page}: {source}")]
    WithPage {
        /// 1-based page number.
        page: u32,
        /// The underlying error.
        #[source]
        source: Box<Error>,
    },
}

impl Error {
    /// The kind of error, for branching.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Load(_) => ErrorKind::Malformed,
            Error::Encrypted => ErrorKind::Encrypted,
            Error::NoTextLayer { .. } => ErrorKind::NoTextLayer,
            Error::Limit(_) => ErrorKind::Limit,
            Error::Setting { .. } => ErrorKind::Setting,
            Error::Office { .. } => ErrorKind::Malformed,
            Error::UnsupportedFormat(_) => ErrorKind::UnsupportedFormat,
            Error::Timeout { .. } => ErrorKind::Timeout,
            Error::WithPage { source, .. } => source.kind(),
        }
    }
}
