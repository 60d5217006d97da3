package com.nexustrade.repro.replica;

/**
 * Starts the incident replica by hand, for docs/repro.md's examples and for trying the tool, optionally behind a
 * {@link ClosingFront} that closes connections as real servers do:
 * {@code java -cp target/test-classes:target/repro.jar com.nexustrade.repro.replica.ReplicaMain [racy|serialised|no-jwks|grace-unbound]
 * [http10|connection-close|keepalive-requests=N|idle=MS]}.
 * Prints the base URL to point repro at and runs until killed.
 */
public final class ReplicaMain {

    private ReplicaMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        String kind = args.length > 0 ? args[0] : "racy";
        IncidentReplica replica = switch (kind) {
            case "serialised" -> IncidentReplica.serialised();
            case "no-jwks" -> IncidentReplica.withoutJwks();
            case "grace-unbound" -> IncidentReplica.graceWithoutBinding();
            default -> IncidentReplica.racy();
        };
        Runtime.getRuntime().addShutdownHook(new Thread(replica::close));
        if (args.length > 1) {
            ClosingFront front = new ClosingFront(replica.baseUrl(), ClosingFront.Closing.parse(args[1]));
            Runtime.getRuntime().addShutdownHook(new Thread(front::close));
            System.out.println(front.baseUrl());
        } else {
            System.out.println(replica.baseUrl());
        }
        Thread.currentThread().join();
    }
}
