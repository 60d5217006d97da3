package com.nexustrade.auth.users;

import com.nexustrade.auth.common.AuthException;

/** 401 on login. The same message for an unknown user and a wrong password, so neither is revealed. */
public class InvalidCredentialsException extends AuthException {
    public InvalidCredentialsException() {
        super(401, "invalid_credentials", "The username or password is incorrect.");
    }
}
