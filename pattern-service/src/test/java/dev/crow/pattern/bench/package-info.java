/** Benchmark: time and memory to mine a million generated interactions (bench/patterns). */
package dev.crow.pattern.bench;
