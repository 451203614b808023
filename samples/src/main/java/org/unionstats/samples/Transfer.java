package org.unionstats.samples;

import java.time.LocalDate;

/**
 * A member moving between two counties of the same city: a transfer_out row in the first county's file and a
 * transfer_in row in the second's, for the same member id.
 */
record Transfer(Person person, String fromCounty, String fromOrg, String toCounty, String toOrg,
        int periodIndex, LocalDate outDate, LocalDate inDate) {}
