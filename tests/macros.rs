/// Asserts two strings are equal, printing both whole when they are not.
#[allow(unused_macros)]
macro_rules! eqnice {
    ($expected:expr, $got:expr) => {{
        let expected = &*$expected;
        let got = &*$got;
        if expected != got {
            panic!(
                "\n===== expected =====\n{}\n===== got =====\n{}\n====================\n",
                expected, got
            );
        }
    }};
}
