"""The online case of the benchmark: `mdvet check --online` against another link checker on
the same links, all served by a local server.

    .venv/bin/python bench/online.py                  # 10,000 URLs over 50 hosts
    .venv/bin/python bench/online.py --urls 2000      # a smaller run
    .venv/bin/python bench/run.py --cases online      # the same, from the main harness

The server (`serve`, started in a process of its own) listens on 127.0.0.1 at 50 ports, one
"host" each, and answers every path with 200 and a small HTML page after a pause of 20 to
200 ms that depends on the path only (so every tool meets the same latencies); it counts the
requests it gets by method. The links: `--urls` distinct URLs spread over the hosts, written
50 to a Markdown file. Nothing leaves 127.0.0.1.

lychee installs from none of the registries this machine reaches (the `lychee` packages on
PyPI and npm are other programs of that name), so the other checker is LinkChecker (PyPI),
which reads Markdown with its MarkdownCheck plugin, installed into bench/.cache/linkchecker.
The limits are made the same where both have them: 32 requests at a time in all (mdvet's
`online_max_connections`, LinkChecker's threads). mdvet also keeps to 2 connections per host
(`online_max_host_connections`); LinkChecker has no such limit, only a rate per host
(`maxrequestspersecond`, left at its default 10, which these runs do not reach). Each tool
runs from an empty cache; mdvet then runs again within its `online_ttl`.

`--markdown-link-check` adds markdown-link-check (npm), which checks 2 links at a time in all
(a number fixed in its code, with no limit per host): on 10,000 URLs it takes many minutes, so
it is for smaller `--urls`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.request
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import CACHE, mdvet_tool, run_once  # noqa: E402

FIRST_PORT = 18200
HOSTS = 50
PER_FILE = 50
LINKCHECKER = CACHE / "linkchecker"
MLC = CACHE / "markdown-link-check"
MLC_VERSION = "3.15.0"
PAGE = b"<!doctype html><html><head><title>page</title></head><body><p id=top>ok</p></body></html>"


def pause(path: str) -> float:
    """20 to 200 ms, by the path."""
    return 0.020 + (zlib.crc32(path.encode()) % 181) / 1000


async def serve(first_port: int, hosts: int) -> None:
    from aiohttp import web

    counts: dict[str, int] = {}

    async def page(request: web.Request) -> web.Response:
        if request.path == "/__counts":
            return web.json_response(counts)
        if request.path == "/__reset":
            counts.clear()
            return web.json_response({})
        counts[request.method] = counts.get(request.method, 0) + 1
        await asyncio.sleep(pause(request.path))
        return web.Response(body=PAGE, content_type="text/html")

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", page)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    for port in range(first_port, first_port + hosts):
        await web.TCPSite(runner, "127.0.0.1", port, backlog=1024).start()
    print("ready", flush=True)
    await asyncio.Event().wait()


def control(path: str) -> dict:
    with urllib.request.urlopen(f"http://127.0.0.1:{FIRST_PORT}{path}", timeout=10) as answer:
        return json.loads(answer.read())


def write_site(folder: Path, urls: int, hosts: int) -> None:
    folder.mkdir(parents=True)
    links = [
        f"http://127.0.0.1:{FIRST_PORT + i % hosts}/post/{i}/page-{i * 7919 % 100003}.html"
        for i in range(urls)
    ]
    for n in range(0, urls, PER_FILE):
        body = "".join(f"- [link {i}]({url})\n" for i, url in enumerate(links[n : n + PER_FILE], n))
        (folder / f"post-{n // PER_FILE:04d}.md").write_text(f"# Post {n}\n\n{body}")


def install_markdown_link_check() -> Path:
    program = MLC / "node_modules" / ".bin" / "markdown-link-check"
    if not program.exists():
        MLC.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["npm", "install", "--silent", f"markdown-link-check@{MLC_VERSION}"],
            cwd=MLC,
            check=True,
        )
    return program


def linkchecker_command(files: list[str], config: Path) -> list[str]:
    return [str(LINKCHECKER / "bin" / "linkchecker"), "-f", str(config), "--no-status", *files]


def install_linkchecker() -> str:
    python = LINKCHECKER / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(LINKCHECKER)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", "linkchecker"], check=True)
    out = subprocess.run(
        [str(LINKCHECKER / "bin" / "linkchecker"), "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    return out.stdout.split("\n")[0].replace("LinkChecker ", "").split(" released")[0]


LINKCHECKER_RC = """\
[checking]
threads=32
timeout=10
recursionlevel=1
[filtering]
checkextern=1
[output]
status=0
[MarkdownCheck]
filename_re=.*\\.md$
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--urls", type=int, default=10_000)
    parser.add_argument("--hosts", type=int, default=HOSTS)
    parser.add_argument("--skip-linkchecker", action="store_true")
    parser.add_argument(
        "--markdown-link-check",
        action="store_true",
        help="also run markdown-link-check (2 links at a time in all: slow on many URLs)",
    )
    parser.add_argument("--output", type=Path, default=None, help="append the table here")
    args = parser.parse_args(argv)
    return online_case(
        args.urls, args.hosts, not args.skip_linkchecker, args.output, args.markdown_link_check
    )


def online_case(
    urls: int, hosts: int, linkchecker: bool, output: Path | None, mlc: bool = False
) -> int:
    CACHE.mkdir(parents=True, exist_ok=True)
    mdvet = mdvet_tool()
    lc_version = install_linkchecker() if linkchecker else None
    server = subprocess.Popen(
        [sys.executable, __file__, "serve", str(FIRST_PORT), str(hosts)],
        stdout=subprocess.PIPE,
        text=True,
    )
    rows = []
    try:
        assert server.stdout is not None and server.stdout.readline().strip() == "ready"
        with tempfile.TemporaryDirectory(prefix="mdvet-online-") as tmp:
            os.chmod(tmp, 0o755)  # LinkChecker run as root reads as `nobody`
            site = Path(tmp) / "site"
            write_site(site, urls, hosts)
            files = sorted(p.name for p in site.glob("*.md"))

            def timed(label: str, argv: list[str]) -> None:
                control("/__reset")
                run, peak = run_once(argv, site, sample=True)
                counts = control("/__counts")
                rows.append((label, run, peak, counts))
                print(f"  {label}: {run.wall:.2f} s, {counts}", file=sys.stderr)

            command = [
                *mdvet.command(["."], True),
                "--online",
                "--select",
                "LK008,LK009,LK010,LK011",
                "-q",
                "-j",
                "1",
            ]
            timed("mdvet --online, empty store", command)
            timed("mdvet --online, re-run within online_ttl", command)
            shutil.rmtree(site / ".mdvet_cache", ignore_errors=True)
            if linkchecker:
                config = Path(tmp) / "linkcheckerrc"
                config.write_text(LINKCHECKER_RC)
                os.chmod(config, 0o644)
                timed(f"LinkChecker {lc_version}", linkchecker_command(files, config))
            if mlc:
                program = install_markdown_link_check()
                config = Path(tmp) / "mlc.json"
                config.write_text('{"timeout": "10s", "retryOn429": true}')
                label = f"markdown-link-check {MLC_VERSION}"
                timed(label, [str(program), "-q", "-c", str(config), *files])
    finally:
        server.terminate()
        server.wait()
    table = [
        f"### Online: {urls:,} distinct URLs over {hosts} local hosts (20-200 ms a request)",
        "",
        "| run | wall | requests sent | URLs a second | peak memory |",
        "| --- | ---: | --- | ---: | ---: |",
    ]
    for label, run, peak, counts in rows:
        sent = sum(counts.values())
        by_method = ", ".join(f"{n:,} {m}" for m, n in sorted(counts.items())) or "none"
        rate = f"{urls / run.wall:,.0f}" if sent else "—"
        table.append(
            f"| {label} | {run.wall:.2f} s | {sent:,} ({by_method}) | {rate} | "
            f"{peak / 2**20:.0f} MiB |"
        )
    text = "\n".join(table) + "\n"
    print(text)
    if output is not None:
        with output.open("a", encoding="utf-8") as handle:
            handle.write("\n" + text)
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["serve"]:
        asyncio.run(serve(int(sys.argv[2]), int(sys.argv[3])))
    else:
        sys.exit(main())
