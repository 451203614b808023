package org.unionstats.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionstats.environment.Environment;
import org.unionstats.errors.ExitCode;
import org.unionstats.errors.UnionStatsException;

/** A key is made only for the embedded default; anywhere else a missing key is an error, never a new key. */
class PseudonymKeysTest {

    @TempDir
    Path root;

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void theEmbeddedDefaultMakesItsKeyOnceOwnerOnly() throws Exception {
        Environment embedded = new Environment(root, root.resolve(".local"), Map.of());
        byte[] first = PseudonymKeys.load(embedded, null);
        Path file = root.resolve(".local/pseudonym.key");
        assertThat(first).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PseudonymKeys.load(embedded, null)).as("kept").isEqualTo(first);
        try (var files = Files.list(root.resolve(".local"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("pseudonym.key");
        }
        Environment namedDefault = new Environment(root, root.resolve(".local"), Map.of("UNIONSTATS_HOME", root.resolve(".local").toString()));
        assertThat(PseudonymKeys.load(namedDefault, null)).as("UNIONSTATS_HOME naming the checkout's own folder").isEqualTo(first);
    }

    @Test
    void aStateFolderElsewhereWithoutAKeyIsAnError() {
        Path elsewhere = root.resolve("srv/state");
        Environment production = new Environment(root, elsewhere, Map.of("UNIONSTATS_HOME", elsewhere.toString()));
        assertThatThrownBy(() -> PseudonymKeys.load(production, null))
                .isInstanceOfSatisfying(UnionStatsException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.FAILURE))
                .hasMessageContaining(elsewhere.resolve("pseudonym.key").toString()).hasMessageContaining("UNIONSTATS_PSEUDONYM_KEY")
                .hasMessageContaining("new pseudonyms");
        assertThat(elsewhere.resolve("pseudonym.key")).doesNotExist();

        Environment withKey = new Environment(root, elsewhere, Map.of("UNIONSTATS_HOME", elsewhere.toString(), PseudonymKeys.ENV, KEY));
        assertThat(PseudonymKeys.load(withKey, null)).as("the environment's key").hasSize(32);
    }

    @Test
    void aNamedKeyFileMustExist() throws Exception {
        Environment embedded = new Environment(root, root.resolve(".local"), Map.of());
        Path named = root.resolve("keys/pseudonym.key");
        assertThatThrownBy(() -> PseudonymKeys.load(embedded, named))
                .isInstanceOfSatisfying(UnionStatsException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.FAILURE))
                .hasMessageContaining("--pseudonym-key-file").hasMessageContaining(named.toString());
        assertThat(named).doesNotExist();
        Files.createDirectories(named.getParent());
        Files.writeString(named, KEY + "\n");
        assertThat(PseudonymKeys.load(embedded, named)).isEqualTo(new byte[32]);
    }

    @Test
    void aKeyThatIsNotBase64OrTooShortIsABadArgument() {
        Environment shortKey = new Environment(root, root.resolve(".local"), Map.of(PseudonymKeys.ENV, Base64.getEncoder().encodeToString(new byte[8])));
        assertThatThrownBy(() -> PseudonymKeys.load(shortKey, null))
                .isInstanceOfSatisfying(UnionStatsException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_ARGUMENTS))
                .hasMessageContaining("at least 16");
        Environment garbage = new Environment(root, root.resolve(".local"), Map.of(PseudonymKeys.ENV, "not base64!"));
        assertThatThrownBy(() -> PseudonymKeys.load(garbage, null)).hasMessageContaining("is not base64");
    }
}
