package org.unionstats.letters.delivery;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a delivery did: per city its outbox folder (or why it has none) and per county-level unit whether its letter was
 * mailed, and why not.
 */
public record DeliveryReport(String quarter, List<CityResult> cities) {

    public DeliveryReport {
        cities = List.copyOf(cities);
    }

    /** @param folder the outbox folder, null when writing failed; @param error why, null when it did not */
    public record CityResult(String cityCode, Path folder, int letters, List<Mail> mails, String error) {
        public CityResult {
            mails = List.copyOf(mails);
        }
    }

    /** @param reason why it was not sent, null when it was */
    public record Mail(String countyCode, String countyName, List<String> to, boolean sent, String reason) {
        public Mail {
            to = List.copyOf(to);
        }
    }

    public boolean complete() {
        return cities.stream().allMatch(c -> c.error() == null && c.mails().stream().allMatch(Mail::sent));
    }

    /** One line: 2 cities, 13 letters in the outbox, 11 mailed, 2 not (130324 卢龙县: no address). */
    public String summary() {
        int letters = cities.stream().mapToInt(CityResult::letters).sum();
        List<Mail> mails = cities.stream().flatMap(c -> c.mails().stream()).toList();
        List<String> problems = new ArrayList<>();
        cities.stream().filter(c -> c.error() != null).forEach(c -> problems.add(c.cityCode() + ": " + c.error()));
        mails.stream().filter(m -> !m.sent()).forEach(m -> problems.add(m.countyCode() + " " + m.countyName() + ": " + m.reason()));
        return String.format("%s: %d city(ies), %d letter(s) in the outbox, %d mailed%s", quarter, cities.size(), letters,
                mails.stream().filter(Mail::sent).count(), problems.isEmpty() ? "" : "; not delivered: " + String.join("; ", problems));
    }
}
