"""The steps of docs/installation.md, read from the doc itself.

A fenced code block preceded by an HTML comment ``<!-- journey: KIND [ARGS] -->`` is a
step the install journey applies (tests/install/test_journey.py):

- ``settings``: Python appended to ``<project>/settings/base.py``;
- ``settings-en`` / ``settings-fr``: the language block of an English-first or a
  French-first site, appended after it;
- ``urls``: the whole ``<project>/urls.py``;
- ``file PATH``: a file to write (``mysite/`` is the project's folder);
- ``replace PATH OLD``: replace the text OLD in PATH by the block;
- ``shell``: ``python manage.py ...`` commands, one a line;
- ``sections``: a list naming the page types to create, as ``(`TypeName`)``.
"""

import re
from dataclasses import dataclass
from pathlib import Path

DOC = Path(__file__).resolve().parents[2] / "docs" / "installation.md"
_STEP = re.compile(
    r"<!-- journey: (?P<kind>[\w-]+)(?: (?P<args>[^\n]*?))? -->\n(?P<body>```\w*\n[\s\S]*?\n```|(?:.+\n)+)"
)


@dataclass(frozen=True)
class Step:
    kind: str
    args: str
    body: str


def steps(text=None):
    text = DOC.read_text(encoding="utf-8") if text is None else text
    found = []
    for match in _STEP.finditer(text):
        body = match.group("body")
        if body.startswith("```"):
            body = body.split("\n", 1)[1].rsplit("\n```", 1)[0] + "\n"
        found.append(Step(match.group("kind"), (match.group("args") or "").strip(), body))
    return found


def step(kind, text=None):
    matching = [found for found in steps(text) if found.kind == kind]
    assert len(matching) == 1, f"docs/installation.md must have exactly one '<!-- journey: {kind} -->' block"
    return matching[0]


def section_types(text=None):
    """The page types the doc's section list names, in its order."""
    return re.findall(r"\(`(\w+Page)`\)", step("sections", text).body)


def apply_files(project_dir, project_name, text=None):
    """Apply the settings (common part), urls, file and replace steps to a project."""
    package = project_dir / project_name
    with open(package / "settings" / "base.py", "a", encoding="utf-8") as settings:
        settings.write("\n\n" + step("settings", text).body)
    (package / "urls.py").write_text(step("urls", text).body.replace("mysite", project_name), encoding="utf-8")
    for found in steps(text):
        if found.kind == "file":
            path = project_dir / found.args.replace("mysite/", f"{project_name}/", 1)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(found.body, encoding="utf-8")
        elif found.kind == "replace":
            relative, old = found.args.split(" ", 1)
            path = project_dir / relative.replace("mysite/", f"{project_name}/", 1)
            source = path.read_text(encoding="utf-8")
            assert old in source, f"{old!r} is not in {path} any more: docs/installation.md needs updating"
            path.write_text(source.replace(old, found.body.strip(), 1), encoding="utf-8")


def manage_commands(text=None):
    """The ``python manage.py`` command lines of the shell step, as argument lists."""
    return [line.split()[2:] for line in step("shell", text).body.splitlines() if line.startswith("python manage.py ")]
