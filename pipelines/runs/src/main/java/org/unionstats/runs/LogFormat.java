package org.unionstats.runs;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import java.util.Iterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a run talks: {@code text} (human lines and a live progress line on a terminal) or {@code json}
 * (one JSON object per log line on stderr, with the stage and counts as key-value pairs, for
 * log collectors). {@code auto}: json when there is no terminal.
 */
public enum LogFormat {
    AUTO, TEXT, JSON;

    public static LogFormat parse(String text) {
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "auto" -> AUTO;
            case "text" -> TEXT;
            case "json" -> JSON;
            default -> throw new IllegalArgumentException("--log-format must be auto, text or json, not '" + text + "'");
        };
    }

    /** AUTO resolved: json when stdout/stderr is not a terminal. */
    public LogFormat resolve() {
        if (this != AUTO) {
            return this;
        }
        return System.console() == null ? JSON : TEXT;
    }

    /** Switches Logback's console output to JSON lines (idempotent); text needs nothing. */
    public void apply() {
        if (resolve() != JSON || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            if (it.next() instanceof ConsoleAppender<ILoggingEvent> console && !(console.getEncoder() instanceof JsonEncoder)) {
                JsonEncoder encoder = new JsonEncoder();
                encoder.setContext(context);
                encoder.setWithSequenceNumber(false);
                encoder.setWithNanoseconds(false);
                encoder.setWithContext(false);
                encoder.setWithArguments(false);
                encoder.setWithMDC(false);
                encoder.setWithMessage(false);
                encoder.setWithFormattedMessage(true);
                encoder.start();
                console.stop();
                console.setEncoder(encoder);
                console.start();
            }
        }
    }
}
