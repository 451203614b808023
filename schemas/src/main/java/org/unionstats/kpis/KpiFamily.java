package org.unionstats.kpis;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;
import java.util.List;

/** A file of the catalogue: one KPI family. */
public record KpiFamily(
        @JsonProperty(value = "family", required = true) String family,
        @JsonProperty(value = "name_zh", required = true) String nameZh,
        @JsonProperty(value = "name_en", required = true) String nameEn,
        @JsonProperty(value = "kpis", required = true) List<KpiDefinition> kpis)
        implements Serializable {}
