package dev.evalboard.chart.render.layout;

/** An axis-aligned box in pixels, y growing downwards. */
public record Rect(double x, double y, double width, double height) {

    public double right() {
        return x + width;
    }

    public double bottom() {
        return y + height;
    }

    /** Area shared with {@code other}; 0 when they only touch. */
    public double overlap(Rect other) {
        double w = Math.min(right(), other.right()) - Math.max(x, other.x);
        double h = Math.min(bottom(), other.bottom()) - Math.max(y, other.y);
        return w > 0 && h > 0 ? w * h : 0;
    }

    /** The part of this box's area outside {@code bounds}. */
    public double areaOutside(Rect bounds) {
        return width * height - overlap(bounds);
    }
}
