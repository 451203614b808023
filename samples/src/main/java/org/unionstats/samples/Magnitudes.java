package org.unionstats.samples;

import org.unionstats.regions.Region;

/**
 * The magnitudes the sample is calibrated on, in one place, each with its source: a figure of
 * {@code shared/reference/seed_facts.csv} (a seed page) or a line of {@code shared/reference/magnitudes.md}.
 * docs/sample-data.md ("Where the magnitudes come from") lists the same figures.
 */
final class Magnitudes {

    private Magnitudes() {}

    // ---- members ----

    /**
     * Members of an ordinary county (size weight 1). magnitudes.md: 3 亿 members over 2 975 county-level units,
     * ~100 k on average, large urban districts several times more, remote counties far fewer. The sample aims at a
     * median county-level unit of about 40 000 (many of them are districts of weight 1.8 – 3.2, so an ordinary
     * county is set lower); its national total, ≈ 1.7 亿, leaves out the members registered above the counties
     * (national industries, central enterprises, railways, …).
     */
    static final double COUNTY_MEMBERS_MEDIAN = 34_000;
    /** Bigger units have more members than their weight alone says (districts hold the enterprises). */
    static final double COUNTY_MEMBERS_WEIGHT_POWER = 1.15;
    static final double COUNTY_MEMBERS_SIGMA = 0.2;
    static final long COUNTY_MEMBERS_MIN = 10_000;
    static final long COUNTY_MEMBERS_MAX = 280_000;

    /**
     * Members of a basic-level union before they are fitted to the county: enterprise unions from a handful to
     * thousands (magnitudes.md: ~100 per basic-level union on average, enterprise unions from a handful to tens of
     * thousands); the 乡镇街道, 村社区 and 行业 unions take the members of the small firms without a union of their
     * own (联合工会), so they carry the rest of the county's members.
     */
    static final double ENTERPRISE_MEMBERS_MEDIAN = 120;
    static final double ENTERPRISE_MEMBERS_SIGMA = 1.2;
    static final long ENTERPRISE_MEMBERS_MIN = 4;
    static final long ENTERPRISE_MEMBERS_MAX = 12_000;
    static final double INSTITUTION_MEMBERS_MEDIAN = 350;
    static final double TOWNSHIP_MEMBERS_MEDIAN = 3_000;
    static final double COMMUNITY_MEMBERS_MEDIAN = 350;
    static final double INDUSTRY_MEMBERS_MEDIAN = 1_500;
    /** Members over employees of a unionised employer (入会率): 75 – 98 %. */
    static final double MEMBERSHIP_RATE_MIN = 0.75;
    static final double MEMBERSHIP_RATE_MAX = 0.98;

    /**
     * Quarterly net growth of a county's members by quarter of the year (share of the stock): slow in the first
     * quarter (job changes after the Spring Festival), highest in the fourth (year-end 集中入会 campaigns); on
     * average +0.25 % a quarter, about 1 % a year. magnitudes.md: quarterly growth of a county within a few
     * percent; 渭源县 (seed 004) 发展新会员1139人 in 2024 for a small county.
     */
    static final double[] QUARTERLY_GROWTH = {-0.0005, 0.0030, 0.0025, 0.0045};
    /** Spread of a county's own trend around the seasonal growth, and of a single quarter around that. */
    static final double GROWTH_COUNTY_SIGMA = 0.0012;
    static final double GROWTH_QUARTER_SIGMA = 0.0008;
    static final double GROWTH_MIN = -0.004;
    static final double GROWTH_MAX = 0.012;
    /** At least this share of a county's own member events are leaves, whatever the growth (members do leave). */
    static final double MIN_LEAVE_SHARE = 0.15;

    // ---- hardship register ----

    /**
     * Families on file in an ordinary county. 榆林 (seed 003): 建立困难职工档案4360户 in a city of about 12
     * county-level units, ≈ 360 per county.
     */
    static final double HARDSHIP_ON_FILE_MEDIAN = 330;
    static final long HARDSHIP_ON_FILE_MIN = 160;
    static final long HARDSHIP_ON_FILE_MAX = 650;
    /**
     * Chance per quarter that a case on file is lifted out, 8 %: about 28 % of the register a year. 榆林 (seed 003):
     * 解困脱困1180户 against 4360 on file, 27 % (magnitudes.md: lift-out rate per year of the order of 27 %); with
     * the newly filed in the denominator (lifted out / (on file at the start + newly filed)) the yearly rate comes
     * out at 20 – 30 %, 24 % in the median county.
     */
    static final double HARDSHIP_LIFT_OUT_PER_QUARTER = 0.08;
    static final double HARDSHIP_CLOSE_PER_QUARTER = 0.01;
    /** New filings per quarter as a share of the register: about as many as leave it, so the register is steady. */
    static final double HARDSHIP_FILED_PER_QUARTER = 0.085;
    /** Share of the counties that send an on-file balance instead of a snapshot of their whole register. */
    static final double HARDSHIP_BALANCE_SHARE = 0.25;

    // ---- competitions ----

    /**
     * Entries per competition and per 40 000 members of a county, by kind. 吉林 (seed 001): 开展劳动竞赛的企业单位
     * 14855家, 参赛职工114万余人 in a year, i.e. ≈ 77 entrants per enterprise and, in a province of a few million
     * members, ≈ 20 entrants per 100 members a year; the sample aims at 10 – 20.
     */
    static final double LABOUR_ENTRIES_PER_40K = 20;
    static final double SKILLS_ENTRIES_PER_40K = 5;
    static final double INNOVATION_ENTRIES_PER_40K = 3;
    /** Entrants of a small firm's team in a labour competition (吉林: ≈ 77 per enterprise). */
    static final double SMALL_FIRM_ENTRANTS_MEDIAN = 75;
    /** Small firms without a union of their own, in the 联合工会 of the townships and industries, per 40 000 members. */
    static final double SMALL_FIRMS_PER_40K = 120;

    // ---- reporting ----

    /** Days after a period's end by which a submission is on time (the KPI job's default deadline). */
    static final int DEADLINE_DAYS = 15;
    /** Chance that a county sends a whole period's folder late, and that any one file is late on its own. */
    static final double LATE_FOLDER_SHARE = 0.03;
    static final double LATE_FILE_SHARE = 0.015;

    /** Members of a county-level unit at the start, before its unions are drawn. */
    static long countyMembers(Region county, double weight, Rng rng) {
        double m = COUNTY_MEMBERS_MEDIAN * Math.pow(weight, COUNTY_MEMBERS_WEIGHT_POWER) * remoteFactor(county)
                * rng.logNormal(1.0, COUNTY_MEMBERS_SIGMA);
        return Math.max(COUNTY_MEMBERS_MIN, Math.min(COUNTY_MEMBERS_MAX, Math.round(m)));
    }

    /**
     * Rural counties of the sparsely peopled west have far fewer members (magnitudes.md: remote counties far fewer):
     * 10 – 15 thousand in 西藏 and 青海, about half the median in 新疆, 甘肃, 宁夏 and 内蒙古.
     */
    static double remoteFactor(Region county) {
        String name = county.name();
        boolean rural = name.endsWith("县") || name.endsWith("旗");
        if (!rural) {
            return 1.0;
        }
        return switch (county.code().substring(0, 2)) {
            case "54", "63" -> 0.3;
            case "15", "62", "64", "65" -> 0.55;
            default -> 1.0;
        };
    }

    /** Hardship families on file in a county at the start. */
    static long hardshipOnFile(double weight, double density, Rng rng) {
        double v = HARDSHIP_ON_FILE_MEDIAN * Math.sqrt(weight) * rng.logNormal(1.0, 0.15);
        long calibrated = Math.max(HARDSHIP_ON_FILE_MIN, Math.min(HARDSHIP_ON_FILE_MAX, Math.round(v)));
        return Math.max(2, Math.round(calibrated * Math.min(1.0, density)));
    }
}
