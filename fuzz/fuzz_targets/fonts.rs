//! The `fonts` target: see `jixiao_fuzz::fonts` for what it feeds and asserts.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| jixiao_fuzz::fonts(data));
