"""Project settings from ``[tool.jargonlint]`` or ``.jargonlint.toml``.

A team keeps its audience, extra dictionaries and accepted terms next to its
scripts, so every writer and the CI run check with the same rules. The nearest
file walking up from the current directory wins; command-line options win over it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jargonlint.findings import SEVERITIES
from jargonlint.glossary import AUDIENCES
from jargonlint.limits import Limits, with_values
from jargonlint.script import DEFAULT_AGENT_LABELS, DEFAULT_CUSTOMER_LABELS

FAIL_ON = (*SEVERITIES, "never")
POSSIBLE_JARGON = (*SEVERITIES, "off")  # severity of the possible-jargon rule
SPEAKERS = ("agent", "all")
KNOWN = (
    "agent_labels",
    "audience",
    "columns",
    "customer_labels",
    "dictionaries",
    "encoding",
    "fail_on",
    "ignore",
    "include_unspoken",
    "possible_jargon",
    "limits",
    "speakers",
)
CONFIG_NAME = ".jargonlint.toml"


class ConfigError(Exception):
    """A settings file that cannot be used; the message names the file."""


@dataclass
class Config:
    """Effective settings; defaults are what a consumer-facing team wants."""

    audience: str = "consumer"
    fail_on: str = "warning"
    dictionaries: list[Path] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    encoding: str | None = None
    speakers: str = "agent"
    include_unspoken: bool = False
    agent_labels: list[str] = field(default_factory=lambda: list(DEFAULT_AGENT_LABELS))
    customer_labels: list[str] = field(default_factory=lambda: list(DEFAULT_CUSTOMER_LABELS))
    columns: tuple[str, str] | None = None
    possible_jargon: str = "info"  # words no glossary lists that are probably jargon
    limits: Limits = field(default_factory=Limits)
    source: Path | None = None


def find_config(start: Path) -> Path | None:
    """The nearest .jargonlint.toml, or pyproject.toml with [tool.jargonlint]."""
    for folder in (start, *start.parents):
        own = folder / CONFIG_NAME
        if own.is_file():
            return own
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _jargonlint_table(pyproject, required=False) is not None:
            return pyproject
    return None


def load_config(path: Path | None) -> Config:
    """Read settings from path (None: defaults)."""
    if path is None:
        return Config()
    table = _jargonlint_table(path, required=path.name != "pyproject.toml") or {}
    config = Config(source=path)
    for key, value in table.items():
        if key not in KNOWN:
            raise ConfigError(f"{path}: unknown setting {key!r} (known: {', '.join(KNOWN)})")
        if key == "audience":
            config.audience = _choice(path, key, value, AUDIENCES)
        elif key == "fail_on":
            config.fail_on = _choice(path, key, value, FAIL_ON)
        elif key == "possible_jargon":
            config.possible_jargon = _choice(path, key, value, POSSIBLE_JARGON)
        elif key == "speakers":
            config.speakers = _choice(path, key, value, SPEAKERS)
        elif key == "include_unspoken":
            if not isinstance(value, bool):
                raise ConfigError(f"{path}: include_unspoken must be true or false")
            config.include_unspoken = value
        elif key == "encoding":
            config.encoding = _string(path, key, value)
        elif key == "dictionaries":
            config.dictionaries = [path.parent / p for p in _strings(path, key, value)]
        elif key == "columns":
            names = _strings(path, key, value)
            if len(names) != 2:
                raise ConfigError(f"{path}: columns must name two columns: speaker and line")
            config.columns = (names[0], names[1])
        elif key == "limits":
            if not isinstance(value, dict):
                raise ConfigError(f"{path}: limits must be a table ([tool.jargonlint.limits])")
            try:
                config.limits = with_values(config.limits, value)
            except ValueError as exc:
                raise ConfigError(f"{path}: {exc}") from None
        else:  # ignore, agent_labels, customer_labels
            setattr(config, key, _strings(path, key, value))
    return config


def _jargonlint_table(path: Path, *, required: bool) -> dict[str, Any] | None:
    import tomllib  # here: most runs find no settings file and never parse TOML

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML ({exc})") from None
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError(f"{path}: [tool] must be a table, not {type(tool).__name__}")
    table = tool.get("jargonlint")
    if table is None and required:
        table = {k: v for k, v in data.items() if k != "tool"}
    if table is not None and not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.jargonlint] must be a table")
    return table


def _choice(path: Path, key: str, value: Any, choices: tuple[str, ...]) -> str:
    if value not in choices:
        raise ConfigError(f"{path}: {key} must be one of {', '.join(choices)}, not {value!r}")
    return value


def _string(path: Path, key: str, value: Any) -> str:
    if not isinstance(value, str):
        raise ConfigError(f"{path}: {key} must be a string")
    return value


def _strings(path: Path, key: str, value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{path}: {key} must be a list of strings")
    return value
