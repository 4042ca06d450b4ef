package dev.evalboard.chart.render.scale;

import java.util.List;

/** Maps data values onto a pixel interval and knows its ticks. */
public interface Scale {

    double toPixel(double value);

    List<Tick> ticks();

    double domainMin();

    double domainMax();
}
