//! The `values` target: see `jixiao_fuzz::values` for what it feeds and asserts.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| jixiao_fuzz::values(data));
