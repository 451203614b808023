package org.unionstats.dashboards.assets;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Fixed UUIDs: derived from each asset's kind and key, so they never change and need no registry. */
public final class Ids {

    private Ids() {}

    public static String uuid(String kind, String key) {
        return UUID.nameUUIDFromBytes(("unionstats:superset:" + kind + ":" + key).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
