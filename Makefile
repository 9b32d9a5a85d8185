# jixiao: the two set-up commands are `make run` and `make test`.
CARGO ?= cargo
BIN := $(or $(CARGO_TARGET_DIR),target)/release/jixiao

.PHONY: run test build lint golden-bless bench clean

build:
	$(CARGO) build --release --locked

# Extract every sample into out/ and print a summary (files, forms, checks).
# The image-only scans among the samples cannot be read by design: batch
# reports them (out/errors.txt) and exits 2, which is fine here; anything
# worse (a crash) fails.
run: build
	$(BIN) batch samples --out out || [ $$? -eq 2 ]

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

# End-to-end pages/s and peak RSS (dated run under bench/runs/), forms/s and
# accuracy per input format (bench/formats.sh), then the per-crate criterion
# benches.
bench: build
	bash bench/run.sh
	bash bench/formats.sh
	$(CARGO) bench --workspace --locked

clean:
	rm -rf out
