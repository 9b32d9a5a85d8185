"""samplegen: synthetic 绩效自评表 samples with exact truth (see ../README.md)."""
