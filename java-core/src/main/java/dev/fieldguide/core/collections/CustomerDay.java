package dev.fieldguide.core.collections;

import java.time.LocalDate;

/**
 * The tuple {@code (customer, day)} as a map key: a record is immutable and gets {@code equals} and
 * {@code hashCode} from its components, so two keys built separately find the same entry.
 */
public record CustomerDay(String customer, LocalDate day) {}
