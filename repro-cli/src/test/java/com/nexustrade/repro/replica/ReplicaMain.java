package com.nexustrade.repro.replica;

/**
 * Starts the incident replica by hand, for docs/repro.md's examples and for trying the tool:
 * {@code java -cp target/test-classes:target/repro.jar com.nexustrade.repro.replica.ReplicaMain [racy|serialised|no-jwks]}.
 * Prints its base URL and runs until killed.
 */
public final class ReplicaMain {

    private ReplicaMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        String kind = args.length > 0 ? args[0] : "racy";
        IncidentReplica replica = switch (kind) {
            case "serialised" -> IncidentReplica.serialised();
            case "no-jwks" -> IncidentReplica.withoutJwks();
            default -> IncidentReplica.racy();
        };
        Runtime.getRuntime().addShutdownHook(new Thread(replica::close));
        System.out.println(replica.baseUrl());
        Thread.currentThread().join();
    }
}
