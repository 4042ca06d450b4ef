package dev.evalboard.chart.render;

/**
 * Bounds on what one chart may hold, so a request cannot ask for unbounded work. Width runs from {@code minSize},
 * height from {@code minHeight} (a chart in a phone's row or a table cell is wider than tall), both to
 * {@code maxSize}.
 */
public record ChartLimits(int minSize, int maxSize, int maxSeries, int maxGroups, int maxPoints, int minHeight) {

    public static final ChartLimits DEFAULT = new ChartLimits(200, 4000, 50, 50, 2000, 150);

    public void checkSize(int width, int height) {
        checkRange("width", width, minSize, maxSize);
        checkRange("height", height, minHeight, maxSize);
    }

    public void checkCount(String parameter, int count, int min, int max) {
        if (count < min || count > max) {
            throw new ChartInputException(parameter,
                    parameter + ": between " + min + " and " + max + " allowed, got " + count);
        }
    }

    private static void checkRange(String parameter, int value, int min, int max) {
        if (value < min || value > max) {
            throw new ChartInputException(parameter,
                    parameter + " must be between " + min + " and " + max + ", got " + value);
        }
    }
}
