package dev.fieldguide.orders.migrations;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a migration must leave as it found it: for each table, its row count and an md5 over the
 * columns it had before, row by row in primary-key order. Columns a migration adds do not count,
 * so the same digest can be taken before and after any expand step.
 */
final class TableDigests {

  /** Each table of the public schema, with its columns and its primary-key columns, quoted. */
  private static final String TABLES = """
      SELECT quote_ident(c.relname),
             array(SELECT quote_ident(a.attname) FROM pg_attribute a
                   WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                   ORDER BY a.attnum),
             array(SELECT quote_ident(a.attname) FROM pg_index i
                   CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
                   JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                   WHERE i.indrelid = c.oid AND i.indisprimary ORDER BY k.ord)
      FROM pg_class c
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
      ORDER BY 1
      """;

  private TableDigests() {}

  static Map<String, Table> tables(Connection connection) throws SQLException {
    Map<String, Table> tables = new LinkedHashMap<>();
    try (var query = connection.createStatement(); var rows = query.executeQuery(TABLES)) {
      while (rows.next()) {
        tables.put(rows.getString(1), new Table(rows.getString(1), strings(rows.getArray(2)),
            strings(rows.getArray(3))));
      }
    }
    return tables;
  }

  /** The digest of each of {@code tables}, over the columns each one lists. */
  static Map<String, Digest> of(Connection connection, Collection<Table> tables)
      throws SQLException {
    Map<String, Digest> digests = new LinkedHashMap<>();
    for (Table table : tables) {
      String row = "ROW(" + String.join(", ", table.columns()) + ")::text";
      String order = table.primaryKey().isEmpty() ? row : String.join(", ", table.primaryKey());
      String sql = "SELECT count(*), md5(coalesce(string_agg(%s, ',' ORDER BY %s), '')) FROM %s"
          .formatted(row, order, table.name());
      try (var query = connection.createStatement(); var rows = query.executeQuery(sql)) {
        rows.next();
        digests.put(table.name(), new Digest(rows.getLong(1), rows.getString(2)));
      }
    }
    return digests;
  }

  private static List<String> strings(Array array) throws SQLException {
    return List.of((String[]) array.getArray());
  }

  /** A table and its columns, as quoted identifiers ready for SQL. */
  record Table(String name, List<String> columns, List<String> primaryKey) {}

  record Digest(long rows, String md5) {}
}
