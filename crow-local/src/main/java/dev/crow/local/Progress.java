package dev.crow.local;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/** What a starting platform reports, one call per step; the console prints one line per call. */
public interface Progress {

    void postgresStarting(String where);

    void postgresReady(String where, Duration took);

    void serviceSkipped(String service, String reason);

    /** The service's jar is new or changed and is being unpacked before its first start. */
    void serviceUnpacking(String service);

    void serviceStarting(String service, String url);

    void serviceReady(String service, String url, Duration took);

    void serviceFailed(String service, String reason, List<String> logTail);

    /** A service that was ready exited on its own while the platform ran. */
    void serviceExited(String service, int exitCode);

    /** Everything is being stopped; {@code note} says why it may take a while, or is empty. */
    void stopping(String note);

    static Progress console(PrintStream out) {
        return new ConsoleProgress(out);
    }

    static Progress silent() {
        return new Progress() {
            @Override
            public void postgresStarting(String where) {
            }

            @Override
            public void postgresReady(String where, Duration took) {
            }

            @Override
            public void serviceSkipped(String service, String reason) {
            }

            @Override
            public void serviceUnpacking(String service) {
            }

            @Override
            public void serviceStarting(String service, String url) {
            }

            @Override
            public void serviceReady(String service, String url, Duration took) {
            }

            @Override
            public void serviceFailed(String service, String reason, List<String> logTail) {
            }

            @Override
            public void serviceExited(String service, int exitCode) {
            }

            @Override
            public void stopping(String note) {
            }
        };
    }
}
