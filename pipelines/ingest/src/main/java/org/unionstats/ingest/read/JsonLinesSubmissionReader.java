package org.unionstats.ingest.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.unionstats.text.Charsets;

/** JSON Lines, one object per line, keys = the English column names. */
final class JsonLinesSubmissionReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonLinesSubmissionReader() {}

    static SubmissionTable read(byte[] bytes) throws UnreadableFileException {
        String[] lines = Charsets.decode(bytes).split("\r?\n", -1);
        List<String> headers = new ArrayList<>();
        List<Map<String, String>> objects = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            String error = null;
            try {
                JsonNode node = MAPPER.readTree(line);
                if (!node.isObject()) {
                    error = "not a JSON object";
                } else {
                    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> e = it.next();
                        if (!headers.contains(e.getKey())) {
                            headers.add(e.getKey());
                        }
                        JsonNode v = e.getValue();
                        values.put(e.getKey(), v.isNull() ? "" : v.isValueNode() ? v.asText() : v.toString());
                    }
                }
            } catch (JsonProcessingException e) {
                error = e.getOriginalMessage();
            }
            objects.add(values);
            lineNumbers.add(i + 1);
            errors.add(error == null ? null : (line.length() > 200 ? line.substring(0, 200) + "…" : line) + " — " + error);
        }
        if (objects.isEmpty()) {
            throw new UnreadableFileException("文件为空，没有任何记录", "the file is empty: it has no records", null);
        }
        List<SourceRow> rows = new ArrayList<>();
        for (int r = 0; r < objects.size(); r++) {
            Map<String, String> values = objects.get(r);
            List<String> cells = headers.stream().map(h -> values.getOrDefault(h, "")).toList();
            rows.add(new SourceRow(lineNumbers.get(r), cells, errors.get(r)));
        }
        return new SubmissionTable(headers, rows, "jsonl/" + Charsets.detect(bytes).name());
    }
}
