package io.continuity.testing;

import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;

/**
 * Ends this JVM, running its shutdown hooks, once the process that started it has ended: nothing the local run or a
 * test starts outlives a parent that was killed (an IDE's stop button, {@code kill} of the Maven process, a test JVM
 * killed with -9). The local run calls {@link #exitWithParent(String)} itself; {@link ServiceProcess} starts the service
 * through {@link #main(String[])}, which watches and then runs the service's own main class.
 *
 * <p>Uses the JDK only and has no nested classes: {@link ServiceProcess} copies this one class file onto the service's
 * class path, so none of the test class path (nor its {@code application.properties}) reaches the service.
 */
public final class ParentWatch {

    /** The exit code of a process stopped because its parent ended (as for SIGTERM). */
    public static final int EXIT_CODE = 143;

    private ParentWatch() {
    }

    /** From now on, the end of the parent process ends this JVM; a process without a parent is left alone. */
    public static void exitWithParent(String who) {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> {
            System.err.println(who + ": the process that started it (pid " + parent.pid() + ") has ended; stopping");
            System.exit(EXIT_CODE);
        }));
    }

    /** {@code ParentWatch <main class> [arguments...]}: watches the parent, then runs the main class with the arguments. */
    public static void main(String[] args) throws Throwable {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: ParentWatch <main class> [arguments...]");
        }
        exitWithParent(args[0]);
        try {
            Class.forName(args[0]).getMethod("main", String[].class).invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
