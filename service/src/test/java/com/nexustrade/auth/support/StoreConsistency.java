package com.nexustrade.auth.support;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Opens an embedded database file (SQLite or H2) the way the service would after a crash, and counts the rows of
 * the token tables once by scanning the table and once through each of its indexes. A store that recovered a
 * table and its indexes to different points in time shows up here as a mismatch.
 */
public final class StoreConsistency {

    private static final List<String> TABLES = List.of("refresh_tokens", "token_families");

    private StoreConsistency() {
    }

    /** @param tableRows rows of refresh_tokens by table scan; mismatches: one line per index that disagrees */
    public record Counts(long tableRows, List<String> mismatches) {
    }

    public static Counts count(String jdbcUrl) throws SQLException {
        boolean sqlite = jdbcUrl.startsWith("jdbc:sqlite:");
        try (Connection connection = DriverManager.getConnection(jdbcUrl, sqlite ? "" : "sa", "")) {
            List<String> mismatches = new ArrayList<>();
            if (sqlite) {
                String integrity = single(connection, "PRAGMA integrity_check");
                if (!integrity.equals("ok")) {
                    mismatches.add("integrity_check: " + integrity);
                }
            }
            long tokenRows = -1;
            for (String table : TABLES) {
                String name = sqlite ? table : table.toUpperCase();
                for (Map.Entry<String, Column> index : firstColumnOfEachIndex(connection, name).entrySet()) {
                    Column column = index.getValue();
                    String range = column.name + (column.numeric ? " >= -9223372036854775808" : " >= ''");
                    long scanned = count(connection, "SELECT COUNT(*) FROM " + name
                            + (sqlite ? " NOT INDEXED" : " USE INDEX ()") + " WHERE " + range);
                    String throughIndex = "SELECT COUNT(*) FROM " + name
                            + (sqlite ? " INDEXED BY " : " USE INDEX (") + index.getKey() + (sqlite ? "" : ")")
                            + " WHERE " + range;
                    if (!sqlite) {
                        String plan = single(connection, "EXPLAIN " + throughIndex);
                        if (!plan.contains(index.getKey())) {
                            throw new IllegalStateException("H2 did not count through " + index.getKey() + ": " + plan);
                        }
                    }
                    long indexed = count(connection, throughIndex);
                    if (indexed != scanned) {
                        mismatches.add(table + "." + index.getKey() + " (" + column.name + "): " + indexed
                                + " rows through the index, " + scanned + " in the table");
                    }
                }
                if (table.equals("refresh_tokens")) {
                    tokenRows = count(connection, "SELECT COUNT(*) FROM " + name);
                }
            }
            return new Counts(tokenRows, mismatches);
        }
    }

    private record Column(String name, boolean numeric) {
    }

    private static Map<String, Column> firstColumnOfEachIndex(Connection connection, String table) throws SQLException {
        DatabaseMetaData metadata = connection.getMetaData();
        Map<String, Integer> types = new LinkedHashMap<>();
        try (ResultSet columns = metadata.getColumns(null, null, table, null)) {
            while (columns.next()) {
                types.put(columns.getString("COLUMN_NAME").toLowerCase(), columns.getInt("DATA_TYPE"));
            }
        }
        Map<String, Column> indexes = new LinkedHashMap<>();
        try (ResultSet index = metadata.getIndexInfo(null, null, table, false, false)) {
            while (index.next()) {
                String name = index.getString("INDEX_NAME");
                if (name != null && index.getInt("ORDINAL_POSITION") == 1) {
                    String column = index.getString("COLUMN_NAME");
                    int type = types.getOrDefault(column.toLowerCase(), Types.VARCHAR);
                    indexes.put(name, new Column(column, type == Types.BIGINT || type == Types.INTEGER));
                }
            }
        }
        if (indexes.isEmpty()) {
            throw new IllegalStateException("no index found on " + table);
        }
        return indexes;
    }

    private static long count(Connection connection, String sql) throws SQLException {
        return Long.parseLong(single(connection, sql));
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }
}
