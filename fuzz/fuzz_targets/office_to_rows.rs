//! The `office_to_rows` target: see `jixiao_fuzz::office_to_rows` for what it feeds and asserts.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| jixiao_fuzz::office_to_rows(data));
