# jixiao: the two set-up commands are `make run` and `make test`.
CARGO ?= cargo
BIN := $(or $(CARGO_TARGET_DIR),target)/release/jixiao

.PHONY: run test build lint golden-bless bench fuzz man clean samples-check

build:
	$(CARGO) build --release --locked

# Extract every sample into the dataset out/ (records.jsonl, CSV tables,
# jixiao.sqlite, manifest.jsonl, summary.json) and print a summary. The
# image-only scans among the samples cannot be read by design: the manifest
# reports them (no_text_layer) and batch exits 2, which is fine here;
# anything worse (a crash) fails.
run: build
	rm -rf out
	$(BIN) batch samples --out out --sqlite || [ $$? -eq 2 ]

# Unit tests, end-to-end tests (binary on samples/ against golden/), and the
# golden check itself.
test: build
	$(CARGO) test --workspace --release --locked
	$(BIN) golden check samples golden

lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets --locked -- -D warnings
	RUSTDOCFLAGS="-D warnings" $(CARGO) doc --workspace --no-deps --locked

# Rewrite golden/ from the current output (review the diff before committing).
golden-bless: build
	$(BIN) golden bless samples golden
	$(BIN) audit samples/putuo-2024.txt > golden/putuo-2024.audit.txt

# End-to-end pages/s and peak RSS at scale (>= 10,000 files, 1 job and all
# cores, pdftotext -layout as the floor; a dated run under bench/runs/),
# forms/s and accuracy per input format (bench/formats.sh), provenance
# overhead and review pages/s (bench/review.sh), then the
# per-crate criterion benches. Not a timed test.
bench: build
	$(CARGO) build --profile profiling --locked
	bash bench/run.sh
	bash bench/formats.sh
	bash bench/review.sh
	$(CARGO) bench --workspace --locked

# Coverage-guided fuzzing (nightly and `cargo install cargo-fuzz`): every
# target for FUZZ_SECS seconds (default 60) on both cores, then each
# target's exec count, rate, corpus size and crashes. fuzz/README.md says
# how to run a long campaign and how a crash becomes a regression input.
fuzz:
	bash fuzz/run.sh

# Regenerate every sample round into a temporary directory and compare it
# byte for byte with samples/ and tests/hostile/ (Python; rounds whose
# external producers are missing are reported SKIPPED). Not part of `test`.
samples-check:
	python3 tools/samplegen/test_regen.py

# Man pages (clap_mangen) into man/: jixiao.1 and one per subcommand.
man: build
	$(BIN) man man

clean:
	rm -rf out man
