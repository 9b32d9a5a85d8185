"""Where samples are read from and written to.

REPO is the checkout this package lives in. ROOT is where output goes:
the repo itself, or the directory named by SAMPLEGEN_OUT (gen.py --out),
so a regeneration can be compared with the committed files."""
import os

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
ROOT = os.path.abspath(os.environ.get("SAMPLEGEN_OUT") or REPO)
SAMPLES = os.path.join(ROOT, "samples")
PENDING = os.path.join(ROOT, "samples-pending")
# Inputs that are not generated (hand-written dumps a bundle is built from).
REPO_SAMPLES = os.path.join(REPO, "samples")

# Samples jixiao does not read right yet: written to samples-pending/.
PENDING_NAMES = ("variant8_03", "variant8_07", "producer_09_writer_noborders")


def dest(name):
    """The directory a sample called `name` belongs in."""
    return PENDING if any(name.startswith(p) for p in PENDING_NAMES) else SAMPLES
