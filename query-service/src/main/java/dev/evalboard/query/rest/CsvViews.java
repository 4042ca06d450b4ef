package dev.evalboard.query.rest;

import dev.evalboard.query.service.Leaderboard;
import dev.evalboard.query.service.ParetoSet;
import dev.evalboard.query.service.Progress;
import dev.evalboard.query.service.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The CSV forms of a leaderboard, the table, a Pareto set and a progress line: one line per entry, the JSON fields as columns. */
final class CsvViews {
    private CsvViews() {
    }

    static CsvTable leaderboard(Leaderboard board) {
        CsvTable csv = new CsvTable(List.of("rank", "ciRank", "model", "score", "stderr", "ciLow", "ciHigh", "samples",
                "costUsd", "parameters", "activeParameters", "openness", "organization", "evaluatedAt", "partial",
                "version"));
        for (Leaderboard.Entry e : board.entries()) {
            csv.row(Arrays.asList(e.rank(), e.ciRank(), e.model(), e.score(), e.stderr(), e.ciLow(), e.ciHigh(),
                    e.samples(), e.costUsd(), e.parameters(), e.activeParameters(), e.openness(), e.organization(),
                    e.evaluatedAt(), e.partial(), board.version()));
        }
        return csv;
    }

    /** One score column per benchmark, in the requested order; {@code missing} lists names separated by ';'. */
    static CsvTable table(Table table) {
        List<String> header = new ArrayList<>(List.of("rank", "ciRank", "model", "mean", "aggregate", "stderr",
                "ciLow", "ciHigh"));
        header.addAll(table.benchmarks());
        header.addAll(List.of("missing", "parameters", "activeParameters", "openness"));
        CsvTable csv = new CsvTable(header);
        for (Table.Row row : table.rows()) {
            List<Object> cells = new ArrayList<>(Arrays.asList(row.rank(), row.ciRank(), row.model(), row.mean(),
                    row.aggregate(), row.stderr(), row.ciLow(), row.ciHigh()));
            table.benchmarks().forEach(benchmark -> cells.add(row.scores().get(benchmark)));
            cells.addAll(Arrays.asList(row.missing(), row.parameters(), row.activeParameters(), row.openness()));
            csv.row(cells);
        }
        return csv;
    }

    /** Frontier points first (x ascending), then the dominated ones, told apart by the first column. */
    static CsvTable pareto(ParetoSet set) {
        CsvTable csv = new CsvTable(List.of("set", "model", set.x(), set.y(), "stderr", "openness", "parameters",
                "activeParameters", "organization"));
        set.frontier().forEach(p -> csv.row(point("frontier", p)));
        set.dominated().forEach(p -> csv.row(point("dominated", p)));
        set.requested().forEach(p -> csv.row(point("requested", p)));
        return csv;
    }

    /** The steps first, then the other runs (when asked for), told apart by the first column. */
    static CsvTable progress(Progress progress) {
        CsvTable csv = new CsvTable(List.of("kind", "model", "score", "evaluatedAt", "eventId"));
        progress.steps().forEach(r -> csv.row(Arrays.asList("step", r.model(), r.score(), r.evaluatedAt(),
                r.eventId())));
        progress.runs().forEach(r -> csv.row(Arrays.asList("run", r.model(), r.score(), r.evaluatedAt(),
                r.eventId())));
        return csv;
    }

    private static List<Object> point(String set, ParetoSet.Point p) {
        return Arrays.asList(set, p.model(), p.x(), p.y(), p.stderr(), p.openness(), p.parameters(), p.activeParameters(),
                p.organization());
    }
}
