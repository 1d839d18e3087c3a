"""Ingest: files on disk -> ``Article`` records (digest layout, JSON, JSON Lines, plain text), dates, text hygiene.

Knows nothing of the index, of quotations or of the terminal.
"""
