"""`mdvet lsp` spoken to over real JSON-RPC on a subprocess's pipes."""

import json
import queue
import subprocess
import sys
import threading

import pytest

from lint.lsp import utf16_column
from lint.rules import rule_url

DUPLICATE = "---\ntitle: Hello\nmeta: {😀東京: 1, a: 2, a: 3}\n---\n\nText.\n"
FIXED = "---\ntitle: Hello\nmeta: {😀東京: 1, a: 2}\n---\n\nText.\n"
URI_NAME = "post.md"


class Client:
    def __init__(self, cwd):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "lint", "lsp"],
            cwd=cwd,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        self.messages: queue.Queue = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        stream = self.process.stdout
        while True:
            headers = {}
            while True:
                line = stream.readline()
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                key, _, value = line.decode().partition(":")
                headers[key.strip().lower()] = value.strip()
            body = stream.read(int(headers["content-length"]))
            self.messages.put(json.loads(body))

    def send(self, message):
        body = json.dumps(message).encode()
        self.process.stdin.write(f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
        self.process.stdin.flush()

    def request(self, method, params):
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        return self.wait(lambda m: m.get("id") == self.next_id and "method" not in m)

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def wait(self, matches, timeout=20):
        while True:
            message = self.messages.get(timeout=timeout)
            if matches(message):
                return message

    def open(self, uri, text):
        self.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}},
        )

    def change(self, uri, version, text):
        self.notify(
            "textDocument/didChange",
            {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]},
        )

    def code_actions(self, uri, diagnostic):
        return self.request(
            "textDocument/codeAction",
            {
                "textDocument": {"uri": uri},
                "range": diagnostic["range"],
                "context": {"diagnostics": [diagnostic]},
            },
        )["result"]

    def diagnostics(self):
        return self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics")["params"]


@pytest.fixture
def client(tmp_path):
    client = Client(tmp_path)
    yield client
    if client.process.poll() is None:
        client.process.kill()
    client.process.wait(timeout=10)


def test_utf16_columns():
    assert utf16_column("😀東京 x", 5) == 5  # 😀 is two code units, 東 and 京 one each
    assert utf16_column("abc", 2) == 1


def test_language_server_session(client, tmp_path):
    uri = (tmp_path / URI_NAME).as_uri()
    reply = client.request(
        "initialize", {"processId": None, "rootUri": tmp_path.as_uri(), "capabilities": {}}
    )
    assert reply["result"]["serverInfo"]["name"] == "mdvet"
    assert reply["result"]["capabilities"]["codeActionProvider"]
    client.notify("initialized", {})

    client.open(uri, DUPLICATE)
    published = client.diagnostics()
    assert published["uri"] == uri
    [diagnostic] = published["diagnostics"]
    assert diagnostic["code"] == "FM004"
    assert diagnostic["source"] == "mdvet"
    # line 3 `meta: {😀東京: 1, a: 2, a: 3}`: the second `a` is character 21, code unit 22
    # (😀 takes two UTF-16 code units); the line is 26 characters, 27 code units long
    assert diagnostic["range"] == {
        "start": {"line": 2, "character": 22},
        "end": {"line": 2, "character": 23},
    }

    actions = client.code_actions(uri, diagnostic)
    titles = [action["title"] for action in actions]
    assert titles == ["mdvet: disable FM004 (duplicate-key) for this line"]
    [edit] = actions[0]["edit"]["changes"][uri]
    assert edit == {
        "range": {"start": {"line": 2, "character": 27}, "end": {"line": 2, "character": 27}},
        "newText": "  # mdvet-disable-line FM004",
    }

    client.change(uri, 2, FIXED)
    assert client.diagnostics() == {"uri": uri, "diagnostics": []}

    assert client.request("shutdown", None)["result"] is None
    client.notify("exit", None)
    assert client.process.wait(timeout=10) == 0


def test_unsaved_buffer_without_a_file(client, tmp_path):
    client.request("initialize", {"processId": None, "rootUri": None, "capabilities": {}})
    client.notify("initialized", {})
    client.open("untitled:Untitled-1", "---\n- a\n---\n")
    [diagnostic] = client.diagnostics()["diagnostics"]
    assert diagnostic["code"] == "FM005"
    assert diagnostic["range"]["start"] == {"line": 1, "character": 0}


BAD_DATE = "---\ntitle: 東京 😀\ndate: 2025-05-02 3:58 PM\n---\n\nText.\n"
GOOD_DATE = "---\ntitle: 東京 😀\ndate: 2025-05-02 15:58\n---\n\nText.\n"


def test_bad_date_fix_through_a_code_action(client, tmp_path):
    uri = (tmp_path / "2025-05-02-post.md").as_uri()
    client.request(
        "initialize", {"processId": None, "rootUri": tmp_path.as_uri(), "capabilities": {}}
    )
    client.notify("initialized", {})
    client.open(uri, BAD_DATE)
    [diagnostic] = client.diagnostics()["diagnostics"]
    assert diagnostic["code"] == "FM103"
    assert diagnostic["range"] == {
        "start": {"line": 2, "character": 6},
        "end": {"line": 2, "character": 24},
    }
    actions = client.code_actions(uri, diagnostic)
    fix = actions[0]
    assert fix["isPreferred"] is True
    assert fix["edit"]["changes"][uri] == [
        {"range": diagnostic["range"], "newText": "2025-05-02 15:58"}
    ]
    assert actions[1]["edit"]["changes"][uri][0]["newText"] == "  # mdvet-disable-line FM103"
    client.change(uri, 2, GOOD_DATE)
    assert client.diagnostics() == {"uri": uri, "diagnostics": []}


def start(client, root):
    client.request("initialize", {"processId": None, "rootUri": root.as_uri(), "capabilities": {}})
    client.notify("initialized", {})


def published(client, uri):
    """(code, first line, first character) of each diagnostic published next for `uri`."""
    params = client.wait(
        lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri
    )["params"]
    return [
        (d["code"], d["range"]["start"]["line"], d["range"]["start"]["character"])
        for d in params["diagnostics"]
    ]


def test_site_rules_run_for_the_open_buffer(client, tmp_path):
    """b.md's title on disk repeats a.md's; the buffer is what counts."""
    site = tmp_path / "site"
    (site / "_posts").mkdir(parents=True)
    (site / "_config.yml").write_text("title: Site\n")
    (site / "_posts" / "2025-01-01-a.md").write_text("---\ntitle: Same\n---\n\nText.\n")
    b = site / "_posts" / "2025-01-02-b.md"
    b.write_text("---\ntitle: Same\n---\n\nText.\n")
    uri = b.as_uri()
    start(client, tmp_path)
    client.open(uri, "---\ntitle: Changed\n---\n\nText.\n")
    assert published(client, uri) == []
    client.change(uri, 2, "---\ntitle: Same\n---\n\n[a](/2025/01/01/a.html) [x](/nope/)\n")
    assert published(client, uri) == [("ST001", 1, 7), ("ST005", 4, 24)]
    client.change(uri, 3, "---\ntitle: Changed\n---\n\n[a](/2025/01/01/a.html)\n")
    assert published(client, uri) == []
    # a new page, not on disk: a.md's title is a duplicate of it, but only it is reported
    new = site / "_posts" / "2025-01-03-new.md"
    client.open(new.as_uri(), "---\ntitle: Same\n---\n")
    assert published(client, new.as_uri()) == [("ST001", 1, 7)]
    # the cache is the site's, as `mdvet check` run there keeps it
    assert sorted(p.name for p in tmp_path.rglob(".mdvet_cache")) == [".mdvet_cache"]
    assert (site / ".mdvet_cache").is_dir()
    assert not new.exists()


TRACKING = "# T\n\nOne\ntwo [a](https://example.com/?utm_source=x)\nthree.\n\n### Deep\n"


def test_code_actions_answer_the_requested_diagnostics_once(client, tmp_path):
    uri = (tmp_path / URI_NAME).as_uri()
    start(client, tmp_path)
    client.open(uri, TRACKING)
    diagnostics = client.diagnostics()["diagnostics"]
    assert [(d["code"], d["range"]["start"]["line"]) for d in diagnostics] == [
        ("LK004", 3),
        ("HD001", 6),
    ]
    assert [d["codeDescription"]["href"] for d in diagnostics] == [
        rule_url("LK004"),
        rule_url("HD001"),
    ]
    tracking, _ = diagnostics
    other = {**tracking, "source": "markdownlint", "code": "MD034", "message": "bare URL"}
    actions = client.request(
        "textDocument/codeAction",
        {
            "textDocument": {"uri": uri},
            "range": {"start": {"line": 0, "character": 0}, "end": {"line": 7, "character": 0}},
            "context": {"diagnostics": [tracking, tracking, other]},
        },
    )["result"]
    assert [(a["title"], a["diagnostics"]) for a in actions] == [
        ("mdvet: remove tracking parameter 'utm_source'", [tracking]),
        ("mdvet: disable LK004 (tracking-parameter) for this block", [tracking]),
    ]
    assert actions[1]["edit"]["changes"][uri] == [
        {
            "range": {"start": {"line": 2, "character": 0}, "end": {"line": 2, "character": 0}},
            "newText": "<!-- mdvet-disable LK004 -->\n",
        },
        {
            "range": {"start": {"line": 5, "character": 0}, "end": {"line": 5, "character": 0}},
            "newText": "<!-- mdvet-enable LK004 -->\n",
        },
    ]
    # a request whose context holds no diagnostic gets no action, whatever its range
    assert (
        client.request(
            "textDocument/codeAction",
            {
                "textDocument": {"uri": uri},
                "range": {"start": {"line": 0, "character": 0}, "end": {"line": 7, "character": 0}},
                "context": {"diagnostics": []},
            },
        )["result"]
        == []
    )
