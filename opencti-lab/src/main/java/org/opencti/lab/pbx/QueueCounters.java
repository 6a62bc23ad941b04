package org.opencti.lab.pbx;

/** Running totals of one queue; loop-confined. */
final class QueueCounters {
    long offered;
    long answered;
    long abandoned;
}
