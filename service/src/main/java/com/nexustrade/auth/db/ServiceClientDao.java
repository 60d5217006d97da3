package com.nexustrade.auth.db;

import com.nexustrade.auth.services.ServiceClientStore;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

import java.util.List;
import java.util.Optional;

public interface ServiceClientDao extends ServiceClientStore {

    @Override
    @SqlQuery("SELECT secret_hash FROM service_clients WHERE id = :id")
    Optional<String> findSecretHash(@Bind("id") String serviceId);

    @Override
    @SqlQuery("SELECT permission FROM service_permissions WHERE service_id = :id ORDER BY permission")
    List<String> permissionsOf(@Bind("id") String serviceId);

    @SqlUpdate("INSERT INTO service_clients (id, secret_hash, created_at) VALUES (:id, :secretHash, :now)")
    void insert(@Bind("id") String serviceId, @Bind("secretHash") String secretHash, @Bind("now") long now);

    @SqlUpdate("UPDATE service_clients SET secret_hash = :secretHash WHERE id = :id")
    void updateSecretHash(@Bind("id") String serviceId, @Bind("secretHash") String secretHash);

    @SqlUpdate("DELETE FROM service_permissions WHERE service_id = :id")
    void deletePermissions(@Bind("id") String serviceId);

    @SqlBatch("INSERT INTO service_permissions (service_id, permission) VALUES (:id, :permission)")
    void insertPermissions(@Bind("id") String serviceId, @Bind("permission") List<String> permissions);

    @Transaction
    default void replacePermissions(String serviceId, List<String> permissions) {
        deletePermissions(serviceId);
        insertPermissions(serviceId, permissions);
    }
}
