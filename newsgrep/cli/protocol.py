"""What the launcher, the fast path, the server and its clients agree on: built-ins only, cheap to import.

A module of its own so that each of them can read these without importing
another (the launcher must stay at the top of the import graph: it decides,
before anything heavy loads, whether a server or this process answers).
"""

COMPLETE_VAR = "_NEWSGREP_COMPLETE"  # set by a shell asking Click for completions
TIMEOUT = 300.0  # seconds: a facet over 100k articles takes a few; a hung server must not hang us forever
CONNECT_TRIES = 20  # about 2 s of retries while the server's queue is full, then run here

# Commands that only read the index; `index` and `serve` always run in the caller's process.
FORWARDED = frozenset({"search", "show", "stats", "quotes", "speakers", "timeline", "similar", "export"})
