package org.unionstats.letters.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionstats.errors.UnionStatsException;
import org.unionstats.regions.RegionDirectory;

class DeliveryConfigTest {

    private static final RegionDirectory REGIONS = RegionDirectory.loadDefault();

    @TempDir
    Path tmp;

    private DeliveryConfig load(String yaml) throws IOException {
        Path file = tmp.resolve("delivery.yaml");
        Files.writeString(file, yaml);
        return DeliveryConfig.load(file, REGIONS);
    }

    @Test
    void readsSmtpAndRecipients() throws IOException {
        DeliveryConfig config = load("""
                smtp:
                  host: smtp.qhd-zgh.example.cn
                  port: 465
                  tls: true
                  username: zhidao@qhd-zgh.example.cn
                  password_env: QHD_SMTP_PASSWORD
                  sender: zhidao@qhd-zgh.example.cn
                cities:
                  "130300":
                    counties:
                      "130302": [hg-zgh@example.cn, hg-bgs@example.cn]
                      "130303": [shg-zgh@example.cn]
                    cc: [qhd-zzb@example.cn]
                """);
        DeliveryConfig.Smtp smtp = config.smtp().orElseThrow();
        assertThat(smtp).isEqualTo(new DeliveryConfig.Smtp("smtp.qhd-zgh.example.cn", 465, true, "zhidao@qhd-zgh.example.cn",
                "QHD_SMTP_PASSWORD", "zhidao@qhd-zgh.example.cn"));
        assertThat(smtp.password(Map.of("QHD_SMTP_PASSWORD", "s3cret"))).contains("s3cret");
        DeliveryConfig.CityRecipients city = config.cities().get("130300");
        assertThat(city.to("130302")).containsExactly("hg-zgh@example.cn", "hg-bgs@example.cn");
        assertThat(city.to("130324")).isEmpty();
        assertThat(city.cc()).containsExactly("qhd-zzb@example.cn");
    }

    @Test
    void portDefaultsToSubmissionWithTlsAndToPlainSmtpWithout() throws IOException {
        assertThat(load("smtp: {host: mail.example.cn, sender: a@example.cn}").smtp().orElseThrow().port()).isEqualTo(587);
        DeliveryConfig.Smtp plain = load("smtp: {host: mail.example.cn, tls: false, sender: a@example.cn}").smtp().orElseThrow();
        assertThat(plain.port()).isEqualTo(25);
        assertThat(plain.tls()).isFalse();
        assertThat(plain.password(Map.of())).isEmpty();
    }

    @Test
    void withoutSmtpTheLettersOnlyGoToTheOutbox() throws IOException {
        DeliveryConfig config = load("cities: {\"130300\": {cc: [qhd-zzb@example.cn]}}");
        assertThat(config.smtp()).isEmpty();
        assertThat(config.cities().get("130300").counties()).isEmpty();
    }

    @Test
    void listsEveryProblemInOneMessage() {
        assertThatThrownBy(() -> load("""
                smtp:
                  port: 70000
                  username: zhidao@example.cn
                  sender: not-an-address
                cities:
                  "130302": {}
                  "130300":
                    counties:
                      "130102": [cz@example.cn]
                      "130303": ["shg zgh@example"]
                """))
                .isInstanceOf(UnionStatsException.class)
                .hasMessageContaining("smtp.host: missing")
                .hasMessageContaining("smtp.port: 70000 is not a port")
                .hasMessageContaining("give username and password_env together")
                .hasMessageContaining("smtp.sender: 'not-an-address' is not an e-mail address")
                .hasMessageContaining("cities.130302: not a city with county-level units")
                .hasMessageContaining("cities.130300.counties.130102: not a county-level unit of 秦皇岛市")
                .hasMessageContaining("cities.130300.counties.130303: 'shg zgh@example' is not an e-mail address");
    }

    @Test
    void refusesAPasswordInTheFile() {
        assertThatThrownBy(() -> load("smtp: {host: h.example.cn, sender: a@example.cn, username: a@example.cn, password: x}"))
                .isInstanceOf(UnionStatsException.class)
                .hasMessageContaining("unknown key 'password' at smtp.password")
                .hasMessageContaining("known: host, password_env, port, sender, tls, username")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(": x"));
    }

    @Test
    void aPasswordVariableNotSetIsSaidByName() throws IOException {
        DeliveryConfig.Smtp smtp = load("smtp: {host: h.example.cn, sender: a@example.cn, username: a@example.cn, password_env: QHD_PW}")
                .smtp().orElseThrow();
        assertThatThrownBy(() -> smtp.password(Map.of())).isInstanceOf(UnionStatsException.class)
                .hasMessageContaining("environment variable QHD_PW is not set");
    }

    @Test
    void aNameThatIsNoVariableIsRefused() {
        assertThatThrownBy(() -> load("smtp: {host: h.example.cn, sender: a@example.cn, username: a@example.cn, password_env: 'pa ss!'}"))
                .isInstanceOf(UnionStatsException.class).hasMessageContaining("is not an environment variable's name");
    }

    @Test
    void anEmptyFileIsSaidToBeEmpty() {
        assertThatThrownBy(() -> load("")).isInstanceOf(UnionStatsException.class).hasMessageContaining("is empty");
    }
}
