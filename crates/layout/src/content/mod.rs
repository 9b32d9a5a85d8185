//! The content-stream interpreter (owned by the PDF front end work).
