package io.continuity.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.Set;

/**
 * Whether the PostgreSQL on 127.0.0.1:5432 can be used as the local run and the tests use it: user {@code postgres}, no
 * password. A stock server with password authentication answers but refuses that login; the callers then start an
 * embedded PostgreSQL instead of failing, and say why.
 */
public final class LocalPostgres {

    public static final String HOST = "127.0.0.1";
    public static final int PORT = 5432;
    public static final String USER = "postgres";

    /**
     * Login refused: 28P01 (wrong or missing password), 28000 (no pg_hba.conf entry, or a role that may not log in),
     * 08004 (the server asked for a password and the driver has none to give).
     */
    private static final Set<String> LOGIN_REFUSED = Set.of("28P01", "28000", "08004");

    private LocalPostgres() {
    }

    /** What the probe found. */
    public enum Outcome {
        /** A server answered and let {@code postgres} in without a password. */
        ACCEPTS,
        /** Nothing listens on the port. */
        NOT_LISTENING,
        /** A PostgreSQL answered and refused the login. */
        REFUSES_LOGIN,
        /** Something answered, but the driver could not use it (not PostgreSQL, shutting down, ...). */
        UNUSABLE
    }

    /** The outcome and, unless the server accepts, one sentence saying why it cannot be used. */
    public record Probe(Outcome outcome, String reason) {

        public boolean accepts() {
            return outcome == Outcome.ACCEPTS;
        }
    }

    /** Probes 127.0.0.1:5432 as user {@code postgres} without a password. */
    public static Probe probe() {
        return probe(HOST, PORT);
    }

    public static Probe probe(String host, int port) {
        String where = host + ":" + port;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
        } catch (IOException e) {
            return new Probe(Outcome.NOT_LISTENING, "No PostgreSQL answers on " + where);
        }
        Properties login = new Properties();
        login.setProperty("user", USER);
        login.setProperty("password", "");
        login.setProperty("connectTimeout", "3");
        login.setProperty("socketTimeout", "5");
        login.setProperty("loginTimeout", "5");
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + where + "/postgres", login)) {
            return new Probe(Outcome.ACCEPTS, "");
        } catch (SQLException e) {
            return classify(where, e);
        }
    }

    static Probe classify(String where, SQLException e) {
        String state = e.getSQLState() == null ? "no SQLSTATE" : e.getSQLState();
        String said = "(SQLSTATE " + state + ": " + String.valueOf(e.getMessage()).replaceAll("\\s+", " ").trim() + ")";
        if (LOGIN_REFUSED.contains(state)) {
            return new Probe(Outcome.REFUSES_LOGIN, "The PostgreSQL on " + where + " refuses user " + USER + " without a password " + said);
        }
        return new Probe(Outcome.UNUSABLE, where + " answers but not as a PostgreSQL the run can use " + said);
    }
}
