//! `jixiao.sqlite`: the flat tables of [`crate::csv_out`] as a real SQLite
//! database (bundled SQLite through rusqlite): `files` (the manifest, key
//! `path`), `forms` (key `id`, `file` → `files`), and `funds`, `indicators`,
//! `checks` (key `(id, idx)`, `id` → `forms`), with an index on every
//! foreign key. Columns are those of the CSV tables; a column's declared type
//! comes from its first value (REAL, INTEGER or TEXT).
//!
//! Each input is one transaction, committed before its lines go to the other
//! outputs and its manifest line is written, so the database is never more
//! than one file ahead of the manifest; `--resume` deletes what is ahead.

use std::collections::HashSet;
use std::path::Path;

use anyhow::{Context, Result};
use rusqlite::{params_from_iter, types::Value as Sql, Connection};
use serde_json::Value;

use crate::csv_out::{in_columns, FlatRow, TABLES};
use crate::manifest::ManifestLine;

/// The database being written.
pub struct Db {
    conn: Connection,
    /// Tables created so far (the flat tables are created at their first row).
    created: HashSet<String>,
}

const FILES_TABLE: &str = "CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, sha256 TEXT, status TEXT NOT NULL, error TEXT,
    message TEXT, forms INTEGER NOT NULL, pages INTEGER NOT NULL, seconds REAL NOT NULL);
CREATE INDEX IF NOT EXISTS files_sha256 ON files(sha256);";

impl Db {
    /// Opens (or creates) the database at `path`.
    pub fn open(path: &Path) -> Result<Db> {
        let conn =
            Connection::open(path).with_context(|| format!("{}: cannot open", path.display()))?;
        conn.execute_batch(
            "PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;",
        )?;
        conn.execute_batch(FILES_TABLE)?;
        let created = TABLES
            .iter()
            .filter(|t| {
                conn.query_row(
                    "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?1",
                    [t],
                    |_| Ok(()),
                )
                .is_ok()
            })
            .map(|t| t.to_string())
            .collect();
        Ok(Db { conn, created })
    }

    /// Writes one input: its manifest row and its rows per table, in one
    /// transaction. `columns` are the tables' columns (as in the CSV files).
    pub fn write_file(
        &mut self,
        line: &ManifestLine,
        rows: &[Vec<FlatRow>; 4],
        columns: &[Option<Vec<String>>; 4],
    ) -> Result<()> {
        for (t, cols) in columns.iter().enumerate() {
            if let (Some(cols), Some(first)) = (cols, rows[t].first()) {
                self.create(TABLES[t], cols, first)?;
            }
        }
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT OR REPLACE INTO files VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            rusqlite::params![
                line.path,
                line.sha256,
                format!("{:?}", line.status).to_lowercase(),
                line.error.map(|k| k.name()),
                line.message,
                line.forms as i64,
                line.pages as i64,
                line.seconds
            ],
        )?;
        for (t, cols) in columns.iter().enumerate() {
            let Some(cols) = cols else { continue };
            let marks = vec!["?"; cols.len()].join(", ");
            let mut stmt =
                tx.prepare_cached(&format!("INSERT INTO {} VALUES ({marks})", TABLES[t]))?;
            for row in &rows[t] {
                stmt.execute(params_from_iter(in_columns(row, cols).into_iter().map(to_sql)))?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    fn create(&mut self, table: &str, cols: &[String], first: &FlatRow) -> Result<()> {
        if self.created.contains(table) {
            return Ok(());
        }
        let types = in_columns(first, cols);
        let mut defs: Vec<String> =
            cols.iter().zip(types).map(|(c, v)| format!("\"{c}\" {}", sql_type(v))).collect();
        let (key, index) = if table == "forms" {
            defs.push("FOREIGN KEY (file) REFERENCES files(path)".into());
            ("PRIMARY KEY (id)", "file")
        } else {
            defs.push("FOREIGN KEY (id) REFERENCES forms(id)".into());
            ("PRIMARY KEY (id, idx)", "id")
        };
        defs.push(key.into());
        self.conn.execute_batch(&format!(
            "CREATE TABLE {table} ({});\nCREATE INDEX {table}_{index} ON {table}({index});",
            defs.join(", ")
        ))?;
        self.created.insert(table.to_string());
        Ok(())
    }

    /// Drops every input (and its rows) whose path is not in `committed`:
    /// what a kill left ahead of the manifest.
    pub fn keep_only(&mut self, committed: &HashSet<String>) -> Result<()> {
        let tx = self.conn.transaction()?;
        tx.execute_batch(
            "CREATE TEMP TABLE IF NOT EXISTS keep (path TEXT PRIMARY KEY); DELETE FROM keep;",
        )?;
        for p in committed {
            tx.execute("INSERT OR IGNORE INTO keep VALUES (?1)", [p])?;
        }
        let gone = "SELECT id FROM forms WHERE file NOT IN (SELECT path FROM keep)";
        for t in ["funds", "indicators", "checks"] {
            if self.created.contains(t) {
                tx.execute(&format!("DELETE FROM {t} WHERE id IN ({gone})"), [])?;
            }
        }
        if self.created.contains("forms") {
            tx.execute("DELETE FROM forms WHERE file NOT IN (SELECT path FROM keep)", [])?;
        }
        tx.execute("DELETE FROM files WHERE path NOT IN (SELECT path FROM keep)", [])?;
        tx.commit()?;
        Ok(())
    }
}

fn sql_type(v: &Value) -> &'static str {
    match v {
        Value::Number(n) if n.is_f64() => "REAL",
        Value::Number(_) | Value::Bool(_) => "INTEGER",
        Value::String(_) => "TEXT",
        // Unknown from a null: SQLite's "any" affinity keeps what is bound.
        _ => "",
    }
}

fn to_sql(v: &Value) -> Sql {
    match v {
        Value::Null => Sql::Null,
        Value::Bool(b) => Sql::Integer(i64::from(*b)),
        Value::Number(n) => match n.as_i64() {
            Some(i) if !n.is_f64() => Sql::Integer(i),
            _ => Sql::Real(n.as_f64().unwrap_or(f64::NAN)),
        },
        Value::String(s) => Sql::Text(s.clone()),
        _ => Sql::Text(v.to_string()),
    }
}
