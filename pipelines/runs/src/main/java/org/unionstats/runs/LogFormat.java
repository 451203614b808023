package org.unionstats.runs;

import java.util.Locale;

/**
 * How a run talks: {@code text} (human lines and a live progress line on a terminal) or {@code json}
 * (one JSON object per log line on stderr, with the stage and counts as key-value pairs, for
 * log collectors). {@code auto}: json when there is no terminal. The CLI switches the logging
 * backend; a run only chooses what it reports.
 */
public enum LogFormat {
    AUTO, TEXT, JSON;

    public static LogFormat parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "auto" -> AUTO;
            case "text" -> TEXT;
            case "json" -> JSON;
            default -> throw new IllegalArgumentException("--log-format must be auto, text or json, not '" + text + "'");
        };
    }

    /** AUTO resolved: json unless a terminal is attached. */
    public LogFormat resolve(boolean terminal) {
        if (this != AUTO) {
            return this;
        }
        return terminal ? TEXT : JSON;
    }
}
