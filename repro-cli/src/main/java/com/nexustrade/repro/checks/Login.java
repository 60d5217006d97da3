package com.nexustrade.repro.checks;

import com.nexustrade.repro.CannotRunException;
import com.nexustrade.repro.dpop.DeviceKey;
import com.nexustrade.repro.dpop.Possession;
import com.nexustrade.repro.http.AuthClient;
import com.nexustrade.repro.http.HttpAnswer;
import com.nexustrade.repro.report.Redactor;

/**
 * Logs in as the test user. A refused login means the checks cannot run (exit 2), not that they failed. With --dpop
 * every login is a new device: a key of its own, made here, which signs the login's proof and then the session's
 * refreshes ({@link TokenPair#holder()}).
 */
public final class Login {

    private final AuthClient client;
    private final Credentials credentials;
    private final Redactor redactor;
    private final boolean binds;

    public Login(AuthClient client, Credentials credentials, Redactor redactor) {
        this(client, credentials, redactor, false);
    }

    /** @param binds whether each new session gets a device key of its own (--dpop) */
    public Login(AuthClient client, Credentials credentials, Redactor redactor, boolean binds) {
        this.client = client;
        this.credentials = credentials;
        this.redactor = redactor;
        this.binds = binds;
    }

    /** Whether sessions are bound to a device key (--dpop). */
    public boolean binds() {
        return binds;
    }

    /** The same login, every session bound to a new device key, whatever --dpop says: stolen-token needs bound ones. */
    public Login withDeviceKeys() {
        return new Login(client, credentials, redactor, true);
    }

    /** What a new session holds: a device key of its own with --dpop (one per login), nothing without. */
    public Possession newDevice() {
        return binds ? DeviceKey.generate() : Possession.none();
    }

    public String username() {
        return credentials.username();
    }

    public TokenPair as(Evidence evidence) {
        return as(evidence, newDevice());
    }

    /** A login proving possession of this holder's key (when it has one), with its evidence. */
    public TokenPair as(Evidence evidence, Possession holder) {
        evidence.sent(client.api().describeLogin(credentials.username())
                + holder.thumbprint().map(jkt -> " with a DPoP proof of key " + jkt).orElse(""));
        TokenPair pair = obtain(holder);
        evidence.received("200 access_token " + redactor.token(pair.accessToken())
                + ", refresh_token " + redactor.token(pair.refreshToken())
                + (holder.thumbprint().isPresent() ? ", token_type " + pair.tokenType() : ""));
        return pair;
    }

    /** A new session, with no evidence: load commands open thousands. */
    public TokenPair obtain() {
        return obtain(newDevice());
    }

    private TokenPair obtain(Possession holder) {
        HttpAnswer answer = client.login(credentials, holder);
        String where = "Login as " + credentials.username() + " at " + client.api().loginUri();
        if (!answer.answered()) {
            throw new CannotRunException(where + " got " + answer.outcome() + ".");
        }
        if (answer.status() != 200) {
            throw new CannotRunException(where + " was refused: " + answer.outcome() + " " + redactor.body(answer.body()) + ".");
        }
        TokenPair pair = new TokenPair(answer.field("access_token"), answer.field("refresh_token"),
                answer.field("token_type"), holder);
        if (pair.accessToken() == null || pair.refreshToken() == null) {
            throw new CannotRunException(where + " answered 200 without an access_token and a refresh_token: "
                    + redactor.body(answer.body()) + ".");
        }
        return pair;
    }
}
