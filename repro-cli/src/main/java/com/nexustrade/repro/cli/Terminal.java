package com.nexustrade.repro.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether standard error is a terminal, which decides the live progress line: a person watches stderr whatever
 * happens to stdout (redirected to a file, piped to jq). System.console() answers for stdin and stdout together,
 * so on Linux the file behind descriptor 2 is asked directly; elsewhere the console's answer is the best there is.
 */
public final class Terminal {

    private Terminal() {
    }

    public static boolean isStandardError() {
        try {
            String device = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return device.startsWith("/dev/pts/") || device.startsWith("/dev/tty") || device.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException noProc) {
            return consoleIsTerminal();
        }
    }

    /** JDK 22+ returns a console even when nothing is a terminal, and says so with isTerminal(). */
    private static boolean consoleIsTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException beforeJdk22) {
            return true;
        }
    }
}
