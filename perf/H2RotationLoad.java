import java.io.File;
import java.sql.*;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A refresh's database work on H2 without the service around it: THREADS threads, each on a connection of its own,
 * each repeating a refresh's statements (read the token by hash, mark it used, insert its successor, commit) on a
 * table shaped like refresh_tokens, with the shipped WRITE_DELAY=0, for SECONDS. Every 10 s (and for 60 s after
 * the load stops) it prints the commits so far and the size of the database file. Shows H2's ceiling on this
 * machine and how its file grows (docs/performance.md). The file is deleted at the end.
 *
 *   java -cp ~/.m2/repository/com/h2database/h2/2.5.252/h2-2.5.252.jar perf/H2RotationLoad.java THREADS SECONDS [";H2 settings"]
 */
public class H2RotationLoad {
    public static void main(String[] a) throws Exception {
        int threads = Integer.parseInt(a[0]); int seconds = Integer.parseInt(a[1]); String extra = a.length > 2 ? a[2] : "";
        String dir = System.getProperty("java.io.tmpdir") + "/h2-rotation-load"; new File(dir + ".mv.db").delete();
        String url = "jdbc:h2:file:" + dir + ";MODE=PostgreSQL;WRITE_DELAY=0" + extra;
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.createStatement().execute("CREATE TABLE t (id varchar(36) primary key, h varchar(64) unique, fam varchar(36), exp bigint, used bigint, repl bigint)");
            c.createStatement().execute("CREATE INDEX ix_f ON t(fam)"); c.createStatement().execute("CREATE INDEX ix_e ON t(exp)"); c.createStatement().execute("CREATE INDEX ix_r ON t(repl)");
            AtomicLong done = new AtomicLong(); long end = System.nanoTime() + seconds * 1_000_000_000L;
            for (int i = 0; i < threads; i++) {
                Thread t = new Thread(() -> {
                    try (Connection k = DriverManager.getConnection(url, "sa", "")) {
                        PreparedStatement sel = k.prepareStatement("SELECT id, used FROM t WHERE h = ?");
                        PreparedStatement ins = k.prepareStatement("INSERT INTO t VALUES (?,?,?,?,NULL,NULL)");
                        PreparedStatement upd = k.prepareStatement("UPDATE t SET used=?, repl=? WHERE id=? AND used IS NULL");
                        String prevHash = null;
                        while (System.nanoTime() < end) {
                            String id = UUID.randomUUID().toString(), h = UUID.randomUUID() + "x";
                            k.setAutoCommit(true);
                            String prevId = null;
                            if (prevHash != null) { sel.setString(1, prevHash); try (ResultSet r = sel.executeQuery()) { if (r.next()) prevId = r.getString(1); } }
                            k.setAutoCommit(false);
                            if (prevId != null) { upd.setLong(1, 1); upd.setLong(2, 1); upd.setString(3, prevId); upd.executeUpdate(); }
                            ins.setString(1, id); ins.setString(2, h); ins.setString(3, "f"); ins.setLong(4, 1); ins.executeUpdate();
                            k.commit(); prevHash = h; done.incrementAndGet();
                        }
                        k.setAutoCommit(true);
                    } catch (SQLException e) { e.printStackTrace(); }
                });
                t.start();
            }
            for (int s = 0; s < seconds + 60; s += 10) {
                Thread.sleep(10_000);
                System.out.printf("t=%ds commits=%d file=%d MB%n", s + 10, done.get(), new File(dir + ".mv.db").length() >> 20);
            }
        }
        System.out.printf("closed: file=%d MB%n", new File(dir + ".mv.db").length() >> 20);
        new File(dir + ".mv.db").delete();
    }
}
