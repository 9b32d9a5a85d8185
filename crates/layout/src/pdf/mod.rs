//! PDF loading: document, page tree, /Rotate, CropBox (owned by the PDF front end work).
