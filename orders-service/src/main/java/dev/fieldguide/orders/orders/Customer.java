package dev.fieldguide.orders.orders;

import dev.fieldguide.orders.db.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** Someone who places orders; the email is unique ignoring case. */
@Entity
@Table(name = "customers")
public class Customer extends BaseEntity {

  @Column(nullable = false)
  private String email;

  @Column(nullable = false)
  private String name;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @SuppressWarnings("NullAway.Init") // JPA fills the fields after this constructor
  protected Customer() {}

  public Customer(String email, String name) {
    this.email = email;
    this.name = name;
    this.createdAt = Instant.now();
  }

  public String getEmail() {
    return email;
  }

  public String getName() {
    return name;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
