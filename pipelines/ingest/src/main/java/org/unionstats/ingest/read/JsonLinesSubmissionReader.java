package org.unionstats.ingest.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.unionstats.ingest.IngestLimits;
import org.unionstats.ingest.text.SafeText;
import org.unionstats.text.Charsets;
import org.unionstats.text.TextHazards;
import org.unionstats.validation.Violation;
import org.unionstats.warehouse.quarantine.QuarantineCode;

/**
 * JSON Lines, one object per line, keys = the English column names, read with Jackson's
 * streaming parser under read constraints (nesting depth, number length, duplicate keys).
 *
 * <p>Two passes over the bytes, neither holding more than one line: the first collects the keys
 * (the file's columns; more distinct keys than the column limit refuse the file, so a file that
 * adds a key per line cannot grow every row), the second sends each line as a row under those
 * columns. A line that cannot be read is a row problem ({@code BAD_JSON_LINE},
 * {@code TOO_MANY_KEYS}, {@code VALUE_TOO_LONG}, {@code BAD_NUMBER}); its keys are not columns.
 */
final class JsonLinesSubmissionReader {

    private static final int MAX_NESTING = 16;

    private JsonLinesSubmissionReader() {}

    static void read(byte[] bytes, IngestLimits limits, Deadline deadline, RowSink sink) {
        Charset charset = Charsets.detect(bytes);
        ObjectMapper mapper = mapper(limits);
        int maxLine = maxLineChars(limits);
        Set<String> keys = new LinkedHashSet<>();
        int lines = 0;
        try {
            LineReader reader = new LineReader(Charsets.reader(bytes, charset), maxLine);
            for (LineReader.Line line = reader.next(); line != null; line = reader.next()) {
                deadline.check();
                if (line.blank()) {
                    continue;
                }
                lines++;
                if (line.tooLong()) {
                    continue;
                }
                Parsed p = parse(mapper, line.text(), limits);
                if (p.problem() != null) {
                    continue;
                }
                for (String key : p.values().keySet()) {
                    if (keys.add(key) && keys.size() > limits.maxColumns()) {
                        throw SubmissionReader.tooManyColumns((limits.maxColumns() + 1) + "+", limits);
                    }
                }
            }
            if (lines == 0) {
                throw new UnreadableFileException("文件为空，没有任何记录", "the file is empty: it has no records", null);
            }
            List<String> headers = new ArrayList<>(keys);
            sink.header(headers, "jsonl/" + charset.name());

            reader = new LineReader(Charsets.reader(bytes, charset), maxLine);
            for (LineReader.Line line = reader.next(); line != null; line = reader.next()) {
                deadline.check();
                if (line.blank()) {
                    continue;
                }
                List<String> cells = new ArrayList<>(headers.size());
                if (line.tooLong()) {
                    headers.forEach(h -> cells.add(""));
                    sink.row(new SourceRow(line.number(), cells, 0, 0, Violation.of(QuarantineCode.VALUE_TOO_LONG, null, Map.of(
                            "column_zh", "该行", "column", "the line", "length", line.length(), "limit", maxLine))));
                    continue;
                }
                Parsed p = parse(mapper, line.text(), limits);
                for (String h : headers) {
                    cells.add(p.values().getOrDefault(h, ""));
                }
                sink.row(new SourceRow(line.number(), cells, 0, 0, p.problem()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading bytes in memory does not fail
        }
    }

    /** A line long enough for every column at the cell limit, with room for keys and quotes. */
    static int maxLineChars(IngestLimits limits) {
        return (int) Math.min(Integer.MAX_VALUE - 16, (long) limits.maxColumns() * (limits.maxCellChars() + 64L) + 1024);
    }

    private static ObjectMapper mapper(IngestLimits limits) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING)
                        .maxNumberLength(limits.maxNumberDigits())
                        .maxStringLength(maxLineChars(limits))
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        return new ObjectMapper(factory);
    }

    /** One line's values by key (at most the key limit of them), or why the line is not a row. */
    private record Parsed(Map<String, String> values, Violation problem) {}

    private static Parsed parse(ObjectMapper mapper, String line, IngestLimits limits) {
        Map<String, String> values = new LinkedHashMap<>();
        int count = 0;
        try (JsonParser p = mapper.createParser(line)) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT) {
                return new Parsed(Map.of(), badLine("不是 JSON 对象", "not a JSON object"));
            }
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                count++;
                JsonToken v = p.nextToken();
                if (count > limits.maxJsonKeysPerLine()) {
                    p.skipChildren();
                    continue;
                }
                String text;
                if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
                    text = p.readValueAsTree().toString();
                } else if (v == JsonToken.VALUE_NULL) {
                    text = "";
                } else {
                    text = p.getText();
                }
                values.put(key, text);
            }
            if (t != JsonToken.END_OBJECT) {
                return new Parsed(Map.of(), badLine("JSON 对象不完整", "the JSON object is incomplete"));
            }
            if (p.nextToken() != null) {
                return new Parsed(Map.of(), badLine("一行只能有一个 JSON 对象", "there is more than one JSON value on the line"));
            }
        } catch (StreamConstraintsException e) {
            if (String.valueOf(e.getOriginalMessage()).startsWith("Number")) {
                return new Parsed(Map.of(), Violation.detail(QuarantineCode.BAD_NUMBER, null,
                        "数字超过 " + limits.maxNumberDigits() + " 位，无法读取",
                        "a number has more than " + limits.maxNumberDigits() + " digits and cannot be read"));
            }
            return new Parsed(Map.of(), badLine(SafeText.echo(e.getOriginalMessage()), SafeText.echo(e.getOriginalMessage())));
        } catch (JsonProcessingException e) {
            String why = SafeText.echo(firstLine(e.getOriginalMessage()));
            return new Parsed(Map.of(), badLine(why, why));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (count > limits.maxJsonKeysPerLine()) {
            return new Parsed(Map.of(), Violation.of(QuarantineCode.TOO_MANY_KEYS, null,
                    Map.of("count", count, "limit", limits.maxJsonKeysPerLine())));
        }
        for (String key : values.keySet()) {
            if (TextHazards.hasAny(key)) {
                String shown = SafeText.echo(key);
                return new Parsed(Map.of(), TextHazards.isDamaged(key)
                        ? Violation.of(QuarantineCode.BAD_ENCODING, shown, Map.of())
                        : Violation.of(QuarantineCode.CONTROL_CHARACTER, shown,
                                Map.of("column_zh", "键「" + shown + "」", "column", "key '" + shown + "'")));
            }
            if (key.length() > limits.maxCellChars()) {
                return new Parsed(Map.of(), Violation.of(QuarantineCode.VALUE_TOO_LONG, null, Map.of(
                        "column_zh", "键名", "column", "a key", "length", key.length(), "limit", limits.maxCellChars())));
            }
        }
        return new Parsed(values, null);
    }

    private static Violation badLine(String zh, String en) {
        return new Violation(QuarantineCode.BAD_JSON_LINE, null,
                QuarantineCode.BAD_JSON_LINE.message(Map.of("error", zh)).zh(),
                QuarantineCode.BAD_JSON_LINE.message(Map.of("error", en)).en());
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
