"""The directions between packages: read every import under webapp/ and check them.

A module belongs to its top-level package (webapp.accounts, webapp.mail, ...); the top-level modules
(webapp/config.py, extensions.py, errors.py, forms.py, text.py, ...) are the "core" every package may use.
Imports inside functions count too: a deferred import is still a direction.
"""
import ast
from collections import defaultdict
from pathlib import Path

WEBAPP = Path(__file__).resolve().parent.parent / "webapp"
CORE = "core"
# The modules that wire every package together; they stand above all of them.
WIRING = {"webapp", "webapp.models", "webapp.demo"}


def _module_name(path):
    parts = path.relative_to(WEBAPP.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _owner(module):
    """The top-level package a module belongs to, CORE for webapp's own modules, None outside webapp."""
    parts = module.split(".")
    if parts[0] != "webapp":
        return None
    if len(parts) == 1 or not (WEBAPP / parts[1]).is_dir():
        return CORE
    return parts[1]


def _imported_modules(path, module):
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join(anchor + ([base] if base else []))
            yield base
            # `from webapp import accounts` names a package, not an attribute of webapp/__init__.py.
            folder = WEBAPP.parent.joinpath(*base.split("."))
            yield from (f"{base}.{alias.name}" for alias in node.names if (folder / alias.name).is_dir())


def _imports():
    """{module: the webapp modules it imports} for every module under webapp/."""
    found = {}
    for path in sorted(WEBAPP.rglob("*.py")):
        module = _module_name(path)
        found[module] = {name for name in _imported_modules(path, module) if _owner(name) is not None}
    return found


def _package_graph(imports):
    """{package: {imported package: [module -> module, ...]}}, without the wiring modules and self-imports."""
    graph = defaultdict(lambda: defaultdict(list))
    for module, targets in imports.items():
        if module in WIRING:
            continue
        for target in targets:
            source, dest = _owner(module), _owner(target)
            if source != dest and target not in WIRING:
                graph[source][dest].append(f"{module} -> {target}")
    return graph


def _find_cycle(graph):
    """One cycle as a list of packages [a, b, ..., a], or None."""
    state = {}

    def visit(node, trail):
        state[node] = "open"
        trail.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == "open":
                return trail[trail.index(nxt):] + [nxt]
            if nxt not in state:
                cycle = visit(nxt, trail)
                if cycle:
                    return cycle
        trail.pop()
        state[node] = "done"
        return None

    for node in sorted(graph):
        if node not in state:
            cycle = visit(node, [])
            if cycle:
                return cycle
    return None


def test_packages_import_each_other_without_a_cycle():
    graph = _package_graph(_imports())
    cycle = _find_cycle(graph)
    if cycle:
        edges = [f"  {a} -> {b}: {', '.join(sorted(set(graph[a][b]))[:3])}" for a, b in zip(cycle, cycle[1:])]
        raise AssertionError("Packages import each other in a circle: " + " -> ".join(cycle) + "\n" + "\n".join(edges))


def test_core_modules_import_no_feature_package():
    graph = _package_graph(_imports())
    wrong = sorted(f"{line}" for dest, lines in graph[CORE].items() for line in lines)
    assert not wrong, "Core modules stand below every package, yet import:\n  " + "\n  ".join(wrong)


def test_the_reader_sees_imports_inside_functions(tmp_path):
    # A guard on the test itself: a deferred import must not hide a direction.
    path = tmp_path / "example.py"
    path.write_text("def f():\n    from webapp.mail import services\n    from webapp import posts\n")
    assert {"webapp.mail", "webapp.posts"} <= set(_imported_modules(path, "webapp.accounts.example"))
