"""mkdocs.yml, read for people: a YAML mistake or a nav entry for a missing page, with the line and the fix."""
from __future__ import annotations

from pathlib import Path

import yaml

from .paths import pages
from .problems import Problem
from .registry import report
from .yaml_errors import explain


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml's own tags (like !ENV) as plain values."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)


def setting(config_file: Path, key: str) -> str:
    """One top-level setting of mkdocs.yml as text ('' when missing or unreadable)."""
    try:
        return str((yaml.load(config_file.read_text(encoding="utf-8"), Loader=_Loader) or {}).get(key) or "")
    except (OSError, yaml.YAMLError):
        return ""


def redirects(config_file: Path) -> dict[str, str]:
    """mkdocs.yml's redirect_maps (old page -> new page, both inside docs/); {} when unreadable."""
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_Loader) or {}
    except (OSError, yaml.YAMLError):
        return {}
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("redirects"), dict):
            maps = plugin["redirects"].get("redirect_maps") or {}
            return {str(old): str(new) for old, new in maps.items() if not str(new).startswith(("http:", "https:"))}
    return {}


def check(config_file: Path, docs_dir: Path) -> list[Problem]:
    if not config_file.exists():
        return []
    shown = config_file.name
    text = config_file.read_text(encoding="utf-8")
    try:
        node = yaml.compose(text, Loader=_Loader)
        config = yaml.load(text, Loader=_Loader) or {}
    except yaml.YAMLError as error:
        return [explain(error, shown, rule="config-not-yaml")]
    problems = []
    nav = _find(node, "nav")
    for value_node in _leaves(nav):
        target = str(value_node.value)
        if target.endswith(".md") and not (docs_dir / target).exists():
            problems.append(report("nav-missing-page", shown, value_node.start_mark.line + 1, target=target))
    if nav is not None and not isinstance(config.get("nav"), list):
        problems.append(report("nav-not-a-list", shown, nav.start_mark.line + 1))
    elif nav is not None:
        listed = {str(leaf.value) for leaf in _leaves(nav)}
        # Pages kept out of the menu on purpose (the Spanish edition's pages not translated yet).
        listed |= {line.strip().lstrip("/") for line in str(config.get("not_in_nav") or "").splitlines()}
        for inside in pages(docs_dir):
            if inside not in listed:
                problems.append(report("page-not-in-menu", f"{docs_dir.name}/{inside}", 1, page=inside))
    return problems


def _find(node, key):
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if k.value == key:
                return v
    return None


def _leaves(node):
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _leaves(item)
    elif isinstance(node, yaml.MappingNode):
        for _, value in node.value:
            yield from _leaves(value)
    elif isinstance(node, yaml.ScalarNode):
        yield node
