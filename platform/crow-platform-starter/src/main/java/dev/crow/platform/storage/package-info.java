/** Object storage for files services keep: a local directory or an S3-compatible bucket behind one interface. */
package dev.crow.platform.storage;
