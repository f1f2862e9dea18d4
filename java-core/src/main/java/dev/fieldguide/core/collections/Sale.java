package dev.fieldguide.core.collections;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One sale: the input every collection example in this package works on. */
public record Sale(String customer, LocalDate day, BigDecimal amount) {}
