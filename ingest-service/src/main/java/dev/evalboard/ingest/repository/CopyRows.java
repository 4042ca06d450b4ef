package dev.evalboard.ingest.repository;

/** Builds the body of a {@code COPY ... FROM STDIN} in PostgreSQL's text format: tab-separated, one row a line. */
final class CopyRows {
    private final StringBuilder text = new StringBuilder(1 << 16);
    private boolean rowStarted;

    CopyRows value(Object value) {
        if (rowStarted) {
            text.append('\t');
        }
        rowStarted = true;
        if (value == null) {
            text.append("\\N");
        } else {
            escape(value.toString());
        }
        return this;
    }

    CopyRows endRow() {
        text.append('\n');
        rowStarted = false;
        return this;
    }

    String text() {
        return text.toString();
    }

    private void escape(String value) {
        if (!needsEscaping(value)) {
            // Most values (numbers, instants, names) have nothing to escape: one bulk copy instead of a char loop.
            text.append(value);
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }

    private static boolean needsEscaping(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }
}
