package com.nexustrade.repro.checks;

/** The user the checks log in as. The password never appears in reports. */
public record Credentials(String username, String password) {

    @Override
    public String toString() {
        return "Credentials[username=" + username + ", password=(hidden)]";
    }
}
