"""Output formats for findings: rich (terminal), text (one line each) and json."""
