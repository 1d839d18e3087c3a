#!/usr/bin/env python3
"""PolNeAR scoring in process, for development: ../shared/tools/polnear_score.py with its
`newsgrep index` + `newsgrep quotes` step replaced by parse + ``extract_quotes`` here.

    python scripts/polnear_fast.py [--split train|dev] [--verbose] [--dump FILE] [--limit N]

Same gold, same matching, same summary line as the real scorer, about five times faster
(no Whoosh index). Always confirm a result with the real scorer before reporting it.
Needs ../shared (the PolNeAR corpus and the scorer); reads nothing else.
"""

from __future__ import annotations

import collections
import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCORER = ROOT.parent / "shared/tools/polnear_score.py"


def load_scorer():
    spec = importlib.util.spec_from_file_location("polnear_score", SCORER)
    mod = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(SCORER.parent))
    spec.loader.exec_module(mod)
    return mod


def main() -> int:
    if not SCORER.exists():
        print(f"no scorer at {SCORER}")
        return 2
    sys.path.insert(0, str(ROOT))
    from newsgrep.attribution.quotes import extract_quotes  # noqa: PLC0415
    from newsgrep.ingest.articles import parse_bytes  # noqa: PLC0415

    ps = load_scorer()

    def predictions(arts):
        preds, by_url = [], collections.defaultdict(list)
        for a in arts:
            text = ps.digest.block(a["title"] or "UNTITLED", a["date"], a["publisher"], a["body"], a["url"])
            res = parse_bytes(text.encode(), a["stem"] + ".txt", ".txt")
            for art in res.articles:
                for q in extract_quotes(art.body):
                    p = dict(
                        speaker=q.speaker,
                        kind=q.kind,
                        cue=q.cue,
                        text=q.text,
                        url=a["url"],
                        path=a["stem"] + ".txt",
                        role=q.role,
                    )
                    p["words"] = ps.norm(q.text).split()
                    preds.append(p)
                    by_url[a["url"]].append(p)
        return preds, by_url

    ps.predictions = predictions
    ps.main()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
