/** The daily, weekly, monthly and yearly mining runs, each taken by one instance under a ShedLock cluster lock. */
package dev.crow.pattern.schedule;
