"""The command line: the launcher, the Typer app, the Typer-free fast path, the warm server and its client.

The only package that imports Typer, and the only one that maps errors to exit codes.
"""
