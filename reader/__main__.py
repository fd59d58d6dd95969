"""`python -m reader` behaves like the `reader` command."""

from reader.cli import main

raise SystemExit(main())
