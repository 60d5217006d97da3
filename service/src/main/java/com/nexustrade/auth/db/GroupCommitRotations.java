package com.nexustrade.auth.db;

import com.nexustrade.auth.refresh.RefreshTokenRecord;
import com.nexustrade.auth.refresh.RotationWriter;
import io.dropwizard.lifecycle.Managed;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Group commit of rotations: one writer thread drains the rotations waiting at that moment into one transaction,
 * and every caller is answered after that transaction commits. A durable commit (an fsync on SQLite with
 * synchronous=FULL or on PostgreSQL, a lock hand-over on every store) is then paid once per group instead of once
 * per refresh, and SQLite's writers no longer poll for its single write lock.
 * <p>
 * The race rule is unchanged: each rotation is still its own {@code UPDATE ... WHERE used_at IS NULL} and insert,
 * so concurrent callers on other instances (PostgreSQL) are serialised by the database as before. Within a group,
 * rows are updated in token-id order, so two instances' groups cannot deadlock each other; a rotation whose
 * compare-and-set loses (also to an earlier one of the same group) is answered "lost" after the commit, and its
 * caller reads the winner's successor as a grace replay.
 * <p>
 * The writer has a connection pool of its own (one connection): request threads hold pooled connections while
 * they wait for it, and must not be able to starve it.
 */
public final class GroupCommitRotations implements RotationWriter, Managed {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitRotations.class);
    // Far beyond any commit the store should take; a caller that gives up gets a 500, and its rotation, if it
    // commits later, is replayed when the client retries within the grace window.
    private static final long ANSWER_WITHIN_SECONDS = 60;
    private static final PositionalSql MARK_ROTATED = PositionalSql.of(RefreshTokenDao.MARK_ROTATED);
    private static final int MARK_NOW = MARK_ROTATED.index("now");
    private static final int MARK_SUCCESSOR_ID = MARK_ROTATED.index("successorId");
    private static final int MARK_SEALED = MARK_ROTATED.index("sealed");
    private static final int MARK_REPLAY_UNTIL = MARK_ROTATED.index("replayUntil");
    private static final int MARK_ID = MARK_ROTATED.index("id");
    private static final PositionalSql INSERT_TOKEN = PositionalSql.of(RefreshTokenDao.INSERT_TOKEN);
    private static final int INSERT_ID = INSERT_TOKEN.index("id");
    private static final int INSERT_FAMILY_ID = INSERT_TOKEN.index("familyId");
    private static final int INSERT_HASH = INSERT_TOKEN.index("hash");
    private static final int INSERT_PARENT_ID = INSERT_TOKEN.index("parentId");
    private static final int INSERT_ISSUED_AT = INSERT_TOKEN.index("issuedAt");
    private static final int INSERT_EXPIRES_AT = INSERT_TOKEN.index("expiresAt");
    private static final PositionalSql DELETE_SPENT_PREDECESSOR = PositionalSql.of(RefreshTokenDao.DELETE_SPENT_PREDECESSOR);
    private static final int DELETE_ID = DELETE_SPENT_PREDECESSOR.index("id");

    private final Jdbi writerConnection;
    private final int maxPerCommit;
    private final BlockingQueue<Pending> waiting;
    private volatile boolean running;
    private Thread writer;

    public GroupCommitRotations(Jdbi writerConnection, int maxPerCommit) {
        this.writerConnection = writerConnection;
        this.maxPerCommit = maxPerCommit;
        // Bounded: request threads block here rather than queue without limit (Jetty bounds them anyway).
        this.waiting = new ArrayBlockingQueue<>(Math.max(1024, maxPerCommit * 4));
    }

    private record Pending(RefreshTokenRecord current, long now, String successorId, String successorHash,
                           long successorExpiresAt, String sealedSuccessor, Long replayUntil,
                           CompletableFuture<Boolean> won) {
    }

    @Override
    public boolean rotate(RefreshTokenRecord current, long now, String successorId, String successorHash,
                          long successorExpiresAt, String sealedSuccessor, Long replayUntil) {
        if (!running) {
            throw new IllegalStateException("group commit is not running");
        }
        Pending pending = new Pending(current, now, successorId, successorHash, successorExpiresAt, sealedSuccessor,
                replayUntil, new CompletableFuture<>());
        try {
            waiting.put(pending);
            return pending.won().get(ANSWER_WITHIN_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the rotation's commit", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the rotation's commit did not complete in " + ANSWER_WITHIN_SECONDS + " s", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure; // a JdbiException: TransientRetry decides whether the whole refresh runs again
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void start() {
        running = true;
        writer = new Thread(this::writeUntilStopped, "rotation-group-commit");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void stop() throws InterruptedException {
        running = false;
        writer.interrupt();
        writer.join(TimeUnit.SECONDS.toMillis(10));
        List<Pending> abandoned = new ArrayList<>();
        waiting.drainTo(abandoned);
        abandoned.forEach(pending -> pending.won().completeExceptionally(new IllegalStateException("shutting down")));
    }

    private void writeUntilStopped() {
        List<Pending> group = new ArrayList<>(maxPerCommit);
        while (running) {
            try {
                group.add(waiting.take());
            } catch (InterruptedException stopping) {
                return;
            }
            waiting.drainTo(group, maxPerCommit - 1);
            commit(group);
            group.clear();
        }
    }

    private void commit(List<Pending> group) {
        group.sort(Comparator.comparing(pending -> pending.current().id()));
        boolean[] won;
        try {
            won = writerConnection.inTransaction(handle -> writeAll(handle, group));
        } catch (RuntimeException groupFailed) {
            // Nothing of the group was written. Each rotation gets a transaction of its own, so that one
            // failure (or a deadlock with a revocation) fails no other caller.
            LOG.debug("group commit of {} rotations failed, committing them one by one", group.size(), groupFailed);
            group.forEach(this::commitAlone);
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            group.get(i).won().complete(won[i]);
        }
    }

    private void commitAlone(Pending pending) {
        try {
            pending.won().complete(writerConnection.inTransaction(handle -> writeAll(handle, List.of(pending))[0]));
        } catch (RuntimeException failure) {
            pending.won().completeExceptionally(failure);
        }
    }

    /** Plain batched statements: the writer runs them for every group, JDBI's per-statement set-up would double its CPU. */
    private static boolean[] writeAll(Handle handle, List<Pending> group) {
        try {
            Connection connection = handle.getConnection();
            int[] updated;
            try (PreparedStatement markRotated = connection.prepareStatement(MARK_ROTATED.sql())) {
                for (Pending pending : group) {
                    markRotated.setLong(MARK_NOW, pending.now());
                    markRotated.setString(MARK_SUCCESSOR_ID, pending.successorId());
                    markRotated.setString(MARK_SEALED, pending.sealedSuccessor());
                    setNullableLong(markRotated, MARK_REPLAY_UNTIL, pending.replayUntil());
                    markRotated.setString(MARK_ID, pending.current().id());
                    markRotated.addBatch();
                }
                updated = markRotated.executeBatch();
            }
            boolean[] won = new boolean[group.size()];
            try (PreparedStatement insertSuccessors = connection.prepareStatement(INSERT_TOKEN.sql())) {
                int inserts = 0;
                for (int i = 0; i < group.size(); i++) {
                    won[i] = updated[i] == 1;
                    if (won[i]) {
                        Pending pending = group.get(i);
                        insertSuccessors.setString(INSERT_ID, pending.successorId());
                        insertSuccessors.setString(INSERT_FAMILY_ID, pending.current().familyId());
                        insertSuccessors.setString(INSERT_HASH, pending.successorHash());
                        insertSuccessors.setString(INSERT_PARENT_ID, pending.current().id());
                        insertSuccessors.setLong(INSERT_ISSUED_AT, pending.now());
                        insertSuccessors.setLong(INSERT_EXPIRES_AT, pending.successorExpiresAt());
                        insertSuccessors.addBatch();
                        inserts++;
                    }
                }
                if (inserts > 0) {
                    insertSuccessors.executeBatch();
                }
            }
            deleteSpentPredecessors(connection, group, won);
            return won;
        } catch (SQLException failed) {
            // A JdbiException, as JDBI would throw: commit() and TransientRetry decide on it as before.
            throw new UnableToExecuteStatementException(failed, null);
        }
    }

    /** As {@code RefreshTokenDao.rotate} does for one rotation: each winner's predecessor is spent now. */
    private static void deleteSpentPredecessors(Connection connection, List<Pending> group, boolean[] won)
            throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(DELETE_SPENT_PREDECESSOR.sql())) {
            int deletes = 0;
            for (int i = 0; i < group.size(); i++) {
                String predecessor = group.get(i).current().parentId();
                if (won[i] && predecessor != null) {
                    delete.setString(DELETE_ID, predecessor);
                    delete.addBatch();
                    deletes++;
                }
            }
            if (deletes > 0) {
                delete.executeBatch();
            }
        }
    }

    private static void setNullableLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }
}
