"""jargonlint: find business and IT jargon in Japanese call-center scripts."""

__version__ = "0.1.0"
