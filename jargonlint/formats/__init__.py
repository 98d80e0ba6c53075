"""Readers that turn a script file into segments, one module per format family."""
