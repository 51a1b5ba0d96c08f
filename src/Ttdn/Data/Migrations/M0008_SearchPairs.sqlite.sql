-- M0008_SearchPairs (SQLite): nothing to do. FTS5 keeps word positions in its own index; see docs/decisions/0028.
SELECT 1;
