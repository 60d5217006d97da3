package com.nexustrade.repro;

import com.nexustrade.repro.cli.AllCommand;
import com.nexustrade.repro.cli.BenchCommand;
import com.nexustrade.repro.cli.ClaimsCommand;
import com.nexustrade.repro.cli.ConcurrentRefreshCommand;
import com.nexustrade.repro.cli.ReportOptions;
import com.nexustrade.repro.cli.ReproVersion;
import com.nexustrade.repro.cli.ServiceAuthCommand;
import com.nexustrade.repro.cli.StolenTokenCommand;
import com.nexustrade.repro.cli.StormCommand;
import com.nexustrade.repro.cli.TargetOptions;
import com.nexustrade.repro.cli.Terminal;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

import java.util.function.BooleanSupplier;
import java.util.function.Function;

/** Checks whether incident 04 reproduces on a deployment, with evidence; CI uses the exit status as a gate. */
@Command(name = "repro", mixinStandardHelpOptions = true, versionProvider = ReproVersion.class,
        description = {
            "Checks whether incident 04 (mobile app logouts at market open) reproduces on a deployment of the auth "
                    + "service: concurrent refreshes of one token, missing JWT claims, and the X-Internal-Service bypass; "
                    + "and, on a server with DPoP, that a stolen refresh token is worth nothing without the device key.",
            "Options may come before or after the command."},
        subcommands = {ConcurrentRefreshCommand.class, ClaimsCommand.class, ServiceAuthCommand.class, StolenTokenCommand.class,
            AllCommand.class,
            StormCommand.class, BenchCommand.class, AutoComplete.GenerateCompletion.class},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:every check passed: the incident does not reproduce",
            "1:at least one check failed: the incident reproduces (the report shows the evidence)",
            "2:the tool could not run: bad arguments, target unreachable, login refused"})
public class Repro implements Runnable {

    @Spec
    CommandSpec spec;

    @Mixin
    TargetOptions targetOptions;

    @Mixin
    ReportOptions reportOptions;

    private final Function<String, String> environment;
    private final BooleanSupplier standardErrorIsTerminal;

    public Repro() {
        this(System::getenv, Terminal::isStandardError);
    }

    /** Tests pass their own environment, for the variables that hold secrets. */
    public Repro(Function<String, String> environment) {
        this(environment, Terminal::isStandardError);
    }

    /** And whether standard error is a terminal, where the progress line of the load commands goes. */
    public Repro(Function<String, String> environment, BooleanSupplier standardErrorIsTerminal) {
        this.environment = environment;
        this.standardErrorIsTerminal = standardErrorIsTerminal;
    }

    public static void main(String[] args) {
        System.exit(commandLine(new Repro()).execute(args));
    }

    /** The command line with the exit status contract: usage errors and failures to run exit 2 with one sentence. */
    public static CommandLine commandLine(Repro repro) {
        return new CommandLine(repro)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(Repro::badArguments)
                .setExecutionExceptionHandler(Repro::couldNotRun);
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: choose concurrent-refresh, claims, service-auth, stolen-token, all, storm or bench");
    }

    public Function<String, String> environment() {
        return environment;
    }

    public boolean standardErrorIsTerminal() {
        return standardErrorIsTerminal.getAsBoolean();
    }

    public TargetOptions targetOptions() {
        return targetOptions;
    }

    public ReportOptions reportOptions() {
        return reportOptions;
    }

    private static int badArguments(ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        commandLine.getErr().println("repro: " + e.getMessage() + " (see '" + commandLine.getCommandSpec().qualifiedName()
                + " --help').");
        commandLine.getErr().flush();
        return ExitCode.CANNOT_RUN;
    }

    private static int couldNotRun(Exception e, CommandLine commandLine, ParseResult parseResult) {
        commandLine.getErr().println("repro: " + CannotRunException.sentenceOf(e));
        commandLine.getErr().flush();
        return ExitCode.CANNOT_RUN;
    }
}
