package com.nexustrade.auth.db;

import com.nexustrade.auth.users.UserCredentials;
import com.nexustrade.auth.users.UserStore;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

import java.util.List;
import java.util.Optional;

public interface UserDao extends UserStore {

    @Override
    @SqlQuery("SELECT id, username, email, tenant_id, password_hash FROM users WHERE username = :username")
    @RegisterConstructorMapper(UserCredentials.class)
    Optional<UserCredentials> findByUsername(@Bind("username") String username);

    @Override
    @SqlQuery("SELECT role FROM user_roles WHERE user_id = :userId ORDER BY role")
    List<String> rolesOf(@Bind("userId") String userId);

    @SqlUpdate("""
            INSERT INTO users (id, username, email, password_hash, tenant_id, created_at)
            VALUES (:id, :username, :email, :passwordHash, :tenantId, :now)""")
    void insert(@Bind("id") String id, @Bind("username") String username, @Bind("email") String email,
                @Bind("passwordHash") String passwordHash, @Bind("tenantId") String tenantId, @Bind("now") long now);

    @SqlUpdate("UPDATE users SET email = :email, tenant_id = :tenantId WHERE id = :id")
    void updateProfile(@Bind("id") String id, @Bind("email") String email, @Bind("tenantId") String tenantId);

    @SqlUpdate("UPDATE users SET password_hash = :passwordHash WHERE id = :id")
    void updatePasswordHash(@Bind("id") String id, @Bind("passwordHash") String passwordHash);

    @SqlUpdate("DELETE FROM user_roles WHERE user_id = :userId")
    void deleteRoles(@Bind("userId") String userId);

    @SqlBatch("INSERT INTO user_roles (user_id, role) VALUES (:userId, :role)")
    void insertRoles(@Bind("userId") String userId, @Bind("role") List<String> roles);

    @Transaction
    default void replaceRoles(String userId, List<String> roles) {
        deleteRoles(userId);
        insertRoles(userId, roles);
    }
}
