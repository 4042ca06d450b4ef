package dev.evalboard.chart.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON body of {@code POST /charts/scatter.svg}: the GET options plus the points inline. */
@Schema(description = "A scatter chart of models with inline data")
public record ScatterChartBody(
        String title,
        @Schema(description = "x axis title; defaults to the title of the x measure") String xTitle,
        @Schema(description = "y axis title") String yTitle,
        @Schema(enumeration = {"parameters", "activeParameters", "costUsd"}, defaultValue = "parameters",
                description = "What x measures; decides tick labels (4B, 32B / $12)") String x,
        @Schema(defaultValue = "true") Boolean logX,
        @Schema(description = "Draw the Pareto frontier, computed from the points", defaultValue = "false") Boolean frontier,
        @Schema(description = "Direction of y for the frontier", defaultValue = "true") Boolean higherIsBetter,
        @Schema(description = "Models drawn as a star with their own legend entry") List<String> highlight,
        @Schema(description = "Legend label of the highlighted models", defaultValue = "Highlighted") String highlightLabel,
        @Schema(required = true) List<Point> points,
        Double xMin, Double xMax, Double yMin, Double yMax,
        @Schema(defaultValue = "800", minimum = "200", maximum = "4000") Integer width,
        @Schema(defaultValue = "500", minimum = "150", maximum = "4000") Integer height,
        @Schema(enumeration = {"light", "dark"}, defaultValue = "light") String theme,
        @Schema(description = "Vertical whiskers of ±1.96 standard errors where a point has one",
                defaultValue = "false") Boolean errorBars) {

    /** One model; {@code stderr} is the standard error of y, if known. */
    public record Point(@Schema(required = true) String model, @Schema(required = true) Double x,
                        @Schema(required = true) Double y,
                        @Schema(enumeration = {"closed", "open-weights", "open-weights-open-data"}) String openness,
                        @Schema(description = "Standard error of y (finite, >= 0)") Double stderr) {
    }
}
