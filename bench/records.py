#!/usr/bin/env python3
"""Benchmark record files: a large JSON Lines export read and checked as a stream.

Generates a JSONL file of clinical-note records (by default 200,000 records of about
500 bytes, about 100 MB) in a temporary folder, then, in this process:

1. reads it with the record reader only (``claimcheck.formats.read``): the reader's cost;
2. reads and checks it (reader, linter, suppressions), as ``claimcheck check`` does per
   file, counting findings without keeping them.

Prints records/s, MB/s and memory: the resident set sampled ten times during the check
and the peak (``resource.getrusage``), to show that memory stays flat however large the
file. A share of the records (``--oxytocin-share``) mention oxytocin, and so go through
spaCy and the context rules; the rest pass the prefilter.

    bench/records.py [--records 200000] [--record-bytes 500] [--oxytocin-share 0.05] [--seed 1]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

from claimcheck import Linter
from claimcheck.errors import InputError
from claimcheck.formats import ReadOptions, read
from claimcheck.suppress import apply

PLAIN = [
    "Client arrived on time and engaged well with the session plan.",
    "We reviewed the safety plan and agreed to check in next week.",
    "Sleep has improved since the evening routine was changed.",
    "Breathing exercises were introduced and practised twice in session.",
    "Client reports less worry at work but still avoids team meetings.",
    "Plan: continue weekly therapy and review goals in six weeks.",
    "Mood rated 6/10, up from 4/10 last month.",
    "Discussed the role of exercise, daylight and regular meals.",
    "Client's partner joined for the last twenty minutes.",
    "No risk concerns raised today.",
]
OXYTOCIN = [
    "Client asked about oxytocin after reading a magazine article.",
    "Intranasal oxytocin is being studied for social anxiety, but trials are mixed.",
    "Some studies suggest oxytocin may be linked to social memory in rodents.",
    "Oxytocin is often called the love hormone, but the label oversimplifies it.",
    "Synthetic oxytocin is used in obstetrics to induce labour.",
]
OVERCLAIMS = [
    "Oxytocin, the love hormone, floods your brain when you hug.",
    "Intranasal oxytocin is a proven treatment for autism.",
    "Her difficulty trusting others is caused by low oxytocin.",
    "Oxytocin increases trust between strangers.",
]
SUPPRESSED = "  claimcheck: ignore[OXT101] -- patient's words"


def note(rng: random.Random, size: int, share: float) -> str:
    """A note of about ``size`` characters; with chance ``share`` it mentions oxytocin."""
    sentences: list[str] = []
    total = 0
    topical = rng.random() < share
    while total < size:
        if topical and rng.random() < 0.3:
            sentence = rng.choice(OVERCLAIMS if rng.random() < 0.2 else OXYTOCIN)
        else:
            sentence = rng.choice(PLAIN)
        sentences.append(sentence)
        total += len(sentence) + 1
    text = " ".join(sentences)
    if topical and rng.random() < 0.1:
        text += SUPPRESSED
    return text


def generate(path: Path, records: int, size: int, share: float, seed: int) -> int:
    """Write the JSONL file a record at a time; its size in bytes."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        for i in range(records):
            text = note(rng, size - 60, share)
            if rng.random() < 0.3:  # some multi-line notes
                text = text.replace(". ", ".\n", 2)
            out.write(json.dumps({"id": f"n-{i:07d}", "clinician": rng.choice("ABCD"), "text": text}) + "\n")
    return path.stat().st_size


def rss_mib() -> float:
    """The resident set now (Linux), else the peak so far."""
    try:
        with open("/proc/self/statm") as f:
            pages = int(f.read().split()[1])
        return pages * resource.getpagesize() / 2**20
    except OSError:
        return peak_mib()


def peak_mib() -> float:
    kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kib / 2**20 if sys.platform == "darwin" else kib / 1024  # bytes on macOS, KiB on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=200_000)
    parser.add_argument("--record-bytes", type=int, default=500)
    parser.add_argument("--oxytocin-share", type=float, default=0.05)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="claimcheck-bench-records-") as tmp:
        path = Path(tmp) / "notes.jsonl"
        t0 = time.perf_counter()
        size = generate(path, args.records, args.record_bytes, args.oxytocin_share, args.seed)
        t_gen = time.perf_counter() - t0
        mb = size / 1e6

        linter = Linter()
        linter.check("Oxytocin is a hormone.")  # load spaCy before measuring
        rss_start = rss_mib()

        # 1. the reader alone
        t0 = time.perf_counter()
        with path.open("rb") as stream:
            n_read = sum(1 for _ in read(stream, str(path), "jsonl", ReadOptions()))
        t_read = time.perf_counter() - t0

        # 2. reader and linter
        samples: list[tuple[int, float]] = []
        every = max(1, args.records // 10)
        documents = errors = findings = suppressed = 0
        t0 = time.perf_counter()
        with path.open("rb") as stream:
            for item in read(stream, str(path), "jsonl", ReadOptions()):
                if isinstance(item, InputError):
                    errors += 1
                    continue
                documents += 1
                found, _ = apply(linter.check_document(item, str(path)), item, str(path), linter.codes)
                findings += len(found)
                suppressed += sum(f.suppressed for f in found)
                if documents % every == 0:
                    samples.append((documents, rss_mib()))
        t_check = time.perf_counter() - t0

    print(f"claimcheck record bench (python {sys.version.split()[0]}, seed {args.seed})")
    print(
        f"  file: {args.records:,} records, {mb:.1f} MB, {args.oxytocin_share:.0%} mention oxytocin "
        f"(generated in {t_gen:.1f} s)"
    )
    print(f"  reader only:   {t_read:.1f} s, {n_read / t_read:,.0f} records/s, {mb / t_read:.1f} MB/s")
    print(
        f"  reader+linter: {t_check:.1f} s, {documents / t_check:,.0f} records/s, {mb / t_check:.2f} MB/s, "
        f"{findings:,} findings ({suppressed:,} suppressed), {errors} errors"
    )
    print(f"  RSS before reading: {rss_start:.0f} MiB")
    print("  RSS during check:   " + ", ".join(f"{n // 1000}k: {r:.0f}" for n, r in samples) + " (MiB)")
    print(f"  peak RSS (getrusage): {peak_mib():.0f} MiB")


if __name__ == "__main__":
    main()
