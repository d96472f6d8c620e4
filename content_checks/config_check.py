"""mkdocs.yml, read for people: a YAML mistake or a nav entry for a missing page, with the line and the fix."""
from __future__ import annotations

from pathlib import Path

import yaml

from .problems import Problem
from .yaml_errors import explain


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml's own tags (like !ENV) as plain values."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)


def check(config_file: Path, docs_dir: Path) -> list[Problem]:
    if not config_file.exists():
        return []
    shown = config_file.name
    text = config_file.read_text(encoding="utf-8")
    try:
        node = yaml.compose(text, Loader=_Loader)
        config = yaml.load(text, Loader=_Loader) or {}
    except yaml.YAMLError as error:
        return [explain(error, shown)]
    problems = []
    nav = _find(node, "nav")
    for value_node in _leaves(nav):
        target = str(value_node.value)
        if target.endswith(".md") and not (docs_dir / target).exists():
            problems.append(Problem(shown, value_node.start_mark.line + 1,
                                    f"The menu (nav) lists {target}, but there is no page docs/{target}.",
                                    "check the spelling and the folder, or remove this line if the page was moved "
                                    "or deleted (and add a redirect, see CONTRIBUTING.md)."))
    if nav is not None and not isinstance(config.get("nav"), list):
        problems.append(Problem(shown, nav.start_mark.line + 1, "The menu (nav) is not a list.",
                                "each menu line starts with '- ' and is indented by 2 more spaces than 'nav:'."))
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
