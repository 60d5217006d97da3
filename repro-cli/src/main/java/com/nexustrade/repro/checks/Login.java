package com.nexustrade.repro.checks;

import com.nexustrade.repro.CannotRunException;
import com.nexustrade.repro.http.AuthClient;
import com.nexustrade.repro.http.HttpAnswer;
import com.nexustrade.repro.report.Redactor;

/** Logs in as the test user. A refused login means the checks cannot run (exit 2), not that they failed. */
public final class Login {

    private final AuthClient client;
    private final Credentials credentials;
    private final Redactor redactor;

    public Login(AuthClient client, Credentials credentials, Redactor redactor) {
        this.client = client;
        this.credentials = credentials;
        this.redactor = redactor;
    }

    public String username() {
        return credentials.username();
    }

    public TokenPair as(Evidence evidence) {
        evidence.sent(client.api().describeLogin(credentials.username()));
        TokenPair pair = obtain();
        evidence.received("200 access_token " + redactor.token(pair.accessToken())
                + ", refresh_token " + redactor.token(pair.refreshToken()));
        return pair;
    }

    /** A new session, with no evidence: load commands open thousands. */
    public TokenPair obtain() {
        HttpAnswer answer = client.login(credentials);
        String where = "Login as " + credentials.username() + " at " + client.api().loginUri();
        if (!answer.answered()) {
            throw new CannotRunException(where + " got " + answer.outcome() + ".");
        }
        if (answer.status() != 200) {
            throw new CannotRunException(where + " was refused: " + answer.outcome() + " " + redactor.body(answer.body()) + ".");
        }
        TokenPair pair = new TokenPair(answer.field("access_token"), answer.field("refresh_token"));
        if (pair.accessToken() == null || pair.refreshToken() == null) {
            throw new CannotRunException(where + " answered 200 without an access_token and a refresh_token: "
                    + redactor.body(answer.body()) + ".");
        }
        return pair;
    }
}
