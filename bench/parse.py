"""CPU time of mdvet's parse (front matter and body) over the corpora, without the rules.

    python bench/parse.py [CORPORA] [--repeat N]

Prints the best of N passes, so that other work on the machine counts as little as possible.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from lint.discover import discover
from lint.document import parse_document
from lint.source import UndecodableError, decode

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpora"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="?", default=str(DEFAULT))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    texts = []
    for path in discover([args.corpora]):
        try:
            texts.append((str(path), decode(path.read_bytes())[0]))
        except (OSError, UndecodableError):
            continue
    best = float("inf")
    for _ in range(args.repeat):
        started = time.process_time()
        for path, text in texts:
            parse_document(text, path)
        best = min(best, time.process_time() - started)
    print(f"{len(texts)} files: parse_document {best:.2f} s CPU (best of {args.repeat})")


if __name__ == "__main__":
    main()
