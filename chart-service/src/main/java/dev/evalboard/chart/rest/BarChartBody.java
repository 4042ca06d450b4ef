package dev.evalboard.chart.rest;

import dev.evalboard.contract.EventRules;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON body of {@code POST /charts/bar.svg}: the GET options plus the data inline. */
@Schema(description = "A grouped bar chart with inline data")
public record BarChartBody(
        @Schema(description = "Chart title") String title,
        @Schema(description = "Value axis title", defaultValue = EventRules.DEFAULT_METRIC) String yTitle,
        @Schema(description = "One bar group per benchmark, in this order", required = true) List<String> benchmarks,
        @Schema(description = "One bar per model in each group, in this order", required = true) List<Series> series,
        @Schema(description = "Models whose bars are hatched") List<String> highlight,
        Double yMin, Double yMax,
        @Schema(defaultValue = "800", minimum = "200", maximum = "4000") Integer width,
        @Schema(defaultValue = "500", minimum = "150", maximum = "4000") Integer height,
        @Schema(enumeration = {"light", "dark"}, defaultValue = "light") String theme,
        @Schema(description = "Value labels on the bars", defaultValue = "true") Boolean labels,
        @Schema(description = "Whiskers of ±1.96 standard errors where a series gives one", defaultValue = "false")
        Boolean errorBars) {

    /**
     * One model and its score per benchmark; a benchmark without a score gets no bar. {@code stderr} holds the
     * standard errors, by benchmark, of the scores that have one.
     */
    public record Series(@Schema(required = true) String model,
                         @Schema(description = "benchmark name to score") Map<String, Double> scores,
                         @Schema(description = "benchmark name to the score's standard error (finite, >= 0)")
                         Map<String, Double> stderr) {
    }
}
