package io.continuity.messaging;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientException;

import org.hibernate.exception.JDBCConnectionException;

/**
 * Tells a passing failure (database unreachable, connection lost, serialization conflict, deadlock) from a
 * permanent one. Passing failures are retried in place and never dead-letter a record.
 */
public final class TransientFailures {

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof JDBCConnectionException || t instanceof ConnectException || t instanceof SQLTransientException
                    || t instanceof AwaitingInput) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && transientState(sql.getSQLState())) {
                return true;
            }
            if (t.getClass().getName().contains("AcquisitionTimeout") || String.valueOf(t.getMessage()).contains("acquisition timeout")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** A serialization conflict or deadlock: the transaction can be run again at once. */
    public static boolean isConflict(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException sql && ("40001".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean transientState(String state) {
        return state.startsWith("08") // connection exception
                || state.startsWith("53") // insufficient resources
                || state.startsWith("57P") // admin shutdown, crash shutdown, cannot connect now
                || "40001".equals(state) // serialization failure
                || "40P01".equals(state) // deadlock
                || "55P03".equals(state); // lock not available
    }
}
