//! The `text_to_records` target: see `jixiao_fuzz::text_to_records` for what it feeds and asserts.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| jixiao_fuzz::text_to_records(data));
