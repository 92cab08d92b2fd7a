"""The site as hosted: the shipped server rules run in real nginx and Apache, the w3id.org redirect
file in Apache, and the pages checked in Chromium with axe-core (contrast, names, landmarks) at a
phone's width and a desktop's.

nginx, Apache and axe-core are installed by ``scripts/setup.sh test`` (Debian packages, npm); each
test is skipped, saying why, where its tool is missing.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from urllib.error import HTTPError
from urllib.request import HTTPRedirectHandler, Request, build_opener

import pytest
from conftest import ROOT
from rdflib import Graph, URIRef

from cthbgraph.lod.serverrules import negotiated_file
from cthbgraph.lod.site import KINDS
from cthbgraph.lod.sitewrite import write_site

BASE = "https://example.org/cthb/id/"
PATH = "/cthb/id/"
ACCEPTS = {
    "text/turtle": ("text/turtle", ".ttl"),
    "application/ld+json": ("application/ld+json", ".jsonld"),
    "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8": ("text/html", ".html"),
}
NGINX, APACHE = Path("/usr/sbin/nginx"), Path("/usr/sbin/apache2")
AXE = ROOT / "tools" / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="module")
def www(built):
    """A document root holding the site at /cthb/id/, readable by the servers' unprivileged users."""
    root = Path(tempfile.mkdtemp(prefix="cthb-www-"))
    root.chmod(0o755)
    write_site(built.out, root / "cthb" / "id", BASE, issued="2026-01-01")
    (root / "cthb").chmod(0o755)
    yield root
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="module")
def samples(www) -> dict[str, str]:
    """One resource path of every kind in the site (``body/odihr`` ...)."""
    found = {}
    for kind in KINDS:
        pages = sorted((www / "cthb" / "id" / kind).glob("**/*.ttl"))
        if pages:
            found[kind] = pages[0].relative_to(www / "cthb" / "id").with_suffix("").as_posix()
    return found


def test_site_hosting_rules_map_every_kind_to_a_file_of_the_site(www, samples):
    assert set(samples) == {
        "document",
        "decision",
        "declaration",
        "section",
        "provision",
        "body",
        "activity",
        "report",
        "excerpt",
    }
    for path in samples.values():
        for accept, (_, ext) in ACCEPTS.items():
            target = negotiated_file(path, accept)
            assert target.endswith(ext) and (www / "cthb" / "id" / target).is_file(), (path, accept)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _NoRedirect(HTTPRedirectHandler):
    def redirect_request(self, *args):
        return None


def fetch(url: str, accept: str = "*/*"):
    """(status, headers, body) without following redirects."""
    try:
        with build_opener(_NoRedirect).open(Request(url, headers={"Accept": accept}), timeout=10) as response:
            return response.status, response.headers, response.read()
    except HTTPError as exc:
        return exc.code, exc.headers, exc.read()


def wait_for(port: int, process: subprocess.Popen, log: Path) -> None:
    for _ in range(100):
        if process.poll() is not None:
            pytest.fail(f"server exited: {log.read_text() if log.exists() else ''}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    pytest.fail("server did not start")


def check_negotiation(url_base: str, www: Path, samples: dict[str, str]) -> None:
    for path in samples.values():
        for accept, (media, ext) in ACCEPTS.items():
            status, headers, body = fetch(url_base + path, accept)
            assert status == 200, (path, accept, status)
            assert headers["Content-Type"].startswith(media), (path, accept, headers["Content-Type"])
            assert "Accept" in (headers.get("Vary") or "")
            assert body == (www / "cthb" / "id" / (path + ext)).read_bytes()
        status, _, body = fetch(url_base + samples["body"] + ".ttl", "text/html")  # an extension wins
        assert status == 200 and (URIRef(BASE + samples["body"]), None, None) in Graph().parse(
            data=body, format="turtle"
        )
    status, headers, _ = fetch(url_base, "text/html")
    assert status == 200 and headers["Content-Type"].startswith("text/html")


@pytest.mark.skipif(not NGINX.exists(), reason="needs Debian's nginx (scripts/setup.sh test installs nginx-light)")
def test_site_hosting_nginx_rules_negotiate_every_kind(www, samples, tmp_path):
    port = free_port()
    conf = tmp_path / "nginx.conf"
    temps = " ".join(
        f"{name}_temp_path {tmp_path / name};" for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    conf.write_text(
        f"daemon off; master_process off; pid {tmp_path / 'nginx.pid'}; error_log {tmp_path / 'error.log'};\n"
        "events { worker_connections 64; }\n"
        f"http {{ access_log off; {temps}\n  include {www / 'cthb' / 'id' / 'server' / 'nginx-map.conf'};\n"
        f"  server {{ listen 127.0.0.1:{port}; root {www};\n"
        f"    include {www / 'cthb' / 'id' / 'server' / 'nginx.conf'}; }}\n}}\n"
    )
    checked = subprocess.run([str(NGINX), "-t", "-p", str(tmp_path), "-c", str(conf)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    server = subprocess.Popen([str(NGINX), "-p", str(tmp_path), "-c", str(conf)], stderr=subprocess.DEVNULL)
    try:
        wait_for(port, server, tmp_path / "error.log")
        check_negotiation(f"http://127.0.0.1:{port}{PATH}", www, samples)
    finally:
        server.terminate()
        server.wait(timeout=10)


def apache_conf(tmp_path: Path, site_port: int, site_root: Path, w3id_port: int, w3id_root: Path) -> Path:
    modules = "".join(
        f"LoadModule {name}_module /usr/lib/apache2/modules/mod_{name}.so\n"
        for name in ("mpm_event", "authz_core", "dir", "mime", "rewrite", "headers")
    )
    conf = tmp_path / "httpd.conf"
    conf.write_text(
        f"{modules}ServerName localhost\nListen 127.0.0.1:{site_port}\nListen 127.0.0.1:{w3id_port}\n"
        f"PidFile {tmp_path / 'httpd.pid'}\nDefaultRuntimeDir {tmp_path}\nErrorLog {tmp_path / 'error.log'}\n"
        "User www-data\nGroup www-data\nTypesConfig /etc/mime.types\n"
        "<Directory />\n  AllowOverride None\n  Require all denied\n</Directory>\n"
        f"<VirtualHost 127.0.0.1:{site_port}>\n  DocumentRoot {site_root}\n</VirtualHost>\n"
        f"<VirtualHost 127.0.0.1:{w3id_port}>\n  DocumentRoot {w3id_root}\n</VirtualHost>\n"
        f"<Directory {site_root}>\n  AllowOverride All\n  Options FollowSymLinks\n  Require all granted\n</Directory>\n"
        f"<Directory {w3id_root}>\n  AllowOverride All\n  Options FollowSymLinks\n  Require all granted\n</Directory>\n"
    )
    return conf


@pytest.mark.skipif(not APACHE.exists(), reason="needs Debian's apache2 (scripts/setup.sh test installs it)")
def test_site_hosting_apache_htaccess_and_w3id_redirects(www, samples, tmp_path):
    # The w3id.org repository: its folder "cthb" holds the redirect file shipped with the site.
    w3id = Path(tempfile.mkdtemp(prefix="cthb-w3id-"))
    w3id.chmod(0o755)
    (w3id / "cthb").mkdir(mode=0o755)
    shutil.copy(www / "cthb" / "id" / "server" / "w3id.htaccess", w3id / "cthb" / ".htaccess")
    site_port, w3id_port = free_port(), free_port()
    conf = apache_conf(tmp_path, site_port, www, w3id_port, w3id)
    checked = subprocess.run([str(APACHE), "-t", "-f", str(conf)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    server = subprocess.Popen([str(APACHE), "-X", "-f", str(conf)], stderr=subprocess.DEVNULL)
    try:
        wait_for(site_port, server, tmp_path / "error.log")
        check_negotiation(f"http://127.0.0.1:{site_port}{PATH}", www, samples)
        for path in samples.values():  # a permanent IRI is sent, path kept, to the hosted site
            status, headers, _ = fetch(f"http://127.0.0.1:{w3id_port}/cthb/id/{path}", "text/turtle")
            assert status == 302 and headers["Location"] == BASE + path
            assert (www / "cthb" / "id" / negotiated_file(path, "text/turtle")).is_file()
        status, headers, _ = fetch(f"http://127.0.0.1:{w3id_port}/cthb/ontology", "text/turtle")
        assert status == 303 and headers["Location"] == BASE + "ontology.ttl"
        assert (
            fetch(f"http://127.0.0.1:{w3id_port}/cthb/ontology", "text/html")[1]["Location"] == BASE + "ontology.html"
        )
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(w3id, ignore_errors=True)


@pytest.mark.skipif(not AXE.exists(), reason="needs axe-core in tools/ (scripts/setup.sh test runs npm ci there)")
@pytest.mark.parametrize("width", [412, 1280])
def test_site_hosting_pages_pass_axe_at_phone_and_desktop_width(chromium, www, samples, width):
    context = chromium.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        for path in (
            "index.html",
            "body/index.html",
            samples["body"] + ".html",
            "body/spmu.html",
            "provision/III.10.2.html",
            "activity/index.html",
            "ontology.html",
        ):
            page.goto((www / "cthb" / "id" / path).as_uri())
            page.add_script_tag(path=str(AXE))
            result = page.evaluate("axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa']}})")
            problems = [(v["id"], len(v["nodes"]), v["nodes"][0]["target"]) for v in result["violations"]]
            assert problems == [], path
            # the navigation wraps: nothing runs off the side of the screen
            assert page.evaluate("document.documentElement.scrollWidth") <= width, path
            nav = page.locator("header nav").bounding_box()
            assert nav["x"] + nav["width"] <= width
    finally:
        context.close()
