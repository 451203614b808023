package org.unionstats.letters.delivery;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.unionstats.errors.UnionStatsException;
import org.unionstats.regions.Region;
import org.unionstats.regions.RegionDirectory;
import org.unionstats.regions.RegionLevel;

/**
 * Where a quarter's letters are e-mailed (docs/letters.md, "Delivery"): the SMTP server, when there is one, and per
 * city the addresses of each county-level unit and the city's copies. The password is never in the file: the file
 * names the environment variable that holds it.
 *
 * @param smtp the mail server; absent: the letters are only written to the outbox
 * @param cities per city code, its recipients
 */
public record DeliveryConfig(Optional<Smtp> smtp, Map<String, CityRecipients> cities) {

    public DeliveryConfig {
        cities = Map.copyOf(cities);
    }

    /** No SMTP and no city: every city with KPIs gets its letters in the outbox, none is mailed. */
    public static DeliveryConfig outboxOnly() {
        return new DeliveryConfig(Optional.empty(), Map.of());
    }

    /**
     * @param host the SMTP server
     * @param port 587 with STARTTLS, 25 without
     * @param tls require STARTTLS before anything is sent
     * @param username the account, when the server asks for one
     * @param passwordEnv the environment variable holding the account's password
     * @param sender the From address: the city union's office
     */
    public record Smtp(String host, int port, boolean tls, String username, String passwordEnv, String sender) {

        /** The password, read from the environment variable the file names; never stored in this record. */
        public Optional<String> password(Map<String, String> environment) {
            if (username == null) {
                return Optional.empty();
            }
            String password = environment.get(passwordEnv);
            if (password == null || password.isEmpty()) {
                throw UnionStatsException.badArguments("smtp.password_env: the environment variable " + passwordEnv
                        + " is not set; it must hold the password of " + username + " / 未设置邮箱密码环境变量 " + passwordEnv);
            }
            return Optional.of(password);
        }
    }

    /**
     * @param counties per county code, the addresses its letter goes to
     * @param cc the city's own addresses, copied on every county's mail
     */
    public record CityRecipients(Map<String, List<String>> counties, List<String> cc) {

        public CityRecipients {
            counties = counties.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> List.copyOf(e.getValue())));
            cc = List.copyOf(cc);
        }

        public List<String> to(String countyCode) {
            return counties.getOrDefault(countyCode, List.of());
        }
    }

    /** Reads and checks a delivery file; every problem found is listed in one message. */
    public static DeliveryConfig load(Path file, RegionDirectory regions) {
        File raw;
        try {
            String text = Files.readString(file);
            if (text.isBlank()) {
                throw UnionStatsException.badArguments(file + " is empty / 投递配置文件为空");
            }
            raw = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(text, File.class);
        } catch (UnrecognizedPropertyException e) {
            throw UnionStatsException.badArguments(file + ": unknown key '" + e.getPropertyName() + "' at " + path(e) + " (known: "
                    + e.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", "))
                    + "; a password is never written in the file: password_env names its environment variable) / 投递配置文件中有未知的项");
        } catch (MismatchedInputException e) {
            throw UnionStatsException.badArguments(file + ": " + e.getOriginalMessage() + " at " + path(e) + " / 投递配置文件格式有误");
        } catch (IOException e) {
            throw UnionStatsException.badArguments("cannot read the delivery file " + file + ": " + e.getMessage() + " / 无法读取投递配置文件");
        }
        List<String> problems = new ArrayList<>();
        Optional<Smtp> smtp = Optional.ofNullable(raw.smtp).map(s -> s.check(problems));
        Map<String, CityRecipients> cities = new TreeMap<>();
        (raw.cities == null ? Map.<String, CityFile>of() : raw.cities).forEach((code, city) -> cities.put(code,
                checkCity(code, city == null ? new CityFile(null, null) : city, regions, problems)));
        if (!problems.isEmpty()) {
            throw UnionStatsException.badArguments(file + " is not a valid delivery file / 投递配置文件有误:\n  - " + String.join("\n  - ", problems));
        }
        return new DeliveryConfig(smtp, cities);
    }

    private static CityRecipients checkCity(String code, CityFile city, RegionDirectory regions, List<String> problems) {
        Optional<Region> region = regions.find(code);
        if (region.isEmpty() || regions.children(code).stream().noneMatch(r -> r.level() == RegionLevel.COUNTY)) {
            problems.add("cities." + code + ": not a city with county-level units in regions.csv");
        }
        Map<String, List<String>> counties = new LinkedHashMap<>();
        (city.counties == null ? Map.<String, List<String>>of() : city.counties).forEach((county, addresses) -> {
            String where = "cities." + code + ".counties." + county;
            boolean ofCity = regions.find(county).filter(r -> r.level() == RegionLevel.COUNTY && code.equals(r.parentCode())).isPresent();
            if (!ofCity) {
                problems.add(where + ": not a county-level unit of " + region.map(Region::name).orElse(code));
            }
            List<String> list = addresses == null ? List.of() : addresses;
            list.forEach(a -> checkAddress(where, a, problems));
            counties.put(county, list);
        });
        List<String> cc = city.cc == null ? List.of() : city.cc;
        cc.forEach(a -> checkAddress("cities." + code + ".cc", a, problems));
        return new CityRecipients(counties, cc);
    }

    private static void checkAddress(String where, String address, List<String> problems) {
        try {
            new InternetAddress(address, true).validate();
        } catch (AddressException | NullPointerException e) {
            problems.add(where + ": '" + address + "' is not an e-mail address");
        }
    }

    private static String path(MismatchedInputException e) {
        return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    /** The file as written, before checking. */
    private record File(SmtpFile smtp, Map<String, CityFile> cities) {}

    private record SmtpFile(String host, Integer port, Boolean tls, String username, @JsonProperty("password_env") String passwordEnv,
            String sender) {

        Smtp check(List<String> problems) {
            if (host == null || host.isBlank()) {
                problems.add("smtp.host: missing");
            }
            int p = port == null ? (Boolean.FALSE.equals(tls) ? 25 : 587) : port;
            if (p < 1 || p > 65535) {
                problems.add("smtp.port: " + p + " is not a port (1-65535)");
            }
            if ((username == null) != (passwordEnv == null)) {
                problems.add("smtp: give username and password_env together (the password itself stays in that environment variable)");
            }
            if (passwordEnv != null && !passwordEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                problems.add("smtp.password_env: '" + passwordEnv + "' is not an environment variable's name (give the name, never the password)");
            }
            if (sender == null) {
                problems.add("smtp.sender: missing (the city union's office address)");
            } else {
                checkAddress("smtp.sender", sender, problems);
            }
            return new Smtp(host, p, tls == null || tls, username, passwordEnv, sender);
        }
    }

    private record CityFile(Map<String, List<String>> counties, List<String> cc) {}
}
