package com.nexustrade.auth.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** Reads a password or secret from an environment variable or standard input: never from argv. */
final class SecretInput {

    private SecretInput() {
    }

    static String read(String envVariable, String prompt) throws IOException {
        if (envVariable != null) {
            String value = System.getenv(envVariable);
            if (value == null || value.isEmpty()) {
                throw new IllegalArgumentException("environment variable " + envVariable + " is not set");
            }
            return value;
        }
        Console console = System.console();
        if (console != null) {
            char[] typed = console.readPassword("%s: ", prompt);
            if (typed == null || typed.length == 0) {
                throw new IllegalArgumentException(prompt + " must not be empty");
            }
            return new String(typed);
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null || line.isEmpty()) {
            throw new IllegalArgumentException(prompt + " expected on standard input");
        }
        return line;
    }
}
