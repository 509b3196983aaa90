#!/usr/bin/env python3
"""Build and maintain the real-text corpus in this folder (see README.md).

    python corpus/web/tools.py add          # new pages from collect/*.yaml into index.yaml (split among themselves)
    python corpus/web/tools.py segment      # index.yaml + texts/ -> splits, sha1s, sentences.tsv (labels kept)
    python corpus/web/tools.py batches N [--unlabelled]   # labelling batches (with text) into work/, git-ignored
    python corpus/web/tools.py agreement    # Cohen's kappa between labels/annotator-1.tsv and -2.tsv
    python corpus/web/tools.py adjudicate   # write the agreed labels into sentences.tsv; list disagreements
    python corpus/web/tools.py verify       # every text and sentence matches its recorded sha1

The texts are third-party and never committed; index.yaml, sentences.tsv and labels/ are.
"""

from __future__ import annotations

import csv
import hashlib
import sys
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
TEXTS = HERE / "texts"
WORK = HERE / "work"
LABELS = HERE / "labels"
COLUMNS = ["id", "doc", "start", "end", "sha1", "gold", "family"]


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def write_tsv(path: Path, rows: list[dict[str, str]], columns: list[str]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, columns, delimiter="\t", quoting=csv.QUOTE_NONE, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def text_of(doc: str) -> str:
    return (TEXTS / f"{doc}.txt").read_text(encoding="utf-8")


def split_of(docs: list[dict[str, str]]) -> dict[str, str]:
    """Dev (two thirds) and test (one third) by document, stratified by kind, fixed by id hash."""
    out: dict[str, str] = {}
    by_kind: dict[str, list[str]] = {}
    for d in docs:
        by_kind.setdefault(d["kind"], []).append(d["id"])
    carry = 0
    for kind in sorted(by_kind):
        for i, doc in enumerate(sorted(by_kind[kind], key=lambda x: sha1("split:" + x))):
            out[doc] = "test" if (i + carry) % 3 == 2 else "dev"
        carry += len(by_kind[kind])
    return out


def sentences(text: str) -> list[tuple[int, int]]:
    """Gold sentence spans: every non-blank line is a block (web excerpts put one paragraph,
    heading or list item per line); inside a line, spaCy's sentencizer (as the linter uses it)
    splits; a piece with fewer than two letters ("1.", "2]") joins the sentence after it."""
    import re

    from claimcheck.nlp import pipeline

    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    spans: list[tuple[int, int]] = []
    for (a, _), doc in zip(lines, pipeline().pipe(text[a:b] for a, b in lines), strict=True):
        pending = None
        for sent in doc.sents:
            s, e = a + sent.start_char, a + sent.end_char
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e <= s:
                continue
            if pending is not None:
                s, pending = pending, None
            if sum(ch.isalpha() for ch in text[s:e]) < 2:
                pending = s
                continue
            spans.append((s, e))
        if pending is not None:
            if spans and spans[-1][0] >= a:
                spans[-1] = (spans[-1][0], a + len(doc.text.rstrip()))
            else:
                spans.append((pending, a + len(doc.text.rstrip())))
    return spans


def segment() -> None:
    docs = yaml.safe_load((HERE / "index.yaml").read_text(encoding="utf-8"))
    old_index = {d["id"]: d for d in docs}
    splits = split_of(docs)
    old = {r["id"]: r for r in read_tsv(HERE / "sentences.tsv")} if (HERE / "sentences.tsv").exists() else {}
    rows: list[dict[str, str]] = []
    index = []
    for d in docs:
        text = text_of(d["id"])
        split = old_index.get(d["id"], {}).get("split") or splits[d["id"]]
        index.append({**{k: d.get(k, "") for k in ("id", "url", "title", "kind", "date", "licence", "query")},
                      "split": split, "sha1": sha1(text), "chars": len(text)})
        for n, (a, b) in enumerate(sentences(text), 1):
            sid = f"{d['id']}-{n:03d}"
            prev = old.get(sid, {})
            same = prev.get("sha1") == sha1(text[a:b])
            rows.append({"id": sid, "doc": d["id"], "start": str(a), "end": str(b), "sha1": sha1(text[a:b]),
                         "gold": prev.get("gold", "") if same else "",
                         "family": prev.get("family", "") if same else ""})
    (HERE / "index.yaml").write_text(yaml.safe_dump(index, sort_keys=False, allow_unicode=True, width=1000),
                                     encoding="utf-8")
    write_tsv(HERE / "sentences.tsv", rows, COLUMNS)
    print(f"{len(index)} documents, {len(rows)} sentences; splits {Counter(d['split'] for d in index)}")


def add() -> None:
    """Append the pages in collect/*.yaml that index.yaml lacks; they are split among themselves
    (stratified by kind), so the documents already split keep their split."""
    index = yaml.safe_load((HERE / "index.yaml").read_text(encoding="utf-8"))
    known = {d["id"] for d in index}
    new: list[dict[str, str]] = []
    for path in sorted((HERE / "collect").glob("*.yaml")):
        new += [d for d in yaml.safe_load(path.read_text(encoding="utf-8")) or [] if d["id"] not in known]
    splits = split_of(new)
    for d in new:
        index.append({**{k: d.get(k, "") for k in ("id", "url", "title", "kind", "date", "licence", "query")},
                      "split": splits[d["id"]]})
    (HERE / "index.yaml").write_text(yaml.safe_dump(index, sort_keys=False, allow_unicode=True, width=1000),
                                     encoding="utf-8")
    print(f"added {len(new)} documents: {Counter(splits.values())}")


def batches(n: int, only_unlabelled: bool = False) -> None:
    """Labelling batches: every document in order, one sentence per line as ``id<TAB>text``."""
    WORK.mkdir(exist_ok=True)
    index = yaml.safe_load((HERE / "index.yaml").read_text(encoding="utf-8"))
    rows = read_tsv(HERE / "sentences.tsv")
    if only_unlabelled:
        todo = {r["doc"] for r in rows if not r["gold"]}
        index = [d for d in index if d["id"] in todo]
    by_doc: dict[str, list[dict[str, str]]] = {}
    for r in rows:
        by_doc.setdefault(r["doc"], []).append(r)
    out: list[list[str]] = [[] for _ in range(n)]
    sizes = [0] * n
    for d in sorted(index, key=lambda d: -len(by_doc.get(d["id"], []))):
        i = sizes.index(min(sizes))
        text = text_of(d["id"])
        out[i].append(f"=== document {d['id']} | kind: {d['kind']} | title: {d['title']} | url: {d['url']}")
        for r in by_doc.get(d["id"], []):
            sentence = " ".join(text[int(r["start"]) : int(r["end"])].split())
            out[i].append(f"{r['id']}\t{sentence}")
        out[i].append("")
        sizes[i] += len(by_doc.get(d["id"], []))
    for i, lines in enumerate(out, 1):
        (WORK / f"batch-{i}.txt").write_text("\n".join(lines), encoding="utf-8")
    print(f"{n} batches of {sizes} sentences in {WORK}")


def _labels(name: str) -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    for path in sorted(LABELS.glob(f"{name}*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) < 2 or parts[0] == "id":
                continue
            out[parts[0].strip()] = (parts[1].strip(), (parts[2].strip().upper() if len(parts) > 2 else ""))
    return out


def kappa(pairs: list[tuple[str, str]]) -> float:
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    ca, cb = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / (n * n)
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0


def agreement() -> None:
    a, b = _labels("annotator-1"), _labels("annotator-2")
    ids = [r["id"] for r in read_tsv(HERE / "sentences.tsv")]
    missing = [i for i in ids if i not in a or i not in b]
    both = [i for i in ids if i in a and i in b]
    pairs = [(a[i][0], b[i][0]) for i in both]
    binary = [(str(x == "2"), str(y == "2")) for x, y in pairs]
    print(f"{len(both)} sentences labelled by both ({len(missing)} missing)")
    print(f"kappa, three classes (0/1/2): {kappa(pairs):.3f}")
    print(f"kappa, overclaim or not (2 vs 0/1): {kappa(binary):.3f}")
    print(f"raw agreement: {sum(x == y for x, y in pairs) / len(pairs):.3f}")
    print("confusion (annotator-1, annotator-2):", dict(Counter(pairs)))


def adjudicate() -> None:
    """Agreed labels go straight in; where the annotators differ, labels/adjudicated.tsv decides."""
    a, b = _labels("annotator-1"), _labels("annotator-2")
    decided = _labels("adjudicated")
    rows = read_tsv(HERE / "sentences.tsv")
    open_ = []
    for r in rows:
        x, y = a.get(r["id"]), b.get(r["id"])
        if r["id"] in decided:
            r["gold"], r["family"] = decided[r["id"]]
        elif x and y and x[0] == y[0] and (x[0] == "0" or x[1] == y[1]):
            r["gold"], r["family"] = x
        else:
            r["gold"], r["family"] = "", ""
            open_.append((r, x, y))
        if r["gold"] == "0":
            r["family"] = ""
    write_tsv(HERE / "sentences.tsv", rows, COLUMNS)
    WORK.mkdir(exist_ok=True)
    lines = []
    for r, x, y in open_:
        text = " ".join(text_of(r["doc"])[int(r["start"]) : int(r["end"])].split())
        lines.append(f"{r['id']}\tA={x}\tB={y}\t{text}")
    (WORK / "disagreements.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows) - len(open_)} labelled, {len(open_)} to adjudicate (work/disagreements.txt)")


def verify() -> None:
    index = yaml.safe_load((HERE / "index.yaml").read_text(encoding="utf-8"))
    bad = absent = 0
    texts: dict[str, str] = {}
    for d in index:
        path = TEXTS / f"{d['id']}.txt"
        if not path.exists():
            absent += 1
            continue
        texts[d["id"]] = path.read_text(encoding="utf-8")
        if sha1(texts[d["id"]]) != d["sha1"]:
            print(f"{path}: text differs from the collected one (sha1)")
            bad += 1
    for r in read_tsv(HERE / "sentences.tsv"):
        text = texts.get(r["doc"])
        if text is not None and sha1(text[int(r["start"]) : int(r["end"])]) != r["sha1"]:
            print(f"sentences.tsv: {r['id']}: sentence text differs (sha1)")
            bad += 1
    print(f"{len(index) - absent} of {len(index)} texts present; {bad} mismatches")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "segment":
        segment()
    elif command == "add":
        add()
    elif command == "batches":
        batches(int(sys.argv[2]), "--unlabelled" in sys.argv)
    elif command == "agreement":
        agreement()
    elif command == "adjudicate":
        adjudicate()
    elif command == "verify":
        verify()
    else:
        sys.exit(__doc__)
