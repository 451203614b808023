package org.unionstats.samples;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded random source with the few helpers the generators need. Every stream is derived from the run's seed
 * and a name (a county code, a submission group …), so what is drawn never depends on thread scheduling.
 */
final class Rng {

    private final SplittableRandom random;

    private Rng(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A stream for the run's seed and the given names, e.g. {@code of(seed, "members", "130302")}. */
    static Rng of(long seed, String... names) {
        return new Rng(derive(seed, names));
    }

    /** A 64-bit seed from the run's seed and names (FNV-1a over the names, then the SplitMix64 finaliser). */
    static long derive(long seed, String... names) {
        long h = 0xcbf29ce484222325L;
        for (String name : names) {
            for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
                h ^= b & 0xff;
                h *= 0x100000001b3L;
            }
            h ^= 0xff; // separator, so ("ab","c") differs from ("a","bc")
            h *= 0x100000001b3L;
        }
        return mix(h ^ mix(seed));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, bound). */
    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** Uniform in [from, to], both inclusive. */
    int between(int from, int to) {
        return from + random.nextInt(to - from + 1);
    }

    long betweenLong(long from, long to) {
        return from + random.nextLong(to - from + 1);
    }

    double nextDouble() {
        return random.nextDouble();
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    double gaussian() {
        return random.nextGaussian();
    }

    /** Log-normally spread around {@code median}. */
    double logNormal(double median, double sigma) {
        return median * Math.exp(sigma * random.nextGaussian());
    }

    /** A Poisson count with the given mean (Knuth for small means, normal approximation for large ones). */
    int poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 40) {
            return Math.max(0, (int) Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int n = 0;
        while (product > limit) {
            product *= random.nextDouble();
            n++;
        }
        return n;
    }

    /** Rounds a fractional expectation up or down at random so that the mean is kept. */
    int stochasticRound(double x) {
        int floor = (int) Math.floor(x);
        return floor + (chance(x - floor) ? 1 : 0);
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    <T> T pick(T[] items) {
        return items[random.nextInt(items.length)];
    }

    /** Index drawn with the given (not necessarily normalised) weights. */
    int weighted(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** A day in [from, to], both inclusive. */
    LocalDate date(LocalDate from, LocalDate to) {
        long days = to.toEpochDay() - from.toEpochDay();
        return LocalDate.ofEpochDay(from.toEpochDay() + (days <= 0 ? 0 : random.nextLong(days + 1)));
    }

    /** A working day in [from, to] most of the time (offices submit and record on weekdays). */
    LocalDate workday(LocalDate from, LocalDate to) {
        LocalDate d = date(from, to);
        for (int tries = 0; tries < 3 && d.getDayOfWeek().getValue() >= 6 && chance(0.85); tries++) {
            d = date(from, to);
        }
        return d;
    }

    /** Fisher–Yates shuffle in place. */
    <T> void shuffle(List<T> items) {
        for (int i = items.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T t = items.get(i);
            items.set(i, items.get(j));
            items.set(j, t);
        }
    }
}
