package dev.fieldguide.orders.support;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A customer row for a test ({@code TestData.aCustomer()}): a unique e-mail and name unless the
 * test names them, so customers of different tests never collide.
 */
public final class CustomerBuilder {

  private final JdbcClient jdbc;
  private final String tag = UUID.randomUUID().toString();
  private String name = "Test " + tag;
  private String email = tag + "@example.test";

  CustomerBuilder(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public CustomerBuilder named(String name) {
    this.name = name;
    return this;
  }

  /** An e-mail the test chose; unique across the run, or the insert fails. */
  public CustomerBuilder withEmail(String email) {
    this.email = email;
    return this;
  }

  /** Inserts the customer; its id. */
  public long create() {
    return jdbc.sql("INSERT INTO customers (email, name) VALUES (?, ?) RETURNING id")
        .params(email, name).query(Long.class).single();
  }
}
