-- Nothing to do on PostgreSQL: its search tests a filter on the rows the `tsvector` index
-- found, in the same table, so it has no second lookup per match to spare. The SQLite
-- file adds the filter values to its full-text index; this one exists so that both trees
-- keep the same names. Mirrors sqlite/0007_search_filter_terms.sql.
SELECT 1;
