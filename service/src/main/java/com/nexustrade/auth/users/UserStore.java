package com.nexustrade.auth.users;

import java.util.List;
import java.util.Optional;

/** What login needs from the user table; {@code db.UserDao} implements it with SQL. */
public interface UserStore {

    Optional<UserCredentials> findByUsername(String username);

    List<String> rolesOf(String userId);
}
