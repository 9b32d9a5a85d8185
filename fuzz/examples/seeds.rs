//! Writes the fuzz targets' seed corpora into `fuzz/corpus/TARGET/` from
//! the repository's samples: whole files for the file targets, and the
//! streams inside the sample PDFs (page contents, ToUnicode CMaps,
//! embedded TrueType programs) and the printed values of the truth files
//! for the parser targets. `cargo run --example seeds` (any toolchain).

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use lopdf::{Document, Object};

/// Seeds larger than this are left out: libFuzzer mutates small inputs
/// far faster, and the large samples add no code paths the small ones miss.
const MAX_SEED: usize = 64 << 10;

fn main() -> std::io::Result<()> {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let corpus = repo.join("fuzz/corpus");
    let mut seeds = Seeds { corpus, seen: HashSet::new(), written: 0 };
    for path in inputs(&repo)? {
        let bytes = fs::read(&path)?;
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        match ext {
            "pdf" => {
                seeds.add("pdf_to_rows", &bytes)?;
                pdf_streams(&bytes, &mut seeds)?;
            }
            "txt" => seeds.add("text_to_records", &bytes)?,
            "json" => truth_values(&bytes, &mut seeds)?,
            "xlsx" | "xls" | "ods" | "docx" | "html" | "htm" => {
                seeds.add("office_to_rows", &bytes)?
            }
            _ => {}
        }
    }
    for name in
        ["UniGB-UCS2-H", "GBK-EUC-H", "GB-EUC-H", "UniGB-UTF16-H", "Identity-H", "UniCNS-UCS2-H"]
    {
        let mut seed = vec![2u8];
        seed.extend_from_slice(name.as_bytes());
        seed.push(0);
        seed.extend_from_slice(
            "项目名称 123".encode_utf16().flat_map(u16::to_be_bytes).collect::<Vec<_>>().as_slice(),
        );
        seeds.add("fonts", &seed)?;
    }
    eprintln!("seeds: {} files under {}", seeds.written, seeds.corpus.display());
    Ok(())
}

/// The sample, hostile and shared-seed files, sorted.
fn inputs(repo: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for dir in ["samples", "tests/hostile", "tests/hostile-extra", "../shared/seeds"] {
        let Ok(entries) = fs::read_dir(repo.join(dir)) else { continue };
        for entry in entries {
            out.push(entry?.path());
        }
    }
    out.sort();
    Ok(out)
}

struct Seeds {
    corpus: PathBuf,
    seen: HashSet<(String, Vec<u8>)>,
    written: usize,
}

impl Seeds {
    fn add(&mut self, target: &str, bytes: &[u8]) -> std::io::Result<()> {
        if bytes.is_empty()
            || bytes.len() > MAX_SEED
            || !self.seen.insert((target.into(), bytes.to_vec()))
        {
            return Ok(());
        }
        let dir = self.corpus.join(target);
        fs::create_dir_all(&dir)?;
        fs::write(dir.join(format!("seed-{:05}", self.written)), bytes)?;
        self.written += 1;
        Ok(())
    }
}

/// Page contents, ToUnicode streams and TrueType programs of a sample PDF
/// (the fonts target's first byte picks its parser: 0 CMap, 1 TrueType as
/// a CID font, 3 TrueType as a simple font).
fn pdf_streams(bytes: &[u8], seeds: &mut Seeds) -> std::io::Result<()> {
    let Ok(doc) = Document::load_mem(bytes) else { return Ok(()) };
    for page in doc.get_pages().values() {
        seeds.add("content_stream", &doc.get_page_content(*page))?;
    }
    for object in doc.objects.values() {
        let Object::Dictionary(dict) = object else { continue };
        for (key, selector) in
            [(b"ToUnicode".as_slice(), 0u8), (b"FontFile2", 1), (b"FontFile2", 3)]
        {
            let Ok(id) = dict.get(key).and_then(Object::as_reference) else { continue };
            let Ok(Object::Stream(stream)) = doc.get_object(id) else { continue };
            let data = stream.decompressed_content().unwrap_or_else(|_| stream.content.clone());
            let mut seed = vec![selector];
            seed.extend_from_slice(&data);
            seeds.add("fonts", &seed)?;
        }
    }
    Ok(())
}

/// Every printed target, actual and amount of a truth file, one seed each.
fn truth_values(bytes: &[u8], seeds: &mut Seeds) -> std::io::Result<()> {
    let Ok(json) = serde_json::from_slice::<serde_json::Value>(bytes) else { return Ok(()) };
    let mut texts = Vec::new();
    collect_texts(&json, &mut texts);
    for text in texts {
        seeds.add("values", text.as_bytes())?;
    }
    Ok(())
}

/// The `text` of every value object, depth first.
fn collect_texts<'a>(json: &'a serde_json::Value, out: &mut Vec<&'a str>) {
    match json {
        serde_json::Value::Object(map) => {
            if let Some(serde_json::Value::String(text)) = map.get("text") {
                out.push(text);
            }
            map.values().for_each(|v| collect_texts(v, out));
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| collect_texts(v, out)),
        _ => {}
    }
}
