package com.nexustrade.auth.dist;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The release archive as an operator uses it: unpacked, started with bin/nexus-auth, stopped with SIGTERM. */
class ReleaseArchiveIT {

    private static final String VERSION = System.getProperty("release.version");

    @TempDir
    static Path unpacked;

    private static Path home;

    @BeforeAll
    static void unpack() throws Exception {
        Path archive = Path.of(System.getProperty("release.archive"));
        assertThat(archive).exists();
        Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", unpacked.toString())
                .inheritIO().start();
        assertThat(tar.waitFor()).isZero();
        home = unpacked.resolve("nexus-auth-" + VERSION);
    }

    @Test
    void holdsTheLaunchersConfigurationUnitDocsAndJars() throws IOException {
        for (String file : new String[] {"bin/nexus-auth", "bin/repro", "conf/config.yml", "conf/config-postgres.yml",
                "conf/jvm.options", "systemd/nexus-auth.service", "docs/operations.md", "docs/openapi.yaml",
                "docs/integrating.md", "lib/auth-service.jar", "lib/repro.jar", "README.md"}) {
            assertThat(home.resolve(file)).as(file).isRegularFile();
        }
        assertThat(Files.getPosixFilePermissions(home.resolve("bin/nexus-auth"))).contains(PosixFilePermission.OWNER_EXECUTE);
        assertThat(Files.getPosixFilePermissions(home.resolve("bin/repro"))).contains(PosixFilePermission.OWNER_EXECUTE);
        // the repository's own files, not copies that could drift
        assertThat(home.resolve("conf/config.yml")).hasSameTextualContentAs(Path.of("..", "config.yml"));
        assertThat(home.resolve("conf/config-postgres.yml")).hasSameTextualContentAs(Path.of("..", "config-postgres.yml"));
        String unit = Files.readString(home.resolve("systemd/nexus-auth.service"));
        assertThat(unit).contains("User=nexus-auth", "NoNewPrivileges=yes", "ProtectSystem=strict",
                "StateDirectory=nexus-auth", "ExecStart=/opt/nexus-auth/bin/nexus-auth ");
    }

    @Test
    void serviceAndReproPrintTheProjectVersionAndCommit(@TempDir Path workDir) throws Exception {
        assertThat(run(workDir, "bin/nexus-auth", "--version"))
                .containsPattern(VERSION.replace(".", "\\.") + " \\(commit [0-9a-f]{7,}\\)");
        assertThat(run(workDir, "bin/repro", "--version"))
                .containsPattern("repro " + VERSION.replace(".", "\\.") + " \\(commit [0-9a-f]{7,};");
    }

    @Test
    void startsWithNoArgumentsServesTheJwksAndStopsCleanlyOnSigterm(@TempDir Path workDir) throws Exception {
        int port = freePort();
        int adminPort = freePort();
        Path log = workDir.resolve("service.log");
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/nexus-auth").toString())
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("AUTH_PORT", Integer.toString(port));
        builder.environment().put("AUTH_ADMIN_PORT", Integer.toString(adminPort));
        builder.environment().put("JAVA_HOME", Path.of(System.getProperty("java.home")).toString());
        Process service = builder.start();
        try {
            assertThat(awaitStatus(service, log, URI.create("http://127.0.0.1:" + port + "/.well-known/jwks.json")))
                    .isEqualTo(200);
            // exec in bin/nexus-auth: the launched process is the JVM itself, with the heap limit of conf/jvm.options
            assertThat(service.info().command().orElse("")).endsWith("java");
            assertThat(service.info().arguments().map(java.util.List::of).orElse(java.util.List.of()))
                    .contains("@" + home.resolve("conf/jvm.options"), "server", home.resolve("conf/config.yml").toString());
        } finally {
            service.destroy(); // SIGTERM
            assertThat(service.waitFor(60, TimeUnit.SECONDS)).as("stopped within 60 s of SIGTERM").isTrue();
        }
        String output = Files.readString(log);
        assertThat(service.exitValue()).as(output).isIn(0, 143);
        assertThat(output).as("a normal stop logs no stack trace").doesNotContain("Exception", "\tat ");
        assertThat(output).as("no false start-up warning").doesNotContain("Versions of logback-access");
        assertThat(workDir.resolve("data/keys/signing-key.pem")).as("data under the working directory").exists();
    }

    private static String run(Path workDir, String launcher, String... arguments) throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(home.resolve(launcher).toString()));
        command.addAll(java.util.List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", Path.of(System.getProperty("java.home")).toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(output).isZero();
        return output;
    }

    private static int awaitStatus(Process service, Path log, URI uri) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (!service.isAlive()) {
                throw new AssertionError("service exited with " + service.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException notYetListening) {
                Thread.sleep(200); // polling a starting process, not a test of time
            }
        }
        throw new AssertionError("no answer within 90 s:\n" + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
