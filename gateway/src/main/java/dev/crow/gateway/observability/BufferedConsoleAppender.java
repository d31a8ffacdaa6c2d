package dev.crow.gateway.observability;

import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.encoder.Encoder;

/**
 * The access log's appender: lines are formatted on the calling thread and copied into a memory buffer;
 * a background thread writes the buffer to standard output every {@code flushMillis} (or once it holds
 * {@code bufferSize} bytes). Callers — the event loops — never wait for the terminal, a pipe or a log
 * driver: the lock they take only covers the copy, and when the writer falls behind by more than
 * {@code maxBufferedBytes} further lines are dropped and counted rather than queued without bound.
 * <p>
 * The stock console appender behind logback's async appender cost a queue hand-off, a thread wake-up
 * and a write system call per request, a quarter of the gateway's CPU per request in the benchmark.
 * Whole lines are written, so other loggers' lines interleave at line boundaries. At most
 * {@code flushMillis} of lines are lost if the process dies.
 */
public class BufferedConsoleAppender<E> extends UnsynchronizedAppenderBase<E> {

    private Encoder<E> encoder;
    private int bufferSize = 64 * 1024;
    private int maxBufferedBytes = 8 * 1024 * 1024;
    private long flushMillis = 250;

    /**
     * Guards the filling buffer. A monitor rather than a {@code ReentrantLock}: the JVM spins on a
     * contended monitor before parking, and the copy it guards is shorter than a park and wake-up, so two
     * event loops logging at once do not put each other to sleep (a lock parked one of them about once in
     * ten requests under the benchmark).
     */
    private final Object lock = new Object();
    private final AtomicLong dropped = new AtomicLong();
    private byte[] filling;
    private int filled;
    private byte[] draining;
    private Thread writer;
    private volatile boolean running;

    public void setEncoder(Encoder<E> encoder) {
        this.encoder = encoder;
    }

    public void setBufferSize(int bufferSize) {
        this.bufferSize = bufferSize;
    }

    public void setMaxBufferedBytes(int maxBufferedBytes) {
        this.maxBufferedBytes = maxBufferedBytes;
    }

    public void setFlushMillis(long flushMillis) {
        this.flushMillis = flushMillis;
    }

    /** Lines dropped because the writer could not keep up. */
    public long dropped() {
        return dropped.get();
    }

    @Override
    public void start() {
        if (encoder == null) {
            addError("no encoder for appender " + getName());
            return;
        }
        filling = new byte[bufferSize];
        draining = new byte[bufferSize];
        running = true;
        writer = new Thread(this::writeLoop, "access-log-writer");
        writer.setDaemon(true);
        writer.start();
        super.start();
    }

    @Override
    public void stop() {
        running = false;
        if (writer != null) {
            writer.interrupt();
            try {
                writer.join(TimeUnit.SECONDS.toMillis(2));
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        super.stop();
    }

    @Override
    protected void append(E event) {
        byte[] line = encoder.encode(event);
        synchronized (lock) {
            if (filled + line.length > filling.length) {
                if (filled + line.length > maxBufferedBytes) {
                    dropped.incrementAndGet();
                    return;
                }
                byte[] larger = new byte[Math.min(maxBufferedBytes, Math.max(filling.length * 2, filled + line.length))];
                System.arraycopy(filling, 0, larger, 0, filled);
                filling = larger;
            }
            System.arraycopy(line, 0, filling, filled, line.length);
            filled += line.length;
            if (filled >= bufferSize) {
                lock.notify();
            }
        }
    }

    private void writeLoop() {
        while (running || filled > 0) {
            byte[] chunk;
            int length;
            synchronized (lock) {
                try {
                    if (running && filled < bufferSize) {
                        lock.wait(flushMillis);
                    }
                }
                catch (InterruptedException stopping) {
                    running = false;
                }
                // Swap buffers: callers go on filling the spare while this one is written.
                chunk = filling;
                length = filled;
                filling = draining;
                filled = 0;
            }
            if (length > 0) {
                write(chunk, length);
            }
            // The written buffer is the next spare; one grown by a burst is let go.
            draining = chunk.length == bufferSize ? chunk : new byte[bufferSize];
        }
    }

    private void write(byte[] chunk, int length) {
        // Whatever System.out is now, as logback's own console appender does (tests capture it).
        PrintStream out = System.out;
        out.write(chunk, 0, length);
        out.flush();
        if (out.checkError()) {
            addError("could not write the access log", new IOException("standard output reported an error"));
        }
    }
}
