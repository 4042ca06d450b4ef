package dev.evalboard.chart.render.scale;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * A linear time axis over epoch seconds (UTC) with calendar ticks: whole hours, days, months or years, the densest
 * spacing whose measured labels all fit side by side inside the label bounds.
 */
public final class TimeScale implements Scale {

    /** Tick spacing: {@code count} calendar {@code unit}s, labelled with {@code pattern}. */
    private record Spacing(ChronoUnit unit, long count, DateTimeFormatter format) {
    }

    private static final int MAX_TICKS = 12;
    private static final double LABEL_GAP = 10;
    private static final List<Spacing> SPACINGS = spacings();

    private final double min;
    private final double max;
    private final double pixelMin;
    private final double pixelMax;
    private final List<Tick> ticks;

    /**
     * @param labelMin leftmost pixel a tick label may reach
     * @param labelMax rightmost pixel a tick label may reach
     */
    public TimeScale(double dataMin, double dataMax, double pixelMin, double pixelMax, double labelMin,
                     double labelMax, ToDoubleFunction<String> labelWidth) {
        double pad = dataMax > dataMin ? (dataMax - dataMin) * 0.04 : 86_400;
        this.min = dataMin - pad;
        this.max = dataMax + pad;
        this.pixelMin = pixelMin;
        this.pixelMax = pixelMax;
        this.ticks = chooseTicks(labelMin, labelMax, labelWidth);
    }

    private List<Tick> chooseTicks(double labelMin, double labelMax, ToDoubleFunction<String> labelWidth) {
        for (Spacing spacing : SPACINGS) {
            List<Tick> candidate = ticksOf(spacing);
            if (candidate != null && !candidate.isEmpty() && fits(candidate, labelMin, labelMax, labelWidth)) {
                return candidate;
            }
        }
        return List.of(); // not even one label fits: an unlabelled axis rather than overlapping text
    }

    /** The ticks of one spacing inside the domain, or null when there would be more than {@link #MAX_TICKS}. */
    private List<Tick> ticksOf(Spacing spacing) {
        List<Tick> out = new ArrayList<>();
        LocalDateTime t = aligned(LocalDateTime.ofEpochSecond((long) Math.floor(min), 0, ZoneOffset.UTC), spacing);
        while (true) {
            double seconds = t.toEpochSecond(ZoneOffset.UTC);
            if (seconds > max) {
                return out;
            }
            if (seconds >= min) {
                if (out.size() == MAX_TICKS) {
                    return null;
                }
                out.add(new Tick(seconds, spacing.format().format(t)));
            }
            t = t.plus(spacing.count(), spacing.unit());
        }
    }

    private boolean fits(List<Tick> candidate, double labelMin, double labelMax, ToDoubleFunction<String> width) {
        double previousRight = labelMin;
        for (Tick tick : candidate) {
            double w = width.applyAsDouble(tick.label());
            double left = toPixel(tick.value()) - w / 2;
            if (left < previousRight || left + w > labelMax) {
                return false;
            }
            previousRight = left + w + LABEL_GAP;
        }
        return true;
    }

    /** The first tick at or before {@code t}: truncated to the unit and to a multiple of the count. */
    private static LocalDateTime aligned(LocalDateTime t, Spacing s) {
        return switch (s.unit()) {
            case HOURS -> t.truncatedTo(ChronoUnit.HOURS).withHour((int) (t.getHour() / s.count() * s.count()));
            case DAYS -> LocalDateTime.ofEpochSecond(
                    Math.floorDiv(t.toLocalDate().toEpochDay(), s.count()) * s.count() * 86_400, 0, ZoneOffset.UTC);
            case MONTHS -> t.toLocalDate().withDayOfMonth(1).atStartOfDay()
                    .withMonth((int) ((t.getMonthValue() - 1) / s.count() * s.count() + 1));
            default -> LocalDateTime.of((int) (Math.floorDiv(t.getYear(), s.count()) * s.count()), 1, 1, 0, 0);
        };
    }

    private static List<Spacing> spacings() {
        DateTimeFormatter hours = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");
        DateTimeFormatter days = DateTimeFormatter.ofPattern("uuuu-MM-dd");
        DateTimeFormatter months = DateTimeFormatter.ofPattern("uuuu-MM");
        DateTimeFormatter years = DateTimeFormatter.ofPattern("uuuu");
        List<Spacing> out = new ArrayList<>();
        for (long h : new long[] {1, 3, 6, 12}) {
            out.add(new Spacing(ChronoUnit.HOURS, h, hours));
        }
        for (long d : new long[] {1, 2, 7, 14}) {
            out.add(new Spacing(ChronoUnit.DAYS, d, days));
        }
        for (long m : new long[] {1, 3, 6}) {
            out.add(new Spacing(ChronoUnit.MONTHS, m, months));
        }
        // 1, 2, 5, 10, 20, 50 ... years: enough for any instant the store can hold.
        for (long y = 1; y <= 100_000_000L; y *= 10) {
            for (long k : new long[] {1, 2, 5}) {
                out.add(new Spacing(ChronoUnit.YEARS, y * k, years));
            }
        }
        return out;
    }

    @Override
    public double toPixel(double value) {
        return pixelMin + (value - min) / (max - min) * (pixelMax - pixelMin);
    }

    @Override
    public List<Tick> ticks() {
        return ticks;
    }

    @Override
    public double domainMin() {
        return min;
    }

    @Override
    public double domainMax() {
        return max;
    }
}
