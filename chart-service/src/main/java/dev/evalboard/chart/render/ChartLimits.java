package dev.evalboard.chart.render;

/** Bounds on what one chart may hold, so a request cannot ask for unbounded work. */
public record ChartLimits(int minSize, int maxSize, int maxSeries, int maxGroups, int maxPoints) {

    public static final ChartLimits DEFAULT = new ChartLimits(200, 4000, 50, 50, 2000);

    public void checkSize(int width, int height) {
        checkRange("width", width, minSize, maxSize);
        checkRange("height", height, minSize, maxSize);
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
