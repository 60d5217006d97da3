package com.nexustrade.auth.services;

import java.util.List;
import java.util.Optional;

/** What service authentication needs from the service table; {@code db.ServiceClientDao} implements it with SQL. */
public interface ServiceClientStore {

    Optional<String> findSecretHash(String serviceId);

    List<String> permissionsOf(String serviceId);
}
