package com.nexustrade.auth.db;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statement written with JDBI's {@code :name} parameters, as plain JDBC wants it: {@code ?} placeholders and the
 * position of each name. Lets the refresh path run the DAO's own SQL without JDBI's per-statement machinery, so
 * the statement exists once.
 */
record PositionalSql(String sql, List<String> names) {

    private static final Pattern NAMED = Pattern.compile("(?<!:):(\\w+)");

    static PositionalSql of(String named) {
        List<String> names = new ArrayList<>();
        Matcher parameter = NAMED.matcher(named);
        StringBuilder positional = new StringBuilder();
        while (parameter.find()) {
            names.add(parameter.group(1));
            parameter.appendReplacement(positional, "?");
        }
        parameter.appendTail(positional);
        return new PositionalSql(positional.toString(), List.copyOf(names));
    }

    /** The JDBC index (from 1) of a parameter that appears once. */
    int index(String name) {
        int first = names.indexOf(name);
        if (first < 0 || names.lastIndexOf(name) != first) {
            throw new IllegalArgumentException("parameter :" + name + " must appear exactly once in " + sql);
        }
        return first + 1;
    }
}
