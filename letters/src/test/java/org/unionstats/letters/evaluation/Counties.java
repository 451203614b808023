package org.unionstats.letters.evaluation;

import java.util.ArrayList;
import java.util.List;
import org.unionstats.letters.facts.Better;
import org.unionstats.letters.facts.CountyFacts;
import org.unionstats.letters.facts.Finding;
import org.unionstats.letters.facts.KpiFacts;
import org.unionstats.letters.facts.Reporting;
import org.unionstats.letters.facts.Target;

/** Small hand-made counties for the rules' tests. */
final class Counties {

    private Counties() {}

    /** A headline KPI; figures and ranks are set with the withers. */
    record Kpi(String id, String name, String unit, Better better, Double value, Double changeOnQuarter, Double changeOnYear, Integer rank,
            Integer ranked, boolean bottomQuarter, List<Target> targets) {

        static Kpi of(String id, String name, String unit, Better better, double value) {
            return new Kpi(id, name, unit, better, value, null, null, null, null, false, List.of());
        }

        Kpi changes(Double onQuarter, Double onYear) {
            return new Kpi(id, name, unit, better, value, onQuarter, onYear, rank, ranked, bottomQuarter, targets);
        }

        Kpi rankOf(int rank, int ranked) {
            return new Kpi(id, name, unit, better, value, changeOnQuarter, changeOnYear, rank, ranked, bottomQuarter, targets);
        }

        Kpi inBottomQuarter() {
            return new Kpi(id, name, unit, better, value, changeOnQuarter, changeOnYear, rank, ranked, true, targets);
        }

        Kpi target(Target target) {
            List<Target> more = new ArrayList<>(targets);
            more.add(target);
            return new Kpi(id, name, unit, better, value, changeOnQuarter, changeOnYear, rank, ranked, bottomQuarter, more);
        }

        KpiFacts facts() {
            return new KpiFacts(id, name, unit, better, true, value, changeOnQuarter, changeOnYear, rank, ranked, bottomQuarter, targets);
        }
    }

    static Kpi members(double value) {
        return Kpi.of("members_end", "期末会员数", "persons", Better.UP, value);
    }

    static Kpi growthRate(double value) {
        return Kpi.of("members_growth_rate", "会员增长率", "ratio", Better.UP, value);
    }

    static Kpi familiesOnFile(double value) {
        return Kpi.of("hardship_on_file_end", "期末在档困难职工户数", "households", Better.DOWN, value);
    }

    static Kpi entrantsPer100(double value) {
        return Kpi.of("competition_participation_per_100_members", "每百名会员参赛人数", "per_100_members", Better.UP, value);
    }

    static CountyContext district(List<Kpi> kpis) {
        return district(kpis, List.of(), List.of());
    }

    static CountyContext district(List<Kpi> kpis, List<Finding> findings, List<Reporting> reporting) {
        return in(new CountyFacts("130302", "海港区", false, kpis.stream().map(Kpi::facts).toList(), findings, reporting));
    }

    static CountyContext in(CountyFacts county) {
        return new CountyContext(county, "130300", "秦皇岛市", "2024Q3");
    }

    static List<Reporting> allOnTime() {
        return List.of(new Reporting("member_events", 1, 1, 1), new Reporting("hardship_cases", 1, 1, 1), new Reporting("indicator_reports", 1, 1, 1));
    }
}
