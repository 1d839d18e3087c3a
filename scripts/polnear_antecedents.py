#!/usr/bin/env python3
"""Pronoun and role-noun sources on PolNeAR train, scored against hand labels.

Train ships no CoreNLP, so the PolNeAR scorer cannot tell whether "he said" or "the senator said"
was resolved to the right person there. ``scripts/data/polnear_train_antecedents.jsonl`` holds, for
a sample of train articles, one line per gold speech attribution whose source is a pronoun or a
role noun: the article id, the source span's character offsets and the name of the person or body
meant, as read by hand (no article text). This script scores ``extract_quotes`` on those items
with the scorer's own matching (``found_by``, ``right_speaker``).

    python scripts/polnear_antecedents.py                 # score: found, right, per-item misses with --verbose
    python scripts/polnear_antecedents.py --show STEM...  # print the items to label, with context (stderr-free)

Needs ../shared (the PolNeAR corpus and the scorer).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from polnear_fast import ROOT, SCORER, load_scorer  # noqa: E402

LABELS = ROOT / "scripts/data/polnear_train_antecedents.jsonl"


def gold_with_spans(ps, art):
    """(gold item, source spans) for the article's scored attributions, as the scorer selects them."""
    out = []
    for a in art["attrs"]:
        items, _ = ps.gold_items(dict(art, attrs=[a]), None)
        if items:
            out.append((items[0], a["source_spans"]))
    return out


def predict(ps, art):
    from newsgrep.attribution.quotes import extract_quotes  # noqa: PLC0415
    from newsgrep.ingest.articles import parse_bytes  # noqa: PLC0415

    text = ps.digest.block(art["title"] or "UNTITLED", art["date"], art["publisher"], art["body"], art["url"])
    preds = []
    for doc in parse_bytes(text.encode(), art["stem"] + ".txt", ".txt").articles:
        for q in extract_quotes(doc.body):
            words = ps.norm(q.text).split()
            preds.append(dict(speaker=q.speaker, kind=q.kind, text=q.text, words=words, spans=ps.locate(words, art)))
    return preds


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", nargs="*", help="article stems whose pronoun/role items to print for labelling")
    ap.add_argument("--labels", type=Path, default=LABELS)
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args()
    if not SCORER.exists():
        print(f"no scorer at {SCORER}")
        return 2
    sys.path.insert(0, str(ROOT))
    ps = load_scorer()
    arts = {x["stem"]: x for x in ps.load("train", 0, None)}
    if a.show is not None:
        for stem in a.show:
            art = arts[stem]
            preds = predict(ps, art)
            text = art["text"]
            print(f"=== {stem}")
            for g, spans in gold_with_spans(ps, art):
                if g["cls"] == "named":
                    continue
                b, e = spans[0][0], spans[-1][1]
                cands = [p["speaker"] for p in preds if ps.found_by(g, p)]
                ctx = " ".join(text[max(0, b - 500) : b].split())
                print(f'{{"article": "{stem}", "start": {b}, "end": {e}, "name": ""}}  # [{text[b:e]}] ng={cands}')
                print(f"    ...{ctx[-300:]} [[{text[b:e]}]] {' '.join(text[e : e + 60].split())}")
        return 0
    labels = [json.loads(line) for line in a.labels.read_text().splitlines() if line.strip()]
    by_art: dict[str, dict[tuple[int, int], dict]] = {}
    for lab in labels:
        by_art.setdefault(lab["article"], {})[(lab["start"], lab["end"])] = lab
    n = found = right = 0
    for stem, labs in sorted(by_art.items()):
        art = arts[stem]
        preds = predict(ps, art)
        for g, spans in gold_with_spans(ps, art):
            lab = labs.get((spans[0][0], spans[-1][1]))
            if lab is None or not lab["name"]:
                continue
            g = dict(g, names=[lab["name"]], person=lab.get("person", True), head=lab["name"].split()[-1], core="")
            g["source"] = lab["name"]
            cands = [p for p in preds if ps.found_by(g, p)]
            ok = any(ps.right_speaker(g, p["speaker"]) for p in cands)
            n += 1
            found += bool(cands)
            right += ok
            if a.verbose and cands and not ok:
                print(
                    f"WRONG {stem[:40]} {spans[0][0]} [{g['span']}] want {lab['name']!r} got {[p['speaker'] for p in cands]}"
                )
    print(
        f"antecedents train: {len(by_art)} articles, {n} labelled pronoun/role sources · found {found} · "
        f"right {right} ({right / max(found, 1):.2f} of found)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
