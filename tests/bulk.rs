//! Issue 9 (bulk datasets): the mixed batch (good, damaged, encrypted,
//! image-only, non-form and non-PDF files, same names in two folders, a
//! symlink loop), `-j` independence, kill-and-resume, shards and merge, the
//! SQLite file.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use serde_json::Value;

use crate::util::{jixiao, root, sample, tempdir};

fn hostile(name: &str) -> PathBuf {
    root().join("tests/hostile").join(name)
}

fn put(dir: &Path, rel: &str, from: &Path) {
    let to = dir.join(rel);
    std::fs::create_dir_all(to.parent().unwrap()).unwrap();
    std::fs::copy(from, to).unwrap();
}

/// The mixed batch of the issue, under `dir/in`.
fn mixed_batch(dir: &Path) -> PathBuf {
    let input = dir.join("in");
    put(&input, "a/b/gbk_01.pdf", &sample("gbk_01.pdf"));
    put(&input, "c/gbk_01.pdf", &sample("national_01.pdf"));
    put(&input, "c/same_bytes.pdf", &sample("gbk_01.pdf"));
    put(&input, "x.pdf", &sample("seed_docx_01.pdf"));
    put(&input, "x.txt", &sample("department-2023.txt"));
    put(&input, "dump.TXT", &sample("putuo-2024.txt"));
    put(&input, "truncated.pdf", &hostile("truncated.pdf"));
    put(&input, "garbage.pdf", &hostile("garbage.pdf"));
    put(&input, "encrypted.pdf", &hostile("encrypted_userpw.pdf"));
    put(&input, "scan.pdf", &hostile("notext.pdf"));
    put(&input, "not_a_form.pdf", &hostile("deep_xobject.pdf"));
    std::fs::write(input.join("readme.pdf"), "this is not a PDF\n").unwrap();
    std::fs::write(input.join("notes.md"), "not an input\n").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(&input, input.join("a/b/loop")).unwrap();
    input
}

/// What each input of the mixed batch must give: path under `in/`,
/// status, error kind.
const EXPECTED: &[(&str, &str, Option<&str>)] = &[
    ("a/b/gbk_01.pdf", "ok", None),
    ("c/gbk_01.pdf", "ok", None),
    ("c/same_bytes.pdf", "skipped", None),
    ("dump.TXT", "ok", None),
    ("encrypted.pdf", "failed", Some("encrypted")),
    ("garbage.pdf", "failed", Some("unreadable")),
    ("not_a_form.pdf", "failed", Some("no_form_found")),
    ("readme.pdf", "failed", Some("unreadable")),
    ("scan.pdf", "failed", Some("no_text_layer")),
    ("truncated.pdf", "ok", None),
    ("x.pdf", "ok", None),
    ("x.txt", "ok", None),
];

fn run_ok(args: &[&str]) -> std::process::Output {
    let out = jixiao(args);
    assert!(
        out.status.code().is_some_and(|c| c == 0 || c == 2),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn jsonl(path: &Path) -> Vec<Value> {
    read(path).lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

/// The dataset's files, with timing fields left out, for comparing runs.
fn snapshot(dir: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for name in ["records.jsonl", "forms.csv", "funds.csv", "indicators.csv", "checks.csv"] {
        out.push((name.to_string(), read(&dir.join(name))));
    }
    let manifest: Vec<String> = jsonl(&dir.join("manifest.jsonl"))
        .into_iter()
        .map(|mut l| {
            l.as_object_mut().unwrap().remove("seconds");
            l.to_string()
        })
        .collect();
    out.push(("manifest.jsonl".into(), manifest.join("\n")));
    let mut summary: Value = serde_json::from_str(&read(&dir.join("summary.json"))).unwrap();
    for k in ["seconds", "pages_per_second", "wall_seconds"] {
        summary.as_object_mut().unwrap().remove(k);
    }
    out.push(("summary.json".into(), summary.to_string()));
    if dir.join("jixiao.sqlite").exists() {
        out.push(("jixiao.sqlite".into(), sqlite_dump(&dir.join("jixiao.sqlite"))));
    }
    out
}

/// Every row of every table but the timings, in key order.
fn sqlite_dump(path: &Path) -> String {
    let db = rusqlite::Connection::open(path).unwrap();
    let mut out = String::new();
    for (table, order) in [
        ("files", "path"),
        ("forms", "id"),
        ("funds", "id, idx"),
        ("indicators", "id, idx"),
        ("checks", "id, idx"),
    ] {
        let sql = format!("SELECT * FROM {table} ORDER BY {order}");
        let Ok(mut stmt) = db.prepare(&sql) else { continue };
        let names: Vec<String> = stmt.column_names().iter().map(|s| s.to_string()).collect();
        let rows = stmt
            .query_map([], |r| {
                let mut cells = Vec::new();
                for (i, n) in names.iter().enumerate() {
                    if n != "seconds" {
                        cells.push(format!("{:?}", r.get_ref(i)?));
                    }
                }
                Ok(cells.join("|"))
            })
            .unwrap();
        for row in rows {
            out.push_str(&format!("{table}: {}\n", row.unwrap()));
        }
    }
    out
}

fn assert_same(a: &[(String, String)], b: &[(String, String)], what: &str) {
    assert_eq!(a.len(), b.len(), "{what}: different sets of files");
    for ((name, x), (_, y)) in a.iter().zip(b) {
        if x != y {
            panic!("{what}: {name} differs\n===== expected =====\n{x}\n===== got =====\n{y}");
        }
    }
}

#[test]
fn issue_9_mixed_batch_accounts_for_every_file_whatever_the_jobs() {
    let dir = tempdir("bulk_mixed");
    let input = mixed_batch(&dir);
    let (j1, j2) = (dir.join("j1"), dir.join("j2"));
    for (jobs, out) in [("1", &j1), ("2", &j2)] {
        let o = run_ok(&[
            "extract",
            "-q",
            "-j",
            jobs,
            "--sqlite",
            "--per-file",
            input.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ]);
        assert_eq!(o.status.code(), Some(2), "some inputs fail");
    }
    assert_same(&snapshot(&j1), &snapshot(&j2), "-j 1 against -j 2");

    let manifest = jsonl(&j1.join("manifest.jsonl"));
    let got: Vec<(String, String, Option<String>)> = manifest
        .iter()
        .map(|l| {
            let path = l["path"].as_str().unwrap();
            let rel = Path::new(path).strip_prefix(&input).unwrap().display().to_string();
            (rel, l["status"].as_str().unwrap().into(), l["error"].as_str().map(String::from))
        })
        .collect();
    let want: Vec<(String, String, Option<String>)> = EXPECTED
        .iter()
        .map(|(p, s, e)| (p.to_string(), s.to_string(), e.map(String::from)))
        .collect();
    assert_eq!(got, want);

    let summary: Value = serde_json::from_str(&read(&j1.join("summary.json"))).unwrap();
    let n = |k: &str| summary[k].as_u64().unwrap();
    assert_eq!(n("files"), EXPECTED.len() as u64);
    assert_eq!(n("files"), n("ok") + n("failed") + n("skipped"));
    assert_eq!(summary["errors"]["unreadable"], 2);

    // Same names in two folders, and x.pdf beside x.txt: four distinct files.
    for rel in ["a/b/gbk_01.pdf", "c/gbk_01.pdf", "x.pdf", "x.txt"] {
        let abs = input.join(rel).display().to_string();
        let mirrored = format!("{}/_root{abs}.json", j1.join("files").display());
        let v: Value = serde_json::from_str(&read(Path::new(&mirrored))).unwrap();
        assert!(v[0]["source"]["file"].as_str().unwrap().ends_with(rel), "{mirrored}");
    }
    // Every record has its id, unique, and the CSV tables are keyed by it.
    let records = jsonl(&j1.join("records.jsonl"));
    let ids: std::collections::BTreeSet<&str> =
        records.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), records.len());
    assert_eq!(n("forms") as usize, records.len());
    let forms_csv = read(&j1.join("forms.csv"));
    assert_eq!(forms_csv.lines().next().unwrap().split(',').next(), Some("id"));
}

#[test]
fn issue_9_password_opens_the_encrypted_file() {
    let path = hostile("encrypted_userpw.pdf");
    let without = jixiao(&["extract", path.to_str().unwrap()]);
    assert_eq!(without.status.code(), Some(2));
    let with = jixiao(&["extract", "--password", "jixiao-user", path.to_str().unwrap()]);
    assert!(with.status.success(), "{}", String::from_utf8_lossy(&with.stderr));
    let v: Value = serde_json::from_slice(&with.stdout).unwrap();
    assert_eq!(v[0]["project_name"], "镕华社区卫生服务中心医疗设备更新及堃园分站改扩建");
}

#[test]
fn issue_9_nothing_to_do_exits_3_and_says_where_it_looked() {
    let dir = tempdir("bulk_empty");
    std::fs::write(dir.join("notes.md"), "no inputs here\n").unwrap();
    let out =
        jixiao(&["extract", dir.to_str().unwrap(), "--out", dir.join("out").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("nothing to do") && err.contains(dir.to_str().unwrap()), "{err}");
}

#[test]
fn issue_9_sqlite_answers_a_join() {
    let dir = tempdir("bulk_sqlite");
    let out = dir.join("out");
    run_ok(&[
        "extract",
        "-q",
        "samples/putuo-2024.txt",
        "samples/gbk_01.pdf",
        "--sqlite",
        "--out",
        out.to_str().unwrap(),
    ]);
    let db = rusqlite::Connection::open(out.join("jixiao.sqlite")).unwrap();
    let (forms, indicators, total): (i64, i64, f64) = db
        .query_row(
            "SELECT COUNT(DISTINCT f.id), COUNT(*), SUM(i.weight) FROM files AS m
             JOIN forms AS f ON f.file = m.path JOIN indicators AS i ON i.id = f.id
             WHERE m.status = 'ok' AND i.level1 = '产出指标'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(forms, 25, "24 Putuo forms and one gbk form");
    assert!(indicators > forms && total > 0.0, "{indicators} {total}");
    let fk: i64 =
        db.query_row("SELECT COUNT(*) FROM pragma_foreign_key_check", [], |r| r.get(0)).unwrap();
    assert_eq!(fk, 0, "every row's key points at its parent");
}

/// A batch of `n` distinct copies of text-layer samples (a `%dup` comment
/// after `%%EOF` keeps each a valid PDF with its own sha256).
fn copies(dir: &Path, n: usize) -> PathBuf {
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    let sources = ["gbk_01.pdf", "national_01.pdf", "seed_docx_01.pdf", "seed_cid_01.pdf"];
    for i in 0..n {
        let mut bytes = std::fs::read(sample(sources[i % sources.len()])).unwrap();
        bytes.extend_from_slice(format!("\n%dup {i}\n").as_bytes());
        std::fs::write(input.join(format!("f{i:03}.pdf")), bytes).unwrap();
    }
    input
}

#[test]
fn issue_9_killed_and_resumed_equals_uninterrupted() {
    let dir = tempdir("bulk_resume");
    let input = copies(&dir, 48);
    let whole = dir.join("whole");
    let args = |out: &Path| -> Vec<String> {
        [
            "extract",
            "-q",
            "-j",
            "2",
            "--sqlite",
            input.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ]
        .map(String::from)
        .to_vec()
    };
    run_ok(&args(&whole).iter().map(String::as_str).collect::<Vec<_>>());
    let expected = snapshot(&whole);
    // Kill when the manifest has reached a number of lines (so the kills
    // land early, midway and late whatever the machine's speed), with a
    // file's data possibly half written.
    let mut cut_at = Vec::new();
    for (k, lines) in [0usize, 1, 12, 30, 45].into_iter().enumerate() {
        let out = dir.join(format!("killed{k}"));
        let mut child = Command::new(env!("CARGO_BIN_EXE_jixiao"))
            .args(args(&out))
            .current_dir(root())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let manifest = out.join("manifest.jsonl");
        while child.try_wait().unwrap().is_none() {
            let n = std::fs::read_to_string(&manifest).map_or(0, |t| t.lines().count());
            if n >= lines {
                let _ = child.kill();
                break;
            }
            std::thread::sleep(Duration::from_millis(1));
        }
        let _ = child.wait();
        cut_at.push(std::fs::read_to_string(&manifest).map_or(0, |t| t.lines().count()));
        let ms = lines;
        let mut resumed = args(&out);
        resumed.push("--resume".into());
        run_ok(&resumed.iter().map(String::as_str).collect::<Vec<_>>());
        assert_same(&expected, &snapshot(&out), &format!("killed at {ms} lines, resumed"));
    }
    assert!(cut_at.iter().any(|&n| n > 0 && n < 48), "no kill landed midway: {cut_at:?}");
}

#[test]
fn issue_9_merged_shards_equal_the_whole_run() {
    let dir = tempdir("bulk_shards");
    let input = mixed_batch(&dir);
    let whole = dir.join("whole");
    let common = ["-q", "--sqlite", "--per-file"];
    let mut a = vec!["extract", input.to_str().unwrap(), "--out", whole.to_str().unwrap()];
    a.extend(common);
    run_ok(&a);
    let shards: Vec<PathBuf> = (0..3).map(|k| dir.join(format!("shard{k}"))).collect();
    for (k, out) in shards.iter().enumerate() {
        let shard = format!("{k}/3");
        let mut a = vec![
            "extract",
            input.to_str().unwrap(),
            "--shard",
            &shard,
            "--out",
            out.to_str().unwrap(),
        ];
        a.extend(common);
        run_ok(&a);
    }
    let sizes: Vec<usize> = shards.iter().map(|s| jsonl(&s.join("manifest.jsonl")).len()).collect();
    assert_eq!(sizes.iter().sum::<usize>(), EXPECTED.len(), "{sizes:?}");
    let merged = dir.join("merged");
    let mut a = vec!["merge", "-q"];
    a.extend(shards.iter().map(|s| s.to_str().unwrap()));
    a.extend(["--out", merged.to_str().unwrap()]);
    let out = jixiao(&a);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_same(&snapshot(&whole), &snapshot(&merged), "merged shards against the whole run");
    let per_file = |d: &Path| {
        let mut v: Vec<String> = walkdir_files(&d.join("files"));
        v.sort();
        v
    };
    assert_eq!(per_file(&whole), per_file(&merged));
}

fn walkdir_files(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(
                walkdir_files(&p)
                    .into_iter()
                    .map(|s| format!("{}/{s}", e.file_name().to_string_lossy())),
            );
        } else {
            out.push(format!("{}:{}", e.file_name().to_string_lossy(), read(&p).len()));
        }
    }
    out
}

#[test]
fn issue_9_a_panic_and_a_hang_are_reported_and_the_batch_goes_on() {
    let dir = tempdir("bulk_faults");
    let input = copies(&dir, 6);
    let out = dir.join("out");
    let run = |fault: &str, out: &Path| {
        Command::new(env!("CARGO_BIN_EXE_jixiao"))
            .args([
                "extract",
                "-q",
                "-j",
                "2",
                "--timeout-secs",
                "1",
                input.to_str().unwrap(),
                "--out",
            ])
            .arg(out)
            .env("JIXIAO_FAULT", fault)
            .current_dir(root())
            .output()
            .unwrap()
    };
    let o = run("panic:f001", &out);
    assert_eq!(o.status.code(), Some(2), "{}", String::from_utf8_lossy(&o.stderr));
    let m = jsonl(&out.join("manifest.jsonl"));
    assert_eq!(m.len(), 6);
    assert_eq!(m[1]["error"], "internal", "{}", m[1]);
    assert!(m[1]["message"].as_str().unwrap().contains("injected fault"), "{}", m[1]);
    assert!(m.iter().filter(|l| l["status"] == "ok").count() == 5);

    let out = dir.join("out_hang");
    let o = run("hang:f002", &out);
    assert_eq!(o.status.code(), Some(2), "{}", String::from_utf8_lossy(&o.stderr));
    let m = jsonl(&out.join("manifest.jsonl"));
    assert_eq!(m.len(), 6);
    assert_eq!(m[2]["error"], "timeout", "{}", m[2]);
    assert!(m.iter().filter(|l| l["status"] == "ok").count() == 5);
}

#[test]
fn issue_9_tables_csv_audit_json_completions_and_man() {
    let out =
        jixiao(&["tables", "--format", "csv", "samples/gbk_01.pdf", "samples/national_01.pdf"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("file,table,row,col,rowspan,colspan,page,text\n"), "{text}");
    assert!(text.contains("national_01.pdf") && text.contains("gbk_01.pdf"));
    let out =
        jixiao(&["audit", "--format", "json", "samples/gbk_01.pdf", "tests/hostile/notext.pdf"]);
    assert_eq!(out.status.code(), Some(2));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["failed"][0]["error"], "no_text_layer", "{v}");
    let out = jixiao(&["completions", "bash"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("--files-from"));
    let dir = tempdir("bulk_man");
    let out = jixiao(&["man", dir.to_str().unwrap()]);
    assert!(out.status.success());
    assert!(dir.join("jixiao.1").exists() && dir.join("jixiao-extract.1").exists());
}
