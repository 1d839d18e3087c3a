"""The index: schema and analysis, the writer that never loses an index, the reading side, where things live.

Writes only under the index directory, and only from ``writer``; ``store`` is the read-only side.
"""
