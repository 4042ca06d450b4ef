package dev.evalboard.chart.render.chart;

/** Sentences the chart descriptions share: what the layout left out, and what whiskers mean. */
final class Descriptions {

    private Descriptions() {
    }

    /** Appends ", 3 point labels left out for lack of room" and the like; nothing when all is drawn. */
    static void layoutNotes(StringBuilder d, String labelNoun, LegendPlacement.Result<?> laid, boolean whiskers) {
        int left = laid.labelsLeftOut();
        if (left > 0) {
            d.append(", ").append(left).append(' ').append(labelNoun).append(left == 1 ? " left out" : "s left out")
                    .append(" for lack of room");
        }
        if (laid.legendLeftOut()) {
            d.append(", legend left out for lack of room");
        }
        if (whiskers) {
            d.append(", error bars showing ±1.96 standard errors");
        }
    }
}
