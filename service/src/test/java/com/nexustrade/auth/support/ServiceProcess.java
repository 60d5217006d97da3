package com.nexustrade.auth.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The packaged fat jar run as a real separate process, as operators run it: startable, killable with SIGKILL. */
public final class ServiceProcess {

    private final Process process;
    private final int port;
    private final Path log;

    private ServiceProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Runs {@code java -jar auth-service.jar <arguments>} with the given environment, waiting for it to exit. */
    public static int runCommand(Path workDir, Map<String, String> environment, String... arguments) throws Exception {
        ProcessBuilder builder = javaJar(workDir, environment, List.of(), List.of(arguments));
        builder.redirectOutput(workDir.resolve("command.log").toFile());
        builder.redirectErrorStream(true);
        Process process = builder.start();
        process.getOutputStream().close();
        return process.waitFor();
    }

    /**
     * Starts {@code server <config>} on the ports in the environment (AUTH_PORT) and waits until it answers.
     * {@code jvmOptions} such as {@code -Ddw.store.keepEndedSessions=0s} override settings of the config file.
     */
    public static ServiceProcess start(Path workDir, String config, Map<String, String> environment, String logName,
                                       String... jvmOptions) throws Exception {
        ProcessBuilder builder = javaJar(workDir, environment, List.of(jvmOptions), List.of("server", config));
        Path log = workDir.resolve(logName);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.redirectErrorStream(true);
        ServiceProcess service = new ServiceProcess(builder.start(), Integer.parseInt(environment.get("AUTH_PORT")), log);
        // Start-up takes 5 s on a quiet machine and took 50-60 s on a shared one with a load average of 44.
        service.awaitReady(Duration.ofMinutes(3));
        return service;
    }

    public int port() {
        return port;
    }

    /** SIGKILL: no shutdown hook, no flush, no graceful close of the pool. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest probe = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/.well-known/jwks.json"))
                .timeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("service exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // start-up still in progress
            }
            Thread.sleep(100); // readiness polling of a real process, not a test of time
        }
        process.destroyForcibly();
        throw new IllegalStateException("service did not answer within " + timeout + ":\n" + Files.readString(log));
    }

    private static ProcessBuilder javaJar(Path workDir, Map<String, String> environment, List<String> jvmOptions,
                                          List<String> arguments) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", System.getProperty("service.jar")));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().putAll(environment);
        return builder;
    }
}
