package dev.evalboard.chart.render.svg;

/** SVG path data ({@code d}) in absolute commands, coordinates written by {@link Num#appendCoord}. */
public final class PathData {

    private final StringBuilder d = new StringBuilder(64);

    public PathData moveTo(double x, double y) {
        return point('M', x, y);
    }

    public PathData lineTo(double x, double y) {
        return point('L', x, y);
    }

    public PathData horizontalTo(double x) {
        Num.appendCoord(d.append('H'), x);
        return this;
    }

    public PathData verticalTo(double y) {
        Num.appendCoord(d.append('V'), y);
        return this;
    }

    public PathData close() {
        d.append('Z');
        return this;
    }

    public boolean isEmpty() {
        return d.length() == 0;
    }

    private PathData point(char command, double x, double y) {
        Num.appendCoord(Num.appendCoord(d.append(command), x).append(' '), y);
        return this;
    }

    @Override
    public String toString() {
        return d.toString();
    }
}
