package com.nexustrade.auth.refresh;


/**
 * Writes one rotation: the compare-and-set that marks {@code current} used, and, when it wins, the insert of its
 * successor. Returns only once the outcome is durable. False when another caller rotated the token first: then
 * nothing of this rotation was written and that caller's successor is the one to replay.
 * {@code RefreshTokenDao::rotate} writes each rotation in a transaction of its own; {@code GroupCommitRotations}
 * shares one commit among concurrent rotations.
 */
@FunctionalInterface
public interface RotationWriter {

    boolean rotate(RefreshTokenRecord current, long now, String successorId, String successorHash,
                   long successorExpiresAt, String sealedSuccessor, Long replayUntil);
}
