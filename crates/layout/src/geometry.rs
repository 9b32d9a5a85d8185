//! Clustering and small geometry helpers shared by lattice and stream.
