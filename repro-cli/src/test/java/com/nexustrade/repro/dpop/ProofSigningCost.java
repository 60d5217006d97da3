package com.nexustrade.repro.dpop;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.util.Arrays;

/**
 * What one DPoP proof costs repro in CPU, for docs/repro.md ("What signing proofs costs the tool"): the thread's
 * own CPU time per proof (made and serialised as a refresh sends it), so other load on the machine barely moves it.
 * {@code java -cp target/test-classes:target/repro.jar com.nexustrade.repro.dpop.ProofSigningCost [proofs] [rounds]}.
 */
public final class ProofSigningCost {

    private ProofSigningCost() {
    }

    public static void main(String[] args) {
        int proofs = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        DeviceKey key = DeviceKey.generate();
        URI htu = URI.create("http://localhost:8080/auth/refresh");
        for (int i = 0; i < proofs; i++) {
            key.proof("POST", htu, null); // warm-up: the JIT, and the JDK's EC code
        }
        double[] micros = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < proofs; i++) {
                key.proof("POST", htu, null);
            }
            micros[round] = (threads.getCurrentThreadCpuTime() - start) / 1e3 / proofs;
        }
        Arrays.sort(micros);
        System.out.printf("%s: CPU per proof, median of %d rounds of %d: %.1f µs (min %.1f, max %.1f)%n",
                System.getProperty("java.vm.version"), rounds, proofs, micros[rounds / 2], micros[0], micros[rounds - 1]);
    }
}
