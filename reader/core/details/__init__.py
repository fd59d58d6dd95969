"""Typed details of news sentences and the conflicts between articles (no model: computed with the alignment).

- `with_conflicts(comparison)`: the comparison with `conflicts` found and each match's typed details (agree,
  one side only, different precision, conflict) added.
- `find_conflicts(articles, pairs)`: the conflicts alone.
"""

from __future__ import annotations

from reader.core.details.conflicts import find_conflicts
from reader.core.details.match_details import with_conflicts

__all__ = ["find_conflicts", "with_conflicts"]
