package org.stancekit.report;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How dates are grouped in the by-date summary and the chart. */
public enum Period {
    DAY, WEEK, MONTH, YEAR;

    private static final Pattern ISO_DATE =
            Pattern.compile("^\\s*(\\d{4})-(\\d{2})-(\\d{2})(?![0-9]).*", Pattern.DOTALL);

    /**
     * The key of the period holding {@code d}: {@code 2026-07-08}, {@code 2026-W28} (ISO week), {@code 2026-07},
     * {@code 2026}.
     */
    public String key(LocalDate d) {
        return switch (this) {
            case DAY -> d.toString();
            case WEEK -> String.format(Locale.ROOT, "%04d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR),
                    d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> String.format(Locale.ROOT, "%04d-%02d", d.getYear(), d.getMonthValue());
            case YEAR -> String.format(Locale.ROOT, "%04d", d.getYear());
        };
    }

    /** The first day of the period holding {@code d} (Monday for weeks). */
    public LocalDate start(LocalDate d) {
        return switch (this) {
            case DAY -> d;
            case WEEK -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> d.withDayOfMonth(1);
            case YEAR -> d.withDayOfYear(1);
        };
    }

    /** The lower-case name, as the command line takes it. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Day up to 62 days between the first and last date, week up to two years, month beyond. */
    public static Period auto(LocalDate first, LocalDate last) {
        if (first == null || last == null) return DAY;
        long days = last.toEpochDay() - first.toEpochDay();
        return days <= 62 ? DAY : days <= 731 ? WEEK : MONTH;
    }

    /**
     * The calendar date at the start of an article's {@code date} field ({@code 2026-07-08}, {@code 2026-07-08T09:30Z},
     * {@code 2026-07-08 09:30}), or null when it does not start with a valid ISO date.
     */
    public static LocalDate parseDate(String date) {
        if (date == null) return null;
        Matcher m = ISO_DATE.matcher(date);
        if (!m.matches()) return null;
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }
}
