package dev.crow.product.search;

import java.lang.management.ManagementFactory;

import com.sun.management.HotSpotDiagnosticMXBean;

/**
 * How {@link InMemoryVectorIndex} scans a segment. Both return the exact top k by dot product.
 */
enum VectorScan {

    /** Every vector's float dot product with the query, in plain Java loops. */
    EXACT("exact float scan"),

    /**
     * A SIMD pass over int8 codes of the vectors (a quarter of the memory traffic) ranks them
     * approximately; the best are then scored exactly, and so is every other vector whose error bound
     * could lift it into the top k, so the answer is the exact one.
     */
    INT8_SIMD("int8 SIMD scan with exact rescoring");

    private final String description;

    VectorScan(String description) {
        this.description = description;
    }

    String description() {
        return description;
    }

    /** The SIMD scan where this JVM runs it well, else the exact float scan. */
    static VectorScan detect() {
        return simd() ? INT8_SIMD : EXACT;
    }

    /**
     * True when the Vector API module is present ({@code --add-modules jdk.incubator.vector}), C2
     * compiles (without it the API runs as slow Java fallbacks: {@code -XX:TieredStopAtLevel=1} turns it
     * off) and the CPU has 256-bit or wider vectors.
     */
    static boolean simd() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty() || !optimizingCompiler()) {
            return false;
        }
        try {
            return Int8Simd.supported();
        } catch (LinkageError unavailable) {
            return false;
        }
    }

    private static boolean optimizingCompiler() {
        try {
            HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            boolean tiered = Boolean.parseBoolean(hotspot.getVMOption("TieredCompilation").getValue());
            int stopAt = Integer.parseInt(hotspot.getVMOption("TieredStopAtLevel").getValue());
            return !tiered || stopAt >= 4;
        } catch (RuntimeException | LinkageError notHotSpot) {
            return false;
        }
    }
}
