package org.unionstats.ingest.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inbox is listed without following links, and only regular files are ever opened. */
class InboxFilesTest {

    @TempDir
    Path tmp;

    @Test
    void linksAreListedAsLinksAndNeverFollowed() throws IOException {
        Path inbox = Files.createDirectories(tmp.resolve("inbox"));
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret.key"), "KEY");
        Files.createDirectories(outside.resolve("folder"));
        Files.writeString(outside.resolve("folder/member_events.csv"), "CANARY");
        Path period = Files.createDirectories(inbox.resolve("130306/2024Q3"));
        Files.writeString(period.resolve("member_events.csv"), "a\n1\n");
        Files.createSymbolicLink(period.resolve("org_units.csv"), outside.resolve("secret.key"));
        Files.createSymbolicLink(period.resolve("competitions.csv"), outside.resolve("missing.csv"));
        Files.createSymbolicLink(inbox.resolve("130306/2024Q4"), outside.resolve("folder"));
        Files.createSymbolicLink(inbox.resolve("130306/loop"), inbox);
        Files.createSymbolicLink(period.resolve(".hidden.csv"), outside.resolve("secret.key"));
        Files.writeString(inbox.resolve("_generated.json"), "{}");
        Files.createDirectories(inbox.resolve("130306/a/b/c/d/e/f"));
        Files.writeString(inbox.resolve("130306/a/b/c/d/e/f/member_events.csv"), "deep");

        Map<String, InboxEntry.Kind> kinds = InboxFiles.list(inbox.toString()).stream()
                .collect(Collectors.toMap(InboxEntry::relative, InboxEntry::kind));

        assertThat(kinds).containsOnly(
                Map.entry("130306/2024Q3/member_events.csv", InboxEntry.Kind.REGULAR),
                Map.entry("130306/2024Q3/org_units.csv", InboxEntry.Kind.SYMLINK),
                Map.entry("130306/2024Q3/competitions.csv", InboxEntry.Kind.SYMLINK),
                Map.entry("130306/2024Q4", InboxEntry.Kind.SYMLINK),
                Map.entry("130306/loop", InboxEntry.Kind.SYMLINK),
                Map.entry("130306/a/b/c/d/e", InboxEntry.Kind.TOO_DEEP));
        assertThatThrownBy(() -> InboxFiles.open(period.resolve("org_units.csv").toString())).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> InboxFiles.readBounded(period.resolve("member_events.csv").toString(), 2))
                .isInstanceOf(InboxFiles.FileGrewException.class);
        assertThat(InboxFiles.readBounded(period.resolve("member_events.csv").toString(), 100)).hasSize(4);
    }

    @Test
    void aMissingInboxIsEmpty() {
        assertThat(InboxFiles.list(tmp.resolve("nothing").toString())).isEmpty();
    }

    @Test
    void theInboxItselfMayBeALink() throws IOException {
        Path real = Files.createDirectories(tmp.resolve("real/130306/2024Q3"));
        Files.writeString(real.resolve("member_events.csv"), "a\n");
        Path link = Files.createSymbolicLink(tmp.resolve("inbox"), tmp.resolve("real"));
        assertThat(InboxFiles.list(link.toString())).extracting(InboxEntry::relative).containsExactly("130306/2024Q3/member_events.csv");
    }
}
