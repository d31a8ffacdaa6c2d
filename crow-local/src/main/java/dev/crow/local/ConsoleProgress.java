package dev.crow.local;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Progress as aligned lines: {@code   auth           ready in 7.9 s   http://127.0.0.1:8081}. */
final class ConsoleProgress implements Progress {

    private final PrintStream out;

    ConsoleProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public void postgresStarting(String where) {
        line("postgres", "starting…", where);
    }

    @Override
    public void postgresReady(String where, Duration took) {
        line("postgres", "ready in " + seconds(took), where);
    }

    @Override
    public void serviceSkipped(String service, String reason) {
        line(service, "skipped", reason);
    }

    @Override
    public void serviceUnpacking(String service) {
        line(service, "unpacking…", "new or changed jar; class-data archive follows on first stop");
    }

    @Override
    public void serviceStarting(String service, String url) {
        line(service, "starting…", url);
    }

    @Override
    public void serviceReady(String service, String url, Duration took) {
        line(service, "ready in " + seconds(took), url);
    }

    @Override
    public void serviceFailed(String service, String reason, List<String> logTail) {
        synchronized (out) {
            line(service, "FAILED", reason);
            if (!logTail.isEmpty()) {
                out.println("  ── last " + logTail.size() + " lines of the " + service + " log ──");
                logTail.forEach(logLine -> out.println("  | " + logLine));
            }
        }
    }

    @Override
    public void serviceExited(String service, int exitCode) {
        line(service, "exited", "code " + exitCode + "; the rest keeps running");
    }

    @Override
    public void stopping(String note) {
        out.println(note.isEmpty() ? "Stopping CROW…" : "Stopping CROW… (" + note + ")");
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private void line(String subject, String state, String detail) {
        synchronized (out) {
            out.printf(Locale.ROOT, "  %-14s %-16s %s%n", subject, state, detail);
        }
    }
}
