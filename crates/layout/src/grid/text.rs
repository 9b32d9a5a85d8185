//! Glyphs into text: fake-bold dedupe, lines, cell text and the assignment
//! of glyphs to cells.

use std::collections::HashMap;

use super::lattice::TableGrid;
use super::settings::{GlyphRule, LatticeSettings};
use crate::geometry::{cluster_by_key, median, slot_of};
use crate::Glyph;

/// Glyphs whose vertical centres lie within this fraction of the font size
/// of each other are on one line (wrapped lines of CJK cells are about 1.2
/// font sizes apart). Ratio of the font size.
pub const LINE_TOLERANCE_RATIO: f64 = 0.4;
/// A horizontal gap between consecutive glyphs of a line wider than this
/// fraction of the font size becomes one space (a Latin space is about 0.25
/// to 0.33 of the font size, kerning well below 0.1). Ratio of the font size.
pub const SPACE_GAP_RATIO: f64 = 0.2;
/// Font size assumed when glyphs carry none (zero or not finite). PDF points.
pub const FALLBACK_FONT_SIZE: f64 = 10.0;

/// Drops fake-bold duplicates: a glyph with the same text as an earlier
/// (kept) glyph whose box starts within `dedupe_x` and `dedupe_y` of it
/// counts once. Sorts each text's glyphs by top and compares only within the
/// tolerance window. Returns the indices of the kept glyphs, in content order.
pub fn dedupe_glyphs(glyphs: &[Glyph], settings: &LatticeSettings) -> Vec<usize> {
    let (tx, ty) = (settings.dedupe_x(), settings.dedupe_y());
    let mut by_text: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, g) in glyphs.iter().enumerate() {
        by_text.entry(g.text.as_str()).or_default().push(i);
    }
    let mut keep = vec![true; glyphs.len()];
    for mut group in by_text.into_values() {
        group.sort_by(|&a, &b| glyphs[a].bbox.top.total_cmp(&glyphs[b].bbox.top).then(a.cmp(&b)));
        for (k, &i) in group.iter().enumerate() {
            let g = &glyphs[i].bbox;
            // Compare with every kept glyph within the window above and below
            // whose content order is earlier.
            let window = group[..k].iter().rev().take_while(|&&j| g.top - glyphs[j].bbox.top <= ty);
            let window = window
                .chain(group[k + 1..].iter().take_while(|&&j| glyphs[j].bbox.top - g.top <= ty));
            let duplicate = window.filter(|&&j| j < i && keep[j]).any(|&j| {
                let h = &glyphs[j].bbox;
                (h.x0 - g.x0).abs() <= tx && (h.top - g.top).abs() <= ty
            });
            if duplicate {
                keep[i] = false;
            }
        }
    }
    (0..glyphs.len()).filter(|&i| keep[i]).collect()
}

/// A glyph's font size, or [`FALLBACK_FONT_SIZE`] when it has none.
pub fn font_size(g: &Glyph) -> f64 {
    if g.font_size.is_finite() && g.font_size > 0.0 {
        g.font_size
    } else {
        FALLBACK_FONT_SIZE
    }
}

/// The median font size of some glyphs ([`FALLBACK_FONT_SIZE`] for none).
pub fn median_font_size(glyphs: &[&Glyph]) -> f64 {
    let sizes: Vec<f64> = glyphs.iter().map(|g| font_size(g)).collect();
    median(&sizes).unwrap_or(FALLBACK_FONT_SIZE)
}

/// Clusters glyphs into lines by vertical centre, within
/// [`LINE_TOLERANCE_RATIO`] of their median font size; lines top to bottom,
/// glyphs in each line left to right. Whitespace glyphs are dropped: spaces
/// come back from the gaps.
pub fn glyphs_to_lines<'a>(glyphs: &[&'a Glyph]) -> Vec<Vec<&'a Glyph>> {
    let glyphs: Vec<&Glyph> =
        glyphs.iter().copied().filter(|g| !g.text.trim().is_empty()).collect();
    let tolerance = LINE_TOLERANCE_RATIO * median_font_size(&glyphs);
    cluster_by_key(&glyphs, |g| g.bbox.cy(), tolerance)
        .into_iter()
        .map(|group| {
            let mut line: Vec<&Glyph> = group.into_iter().map(|i| glyphs[i]).collect();
            line.sort_by(|a, b| a.bbox.x0.total_cmp(&b.bbox.x0));
            line
        })
        .collect()
}

/// One line's text: glyphs left to right, with a single space wherever the
/// gap between two glyphs exceeds [`SPACE_GAP_RATIO`] of the font size.
pub fn line_to_text(line: &[&Glyph]) -> String {
    let mut text = String::new();
    let mut prev: Option<&Glyph> = None;
    for g in line {
        if let Some(p) = prev {
            let size = font_size(p).max(font_size(g));
            if g.bbox.x0 - p.bbox.x1 > SPACE_GAP_RATIO * size {
                text.push(' ');
            }
        }
        text.push_str(&g.text);
        prev = Some(g);
    }
    text
}

/// A cell's text: its glyphs in lines (see [`glyphs_to_lines`]), each line
/// by [`line_to_text`], joined with `\n`. Whitespace next to CJK characters
/// is kept: text normalisation removes it later.
pub fn glyphs_to_text(glyphs: &[&Glyph]) -> String {
    glyphs_to_lines(glyphs).iter().map(|l| line_to_text(l)).collect::<Vec<_>>().join("\n")
}

/// A glyph sticking out of its cell by more than this crosses the cell
/// edge (see [`GlyphRule::Word`]). PDF points.
pub const OVERFLOW_TOLERANCE: f64 = 0.5;

/// Assigns glyphs to table cells by the settings' [`GlyphRule`] and fills
/// each cell's text. The cell under a glyph's centre is found by binary
/// search on the grid lines; under [`GlyphRule::Inside`] the glyph box must
/// also fit the cell within `inside_slack`; under [`GlyphRule::Word`] a run
/// of touching glyphs that crosses a cell edge by more than
/// `OVERFLOW_TOLERANCE` goes to the cell of its first glyph. Returns the
/// glyphs that are in no cell, in input order.
pub fn assign_glyphs<'a>(
    tables: &mut [TableGrid],
    glyphs: &[&'a Glyph],
    settings: &LatticeSettings,
) -> Vec<&'a Glyph> {
    let maps: Vec<Vec<Option<usize>>> = tables.iter().map(TableGrid::position_map).collect();
    let slack = settings.inside_slack();
    let mut found: Vec<Option<(usize, usize)>> = glyphs
        .iter()
        .map(|g| {
            let (cx, cy) = (g.bbox.cx(), g.bbox.cy());
            tables.iter().enumerate().find_map(|(ti, t)| {
                let (row, col) = (slot_of(&t.ys, cy)?, slot_of(&t.xs, cx)?);
                let ci = maps[ti][row * t.n_cols() + col]?;
                let c = &t.cells[ci].bbox;
                let fits = g.bbox.x0 >= c.x0 - slack
                    && g.bbox.x1 <= c.x1 + slack
                    && g.bbox.top >= c.top - slack
                    && g.bbox.bottom <= c.bottom + slack;
                (settings.glyph_rule() != GlyphRule::Inside || fits).then_some((ti, ci))
            })
        })
        .collect();
    if settings.glyph_rule() == GlyphRule::Word {
        keep_overflowing_runs(tables, glyphs, &mut found);
    }
    let mut members: Vec<Vec<Vec<&Glyph>>> =
        tables.iter().map(|t| vec![Vec::new(); t.cells.len()]).collect();
    let mut free = Vec::new();
    for (&g, f) in glyphs.iter().zip(found) {
        match f {
            Some((ti, ci)) => members[ti][ci].push(g),
            None => free.push(g),
        }
    }
    for (t, cells) in tables.iter_mut().zip(members) {
        for (cell, glyphs) in t.cells.iter_mut().zip(cells) {
            cell.text = glyphs_to_text(&glyphs);
        }
    }
    free
}

/// [`GlyphRule::Word`]: runs of touching glyphs (gap at most
/// [`SPACE_GAP_RATIO`] font sizes) on one line that overflow from the cell
/// of their first glyph move whole into it. A run overflows when a glyph
/// put in another cell straddles that cell's left edge (the edge the run
/// came across) by more than [`OVERFLOW_TOLERANCE`], or when it runs out
/// of the table. A run split exactly at an edge, with the straddling glyph
/// still centred in the first cell (a full-width `）` whose em box pokes
/// past a rule), is two cells' texts set close together: it stays split.
fn keep_overflowing_runs(
    tables: &[TableGrid],
    glyphs: &[&Glyph],
    found: &mut [Option<(usize, usize)>],
) {
    // Outside every table counts as overflowing: the run ran past the table.
    let overflows = |i: usize, f: Option<(usize, usize)>| {
        f.is_none_or(|(ti, ci)| {
            glyphs[i].bbox.x0 < tables[ti].cells[ci].bbox.x0 - OVERFLOW_TOLERANCE
        })
    };
    let tolerance = LINE_TOLERANCE_RATIO * median_font_size(glyphs);
    for mut line in cluster_by_key(glyphs, |g| g.bbox.cy(), tolerance) {
        line.sort_by(|&a, &b| glyphs[a].bbox.x0.total_cmp(&glyphs[b].bbox.x0));
        let mut start = 0;
        for k in 1..=line.len() {
            let gap_follows = k == line.len() || {
                let (p, g) = (glyphs[line[k - 1]], glyphs[line[k]]);
                g.bbox.x0 - p.bbox.x1 > SPACE_GAP_RATIO * font_size(p).max(font_size(g))
            };
            if !gap_follows {
                continue;
            }
            let run = &line[start..k];
            start = k;
            let first = found[run[0]];
            let split = run.iter().any(|&i| found[i] != first);
            let overflow = run.iter().any(|&i| found[i] != first && overflows(i, found[i]));
            if first.is_some() && split && overflow {
                for &i in run {
                    found[i] = first;
                }
            }
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::BBox;

    pub(crate) fn glyph(text: &str, x0: f64, top: f64, size: f64) -> Glyph {
        let bbox = BBox { x0, top, x1: x0 + size, bottom: top + size };
        Glyph { text: text.into(), bbox, font_size: size, page: 1, baseline: top + 0.88 * size }
    }

    /// Lays out a string one glyph per char, full-width, from (x0, top).
    pub(crate) fn word(text: &str, x0: f64, top: f64, size: f64) -> Vec<Glyph> {
        text.chars()
            .enumerate()
            .map(|(i, c)| glyph(&c.to_string(), x0 + i as f64 * size, top, size))
            .collect()
    }

    #[test]
    fn fake_bold_counts_once() {
        let mut glyphs = word("总分", 10.0, 10.0, 10.0);
        glyphs.extend(word("总分", 10.3, 10.3, 10.0));
        glyphs.extend(word("00", 50.0, 10.0, 5.0));
        let kept = dedupe_glyphs(&glyphs, &LatticeSettings::default());
        assert_eq!(kept, vec![0, 1, 4, 5]);
        assert!(dedupe_glyphs(&[], &LatticeSettings::default()).is_empty());
    }

    #[test]
    fn wrapped_cell_text_joins_lines_and_spaces() {
        let mut glyphs = word("符合计划安", 0.0, 0.0, 10.0);
        glyphs.extend(word("排", 0.0, 12.0, 10.0));
        glyphs.push(glyph("a", 0.0, 24.0, 10.0));
        glyphs.push(glyph(" ", 10.0, 24.0, 10.0));
        glyphs.push(glyph("b", 13.0, 24.0, 10.0));
        let refs: Vec<&Glyph> = glyphs.iter().rev().collect();
        assert_eq!(glyphs_to_text(&refs), "符合计划安\n排\na b");
        assert_eq!(glyphs_to_text(&[]), "");
    }
}
