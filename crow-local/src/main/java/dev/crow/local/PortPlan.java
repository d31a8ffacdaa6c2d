package dev.crow.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Which ports a platform uses: the catalog's ports shifted by one offset (so several platforms
 * fit on one machine), with explicit overrides per service, per management port
 * ({@code <name>.management}) and for {@code postgres}.
 */
record PortPlan(int offset, Map<String, Integer> explicit) {

    static final String POSTGRES = "postgres";
    private static final int HIGHEST_PORT = 65535;

    PortPlan {
        explicit = Map.copyOf(explicit);
        if (offset < 0 || ServiceCatalog.POSTGRES_PORT + offset > HIGHEST_PORT) {
            throw new IllegalArgumentException("port offset must be between 0 and "
                    + (HIGHEST_PORT - ServiceCatalog.POSTGRES_PORT) + ", not " + offset);
        }
    }

    int port(ServiceDefinition service) {
        return explicit.getOrDefault(service.name(), service.port() + offset);
    }

    int managementPort(ServiceDefinition service) {
        return explicit.getOrDefault(service.name() + ".management", service.managementPort() + offset);
    }

    int healthPort(ServiceDefinition service) {
        return service.hasManagementPort() ? managementPort(service) : port(service);
    }

    int postgresPort() {
        return explicit.getOrDefault(POSTGRES, ServiceCatalog.POSTGRES_PORT + offset);
    }

    String baseUrl(ServiceDefinition service) {
        return "http://127.0.0.1:" + port(service);
    }

    /** Every port this plan would bind for the given services. */
    List<Integer> ports(List<ServiceDefinition> services, boolean embeddedPostgres) {
        List<Integer> ports = new ArrayList<>();
        for (ServiceDefinition service : services) {
            ports.add(port(service));
            if (service.hasManagementPort()) {
                ports.add(managementPort(service));
            }
        }
        if (embeddedPostgres) {
            ports.add(postgresPort());
        }
        return ports;
    }

    /**
     * An offset at which every catalog port (and the embedded PostgreSQL's) is free right now,
     * for tests that start a platform next to others. Starts at a random hundred so JVMs that
     * search at the same moment rarely pick the same one.
     */
    static int freeOffset() {
        int maxStep = (HIGHEST_PORT - ServiceCatalog.POSTGRES_PORT) / 100;
        int first = ThreadLocalRandom.current().nextInt(10, maxStep);
        for (int attempt = 0; attempt < maxStep; attempt++) {
            int step = 10 + (first - 10 + attempt) % (maxStep - 10);
            PortPlan candidate = new PortPlan(step * 100, Map.of());
            if (candidate.ports(ServiceCatalog.all(), true).stream().allMatch(PortPlan::isFree)) {
                return candidate.offset();
            }
        }
        throw new IllegalStateException("no port offset with all platform ports free");
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // as servers do, so connections lingering in TIME_WAIT do not count as "in use"
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
