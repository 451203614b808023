package org.unionstats.samples;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.unionstats.period.Period;
import org.unionstats.regions.Region;

/**
 * Invents the basic-level unions of a county (乡镇街道, 村社区, 行业, 企业 unions), with codes
 * {@code <county>-<4 digits>}, and the few unions established or changed in each later period. The county gets a
 * realistic number of members ({@link Magnitudes#countyMembers}); its enterprise unions a log-normal size from a
 * handful to thousands, and the joint unions of townships, communities and industries the rest. The workforce of a
 * union follows from its members and a membership rate of 75 – 98 %.
 */
final class OrgUnitsGenerator {

    private final long seed;
    private final List<Period> periods;

    OrgUnitsGenerator(long seed, List<Period> periods) {
        this.seed = seed;
        this.periods = periods;
    }

    CountyOrgs generate(Region county, String cityName) {
        Rng rng = Rng.of(seed, "orgs", county.code());
        double weight = SizeWeights.weight(county, seed);
        Builder b = new Builder(county, cityName, rng);
        LocalDate initialUntil = min(LocalDate.of(2022, 12, 31), periods.get(0).start().minusDays(1));

        boolean zone = county.isFunctionalZone();
        int townships = zone ? rng.between(2, 4) : rng.between(4, 9) + (int) Math.round(weight * 2);
        List<OrgUnit> townshipUnits = new ArrayList<>();
        for (int i = 0; i < townships; i++) {
            townshipUnits.add(b.township(rng.date(LocalDate.of(1984, 1, 1), min(LocalDate.of(2012, 12, 31), initialUntil))));
        }
        int communities = rng.between(2, 5) + (int) Math.round(weight * 1.5);
        for (int i = 0; i < communities; i++) {
            b.community(rng.pick(townshipUnits), rng.date(LocalDate.of(2000, 1, 1), initialUntil), 0);
        }
        int industries = rng.between(1, 3);
        for (int i = 0; i < industries; i++) {
            b.industry(rng.date(LocalDate.of(2005, 1, 1), initialUntil), 0);
        }
        int institutions = rng.between(1, 3);
        for (int i = 0; i < institutions; i++) {
            b.institution(rng.date(LocalDate.of(1988, 1, 1), initialUntil));
        }
        int enterprises = rng.between(10, 20) + (int) Math.round(weight * 8);
        for (int i = 0; i < enterprises; i++) {
            b.enterprise(rng.chance(0.3) ? rng.pick(townshipUnits).code() : county.code(),
                    rng.date(LocalDate.of(1993, 1, 1), initialUntil), 0);
        }

        fitMembers(b, Magnitudes.countyMembers(county, weight, Rng.of(seed, "members-size", county.code())),
                Rng.of(seed, "members-size", county.code(), "unions"));

        List<List<OrgUnit>> declared = new ArrayList<>();
        declared.add(new ArrayList<>(b.units.values()));
        for (int p = 1; p < periods.size(); p++) {
            final int periodIndex = p;
            Period period = periods.get(p);
            List<OrgUnit> rows = new ArrayList<>();
            // Unions established in the period: mostly enterprises, now and then a union for new-form workers.
            int fresh = rng.poisson(0.6 + 0.25 * weight);
            for (int i = 0; i < fresh; i++) {
                LocalDate on = rng.workday(period.start(), period.end());
                double kind = rng.nextDouble();
                OrgUnit u = kind < 0.7 ? b.enterprise(rng.chance(0.3) ? rng.pick(townshipUnits).code() : county.code(), on, p)
                        : kind < 0.85 ? b.industry(on, p)
                        : b.community(rng.pick(townshipUnits), on, p);
                rows.add(u);
            }
            // Workforce updated after a recount: the union resends the row.
            int changed = rng.poisson(0.8);
            List<OrgUnit> known = b.units.values().stream().filter(u -> u.introducedIn() < periodIndex).toList();
            for (int i = 0; i < changed && !known.isEmpty(); i++) {
                OrgUnit old = rng.pick(known);
                if (rows.stream().anyMatch(r -> r.code().equals(old.code()))) {
                    continue;
                }
                OrgUnit updated = old.withWorkforce(Math.max(5, Math.round(old.workforce() * (0.85 + 0.35 * rng.nextDouble()))));
                b.units.put(updated.code(), updated);
                rows.add(updated);
            }
            declared.add(rows);
        }
        return new CountyOrgs(county, weight, new ArrayList<>(b.units.values()), declared,
                smallFirms(county, b.units.values().stream().filter(u -> u.introducedIn() == 0).toList()));
    }

    /**
     * Gives every initial union its members: enterprise unions keep their drawn size (scaled down only when they
     * would hold more than 70 % of the county), the joint unions share the rest in proportion to their drawn sizes.
     */
    private static void fitMembers(Builder b, long countyMembers, Rng rng) {
        Map<String, Double> raw = new LinkedHashMap<>();
        double own = 0;
        double joint = 0;
        for (OrgUnit u : b.units.values()) {
            double size = switch (u.level()) {
                case "township" -> rng.logNormal(Magnitudes.TOWNSHIP_MEMBERS_MEDIAN, 0.6);
                case "community" -> rng.logNormal(Magnitudes.COMMUNITY_MEMBERS_MEDIAN, 0.7);
                case "industry" -> rng.logNormal(Magnitudes.INDUSTRY_MEMBERS_MEDIAN, 0.8);
                default -> u.creditCode().startsWith("12")
                        ? rng.logNormal(Magnitudes.INSTITUTION_MEMBERS_MEDIAN, 0.6)
                        : Math.max(Magnitudes.ENTERPRISE_MEMBERS_MIN, Math.min(Magnitudes.ENTERPRISE_MEMBERS_MAX,
                                rng.logNormal(Magnitudes.ENTERPRISE_MEMBERS_MEDIAN, Magnitudes.ENTERPRISE_MEMBERS_SIGMA)));
            };
            raw.put(u.code(), size);
            if (u.isJoint()) {
                joint += size;
            } else {
                own += size;
            }
        }
        double ownScale = own > 0.7 * countyMembers ? 0.7 * countyMembers / own : 1.0;
        double jointScale = (countyMembers - own * ownScale) / joint;
        for (OrgUnit u : new ArrayList<>(b.units.values())) {
            double scale = u.isJoint() ? jointScale : ownScale;
            long members = Math.max(3, Math.round(raw.get(u.code()) * scale));
            double rate = Magnitudes.MEMBERSHIP_RATE_MIN
                    + (Magnitudes.MEMBERSHIP_RATE_MAX - Magnitudes.MEMBERSHIP_RATE_MIN) * rng.nextDouble();
            long workforce = Math.max(members, Math.round(members / rate));
            b.units.put(u.code(), u.withMembers(members, workforce));
        }
    }

    /** Small firms in the joint unions of townships (mostly) and industries, in proportion to the county's members. */
    private List<CountyOrgs.SmallFirm> smallFirms(Region county, List<OrgUnit> initial) {
        Rng rng = Rng.of(seed, "small-firms", county.code());
        List<OrgUnit> townships = initial.stream().filter(u -> u.level().equals("township")).toList();
        List<OrgUnit> industries = initial.stream().filter(u -> u.level().equals("industry")).toList();
        long members = initial.stream().mapToLong(OrgUnit::members).sum();
        int n = (int) Math.max(20, Math.min(1200, Math.round(Magnitudes.SMALL_FIRMS_PER_40K * members / 40_000.0)));
        List<CountyOrgs.SmallFirm> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            OrgUnit union = industries.isEmpty() || rng.chance(0.75) ? rng.pick(townships) : rng.pick(industries);
            out.add(new CountyOrgs.SmallFirm(union.code(), CreditCodes.generate(county.code(), rng)));
        }
        return out;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    /** Numbers, names and records the unions of one county. */
    private static final class Builder {
        final Region county;
        final String cityShort;
        final Rng rng;
        final Map<String, OrgUnit> units = new LinkedHashMap<>();
        final List<String> places;
        int nextNumber;
        int nextPlace;

        Builder(Region county, String cityName, Rng rng) {
            this.county = county;
            this.cityShort = Names.shortName(cityName);
            this.rng = rng;
            List<String> p = new ArrayList<>(Arrays.asList(Names.PLACES));
            rng.shuffle(p);
            this.places = p;
            this.nextNumber = rng.between(1, 12);
        }

        String nextCode() {
            String code = county.code() + "-" + String.format("%04d", nextNumber);
            nextNumber += rng.chance(0.8) ? 1 : rng.between(2, 6);
            return code;
        }

        String place() {
            String p = places.get(nextPlace % places.size());
            return nextPlace++ < places.size() ? p : p + (nextPlace / places.size() + 1);
        }

        OrgUnit add(String name, String level, String parent, LocalDate on, long workforce, int period, String credit) {
            OrgUnit u = new OrgUnit(nextCode(), name, level, parent, county.code(), on, workforce, 0, period, credit);
            units.put(u.code(), u);
            return u;
        }

        OrgUnit township(LocalDate on) {
            String suffix = county.isFunctionalZone() ? "园区" : rng.pick(Names.TOWNSHIP_SUFFIX);
            String name = county.name() + place() + suffix + (suffix.endsWith("镇") || suffix.equals("乡") ? "总工会" : "工会");
            return add(name, "township", county.code(), on, workforce(2500, 0.6, 300, 20000), 0, null);
        }

        OrgUnit community(OrgUnit township, LocalDate on, int period) {
            String name = place() + rng.pick(Names.COMMUNITY_SUFFIX) + (rng.chance(0.6) ? "工会联合会" : "工会");
            return add(name, "community", township.code(), on, workforce(150, 0.6, 20, 2000), period, null);
        }

        OrgUnit industry(LocalDate on, int period) {
            String trade = rng.pick(Names.INDUSTRIES);
            String name = county.name() + trade + (trade.endsWith("行业") || trade.endsWith("司机") ? "工会联合会" : "工会");
            return add(name, "industry", county.code(), on, workforce(1200, 0.7, 80, 20000), period, null);
        }

        OrgUnit institution(LocalDate on) {
            String name = county.name() + rng.pick(Names.INSTITUTIONS) + "工会";
            return add(name, "enterprise", county.code(), on, workforce(400, 0.5, 40, 5000), 0,
                    CreditCodes.generate("12", county.code(), rng));
        }

        OrgUnit enterprise(String parent, LocalDate on, int period) {
            String name = cityShort + rng.pick(Names.BRANDS) + rng.pick(Names.TRADES) + rng.pick(Names.COMPANY_FORMS)
                    + (rng.chance(0.5) ? "工会委员会" : "工会");
            return add(name, "enterprise", parent, on, workforce(180, 1.0, 8, 30000), period,
                    CreditCodes.generate(county.code(), rng));
        }

        long workforce(double median, double sigma, long min, long max) {
            return Math.max(min, Math.min(max, Math.round(rng.logNormal(median, sigma))));
        }
    }
}
