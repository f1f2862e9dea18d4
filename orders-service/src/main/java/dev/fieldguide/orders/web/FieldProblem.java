package dev.fieldguide.orders.web;

/** One entry of a problem's {@code errors[]}: which field, and what is wrong with it. */
public record FieldProblem(String field, String message) {}
