//! Font decoding: encodings, ToUnicode, predefined CMaps (owned by the PDF front end work).
