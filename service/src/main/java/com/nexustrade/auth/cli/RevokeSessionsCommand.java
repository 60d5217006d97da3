package com.nexustrade.auth.cli;

import com.nexustrade.auth.core.Provisioning;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code java -jar auth-service.jar revoke-sessions --user NAME config.yml}: ends every session of the user (a
 * stolen device, a departure). Their refresh tokens answer {@code revoked} and introspection calls their access
 * tokens inactive at once; access tokens already handed out still verify offline until they expire.
 */
public final class RevokeSessionsCommand extends ProvisioningCommand {

    public RevokeSessionsCommand() {
        super("revoke-sessions", "End every session of a user");
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser); // keeps the config-file argument
        subparser.addArgument("--user").required(true).help("the username whose sessions end");
    }

    @Override
    protected void provision(Namespace namespace, Provisioning provisioning) {
        String username = namespace.getString("user");
        int ended = provisioning.revokeSessions(username);
        System.out.println("revoked " + ended + " session" + (ended == 1 ? "" : "s") + " of user " + username);
    }
}
