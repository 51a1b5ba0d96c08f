-- M0007_SearchBlocks (SQLite): nothing to do. SQLite does not compress values; see docs/decisions/0026.
SELECT 1;
