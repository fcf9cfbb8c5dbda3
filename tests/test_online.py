"""Links to other sites, requested over the network (`--online`): LK008-LK011, the link store,
the limits. Every server here is one the test starts on 127.0.0.1; a name other than
127.0.0.1 or localhost is never looked up (see _loopback_only)."""

from __future__ import annotations

import io
import json
import socket
import sqlite3
import threading
import time

import pytest

pytest.importorskip("aiohttp")
pytest_httpserver = pytest.importorskip("pytest_httpserver")
from werkzeug import Response  # noqa: E402 - pytest-httpserver brings it

from lint.online import Result, checked_fragment  # noqa: E402
from lint.online.run import Progress  # noqa: E402
from lint.online.store import LinkStore  # noqa: E402
from tests.helpers import run_cli  # noqa: E402

LOOPBACK = ("127.0.0.1", "localhost")
CONFIG = """\
online = true
online_timeout = 1
online_total_timeout = 20
online_retries = 1
"""


@pytest.fixture(autouse=True)
def _loopback_only(monkeypatch):
    """Name look-ups of anything but the loopback fail as a missing name would."""
    real = socket.getaddrinfo

    def getaddrinfo(host, *args, **kwargs):
        if host not in LOOPBACK:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


@pytest.fixture(scope="session")
def httpserver_listen_address():
    return ("127.0.0.1", 0)


def site(tmp_path, monkeypatch, body: str, config: str = CONFIG):
    """A folder with mdvet.toml and post.md, made the current folder."""
    (tmp_path / "mdvet.toml").write_text(config)
    (tmp_path / "post.md").write_text(body)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def online(capsys, *args) -> tuple[int, list[tuple[str, int, int, str]]]:
    """`mdvet check --select LK --format json ARGS`: exit code, (code, line, column, message)."""
    code, out, _ = run_cli(capsys, "check", "--select", "LK", "--format", "json", "-j", "1", *args)
    rows = json.loads(out)["diagnostics"]
    return code, [(d["code"], d["line"], d["column"], d["message"]) for d in rows]


def requests_to(server) -> list[tuple[str, str]]:
    return [(request.method, request.path) for request, _ in server.log]


def redirect(status: int, to: str):
    return Response(status=status, headers={"Location": to})


# ---- each answer, one table --------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "answers", "expected"),
    [
        ("/ok", [Response("fine")], []),
        ("/gone404", [Response(status=404)], [("LK008", "answers 404 Not Found")]),
        ("/gone410", [Response(status=410)], [("LK008", "answers 410 Gone")]),
        ("/private", [Response(status=403), Response(status=403)], []),  # accepted
        (
            "/old",
            [redirect(301, "/mid"), redirect(308, "/new"), Response("here")],
            [("LK009", "has moved permanently to 'http://HOST/new'")],
        ),
        (
            "/temporary",
            [redirect(302, "/elsewhere"), Response("here")],
            [],
        ),
        (
            "/moved-away",
            [redirect(301, "/missing"), Response(status=404)],
            [
                ("LK008", "answers 404 Not Found (at 'http://HOST/missing', after redirects)"),
                (
                    "LK009",
                    "has moved permanently to 'http://HOST/missing'; it answers 404 Not Found",
                ),
            ],
        ),
    ],
)
def test_answers(tmp_path, monkeypatch, capsys, httpserver, path, answers, expected):
    replies = iter(answers)
    httpserver.expect_request(path).respond_with_handler(lambda request: next(replies))
    # the later answers of a chain are served at the paths the redirects name, in turn
    for hop in [answer.headers.get("Location") for answer in answers[:-1]]:
        httpserver.expect_request(hop).respond_with_handler(lambda request: next(replies))
    url = httpserver.url_for(path)
    site(tmp_path, monkeypatch, f"# Post\n\nSee [the page]({url}).\n")
    code, found = online(capsys)
    host = f"{httpserver.host}:{httpserver.port}"
    assert [(c, line, col, message.split("' ", 1)[1]) for c, line, col, message in found] == [
        (c, 3, 16, message.replace("HOST", host)) for c, message in expected
    ]
    assert code == (1 if expected else 0)
    assert len(httpserver.log) == len(answers)
    assert requests_to(httpserver)[0] == ("HEAD", path)


def test_a_redirect_loop_is_reported_once_each_hop_is_seen(
    tmp_path, monkeypatch, capsys, httpserver
):
    httpserver.expect_request("/a").respond_with_response(redirect(302, "/b"))
    httpserver.expect_request("/b").respond_with_response(redirect(302, "/a"))
    site(tmp_path, monkeypatch, f"[loop]({httpserver.url_for('/a')})\n")
    code, found = online(capsys)
    assert code == 1
    assert found == [
        (
            "LK008",
            1,
            8,
            f"'{httpserver.url_for('/a')}' cannot be reached: redirect loop at "
            f"'{httpserver.url_for('/a')}'",
        ),
    ]
    assert requests_to(httpserver) == [("HEAD", "/a"), ("HEAD", "/b")]


def test_head_refused_then_get_reads_nothing_of_a_large_body(
    tmp_path, monkeypatch, capsys, httpserver
):
    sent = []

    def body():
        for _ in range(800):  # 50 MiB in 64 KiB chunks
            sent.append(65536)
            yield b"\0" * 65536

    def handler(request):
        if request.method == "HEAD":
            return Response(status=405)
        return Response(body(), content_type="application/octet-stream")

    httpserver.expect_request("/big.bin").respond_with_handler(handler)
    site(tmp_path, monkeypatch, f"[data]({httpserver.url_for('/big.bin')})\n")
    assert online(capsys) == (0, [])
    assert requests_to(httpserver) == [("HEAD", "/big.bin"), ("GET", "/big.bin")]
    time.sleep(0.2)  # let the server's writer find the connection closed
    assert sum(sent) < 16 * 2**20  # what the socket buffers took, not 50 MiB


def test_429_waits_for_retry_after_and_500_is_tried_again(
    tmp_path, monkeypatch, capsys, httpserver
):
    limited = iter([Response(status=429, headers={"Retry-After": "1"}), Response("ok")])
    failing = iter([Response(status=500), Response("ok")])
    httpserver.expect_request("/limited").respond_with_handler(lambda r: next(limited))
    httpserver.expect_request("/failing").respond_with_handler(lambda r: next(failing))
    body = f"[a]({httpserver.url_for('/limited')}) [b]({httpserver.url_for('/failing')})\n"
    site(tmp_path, monkeypatch, body)
    assert online(capsys) == (0, [])
    assert sorted(requests_to(httpserver)) == [
        ("HEAD", "/failing"),
        ("HEAD", "/failing"),
        ("HEAD", "/limited"),
        ("HEAD", "/limited"),
    ]


def test_a_server_error_that_stays_is_reported_after_the_retries(
    tmp_path, monkeypatch, capsys, httpserver
):
    httpserver.expect_request("/down").respond_with_response(Response(status=503))
    site(tmp_path, monkeypatch, f"[down]({httpserver.url_for('/down')})\n")
    code, found = online(capsys)
    assert (code, [(c, m.split("' ", 1)[1]) for c, _, _, m in found]) == (
        1,
        [("LK008", "answers 503 Service Unavailable")],
    )
    assert requests_to(httpserver) == [("HEAD", "/down")] * 2  # online_retries = 1


@pytest.fixture
def silent_port():
    """A port that accepts connections and never answers."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    yield listener.getsockname()[1]
    listener.close()


@pytest.fixture
def closed_port():
    """A port nothing listens on: connections are refused."""
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return port


def test_no_answer_refused_and_unknown_host(
    tmp_path, monkeypatch, capsys, silent_port, closed_port
):
    body = (
        f"[silent](http://127.0.0.1:{silent_port}/page)\n"
        f"[closed](http://127.0.0.1:{closed_port}/page)\n"
        "[unknown](https://no-such-host.invalid/page)\n"
    )
    site(tmp_path, monkeypatch, body)
    code, found = online(capsys)
    assert code == 1
    assert [(c, line, m.split("cannot be reached: ")[1]) for c, line, _, m in found] == [
        ("LK008", 1, "timeout after 2 tries"),
        ("LK008", 2, "connection refused"),
        ("LK008", 3, "DNS failure: host 'no-such-host.invalid' not found"),
    ]


# ---- TLS ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def authority():
    trustme = pytest.importorskip("trustme")
    return trustme.CA()


@pytest.fixture
def tls_server(authority):
    import ssl

    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    authority.issue_cert("127.0.0.1", "secure.test").configure_cert(context)
    server = pytest_httpserver.HTTPServer(host="127.0.0.1", ssl_context=context)
    server.start()
    yield server
    server.clear()
    server.stop()


def test_a_certificate_from_an_unknown_authority_is_a_tls_failure(
    tmp_path, monkeypatch, capsys, tls_server
):
    tls_server.expect_request("/page").respond_with_data("ok")
    url = f"https://127.0.0.1:{tls_server.port}/page"
    site(tmp_path, monkeypatch, f"[secure]({url})\n")
    code, found = online(capsys)
    assert code == 1
    assert [(c, m) for c, _, _, m in found] == [
        (
            "LK008",
            f"'{url}' cannot be reached: TLS failure: unable to get local issuer certificate",
        ),
    ]


def test_insecure_link_and_its_fix(
    tmp_path, monkeypatch, capsys, httpserver, tls_server, authority
):
    """http://secure.test and https://secure.test are two local servers (online_resolve),
    the test authority trusted (SSL_CERT_FILE)."""
    pem = tmp_path / "ca.pem"
    authority.cert_pem.write_to_path(str(pem))
    monkeypatch.setenv("SSL_CERT_FILE", str(pem))
    httpserver.expect_request("/report").respond_with_data("the report")
    httpserver.expect_request("/plain-only").respond_with_data("only here")
    tls_server.expect_request("/report").respond_with_data("the report")
    tls_server.expect_request("/plain-only").respond_with_response(Response(status=404))
    config = CONFIG + (
        "[online_resolve]\n"
        f'"secure.test:80" = "127.0.0.1:{httpserver.port}"\n'
        f'"secure.test:443" = "127.0.0.1:{tls_server.port}"\n'
    )
    body = "[r](http://secure.test/report#intro) and [p](http://secure.test/plain-only)\n"
    folder = site(tmp_path, monkeypatch, body, config)
    code, found = online(capsys)
    assert (code, found) == (
        1,
        [
            (
                "LK011",
                1,
                5,
                "'http://secure.test/report#intro' is served over https too; "
                "use 'https://secure.test/report#intro'",
            ),
        ],
    )
    assert run_cli(capsys, "check", "--select", "LK", "--fix", "-q", "-j", "1")[0] == 0
    assert (folder / "post.md").read_text() == (
        "[r](https://secure.test/report#intro) and [p](http://secure.test/plain-only)\n"
    )


# ---- anchors -----------------------------------------------------------------------------

PAGE = '<html><body><h2 id="rates">Rates</h2><a name="old-rates"></a><p>...</p></body></html>'


def test_anchors_on_another_site(tmp_path, monkeypatch, capsys, httpserver):
    httpserver.expect_request("/data").respond_with_data(PAGE, content_type="text/html")
    httpserver.expect_request("/file.pdf").respond_with_data(
        b"%PDF", content_type="application/pdf"
    )
    url = httpserver.url_for("/data")
    body = (
        f"[a]({url}#rates)\n"
        f"[b]({url}#old-rates)\n"
        f"[c]({url}#yields)\n"
        f"[d]({url}#:~:text=Rates)\n"
        f"[e]({url})\n"
        f"[f]({httpserver.url_for('/file.pdf')}#page=2)\n"
    )
    site(tmp_path, monkeypatch, body)
    code, found = online(capsys)
    assert (code, found) == (
        1,
        [("LK010", 3, 5, f"'{url}#yields': the page has no element with id or name 'yields'")],
    )
    # one request for the page, whatever the fragments: GET, for its HTML
    assert requests_to(httpserver) == [("GET", "/data"), ("HEAD", "/file.pdf")]


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        ("rates", "rates"),
        ("caf%C3%A9", "café"),
        ("", None),
        (":~:text=Rates", None),
        ("!/route", None),
        ("/route", None),
        ("page=3", None),
    ],
)
def test_checked_fragment(fragment, expected):
    assert checked_fragment(fragment) == expected


# ---- one request per URL, the store and its time to live --------------------------------


def test_one_request_per_url_and_none_within_the_ttl(tmp_path, monkeypatch, capsys, httpserver):
    httpserver.expect_request("/a").respond_with_data("a")
    httpserver.expect_request("/b").respond_with_response(Response(status=404))
    a, b = httpserver.url_for("/a"), httpserver.url_for("/b")
    folder = site(tmp_path, monkeypatch, f"[a]({a}) [b]({b}) [a again]({a}#x)\n")
    for name in ("two.md", "three.md"):
        (folder / name).write_text(f"[b]({b})\n\n[a][ref]\n\n[ref]: {a}\n")
    first = online(capsys)
    # GET for /a: a link to it has a fragment, its anchors are wanted
    assert sorted(requests_to(httpserver)) == [("GET", "/a"), ("HEAD", "/b")]
    assert [(c, line) for c, line, _, _ in first[1]] == [("LK008", 1), ("LK008", 1), ("LK008", 1)]
    assert online(capsys) == first  # from the store: nothing sent
    assert len(httpserver.log) == 2
    assert (folder / ".mdvet_cache" / "links.sqlite").is_file()


def test_an_expired_result_is_requested_again(tmp_path, monkeypatch, capsys, httpserver):
    httpserver.expect_request("/a").respond_with_data("a")
    site(tmp_path, monkeypatch, f"[a]({httpserver.url_for('/a')})\n", CONFIG + "online_ttl = 0\n")
    online(capsys)
    online(capsys)
    assert requests_to(httpserver) == [("HEAD", "/a"), ("HEAD", "/a")]


def test_no_cache_neither_reads_nor_writes_the_store(tmp_path, monkeypatch, capsys, httpserver):
    httpserver.expect_request("/a").respond_with_data("a")
    folder = site(tmp_path, monkeypatch, f"[a]({httpserver.url_for('/a')})\n")
    online(capsys, "--no-cache")
    online(capsys, "--no-cache")
    assert len(httpserver.log) == 2
    assert not (folder / ".mdvet_cache" / "links.sqlite").exists()


@pytest.mark.parametrize(
    "damage",
    [
        b"this is not a database",
        b"SQLite format 3\x00" + b"\xff" * 4000,
    ],
)
def test_a_damaged_store_is_made_anew(tmp_path, damage):
    folder = tmp_path / ".mdvet_cache"
    folder.mkdir()
    (folder / "links.sqlite").write_bytes(damage)
    store = LinkStore(folder, 3600)
    result = Result("http://127.0.0.1:1/a", 200, None, ((301, "http://127.0.0.1:1/b"),))
    store.put([result])
    assert store.fresh(["http://127.0.0.1:1/a", "http://127.0.0.1:1/c"]) == {result.url: result}
    store.close()


def test_a_row_that_does_not_decode_is_checked_again(tmp_path):
    store = LinkStore(tmp_path, 3600)
    store.put([Result("http://127.0.0.1:1/a", 200)])
    store.db.execute("UPDATE links SET redirects = 'not json'")
    store.db.commit()
    assert store.fresh(["http://127.0.0.1:1/a"]) == {}
    store.close()
    with sqlite3.connect(tmp_path / "links.sqlite") as db:
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)


# ---- limits, headers, exclusions ----------------------------------------------------------


def test_at_most_two_connections_to_a_host(tmp_path, monkeypatch, capsys):
    server = pytest_httpserver.HTTPServer(host="127.0.0.1", threaded=True)
    server.start()
    lock = threading.Lock()
    state = {"now": 0, "most": 0}

    def slow(request):
        with lock:
            state["now"] += 1
            state["most"] = max(state["most"], state["now"])
        time.sleep(0.2)  # long enough for the second request to overlap
        with lock:
            state["now"] -= 1
        return Response("ok")

    try:
        for i in range(8):
            server.expect_request(f"/p{i}").respond_with_handler(slow)
        body = "".join(f"[p{i}]({server.url_for(f'/p{i}')})\n" for i in range(8))
        site(tmp_path, monkeypatch, body)
        assert online(capsys) == (0, [])
        assert len(server.log) == 8
        assert state["most"] == 2
    finally:
        server.clear()
        server.stop()


def test_headers_from_the_environment_exclusions_and_the_user_agent(
    tmp_path, monkeypatch, capsys, httpserver
):
    seen = []

    def handler(request):
        seen.append((request.headers.get("Authorization"), request.headers.get("User-Agent")))
        return Response("ok")

    httpserver.expect_request("/private").respond_with_handler(handler)
    monkeypatch.setenv("PRIVATE_TOKEN", "s3cret")
    config = CONFIG + (
        'online_exclude = ["/skipped"]\n'
        'online_user_agent = "Mozilla/5.0 mdvet-test"\n'
        "[online_headers.'127.0.0.1']\n"
        'Authorization = "Bearer ${PRIVATE_TOKEN}"\n'
    )
    body = f"[p]({httpserver.url_for('/private')}) [s]({httpserver.url_for('/skipped')})\n"
    site(tmp_path, monkeypatch, body, config)
    assert online(capsys) == (0, [])
    assert seen == [("Bearer s3cret", "Mozilla/5.0 mdvet-test")]
    assert requests_to(httpserver) == [("HEAD", "/private")]


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        (
            "[online_headers.'example.com']\nAuthorization = \"Bearer ${NOT_SET_ANYWHERE}\"\n",
            "online_headers: environment variable 'NOT_SET_ANYWHERE' is not set",
        ),
        ('online_exclude = ["("]\n', "online_exclude: '(' is not a regular expression"),
    ],
)
def test_setting_mistakes_exit_2(tmp_path, monkeypatch, capsys, config, expected):
    monkeypatch.delenv("NOT_SET_ANYWHERE", raising=False)
    site(tmp_path, monkeypatch, "[a](https://example.com/)\n", CONFIG + config)
    code, _, err = run_cli(capsys, "check", "-q")
    assert code == 2
    assert expected in err


def test_accept_option_and_offline_runs_send_nothing(tmp_path, monkeypatch, capsys, httpserver):
    httpserver.expect_request("/gone").respond_with_response(Response(status=404))
    url = httpserver.url_for("/gone")
    site(tmp_path, monkeypatch, f"[g]({url})\n", CONFIG.replace("online = true\n", ""))
    assert online(capsys) == (0, [])  # online is off by default
    assert online(capsys, "--online", "--no-cache")[0] == 1
    (tmp_path / "mdvet.toml").write_text(CONFIG + "[rules.dead-external-link]\naccept = [404]\n")
    assert online(capsys, "--no-cache") == (0, [])
    assert online(capsys, "--no-online", "--no-cache") == (0, [])
    assert len(httpserver.log) == 2


def test_suppression_comments_apply(tmp_path, monkeypatch, capsys, httpserver):
    httpserver.expect_request("/gone").respond_with_response(Response(status=404))
    url = httpserver.url_for("/gone")
    body = f"<!-- mdvet-disable-next-line dead-external-link -->\n[g]({url})\n[h]({url})\n"
    site(tmp_path, monkeypatch, body)
    assert online(capsys)[1] == [
        ("LK008", 3, 5, f"'{url}' answers 404 Not Found"),
    ]


def test_moved_link_fix_keeps_the_fragment_and_is_safe_only_when_settled(
    tmp_path, monkeypatch, capsys, httpserver
):
    page = '<p id="intro"></p>'
    httpserver.expect_request("/old").respond_with_response(redirect(301, "/new"))
    httpserver.expect_request("/new").respond_with_data(page, content_type="text/html")
    httpserver.expect_request("/old2").respond_with_response(redirect(308, "/tmp"))
    httpserver.expect_request("/tmp").respond_with_response(redirect(302, "/final"))
    httpserver.expect_request("/final").respond_with_data("x")
    old, old2 = httpserver.url_for("/old"), httpserver.url_for("/old2")
    folder = site(tmp_path, monkeypatch, f"[a]({old}#intro)\n\n[b]: <{old2}>\n\n[b]\n")
    code, out, _ = run_cli(capsys, "check", "--select", "LK", "--fix", "-q", "-j", "1")
    assert code == 1  # the unsafe fix is left
    assert (folder / "post.md").read_text() == (
        f"[a]({httpserver.url_for('/new')}#intro)\n\n[b]: <{old2}>\n\n[b]\n"
    )
    assert f"has moved permanently to '{httpserver.url_for('/tmp')}'; it then redirects to" in out
    run_cli(capsys, "check", "--select", "LK", "--fix", "--unsafe-fixes", "-q", "-j", "1")
    assert (folder / "post.md").read_text() == (
        f"[a]({httpserver.url_for('/new')}#intro)\n\n[b]: <{httpserver.url_for('/tmp')}>\n\n[b]\n"
    )


# ---- the progress bar --------------------------------------------------------------------


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("stream", "shown"), [(Terminal(), True), (io.StringIO(), False)])
def test_progress_on_a_terminal_only(stream, shown):
    progress = Progress(2, stream)
    progress.step()
    progress.step()
    progress.close()
    expected = "\rchecking links [" + "#" * 15 + "-" * 15 + "] 1/2\rchecking links [" + "#" * 30
    expected += "] 2/2\r\x1b[K"
    assert stream.getvalue() == (expected if shown else "")


def test_an_offline_run_loads_no_network_code(tmp_path):
    import subprocess
    import sys

    (tmp_path / "post.md").write_text("[a](https://example.com/)\n")
    script = (
        "import sys; from lint.cli import main; main(['check', 'post.md', '-q', '--no-cache']); "
        "print(sorted({m.split('.')[0] for m in sys.modules if m.startswith(('aiohttp', "
        "'lint.online'))}))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert done.stdout.splitlines()[-1] == "[]"


def test_the_total_time_limit_of_a_page(tmp_path, monkeypatch, capsys, silent_port):
    config = CONFIG.replace("online_timeout = 1", "online_timeout = 30").replace(
        "online_total_timeout = 20", "online_total_timeout = 0.5"
    )
    site(tmp_path, monkeypatch, f"[silent](http://127.0.0.1:{silent_port}/page)\n", config)
    assert online(capsys)[1] == [
        (
            "LK008",
            1,
            10,
            f"'http://127.0.0.1:{silent_port}/page' cannot be reached: no answer within 0.5 s",
        )
    ]


@pytest.mark.parametrize(
    ("rate", "pause", "expected"),
    [
        (4, 0, [0.25, 0.25]),  # 4 a second: a request every 0.25 s
        (None, 0, []),  # no rate: no waiting
        (None, 2, [2.0]),  # a Retry-After of 2 s holds the whole host
        (4, 2, [2.0, 0.25, 0.25]),
    ],
)
def test_the_rate_per_host_and_a_pause(monkeypatch, rate, pause, expected):
    """_Host.turn on a clock that only the waits move: what it waits, in order."""
    import asyncio

    from lint.online.client import _Host

    clock = [100.0]
    slept = []

    async def sleep(seconds):
        slept.append(round(seconds, 3))
        clock[0] += seconds

    async def three_turns():
        asyncio.get_running_loop().time = lambda: clock[0]
        host = _Host(2, rate)
        host.paused_until = clock[0] + pause
        for _ in range(3):
            await host.turn()

    monkeypatch.setattr(asyncio, "sleep", sleep)
    asyncio.run(three_turns())
    assert slept == expected


def test_standard_input_is_checked_online(tmp_path, monkeypatch, capsys, httpserver):
    httpserver.expect_request("/gone").respond_with_response(Response(status=410))
    url = httpserver.url_for("/gone")
    site(tmp_path, monkeypatch, "")
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(f"\n[g]({url})\n".encode())))
    code, found = online(capsys, "-", "--stdin-filename", "draft.md")
    assert (code, found) == (1, [("LK008", 2, 5, f"'{url}' answers 410 Gone")])


@pytest.mark.parametrize(
    ("pages", "expected"),
    [
        (
            ["http://a/1", "http://a/2", "http://a/3", "http://b/1", "http://B/2", "http://c/1"],
            ["http://a/1", "http://b/1", "http://c/1", "http://a/2", "http://B/2", "http://a/3"],
        ),
        ([], []),
    ],
)
def test_pages_are_started_one_host_after_another(pages, expected):
    from lint.online.client import interleaved

    assert [url for url, _ in interleaved(dict.fromkeys(pages, False))] == expected


def test_the_language_server_stays_offline(tmp_path):
    from lint.lsp import server

    (tmp_path / "mdvet.toml").write_text("online = true\n")
    settings, _ = server.settings_for(tmp_path / "post.md")
    assert (settings.online, [a.rule.code for a in settings.active if a.rule.online]) == (False, [])


def test_an_address_that_cannot_be_requested(tmp_path, monkeypatch, capsys):
    site(tmp_path, monkeypatch, "[a](http://127.0.0.1:99999/)\n")
    assert online(capsys, "--ignore", "LK007") == (
        1,
        [
            (
                "LK008",
                1,
                5,
                "'http://127.0.0.1:99999/' cannot be reached: not a URL that can be requested",
            )
        ],
    )
