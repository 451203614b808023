package org.unionstats.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * 人会 is one edit away from both 入会 and 退会. The label table is a {@code Map.copyOf}, whose
 * iteration order is randomised per JVM, so which label is suggested (and the order of the
 * accepted labels in the message) depends on the run. Inside one JVM the order is fixed, so the
 * check has to look at several JVMs.
 */
class LabelSuggestionStabilityTest {

    /** Prints the Chinese message for 变动类型 = 人会. */
    public static final class Probe {
        public static void main(String[] args) {
            Violation v = ValidationFixture.single("130306/2024Q3/member_events.csv",
                    "会员编号", "M0001", "所属工会代码", "130306-0001", "变动类型", "人会", "变动日期", "2024-07-05");
            System.out.println(v.messageZh());
        }
    }

    private static String runProbe() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Only the probe's own output counts: libraries may warn on stderr (SLF4J without a provider).
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Probe.class.getName())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }

    @Test
    void probeReportsTheSuggestionInThisJvm() {
        // In one JVM the answer is at least consistent, and is one of the two nearest labels.
        Violation first = ValidationFixture.single("130306/2024Q3/member_events.csv",
                "会员编号", "M0001", "所属工会代码", "130306-0001", "变动类型", "人会", "变动日期", "2024-07-05");
        Violation second = ValidationFixture.single("130306/2024Q3/member_events.csv",
                "会员编号", "M0002", "所属工会代码", "130306-0001", "变动类型", "人会", "变动日期", "2024-07-06");
        assertThat(first.messageZh()).isEqualTo(second.messageZh());
        assertThat(first.messageZh()).containsAnyOf("是否应为「入会」", "是否应为「退会」");
    }

    @Test
    void suggestionForRenHuiIsRuHuiInEveryJvm() throws Exception {
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            messages.add(runProbe());
        }
        assertThat(messages).allSatisfy(m -> assertThat(m)
                .startsWith("变动类型「人会」不是可接受的取值（是否应为「入会」？），应为：入会、退会、转入、转出"));
    }
}
