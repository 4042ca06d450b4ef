package dev.evalboard.chart.dashboard;

import io.quarkus.qute.TemplateData;
import java.util.function.LongFunction;

/** Where a page of rows sits among all of them, with the links to the neighbouring pages (null where none). */
@TemplateData
public record Pager(long page, long lastPage, long firstRow, long lastRow, long total, String first, String previous,
        String next, String last) {

    /** @param link the URL of a page number */
    static Pager of(long page, int size, long total, int shown, LongFunction<String> link) {
        long lastPage = Math.max(1, (total + size - 1) / size);
        long firstRow = shown == 0 ? 0 : (page - 1) * size + 1;
        return new Pager(page, lastPage, firstRow, firstRow == 0 ? 0 : firstRow + shown - 1, total,
                page > 1 ? link.apply(1) : null, page > 1 ? link.apply(Math.min(page - 1, lastPage)) : null,
                page < lastPage ? link.apply(page + 1) : null, page < lastPage ? link.apply(lastPage) : null);
    }

    public boolean several() {
        return lastPage > 1 || page > 1;
    }
}
