package org.unionstats.serving.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class InstallTest {

    /** The trino module (Maven runs tests in the module's folder). */
    private static final Path MODULE = Path.of("").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void artifactsAreNamedAsMavenCopiesThem() {
        assertThat(TrinoDistribution.HIVE_PLUGIN.fileName()).isEqualTo("trino-hive-476.zip");
        assertThat(TrinoDistribution.SERVER.fileName()).isEqualTo("trino-server-core-476.tar.gz");
        assertThat(new MavenArtifact("io.trino", "trino-cli", "476", "jar", "executable", "x").fileName())
                .isEqualTo("trino-cli-476-executable.jar");
        assertThat(TrinoDistribution.SERVER.coordinates()).isEqualTo("io.trino:trino-server-core:476:tar.gz");
    }

    @Test
    void aFileThatIsNotThePublishedArtifactIsRefused() throws Exception {
        Path fake = dir.resolve("trino-hive-476.zip");
        Files.writeString(fake, "not trino");
        assertThatThrownBy(() -> TrinoDistribution.verify(TrinoDistribution.HIVE_PLUGIN, fake)).hasMessageContaining("SHA-256");
    }

    @Test
    void aFileWithThePinnedChecksumIsAcceptedAndAMissingOneIsNot() throws Exception {
        Path file = dir.resolve("small-1.zip");
        Files.writeString(file, "a small fake artifact");
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest("a small fake artifact".getBytes(StandardCharsets.UTF_8)));
        MavenArtifact pinned = new MavenArtifact("org.example", "small", "1", "zip", null, sha256);
        assertThat(TrinoDistribution.sha256(file)).isEqualTo(sha256);
        TrinoDistribution.verify(pinned, file);
        assertThatThrownBy(() -> TrinoDistribution.verify(pinned, dir.resolve("absent.zip"))).hasMessageContaining("did not fetch");
        Files.writeString(file, "a small fake artifact, changed");
        assertThatThrownBy(() -> TrinoDistribution.verify(pinned, file)).hasMessageContaining("SHA-256").hasMessageContaining(sha256);
    }

    @Test
    void theServerIsFetchedByItsOwnMavenProjectIntoTheFolderGiven() {
        Path checkout = dir.resolve("checkout");
        TrinoDistribution distribution = new TrinoDistribution(dir.resolve("cache"), checkout, m -> {});
        assertThat(distribution.fetchCommand(dir.resolve("out"))).containsExactly("mvn", "-B", "-q", "-f",
                checkout.resolve("trino/server/pom.xml").toString(), "package", "-Doutput=" + dir.resolve("out"));
    }

    @Test
    void theServerProjectFetchesExactlyThePinnedArtifactsAndIsNoModuleOfTheBuild() throws Exception {
        Path pom = MODULE.getParent().resolve(TrinoDistribution.SERVER_POM);
        Document project = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        NodeList items = project.getElementsByTagName("artifactItem");
        List<String> fetched = new ArrayList<>();
        for (int i = 0; i < items.getLength(); i++) {
            Element item = (Element) items.item(i);
            fetched.add(text(item, "groupId") + ":" + text(item, "artifactId") + ":" + text(item, "version") + ":" + text(item, "type"));
        }
        assertThat(fetched).containsExactlyElementsOf(TrinoDistribution.ARTIFACTS.stream().map(MavenArtifact::coordinates).toList());
        assertThat(Files.readString(pom)).contains("<outputDirectory>${output}</outputDirectory>");
        assertThat(Files.readString(MODULE.getParent().resolve("pom.xml"))).as("mvn verify must not download the server")
                .doesNotContain("<module>trino/server</module>");
        assertThat(Files.readString(MODULE.resolve("pom.xml"))).doesNotContain("<module>");
    }

    private static String text(Element parent, String tag) {
        return parent.getElementsByTagName(tag).item(0).getTextContent().strip();
    }
}
