package com.nexustrade.auth.core;

import com.nexustrade.auth.services.InternalServiceHeaders;
import com.nexustrade.auth.services.InvalidClientException;
import com.nexustrade.auth.users.PasswordHasher;

import com.nexustrade.auth.db.ServiceClientDao;
import com.nexustrade.auth.db.UserDao;
import com.nexustrade.auth.users.UserCredentials;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Creates or updates users and services: the {@code bootstrap:} block at start-up and the {@code add-user} /
 * {@code add-service} commands. Idempotent: running it twice with the same input changes nothing, and a
 * password is re-hashed only when it changed (the hash is salted, so comparing hashes would not tell).
 */
public final class Provisioning {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Pattern PERMISSION = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final Jdbi jdbi;
    private final PasswordHasher hasher;
    private final Clock clock;

    public Provisioning(Jdbi jdbi, PasswordHasher hasher, Clock clock) {
        this.jdbi = jdbi;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** @return true when the user was created, false when it existed and was updated */
    public boolean upsertUser(String username, String email, String password, List<String> roles, String tenantId) {
        require(username != null && USERNAME.matcher(username).matches(),
                "username must be 1 to 64 of A-Z a-z 0-9 . _ @ -");
        require(email != null && EMAIL.matcher(email).matches() && email.length() <= 254, "email is not an address");
        require(tenantId != null && NAME.matcher(tenantId).matches(), "tenant must be 1 to 64 of a-z A-Z 0-9 . _ : -");
        require(roles.stream().allMatch(role -> NAME.matcher(role).matches()),
                "each role must be 1 to 64 of a-z A-Z 0-9 . _ : -");
        require(password != null && !password.isEmpty() && password.length() <= 1024, "password must be 1 to 1024 characters");
        return jdbi.inTransaction(handle -> {
            UserDao users = handle.attach(UserDao.class);
            Optional<UserCredentials> existing = users.findByUsername(username);
            String userId;
            if (existing.isEmpty()) {
                userId = UUID.randomUUID().toString();
                users.insert(userId, username, email, hasher.hash(password), tenantId, clock.millis());
            } else {
                userId = existing.get().id();
                users.updateProfile(userId, email, tenantId);
                if (!hasher.verify(password, existing.get().passwordHash())) {
                    users.updatePasswordHash(userId, hasher.hash(password));
                }
            }
            users.replaceRoles(userId, List.copyOf(new java.util.TreeSet<>(roles)));
            return existing.isEmpty();
        });
    }

    /** @return true when the service was created, false when it existed and was updated */
    public boolean upsertService(String serviceId, String secret, List<String> permissions) {
        try {
            InternalServiceHeaders.serviceId(List.of(serviceId)); // the same format rule the endpoint enforces
        } catch (InvalidClientException malformed) {
            throw new IllegalArgumentException("service id must be 1 to 64 of a-z 0-9 . _ - starting with a-z or 0-9");
        }
        require(secret != null && secret.length() >= 16 && secret.length() <= 512, "secret must be 16 to 512 characters");
        require(permissions.stream().allMatch(permission -> PERMISSION.matcher(permission).matches()),
                "each permission must be 1 to 128 of a-z A-Z 0-9 . _ : -");
        return jdbi.inTransaction(handle -> {
            ServiceClientDao services = handle.attach(ServiceClientDao.class);
            Optional<String> existingHash = services.findSecretHash(serviceId);
            if (existingHash.isEmpty()) {
                services.insert(serviceId, hasher.hash(secret), clock.millis());
            } else if (!hasher.verify(secret, existingHash.get())) {
                services.updateSecretHash(serviceId, hasher.hash(secret));
            }
            services.replacePermissions(serviceId, List.copyOf(new java.util.TreeSet<>(permissions)));
            return existingHash.isEmpty();
        });
    }

    private static void require(boolean valid, String message) {
        if (!valid) {
            throw new IllegalArgumentException(message);
        }
    }
}
