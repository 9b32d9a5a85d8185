//! `golden check` over every sample: the regression gate.

use crate::util::jixiao;

#[test]
fn samples_match_golden() {
    let out = jixiao(&["golden", "check", "samples", "golden"]);
    assert!(
        out.status.success(),
        "golden differences:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
