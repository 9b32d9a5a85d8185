//! Issue #11: review pages open in headless Chromium without script errors,
//! show the audit's findings, and their overlay lines up with the page
//! image: the boxes of the grid fall on the ruling lines and the printed
//! text of the page (and would not if shifted by a few pixels).
//!
//! Needs `/usr/bin/chromium` (or `JIXIAO_CHROMIUM`); skipped with a message
//! where it is absent (.ci/run installs it).

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::util::{jixiao, tempdir};

/// Window size of every Chromium run, CSS pixels at device scale 1.
const WINDOW: (u32, u32) = (1500, 1400);

fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("JIXIAO_CHROMIUM")
        .map_or_else(|| PathBuf::from("/usr/bin/chromium"), PathBuf::from);
    path.exists().then_some(path)
}

/// Runs headless Chromium on `url` with `args` (`--dump-dom`,
/// `--screenshot=…`), in a fresh profile; gives (stdout, stderr).
fn run_chromium(bin: &Path, url: &str, args: &[&str], profile: &Path) -> (String, String) {
    let out = Command::new(bin)
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"])
        .args(["--disable-background-networking", "--disable-component-update", "--disable-sync"])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(["--hide-scrollbars", "--force-device-scale-factor=1", "--enable-logging=stderr"])
        .arg(format!("--window-size={},{}", WINDOW.0, WINDOW.1))
        .args(args)
        .arg(url)
        .output()
        .expect("chromium runs");
    assert!(
        out.status.success(),
        "chromium failed on {url}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The JSON the page's `#geometry` hook wrote into the dumped DOM.
fn geometry(dom: &str) -> Value {
    let start = dom.find("<pre id=\"geometry\">").expect("the #geometry hook ran") + 19;
    let end = start + dom[start..].find("</pre>").unwrap();
    let text = dom[start..end]
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&");
    serde_json::from_str(&text).expect("geometry JSON")
}

/// A screenshot as grey levels, row-major.
struct Shot {
    width: u32,
    height: u32,
    grey: Vec<u8>,
}

impl Shot {
    fn read(path: &Path) -> Shot {
        let decoder =
            png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).unwrap()));
        let mut reader = decoder.read_info().unwrap();
        let mut buf = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut buf).unwrap();
        let channels = info.color_type.samples();
        let grey = buf[..info.buffer_size()]
            .chunks(channels)
            .map(|p| {
                if channels >= 3 {
                    ((u32::from(p[0]) + u32::from(p[1]) + u32::from(p[2])) / 3) as u8
                } else {
                    p[0]
                }
            })
            .collect();
        Shot { width: info.width, height: info.height, grey }
    }

    fn dark(&self, x: f64, y: f64) -> bool {
        let (x, y) = (x.round() as i64, y.round() as i64);
        if x < 0 || y < 0 || x >= i64::from(self.width) || y >= i64::from(self.height) {
            return false;
        }
        self.grey[(y as u32 * self.width + x as u32) as usize] < DARK
    }

    /// Share of points along a box's top and left edges (±1 px) that are dark.
    fn edge_share(&self, b: &[f64; 4]) -> f64 {
        let mut hits = 0;
        let mut n = 0;
        let near = |x: f64, y: f64| {
            (-1..=1).any(|d| self.dark(x + f64::from(d), y) || self.dark(x, y + f64::from(d)))
        };
        let mut x = b[0] + 4.0;
        while x < b[2] - 4.0 {
            n += 1;
            hits += usize::from(near(x, b[1]));
            x += 2.0;
        }
        let mut y = b[1] + 4.0;
        while y < b[3] - 4.0 {
            n += 1;
            hits += usize::from(near(b[0], y));
            y += 2.0;
        }
        if n == 0 {
            1.0
        } else {
            hits as f64 / f64::from(n)
        }
    }

    /// Dark pixels strictly inside a box (3 px in from its edges).
    fn ink_inside(&self, b: &[f64; 4]) -> usize {
        let mut ink = 0;
        let mut y = b[1] + 3.0;
        while y < b[3] - 3.0 {
            let mut x = b[0] + 3.0;
            while x < b[2] - 3.0 {
                ink += usize::from(self.dark(x, y));
                x += 1.0;
            }
            y += 1.0;
        }
        ink
    }
}

/// Grey level below which a pixel is ink or ruling.
const DARK: u8 = 170;

/// The grid boxes in the screenshot, with their text.
fn visible_boxes(g: &Value) -> Vec<([f64; 4], String)> {
    g["boxes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            (
                ["x0", "top", "x1", "bottom"].map(|k| b[k].as_f64().unwrap()),
                b["text"].as_str().unwrap_or("").to_string(),
            )
        })
        .filter(|(b, _)| {
            b[3] < f64::from(WINDOW.1) - 2.0
                && b[2] < f64::from(WINDOW.0)
                && b[2] - b[0] > 12.0
                && b[3] - b[1] > 12.0
        })
        .collect()
}

/// Renders `sample`'s review page and checks its first page's overlay;
/// gives the share of cell edges on rulings in place and shifted by 2 px.
fn check_overlay(bin: &Path, sample: &str) -> (f64, f64) {
    let name = sample.trim_start_matches("samples/");
    let dir = tempdir(&format!("review-chromium-{name}"));
    let out = jixiao(&["review", sample, "-o", dir.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let page = dir.join(format!("{sample}.html"));
    let url = format!("file://{}#geometry", page.display());
    let (dom, log) = run_chromium(bin, &url, &["--dump-dom"], &dir.join("profile-dom"));
    assert!(!log.contains("Uncaught"), "{sample}: script error: {log}");
    let g = geometry(&dom);
    assert!(!g["images"].as_array().unwrap().is_empty(), "{sample}: no page image");
    // Hovering a field lights exactly its boxes, and leaving puts them out.
    let linked = &g["linked"];
    assert_eq!(linked["lit"], linked["row"], "{sample}: hover lit {linked}");
    assert_eq!(linked["after"], 0, "{sample}: {linked}");
    let shot_path = dir.join("shot.png");
    let shot_arg = format!("--screenshot={}", shot_path.display());
    run_chromium(bin, &url, &[&shot_arg], &dir.join("profile-shot"));
    let shot = Shot::read(&shot_path);
    let boxes = visible_boxes(&g);
    assert!(boxes.len() > 40, "{sample}: only {} boxes on screen", boxes.len());
    // In place: the grid's cell edges are the drawn rulings, and every cell
    // with text has ink inside.
    let mean = |shift: f64| {
        let shares: Vec<f64> = boxes
            .iter()
            .map(|(b, _)| {
                shot.edge_share(&[b[0] + shift, b[1] + shift, b[2] + shift, b[3] + shift])
            })
            .collect();
        shares.iter().sum::<f64>() / shares.len() as f64
    };
    for (b, text) in boxes.iter().filter(|(_, t)| !t.trim().is_empty()) {
        // A lone dash is a line a pixel thin.
        let least = if text.trim().chars().count() > 1 { 10 } else { 0 };
        assert!(
            shot.ink_inside(b) > least,
            "{sample}: no printed text inside the box of {text:?} at {b:?}"
        );
    }
    (mean(0.0), mean(2.0))
}

#[test]
fn issue_11_review_page_overlay_lines_up_in_chromium() {
    let Some(bin) = chromium() else {
        eprintln!("skipped: no Chromium at /usr/bin/chromium (apt-get install chromium, or set JIXIAO_CHROMIUM)");
        return;
    };
    // Plain, /Rotate 90 landscape, a CropBox, encrypted with GBK codes.
    for sample in [
        "samples/gbk_01.pdf",
        "samples/variant_05_rotate90_landscape_indorder.pdf",
        "samples/variant_06_cropbox_gbk_fundcols.pdf",
        "samples/national_01.pdf",
    ] {
        let (aligned, shifted) = check_overlay(&bin, sample);
        eprintln!(
            "{sample}: {:.0}% of cell edges on rulings, shifted 2 px: {:.0}%",
            aligned * 100.0,
            shifted * 100.0
        );
        assert!(
            aligned > 0.9,
            "{sample}: cell edges fall on rulings for only {:.0}%",
            aligned * 100.0
        );
        // Shifted, the edges miss the rulings: the check can fail.
        assert!(
            shifted < 0.5,
            "{sample}: a shifted overlay also matched ({:.0}%)",
            shifted * 100.0
        );
    }
}

#[test]
fn issue_11_text_dump_review_page_shows_the_grid_and_the_findings() {
    let Some(bin) = chromium() else {
        eprintln!("skipped: no Chromium at /usr/bin/chromium (apt-get install chromium, or set JIXIAO_CHROMIUM)");
        return;
    };
    let dir = tempdir("review-chromium-dump");
    let out = jixiao(&["review", "samples/putuo-2024.txt", "-o", dir.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let url = format!("file://{}", dir.join("samples/putuo-2024.txt.html").display());
    let (dom, log) = run_chromium(&bin, &url, &["--dump-dom"], &dir.join("profile"));
    assert!(!log.contains("Uncaught"), "script error: {log}");
    assert_eq!(dom.matches("<table class=\"grid\"").count(), 24, "one grid per Putuo form");
    // The audit's findings of the dump (golden/putuo-2024.audit.txt) are on
    // the page, each marked on its cell.
    let audit = jixiao(&["audit", "--format", "json", "samples/putuo-2024.txt"]);
    let report: Value = serde_json::from_slice(&audit.stdout).unwrap();
    let warnings = report["summary"]["counts"].as_object().map_or(0, |c| {
        c.iter()
            .filter(|(k, _)| ["target_not_met", "deviation_missing"].contains(&k.as_str()))
            .map(|(_, v)| v.as_u64().unwrap())
            .sum()
    });
    assert!(warnings > 0);
    assert!(dom.matches("<li class=\"warn\"").count() as u64 >= warnings);
    let index = std::fs::read_to_string(dir.join("index.html")).unwrap();
    assert_eq!(index.matches("#form-").count(), 24);
}

#[test]
fn issue_11_extract_review_writes_pages_beside_the_dataset() {
    let dir = tempdir("review-dataset");
    let ds = dir.join("ds");
    let args = ["extract", "-q", "samples/gbk_01.pdf", "samples/office_01_docx.docx"];
    let out = jixiao(
        &[&args[..], &["samples/seed_scan_01.pdf", "--out", ds.to_str().unwrap(), "--review"]]
            .concat(),
    );
    assert_eq!(out.status.code(), Some(2), "the scan has no text layer");
    for page in ["samples/gbk_01.pdf.html", "samples/office_01_docx.docx.html", "index.html"] {
        assert!(ds.join("review").join(page).is_file(), "{page} missing");
    }
    let pdf = std::fs::read_to_string(ds.join("review/samples/gbk_01.pdf.html")).unwrap();
    assert!(pdf.contains("data:image/png;base64,") && pdf.contains("<rect id=\"b0-"));
    assert!(!pdf.contains("src=\"http"), "nothing is fetched");
    let docx = std::fs::read_to_string(ds.join("review/samples/office_01_docx.docx.html")).unwrap();
    assert!(docx.contains("<table class=\"grid\""), "no page images for a Word file: its grid");
    let index = std::fs::read_to_string(ds.join("review/index.html")).unwrap();
    assert!(
        index.contains("seed_scan_01.pdf") && index.contains("no text layer"),
        "the failure is listed"
    );
    // --review alone does not put provenance into the dataset.
    let records = std::fs::read_to_string(ds.join("records.jsonl")).unwrap();
    assert!(!records.contains("\"provenance\""));
}
