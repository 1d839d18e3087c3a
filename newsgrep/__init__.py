"""newsgrep: full-text search over diplomatic news, from the terminal and from scripts."""

__version__ = "0.1.0"
