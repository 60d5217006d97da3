package com.nexustrade.auth.refresh;

import com.nexustrade.auth.common.ClientContext;
import org.jdbi.v3.core.Jdbi;

/** What the rule tests do to a session and read of it, written once. */
final class Sessions {

    private Sessions() {
    }

    /** Rotates {@code token} {@code times} times, each time with the successor it got; returns the last one. */
    static String rotateTimes(RefreshTokenRotation rotation, String token, int times) {
        String current = token;
        for (int i = 0; i < times; i++) {
            current = rotation.rotate(current, ClientContext.UNKNOWN).successor().token();
        }
        return current;
    }

    /** The token rows the session holds. */
    static int tokensOf(Jdbi jdbi, String familyId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM refresh_tokens WHERE family_id = :f")
                .bind("f", familyId).mapTo(Integer.class).one());
    }
}
