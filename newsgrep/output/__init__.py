"""Output: JSON for scripts and one-line messages (``stdio``), plain lines (``plain``), Rich (``terminal``), export.

``terminal`` is the only module of newsgrep that imports Rich.
"""
