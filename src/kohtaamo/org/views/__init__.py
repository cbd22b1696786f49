"""Organisation pages, split by sub-area: units, teams and people."""
