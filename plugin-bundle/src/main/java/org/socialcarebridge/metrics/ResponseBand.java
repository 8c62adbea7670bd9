package org.socialcarebridge.metrics;

import java.time.Duration;
import java.util.Comparator;

/** Wall-clock first response times in the bands supervisors chart: the values of Social First Response Band. */
public enum ResponseBand {
    UNDER_15M("under 15m", Duration.ofMinutes(15)),
    UP_TO_1H("15m to 1h", Duration.ofHours(1)),
    UP_TO_4H("1h to 4h", Duration.ofHours(4)),
    UP_TO_24H("4h to 24h", Duration.ofHours(24)),
    OVER_24H("over 24h", null);

    private final String label;
    /** The first time not in this band any more; null: no limit. */
    private final Duration below;

    ResponseBand(String label, Duration below) {
        this.label = label;
        this.below = below;
    }

    public String label() {
        return label;
    }

    /** Labels in band order (shortest first), for reports keyed by label. */
    static final Comparator<String> LABEL_ORDER = Comparator.comparingInt(ResponseBand::ordinalOf);

    private static int ordinalOf(String label) {
        for (ResponseBand band : values()) {
            if (band.label.equals(label)) {
                return band.ordinal();
            }
        }
        return values().length;
    }

    /** The band of a response time; a time on a boundary (exactly 15 minutes) is in the band above. */
    public static ResponseBand of(Duration time) {
        for (ResponseBand band : values()) {
            if (band.below == null || time.compareTo(band.below) < 0) {
                return band;
            }
        }
        throw new AssertionError("the last band has no limit");
    }
}
