package com.nexustrade.repro;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs the tool in-process, as main would, capturing what it prints and its exit status. */
public record ReproRun(int exitCode, String out, String err) {

    public static ReproRun of(String... args) {
        return withEnvironment(Map.of(), args);
    }

    public static ReproRun withEnvironment(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Repro.commandLine(new Repro(environment::get));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new ReproRun(exitCode, out.toString(), err.toString());
    }
}
