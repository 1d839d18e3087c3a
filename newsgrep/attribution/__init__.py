"""Attribution: who said what in an article body -> ``Quote`` records; speaker names as matching keys.

Reads only article text and the records of ``newsgrep.models``; never the index.
"""
