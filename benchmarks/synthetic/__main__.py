"""``python -m benchmarks.synthetic --n 1000 --seed 7 --out DIR``: write a synthetic content folder."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from benchmarks.synthetic.corpus import iter_corpus, write_corpus

CONTENT = Path(__file__).resolve().parents[2] / "content"


def main(argv: list[str] | None = None) -> int:
    """Write the corpus; with --truth, also the ground truth as JSON lines."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.synthetic", description=__doc__)
    parser.add_argument("--n", type=int, required=True, help="number of transcripts")
    parser.add_argument("--seed", type=int, default=7, help="corpus seed (default 7)")
    parser.add_argument("--out", type=Path, required=True, help="folder; transcripts go to OUT/transcripts/")
    parser.add_argument("--truth", type=Path, help="also write the ground truth here, one JSON object a line")
    parser.add_argument("--directory", type=Path, default=CONTENT if CONTENT.is_dir() else None,
                        help="content folder whose people, outlets and topics YAML files to copy into OUT "
                             "(default: the repository's content/)")
    parser.add_argument("--no-directory", dest="directory", action="store_const", const=None,
                        help="write transcripts only")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    try:
        paths = write_corpus(args.n, args.seed, args.out, args.directory)
    except FileExistsError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    if args.truth:
        with args.truth.open("w", encoding="utf-8") as out:
            for item in iter_corpus(args.n, args.seed):
                out.write(json.dumps({"name": item.name, **item.truth.to_dict()}, ensure_ascii=False) + "\n")
    size = sum(p.stat().st_size for p in paths)
    print(f"wrote {len(paths)} transcripts ({size / 1e6:.1f} MB) to {args.out / 'transcripts'} "
          f"in {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
