//! Rulings and glyphs into table rows: lattice and stream (owned by the grid work).
