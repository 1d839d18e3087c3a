"""Queries over an open index: search, the posting engine, snippets, quotations, browsing, timelines.

Read-only: nothing here writes to the index or prints.
"""
