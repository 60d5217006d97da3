package com.nexustrade.repro.report;

/** Makes invisible characters visible, so "\t" and a non-breaking space read differently from " " in a report. */
public final class Printable {

    private Printable() {
    }

    /** The value in double quotes, with tabs, controls and non-ASCII written as escapes. */
    public static String quoted(String value) {
        StringBuilder out = new StringBuilder("\"");
        value.codePoints().forEach(cp -> {
            if (cp == '\t') {
                out.append("\\t");
            } else if (cp == '"' || cp == '\\') {
                out.append('\\').appendCodePoint(cp);
            } else if (cp < 0x20 || cp >= 0x7f) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.append('"').toString();
    }
}
