package dev.evalboard.query.rest;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A header and rows written as RFC 4180 CSV: CRLF line ends, fields quoted when they need it. A text cell that a
 * spreadsheet would run as a formula (it starts with =, +, -, @, tab or CR) gets a leading ' so it is shown as
 * text; plain numbers are left alone.
 */
final class CsvTable {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private final StringBuilder text = new StringBuilder();

    CsvTable(List<String> header) {
        row(new ArrayList<>(header));
    }

    CsvTable row(List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(field(cells.get(i)));
        }
        text.append("\r\n");
        return this;
    }

    byte[] bytes() {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String field(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double number && !Double.isFinite(number)) {
            return ""; // no value a spreadsheet could read; never stored, but a CSV must not fail on it
        }
        // Plain notation: spreadsheets read 4000000000 and 0.00001 better than 4.0E9 and 1.0E-5.
        String text = value instanceof Double ? BigDecimal.valueOf((Double) value).stripTrailingZeros().toPlainString()
                : value instanceof Number ? value.toString()
                : neutralized(value instanceof List<?> list
                        ? String.join(";", list.stream().map(String::valueOf).toList()) : value.toString());
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                || text.startsWith(" ") || text.endsWith(" ")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    private static String neutralized(String text) {
        if (text.isEmpty() || "=+-@\t\r".indexOf(text.charAt(0)) < 0 || NUMBER.matcher(text).matches()) {
            return text;
        }
        return "'" + text;
    }
}
