"""jargonlint: find business and IT jargon in Japanese call-center scripts.

The library API (``Checker``, ``FileResult``…) is re-exported here but imported
only when first used, so that ``jargonlint --version`` and every start-up of the
command do not pay for the linter's imports.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Checker", "FileResult", "Finding", "Settings", "SettingsError", "SourceText"]

if TYPE_CHECKING:
    from jargonlint.api import Checker, FileResult, Settings, SettingsError, SourceText
    from jargonlint.findings import Finding


def __getattr__(name: str) -> Any:
    if name == "Finding":
        from jargonlint.findings import Finding

        return Finding
    if name in __all__:
        from jargonlint import api

        return getattr(api, name)
    raise AttributeError(f"module 'jargonlint' has no attribute {name!r}")
