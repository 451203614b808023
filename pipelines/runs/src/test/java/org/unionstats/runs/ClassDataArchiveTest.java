package org.unionstats.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionstats.environment.JavaRuntimes;

class ClassDataArchiveTest {

    /** The tests' JVMs are this one. */
    private static final String THIS_JVM = JavaRuntimes.current().build();

    @TempDir
    Path target;

    private Path jar;

    @BeforeEach
    void build() throws Exception {
        jar = Files.writeString(target.resolve("unionstats-kpi.jar"), "job");
        Files.createDirectories(target.resolve("lib"));
        Files.writeString(target.resolve("lib/spark-sql.jar"), "spark");
        Files.writeString(target.resolve("lib/notes.txt"), "not a jar");
    }

    @Test
    void theFirstRunWritesTheArchiveAndTheNextMapsIt() throws Exception {
        ClassDataArchive.Use first = ClassDataArchive.forBuild(target, jar, THIS_JVM).use();
        assertThat(first.writes()).isTrue();
        Path part = first.written().orElseThrow();
        assertThat(part.getParent()).isEqualTo(target.resolve(ClassDataArchive.FOLDER));
        assertThat(first.options()).containsExactly("-XX:ArchiveClassesAtExit=" + part, "-Xlog:cds*=off");

        Files.writeString(part, "archive"); // what the JVM writes when it exits
        first.keep();
        Path archive = ClassDataArchive.forBuild(target, jar, THIS_JVM).file();
        assertThat(archive).hasContent("archive");
        assertThat(part).doesNotExist();

        ClassDataArchive.Use next = ClassDataArchive.forBuild(target, jar, THIS_JVM).use();
        assertThat(next.writes()).isFalse();
        assertThat(next.options()).containsExactly("-XX:SharedArchiveFile=" + archive, "-Xlog:cds*=off");
    }

    @Test
    void aRebuiltJobGetsAnArchiveOfItsOwnAndTheOldOneGoes() throws Exception {
        ClassDataArchive.Use first = ClassDataArchive.forBuild(target, jar, THIS_JVM).use();
        Files.writeString(first.written().orElseThrow(), "old");
        first.keep();
        Path old = ClassDataArchive.forBuild(target, jar, THIS_JVM).file();

        // A JVM maps an archive only with the jars it was written from: a library rebuilt makes it another archive.
        Path lib = target.resolve("lib/spark-sql.jar");
        Files.setLastModifiedTime(lib, FileTime.fromMillis(Files.getLastModifiedTime(lib).toMillis() + 60_000));
        ClassDataArchive rebuilt = ClassDataArchive.forBuild(target, jar, THIS_JVM);
        assertThat(rebuilt.file()).isNotEqualTo(old);
        ClassDataArchive.Use run = rebuilt.use();
        assertThat(run.writes()).isTrue();
        Files.writeString(run.written().orElseThrow(), "new");
        run.keep();

        assertThat(rebuilt.file()).hasContent("new");
        assertThat(old).doesNotExist();
    }

    @Test
    void anotherJvmBuildGetsAnotherArchive() throws Exception {
        List<Path> jars = List.of(jar, target.resolve("lib/spark-sql.jar"));
        assertThat(ClassDataArchive.of(target, jars, "Temurin 17.0.16+8").file())
                .isNotEqualTo(ClassDataArchive.of(target, jars, "Temurin 25.0.3+9"))
                .isEqualTo(ClassDataArchive.of(target, jars, "Temurin 17.0.16+8").file());
    }

    @Test
    void aFailedRunLeavesNoArchive() throws Exception {
        ClassDataArchive.Use run = ClassDataArchive.forBuild(target, jar, THIS_JVM).use();
        Files.writeString(run.written().orElseThrow(), "half");
        run.discard();
        try (Stream<Path> files = Files.list(target.resolve(ClassDataArchive.FOLDER))) {
            assertThat(files).isEmpty();
        }
        assertThat(ClassDataArchive.forBuild(target, jar, THIS_JVM).use().writes()).as("the next run writes it").isTrue();
    }

    @Test
    void aRunThatWroteNothingKeepsNothing() throws Exception {
        ClassDataArchive.Use run = ClassDataArchive.forBuild(target, jar, THIS_JVM).use();
        run.keep();
        assertThat(ClassDataArchive.forBuild(target, jar, THIS_JVM).file()).doesNotExist();
    }

    @Test
    void aJvmWritesTheArchiveAndTheNextOneMapsIt() throws Exception {
        // A job of one class, in a jar as the KPI job's are (a JVM archives classes from jars only).
        Path source = Files.writeString(target.resolve("Hello.java"), "public class Hello { public static void main(String[] a) { System.out.println(\"hello\"); } }");
        assertThat(javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", target.toString(), source.toString())).isZero();
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new java.util.jar.JarEntry("Hello.class"));
            out.write(Files.readAllBytes(target.resolve("Hello.class")));
        }
        Files.delete(target.resolve("Hello.class"));

        ClassDataArchive.Use first = ClassDataArchive.forBuild(target, jar, THIS_JVM).use();
        assertThat(java(first.options())).as("the JVM's messages about the archive stay off its output").isEqualTo("hello");
        first.keep();
        assertThat(ClassDataArchive.forBuild(target, jar, THIS_JVM).file()).isNotEmptyFile();

        // -Xshare:on: a JVM that cannot map the archive refuses to start.
        List<String> mapped = new java.util.ArrayList<>(ClassDataArchive.forBuild(target, jar, THIS_JVM).use().options());
        mapped.addAll(List.of("-Xshare:on", "-Xlog:class+load=info"));
        assertThat(java(mapped)).contains("Hello source: shared objects file (top)");
    }

    private String java(List<String> options) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        command.addAll(options);
        command.addAll(List.of("-cp", jar.toString(), "Hello"));
        Process jvm = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(jvm.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        assertThat(jvm.waitFor()).as(output).isZero();
        return output;
    }

    @Test
    void aJobGivenByClasspathRunsWithout() {
        KpiJobLauncher launcher = new KpiJobLauncher(target, Optional.of("/elsewhere/kpi.jar:/elsewhere/lib/*"), JavaRuntimes.current());
        assertThat(launcher.classDataArchive()).isEqualTo(ClassDataArchive.Use.NONE);
    }
}
