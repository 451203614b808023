package org.unionstats.contract;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.unionstats.kpis.KpiCatalogue;
import org.unionstats.kpis.KpiDefinition;
import org.unionstats.text.TextNormalizer;
import org.unionstats.values.Unit;

/**
 * The KPIs a target may name ({@code schemas/kpis}, those with {@code target:}), found by id, Chinese name or alias,
 * and the names of the others, so that a target for a KPI that takes none is told so rather than called unknown.
 * A KPI of the indicators family counts in its indicator's unit, with the words indicator reports accept for it.
 */
public final class TargetKpis implements Serializable {

    /** The Chinese word of each unit a targetable KPI outside the indicator catalogue counts in. */
    private static final Map<String, String> UNIT_ZH = Map.of(
            "persons", "人", "households", "户", TargetKpi.RATIO, "%", "per_100_members", "人/百名会员");

    private final List<TargetKpi> all;
    private final Map<String, TargetKpi> byName = new LinkedHashMap<>();
    private final Map<String, KpiDefinition> others = new LinkedHashMap<>();

    TargetKpis(KpiCatalogue catalogue, Indicators indicators) {
        this.all = catalogue.targetable().stream().map(k -> targetKpi(k, indicators)).toList();
        for (TargetKpi kpi : all) {
            for (String name : kpi.names()) {
                TargetKpi previous = byName.put(TextNormalizer.headerKey(name), kpi);
                if (previous != null && previous != kpi) {
                    throw new IllegalStateException("the KPI catalogue names both " + previous.id() + " and " + kpi.id() + " '" + name + "'");
                }
            }
        }
        for (KpiDefinition k : catalogue.all()) {
            if (!k.targetable()) {
                others.putIfAbsent(TextNormalizer.headerKey(k.id()), k);
                others.putIfAbsent(TextNormalizer.headerKey(k.nameZh()), k);
            }
        }
    }

    public static TargetKpis load() {
        return new TargetKpis(KpiCatalogue.load(), Indicators.load());
    }

    private static TargetKpi targetKpi(KpiDefinition k, Indicators indicators) {
        List<String> names = new java.util.ArrayList<>(List.of(k.id(), k.nameZh()));
        names.addAll(k.target().aliases());
        Optional<Indicator> indicator = k.measure() != null && k.measure().startsWith("indicator:")
                ? indicators.find(k.measure().substring("indicator:".length())) : Optional.empty();
        if (indicator.isPresent()) {
            return new TargetKpi(k.id(), k.nameZh(), k.unit(), indicator.get().unitZh(), k.target().kind(), k.better(), names,
                    indicator.get().measure());
        }
        String zh = UNIT_ZH.get(k.unit());
        if (zh == null) {
            throw new IllegalStateException("KPI " + k.id() + " may take a target but its unit " + k.unit() + " has no Chinese word");
        }
        List<String> words = TargetKpi.RATIO.equals(k.unit()) ? List.of("％", "percent") : List.of();
        return new TargetKpi(k.id(), k.nameZh(), k.unit(), zh, k.target().kind(), k.better(), names, Unit.of(k.unit(), zh, words));
    }

    public List<TargetKpi> all() {
        return all;
    }

    /** The targetable KPI of that id, Chinese name or alias. */
    public Optional<TargetKpi> find(String name) {
        return Optional.ofNullable(byName.get(TextNormalizer.headerKey(name)));
    }

    /** A KPI of the catalogue that takes no target, by id or Chinese name. */
    public Optional<KpiDefinition> untargetable(String name) {
        return Optional.ofNullable(others.get(TextNormalizer.headerKey(name)));
    }

    /** The Chinese names of the targetable KPIs, for messages: {@code 新入会会员数、期末会员数、…}. */
    public String namesZh() {
        return all.stream().map(TargetKpi::zhName).collect(Collectors.joining("、"));
    }
}
