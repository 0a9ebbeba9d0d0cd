package org.hotelmesh.devtools;

/**
 * Creates the services' databases when missing: {@code Databases HOST PORT USER DB...}; the password comes from
 * HOTELMESH_DB_PASSWORD. Flyway then migrates each one when its service starts.
 */
public final class Databases {

    private Databases() {
    }

    public static void main(String[] args) {
        if (args.length < 4) {
            System.err.println("usage: Databases HOST PORT USER DATABASE...");
            System.exit(2);
        }
        Stores.Endpoint pg = new Stores.Endpoint(args[0], Integer.parseInt(args[1]));
        String password = System.getenv().getOrDefault("HOTELMESH_DB_PASSWORD", "");
        for (int i = 3; i < args.length; i++) {
            Stores.createDatabaseIfMissing(pg, args[2], password, args[i]);
        }
    }
}
