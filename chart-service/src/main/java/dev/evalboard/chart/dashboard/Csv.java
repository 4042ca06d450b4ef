package dev.evalboard.chart.dashboard;

import java.util.List;

/**
 * The CSV of a page's table, as query-service writes its own (contract section 2): RFC 4180 quoting, numbers as they
 * are, and a text cell that a spreadsheet would run as a formula ({@code = + - @}, tab, CR) starts with {@code '}.
 */
final class Csv {
    private final StringBuilder out = new StringBuilder();

    private Csv() {
    }

    static Csv withHeader(String... columns) {
        Csv csv = new Csv();
        csv.row((Object[]) columns);
        return csv;
    }

    Csv row(Object... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells[i]));
        }
        out.append("\r\n");
        return this;
    }

    Csv rows(List<Object[]> rows) {
        rows.forEach(this::row);
        return this;
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
