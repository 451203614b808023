package org.unionstats.kpis;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.unionstats.schemas.SchemaResources;

/**
 * The KPI catalogue ({@code schemas/kpis/*.yaml}), checked on load: every KPI computed exactly
 * one way, every reference known, no cycles. {@link #inDependencyOrder()} is the order to
 * compute them in.
 */
public final class KpiCatalogue implements Serializable {

    public static final List<String> FAMILIES = List.of("membership", "hardship", "competitions", "indicators");

    private final List<KpiFamily> families;
    private final Map<String, KpiDefinition> byId = new LinkedHashMap<>();
    private final Map<String, String> familyOf = new LinkedHashMap<>();

    KpiCatalogue(List<KpiFamily> families) {
        this.families = List.copyOf(families);
        for (KpiFamily family : families) {
            for (KpiDefinition kpi : family.kpis()) {
                if (byId.put(kpi.id(), kpi) != null) {
                    throw new IllegalArgumentException("KPI " + kpi.id() + " is defined twice");
                }
                familyOf.put(kpi.id(), family.family());
                if (kpi.ways() != 1) {
                    throw new IllegalArgumentException("KPI " + kpi.id() + " must have exactly one of measure, ratio, expression, yoy_of");
                }
                kpi.additivityClass();
            }
        }
        for (KpiDefinition kpi : byId.values()) {
            for (String dep : kpi.dependencies()) {
                if (!byId.containsKey(dep)) {
                    throw new IllegalArgumentException("KPI " + kpi.id() + " refers to unknown KPI " + dep);
                }
            }
        }
        inDependencyOrder();
        byId.values().stream().filter(KpiDefinition::targetable).forEach(this::checkTarget);
    }

    /**
     * A target needs a direction (up or down) and a value that can be followed through the year: a flow summed over
     * the periods of the year so far, a stock taken at the quarter's end, or a ratio of those recomputed from its parts
     * (a flow over a stock, or a stock over a stock). A ceiling ({@code better: down}) is a level to stay under, so
     * only a stock may have one: a flow's share of the year says nothing about whether a ceiling will hold.
     */
    private void checkTarget(KpiDefinition kpi) {
        String where = "KPI " + kpi.id() + ": target";
        String kind = kpi.target().kind();
        if (!KpiDefinition.Target.FLOW.equals(kind) && !KpiDefinition.Target.STOCK.equals(kind)) {
            throw new IllegalArgumentException(where + " kind must be flow or stock, not " + kind);
        }
        if (!"up".equals(kpi.better()) && !"down".equals(kpi.better())) {
            throw new IllegalArgumentException(where + " needs better: up or down");
        }
        if ("down".equals(kpi.better()) && kpi.target().isFlow()) {
            throw new IllegalArgumentException(where + ": only a stock may have a ceiling (better: down)");
        }
        Additivity own = kpi.target().isFlow() ? Additivity.ADDITIVE_FLOW : Additivity.STOCK;
        Additivity additivity = kpi.additivityClass();
        if (additivity == Additivity.RATIO) {
            Additivity numerator = byId.get(kpi.ratio().numerator()).additivityClass();
            Additivity denominator = byId.get(kpi.ratio().denominator()).additivityClass();
            if (numerator != own || denominator != Additivity.STOCK) {
                throw new IllegalArgumentException(where + " " + kind + " needs a ratio of " + own.code()
                        + " over stock, not of " + numerator.code() + " over " + denominator.code());
            }
        } else if (additivity != own) {
            throw new IllegalArgumentException(where + " " + kind + " needs additivity " + own.code() + ", not " + additivity.code());
        }
    }

    /** The KPIs a union may be given a target for, in catalogue order. */
    public List<KpiDefinition> targetable() {
        return byId.values().stream().filter(KpiDefinition::targetable).toList();
    }

    public static KpiCatalogue load() {
        List<KpiFamily> families = new ArrayList<>();
        for (String name : FAMILIES) {
            families.add(SchemaResources.yaml("kpis/" + name + ".yaml", KpiFamily.class));
        }
        return new KpiCatalogue(families);
    }

    public List<KpiFamily> families() {
        return families;
    }

    public List<KpiDefinition> all() {
        return List.copyOf(byId.values());
    }

    /**
     * A digest of every definition, in catalogue order: it changes with any KPI added, removed or redefined (the KPI
     * job then rewrites every period, since published periods hold the old definitions).
     */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(all().toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    public Optional<KpiDefinition> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The KPI of that id; an unknown id is an error. */
    public KpiDefinition get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("no KPI '" + id + "' in the catalogue"));
    }

    /** The family of that id (a file of the catalogue); an unknown id is an error. */
    public KpiFamily family(String id) {
        return families.stream().filter(f -> f.family().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no KPI family '" + id + "' in the catalogue (schemas/kpis/" + id + ".yaml)"));
    }

    public String familyOf(String kpiId) {
        return familyOf.get(kpiId);
    }

    /**
     * The other families' KPIs a family's KPIs are computed from (competitions' participation per 100 members reads
     * membership's members_end), in id order.
     */
    public List<String> borrowedBy(String family) {
        return byId.values().stream().filter(k -> familyOf.get(k.id()).equals(family))
                .flatMap(k -> k.dependencies().stream()).filter(d -> !familyOf.get(d).equals(family)).distinct().sorted().toList();
    }

    /**
     * Whether a family can be recomputed without the others (a restatement only its records make): no other family's
     * KPI is computed from its KPIs, and every KPI it borrows from another family is a measure, whose published value
     * stands in for it where that family is not recomputed.
     */
    public boolean recomputableAlone(String family) {
        boolean lent = byId.values().stream().filter(k -> !familyOf.get(k.id()).equals(family))
                .anyMatch(k -> k.dependencies().stream().anyMatch(d -> familyOf.get(d).equals(family)));
        return !lent && borrowedBy(family).stream().allMatch(d -> byId.get(d).measure() != null);
    }

    /** Every KPI after the KPIs it depends on. */
    public List<KpiDefinition> inDependencyOrder() {
        List<KpiDefinition> ordered = new ArrayList<>();
        Set<String> done = new HashSet<>();
        Set<String> visiting = new HashSet<>();
        for (String id : byId.keySet()) {
            visit(id, done, visiting, ordered);
        }
        return ordered;
    }

    private void visit(String id, Set<String> done, Set<String> visiting, List<KpiDefinition> ordered) {
        if (done.contains(id)) {
            return;
        }
        if (!visiting.add(id)) {
            throw new IllegalArgumentException("the KPI catalogue has a cycle through " + id);
        }
        for (String dep : byId.get(id).dependencies()) {
            visit(dep, done, visiting, ordered);
        }
        visiting.remove(id);
        done.add(id);
        ordered.add(byId.get(id));
    }

    /**
     * The KPIs given by a breakdown, each as {@code <kpi_id>:<dimension>} ({@code hardship_newly_filed:cause}): a
     * breakdown row ({@code cause=illness}) carries these KPIs only. Others computed on it (a balance's correction has
     * no cause: always 0 there) are not published.
     */
    public List<String> brokenDown() {
        return byId.values().stream().filter(k -> k.breakdown() != null).map(k -> k.id() + ":" + k.breakdown()).toList();
    }

    /** How each base measure rolls up, from the additivity of the KPIs that use it. */
    public Map<String, Additivity> measureAggregation() {
        Map<String, Additivity> result = new LinkedHashMap<>();
        for (KpiDefinition kpi : byId.values()) {
            if (kpi.measure() != null) {
                Additivity a = kpi.additivityClass();
                Additivity previous = result.put(kpi.measure(), a == Additivity.STOCK ? Additivity.ADDITIVE_FLOW : a);
                if (previous != null && previous != result.get(kpi.measure())) {
                    throw new IllegalArgumentException("measure " + kpi.measure() + " is used with two additivities");
                }
            }
        }
        return result;
    }
}
