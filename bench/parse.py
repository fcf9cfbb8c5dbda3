"""CPU time of mdvet's parse (front matter and body) over the corpora, without the rules, and
the part of it no Python code on pyromark can avoid: pyromark making its events, iterated and
left alone.

    python bench/parse.py [CORPORA] [--repeat N]

Prints the best of N passes of each, so that other work on the machine counts as little as
possible.
"""

from __future__ import annotations

import argparse
import gc
import time
from collections.abc import Callable
from pathlib import Path

import pyromark

from lint.discover import discover
from lint.document import parse_document
from lint.markdown import OPTIONS
from lint.source import UndecodableError, decode

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpora"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="?", default=str(DEFAULT))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    gc.set_threshold(100_000, 10, 10)  # as `mdvet` runs (lint.cli.main)
    texts = []
    for path in discover([args.corpora]):
        try:
            texts.append((str(path), decode(path.read_bytes())[0]))
        except (OSError, UndecodableError):
            continue

    # pyromark reads what parse_document gives it: the body, after any front matter
    bodies = {text: text[parse_document(text, path).body_start :] for path, text in texts}

    def events(text: str, path: str) -> None:
        for _ in pyromark.events_with_range(bodies[text], options=OPTIONS):
            pass

    def best(parse: Callable[[str, str], object]) -> float:
        fastest = float("inf")
        for _ in range(args.repeat):
            started = time.process_time()
            for path, text in texts:
                parse(text, path)
            fastest = min(fastest, time.process_time() - started)
        return fastest

    whole, alone = best(parse_document), best(events)
    print(
        f"{len(texts)} files: parse_document {whole:.2f} s CPU, pyromark's events alone "
        f"{alone:.2f} s ({alone / whole:.0%}) (best of {args.repeat})"
    )


if __name__ == "__main__":
    main()
