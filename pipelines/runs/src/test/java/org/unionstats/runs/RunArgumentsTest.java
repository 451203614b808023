package org.unionstats.runs;
import org.unionstats.warehouse.runs.RunRecord;
import org.unionstats.warehouse.runs.RunStatus;


import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What ops.pipeline_runs and the lock file keep of a run's arguments: no secret, and no path to one. */
class RunArgumentsTest {

    @TempDir
    Path warehouse;

    @Test
    void optionsThatCarrySecretsOrPathsToThemAreHidden() {
        assertThat(RunArguments.redact(List.of("--inbox", "/srv/inbox", "--pseudonym-key-file", "/etc/unionstats/pseudonym.key",
                "--period", "2024Q3"))).containsExactly("--inbox", "/srv/inbox", "--pseudonym-key-file", "***", "--period", "2024Q3");
        assertThat(RunArguments.redact(List.of("--pseudonym-key-file=/etc/unionstats/pseudonym.key"))).containsExactly("--pseudonym-key-file=***");
        assertThat(RunArguments.redact(List.of("--awsCredentialsProvider={\"@type\":\"AWSStaticCredentialsProvider\",\"awsAccessKeyId\":\"AK\"}",
                "--db-password", "hunter2", "--clientSecret=abc", "--apiToken", "t0k", "--sasKey=xyz", "--runner=FlinkRunner")))
                .containsExactly("--awsCredentialsProvider=***", "--db-password", "***", "--clientSecret=***", "--apiToken", "***",
                        "--sasKey=***", "--runner=FlinkRunner");
        assertThat(RunArguments.redact(List.of("--wait", "--kpi-heap", "4g", "--stages", "ingest,kpi")))
                .as("nothing secret: as given").containsExactly("--wait", "--kpi-heap", "4g", "--stages", "ingest,kpi");
        assertThat(RunArguments.redact(List.of("--pseudonym-key-file", "--period", "2024Q3")))
                .as("a secret option without a value hides nothing else").containsExactly("--pseudonym-key-file", "--period", "2024Q3");
    }

    @Test
    void credentialsInsideUrlsAreHiddenAndTheRestKept() {
        assertThat(RunArguments.redact(List.of("--lineage-url", "https://marquez:s3cret@lineage.example:5000/api")))
                .containsExactly("--lineage-url", "https://***@lineage.example:5000/api");
        assertThat(RunArguments.redact(List.of("--lineage-url=http://lineage.example/api/v1/lineage?token=abc&namespace=u&api_key=k")))
                .containsExactly("--lineage-url=http://lineage.example/api/v1/lineage?token=***&namespace=u&api_key=***");
        assertThat(RunArguments.redact(List.of("--tempLocation=s3://AKIA:wJalr@bucket/tmp"))).containsExactly("--tempLocation=s3://***@bucket/tmp");
        assertThat(RunArguments.redact(List.of("--lineage-url", "http://localhost:5000"))).containsExactly("--lineage-url", "http://localhost:5000");
    }

    @Test
    void redactingTwiceChangesNothing() {
        String once = RunArguments.redact("--period 2024Q3 --pseudonym-key-file /k --lineage-url http://u:p@h/x?access_token=1");
        assertThat(once).isEqualTo("--period 2024Q3 --pseudonym-key-file *** --lineage-url http://***@h/x?access_token=***");
        assertThat(RunArguments.redact(once)).isEqualTo(once);
        assertThat(RunArguments.redact("")).isEmpty();
        assertThat(RunArguments.redact((String) null)).isNull();
    }

    @Test
    void theRunHistoryStoresThemRedacted() {
        Instant t = Instant.parse("2026-11-21T10:00:00Z");
        RunRecord run = new RunRecord("a", "run", "--inbox /in --pseudonym-key-file /etc/k --lineage-url https://u:pw@lineage/x", "2024Q3",
                null, t, t.plusSeconds(1), RunStatus.FAILED, 1, null, null, null, null, null, null, null, null, null, false,
                "cannot send to https://u:pw@lineage/x?token=abc: refused", "host", 1);
        RunHistory history = new RunHistory(warehouse);
        history.append(run);
        RunRecord stored = history.all().get(0);
        assertThat(stored.arguments()).isEqualTo("--inbox /in --pseudonym-key-file *** --lineage-url https://***@lineage/x")
                .doesNotContain("/etc/k").doesNotContain("pw");
        assertThat(stored.errorMessage()).as("the value runs to the next space").isEqualTo("cannot send to https://***@lineage/x?token=*** refused");
    }
}
