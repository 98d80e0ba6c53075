"""Allow ``python -m jargonlint``."""

from jargonlint.cli import main

main()
