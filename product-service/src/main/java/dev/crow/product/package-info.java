/** The product service: crawls shops into an organization's catalogue and searches it. */
package dev.crow.product;
