"""How much the site index adds to a per-file run, measured in one process.

    python bench/site_index.py ../shared/corpora [--jobs N] [--repeat R]

Runs `check_paths` over the folder without the site rules (per-file only), then with them
(every file also summarised, the Site built, ST001-ST007 run), alternating, R times each,
without the cache. Prints the best CPU time of each (this process and its workers), wall
times, and the share of the second run spent building and checking the index.
"""

from __future__ import annotations

import argparse
import os
import resource
import time

import lint.site.run as site_run
from lint.runner import check_paths
from lint.settings import Settings


def cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    root = os.path.abspath(args.folder)
    runs = {
        "per-file only": Settings(root=root, ignore=("ST",)),
        "with the site index": Settings(root=root),
    }
    spent = {"sites": 0.0}
    real = site_run.check_sites

    def timed(*a, **k):
        start = time.process_time()
        try:
            return real(*a, **k)
        finally:
            spent["sites"] += time.process_time() - start

    site_run.check_sites = timed
    best: dict[str, tuple[float, float]] = {}
    counts = {}
    for _ in range(args.repeat):
        for name, settings in runs.items():
            spent["sites"] = 0.0
            c0, w0 = cpu(), time.perf_counter()
            report = check_paths([root], settings, jobs=args.jobs).report
            took = (cpu() - c0, time.perf_counter() - w0)
            counts[name] = (report.files_checked, len(report.diagnostics), spent["sites"])
            if name not in best or took[0] < best[name][0]:
                best[name] = took
    base = best["per-file only"][0]
    for name, (cpu_s, wall) in best.items():
        files, found, sites = counts[name]
        print(
            f"{name:<20} cpu {cpu_s:7.2f} s  wall {wall:6.2f} s  ({files} files, {found} "
            f"diagnostics; index build and site rules in the main process {sites:.2f} s)"
        )
    print(f"overhead (cpu): {100 * (best['with the site index'][0] - base) / base:+.1f}%")


if __name__ == "__main__":
    main()
