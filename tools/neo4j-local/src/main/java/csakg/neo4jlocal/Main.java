package csakg.neo4jlocal;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;

/**
 * Main runs Neo4j Community embedded with only the Bolt connector, bound to
 * 127.0.0.1, until the process is told to stop.
 *
 * <p>Settings come from system properties so that the start script owns every
 * default: csakg.home, csakg.port, csakg.user, csakg.pagecache (MiB). The
 * password comes from the environment, NEO4J_LOCAL_PASSWORD_FILE (a file
 * whose first line it is) or NEO4J_LOCAL_PASSWORD, never from the command
 * line, which other local users can read.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        Path home = Path.of(prop("csakg.home", "neo4j-data")).toAbsolutePath();
        int port = Integer.parseInt(prop("csakg.port", "7687"));
        String user = prop("csakg.user", "neo4j");
        String password = password();
        long pageCacheMiB = Long.parseLong(prop("csakg.pagecache", "64"));

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                // Unset, the page cache takes about half of the machine's memory.
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMiB))
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "keep_none")
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("neo4j-local: stopping");
            dbms.shutdown();
            stopped.countDown();
        }, "neo4j-local-shutdown"));

        setCredentials(dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME), user, password);
        // Touch the default database so that it is online before we say ready.
        dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("RETURN 1");
        System.out.println("neo4j-local: ready on bolt://127.0.0.1:" + port + " (home " + home + ")");
        stopped.await();
    }

    // setCredentials makes user/password valid logins. Community has no
    // roles, so any user may read and write.
    private static void setCredentials(GraphDatabaseService system, String user, String password) {
        String statement = "neo4j".equals(user)
                ? "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED"
                : "CREATE USER $user IF NOT EXISTS SET PASSWORD $password CHANGE NOT REQUIRED";
        try {
            system.executeTransactionally(statement, Map.of("user", user, "password", password));
        } catch (RuntimeException e) {
            // Neo4j refuses to set the password a user already has; on a
            // second start that is the expected case.
            String msg = String.valueOf(e.getMessage());
            if (!msg.contains("Old password and new password cannot be the same")) {
                throw e;
            }
        }
    }

    private static String password() throws java.io.IOException {
        String file = System.getenv("NEO4J_LOCAL_PASSWORD_FILE");
        if (file != null && !file.isEmpty()) {
            String first = java.nio.file.Files.readAllLines(Path.of(file)).stream().findFirst().orElse("");
            if (first.isEmpty()) {
                throw new IllegalArgumentException("NEO4J_LOCAL_PASSWORD_FILE " + file + ": the first line is empty");
            }
            return first;
        }
        String v = System.getenv("NEO4J_LOCAL_PASSWORD");
        if (v == null || v.isEmpty()) {
            throw new IllegalArgumentException("set NEO4J_LOCAL_PASSWORD or NEO4J_LOCAL_PASSWORD_FILE");
        }
        return v;
    }

    private static String prop(String name, String fallback) {
        String v = System.getProperty(name);
        return v == null || v.isEmpty() ? fallback : v;
    }
}
