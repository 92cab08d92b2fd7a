"""Ready server rules shipped with the site: content negotiation for nginx and Apache, and the
redirect file for the w3id.org repository.

Static hosting resolves every IRI without rules (``{path}/index.html`` sends a browser on); the
rules add what only a server can do: answer the bare IRI with Turtle or JSON-LD when the client
asks for them. :func:`negotiated_file` states the mapping the rules implement, so that it can be
checked against the files of a site.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

from jinja2 import Environment

from ..vocab import CTHB

#: Accept header pattern -> extension, in the order the rules test them (Turtle first).
NEGOTIATION = (("text/turtle", ".ttl"), (r"application/(ld\+)?json", ".jsonld"))


def negotiated_file(path: str, accept: str) -> str:
    """The file that the rules serve for the bare resource path ``path`` (``body/odihr``) and ``accept``."""
    for pattern, ext in NEGOTIATION:
        if re.search(pattern, accept, re.I):
            return path + ext
    return path + ".html"


def server_rule_files(env: Environment, base: str, kinds, permanent_base: str | None) -> Iterator[tuple[str, bytes]]:
    """``.htaccess`` (Apache, in the site's top folder), ``server/nginx-map.conf`` (http block) and
    ``server/nginx.conf`` (server block) and, when the graph's
    IRIs are w3id.org addresses hosted elsewhere, ``server/w3id.htaccess``."""
    context = {"base": base, "base_path": urlsplit(base).path or "/", "kinds": "|".join(kinds)}
    yield ".htaccess", env.get_template("server/apache.htaccess").render(**context).encode()
    for name in ("nginx-map.conf", "nginx.conf"):
        yield f"server/{name}", env.get_template(f"server/{name}").render(**context).encode()
    if permanent_base:
        yield "server/w3id.htaccess", w3id_rules(env, base, permanent_base).encode()


def w3id_rules(env: Environment, base: str, permanent_base: str) -> str:
    """Redirects from ``permanent_base`` (``https://w3id.org/cthb/id/``) and the ontology's
    namespace, when it lies in the same w3id.org folder, to the site at ``base``."""
    folder, _, rest = urlsplit(permanent_base).path.strip("/").partition("/")
    ontology = urlsplit(str(CTHB)).path.strip("/")
    ontology = ontology.partition("/")[2] if ontology.startswith(folder + "/") else ""
    return env.get_template("server/w3id.htaccess").render(
        base=base,
        permanent=permanent_base,
        folder=folder,
        rest=f"{rest}/" if rest else "",
        ontology=re.escape(ontology),
    )
