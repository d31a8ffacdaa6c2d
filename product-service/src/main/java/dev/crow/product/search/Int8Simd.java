package dev.crow.product.search;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Dot products of int8 codes with SIMD instructions through the JDK's Vector API (incubating in
 * every JDK since 16). Loaded only when the JVM was started with
 * {@code --add-modules jdk.incubator.vector} and compiles with C2 ({@link VectorScan#simd()}); the
 * API's fallback without C2 is far slower than plain loops.
 * <p>
 * Each step widens as many bytes as the preferred integer vector has lanes (8 with AVX2, 16 with
 * AVX-512) to ints, multiplies them with the query's codes and adds them to the accumulator, which
 * cannot overflow: 127 × 127 × 4,096 dimensions is below 2³¹.
 */
final class Int8Simd {

    private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Byte> BYTES =
            VectorSpecies.of(byte.class, VectorShape.forBitSize(INTS.length() * Byte.SIZE));

    private Int8Simd() {
    }

    /** Whether the preferred shape has a byte counterpart this class can widen from (8 or more lanes). */
    static boolean supported() {
        return INTS.length() >= 8;
    }

    static int dot(int[] query, byte[] codes, int offset, int dims) {
        IntVector sum = IntVector.zero(INTS);
        int lanes = INTS.length();
        int j = 0;
        for (; j + lanes <= dims; j += lanes) {
            IntVector widened = (IntVector) ByteVector.fromArray(BYTES, codes, offset + j)
                    .convertShape(VectorOperators.B2I, INTS, 0);
            sum = sum.add(widened.mul(IntVector.fromArray(INTS, query, j)));
        }
        int total = sum.reduceLanes(VectorOperators.ADD);
        for (; j < dims; j++) {
            total += query[j] * codes[offset + j];
        }
        return total;
    }
}
