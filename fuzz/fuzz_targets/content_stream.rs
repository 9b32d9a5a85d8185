//! The `content_stream` target: see `jixiao_fuzz::content_stream` for what it feeds and asserts.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| jixiao_fuzz::content_stream(data));
