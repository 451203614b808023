package org.unionstats.ingest;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * The ingest of {@link HostileInbox} in a JVM of its own, started by {@link HostileInboxTest}
 * with {@code -Xmx1g}: {@code <inbox> <warehouse> <result.json>}. Writes the summary, the heap
 * limit and the peak heap use; logs at INFO to stderr (the test scans them too).
 */
public final class HostileIngestMain {

    private HostileIngestMain() {}

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.unionstats")).setLevel(Level.INFO);
        IngestSummary summary = new IngestRunner(System.err::println).run(new IngestConfig(args[0], args[1],
                "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8), 1, List.of(), null, null, HostileInbox.LIMITS));
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("maxHeap", Runtime.getRuntime().maxMemory());
        result.put("peakHeap", peak);
        result.put("summary", summary);
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(new File(args[2]), result);
        System.exit(0);
    }
}
