"""The import graph of the project's packages: no cycles, no import from a layer above.

The walker reads every module with ``ast`` (imports inside functions count too: a late import
still ties the two modules together) and resolves each import to the project module it names.
The layers, lowest first (docs/architecture.md draws them):

0. ``helpdesk`` — the kernel and what every app shares (units, roles, workflow, notify, PDF, dashboard).
1. ``assets`` — the asset registry.
2. ``tickets`` core — the repair ticket, its plug-in points (``tickets.plugins``) and tracking page.
2½. content — ``publishing`` (web publishing, news, knowledge articles): the question log and the ticket
   page plug into it; a category's troubleshooting guide is an article (tickets reach it through
   ``tickets.plugins.guides``, never by import).
3. processes — ``tickets.parts``, ``tickets.network``, the other ``tickets`` processes and any new top-level app:
   they plug into the layers below and never import each other.
4. ``tickets.reports`` — reads everything below.

Inside an app the kinds of module are ordered too: ``models`` < ``services``/``forms`` < ``views`` < ``urls``.
Exempt: the entry points ``helpdesk.settings``, ``helpdesk.urls``, ``helpdesk.api_urls``, ``helpdesk.wsgi`` wire
every app together, and migrations are frozen history.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NOT_PACKAGES = {"tests", "static", "templates", "locale", "docs", "media", "node_modules"}
EXEMPT = {"helpdesk.settings", "helpdesk.urls", "helpdesk.api_urls", "helpdesk.wsgi"}

KERNEL, ASSETS, TICKETS, CONTENT, PROCESS, REPORTS = range(6)
LAYER_NAMES = {KERNEL: "helpdesk", ASSETS: "assets", CONTENT: "content", TICKETS: "tickets core", PROCESS: "process",
               REPORTS: "reports"}
# The longest matching prefix decides; a top-level app not listed is a process.
LAYERS = {
    "helpdesk": KERNEL,
    "assets": ASSETS,
    "publishing": CONTENT,
    "tickets": TICKETS,
    "tickets.parts": PROCESS,
    "tickets.network": PROCESS,
    "tickets.meetings": PROCESS,
    "tickets.datarequests": PROCESS,
    "tickets.consultations": PROCESS,
    "tickets.systems": PROCESS,
    "tickets.unitrequests": PROCESS,
    "tickets.reports": REPORTS,
}
KIND_ORDER = {"models": 0, "services": 1, "forms": 1, "views": 2, "urls": 3}


def project_modules(root: Path) -> dict[str, Path]:
    """{dotted name: file} of every module of the top-level packages under `root` (migrations left out)."""
    modules = {}
    for init in sorted(root.glob("*/__init__.py")):
        package = init.parent
        if package.name in NOT_PACKAGES or package.name.startswith("."):
            continue
        for path in package.rglob("*.py"):
            relative = path.relative_to(root)
            if "migrations" in relative.parts:
                continue
            parts = list(relative.with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            modules[".".join(parts)] = path
    return modules


def imports_of(name: str, path: Path, modules: dict[str, Path]) -> set[tuple[str, int]]:
    """(project module, line) for each import in the module; `from pkg import module` names the module."""

    def resolve(dotted: str) -> str | None:
        while dotted and dotted not in modules:
            dotted = dotted.rpartition(".")[0]
        return dotted or None

    found = set()
    is_package = path.name == "__init__.py"
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = name.split(".") if is_package else name.split(".")[:-1]
                package = package[: len(package) - node.level + 1]
                base = ".".join(package + ([node.module] if node.module else []))
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base for alias in node.names]
        else:
            continue
        for target in targets:
            resolved = resolve(target)
            if resolved and resolved != name:
                found.add((resolved, node.lineno))
    return found


def import_graph(root: Path) -> dict[str, set[tuple[str, int]]]:
    modules = project_modules(root)
    return {name: imports_of(name, path, modules) for name, path in modules.items()}


def layer_of(name: str) -> int:
    parts = name.split(".")
    for length in range(len(parts), 0, -1):
        prefix = ".".join(parts[:length])
        if prefix in LAYERS:
            return LAYERS[prefix]
    return PROCESS


def app_of(name: str) -> str:
    """The app a module belongs to: a sub-app of tickets counts as its own app."""
    parts = name.split(".")
    if len(parts) > 1 and ".".join(parts[:2]) in LAYERS:
        return ".".join(parts[:2])
    return parts[0]


def kind_of(name: str) -> str | None:
    app_depth = len(app_of(name).split("."))
    for part in name.split(".")[app_depth:]:
        if part in KIND_ORDER:
            return part
    return None


def upward_imports(graph) -> list[str]:
    found = []
    for name, targets in sorted(graph.items()):
        if name in EXEMPT:
            continue
        for target, line in sorted(targets):
            if target in EXEMPT:
                continue
            source_layer, target_layer = layer_of(name), layer_of(target)
            if target_layer > source_layer:
                found.append(f"{name}:{line} imports {target} ({LAYER_NAMES[source_layer]} → "
                             f"{LAYER_NAMES[target_layer]})")
            elif target_layer == source_layer == PROCESS and app_of(name) != app_of(target):
                found.append(f"{name}:{line} imports {target} (one process may not import another)")
            elif app_of(name) == app_of(target):
                source_kind, target_kind = kind_of(name), kind_of(target)
                if source_kind and target_kind and KIND_ORDER[target_kind] > KIND_ORDER[source_kind]:
                    found.append(f"{name}:{line} imports {target} ({source_kind} → {target_kind})")
    return found


def cycles(graph) -> list[list[str]]:
    """The strongly connected groups of two or more modules (Tarjan, iterative)."""
    edges = {name: sorted({target for target, _ in targets}) for name, targets in graph.items()}
    index, low, on_stack, stack, groups = {}, {}, set(), [], []
    counter = 0
    for start in sorted(edges):
        if start in index:
            continue
        work = [(start, iter(edges[start]))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(edges.get(child, ()))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    groups.append(sorted(group))
    return groups


def test_no_module_imports_from_a_layer_above():
    assert upward_imports(import_graph(ROOT)) == []


def test_no_two_modules_import_each_other():
    assert cycles(import_graph(ROOT)) == []


def test_the_walker_sees_the_project():
    graph = import_graph(ROOT)
    assert any(target == "helpdesk.workflow" for target, _ in graph["tickets.network.services.common"])
    assert any(target == "tickets.plugins.parts" for target, _ in graph["tickets.parts.integration"])
    assert len(graph) > 150


def _write(root: Path, files: dict[str, str]) -> None:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def test_it_reports_an_upward_import_a_process_import_and_a_cycle(tmp_path):
    _write(tmp_path, {
        "helpdesk/__init__.py": "",
        "helpdesk/urls.py": "from library import views\n",  # exempt: the root urls wire the apps
        "helpdesk/workflow.py": "def transition():\n    from tickets.models import Ticket\n",
        "tickets/__init__.py": "",
        "tickets/models.py": "from helpdesk import workflow\n",
        "tickets/reports/__init__.py": "",
        "tickets/reports/a.py": "from . import b\n",
        "tickets/reports/b.py": "from tickets.reports.a import x\n",
        "library/__init__.py": "",
        "library/models.py": "from .views import page\n",
        "library/views.py": "from tickets.models import Ticket\n",
        "meetings/__init__.py": "",
        "meetings/services.py": "import library.models\n",
        "meetings/migrations/__init__.py": "",
        "meetings/migrations/0001_initial.py": "from tickets.reports import a\n",
    })
    graph = import_graph(tmp_path)
    assert upward_imports(graph) == [
        "helpdesk.workflow:2 imports tickets.models (helpdesk → tickets core)",
        "library.models:1 imports library.views (models → views)",
        "meetings.services:1 imports library.models (one process may not import another)",
    ]
    assert cycles(graph) == [["helpdesk.workflow", "tickets.models"], ["tickets.reports.a", "tickets.reports.b"]]
