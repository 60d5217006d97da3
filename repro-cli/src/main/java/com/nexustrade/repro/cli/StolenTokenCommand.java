package com.nexustrade.repro.cli;

import com.nexustrade.repro.checks.Check;
import com.nexustrade.repro.checks.StolenTokenCheck;
import picocli.CommandLine.Command;

import java.util.List;

@Command(name = "stolen-token",
        description = {
            "The grace window's cost, checked on a server that binds sessions to a device key (DPoP): twice, log in with "
                    + "a key made here, refresh once with it (T becomes T'), then present T at once, inside the grace window, "
                    + "as a thief: without a proof, then (a new session) with a proof from another key.",
            "Passes when each thief is refused with no token and the session is ended (the holder's T' is refused too). "
                    + "Fails when a thief gets a token, a session survives, or the target advertises DPoP but does not "
                    + "bind. Exits 2 when the target neither advertises DPoP nor binds."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:every thief was refused and every session ended",
            "1:a thief got a token, a session survived, or the target advertises DPoP and did not bind",
            "2:the tool could not run: bad arguments, target unreachable, login refused, or no DPoP at the target"})
public class StolenTokenCommand extends CheckCommand {

    @Override
    List<Check> checks(Session session) {
        return List.of(new StolenTokenCheck(session.client(), session.login(), session.redactor()));
    }
}
