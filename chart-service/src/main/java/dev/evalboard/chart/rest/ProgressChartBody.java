package dev.evalboard.chart.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON body of {@code POST /charts/progress.svg}: the GET options plus every run inline. */
@Schema(description = "A progress chart with inline runs; the running best is computed from them")
public record ProgressChartBody(
        String title,
        @Schema(description = "y axis title") String yTitle,
        @Schema(description = "Whether a higher score is a better one", defaultValue = "true") Boolean higherIsBetter,
        @Schema(description = "Draw the runs that set no new best as faint points", defaultValue = "false")
        Boolean runs,
        @Schema(required = true, description = "Every run; equal evaluatedAt instants count in the order given")
        List<Point> points,
        Double yMin, Double yMax,
        @Schema(defaultValue = "800", minimum = "200", maximum = "4000") Integer width,
        @Schema(defaultValue = "500", minimum = "200", maximum = "4000") Integer height,
        @Schema(enumeration = {"light", "dark"}, defaultValue = "light") String theme) {

    /** One run. */
    public record Point(@Schema(required = true) String model, @Schema(required = true) Double score,
                        @Schema(required = true, description = "ISO-8601 instant") String evaluatedAt) {
    }
}
